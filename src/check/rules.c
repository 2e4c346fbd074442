/*
 * The case and document rules (thresholds and severities in rules.h). Each
 * rule decides on evidence only: when a value is missing on either side or
 * could not be read, it stays silent. Dates are compared as day numbers of
 * the Gregorian calendar; two-digit MRZ years are compared as two digits
 * against the case record, never through a guessed century.
 *
 * A difference from the case record is high only where the reading is
 * sure. The MRZ's name has no check digit, so a name one letter away from
 * the case record's (one letter read wrong, lost or added) is a warning to
 * compare by eye: a misreading or a typing error in the record is likelier
 * than another person. A number or date whose MRZ check digit fails where
 * a misreading may explain it, and a number that differs only in
 * characters OCR and typists confuse (O and 0, I and 1, B and 8 ...), are
 * warnings too.
 */
#include "rules.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "names.h"
#include "base/text.h"

/* The parts of an MRZ date: the decoded ISO form, or the raw YYMMDD with
 * "<<" for an unknown part (-1). Returns false for anything else. */
static bool mrz_date_parts(const char *s, int *yy, int *mm, int *dd, int *full_year)
{
    *full_year = -1;
    int y, m, d;
    if (ds_date_parse(s, &y, &m, &d)) {
        *full_year = y;
        *yy = y % 100;
        *mm = m;
        *dd = d;
        return true;
    }
    if (strlen(s) != 6)
        return false;
    int part[3];
    for (int i = 0; i < 3; i++) {
        char a = s[2 * i], b = s[2 * i + 1];
        if (a == '<' && b == '<')
            part[i] = -1;
        else if (a >= '0' && a <= '9' && b >= '0' && b <= '9')
            part[i] = (a - '0') * 10 + (b - '0');
        else
            return false;
    }
    *yy = part[0];
    *mm = part[1];
    *dd = part[2];
    return true;
}

static bool day_number(const char *s, long *days)
{
    int y, m, d;
    if (!s || !ds_date_parse(s, &y, &m, &d))
        return false;
    *days = ds_date_days(y, m, d);
    return true;
}

/* Whole years from birth to the date at. */
static int age_at(int by, int bm, int bd, int ay, int am, int ad)
{
    int age = ay - by;
    if (am < bm || (am == bm && ad < bd))
        age--;
    return age;
}

static bool names_agree(const char *sur, const char *giv, bool truncated, const ds_case *c)
{
    ds_name_match r;
    ds_name_result res = ds_names_match(sur, giv, truncated, c->surname, c->given_names, &r);
    return res == DS_NAME_MATCH || res == DS_NAME_MATCH_WITH_NOTE;
}

/* Whether one letter of the MRZ name read otherwise, lost or added (a
 * reading error in a field no check digit protects) makes it the case
 * record's name. At most some 5,000 comparisons, made only on a mismatch. */
static bool one_letter_away(const ds_mrz *m, const ds_case *c)
{
    enum { CAP = sizeof m->surname };
    for (int part = 0; part < 2; part++) {
        const char *src = part == 0 ? m->surname : m->given_names;
        size_t n = strnlen(src, CAP - 1);
        char buf[CAP + 1];
        for (size_t i = 0; i <= n; i++) {
            for (int op = 0; op < 3; op++) {   /* 0 substitute, 1 delete, 2 insert */
                if (op < 2 && (i == n || src[i] < 'A' || src[i] > 'Z'))
                    continue;
                if (op == 2 && n + 1 >= CAP)
                    continue;
                for (char x = 'A'; x <= 'Z'; x++) {
                    if (op == 0 && x == src[i])
                        continue;
                    if (op == 1 && x > 'A')
                        break;
                    memcpy(buf, src, i);
                    size_t k = i;
                    if (op != 1)
                        buf[k++] = x;
                    size_t rest = op == 2 ? i : i + 1;
                    memcpy(buf + k, src + rest, n - rest);
                    buf[k + n - rest] = '\0';
                    bool ok = part == 0 ? names_agree(buf, m->given_names, m->name_truncated, c)
                                        : names_agree(m->surname, buf, m->name_truncated, c);
                    if (ok)
                        return true;
                }
            }
        }
    }
    return false;
}

