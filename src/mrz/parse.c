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
 * its output. The formats, position grammar and check digits are in
 * grammar.c; the repairs (rules 1-4 below) and the assessment of what stays
 * unsure in repair.c.
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
 * 1b. Repairs by height: OCR-B's digits stand about 8% taller than its flat
 *    capitals. A letter O, B or Z of the free-form fields (document number,
 *    optional data), as read, whose glyph stands as tall as this MRZ's
 *    confidently read digits (repair.c, height_class; ds_mrz_char.ink_h)
 *    becomes 0, 8 or 2, however confident the recogniser was (a print whose
 *    0s it reads as sure O's); all such changes are kept only when every
 *    check reading a changed position passes afterwards, some check reads
 *    each, and one of them failed before (where the checks pass both ways
 *    they cannot tell: rule 5 decides); all are taken back otherwise.
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
 * 5. The field prior, on a reading whose every check passes: look-alike
 *    letters amid digits in the free-form fields ("O3O60O21O41") may be
 *    misread digits that the checks cannot reveal (four O's for 0 at
 *    weights 7, 1, 1, 1 move a check sum by 240). Every O there (OCR-B's O
 *    and 0 differ only in proportions, which prints vary, so a recogniser
 *    is confidently wrong on them), and other look-alikes the recogniser
 *    doubted or gave the digit as second choice, are tried as their digits
 *    together; the set under which every check still passes and both dates
 *    are valid that leaves the fewest such letters, then changes the
 *    fewest, is applied when no other set ties with it. A single change can
 *    never keep a check passing, so the prior only chooses between readings
 *    the checks cannot tell apart. Its repairs, and step 3's on a reading
 *    whose checks all passed, are marked `prior`; a document number the
 *    prior changed is unsure (number_unsure).
 * Every repair is recorded in repairs[]; when DS_MRZ_MAX_REPAIRS are
 * recorded no further repair is made and the rest stays as read.
 *
 * After the repairs, a check that still fails is marked in misread when a
 * misreading may explain it: a character it reads was doubted by the
 * recogniser or lay off its cell (ds_mrz_char.offgrid), was changed by a repair, breaks the grammar, or is a
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
#include "mrz/grammar.h"
#include "mrz/repair.h"

#include <string.h>

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
    if (year < 0 || month < 1 || month > 12 || day > ds_mrz_days_in_month(year, month))
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

/* Whether a position of span f is cut away (cut may be NULL: none is). */
static bool span_cut(const unsigned char (*cut)[DS_MRZ_MAX_LINE], span f)
{
    if (!cut || f.len <= 0 || f.line < 0)
        return false;
    for (int i = 0; i < f.len; i++)
        if (cut[(int)f.line][f.start + i])
            return true;
    return false;
}

/* Fills the decoded fields, format_ok, checks, valid and uncovered from the
 * final lines. cut (may be NULL) marks the positions beyond the image's
 * edge: they break no grammar (nothing was read there). */
static void finish(const layout *L, int today_year, const unsigned char (*cut)[DS_MRZ_MAX_LINE],
                   ds_mrz *m)
{
    eval e;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    ds_mrz_build_classes(L, cls);

    bool ok = true;
    for (int l = 0; l < L->nlines; l++)
        for (int p = 0; p < L->width; p++)
            if (!ds_mrz_fits_class(cls[l][p], m->lines[l][p]) && !(cut && cut[l][p]))
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

    if (!ds_mrz_decode_date(l1 + L->birth.start, today_year, true, m->birth_date) &&
        !span_cut(cut, L->birth))
        ok = false;
    if (!ds_mrz_decode_date(l1 + L->expiry.start, today_year, false, m->expiry_date) &&
        !span_cut(cut, L->expiry))
        ok = false;
    birth_before_expiry(m->birth_date, m->expiry_date);

    char sx = l1[L->sex.start];
    m->sex[0] = (sx == '<') ? 'X' : (ds_mrz_fits_class(CL_SEX, sx) ? sx : '\0');
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
        ds_mrz_coverage(L, &e, k, &c);
        for (int i = 0; i < c.n; i++)
            m->uncovered[c.line[i]][c.pos[i]] = 0;
    }
}

