/*
 * mrz/repair: the proven repairs of a recognised MRZ (rules 1-4 in parse.c),
 * the assessment of which failing checks a misreading may explain, and
 * whether the name was read reliably.
 */
#include "mrz/repair.h"

#include <stdlib.h>
#include <string.h>

static char to_digit(char c)
{
    switch (c) {
    case 'O': case 'Q': case 'D': return '0';
    case 'I': case 'L': return '1';
    case 'Z': return '2';
    case 'S': return '5';
    case 'G': return '6';
    case 'T': return '7';
    case 'B': return '8';
    default: return 0;
    }
}

static char to_letter(char c)
{
    switch (c) {
    case '0': return 'O';
    case '1': return 'I';
    case '2': return 'Z';
    case '5': return 'S';
    case '6': return 'G';
    case '8': return 'B';
    default: return 0;
    }
}

static bool alt_usable(const ds_mrz_char *ch)
{
    return ch->alt != 0 && ch->alt_p >= DS_MRZ_ALT_MIN_P && ch->alt_p <= 1.0f;
}

static bool record(ds_mrz *m, int line, int pos, char from, char to, bool prior)
{
    if (m->nrepairs >= DS_MRZ_MAX_REPAIRS)
        return false;
    m->repairs[m->nrepairs++] = (ds_mrz_repair){line, pos, from, to, prior};
    m->lines[line][pos] = to;
    return true;
}

/* A capital whose ink stands as tall as the flat capitals (E, H, ...): not
 * the round ones, which overshoot the cap line and the baseline a little. */
static bool flat_letter(char c)
{
    return is_upper(c) && !strchr("CGJOQSU", c);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static float median(float *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_float);
    return n % 2 ? v[n / 2] : 0.5f * (v[n / 2 - 1] + v[n / 2]);
}

/*
 * Letter or digit, by the glyph's height: OCR-B's digits stand about 8%
 * taller than its flat capitals, and O, S overshoot them by half that. The
 * heights are measured against this very MRZ (ds_mrz_char.ink_h), so any
 * print and resolution calibrates itself: the median of its confidently
 * read digits and of its confidently read flat capitals, at least
 * DS_MRZ_HEIGHT_REFS of each, DS_MRZ_HEIGHT_GAP_PX pixels apart or more.
 * Returns 1 when the glyph stands no higher than DS_MRZ_HEIGHT_LETTER of
 * the way from the capitals' height to the digits', -1 when it stands at
 * DS_MRZ_HEIGHT_DIGIT of it or more, 0 otherwise or when unmeasured.
 */
static int height_class(const layout *L, const ds_mrz_char *const *src, const ds_mrz_char *s)
{
    if (!(s->ink_h > 0))
        return 0;
    float dig[DS_MRZ_MAX_LINES * DS_MRZ_MAX_LINE], let[DS_MRZ_MAX_LINES * DS_MRZ_MAX_LINE];
    int nd = 0, nl = 0;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++) {
            const ds_mrz_char *r = &src[l][p];
            if (r == s || !(r->ink_h > 0) || r->p < DS_MRZ_DOUBT_P || r->offgrid)
                continue;
            if (is_digit(r->c))
                dig[nd++] = r->ink_h;
            else if (flat_letter(r->c))
                let[nl++] = r->ink_h;
        }
    if (nd < DS_MRZ_HEIGHT_REFS || nl < DS_MRZ_HEIGHT_REFS)
        return 0;
    float hd = median(dig, nd), hl = median(let, nl);
    if (hd - hl < DS_MRZ_HEIGHT_GAP_PX)
        return 0;
    float at = (s->ink_h - hl) / (hd - hl);
    return at <= DS_MRZ_HEIGHT_LETTER ? 1 : at >= DS_MRZ_HEIGHT_DIGIT ? -1 : 0;
}

