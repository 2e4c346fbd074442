/*
 * Unit tests of the check rules (src/check/rules.c): each rule fires on its
 * defect and stays silent on a genuine document, with the evidence the
 * report needs (code, severity, field, expected, found, source, message).
 * Expiry is judged against the application date, today only without one;
 * Germany's D equals DEU.
 */
#include <stdio.h>
#include <string.h>

#include "check/case.h"
#include "check/check.h"
#include "check/rules.h"
#include "mrz/clip.h"
#include "t.h"

static ds_mrz mk(const char *surname, const char *given, const char *docno, const char *nat,
                 const char *birth, const char *sex, const char *expiry)
{
    ds_mrz m;
    memset(&m, 0, sizeof m);
    m.type = DS_MRZ_TD3;
    m.valid = m.format_ok = true;
    snprintf(m.document_code, sizeof m.document_code, "P");
    snprintf(m.issuing_state, sizeof m.issuing_state, "%s", nat);
    snprintf(m.surname, sizeof m.surname, "%s", surname);
    snprintf(m.given_names, sizeof m.given_names, "%s", given);
    snprintf(m.document_number, sizeof m.document_number, "%s", docno);
    snprintf(m.nationality, sizeof m.nationality, "%s", nat);
    snprintf(m.birth_date, sizeof m.birth_date, "%s", birth);
    snprintf(m.sex, sizeof m.sex, "%s", sex);
    snprintf(m.expiry_date, sizeof m.expiry_date, "%s", expiry);
    return m;
}

/* A genuine German passport and its case record. */
static ds_mrz genuine(void)
{
    return mk("MUELLER", "JUERGEN HANS", "C4J6R0H11", "D", "1980-05-17", "M", "2031-03-01");
}

static ds_case genuine_case(void)
{
    ds_case c;
    const char *j = "{\"case_id\":\"K-1\",\"surname\":\"Müller\",\"given_names\":\"Jürgen "
                    "Hans\",\"birth_date\":\"1980-05-17\",\"nationality\":\"DEU\",\"sex\":\"M\","
                    "\"document_number\":\"c4j6r0h11\",\"application_date\":\"2025-01-10\"}";
    if (ds_case_parse(j, strlen(j), &c, NULL, 0) != DS_OK)
        T_FAIL_("genuine case does not parse");
    return c;
}

static int count(const ds_flags *f, const char *code)
{
    int n = 0;
    for (int i = 0; i < f->count; i++)
        n += strcmp(ds_flag_name(f->item[i].code), code) == 0;
    return n;
}

static const ds_flag *find(const ds_flags *f, const char *code)
{
    for (int i = 0; i < f->count; i++)
        if (strcmp(ds_flag_name(f->item[i].code), code) == 0)
            return &f->item[i];
    return NULL;
}

static ds_flags flags;

static void run(const ds_mrz *m, const ds_case *c, const char *today)
{
    memset(&flags, 0, sizeof flags);
    ds_check_case(m, c, today, 3, &flags);
}

/* Every flag carries its evidence and a sentence. */
static void check_evidence(void)
{
    for (int i = 0; i < flags.count; i++) {
        const ds_flag *f = &flags.item[i];
        T_CHECK(f->code < DS_FLAG_COUNT_ && f->source[0] && f->field[0] && f->message[0]);
        T_EQ_INT(f->page, 3);
        size_t n = strlen(f->message);
        T_CHECK(n > 0 && f->message[n - 1] == '.');
    }
}

static void t_genuine_is_clear(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    run(&m, &c, "2025-06-01");
    for (int i = 0; i < flags.count; i++)
        T_FAIL_("unexpected flag %s: %s", ds_flag_name(flags.item[i].code), flags.item[i].message);
    T_EQ_STR(ds_verdict_name(ds_check_verdict(&flags)), "clear");
    /* No case record: only the document rules. */
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(flags.count, 0);
    /* No MRZ: nothing here (ds_check_mrz flags it). */
    run(NULL, &c, "2025-06-01");
    T_EQ_INT(flags.count, 0);
}