void ds_rule_name(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags)
{
    if (!m || !c || (!c->surname[0] && !c->given_names[0]))
        return;
    ds_name_match r;
    ds_names_match(m->surname, m->given_names, m->name_truncated, c->surname, c->given_names, &r);
    char expected[2 * DS_CASE_STR_MAX + 3], found[sizeof m->surname + sizeof m->given_names + 2];
    snprintf(expected, sizeof expected, "%s%s%s", c->surname,
             c->surname[0] && c->given_names[0] ? ", " : "", c->given_names);
    snprintf(found, sizeof found, "%s%s%s", m->surname, m->surname[0] && m->given_names[0] ? ", " : "",
             m->given_names);
    switch (r.result) {
    case DS_NAME_MISMATCH:
        /* A name with a doubted letter (MRZ_NAME_UNREADABLE) is no evidence. */
        if (m->name_unsure) {
            ds_flags_add(flags, page, DS_FLAG_CASE_NAME_MISMATCH, DS_SEV_WARNING, "case", r.field,
                         expected, found,
                         "The name in the MRZ differs from the case record (%s), but the MRZ's "
                         "name was not read reliably: compare it on the document.",
                         r.reason);
            break;
        }
        if (one_letter_away(m, c)) {
            ds_flags_add(flags, page, DS_FLAG_CASE_NAME_MISMATCH, DS_SEV_WARNING, "case", r.field,
                         expected, found,
                         "The name in the MRZ differs from the case record by one letter (%s): a "
                         "misreading or a typing error in the case record is likelier than another "
                         "person; compare the name printed on the document with the case record.",
                         r.reason);
            break;
        }
        ds_flags_add(flags, page, DS_FLAG_CASE_NAME_MISMATCH, DS_SEV_HIGH, "case", r.field, expected,
                     found,
                     "The name in the MRZ is not the name in the case record (%s), and no ICAO "
                     "9303 spelling or truncation explains the difference.",
                     r.reason);
        break;
    case DS_NAME_MATCH_WITH_NOTE:
        ds_flags_add(flags, page, DS_FLAG_CASE_NAME_VARIANT, DS_SEV_INFO, "case", "name", expected, found,
                     "The name matches the case record as ICAO 9303 allows: %s.", r.reason);
        break;
    case DS_NAME_UNVERIFIABLE:
        ds_flags_add(flags, page, DS_FLAG_CASE_NAME_UNVERIFIED, DS_SEV_INFO, "case", "name", expected,
                     found,
                     "The case record writes the name in characters that have no ICAO 9303 "
                     "transliteration here; compare the names by eye.");
        break;
    default:
        break;
    }
}

/* A field of the MRZ that differs from the case record where its check digit
 * fails as a misreading may explain: a warning to rescan or compare. */
static void misread_warning(ds_flags *flags, int page, ds_flag_code code, const char *field,
                            const char *case_value, const char *mrz_value, const char *what,
                            const char *noun)
{
    ds_flags_add(flags, page, code, DS_SEV_WARNING, "case", field, case_value, mrz_value,
                 "The %s read in the MRZ differs from the case record, but it could not be read "
                 "reliably (its check digit fails): rescan the document or compare the %s "
                 "printed on it with the case record.",
                 what, noun);
}

void ds_rule_birth_date(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags)
{
    int y, mo, d, yy, mm, dd, fy;
    if (!m || !c || !ds_date_parse(c->birth_date, &y, &mo, &d))
        return;
    if (!mrz_date_parts(m->birth_date, &yy, &mm, &dd, &fy))
        return;
    bool differ = (yy >= 0 && yy != y % 100) || (mm >= 0 && mm != mo) || (dd >= 0 && dd != d);
    if (!differ)
        return;
    if (m->checks.birth_date == DS_CHECK_FAIL && m->misread.birth_date)
        misread_warning(flags, page, DS_FLAG_CASE_BIRTH_DATE_MISMATCH, "birth_date",
                        c->birth_date, m->birth_date, "date of birth", "date");
    else
        ds_flags_add(flags, page, DS_FLAG_CASE_BIRTH_DATE_MISMATCH, DS_SEV_HIGH, "case", "birth_date",
                     c->birth_date, m->birth_date,
                     "The date of birth in the MRZ differs from the one in the case record.");
}

void ds_rule_document_number(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags)
{
    if (!m || !c || !c->document_number[0])
        return;
    char a[DS_CASE_DOCNO_MAX + 1], b[sizeof m->document_number];
    ds_text_strip_number(c->document_number, a, sizeof a);
    ds_text_strip_number(m->document_number, b, sizeof b);
    if (!b[0] || strcmp(a, b) == 0)
        return;
    char fa[sizeof a], fb[sizeof b];
    ds_fold_number(a, fa, sizeof fa);
    ds_fold_number(b, fb, sizeof fb);
    if (strcmp(fa, fb) == 0)
        ds_flags_add(flags, page, DS_FLAG_CASE_DOCUMENT_NUMBER_MISMATCH, DS_SEV_WARNING, "case",
                     "document_number", c->document_number, m->document_number,
                     "The document number in the MRZ differs from the case record only in "
                     "characters that readers and typists confuse (O and 0, I and 1, B and 8 ...): "
                     "compare the number printed on the document with the case record.");
    else if (m->checks.document_number == DS_CHECK_FAIL && m->misread.document_number)
        misread_warning(flags, page, DS_FLAG_CASE_DOCUMENT_NUMBER_MISMATCH, "document_number",
                        c->document_number, m->document_number, "document number", "number");
    else if (m->number_unsure)
        ds_flags_add(flags, page, DS_FLAG_CASE_DOCUMENT_NUMBER_MISMATCH, DS_SEV_WARNING, "case",
                     "document_number", c->document_number, m->document_number,
                     "The document number read in the MRZ differs from the case record, but some "
                     "of its characters could not be read reliably: rescan the document or "
                     "compare the number printed on it with the case record.");
    else
        ds_flags_add(flags, page, DS_FLAG_CASE_DOCUMENT_NUMBER_MISMATCH, DS_SEV_HIGH, "case",
                     "document_number", c->document_number, m->document_number,
                     "The document number in the MRZ is not the one in the case record.");
}