/* Repairs the characters the position grammar forbids (rule 1 above). */
static void repair_grammar(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    ds_mrz_build_classes(L, cls);
    for (int l = 0; l < L->nlines; l++) {
        for (int p = 0; p < L->width; p++) {
            int c = cls[l][p];
            char cur = m->lines[l][p];
            if (ds_mrz_fits_class(c, cur) || c == CL_ANY)
                continue;
            char to = 0;
            if (alt_usable(&src[l][p]) && ds_mrz_fits_class(c, src[l][p].alt))
                to = src[l][p].alt;
            else if (c == CL_NUM || c == CL_DIGIT || c == CL_CHECK)
                to = to_digit(cur);
            else if (c == CL_ALPHA || c == CL_LETTER)
                to = to_letter(cur);
            if (to && ds_mrz_fits_class(c, to) && !record(m, l, p, cur, to, false))
                return;
        }
    }
}

/*
 * Rule 1b (parse.c): a letter of the free-form fields (document number,
 * optional data) whose glyph stands as tall as this MRZ's digits
 * (height_class) is read as the digit it resembles: O as 0, B as 8, Z as 2.
 * A print whose 0s the recogniser reads as sure O's (another OCR-B) is still
 * printed with OCR-B's tall digits. Proven by the checks: kept only when
 * every check reading a changed position passes afterwards and one of them
 * failed before (where they passed both ways, the checks cannot tell: the
 * field prior, rule 5, decides and says so); all undone otherwise. A
 * changed digit is as right as the letter read: an overprinted 9 read B
 * stands tall, but becomes 8, and only a check failing before can prove it.
 */
static bool covers(const cover *c, int line, int pos);

static void repair_height(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    ds_mrz_build_classes(L, cls);
    eval before;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &before);
    int first = m->nrepairs;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++) {
            const ds_mrz_char *s = &src[l][p];
            char cur = m->lines[l][p];
            if (cls[l][p] == CL_ANY && cur == s->c && strchr("OBZ", cur) &&
                height_class(L, src, s) == -1 && !record(m, l, p, cur, to_digit(cur), false))
                break;
        }
    if (m->nrepairs == first)
        return;
    eval e;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    bool proven = true, gained = false;
    for (int i = first; i < m->nrepairs && proven; i++) {
        bool read = false;
        for (int k = 0; k < K_COUNT; k++) {
            cover c;
            ds_mrz_coverage(L, &e, k, &c);
            if (e.state[k] == DS_CHECK_ABSENT || !covers(&c, m->repairs[i].line, m->repairs[i].pos))
                continue;
            read = true;
            proven = proven && e.state[k] == DS_CHECK_OK;
            gained = gained || before.state[k] == DS_CHECK_FAIL;
        }
        proven = proven && read;
    }
    if (proven && gained)
        return;
    for (int i = first; i < m->nrepairs; i++)
        m->lines[m->repairs[i].line][m->repairs[i].pos] = m->repairs[i].from;
    m->nrepairs = first;
}

/* The confusion group of c, or NULL when c is in none. */
static const char *confusion_group(char c)
{
    static const char *const groups[] = {"0OQD", "1I", "2Z", "5S", "6G", "8B"};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (strchr(groups[i], c) && c != '\0')
            return groups[i];
    return NULL;
}

static bool covers(const cover *c, int line, int pos)
{
    for (int i = 0; i < c->n; i++)
        if (c->line[i] == line && c->pos[i] == pos)
            return true;
    return false;
}

static bool date_ok(const char *raw)
{
    char tmp[11];
    return ds_mrz_decode_date(raw, 2000, true, tmp);
}

static bool amid_digits(unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE], const mrz_lines ln,
                        int width, int l, int p);

/*
 * Whether putting the letter c at (l, p), where the recogniser read a digit,
 * would leave a look-alike letter amid digits ("8Q3"). Issuers avoid such
 * letters in numbers, so no repair proves one: when a single change of that
 * kind is the only one that makes a failing check pass, it is far likelier
 * that the check digit is stale (a number altered, its check digit kept)
 * than that the recogniser misread a Q as the 0 it saw (defects13 0024:
 * S80307286 with the check digit of S80107286 became S8Q307286, valid).
 */
