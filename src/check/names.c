/*
 * Name matching by dynamic programming at two levels. Within a word group,
 * a table over (case letter unit, MRZ position) finds whether the MRZ text is
 * one of the spellings of the case letters (or, when truncation is allowed,
 * the beginning of one), using as few alternative spellings as possible.
 * Over a field, a table over (case word, MRZ word, which side skipped words,
 * whether anything matched) aligns the words at the least cost: an exact
 * word costs nothing; an alternative spelling, a truncated word or a
 * different word split costs 1; a word present on one side only costs 3.
 * The cheapest alignment decides the notes. Words may be skipped on one
 * side of a field only, so two different first names never cancel out.
 */
#include "names.h"

#include <stdio.h>
#include <string.h>

#include "translit.h"

#define MAX_MRZ_WORDS 32
#define MAX_GROUP 4         /* words joined into one on either side */
#define MAX_GROUP_TEXT 64   /* letters of a joined MRZ group */
#define INF 1000000

typedef struct case_words {
    int nl;                               /* letter units */
    const ds_tl_unit *l[DS_TL_MAX_UNITS]; /* letter units in order */
    int nw;
    int ws[DS_NAME_MAX_CASE_WORDS], we[DS_NAME_MAX_CASE_WORDS]; /* [ws, we) into l */
    bool hard_before[DS_NAME_MAX_CASE_WORDS]; /* a space or comma before the word */
} case_words;

typedef struct mrz_words {
    int nw;
    char w[MAX_MRZ_WORDS][DS_NAME_MAX_MRZ + 1];
} mrz_words;

/* Returns false when the name has too many words. */
static bool split_case(const ds_tl_name *nm, case_words *cw)
{
    cw->nl = 0;
    cw->nw = 0;
    bool in_word = false, hard = false;
    for (int i = 0; i < nm->n; i++) {
        const ds_tl_unit *u = &nm->u[i];
        if (u->kind != DS_TL_LETTERS) {
            if (in_word)
                cw->we[cw->nw - 1] = cw->nl;
            in_word = false;
            hard |= u->kind == DS_TL_SEP_HARD;
            continue;
        }
        if (!in_word) {
            if (cw->nw == DS_NAME_MAX_CASE_WORDS)
                return false;
            cw->ws[cw->nw] = cw->nl;
            cw->hard_before[cw->nw] = hard;
            cw->nw++;
            in_word = true;
            hard = false;
        }
        cw->l[cw->nl++] = u;
        cw->we[cw->nw - 1] = cw->nl;
    }
    return true;
}

static void split_mrz(const char *s, mrz_words *mw)
{
    mw->nw = 0;
    size_t n = strnlen(s, DS_NAME_MAX_MRZ);
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '<'))
            i++;
        if (i >= n || mw->nw == MAX_MRZ_WORDS)
            break;
        size_t k = 0;
        while (i < n && s[i] != ' ' && s[i] != '<')
            mw->w[mw->nw][k++] = s[i++];
        mw->w[mw->nw][k] = '\0';
        mw->nw++;
    }
}

/* The two-letter MRZ spelling a plain case-record vowel may stand for when
 * the record was typed without its diacritic (Soren for Sören: SOEREN), or
 * NULL. */
static const char *undotted_digraph(const ds_tl_unit *u, int which)
{
    if (u->nalt < 1 || !u->alt[0] || strlen(u->alt[0]) != 1)
        return NULL;
    switch (u->alt[0][0]) {
    case 'A':
        return which == 0 ? "AE" : which == 1 ? "AA" : NULL;
    case 'O':
        return which == 0 ? "OE" : NULL;
    case 'U':
        return which == 0 ? "UE" : NULL;
    default:
        return NULL;
    }
}

/*
 * Can the letter units l[0..nl) be spelled as s[0..ns)? Returns 1 for a
 * whole spelling, 2 when prefix is set and s is only the beginning of one
 * (and no whole spelling exists), 0 otherwise; *alts receives the least
 * number of alternative (not first) spellings used, and *undotted whether
 * that spelling needs a plain vowel of the case record to stand for an MRZ
 * digraph (a diacritic left out when the record was typed).
 */
