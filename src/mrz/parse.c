/*
 * mrz: parsing and proven repair of an ICAO 9303 machine-readable zone.
 *
 * This file turns two or three recognised MRZ lines into fields and check
 * results for TD1 (3x30), TD2 (2x36), TD3 (2x44), MRV-A (2x44, code 'V...')
 * and MRV-B (2x36, code 'V...'). It must never make a tampered MRZ look
 * genuine: a repair is made only where the field grammar forces it or where
 * a check digit proves it, and a failing check that no OCR confusion
 * explains is reported as failing. It never allocates, never reads past the
 * lengths it is given and never copies a byte outside printable ASCII into
 * its output.
 *
 * Input rules. A line holding a byte outside printable ASCII (0x20-0x7E) is
 * refused with DS_ERR_MRZ_FORMAT, so output text is always printable. A
 * printable character outside the MRZ alphabet (lower case, space, '?') is
 * kept as read: the parse succeeds with format_ok false and every check
 * over that character failing, so the evidence stays visible.
 *
 * Plain text (ds_mrz_parse) is reported exactly as given: no repair of any
 * kind. Repairs apply only to recogniser output (ds_mrz_parse_ocr):
 *
 * 1. Grammar repairs. A position whose character the field grammar forbids
 *    (a letter in a date or check digit, a digit in a name or country code)
 *    takes the recogniser's second choice when that choice fits the grammar
 *    and its probability is at least DS_MRZ_ALT_MIN_P; otherwise the fixed
 *    map O/Q/D->0, I/L->1, Z->2, S->5, G->6, T->7, B->8 (digit positions) or
 *    0->O, 1->I, 2->Z, 5->S, 6->G, 8->B (letter positions). A character with
 *    no mapping stays as read and format_ok is false.
 * 2. Check-digit repairs, after grammar repairs, for each failing check in
 *    the order document number, birth date, expiry date, optional data,
 *    composite. The candidates are single-character substitutions at the
 *    positions the check reads (its check digit included) where the
 *    recogniser doubted its reading (probability under DS_MRZ_DOUBT_P) or
 *    step 1 replaced it, that fit the position's grammar and come from: the
 *    confusion groups {0,O,Q,D} {1,I} {2,Z} {5,S} {6,G} {8,B}; the
 *    recogniser's second choice when its probability is at least
 *    DS_MRZ_ALT_MIN_P; and, where step 1 replaced the recogniser's best, the
 *    other reading step 1 could have made. A filler the recogniser read is
 *    never changed into a letter.
 *    A candidate counts when it makes the check pass, keeps every check
 *    that passed still passing, leaves every other check that reads the
 *    changed position passing too (so the composite never rewrites a field
 *    its own check disputes) and, for a date, leaves a valid date. The
 *    repair is applied only when exactly one candidate counts; with none or
 *    several the check stays failing. Each check is repaired at most once,
 *    so a read gets at most five such repairs. Digit-for-digit changes come
 *    only from the recogniser's second choice, never from a table: a date
 *    or check digit changed on the document stays failing unless the
 *    recogniser itself doubted that very character.
 * 3. Joint repairs, when a check still fails: at the positions some check
 *    reads and the recogniser doubted (or step 1 replaced), the confusable
 *    characters of the free-form fields (document number and optional data,
 *    where both readings of O/0, I/1, Z/2, S/5, G/6, B/8 fit the grammar),
 *    the recogniser's second choices (probability at least DS_MRZ_ALT_MIN_P)
 *    and the other reading of a step-1 repair are tried together, at most
 *    four changes at a time. With more than ten such positions nothing is
 *    changed: other sets could satisfy the checks too. Among the sets under
 *    which every check of the format passes and both dates are valid, the
 *    one with the fewest look-alike letters amid digits in the free-form
 *    fields ("4O3" reads better as "403"), then the fewest changes, is
 *    applied, and only when no other set ties with it. A filler is never
 *    changed into a letter. A tampered date or check digit is no more
 *    repairable here than in step 2: digit positions change only to the
 *    recogniser's own second choice.
 * 4. Unproven repairs are taken back: a repaired position that a check reads,
 *    where every check reading it still fails, gets the recogniser's own
 *    character back (the report then shows what was read, and the failing
 *    check says the read is unsure). Repairs no check can prove (names,
 *    codes) stay: the grammar is all the evidence there is for them.
 * Every repair is recorded in repairs[]; when DS_MRZ_MAX_REPAIRS are
 * recorded no further repair is made and the rest stays as read.
 *
 * After the repairs, a check that still fails is marked in misread when a
 * misreading may explain it: a character it reads was doubted by the
 * recogniser, was changed by a repair, breaks the grammar, or is a
 * look-alike letter amid digits in a free-form field; or the recogniser's
 * second choice at one of its characters (probability at least
 * DS_MRZ_ALT_MIN_P) makes it pass. Only a failure read with confidence
 * throughout is left unmarked: that is what the document carries.
 *
 * National deviations accepted as genuine: a country code padded with
 * fillers ("D<<" for Germany reads "D"); '<' as the check digit of an empty
 * TD3 personal number; a TD1/TD2 long document number whose check digit is
 * computed with the filler at the check-digit position included (seen on
 * Belgian cards) as well as without it (ICAO).
 */