static bool letter_amid_read_digits(unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE], ds_mrz *m,
                                    int width, const ds_mrz_char *s, int l, int p, char c)
{
    if (!is_digit(s->c) || !is_upper(c))
        return false;
    char cur = m->lines[l][p];
    m->lines[l][p] = c;
    bool amid = amid_digits(cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, width, l, p);
    m->lines[l][p] = cur;
    return amid;
}

/* Tries the substitutions for failing check k (rule 2 above); applies the
 * one that alone counts. Returns whether a repair was applied. */
static bool repair_one(const layout *L, const ds_mrz_char *const *src, int k, const eval *before,
                       ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    ds_mrz_build_classes(L, cls);
    cover c, all[K_COUNT];
    ds_mrz_coverage(L, before, k, &c);
    for (int q = 0; q < K_COUNT; q++)
        ds_mrz_coverage(L, before, q, &all[q]);
    int found = 0, fl = -1, fp = -1;
    char fto = 0;
    for (int i = 0; i < c.n && found < 2; i++) {
        int l = c.line[i], p = c.pos[i];
        char cur = m->lines[l][p];
        char cand[8];
        int nc = 0;
        /* Confusion-group changes only where the recogniser doubted its
         * reading: a confidently read character is what is printed, and
         * changing it could hide an altered field behind a passing check. */
        const char *g = src[l][p].p < DS_MRZ_DOUBT_P ? confusion_group(cur) : NULL;
        for (; g && *g && nc < 4; g++)
            if (*g != cur)
                cand[nc++] = *g;
        /* The recogniser's own choices: its second choice, and where a
         * grammar repair replaced its best, the other grammar reading. */
        char own[3] = {0, 0, 0};
        bool doubted = src[l][p].p < DS_MRZ_DOUBT_P || cur != src[l][p].c;
        if (alt_usable(&src[l][p]) && doubted)
            own[0] = src[l][p].alt;
        if (cur != src[l][p].c) {
            own[1] = to_digit(src[l][p].c);
            own[2] = to_letter(src[l][p].c);
        }
        for (int j = 0; j < 3; j++)
            if (own[j] && own[j] != cur && !memchr(cand, own[j], (size_t)nc))
                cand[nc++] = own[j];
        for (int j = 0; j < nc; j++) {
            if (!ds_mrz_fits_class(cls[l][p], cand[j]) || (src[l][p].c == '<' && is_upper(cand[j])) ||
                letter_amid_read_digits(cls, m, L->width, &src[l][p], l, p, cand[j]))
                continue;
            m->lines[l][p] = cand[j];
            eval after;
            ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &after);
            bool counts = after.state[k] == DS_CHECK_OK;
            for (int q = 0; q < K_COUNT && counts; q++)
                if (after.state[q] != DS_CHECK_OK &&
                    (before->state[q] == DS_CHECK_OK || covers(&all[q], l, p)))
                    counts = false;
            if (counts && k == K_BIRTH)
                counts = date_ok(m->lines[1] + L->birth.start);
            if (counts && k == K_EXPIRY)
                counts = date_ok(m->lines[1] + L->expiry.start);
            m->lines[l][p] = cur;
            if (counts) {
                found++;
                fl = l;
                fp = p;
                fto = cand[j];
            }
        }
    }
    if (found != 1)
        return false;
    return record(m, fl, fp, m->lines[fl][fp], fto, false);
}

static void repair_checks(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    bool done[K_COUNT] = {false};
    for (int round = 0; round < K_COUNT; round++) {
        eval e;
        ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
        bool applied = false;
        for (int k = 0; k < K_COUNT && !applied; k++) {
            if (e.state[k] != DS_CHECK_FAIL || done[k])
                continue;
            if (repair_one(L, src, k, &e, m)) {
                done[k] = true;
                applied = true;
            }
        }
        if (!applied)
            return;
    }
}

/* Whether c is a letter OCR-B readers take for a digit (O for 0, I for 1 ...). */
static bool look_alike(char c)
{
    return is_upper(c) && to_digit(c) != 0;
}

