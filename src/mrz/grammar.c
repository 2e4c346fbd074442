/*
 * mrz/grammar: the MRZ formats, position grammar, check digits and dates
 * (see grammar.h; the parsing and repair rules are described in parse.c).
 */
#include "mrz/grammar.h"

#include <string.h>

const layout ds_mrz_layouts[DS_MRZ_NLAYOUTS] = {
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

bool ds_mrz_fits_class(int cls, char c)
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
void ds_mrz_build_classes(const layout *L, unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE])
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
void ds_mrz_evaluate(const layout *L, const mrz_lines ln, eval *e /* OUT */)
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
void ds_mrz_coverage(const layout *L, const eval *e, int k, cover *c /* OUT */)
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

int ds_mrz_days_in_month(int year, int month)
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
bool ds_mrz_decode_date(const char *raw, int today_year, bool birth, char out[11])
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
            dim = ds_mrz_days_in_month(year >= 0 ? year : 2000, part[1]);
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