static int letters_match(const ds_tl_unit *const *l, int nl, const char *s, int ns, bool prefix,
                         int *alts, bool *undotted)
{
    static const unsigned char NONE = 255;
    unsigned char best[DS_TL_MAX_UNITS + 1][MAX_GROUP_TEXT + 1];
    bool dot[DS_TL_MAX_UNITS + 1][MAX_GROUP_TEXT + 1];
    if (ns < 1 || ns > MAX_GROUP_TEXT || nl < 1)
        return 0;
    for (int i = 0; i <= nl; i++) {
        memset(best[i], NONE, (size_t)ns + 1);
        memset(dot[i], 0, (size_t)ns + 1);
    }
    best[0][0] = 0;
    int part = NONE;
    bool part_dot = false;
    for (int i = 0; i < nl; i++) {
        for (int p = 0; p <= ns; p++) {
            if (best[i][p] == NONE)
                continue;
            for (int k = 0; k < l[i]->nalt + 2; k++) {
                bool und = k >= l[i]->nalt;
                const char *a = und ? undotted_digraph(l[i], k - l[i]->nalt) : l[i]->alt[k];
                if (!a)
                    continue;
                int la = (int)strlen(a);
                int c = best[i][p] + (k > 0) + (und ? 1 : 0);
                bool d = dot[i][p] || und;
                if (c > 254)
                    c = 254;
                if (p + la <= ns && memcmp(s + p, a, (size_t)la) == 0) {
                    if (c < best[i + 1][p + la] || (c == best[i + 1][p + la] && !d)) {
                        best[i + 1][p + la] = (unsigned char)c;
                        dot[i + 1][p + la] = d;
                    }
                } else if (prefix && p < ns && la > ns - p && memcmp(s + p, a, (size_t)(ns - p)) == 0) {
                    if (c < part) {
                        part = c;
                        part_dot = d;
                    }
                }
            }
        }
    }
    if (best[nl][ns] != NONE) {
        *alts = best[nl][ns];
        *undotted = dot[nl][ns];
        return 1;
    }
    if (!prefix)
        return 0;
    for (int i = 1; i < nl; i++)
        if (best[i][ns] < part) {
            part = best[i][ns];
            part_dot = dot[i][ns];
        }
    if (part == NONE)
        return 0;
    *alts = part;
    *undotted = part_dot;
    return 2;
}

typedef struct cell {
    int cost;
    unsigned notes;
} cell;

/*
 * Aligns the case words with the MRZ words of one field. prefix lets MRZ
 * words be the beginning of case words; trailing lets case words after the
 * last MRZ word be missing without cost (the field was cut). Returns the
 * least cost (INF when no alignment matches at least one word) and its
 * notes.
 */