/*
 * Whether the character at (l, p) is a look-alike letter standing amid
 * digits in a free-form field (document number, optional data): the run of
 * look-alike letters it belongs to has a digit on both sides ("4O3"), or, for
 * an O, a digit on one side and a filler on the other ("000O<"). Issuers
 * print such letters rarely, readers misread 0 as O there often, so the
 * letter is not taken as proven. A letter at the edge of its field beside a
 * digit ("L898...") is a common prefix, and a letter closing a number before
 * the fillers ("ZE184226B<") a common suffix: neither counts, but for the O,
 * which issuers avoid in numbers for that very confusion: an O between a
 * digit and a filler or the field's edge ("O3O6...") counts.
 */
static bool amid_digits(unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE], const mrz_lines ln,
                        int width, int l, int p)
{
    if (cls[l][p] != CL_ANY || !look_alike(ln[l][p]))
        return false;
    int a = p - 1, b = p + 1;
    while (a >= 0 && cls[l][a] == CL_ANY && look_alike(ln[l][a]))
        a--;
    while (b < width && cls[l][b] == CL_ANY && look_alike(ln[l][b]))
        b++;
    char left = (a >= 0 && cls[l][a] == CL_ANY) ? ln[l][a] : 0;
    char right = (b < width && cls[l][b] == CL_ANY) ? ln[l][b] : 0;
    if (is_digit(left) && is_digit(right))
        return true;
    /* Beside a filler or the field's edge, only the O: numbers begin and end
     * in other letters ("L898", "226B<") often. */
    return ln[l][p] == 'O' && ((is_digit(left) && (right == '<' || right == 0)) ||
                               (is_digit(right) && (left == '<' || left == 0)));
}

/* Whether the character at l, p has a letter of its own free-form field
 * right before or after it. */
static bool letter_beside(unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE], const mrz_lines ln,
                          int width, int l, int p)
{
    for (int q = p - 1; q <= p + 1; q += 2)
        if (q >= 0 && q < width && cls[l][q] == CL_ANY && is_upper(ln[l][q]))
            return true;
    return false;
}

/* The number of look-alike letters amid digits in the lines (the field prior
 * of the joint repair). */
static int prior_breaks(const layout *L, unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE],
                        const mrz_lines ln)
{
    int n = 0;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++)
            n += amid_digits(cls, ln, L->width, l, p);
    return n;
}

/* Marks in covered the positions some check of the format reads. */
static void read_by_checks(const layout *L, const eval *e,
                           unsigned char covered[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE])
{
    memset(covered, 0, sizeof(unsigned char[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE]));
    for (int k = 0; k < K_COUNT; k++) {
        cover c;
        if (e->state[k] == DS_CHECK_ABSENT)
            continue;
        ds_mrz_coverage(L, e, k, &c);
        for (int i = 0; i < c.n; i++)
            covered[c.line[i]][c.pos[i]] = 1;
    }
}

/* A position the joint repair may change, with its alternatives. */
typedef struct doubt {
    int line, pos;
    float p;
    char alt[3];
    int nalt;
} doubt;

#define JOINT_MAX_POS 10
#define JOINT_MAX_CHANGES 4

/* The state of the joint search: the best key (prior breaks, then number of
 * changes) among the sets under which every check passes, how many sets
 * share it, and the lines of the first of them. */
typedef struct joint {
    int best_key, nbest;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    char best[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1];
} joint;

/* Tries every way of changing `left` more of doubts[from..] and weighs each
 * set under which every check of the format passes and both dates are valid. */
static void joint_search(const layout *L, ds_mrz *m, const doubt *d, int nd, int from, int left,
                         int size, joint *j)
{
    if (left == 0) {
        eval e;
        ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
        for (int k = 0; k < K_COUNT; k++)
            if (e.state[k] == DS_CHECK_FAIL)
                return;
        if (!date_ok(m->lines[1] + L->birth.start) || !date_ok(m->lines[1] + L->expiry.start))
            return;
        int key = prior_breaks(L, j->cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines) *
                      (JOINT_MAX_CHANGES + 1) + size;
        if (j->nbest == 0 || key < j->best_key) {
            j->best_key = key;
            j->nbest = 1;
            memcpy(j->best, m->lines, sizeof m->lines);
        } else if (key == j->best_key) {
            j->nbest++;
        }
        return;
    }
    for (int i = from; i < nd; i++) {
        char cur = m->lines[d[i].line][d[i].pos];
        for (int a = 0; a < d[i].nalt; a++) {
            m->lines[d[i].line][d[i].pos] = d[i].alt[a];
            joint_search(L, m, d, nd, i + 1, left - 1, size, j);
        }
        m->lines[d[i].line][d[i].pos] = cur;
    }
}