#include "mrz/mrz.h"

#include <string.h>

/* Grammar classes of an MRZ position. */
enum {
    CL_ANY = 0, /* A-Z, 0-9, '<' (document number, optional data) */
    CL_ALPHA,   /* A-Z, '<' (names, codes) */
    CL_LETTER,  /* A-Z (first character of the document code) */
    CL_NUM,     /* 0-9, '<' (dates: '<' marks an unknown part) */
    CL_DIGIT,   /* 0-9 (check digits) */
    CL_CHECK,   /* 0-9, '<' (check digits that may be '<') */
    CL_SEX      /* M, F, X, '<' */
};

typedef struct span {
    signed char line, start, len;
} span;

/* Where the fields of one format sit. A len of 0 or a pos of -1 marks a
 * field or check the format lacks. */
typedef struct layout {
    ds_mrz_type type;
    int nlines, width;
    span code, state, name, doc, nat, birth, expiry, sex, opt, opt2;
    int doc_cd, birth_cd, expiry_cd, opt_cd, comp_cd; /* positions */
    int doc_line, comp_line;
    bool long_doc; /* a '<' check digit may continue the number into opt */
    int ncomp;
    span comp[4];
} layout;

static const layout layouts[] = {
    {DS_MRZ_TD1, 3, 30, {0, 0, 2}, {0, 2, 3}, {2, 0, 30}, {0, 5, 9}, {1, 15, 3},
     {1, 0, 6}, {1, 8, 6}, {1, 7, 1}, {0, 15, 15}, {1, 18, 11},
     14, 6, 14, -1, 29, 0, 1, true, 4, {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}}},
    {DS_MRZ_TD2, 2, 36, {0, 0, 2}, {0, 2, 3}, {0, 5, 31}, {1, 0, 9}, {1, 10, 3},
     {1, 13, 6}, {1, 21, 6}, {1, 20, 1}, {1, 28, 7}, {0, 0, 0},
     9, 19, 27, -1, 35, 1, 1, true, 3, {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}}},
    {DS_MRZ_TD3, 2, 44, {0, 0, 2}, {0, 2, 3}, {0, 5, 39}, {1, 0, 9}, {1, 10, 3},
     {1, 13, 6}, {1, 21, 6}, {1, 20, 1}, {1, 28, 14}, {0, 0, 0},
     9, 19, 27, 42, 43, 1, 1, false, 3, {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}}},
    {DS_MRZ_MRVA, 2, 44, {0, 0, 2}, {0, 2, 3}, {0, 5, 39}, {1, 0, 9}, {1, 10, 3},
     {1, 13, 6}, {1, 21, 6}, {1, 20, 1}, {1, 28, 16}, {0, 0, 0},
     9, 19, 27, -1, -1, 1, 1, false, 0, {{0, 0, 0}}},
    {DS_MRZ_MRVB, 2, 36, {0, 0, 2}, {0, 2, 3}, {0, 5, 31}, {1, 0, 9}, {1, 10, 3},
     {1, 13, 6}, {1, 21, 6}, {1, 20, 1}, {1, 28, 8}, {0, 0, 0},
     9, 19, 27, -1, -1, 1, 1, false, 0, {{0, 0, 0}}},
};

typedef char mrz_lines[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1];

/* The checks in repair order; indexes into eval.state. */
enum { K_DOC, K_BIRTH, K_EXPIRY, K_OPT, K_COMP, K_COUNT };