/*
 * An MRZ cut by the image's edge (ds_mrz_char.cut): a field with a cut
 * position is unknown, not a reading, so its decoded value is emptied (and
 * compared with nothing); a name with a cut position is unsure and may be
 * cut short; a check that reads a cut position is unknowable (ds_mrz.cut:
 * it fails, a misreading explains it, and no check-digit flag is raised on
 * it); and the MRZ is not valid.
 */
static void forget_cut(const layout *L, const unsigned char (*cut)[DS_MRZ_MAX_LINE], ds_mrz *m)
{
    m->valid = false;
    if (span_cut(cut, L->code))
        m->document_code[0] = '\0';
    if (span_cut(cut, L->state))
        m->issuing_state[0] = '\0';
    if (span_cut(cut, L->nat))
        m->nationality[0] = '\0';
    if (span_cut(cut, L->birth))
        m->birth_date[0] = '\0';
    if (span_cut(cut, L->expiry))
        m->expiry_date[0] = '\0';
    if (span_cut(cut, L->sex))
        m->sex[0] = '\0';
    if (span_cut(cut, L->opt))
        m->optional_data[0] = '\0';
    if (span_cut(cut, L->opt2))
        m->optional_data2[0] = '\0';
    if (span_cut(cut, L->name)) {
        m->name_unsure = true;
        m->name_truncated = true;
        m->name_min_p = 0;
    }
    eval e;
    ds_mrz_evaluate(L, (const char(*)[DS_MRZ_MAX_LINE + 1])m->lines, &e);
    bool *flag[K_COUNT] = {&m->cut.document_number, &m->cut.birth_date, &m->cut.expiry_date,
                           &m->cut.optional_data, &m->cut.composite};
    bool *mis[K_COUNT] = {&m->misread.document_number, &m->misread.birth_date,
                          &m->misread.expiry_date, &m->misread.optional_data,
                          &m->misread.composite};
    for (int k = 0; k < K_COUNT; k++) {
        if (e.state[k] == DS_CHECK_ABSENT)
            continue;
        cover c;
        ds_mrz_coverage(L, &e, k, &c);
        for (int i = 0; i < c.n; i++)
            if (cut[(int)c.line[i]][(int)c.pos[i]])
                *flag[k] = true;
        if (*flag[k]) {
            *mis[k] = true;
            if (k == K_DOC) {
                m->number_unsure = true;
                m->document_number[0] = '\0';
            }
        }
    }
    /* the document number when its continuation (TD1) is cut */
    if (span_cut(cut, L->doc)) {
        m->number_unsure = true;
        m->document_number[0] = '\0';
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
    for (size_t i = 0; i < DS_MRZ_NLAYOUTS; i++) {
        const layout *c = &ds_mrz_layouts[i];
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
        ds_mrz_repair_read(L, lines, &m);
    }
    unsigned char cut[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    bool any_cut = false;
    memset(cut, 0, sizeof cut);
    for (int l = 0; l < nlines; l++)
        for (int p = 0; p < L->width; p++)
            any_cut |= (cut[l][p] = lines[l][p].cut != 0);
    finish(L, today_year, any_cut ? (const unsigned char(*)[DS_MRZ_MAX_LINE])cut : NULL, &m);
    m.name_min_p = 1;
    if (repair) {
        ds_mrz_assess_read(L, lines, &m);
    }
    if (any_cut)
        forget_cut(L, (const unsigned char(*)[DS_MRZ_MAX_LINE])cut, &m);
    *out = m;
    return DS_OK;
}

bool ds_mrz_fits(ds_mrz_type type, int line, int pos, char c, bool *in_name)
{
    const layout *L = NULL;
    unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    for (size_t i = 0; i < DS_MRZ_NLAYOUTS; i++)
        if (ds_mrz_layouts[i].type == type)
            L = &ds_mrz_layouts[i];
    if (in_name)
        *in_name = false;
    if (!L || line < 0 || line >= L->nlines || pos < 0 || pos >= L->width)
        return false;
    if (in_name)
        *in_name = line == L->name.line && pos >= L->name.start &&
                   pos < L->name.start + L->name.len;
    ds_mrz_build_classes(L, cls);
    return ds_mrz_fits_class(cls[line][pos], c);
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
            buf[l][i] = (ds_mrz_char){lines[l][i], 1.0f, 0, 0.0f, 0, 0, 0.0f};
        rows[l] = buf[l];
        lens[l] = (int)n;
    }
    return parse_chars(rows, lens, nlines, today_year, false, out);
}