/* Adds c to the alternatives of x unless it is the current character, is
 * already there or breaks the grammar of the position. */
static void doubt_add(doubt *x, char c, char cur, int cls)
{
    if (c && c != cur && x->nalt < 3 && ds_mrz_fits_class(cls, c) && !memchr(x->alt, c, (size_t)x->nalt))
        x->alt[x->nalt++] = c;
}

/*
 * Joint repair (rule 3): when checks still fail after single repairs, the
 * characters the recogniser doubted are changed together: the confusable
 * characters of the free-form fields (O/0, I/1 and the like, where both
 * readings fit the grammar), the recogniser's second choices, and where a
 * grammar repair chose one reading of a character the other one. Among the
 * sets of changes under which every check of the format passes, the one with
 * the fewest look-alike letters amid digits, then the fewest changes, is
 * applied, and only when no other set ties with it. A filler is never
 * changed into a letter, nor a digit read amid digits into a look-alike
 * letter (letter_amid_read_digits).
 */
static void repair_joint(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    eval e;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    bool failing = false;
    for (int k = 0; k < K_COUNT; k++)
        failing = failing || e.state[k] == DS_CHECK_FAIL;
    joint search;
    memset(&search, 0, sizeof search);
    joint *j = &search;
    ds_mrz_build_classes(L, j->cls);
    /* Every check passes: only a doubted look-alike letter amid digits
     * ("ZE00O5O9", where O and 0 weigh alike for the check) is open to the
     * field prior, and only a set with fewer of them replaces the reading. */
    int now_breaks = 0;
    for (int l = 0; l < L->nlines && !failing; l++)
        for (int p = 0; p < L->width; p++)
            now_breaks += src[l][p].p < DS_MRZ_DOUBT_P &&
                          amid_digits(j->cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines,
                                      L->width, l, p);
    if (!failing && now_breaks == 0)
        return;
    /* Only a position some check reads can be proven; the others stay. */
    unsigned char covered[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    read_by_checks(L, &e, covered);
    doubt d[JOINT_MAX_POS];
    int nd = 0;
    for (int l = 0; l < L->nlines; l++) {
        for (int p = 0; p < L->width; p++) {
            const ds_mrz_char *s = &src[l][p];
            char cur = m->lines[l][p];
            int c = j->cls[l][p];
            doubt x = {l, p, s->p, {0, 0, 0}, 0};
            /* Only what the recogniser itself doubted is open to change,
             * and a filler it read stays a filler or a digit. */
            if ((s->p >= DS_MRZ_DOUBT_P && cur == s->c) || !covered[l][p])
                continue;
            if (c == CL_ANY && cur != 'L' && cur != 'Q' && cur != 'D') {
                char other = is_digit(cur) ? to_letter(cur) : to_digit(cur);
                if (other != '7')
                    doubt_add(&x, other, cur, c);
            }
            if (alt_usable(s))
                doubt_add(&x, s->alt, cur, c);
            if (cur != s->c) {
                doubt_add(&x, to_digit(s->c), cur, c);
                doubt_add(&x, to_letter(s->c), cur, c);
            }
            for (int a = 0; a < x.nalt; a++)
                if ((s->c == '<' && is_upper(x.alt[a])) ||
                    letter_amid_read_digits(j->cls, m, L->width, s, l, p, x.alt[a]))
                    x.alt[a--] = x.alt[--x.nalt];
            if (x.nalt == 0)
                continue;
            /* Too many open positions: other sets of changes could satisfy
             * the checks as well, so nothing is changed. */
            if (nd == JOINT_MAX_POS)
                return;
            d[nd++] = x;
        }
    }
    for (int changes = 1; changes <= JOINT_MAX_CHANGES && changes <= nd; changes++)
        joint_search(L, m, d, nd, 0, changes, changes, j);
    if (j->nbest != 1 ||
        (!failing && j->best_key / (JOINT_MAX_CHANGES + 1) >=
                         prior_breaks(L, j->cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines)))
        return;
    int size = j->best_key % (JOINT_MAX_CHANGES + 1);
    if (m->nrepairs + size > DS_MRZ_MAX_REPAIRS)
        return;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++)
            if (j->best[l][p] != m->lines[l][p])
                record(m, l, p, m->lines[l][p], j->best[l][p], !failing);
}