/* The result of verifying the check digits of one set of lines. */
typedef struct eval {
    ds_check_state state[K_COUNT];
    bool is_long;    /* the document number continues into opt */
    int ext_len;     /* characters of the continuation */
    int long_cd;     /* position of its check digit, -1 when there is none */
} eval;

/* Bounded list of (line, pos) pairs a check covers. */
#define MAX_COVER 64
typedef struct cover {
    int n;
    signed char line[MAX_COVER], pos[MAX_COVER];
} cover;

static int char_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c == '<')
        return 0;
    return -1;
}

int ds_mrz_check_digit(const char *s, int n)
{
    static const int weight[3] = {7, 3, 1};
    if (!s || n <= 0)
        return -1;
    int sum = 0;
    for (int i = 0; i < n; i++) {
        int v = char_value(s[i]);
        if (v < 0)
            return -1;
        sum = (sum + v * weight[i % 3]) % 10;
    }
    return sum;
}

const char *ds_mrz_type_name(ds_mrz_type t)
{
    switch (t) {
    case DS_MRZ_TD1: return "TD1";
    case DS_MRZ_TD2: return "TD2";
    case DS_MRZ_TD3: return "TD3";
    case DS_MRZ_MRVA: return "MRVA";
    case DS_MRZ_MRVB: return "MRVB";
    default: return "OTHER";
    }
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

static bool fits(int cls, char c)
{
    switch (cls) {
    case CL_ANY: return is_upper(c) || is_digit(c) || c == '<';
    case CL_ALPHA: return is_upper(c) || c == '<';
    case CL_LETTER: return is_upper(c);
    case CL_NUM: return is_digit(c) || c == '<';
    case CL_DIGIT: return is_digit(c);
    case CL_CHECK: return is_digit(c) || c == '<';
    case CL_SEX: return c == 'M' || c == 'F' || c == 'X' || c == '<';
    default: return false;
    }
}

static void fill_class(unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE], span s, int c)
{
    for (int i = 0; i < s.len; i++)
        cls[s.line][s.start + i] = (unsigned char)c;
}

/* Sets the grammar class of every position of the format. */
static void build_classes(const layout *L, unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE])
{
    memset(cls, CL_ANY, DS_MRZ_MAX_LINES * DS_MRZ_MAX_LINE);
    fill_class(cls, L->code, CL_ALPHA);
    cls[L->code.line][L->code.start] = CL_LETTER;
    fill_class(cls, L->state, CL_ALPHA);
    fill_class(cls, L->name, CL_ALPHA);
    fill_class(cls, L->doc, CL_ANY);
    cls[L->doc_line][L->doc_cd] = L->long_doc ? CL_CHECK : CL_DIGIT;
    fill_class(cls, L->nat, CL_ALPHA);
    fill_class(cls, L->birth, CL_NUM);
    cls[1][L->birth_cd] = CL_DIGIT;
    fill_class(cls, L->expiry, CL_NUM);
    cls[1][L->expiry_cd] = CL_DIGIT;
    fill_class(cls, L->sex, CL_SEX);
    fill_class(cls, L->opt, CL_ANY);
    if (L->opt_cd >= 0)
        cls[L->opt.line][L->opt_cd] = CL_CHECK;
    fill_class(cls, L->opt2, CL_ANY);
    if (L->comp_cd >= 0)
        cls[L->comp_line][L->comp_cd] = CL_DIGIT;
}

static ds_check_state check_chars(const char *data, int n, char cd)
{
    int v = ds_mrz_check_digit(data, n);
    if (v < 0 || !is_digit(cd))
        return DS_CHECK_FAIL;
    return (cd - '0') == v ? DS_CHECK_OK : DS_CHECK_FAIL;
}