static void t_name(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    snprintf(m.surname, sizeof m.surname, "SCHMIDT");
    run(&m, &c, "2025-06-01");
    const ds_flag *f = find(&flags, "CASE_NAME_MISMATCH");
    T_CHECK(f != NULL);
    if (f) {
        T_EQ_INT(f->severity, DS_SEV_HIGH);
        T_EQ_STR(f->field, "surname");
        T_EQ_STR(f->expected, "Müller, Jürgen Hans");
        T_EQ_STR(f->found, "SCHMIDT, JUERGEN HANS");
        T_EQ_STR(f->source, "case");
    }
    check_evidence();
    T_EQ_STR(ds_verdict_name(ds_check_verdict(&flags)), "review");
    /* One letter away (MUELLER read as MIELLER, MUELER, MUELLLER; a given
     * name RNNA for ANNA): no check digit protects a name, so a misreading
     * or a typing error is likelier than another person: a warning. */
    const char *near[] = {"MIELLER", "MUELER", "MUELLLER", "MILLER"};
    for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
        m = genuine();
        snprintf(m.surname, sizeof m.surname, "%s", near[i]);
        run(&m, &c, "2025-06-01");
        f = find(&flags, "CASE_NAME_MISMATCH");
        T_CHECK(f && f->severity == DS_SEV_WARNING && strstr(f->message, "one letter"));
        T_EQ_STR(ds_verdict_name(ds_check_verdict(&flags)), "review");
    }
    m = genuine();
    snprintf(m.given_names, sizeof m.given_names, "JUERGEN HINS");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_NAME_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING);
    /* Two letters away is another name. */
    m = genuine();
    snprintf(m.surname, sizeof m.surname, "MUELLAN");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_NAME_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_HIGH);
    /* An allowed variant is an info note, not a review. */
    m = genuine();
    snprintf(m.surname, sizeof m.surname, "MULLER");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_NAME_MISMATCH"), 0);
    f = find(&flags, "CASE_NAME_VARIANT");
    T_CHECK(f && f->severity == DS_SEV_INFO && strstr(f->message, "alternative"));
    T_EQ_STR(ds_verdict_name(ds_check_verdict(&flags)), "clear");
    /* A name in a script without a table. */
    snprintf(c.surname, sizeof c.surname, "王");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_NAME_UNVERIFIED");
    T_CHECK(f && f->severity == DS_SEV_INFO);
    /* No name in the case record: nothing. */
    c.surname[0] = c.given_names[0] = '\0';
    run(&m, &c, "2025-06-01");
    T_EQ_INT(flags.count, 0);
}

static void t_birth_date(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    snprintf(c.birth_date, sizeof c.birth_date, "1980-05-18");
    run(&m, &c, "2025-06-01");
    const ds_flag *f = find(&flags, "CASE_BIRTH_DATE_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_HIGH && strcmp(f->expected, "1980-05-18") == 0 &&
            strcmp(f->found, "1980-05-17") == 0);
    check_evidence();
    /* The MRZ has two-digit years: a centenarian's 1915 reads as 2015 and
     * still matches the case record's 1915 (and is not too old). */
    snprintf(m.birth_date, sizeof m.birth_date, "2015-05-17");
    snprintf(c.birth_date, sizeof c.birth_date, "1915-05-17");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_BIRTH_DATE_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 0);
    /* Unknown day and month in the MRZ: only the year is compared. */
    snprintf(m.birth_date, sizeof m.birth_date, "80<<<<");
    snprintf(c.birth_date, sizeof c.birth_date, "1980-05-17");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_BIRTH_DATE_MISMATCH"), 0);
    snprintf(c.birth_date, sizeof c.birth_date, "1981-05-17");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_BIRTH_DATE_MISMATCH"), 1);
    /* A birth date whose check digit fails where a misreading may explain
     * it is not sure: a warning. */
    m = genuine();
    snprintf(c.birth_date, sizeof c.birth_date, "1980-05-18");
    m.checks.birth_date = DS_CHECK_FAIL;
    m.misread.birth_date = true;
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_BIRTH_DATE_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strstr(f->message, "reliably"));
    m.misread.birth_date = false; /* a failure no misreading explains: the print */
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_BIRTH_DATE_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_HIGH);
    snprintf(m.birth_date, sizeof m.birth_date, "1980-05-17");
    /* An unreadable MRZ date is not compared. */
    snprintf(m.birth_date, sizeof m.birth_date, "8O0517");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_BIRTH_DATE_MISMATCH"), 0);
}