void ds_rule_nationality(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags)
{
    char a[4], b[4];
    if (!m || !c || !ds_icao_code_normalise(c->nationality, a) ||
        !ds_icao_code_normalise(m->nationality, b))
        return;
    if (strcmp(a, b) == 0)
        return;
    ds_flags_add(flags, page, DS_FLAG_CASE_NATIONALITY_MISMATCH, DS_SEV_WARNING, "case", "nationality",
                 c->nationality, m->nationality,
                 "The nationality in the MRZ differs from the case record; check whether the "
                 "applicant holds another nationality.");
}

void ds_rule_sex(const ds_mrz *m, const ds_case *c, int page, ds_flags *flags)
{
    if (!m || !c)
        return;
    char a = c->sex[0], b = m->sex[0];
    if ((a != 'M' && a != 'F') || (b != 'M' && b != 'F') || a == b)
        return;
    ds_flags_add(flags, page, DS_FLAG_CASE_SEX_MISMATCH, DS_SEV_WARNING, "case", "sex", c->sex, m->sex,
                 "The sex in the MRZ differs from the case record.");
}

/* The reference date of the expiry rule: the application date, else today. */
static const char *reference(const ds_case *c, const char *today, const char **what)
{
    if (c && ds_date_parse(c->application_date, NULL, NULL, NULL)) {
        *what = "application date";
        return c->application_date;
    }
    if (today && ds_date_parse(today, NULL, NULL, NULL)) {
        *what = "screening date";
        return today;
    }
    return NULL;
}

void ds_rule_expiry(const ds_mrz *m, const ds_case *c, const char *today, int page,
                    ds_flags *flags)
{
    const char *what = NULL;
    const char *ref = reference(c, today, &what);
    long e, r;
    if (!m || !ref || !day_number(m->expiry_date, &e) || !day_number(ref, &r))
        return;
    if (e >= r)
        return;
    ds_flags_add(flags, page, DS_FLAG_DOC_EXPIRED, DS_SEV_WARNING, "mrz", "expiry_date", ref,
                 m->expiry_date, "The document had expired before the %s (%s).", what, ref);
}