/* Verifies every check the format carries over the lines as they stand. */
static void evaluate(const layout *L, const mrz_lines ln, eval *e /* OUT */)
{
    memset(e, 0, sizeof *e);
    e->long_cd = -1;
    const char *dl = ln[L->doc_line];
    char buf[64];

    /* Document number, in its ICAO long form when the check digit position
     * holds '<': the number continues at the start of the optional data up
     * to the last character before the first filler, which is its check
     * digit. */
    if (L->long_doc && dl[L->doc_cd] == '<') {
        e->is_long = true;
        int run = 0;
        while (run < L->opt.len && dl[L->opt.start + run] != '<')
            run++;
        e->state[K_DOC] = DS_CHECK_FAIL;
        if (run >= 2) {
            e->ext_len = run - 1;
            e->long_cd = L->opt.start + run - 1;
            char cd = dl[e->long_cd];
            memcpy(buf, dl + L->doc.start, (size_t)L->doc.len);
            memcpy(buf + L->doc.len, dl + L->opt.start, (size_t)e->ext_len);
            e->state[K_DOC] = check_chars(buf, L->doc.len + e->ext_len, cd);
            if (e->state[K_DOC] != DS_CHECK_OK) {
                buf[L->doc.len] = '<';
                memcpy(buf + L->doc.len + 1, dl + L->opt.start, (size_t)e->ext_len);
                e->state[K_DOC] = check_chars(buf, L->doc.len + 1 + e->ext_len, cd);
            }
        }
    } else {
        e->state[K_DOC] = check_chars(dl + L->doc.start, L->doc.len, dl[L->doc_cd]);
    }

    e->state[K_BIRTH] = check_chars(ln[1] + L->birth.start, L->birth.len, ln[1][L->birth_cd]);
    e->state[K_EXPIRY] = check_chars(ln[1] + L->expiry.start, L->expiry.len, ln[1][L->expiry_cd]);

    e->state[K_OPT] = DS_CHECK_ABSENT;
    if (L->opt_cd >= 0) {
        const char *o = ln[L->opt.line] + L->opt.start;
        char cd = ln[L->opt.line][L->opt_cd];
        bool empty = true;
        for (int i = 0; i < L->opt.len; i++)
            if (o[i] != '<')
                empty = false;
        if (empty && cd == '<')
            e->state[K_OPT] = DS_CHECK_OK;
        else
            e->state[K_OPT] = check_chars(o, L->opt.len, cd);
    }

    e->state[K_COMP] = DS_CHECK_ABSENT;
    if (L->comp_cd >= 0) {
        int n = 0;
        for (int i = 0; i < L->ncomp; i++) {
            memcpy(buf + n, ln[L->comp[i].line] + L->comp[i].start, (size_t)L->comp[i].len);
            n += L->comp[i].len;
        }
        e->state[K_COMP] = check_chars(buf, n, ln[L->comp_line][L->comp_cd]);
    }
}

static void cover_add(cover *c, int line, int pos)
{
    if (c->n < MAX_COVER) {
        c->line[c->n] = (signed char)line;
        c->pos[c->n] = (signed char)pos;
        c->n++;
    }
}

static void cover_span(cover *c, span s)
{
    for (int i = 0; i < s.len; i++)
        cover_add(c, s.line, s.start + i);
}