static void t_document_number(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    snprintf(c.document_number, sizeof c.document_number, "C4J6-R0H1 1<<");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH"), 0);
    /* O is not 0, but a number that differs only there is not sure: a
     * reader or a typist confuses them. */
    snprintf(c.document_number, sizeof c.document_number, "C4J6ROH11");
    run(&m, &c, "2025-06-01");
    const ds_flag *f = find(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->found, "C4J6R0H11") == 0 &&
            strstr(f->message, "confuse"));
    check_evidence();
    snprintf(c.document_number, sizeof c.document_number, "C4J6R0H12");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_HIGH);
    /* The same difference under a check digit that a misreading may fail. */
    m.checks.document_number = DS_CHECK_FAIL;
    m.misread.document_number = true;
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strstr(f->message, "reliably"));
    /* A number whose check passes but some of whose characters were read
     * unsurely: the check may pass by chance, so no high flag. */
    m = genuine();
    m.number_unsure = true;
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strstr(f->message, "could not be read reliably"));
    m = genuine();
    c.document_number[0] = '\0';
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH"), 0);
}

static void t_nationality(void)
{
    ds_mrz m = genuine(); /* D */
    ds_case c = genuine_case(); /* DEU */
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_NATIONALITY_MISMATCH"), 0);
    snprintf(m.nationality, sizeof m.nationality, "DEU");
    snprintf(c.nationality, sizeof c.nationality, "DEU");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_NATIONALITY_MISMATCH"), 0);
    snprintf(c.nationality, sizeof c.nationality, "AUT");
    run(&m, &c, "2025-06-01");
    const ds_flag *f = find(&flags, "CASE_NATIONALITY_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->expected, "AUT") == 0);
    check_evidence();
}

static void t_sex(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    snprintf(c.sex, sizeof c.sex, "F");
    run(&m, &c, "2025-06-01");
    const ds_flag *f = find(&flags, "CASE_SEX_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING);
    check_evidence();
    /* X (or '<' read as X) is unspecified and matches anything. */
    snprintf(c.sex, sizeof c.sex, "X");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_SEX_MISMATCH"), 0);
    snprintf(c.sex, sizeof c.sex, "F");
    snprintf(m.sex, sizeof m.sex, "X");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_SEX_MISMATCH"), 0);
    m.sex[0] = '\0';
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_SEX_MISMATCH"), 0);
}

static void t_expired_vs_application_date(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    snprintf(m.expiry_date, sizeof m.expiry_date, "2025-03-01");
    /* Valid on the application date, expired today: not expired. */
    snprintf(c.application_date, sizeof c.application_date, "2025-01-10");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
    /* Expiring on the application date: still valid that day. */
    snprintf(c.application_date, sizeof c.application_date, "2025-03-01");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
    /* Expired the day before the application. */
    snprintf(c.application_date, sizeof c.application_date, "2025-03-02");
    run(&m, &c, "2025-01-01");
    const ds_flag *f = find(&flags, "DOC_EXPIRED");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->expected, "2025-03-02") == 0 &&
            strcmp(f->found, "2025-03-01") == 0 && strstr(f->message, "application date"));
    check_evidence();
    /* No application date: today decides. */
    c.application_date[0] = '\0';
    run(&m, &c, "2025-06-01");
    f = find(&flags, "DOC_EXPIRED");
    T_CHECK(f && strstr(f->message, "screening date"));
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 1);
    run(&m, NULL, "2025-02-28");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
    /* Neither: no judgement; a bad today is ignored. */
    run(&m, &c, NULL);
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
    run(&m, &c, "2025-13-01");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
    /* An unreadable expiry is not judged. */
    snprintf(m.expiry_date, sizeof m.expiry_date, "25<<<<");
    run(&m, NULL, "2030-01-01");
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0);
}