/* Whether the recogniser leaves room for the digit a look-alike letter
 * resembles (the field prior, rule 5): any O, since OCR-B's O and 0 differ
 * only in width and height, which prints vary, so a recogniser trained on one
 * print reads another's 0 as O with confidence; another letter (I, B, S, Z
 * ...) only where the recogniser doubted it, its second choice is that
 * digit, or a repair made it. */
static bool prior_open(const ds_mrz_char *s, char cur)
{
    if (cur == 'O' || cur != s->c || s->p < DS_MRZ_DOUBT_P)
        return true;
    return alt_usable(s) && s->alt == to_digit(cur);
}

#define PRIOR_MAX_POS 10

/*
 * The field prior (rule 5), on a reading whose every check passes: the
 * look-alike letters amid digits of the free-form fields that prior_open
 * admits are tried as their digits, in every combination. Among the sets
 * under which every check still passes and both dates are valid, the one
 * leaving the fewest look-alike letters amid digits, then the fewest
 * changes, is applied, only when no other set ties with it and it leaves
 * fewer such letters than the reading; each change is listed as decided by
 * the prior. A single such change can never keep a check passing (O for 0
 * moves a check sum by 24 times a weight of 7, 3 or 1), so the prior only
 * decides between readings the checks cannot tell apart, never turns a
 * failing check into a passing one.
 */
static void repair_prior(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    eval e;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    for (int k = 0; k < K_COUNT; k++)
        if (e.state[k] == DS_CHECK_FAIL)
            return;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    ds_mrz_build_classes(L, cls);
    unsigned char covered[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    read_by_checks(L, &e, covered);
    int pl[PRIOR_MAX_POS], pp[PRIOR_MAX_POS], n = 0;
    for (int l = 0; l < L->nlines; l++) {
        for (int p = 0; p < L->width; p++) {
            if (!covered[l][p] || !prior_open(&src[l][p], m->lines[l][p]) ||
                !amid_digits(cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, L->width, l, p))
                continue;
            /* More open letters than can be weighed: the reading stays. */
            if (n == PRIOR_MAX_POS)
                return;
            pl[n] = l;
            pp[n++] = p;
        }
    }
    if (n == 0)
        return;
    int now = prior_breaks(L, cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines);
    char from[PRIOR_MAX_POS];
    for (int i = 0; i < n; i++)
        from[i] = m->lines[pl[i]][pp[i]];
    int best_key = -1, nbest = 0;
    unsigned best_set = 0;
    for (unsigned set = 1; set < 1u << n; set++) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            bool on = set >> i & 1u;
            m->lines[pl[i]][pp[i]] = on ? to_digit(from[i]) : from[i];
            size += on;
        }
        eval after;
        ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &after);
        bool ok = date_ok(m->lines[1] + L->birth.start) && date_ok(m->lines[1] + L->expiry.start);
        for (int k = 0; k < K_COUNT && ok; k++)
            ok = after.state[k] != DS_CHECK_FAIL;
        if (!ok)
            continue;
        int key = prior_breaks(L, cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines) *
                      (PRIOR_MAX_POS + 1) + size;
        if (nbest == 0 || key < best_key) {
            best_key = key;
            best_set = set;
            nbest = 1;
        } else if (key == best_key) {
            nbest++;
        }
    }
    for (int i = 0; i < n; i++)
        m->lines[pl[i]][pp[i]] = from[i];
    if (nbest != 1 || best_key / (PRIOR_MAX_POS + 1) >= now ||
        m->nrepairs + best_key % (PRIOR_MAX_POS + 1) > DS_MRZ_MAX_REPAIRS)
        return;
    for (int i = 0; i < n; i++)
        if (best_set >> i & 1u)
            record(m, pl[i], pp[i], from[i], to_digit(from[i]), true);
}