/* The positions check k reads, its check digit included. */
static void coverage(const layout *L, const eval *e, int k, cover *c /* OUT */)
{
    c->n = 0;
    switch (k) {
    case K_DOC:
        cover_span(c, L->doc);
        cover_add(c, L->doc_line, L->doc_cd);
        if (e->is_long && e->long_cd >= 0)
            cover_span(c, (span){(signed char)L->doc_line, (signed char)L->opt.start,
                                 (signed char)(e->ext_len + 1)});
        break;
    case K_BIRTH:
        cover_span(c, L->birth);
        cover_add(c, 1, L->birth_cd);
        break;
    case K_EXPIRY:
        cover_span(c, L->expiry);
        cover_add(c, 1, L->expiry_cd);
        break;
    case K_OPT:
        if (L->opt_cd >= 0) {
            cover_span(c, L->opt);
            cover_add(c, L->opt.line, L->opt_cd);
        }
        break;
    case K_COMP:
        if (L->comp_cd >= 0) {
            for (int i = 0; i < L->ncomp; i++)
                cover_span(c, L->comp[i]);
            cover_add(c, L->comp_line, L->comp_cd);
        }
        break;
    default:
        break;
    }
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* Gives a two-digit year its century: a birth year is the latest year not
 * after today_year, an expiry year the latest not more than 20 years after. */
static int full_year(int yy, int today_year, bool birth)
{
    int top = birth ? today_year : today_year + 20;
    int y = top - ((top % 100) - yy + 100) % 100;
    return y;
}

/* Decodes a YYMMDD date into ISO form, or copies the raw six characters when
 * a part is unknown ('<<') or the date is invalid. Returns whether the date
 * follows the grammar: each part two digits or "<<", known parts in range. */
static bool decode_date(const char *raw, int today_year, bool birth, char out[11])
{
    memcpy(out, raw, 6);
    out[6] = '\0';
    int part[3];
    bool unknown = false;
    for (int i = 0; i < 3; i++) {
        char a = raw[2 * i], b = raw[2 * i + 1];
        if (a == '<' && b == '<') {
            part[i] = -1;
            unknown = true;
        } else if (is_digit(a) && is_digit(b)) {
            part[i] = (a - '0') * 10 + (b - '0');
        } else {
            return false;
        }
    }
    int year = part[0] >= 0 ? full_year(part[0], today_year, birth) : -1;
    if (part[1] >= 0 && (part[1] < 1 || part[1] > 12))
        return false;
    if (part[2] >= 0) {
        int dim = 31;
        if (part[1] >= 0)
            dim = days_in_month(year >= 0 ? year : 2000, part[1]);
        if (part[2] < 1 || part[2] > dim)
            return false;
    }
    if (unknown)
        return true;
    out[0] = (char)('0' + year / 1000 % 10);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = raw[2];
    out[6] = raw[3];
    out[7] = '-';
    out[8] = raw[4];
    out[9] = raw[5];
    out[10] = '\0';
    return true;
}

/*
 * Gives a birth date the century that puts it before the document's expiry.
 * A holder is born before the document is issued and it is issued before it
 * expires, so a birth year after the expiry belongs to the century before
 * (an Icelandic passport expiring in 2011 with birth year 12 is 1912, not
 * 2012). Both dates are the ISO forms decode_date wrote; a raw or unknown
 * date is left alone, and so is a 29 February the earlier century lacks.
 * No bound tighter than the expiry follows from the document's type: its
 * longest validity dates the earliest possible issue, and a child born after
 * that date may still hold the document.
 */
static void birth_before_expiry(char birth[11], const char expiry[11])
{
    if (strlen(birth) != 10 || strlen(expiry) != 10 || birth[4] != '-' || expiry[4] != '-')
        return;
    if (strcmp(birth, expiry) <= 0)
        return;
    int year = (birth[0] - '0') * 1000 + (birth[1] - '0') * 100 + (birth[2] - '0') * 10 +
               (birth[3] - '0') - 100;
    int month = (birth[5] - '0') * 10 + (birth[6] - '0');
    int day = (birth[8] - '0') * 10 + (birth[9] - '0');
    if (year < 0 || month < 1 || month > 12 || day > days_in_month(year, month))
        return;
    birth[0] = (char)('0' + year / 1000 % 10);
    birth[1] = (char)('0' + year / 100 % 10);
    birth[2] = (char)('0' + year / 10 % 10);
    birth[3] = (char)('0' + year % 10);
}

/* Copies s[0..n) without any '<' into out (cap bytes, NUL-terminated). */
static void copy_nofill(char *out, size_t cap, const char *s, int n)
{
    size_t k = 0;
    for (int i = 0; i < n && k + 1 < cap; i++)
        if (s[i] != '<')
            out[k++] = s[i];
    out[k] = '\0';
}

/* Copies s[0..n) without leading and trailing fillers into out. */
static void copy_trim(char *out, size_t cap, const char *s, int n)
{
    int a = 0, b = n;
    while (a < b && s[a] == '<')
        a++;
    while (b > a && s[b - 1] == '<')
        b--;
    size_t k = 0;
    for (int i = a; i < b && k + 1 < cap; i++)
        out[k++] = s[i];
    out[k] = '\0';
}

/* Writes one name component: runs of '<' become one space, no leading or
 * trailing space. */
static void name_part(char *out, size_t cap, const char *s, int n)
{
    size_t k = 0;
    bool gap = false;
    for (int i = 0; i < n; i++) {
        if (s[i] == '<') {
            gap = k > 0;
            continue;
        }
        if (gap && k + 1 < cap)
            out[k++] = ' ';
        gap = false;
        if (k + 1 < cap)
            out[k++] = s[i];
    }
    out[k] = '\0';
}

static void decode_name(const char *s, int n, ds_mrz *m)
{
    int end = n;
    while (end > 0 && s[end - 1] == '<')
        end--;
    int sep = -1;
    for (int i = 0; i + 1 < end; i++) {
        if (s[i] == '<' && s[i + 1] == '<') {
            sep = i;
            break;
        }
    }
    /* The name may be cut when the field is full, when a cut fell between
     * two words (one filler left), or when the surname and its separator
     * fill the field so that no given name fits. */
    int fill = n - end;
    m->name_truncated = n > 0 && (fill <= 1 || (fill == 2 && sep < 0));
    if (sep < 0) {
        name_part(m->surname, sizeof m->surname, s, end);
        m->given_names[0] = '\0';
        return;
    }
    name_part(m->surname, sizeof m->surname, s, sep);
    name_part(m->given_names, sizeof m->given_names, s + sep + 2, end - sep - 2);
}

/* Fills the decoded fields, format_ok, checks, valid and uncovered from the
 * final lines. */
static void finish(const layout *L, int today_year, ds_mrz *m)
{
    eval e;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    build_classes(L, cls);

    bool ok = true;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++)
            if (!fits(cls[l][p], m->lines[l][p]))
                ok = false;

    const char *l0 = m->lines[0], *l1 = m->lines[1];
    const char *dl = m->lines[L->doc_line];
    copy_nofill(m->document_code, sizeof m->document_code, l0 + L->code.start, L->code.len);
    copy_nofill(m->issuing_state, sizeof m->issuing_state, l0 + L->state.start, L->state.len);
    decode_name(m->lines[L->name.line] + L->name.start, L->name.len, m);
    copy_nofill(m->nationality, sizeof m->nationality, l1 + L->nat.start, L->nat.len);

    char num[32] = {0};
    copy_nofill(num, sizeof num, dl + L->doc.start, L->doc.len);
    int opt_from = L->opt.start;
    if (e.is_long && e.long_cd >= 0) {
        size_t k = strlen(num);
        for (int i = 0; i < e.ext_len && k + 1 < sizeof num; i++)
            num[k++] = dl[L->opt.start + i];
        num[k] = '\0';
        opt_from = e.long_cd + 1;
    }
    memcpy(m->document_number, num, sizeof num);
    copy_trim(m->optional_data, sizeof m->optional_data, m->lines[L->opt.line] + opt_from,
              L->opt.start + L->opt.len - opt_from);
    copy_trim(m->optional_data2, sizeof m->optional_data2,
              m->lines[L->opt2.line] + L->opt2.start, L->opt2.len);

    if (!decode_date(l1 + L->birth.start, today_year, true, m->birth_date))
        ok = false;
    if (!decode_date(l1 + L->expiry.start, today_year, false, m->expiry_date))
        ok = false;
    birth_before_expiry(m->birth_date, m->expiry_date);

    char sx = l1[L->sex.start];
    m->sex[0] = (sx == '<') ? 'X' : (fits(CL_SEX, sx) ? sx : '\0');
    m->sex[1] = '\0';

    m->checks.document_number = e.state[K_DOC];
    m->checks.birth_date = e.state[K_BIRTH];
    m->checks.expiry_date = e.state[K_EXPIRY];
    m->checks.optional_data = e.state[K_OPT];
    m->checks.composite = e.state[K_COMP];
    m->format_ok = ok;
    bool all = ok;
    for (int k = 0; k < K_COUNT; k++)
        if (e.state[k] == DS_CHECK_FAIL)
            all = false;
    m->valid = all;

    memset(m->uncovered, 0, sizeof m->uncovered);
    for (int l = 0; l < L->nlines; l++)
        memset(m->uncovered[l], 1, (size_t)L->width);
    for (int k = 0; k < K_COUNT; k++) {
        if (e.state[k] == DS_CHECK_ABSENT)
            continue;
        cover c;
        coverage(L, &e, k, &c);
        for (int i = 0; i < c.n; i++)
            m->uncovered[c.line[i]][c.pos[i]] = 0;
    }
}

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