static void t_validity_anomaly(void)
{
    ds_mrz m = genuine();
    /* Born after expiry. */
    snprintf(m.birth_date, sizeof m.birth_date, "2032-01-01");
    run(&m, NULL, NULL);
    const ds_flag *f = find(&flags, "DOC_VALIDITY_ANOMALY");
    T_CHECK(f && f->severity == DS_SEV_HIGH);
    check_evidence();
    /* Born after the application date. */
    ds_case c = genuine_case();
    c.birth_date[0] = '\0';
    snprintf(m.birth_date, sizeof m.birth_date, "2025-02-01");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "DOC_VALIDITY_ANOMALY");
    T_CHECK(f && f->severity == DS_SEV_HIGH && strstr(f->message, "application date"));
    /* A newborn on the application day is fine. */
    snprintf(m.birth_date, sizeof m.birth_date, "2025-01-10");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 0);
    /* Over 120 at the application date (the case record gives the century). */
    snprintf(m.birth_date, sizeof m.birth_date, "2004-01-09");
    snprintf(c.birth_date, sizeof c.birth_date, "1904-01-09");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "DOC_VALIDITY_ANOMALY");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->found, "1904-01-09") == 0);
    snprintf(m.birth_date, sizeof m.birth_date, "2004-01-11");
    snprintf(c.birth_date, sizeof c.birth_date, "1904-01-11");
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 0); /* 120 years, 364 days */
    /* Validity beyond 15 years from today. */
    m = genuine();
    snprintf(m.expiry_date, sizeof m.expiry_date, "2040-06-02");
    run(&m, NULL, "2025-06-01");
    f = find(&flags, "DOC_VALIDITY_ANOMALY");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->field, "expiry_date") == 0 &&
            strcmp(f->expected, "expiry <= 2040-06-01") == 0);
    snprintf(m.expiry_date, sizeof m.expiry_date, "2040-06-01");
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 0);
    /* Without today the application date bounds the issue date. */
    c = genuine_case();
    snprintf(m.expiry_date, sizeof m.expiry_date, "2041-01-01");
    run(&m, &c, NULL);
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 1);
}

static void t_specimen(void)
{
    ds_mrz m = mk("ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", "1974-08-12", "F", "2032-04-15");
    run(&m, NULL, "2025-06-01");
    const ds_flag *f = find(&flags, "SPECIMEN_DOCUMENT");
    T_CHECK(f && f->severity == DS_SEV_HIGH && strcmp(f->field, "issuing_state") == 0);
    T_EQ_INT(count(&flags, "MRZ_UNKNOWN_CODE"), 0); /* UTO is a known code */
    T_EQ_INT(count(&flags, "SPECIMEN_DOCUMENT"), 1);
    check_evidence();
    m = mk("MUSTERMANN", "ERIKA", "C4J6R0H11", "D", "1964-08-12", "F", "2031-10-31");
    run(&m, NULL, "2025-06-01");
    f = find(&flags, "SPECIMEN_DOCUMENT");
    T_CHECK(f && strcmp(f->field, "surname") == 0);
    m = mk("SMITH", "SPECIMEN", "123456789", "GBR", "1964-08-12", "F", "2031-10-31");
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "SPECIMEN_DOCUMENT"), 1);
    m = mk("SMITH", "JANE", "C01X0006H", "GBR", "1964-08-12", "F", "2031-10-31");
    run(&m, NULL, "2025-06-01");
    f = find(&flags, "SPECIMEN_DOCUMENT");
    T_CHECK(f && strcmp(f->field, "document_number") == 0);
    m = genuine();
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "SPECIMEN_DOCUMENT"), 0);
}

static void t_unknown_codes(void)
{
    ds_mrz m = genuine();
    snprintf(m.issuing_state, sizeof m.issuing_state, "ZIM");
    run(&m, NULL, "2025-06-01");
    const ds_flag *f = find(&flags, "MRZ_UNKNOWN_CODE");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->field, "issuing_state") == 0 &&
            strcmp(f->found, "ZIM") == 0);
    check_evidence();
    snprintf(m.nationality, sizeof m.nationality, "GER");
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "MRZ_UNKNOWN_CODE"), 2);
    snprintf(m.issuing_state, sizeof m.issuing_state, "XXA");
    snprintf(m.nationality, sizeof m.nationality, "GBO");
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "MRZ_UNKNOWN_CODE"), 0);
    m.nationality[0] = '\0'; /* empty: MRZ_FORMAT's business */
    run(&m, NULL, "2025-06-01");
    T_EQ_INT(count(&flags, "MRZ_UNKNOWN_CODE"), 0);
}

static void t_parsed_specimen_end_to_end(void)
{
    const char *lines[2] = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    ds_mrz m;
    T_EQ_INT(ds_mrz_parse(lines, 2, 2025, &m), DS_OK);
    const char *j = "{\"case_id\":\"S\",\"surname\":\"Eriksson\",\"given_names\":\"Anna\","
                    "\"birth_date\":\"1974-08-12\",\"nationality\":\"UTO\",\"sex\":\"F\","
                    "\"document_number\":\"L898902C3\",\"application_date\":\"2012-04-01\"}";
    ds_case c;
    T_EQ_INT(ds_case_parse(j, strlen(j), &c, NULL, 0), DS_OK);
    run(&m, &c, "2025-06-01");
    T_EQ_INT(count(&flags, "CASE_NAME_VARIANT"), 1); /* MARIA only on the document */
    T_EQ_INT(count(&flags, "CASE_NAME_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "CASE_BIRTH_DATE_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "CASE_DOCUMENT_NUMBER_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "CASE_NATIONALITY_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "CASE_SEX_MISMATCH"), 0);
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 0); /* valid on 2012-04-01 */
    T_EQ_INT(count(&flags, "SPECIMEN_DOCUMENT"), 1);
    check_evidence();
}