static int match_field(const case_words *cw, const mrz_words *mw, bool prefix, bool trailing,
                       unsigned *notes)
{
    cell tab[DS_NAME_MAX_CASE_WORDS + 1][MAX_MRZ_WORDS + 1][3][2];
    int nc = cw->nw, nm = mw->nw;
    for (int i = 0; i <= nc; i++)
        for (int j = 0; j <= nm; j++)
            for (int m = 0; m < 3; m++)
                for (int h = 0; h < 2; h++)
                    tab[i][j][m][h] = (cell){INF, 0};
    tab[0][0][0][0] = (cell){0, 0};
#define RELAX(I, J, M, H, C, N)                                                        \
    do {                                                                               \
        cell *d_ = &tab[I][J][M][H];                                                   \
        if ((C) < d_->cost) {                                                          \
            d_->cost = (C);                                                            \
            d_->notes = (N);                                                           \
        }                                                                              \
    } while (0)
    for (int i = 0; i <= nc; i++) {
        for (int j = 0; j <= nm; j++) {
            for (int m = 0; m < 3; m++) {
                for (int h = 0; h < 2; h++) {
                    cell c = tab[i][j][m][h];
                    if (c.cost >= INF)
                        continue;
                    /* A group of case words against a group of MRZ words. */
                    for (int a = 1; a <= MAX_GROUP && i + a <= nc; a++) {
                        for (int b = 1; b <= MAX_GROUP && j + b <= nm; b++) {
                            if (a > 1 && b > 1)
                                break;
                            char s[MAX_GROUP_TEXT + 1];
                            size_t k = 0;
                            bool fits = true;
                            for (int x = j; x < j + b && fits; x++) {
                                size_t n = strlen(mw->w[x]);
                                if (k + n > MAX_GROUP_TEXT)
                                    fits = false;
                                else {
                                    memcpy(s + k, mw->w[x], n);
                                    k += n;
                                }
                            }
                            if (!fits)
                                break;
                            s[k] = '\0';
                            int alts = 0;
                            bool undotted = false;
                            int r = letters_match(cw->l + cw->ws[i], cw->we[i + a - 1] - cw->ws[i],
                                                  s, (int)k, prefix, &alts, &undotted);
                            if (!r)
                                continue;
                            int cost = alts;
                            unsigned nn = c.notes;
                            if (undotted)
                                nn |= DS_NAME_NOTE_UNDOTTED;
                            else if (alts)
                                nn |= DS_NAME_NOTE_ALT_TRANSLIT;
                            if (r == 2) {
                                cost += 1;
                                nn |= DS_NAME_NOTE_TRUNCATED;
                            }
                            bool spacing = b > 1;
                            for (int x = i + 1; x < i + a; x++)
                                spacing |= cw->hard_before[x];
                            if (spacing) {
                                cost += 1;
                                nn |= DS_NAME_NOTE_SPACING;
                            }
                            RELAX(i + a, j + b, m, 1, c.cost + cost, nn);
                        }
                    }
                    /* A case word the MRZ lacks. */
                    if (i < nc) {
                        if (trailing && j == nm)
                            RELAX(i + 1, j, m, h, c.cost, c.notes | DS_NAME_NOTE_TRUNCATED);
                        else if (m != 2)
                            RELAX(i + 1, j, 1, h, c.cost + 3, c.notes | DS_NAME_NOTE_MISSING_IN_DOC);
                    }
                    /* An MRZ word the case record lacks. */
                    if (j < nm && m != 1)
                        RELAX(i, j + 1, 2, h, c.cost + 3, c.notes | DS_NAME_NOTE_EXTRA_IN_DOC);
                }
            }
        }
    }
#undef RELAX
    int best = INF;
    for (int m = 0; m < 3; m++) {
        cell c = tab[nc][nm][m][1];
        if (c.cost < best) {
            best = c.cost;
            *notes = c.notes;
        }
    }
    return best;
}

typedef struct side {
    bool present;
    ds_tl_name name; /* the units w points into */
    case_words w;
} side;

/* Compares one field: returns true on a match and ORs its notes. */
static bool field_ok(const side *cs, const char *mrz, bool prefix, bool trailing, unsigned *notes)
{
    mrz_words mw;
    split_mrz(mrz ? mrz : "", &mw);
    if (mw.nw == 0)
        return false;
    unsigned n = 0;
    if (match_field(&cs->w, &mw, prefix, trailing, &n) >= INF)
        return false;
    *notes |= n;
    return true;
}

static void append(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(dst);
    if (n + 1 >= cap)
        return;
    snprintf(dst + n, cap - n, "%s%s", n ? "; " : "", s);
}