void ds_rule_validity(const ds_mrz *m, const ds_case *c, const char *today, int page,
                      ds_flags *flags)
{
    if (!m)
        return;
    /* The date of birth: the case record's full date when it agrees with the
     * MRZ's six digits (it has the century), else the MRZ's own. */
    int by = -1, bm = 0, bd = 0, yy, mm, dd, fy;
    bool mrz_birth = mrz_date_parts(m->birth_date, &yy, &mm, &dd, &fy);
    int cy, cm, cd;
    if (c && mrz_birth && ds_date_parse(c->birth_date, &cy, &cm, &cd) && yy == cy % 100 &&
        mm == cm && dd == cd) {
        by = cy, bm = cm, bd = cd;
    } else if (mrz_birth && fy >= 0) {
        by = fy, bm = mm, bd = dd;
    }
    int ey, em, ed;
    bool expiry = ds_date_parse(m->expiry_date, &ey, &em, &ed);
    char birth_s[40] = "";
    if (by >= 0)
        snprintf(birth_s, sizeof birth_s, "%04d-%02d-%02d", by, bm, bd);

    if (by >= 0 && expiry && ds_date_days(by, bm, bd) > ds_date_days(ey, em, ed))
        ds_flags_add(flags, page, DS_FLAG_DOC_VALIDITY_ANOMALY, DS_SEV_HIGH, "mrz", "birth_date",
                     m->expiry_date, birth_s,
                     "The holder's date of birth is after the document's date of expiry, which "
                     "no genuine document shows.");

    const char *what = NULL;
    const char *ref = reference(c, today, &what);
    int ry, rm, rd;
    if (by >= 0 && ref && ds_date_parse(ref, &ry, &rm, &rd)) {
        int age = age_at(by, bm, bd, ry, rm, rd);
        if (ds_date_days(by, bm, bd) > ds_date_days(ry, rm, rd))
            ds_flags_add(flags, page, DS_FLAG_DOC_VALIDITY_ANOMALY, DS_SEV_HIGH, "mrz", "birth_date",
                         ref, birth_s, "The holder's date of birth is after the %s (%s).", what,
                         ref);
        else if (age > DS_RULE_MAX_AGE) {
            char bound[32];
            snprintf(bound, sizeof bound, "age <= %d", DS_RULE_MAX_AGE);
            ds_flags_add(flags, page, DS_FLAG_DOC_VALIDITY_ANOMALY, DS_SEV_WARNING, "mrz", "birth_date",
                         bound, birth_s,
                         "The date of birth makes the holder %d years old at the %s, which is "
                         "implausible.",
                         age, what);
        }
    }

    /* Validity: issued at the latest on the screening date. */
    const char *issued_by = today && ds_date_parse(today, NULL, NULL, NULL) ? today : NULL;
    const char *issued_what = "screening date";
    if (!issued_by && c && ds_date_parse(c->application_date, NULL, NULL, NULL)) {
        issued_by = c->application_date;
        issued_what = "application date";
    }
    int ty, tm, td;
    if (expiry && issued_by && ds_date_parse(issued_by, &ty, &tm, &td)) {
        int limit_y = ty + DS_RULE_MAX_VALIDITY_YEARS;
        int limit_d = td;
        if (tm == 2 && td == 29)
            limit_d = 28; /* 15 years after a 29 February is a 28 February at the latest */
        if (ds_date_days(ey, em, ed) > ds_date_days(limit_y, tm, limit_d)) {
            char bound[32];
            snprintf(bound, sizeof bound, "expiry <= %04d-%02d-%02d", limit_y, tm, limit_d);
            ds_flags_add(flags, page, DS_FLAG_DOC_VALIDITY_ANOMALY, DS_SEV_WARNING, "mrz",
                         "expiry_date", bound, m->expiry_date,
                         "The document is valid for more than %d years after the %s, longer "
                         "than any issuer grants.",
                         DS_RULE_MAX_VALIDITY_YEARS, issued_what);
        }
    }
}

void ds_rule_specimen(const ds_mrz *m, int page, ds_flags *flags)
{
    if (!m)
        return;
    const char *field = NULL, *found = NULL, *why = NULL;
    if (ds_icao_code_is_specimen(m->issuing_state))
        field = "issuing_state", found = m->issuing_state, why = "the specimen state code UTO";
    else if (ds_icao_code_is_specimen(m->nationality))
        field = "nationality", found = m->nationality, why = "the specimen state code UTO";
    else if (ds_specimen_name(m->surname))
        field = "surname", found = m->surname, why = "a specimen name";
    else if (ds_specimen_name(m->given_names))
        field = "given_names", found = m->given_names, why = "a specimen name";
    else if (ds_specimen_document_number(m->document_number))
        field = "document_number", found = m->document_number,
        why = "the number of a published specimen";
    if (!field)
        return;
    ds_flags_add(flags, page, DS_FLAG_SPECIMEN_DOCUMENT, DS_SEV_HIGH, "mrz", field, NULL, found,
                 "The MRZ carries %s: this is a specimen document, not a travel document.", why);
}

static void one_code(const char *code, const char *field, const char *what, int page,
                     ds_flags *flags)
{
    char n[4];
    if (!ds_icao_code_normalise(code, n) && (!code || !code[0]))
        return; /* empty: the MRZ format rule covers it */
    if (ds_icao_code_known(code))
        return;
    ds_flags_add(flags, page, DS_FLAG_MRZ_UNKNOWN_CODE, DS_SEV_WARNING, "mrz", field, NULL, code,
                 "The %s code in the MRZ is not on the ICAO 9303 list of state and "
                 "organisation codes.",
                 what);
}

void ds_rule_codes(const ds_mrz *m, int page, ds_flags *flags)
{
    if (!m)
        return;
    one_code(m->issuing_state, "issuing_state", "issuing state", page, flags);
    one_code(m->nationality, "nationality", "nationality", page, flags);
}

void ds_check_case(const ds_mrz *m, const ds_case *c, const char *today, int page,
                   ds_flags *flags)
{
    if (!m || !flags)
        return;
    if (c) {
        ds_rule_name(m, c, page, flags);
        ds_rule_birth_date(m, c, page, flags);
        ds_rule_document_number(m, c, page, flags);
        ds_rule_nationality(m, c, page, flags);
        ds_rule_sex(m, c, page, flags);
    }
    ds_rule_expiry(m, c, today, page, flags);
    ds_rule_validity(m, c, today, page, flags);
    ds_rule_specimen(m, page, flags);
    ds_rule_codes(m, page, flags);
}