/* A failing check digit read with confidence is high; one a misreading may
 * explain is a warning asking for a rescan, with the same code and field. */
static void t_check_digit_severity(void)
{
    ds_mrz m = genuine();
    m.valid = false;
    m.checks.document_number = DS_CHECK_FAIL;
    m.checks.composite = DS_CHECK_FAIL;
    m.misread.composite = true;
    memset(&flags, 0, sizeof flags);
    ds_check_mrz(&m, 3, &flags);
    T_EQ_INT(flags.count, 2);
    T_EQ_INT(count(&flags, "MRZ_CHECK_DIGIT"), 2);
    T_EQ_STR(flags.item[0].field, "document_number");
    T_EQ_INT(flags.item[0].severity, DS_SEV_HIGH);
    T_EQ_STR(flags.item[1].field, "composite");
    T_EQ_INT(flags.item[1].severity, DS_SEV_WARNING);
    T_CHECK(strstr(flags.item[1].message, "rescan") != NULL);
    T_CHECK(strstr(flags.item[0].message, "rescan") == NULL);
    check_evidence();
}

/* A name read unsurely (a doubted letter; no check digit protects a name):
 * MRZ_NAME_UNREADABLE, a warning, and a name that then differs from the
 * case record is a warning too, never a high flag. */
static void t_name_unsure(void)
{
    ds_mrz m = genuine();
    ds_case c = genuine_case();
    m.name_unsure = true;
    memset(&flags, 0, sizeof flags);
    ds_check_mrz(&m, 3, &flags);
    const ds_flag *f = find(&flags, "MRZ_NAME_UNREADABLE");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strcmp(f->field, "name") == 0);
    check_evidence();
    snprintf(m.surname, sizeof m.surname, "HUELLAR");
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_NAME_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_WARNING && strstr(f->message, "not read reliably"));
    check_evidence();
    /* The same difference read surely stays high (two letters from every
     * spelling of the record: one letter would be a warning), and no name flag. */
    m.name_unsure = false;
    run(&m, &c, "2025-06-01");
    f = find(&flags, "CASE_NAME_MISMATCH");
    T_CHECK(f && f->severity == DS_SEV_HIGH);
    memset(&flags, 0, sizeof flags);
    ds_check_mrz(&m, 3, &flags);
    T_EQ_INT(count(&flags, "MRZ_NAME_UNREADABLE"), 0);
}

/* An MRZ that runs off the image: MRZ_CLIPPED says where, and a check that
 * fails on it is a warning (what the cut hides is unknown), never high. */
static void t_clipped_mrz(void)
{
    ds_mrz m = genuine();
    m.valid = false;
    m.checks.document_number = DS_CHECK_FAIL;
    ds_mrz_clip_mark(&m, DS_MRZ_CLIPPED_START);
    T_EQ_INT(m.clipped, DS_MRZ_CLIPPED_START);
    T_CHECK(m.misread.document_number);
    T_CHECK(!m.misread.birth_date); /* a passing check is left alone */
    memset(&flags, 0, sizeof flags);
    ds_check_mrz(&m, 3, &flags);
    T_EQ_INT(count(&flags, "MRZ_CLIPPED"), 1);
    T_EQ_INT(count(&flags, "MRZ_CHECK_DIGIT"), 1);
    for (int i = 0; i < flags.count; i++)
        T_CHECK(flags.item[i].severity != DS_SEV_HIGH);
    const ds_flag *f = find(&flags, "MRZ_CLIPPED");
    T_CHECK(f && strstr(f->message, "start") != NULL);
    /* Not clipped: the same failure read with confidence stays high. */
    ds_mrz n = genuine();
    n.valid = false;
    n.checks.document_number = DS_CHECK_FAIL;
    ds_mrz_clip_mark(&n, 0);
    memset(&flags, 0, sizeof flags);
    ds_check_mrz(&n, 3, &flags);
    T_EQ_INT(count(&flags, "MRZ_CLIPPED"), 0);
    T_EQ_INT(flags.item[0].severity, DS_SEV_HIGH);
    check_evidence();
}