/*
 * Takes back the repairs no check proves (rule 4): a repaired position that
 * some check reads, where every check reading it still fails, gets the
 * recogniser's own character back and leaves the repair list. What the
 * report then shows is what was read, and the failing check says the read is
 * unsure, rather than a guess presented as the document's content. Repairs
 * at positions no check reads (names, codes) stay: the grammar is all the
 * evidence there is for them.
 */
static void undo_unproven(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    eval e;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    cover c[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        ds_mrz_coverage(L, &e, k, &c[k]);
    int kept = 0;
    for (int i = 0; i < m->nrepairs; i++) {
        ds_mrz_repair r = m->repairs[i];
        bool read = false, proven = false;
        for (int k = 0; k < K_COUNT; k++) {
            if (e.state[k] == DS_CHECK_ABSENT || !covers(&c[k], r.line, r.pos))
                continue;
            read = true;
            proven = proven || e.state[k] == DS_CHECK_OK;
        }
        if (read && !proven)
            m->lines[r.line][r.pos] = src[r.line][r.pos].c;
        else
            m->repairs[kept++] = r;
    }
    m->nrepairs = kept;
}

/*
 * Marks each failing check a misreading may explain (the rule in mrz.h at
 * ds_mrz_parse_ocr): a character it reads was doubted or off its cell, changed
 * by a repair or is a look-alike letter amid digits, or the recogniser's second choice at one
 * of its characters, or an O read as 0 or a 0 beside a letter as O, makes it pass.
 */
static void assess(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    bool *out[K_COUNT] = {&m->misread.document_number, &m->misread.birth_date,
                          &m->misread.expiry_date, &m->misread.optional_data,
                          &m->misread.composite};
    eval e;
    ds_mrz_build_classes(L, cls);
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    for (int k = 0; k < K_COUNT; k++) {
        if (e.state[k] != DS_CHECK_FAIL)
            continue;
        cover c;
        ds_mrz_coverage(L, &e, k, &c);
        for (int i = 0; i < c.n && !*out[k]; i++) {
            int l = c.line[i], p = c.pos[i];
            const ds_mrz_char *s = &src[l][p];
            char cur = m->lines[l][p];
            if (s->p < DS_MRZ_DOUBT_P || s->offgrid || cur != s->c ||
                !ds_mrz_fits_class(cls[l][p], cur) ||
                amid_digits(cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, L->width, l, p)) {
                *out[k] = true;
                break;
            }
            /* The recogniser's second choice, and O for 0 or 0 for O: the
             * pair it confuses most (its held-out confusions, models/README),
             * at any confidence, at low resolution above all. A 0 counts
             * only beside a letter of its field ("DGB0..."): issuers avoid
             * an O amid digits, so a 0 read there is taken as read. */
            const char(*ln)[DS_MRZ_MAX_LINE + 1] = (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines;
            char twin = cur == 'O'                                         ? '0'
                        : cur == '0' && letter_beside(cls, ln, L->width, l, p) ? 'O'
                                                                           : 0;
            char tries[2] = {alt_usable(s) ? s->alt : 0, twin};
            for (int t = 0; t < 2 && !*out[k]; t++) {
                char c2 = tries[t];
                if (!c2 || c2 == cur || !ds_mrz_fits_class(cls[l][p], c2))
                    continue;
                eval after;
                m->lines[l][p] = c2;
                ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &after);
                m->lines[l][p] = cur;
                *out[k] = after.state[k] == DS_CHECK_OK;
            }
        }
    }
}

/* A name character as a letter or filler (a digit as the letter the grammar
 * repair makes of it: 0 as O). */
static char name_letter(char c)
{
    return is_upper(c) || c == '<' ? c : is_digit(c) ? to_letter(c) : 0;
}

/* Whether the name was read reliably (ds_mrz.name_unsure): a position is
 * unsure when, its two readings taken as letters (both readings of one
 * letter add up), the best has under DS_MRZ_NAME_SURE_P or another letter
 * half as much. A position whose best reading is a digit is unsure however
 * confident: no name holds a digit, so the glyph was not read as printed and
 * the letter the grammar repair makes of it is a guess (a B of ALBERTINE
 * read as a sure 0 became O); unless it is a 0, 8 or 2 with its letter
 * twin (O, B, Z) second and a glyph as short as the MRZ's capitals
 * (height_class): the twin then has both readings. name_min_p is the least best-letter
 * probability; a digit's letter has only its second choice's, if a letter. */
static void name_doubt(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    m->name_min_p = 1;
    for (int i = 0; i < L->name.len; i++) {
        const ds_mrz_char *s = &src[L->name.line][L->name.start + i];
        /* A 0, 8 or 2 read first, the letter it resembles second (O, B,
         * Z), and a glyph as short as this MRZ's capitals: the letter, read
         * by its height (both readings add up, as for one letter, and hold
         * DS_MRZ_HEIGHT_PAIR_P of the belief: no third letter, a D or a Q,
         * hides behind them). Not 1/I
         * nor 5/S: the real prints' 1s and 5s stand as low as letters. */
        if (s->c && strchr("082", s->c) && alt_usable(s) && s->alt == to_letter(s->c) &&
            s->p + s->alt_p >= DS_MRZ_HEIGHT_PAIR_P && height_class(L, src, s) == 1) {
            if (s->p + s->alt_p < m->name_min_p)
                m->name_min_p = s->p + s->alt_p;
            continue;
        }
        if (is_digit(s->c)) {
            float pl = alt_usable(s) && (is_upper(s->alt) || s->alt == '<') ? s->alt_p : 0;
            if (pl < m->name_min_p)
                m->name_min_p = pl;
            m->name_unsure = true;
            continue;
        }
        char a = name_letter(s->c), b = alt_usable(s) ? name_letter(s->alt) : 0;
        float pa = a ? s->p : 0, pb = b ? s->alt_p : 0;
        if (a && a == b) {
            pa += pb;
            pb = 0;
        } else if (pb > pa) {
            float t = pa;
            pa = pb;
            pb = t;
        }
        if (pa < m->name_min_p)
            m->name_min_p = pa;
        if (pa < DS_MRZ_NAME_SURE_P || pb >= 0.5f * pa)
            m->name_unsure = true;
    }
}

/* Whether the document number was read reliably (ds_mrz.number_unsure): a
 * position under its check is unsure when the recogniser's best reading has
 * under DS_MRZ_NAME_SURE_P or its second choice half as much, or its glyph
 * lay off its cell. */
static void number_doubt(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    eval e;
    cover c;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    ds_mrz_coverage(L, &e, K_DOC, &c);
    for (int i = 0; i < c.n; i++) {
        const ds_mrz_char *s = &src[c.line[i]][c.pos[i]];
        if (s->p < DS_MRZ_NAME_SURE_P || s->offgrid || (alt_usable(s) && s->alt_p >= 0.5f * s->p))
            m->number_unsure = true;
    }
    /* A character the field prior decided: no check could tell. */
    for (int r = 0; r < m->nrepairs; r++)
        if (m->repairs[r].prior && covers(&c, m->repairs[r].line, m->repairs[r].pos))
            m->number_unsure = true;
}

void ds_mrz_repair_read(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    repair_grammar(L, src, m);
    repair_height(L, src, m);
    repair_checks(L, src, m);
    repair_joint(L, src, m);
    repair_prior(L, src, m);
    undo_unproven(L, src, m);
}

void ds_mrz_assess_read(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    assess(L, src, m);
    name_doubt(L, src, m);
    number_doubt(L, src, m);
}