static void explain(ds_name_match *out)
{
    out->reason[0] = '\0';
    char *r = out->reason;
    size_t cap = sizeof out->reason;
    unsigned n = out->notes;
    if (n & DS_NAME_NOTE_SWAPPED)
        append(r, cap, "surname and given names are swapped in the case record");
    if (n & DS_NAME_NOTE_TRUNCATED)
        append(r, cap, "the document's name field is full and shows a shortened name");
    if (n & DS_NAME_NOTE_MISSING_IN_DOC)
        append(r, cap, "a name in the case record does not appear on the document");
    if (n & DS_NAME_NOTE_EXTRA_IN_DOC)
        append(r, cap, "the document has a name the case record does not give");
    if (n & DS_NAME_NOTE_ALT_TRANSLIT)
        append(r, cap, "the document uses an alternative ICAO 9303 transliteration");
    if (n & DS_NAME_NOTE_SPACING)
        append(r, cap, "the name is split into words differently");
    if (n & DS_NAME_NOTE_UNDOTTED)
        append(r, cap,
               "the case record seems to have been typed without a diacritic the document's "
               "spelling shows (e.g. Soren for SOEREN)");
}

static bool prepare(const char *s, side *sd, bool *unverifiable)
{
    sd->present = s && s[0];
    if (!sd->present)
        return true;
    if (ds_translit_parse(s, strlen(s), &sd->name) != 0 || !split_case(&sd->name, &sd->w)) {
        *unverifiable = true;
        return false;
    }
    if (sd->w.nw == 0) /* only punctuation: nothing to compare */
        sd->present = false;
    return true;
}

ds_name_result ds_names_match(const char *mrz_surname, const char *mrz_given, bool mrz_truncated,
                              const char *case_surname, const char *case_given,
                              ds_name_match *out)
{
    side sur, giv;
    memset(out, 0, sizeof *out);
    bool unver = false;
    prepare(case_surname, &sur, &unver);
    prepare(case_given, &giv, &unver);
    if (unver) {
        out->result = DS_NAME_UNVERIFIABLE;
        snprintf(out->reason, sizeof out->reason,
                 "the case record's name has characters with no ICAO 9303 transliteration; "
                 "compare the names by eye");
        return out->result;
    }
    const char *ms = mrz_surname ? mrz_surname : "";
    const char *mg = mrz_given ? mrz_given : "";
    if ((!sur.present && !giv.present) || (!ms[0] && !mg[0])) {
        out->result = DS_NAME_NOT_COMPARED;
        snprintf(out->reason, sizeof out->reason, "no name to compare");
        return out->result;
    }
    bool t = mrz_truncated;
    unsigned notes = 0;
    bool s_ok = true, g_ok = true;
    if (sur.present)
        s_ok = field_ok(&sur, ms, t, t && !mg[0], &notes);
    if (giv.present) {
        if (!mg[0] && t)
            notes |= DS_NAME_NOTE_TRUNCATED; /* the surname filled the field */
        else
            g_ok = field_ok(&giv, mg, t, t, &notes);
    }
    if (!s_ok || !g_ok) {
        unsigned sn = DS_NAME_NOTE_SWAPPED;
        if (sur.present && giv.present && ms[0] && mg[0] && field_ok(&sur, mg, t, t, &sn) &&
            field_ok(&giv, ms, t, false, &sn)) {
            out->result = DS_NAME_MATCH_WITH_NOTE;
            out->notes = sn;
            explain(out);
            return out->result;
        }
        out->result = DS_NAME_MISMATCH;
        const char *f = !s_ok && !g_ok ? "name" : !s_ok ? "surname" : "given_names";
        snprintf(out->field, sizeof out->field, "%s", f);
        if (!g_ok && s_ok && !mg[0])
            snprintf(out->reason, sizeof out->reason, "the document has no given names");
        else if (!s_ok && !g_ok)
            snprintf(out->reason, sizeof out->reason, "the surname and the given names differ");
        else if (!s_ok)
            snprintf(out->reason, sizeof out->reason, "the surname differs");
        else
            snprintf(out->reason, sizeof out->reason, "the given names differ");
        return out->result;
    }
    out->notes = notes;
    out->result = notes ? DS_NAME_MATCH_WITH_NOTE : DS_NAME_MATCH;
    if (notes)
        explain(out);
    return out->result;
}