/* The characters next to a cut are taken as read, with no second choice, so
 * no check-digit repair reaches into what is missing; the rest is as read. */
static void t_clipped_chars(void)
{
    ds_mrz_char a[3][DS_MRZ_MAX_LINE], out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    const ds_mrz_char *in[3] = {a[0], a[1], a[2]};
    int lens[3] = {30, 30, 30};
    for (int l = 0; l < 3; l++)
        for (int k = 0; k < 30; k++)
            a[l][k] = (ds_mrz_char){'O', 0.5f, '0', 0.4f, 0, 0, 0.0f};
    ds_mrz_clip_chars(DS_MRZ_CLIPPED_END, in, lens, 3, out);
    for (int l = 0; l < 3; l++)
        for (int k = 0; k < 30; k++) {
            int cut = k >= 30 - DS_MRZ_CLIP_CELLS;
            T_EQ_INT(out[l][k].c, 'O');
            T_EQ_INT(out[l][k].alt, cut ? 0 : '0');
            T_CHECK(cut ? out[l][k].p == 1.0f : out[l][k].p == 0.5f);
        }
    ds_mrz_clip_chars(0, in, lens, 3, out);
    T_CHECK(out[0][0].p == 0.5f && out[2][29].alt == '0');
}

/* The Icelandic specimen (birth 121212, expiry 110629): born 1912, so no
 * birth after expiry (issue 13). */
static void t_birth_century_from_expiry(void)
{
    const char *lines[2] = {"PAISLAEVARSDOTTIR<<THURIDUR<OESP<<<<<<<<<<<<",
                            "A2040611<0ISL1212123F1106297121212<1239<<<66"};
    ds_mrz m;
    T_EQ_INT(ds_mrz_parse(lines, 2, 2026, &m), DS_OK);
    run(&m, NULL, "2026-06-01");
    T_EQ_INT(count(&flags, "DOC_VALIDITY_ANOMALY"), 0);
    T_EQ_INT(count(&flags, "DOC_EXPIRED"), 1);
    check_evidence();
}

static void t_flags_full_and_utf8_cut(void)
{
    ds_flags f;
    memset(&f, 0, sizeof f);
    for (int i = 0; i < DS_MAX_FLAGS + 5; i++)
        ds_flags_add(&f, 0, DS_FLAG_CASE_NAME_VARIANT, DS_SEV_INFO, "case", "f", NULL, NULL, "m %d.", i);
    T_EQ_INT(f.count, DS_MAX_FLAGS);
    T_EQ_INT(f.dropped, 5);
    T_EQ_STR(ds_verdict_name(ds_check_verdict(&f)), "review");
    /* 40 x "ü" is 80 bytes: cut to 62 bytes, never mid-character. */
    char name[81] = "";
    for (int i = 0; i < 40; i++)
        strcat(name, "ü");
    memset(&f, 0, sizeof f);
    ds_flag *fl = ds_flags_add(&f, 0, DS_FLAG_CASE_NAME_VARIANT, DS_SEV_INFO, "case", name, name, name, "m.");
    T_CHECK(fl != NULL);
    if (fl) {
        T_EQ_INT(strlen(fl->expected), 62);
        T_EQ_INT(strlen(fl->field), 30);
    }
    char small[4];
    ds_copy_utf8(small, sizeof small, "aü");
    T_EQ_STR(small, "aü");
    ds_copy_utf8(small, sizeof small, "abü");
    T_EQ_STR(small, "ab");
    ds_copy_utf8(small, sizeof small, NULL);
    T_EQ_STR(small, "");
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"genuine_is_clear", t_genuine_is_clear},
        {"name", t_name},
        {"birth_date", t_birth_date},
        {"document_number", t_document_number},
        {"nationality", t_nationality},
        {"sex", t_sex},
        {"expired_vs_application_date", t_expired_vs_application_date},
        {"validity_anomaly", t_validity_anomaly},
        {"specimen", t_specimen},
        {"unknown_codes", t_unknown_codes},
        {"parsed_specimen_end_to_end", t_parsed_specimen_end_to_end},
        {"check_digit_severity", t_check_digit_severity},
        {"clipped_mrz", t_clipped_mrz},
        {"name_unsure", t_name_unsure},
        {"clipped_chars", t_clipped_chars},
        {"birth_century_from_expiry", t_birth_century_from_expiry},
        {"flags_full_and_utf8_cut", t_flags_full_and_utf8_cut},
    };
    return T_RUN(cases);
}