static bool record(ds_mrz *m, int line, int pos, char from, char to)
{
    if (m->nrepairs >= DS_MRZ_MAX_REPAIRS)
        return false;
    m->repairs[m->nrepairs++] = (ds_mrz_repair){line, pos, from, to};
    m->lines[line][pos] = to;
    return true;
}

/* Repairs the characters the position grammar forbids (rule 1 above). */
static void repair_grammar(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    build_classes(L, cls);
    for (int l = 0; l < L->nlines; l++) {
        for (int p = 0; p < L->width; p++) {
            int c = cls[l][p];
            char cur = m->lines[l][p];
            if (fits(c, cur) || c == CL_ANY)
                continue;
            char to = 0;
            if (alt_usable(&src[l][p]) && fits(c, src[l][p].alt))
                to = src[l][p].alt;
            else if (c == CL_NUM || c == CL_DIGIT || c == CL_CHECK)
                to = to_digit(cur);
            else if (c == CL_ALPHA || c == CL_LETTER)
                to = to_letter(cur);
            if (to && fits(c, to) && !record(m, l, p, cur, to))
                return;
        }
    }
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
    return decode_date(raw, 2000, true, tmp);
}

/* Tries the substitutions for failing check k (rule 2 above); applies the
 * one that alone counts. Returns whether a repair was applied. */
static bool repair_one(const layout *L, const ds_mrz_char *const *src, int k, const eval *before,
                       ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    build_classes(L, cls);
    cover c, all[K_COUNT];
    coverage(L, before, k, &c);
    for (int q = 0; q < K_COUNT; q++)
        coverage(L, before, q, &all[q]);
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
            if (!fits(cls[l][p], cand[j]) || (src[l][p].c == '<' && is_upper(cand[j])))
                continue;
            m->lines[l][p] = cand[j];
            eval after;
            evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &after);
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
    return record(m, fl, fp, m->lines[fl][fp], fto);
}

static void repair_checks(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    bool done[K_COUNT] = {false};
    for (int round = 0; round < K_COUNT; round++) {
        eval e;
        evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
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
 * the fillers ("ZE184226B<") a common suffix: neither counts.
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
    /* Beside a filler, only the O: numbers end in letters ("226B<") often. */
    return ln[l][p] == 'O' && ((is_digit(left) && right == '<') || (is_digit(right) && left == '<'));
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
        evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
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
    if (c && c != cur && x->nalt < 3 && fits(cls, c) && !memchr(x->alt, c, (size_t)x->nalt))
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
 * changed into a letter.
 */
static void repair_joint(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    eval e;
    evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    bool failing = false;
    for (int k = 0; k < K_COUNT; k++)
        failing = failing || e.state[k] == DS_CHECK_FAIL;
    joint search;
    memset(&search, 0, sizeof search);
    joint *j = &search;
    build_classes(L, j->cls);
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
    unsigned char covered[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE] = {{0}};
    for (int k = 0; k < K_COUNT; k++) {
        cover c;
        if (e.state[k] == DS_CHECK_ABSENT)
            continue;
        coverage(L, &e, k, &c);
        for (int i = 0; i < c.n; i++)
            covered[c.line[i]][c.pos[i]] = 1;
    }
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
            if (s->c == '<')
                for (int a = 0; a < x.nalt; a++)
                    if (is_upper(x.alt[a]))
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
                record(m, l, p, m->lines[l][p], j->best[l][p]);
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
    evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    cover c[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        coverage(L, &e, k, &c[k]);
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
 * ds_mrz_parse_ocr): a character it reads was doubted, changed by a repair or
 * is a look-alike letter amid digits, or the recogniser's second choice at one
 * of its characters makes it pass.
 */
static void assess(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    bool *out[K_COUNT] = {&m->misread.document_number, &m->misread.birth_date,
                          &m->misread.expiry_date, &m->misread.optional_data,
                          &m->misread.composite};
    eval e;
    build_classes(L, cls);
    evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    for (int k = 0; k < K_COUNT; k++) {
        if (e.state[k] != DS_CHECK_FAIL)
            continue;
        cover c;
        coverage(L, &e, k, &c);
        for (int i = 0; i < c.n && !*out[k]; i++) {
            int l = c.line[i], p = c.pos[i];
            const ds_mrz_char *s = &src[l][p];
            char cur = m->lines[l][p];
            if (s->p < DS_MRZ_DOUBT_P || cur != s->c || !fits(cls[l][p], cur) ||
                amid_digits(cls, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, L->width, l, p)) {
                *out[k] = true;
                break;
            }
            if (!alt_usable(s) || s->alt == cur || !fits(cls[l][p], s->alt))
                continue;
            eval after;
            m->lines[l][p] = s->alt;
            evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &after);
            m->lines[l][p] = cur;
            *out[k] = after.state[k] == DS_CHECK_OK;
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
 * half as much. name_min_p is the least best-letter probability. */
static void name_doubt(const layout *L, const ds_mrz_char *const *src, ds_mrz *m)
{
    m->name_min_p = 1;
    for (int i = 0; i < L->name.len; i++) {
        const ds_mrz_char *s = &src[L->name.line][L->name.start + i];
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

static ds_error parse_chars(const ds_mrz_char *const *lines, const int *lens, int nlines,
                            int today_year, bool repair, ds_mrz *out)
{
    if (nlines < 0 || !out)
        return DS_ERR_USAGE;
    if (today_year < DS_MRZ_MIN_YEAR || today_year > DS_MRZ_MAX_YEAR)
        return DS_ERR_USAGE;
    if (nlines < 2 || nlines > DS_MRZ_MAX_LINES)
        return DS_ERR_MRZ_LENGTH;
    if (!lines || !lens)
        return DS_ERR_USAGE;
    for (int l = 0; l < nlines; l++)
        if (!lines[l] || lens[l] < 0)
            return DS_ERR_USAGE;

    const layout *L = NULL;
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        const layout *c = &layouts[i];
        if (c->nlines != nlines)
            continue;
        bool len_ok = true;
        for (int l = 0; l < nlines; l++)
            if (lens[l] != c->width)
                len_ok = false;
        if (!len_ok)
            continue;
        bool visa = lines[0][0].c == 'V';
        if (c->type == DS_MRZ_TD1 || visa == (c->type == DS_MRZ_MRVA || c->type == DS_MRZ_MRVB)) {
            L = c;
            break;
        }
    }
    if (!L)
        return DS_ERR_MRZ_LENGTH;

    for (int l = 0; l < nlines; l++)
        for (int p = 0; p < L->width; p++)
            if (lines[l][p].c < 0x20 || lines[l][p].c > 0x7e)
                return DS_ERR_MRZ_FORMAT;

    ds_mrz m;
    memset(&m, 0, sizeof m);
    m.type = L->type;
    m.nlines = nlines;
    for (int l = 0; l < nlines; l++) {
        for (int p = 0; p < L->width; p++)
            m.lines[l][p] = lines[l][p].c;
        m.lines[l][L->width] = '\0';
    }
    if (repair) {
        repair_grammar(L, lines, &m);
        repair_checks(L, lines, &m);
        repair_joint(L, lines, &m);
        undo_unproven(L, lines, &m);
    }
    finish(L, today_year, &m);
    m.name_min_p = 1;
    if (repair) {
        assess(L, lines, &m);
        name_doubt(L, lines, &m);
    }
    *out = m;
    return DS_OK;
}

bool ds_mrz_fits(ds_mrz_type type, int line, int pos, char c, bool *in_name)
{
    const layout *L = NULL;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (layouts[i].type == type)
            L = &layouts[i];
    if (in_name)
        *in_name = false;
    if (!L || line < 0 || line >= L->nlines || pos < 0 || pos >= L->width)
        return false;
    if (in_name)
        *in_name = line == L->name.line && pos >= L->name.start &&
                   pos < L->name.start + L->name.len;
    build_classes(L, cls);
    return fits(cls[line][pos], c);
}

ds_error ds_mrz_parse_ocr(const ds_mrz_char *const *lines, const int *lens, int nlines,
                          int today_year, ds_mrz *out)
{
    return parse_chars(lines, lens, nlines, today_year, true, out);
}

ds_error ds_mrz_parse(const char *const *lines, int nlines, int today_year, ds_mrz *out)
{
    if (nlines < 0 || !out)
        return DS_ERR_USAGE;
    if (nlines < 2 || nlines > DS_MRZ_MAX_LINES)
        return DS_ERR_MRZ_LENGTH;
    if (!lines)
        return DS_ERR_USAGE;
    ds_mrz_char buf[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    const ds_mrz_char *rows[DS_MRZ_MAX_LINES];
    int lens[DS_MRZ_MAX_LINES];
    for (int l = 0; l < nlines; l++) {
        if (!lines[l])
            return DS_ERR_USAGE;
        size_t n = strnlen(lines[l], DS_MRZ_MAX_LINE + 1);
        if (n > DS_MRZ_MAX_LINE)
            return DS_ERR_MRZ_LENGTH;
        for (size_t i = 0; i < n; i++)
            buf[l][i] = (ds_mrz_char){lines[l][i], 1.0f, 0, 0.0f};
        rows[l] = buf[l];
        lens[l] = (int)n;
    }
    return parse_chars(rows, lens, nlines, today_year, false, out);
}
