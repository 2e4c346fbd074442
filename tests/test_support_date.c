/*
 * Unit tests of the supporting pages' date reader (src/page/support_date.c),
 * of how the checks treat a date whose day and month could be swapped
 * (src/check/supcheck.c), and of names printed in two labelled halves
 * (src/page/support_fields.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/check.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "t.h"

static void expect_date(const char *text, ds_sup_order order, const char *iso)
{
    char a[11], b[11];
    ds_sup_date_result r = ds_sup_parse_date(text, order, a, b);
    if (r != DS_SUP_DATE_OK || strcmp(a, iso) != 0)
        T_FAIL_("\"%s\": %d %s, expected %s", text, (int)r, a, iso);
}

static void expect_none(const char *text)
{
    char a[11], b[11];
    ds_sup_date_result r = ds_sup_parse_date(text, DS_SUP_ORDER_DMY, a, b);
    if (r != DS_SUP_DATE_NONE)
        T_FAIL_("\"%s\" read as %s (%d), expected no date", text, a, (int)r);
}

static void t_forms(void)
{
    const ds_sup_order U = DS_SUP_ORDER_UNKNOWN;
    /* numeric, day first or year first */
    expect_date("22.04.2025", U, "2025-04-22");
    expect_date("22/04/2025", U, "2025-04-22");
    expect_date("22-04-2025", U, "2025-04-22");
    expect_date("2025-04-22", U, "2025-04-22");
    expect_date("2025/04/22", U, "2025-04-22");
    expect_date("2025.04.22", U, "2025-04-22");
    expect_date("3.4.2025", U, "2025-04-03"); /* dotted: day first everywhere */
    expect_date("04/22/2025", U, "2025-04-22"); /* only month first is a date */
    expect_date("05/05/2025", U, "2025-05-05");
    /* day, month name, year */
    expect_date("22-Apr-2025", U, "2025-04-22");
    expect_date("22 April 2025", U, "2025-04-22");
    expect_date("22 APR 2025", U, "2025-04-22");
    expect_date("22nd April 2025", U, "2025-04-22");
    expect_date("5. März 1980", U, "1980-03-05");
    expect_date("5. Maerz 1980", U, "1980-03-05");
    expect_date("12. Okt. 2024", U, "2024-10-12");
    expect_date("1er mars 1980", U, "1980-03-01");
    expect_date("14 juillet 2023", U, "2023-07-14");
    expect_date("3 févr. 2021", U, "2021-02-03");
    expect_date("15 août 2019", U, "2019-08-15");
    expect_date("5 de marzo de 1980", U, "1980-03-05");
    expect_date("9 de septiembre de 2025", U, "2025-09-09");
    expect_date("9 dic 2025", U, "2025-12-09");
    expect_date("5th of May 2024", U, "2024-05-05");
}

/* A dotted date with one dot read as a slash ("28.02/1985", heldout7's
 * employment letter: its wrong birth date went unread): day first, as
 * dotted dates are; not when that gives no date. */
static void t_mixed_separators(void)
{
    expect_date("28.02/1985", DS_SUP_ORDER_UNKNOWN, "1985-02-28");
    expect_date("28/02.1985", DS_SUP_ORDER_MDY, "1985-02-28");
    expect_date("03.04/2025", DS_SUP_ORDER_UNKNOWN, "2025-04-03");
    expect_none("02.28/1985");
    expect_none("28.02-1985");
}

static void t_forms_month_first(void)
{
    const ds_sup_order U = DS_SUP_ORDER_UNKNOWN;
    expect_date("April 22, 2025", U, "2025-04-22");
    expect_date("Apr 22 2025", U, "2025-04-22");
    expect_date("March 5th, 1980", U, "1980-03-05");
    expect_date("Dezember 24 2024", U, "2024-12-24");
    /* OCR's O for 0 inside a number */
    expect_date("3O/12/1979", U, "1979-12-30");
}

static void t_not_dates(void)
{
    expect_none("");
    expect_none("22.04.25");      /* a two-digit year's century is not guessed */
    expect_none("31/02/2025");    /* no such day either way */
    expect_none("32.01.2025");
    expect_none("04.22.2025");    /* dotted dates are day first */
    expect_none("22/04-2025");    /* mixed separators */
    expect_none("22//04/2025");
    expect_none("22/04/");
    expect_none("April 2025");
    expect_none("22 Foo 2025");
    expect_none("of marriage 26.11.2023");
    expect_none("22 April 1850"); /* years 1900-2199 */
    expect_none("123 April 2025");
    expect_none("22 April 2025 12");
    char a[11], b[11];
    T_EQ_INT(ds_sup_parse_date(NULL, DS_SUP_ORDER_DMY, a, b), DS_SUP_DATE_NONE);
    char longtext[300];
    memset(longtext, '1', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = 0;
    T_EQ_INT(ds_sup_parse_date(longtext, DS_SUP_ORDER_DMY, a, b), DS_SUP_DATE_NONE);
    T_EQ_INT(ds_sup_month_word("Mär"), 3);
    T_EQ_INT(ds_sup_month_word("SEPT."), 9);
    T_EQ_INT(ds_sup_month_word("dic"), 12);
    T_EQ_INT(ds_sup_month_word("ma"), 0);
    T_EQ_INT(ds_sup_month_word("marzipan"), 0);
}

static void t_ambiguous(void)
{
    char a[11], b[11];
    /* 03/04/2025: the order decides; unknown is ambiguous with both readings */
    T_EQ_INT(ds_sup_parse_date("03/04/2025", DS_SUP_ORDER_UNKNOWN, a, b), DS_SUP_DATE_AMBIGUOUS);
    T_EQ_STR(a, "2025-04-03");
    T_EQ_STR(b, "2025-03-04");
    T_EQ_INT(ds_sup_parse_date("03/04/2025", DS_SUP_ORDER_DMY, a, b), DS_SUP_DATE_OK);
    T_EQ_STR(a, "2025-04-03");
    T_EQ_STR(b, "");
    T_EQ_INT(ds_sup_parse_date("03-04-2025", DS_SUP_ORDER_MDY, a, b), DS_SUP_DATE_OK);
    T_EQ_STR(a, "2025-03-04");
    /* dotted is never ambiguous */
    T_EQ_INT(ds_sup_parse_date("03.04.2025", DS_SUP_ORDER_MDY, a, b), DS_SUP_DATE_OK);
    T_EQ_STR(a, "2025-04-03");
}

/* A page of words, one line per string, words split at spaces. */
static void text_of(ds_sup_text *t, const char *const *lines)
{
    ds_sup_word w[200];
    int n = 0;
    for (int l = 0; lines[l]; l++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", lines[l]);
        int x = 100;
        for (char *s = NULL, *tok = strtok_r(buf, " ", &s); tok && n < 200; tok = strtok_r(NULL, " ", &s)) {
            memset(&w[n], 0, sizeof w[n]);
            snprintf(w[n].text, sizeof w[n].text, "%s", tok);
            int wd = (int)strlen(tok) * 10;
            w[n].box[0] = x;
            w[n].box[1] = 100 + 30 * l;
            w[n].box[2] = wd;
            w[n].box[3] = 20;
            w[n].conf = 95;
            w[n].line = l;
            x += wd + 10;
            n++;
        }
    }
    memset(t, 0, sizeof *t);
    T_EQ_INT(ds_sup_text_set(t, w, n), DS_OK);
    t->source = DS_SUP_SRC_TEXT_LAYER;
    t->page_h = 3500;
}

static void t_page_order(void)
{
    ds_sup_text t;
    /* another date with a day over 12 */
    const char *const a[] = {"Date of birth: 03/04/1980", "Date of issue: 21/08/2026", NULL};
    text_of(&t, a);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_DMY);
    ds_sup_text_free(&t);
    const char *const b[] = {"Date of birth: 03/04/1980", "Date of issue: 08/21/2026", NULL};
    text_of(&t, b);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_MDY);
    ds_sup_text_free(&t);
    /* both kinds on one page: nothing settled */
    const char *const c[] = {"Born 21/08/1980", "Issued 08/21/2026", NULL};
    text_of(&t, c);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_UNKNOWN);
    ds_sup_text_free(&t);
    /* the country: a UK postcode, dollars */
    const char *const d[] = {"12 High Street", "LEEDS LS1 4AB", "Date: 03/04/2025", NULL};
    text_of(&t, d);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_DMY);
    ds_sup_text_free(&t);
    const char *const e[] = {"Amount due: $120.00", "Date: 03/04/2025", NULL};
    text_of(&t, e);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_MDY);
    ds_sup_text_free(&t);
    /* the language */
    const char *const f[] = {"Fecha de nacimiento 03/04/1980", "Se expide el presente a petición del",
                             "interesado y para los fines", NULL};
    text_of(&t, f);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_DMY);
    ds_sup_text_free(&t);
    /* an English page with nothing to tell */
    const char *const g[] = {"Date of birth: 03/04/1980", "Date of issue: 05/06/2020", NULL};
    text_of(&t, g);
    T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_UNKNOWN);
    ds_sup_text_free(&t);
    T_EQ_INT(ds_sup_date_order(NULL), DS_SUP_ORDER_UNKNOWN);
}

static const ds_sup_field *find_flag_field(const ds_sup_page *p, ds_sup_field_id id)
{
    return ds_sup_find(p, id);
}

static int count_code(const ds_flags *fl, ds_flag_code code)
{
    int n = 0;
    for (int i = 0; i < fl->count; i++)
        n += fl->item[i].code == code;
    return n;
}

/* Extraction and checks on a page whose dates cannot be ordered: no flag
 * from one reading alone, a flag when both readings agree. */
static void t_checks_ambiguous(void)
{
    ds_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.case_id, sizeof c.case_id, "T-1");
    snprintf(c.surname, sizeof c.surname, "Smith");
    snprintf(c.given_names, sizeof c.given_names, "Anna");
    snprintf(c.birth_date, sizeof c.birth_date, "1980-04-03");
    snprintf(c.application_date, sizeof c.application_date, "2026-11-01");
    struct {
        const char *lines[6];
        ds_flag_code code; /* expected, or 0 */
        const char *status; /* of the date field checked */
        ds_sup_field_id id;
    } cases[] = {
        /* 03/04/1980 read either way: one reading is the record's */
        {{"BIRTH CERTIFICATE", "Name of child: Anna Smith", "Date of birth: 03/04/1980",
          "Date of issue: 10/10/2020", NULL},
         0, "unverifiable", DS_SF_BIRTH_DATE},
        /* 05/06/1981: neither reading is the record's */
        {{"BIRTH CERTIFICATE", "Name of child: Anna Smith", "Date of birth: 05/06/1981",
          "Date of issue: 10/10/2020", NULL},
         DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH, "mismatch", DS_SF_BIRTH_DATE},
        /* the future by one reading only (2026-12-11 or 2026-11-12), today 2026-11-23 */
        {{"POLICE CERTIFICATE", "Full name: Anna Smith", "Date of issue: 11/12/2026", NULL},
         0, "unverifiable", DS_SF_ISSUE_DATE},
        /* the future either way (2027-04-03 or 2027-03-04) */
        {{"POLICE CERTIFICATE", "Full name: Anna Smith", "Date of issue: 03/04/2027", NULL},
         DS_FLAG_SUPPORT_DATE_FUTURE, "", DS_SF_ISSUE_DATE},
        /* a statement old either way (2026-02-03 or 2026-03-02, application 2026-11-01) */
        {{"BANK STATEMENT", "Account holder: Anna Smith", "Statement date: 03/02/2026", NULL},
         DS_FLAG_SUPPORT_STATEMENT_OLD, "", DS_SF_STATEMENT_DATE},
        /* old by one reading only (2026-10-08 or 2026-08-10; window 90 days) */
        {{"BANK STATEMENT", "Account holder: Anna Smith", "Statement date: 08/10/2026", NULL},
         0, "", DS_SF_STATEMENT_DATE},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ds_sup_text t;
        text_of(&t, cases[k].lines);
        T_EQ_INT(ds_sup_date_order(&t), DS_SUP_ORDER_UNKNOWN);
        ds_sup_class cls;
        ds_sup_classify(&t, &cls);
        ds_sup_page sp;
        ds_sup_extract(&t, &cls, &sp);
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        ds_check_support(&sp, &t, &c, "2026-11-23", 90, 0, &fl);
        const ds_sup_field *f = find_flag_field(&sp, cases[k].id);
        T_CHECK(f != NULL);
        if (f) {
            T_EQ_STR(f->norm, "");
            T_CHECK(f->readings[0][0] && f->readings[1][0]);
            if (cases[k].status[0])
                T_EQ_STR(f->status, cases[k].status);
        }
        int alerts = 0;
        for (int i = 0; i < fl.count; i++)
            alerts += fl.item[i].severity >= DS_SEV_WARNING;
        if (cases[k].code) {
            if (count_code(&fl, cases[k].code) != 1)
                T_FAIL_("case %zu: expected flag %d once", k, (int)cases[k].code);
        } else if (alerts) {
            T_FAIL_("case %zu: %d warning/high flags, expected none (first %d)", k, alerts,
                    (int)fl.item[0].code);
        }
        ds_sup_text_free(&t);
    }
}

/* The same page with a UK postcode: the order is day first, and 03/04/1980
 * is the record's birth date. */
static void t_checks_ordered(void)
{
    ds_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.case_id, sizeof c.case_id, "T-2");
    snprintf(c.surname, sizeof c.surname, "Smith");
    snprintf(c.given_names, sizeof c.given_names, "Anna");
    snprintf(c.birth_date, sizeof c.birth_date, "1980-04-03");
    const char *const lines[] = {"EMPLOYMENT LETTER", "Employee name: Anna Smith",
                                 "Date of birth: 03/04/1980", "LEEDS LS1 4AB", NULL};
    ds_sup_text t;
    text_of(&t, lines);
    ds_sup_class cls;
    ds_sup_classify(&t, &cls);
    ds_sup_page sp;
    ds_sup_extract(&t, &cls, &sp);
    const ds_sup_field *f = ds_sup_find(&sp, DS_SF_BIRTH_DATE);
    T_CHECK(f != NULL);
    if (f) {
        T_EQ_STR(f->norm, "1980-04-03");
        T_EQ_STR(f->readings[0], "");
    }
    ds_sup_text_free(&t);
}

/* "Nom" beside "Prénom(s)" is the family name, "Nombre" beside "Apellidos"
 * the given name; a label's plural mark in brackets is part of it. */
static void t_split_names(void)
{
    struct {
        const char *lines[5];
        const char *name;
    } cases[] = {
        {{"ACTE DE NAISSANCE", "Nom", "DUBOIS", "Prénom(s)", "Pierre"}, "Pierre DUBOIS"},
        {{"CERTIFICADO DE NACIMIENTO", "Apellidos", "GARCÍA LÓPEZ", "Nombre", "María"},
         "María GARCÍA LÓPEZ"},
        {{"GEBURTSURKUNDE", "Familienname", "MÜLLER", "Vorname(n)", "Jörg"}, "Jörg MÜLLER"},
        /* "Nom" alone is the whole name */
        {{"ATTESTATION DE TRAVAIL", "Nom", "Pierre Dubois", NULL}, "Pierre Dubois"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ds_sup_text t;
        const char *lines[6] = {0};
        memcpy(lines, cases[k].lines, sizeof cases[k].lines);
        text_of(&t, lines);
        ds_sup_class cls;
        ds_sup_classify(&t, &cls);
        ds_sup_page sp;
        ds_sup_extract(&t, &cls, &sp);
        const ds_sup_field *f = ds_sup_find(&sp, DS_SF_NAME);
        T_CHECK(f != NULL);
        if (f && strcmp(f->value, cases[k].name) != 0)
            T_FAIL_("case %zu: name \"%s\", expected \"%s\"", k, f->value, cases[k].name);
        ds_sup_text_free(&t);
    }
}

/* A page scanned askew, its values flush right: the label's own date lies
 * a line higher than the label, a table header ("BALANCE") nearer; the
 * date is taken, not the header (a heldout2 statement's miss). */
static void t_skewed_right_value(void)
{
    struct {
        const char *text;
        int x, y, w;
    } words[] = {
        {"BANK", 800, 100, 120}, {"STATEMENT", 940, 100, 260},
        {"ACCOUNT", 296, 1000, 200}, {"NUMBER", 514, 998, 178},
        {"CX198640976", 1944, 960, 290},
        {"STATEMENT", 300, 1080, 240}, {"DATE", 556, 1076, 100},
        {"22-Apr-2025", 1986, 1038, 250},
        {"DATE", 302, 1160, 90}, {"DESCRIPTION", 786, 1144, 250}, {"AMOUNT", 1270, 1134, 162},
        {"BALANCE", 1756, 1120, 172},
    };
    ds_sup_word w[16];
    int n = (int)(sizeof words / sizeof words[0]);
    for (int i = 0; i < n; i++) {
        memset(&w[i], 0, sizeof w[i]);
        snprintf(w[i].text, sizeof w[i].text, "%s", words[i].text);
        w[i].box[0] = words[i].x;
        w[i].box[1] = words[i].y;
        w[i].box[2] = words[i].w;
        w[i].box[3] = 36;
        w[i].conf = 95;
    }
    /* lines as OCR gives them: the right-hand values are blocks of their own */
    int line_of[] = {0, 0, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6};
    for (int i = 0; i < n; i++)
        w[i].line = line_of[i];
    ds_sup_text t;
    memset(&t, 0, sizeof t);
    T_EQ_INT(ds_sup_text_set(&t, w, n), DS_OK);
    t.page_h = 3500;
    ds_sup_class cls;
    ds_sup_classify(&t, &cls);
    T_EQ_INT(cls.type, DS_PC_BANK_STATEMENT);
    ds_sup_page sp;
    ds_sup_extract(&t, &cls, &sp);
    const ds_sup_field *f = ds_sup_find(&sp, DS_SF_STATEMENT_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "2025-04-22");
    ds_sup_text_free(&t);
}

/* English ordinals: the suffix says the last digit, and mends it only
 * where OCR confuses the two digits ("8rd" is "3rd"); "th" proves no
 * digit, so a number it contradicts is no date. Prose dates with "day". */
static void t_ordinals(void)
{
    const ds_sup_order U = DS_SUP_ORDER_UNKNOWN;
    expect_date("3rd March 2021", U, "2021-03-03");
    expect_date("8rd March 2021", U, "2021-03-03");   /* 8 read for 3 */
    expect_date("28rd June 1990", U, "1990-06-23");   /* 23rd */
    expect_date("27st May 1985", U, "1985-05-21");    /* 7 read for 1 */
    expect_date("7nd May 1985", U, "1985-05-02");     /* 7 read for 2 */
    expect_date("11th May 1985", U, "1985-05-11");
    expect_date("12th May 1985", U, "1985-05-12");
    expect_date("13th May 1985", U, "1985-05-13");
    expect_date("21st May 1985", U, "1985-05-21");
    expect_date("22nd May 1985", U, "1985-05-22");
    expect_date("30th May 1985", U, "1985-05-30");
    expect_date("May 3rd, 2024", U, "2024-05-03");
    expect_date("the 3rd day of March 2021", U, "2021-03-03");
    expect_date("3rd day of March 2021", U, "2021-03-03");
    expect_date("1er mars 1980", U, "1980-03-01"); /* French suffix: as read */
    expect_none("3th March 2021");  /* th proves no 1, 2 or 3 */
    expect_none("6rd March 2021");  /* 6 is no confusion of 3 */
    expect_none("13rd March 2021"); /* a teen takes th */
    expect_none("5st March 2021");  /* 5 is no confusion of 1 */
    /* A page's date words: the ordinal mended inside a longer line. */
    ds_sup_text t;
    static const char *const lines[] = {"Born on 8rd January 1990 at Leeds", NULL};
    text_of(&t, lines);
    char iso[11], alt[11];
    T_EQ_INT(ds_sup_date_words(&t, 2, t.nwords, DS_SUP_ORDER_DMY, iso, alt), 3);
    T_EQ_STR(iso, "1990-01-03");
    ds_sup_text_free(&t);
}

/* A two-digit year beside a month's name, placed by the screening year:
 * a birth is not in the future (last century then), other dates at most
 * 20 years ahead; numeric dates with two digits stay no date. */
static void expect_yy(const char *text, bool birth, const char *iso)
{
    char a[11], b[11];
    bool shrt = false;
    ds_sup_date_result r = ds_sup_parse_date_yy(text, DS_SUP_ORDER_DMY, 2026, birth, a, b, &shrt);
    if (r != DS_SUP_DATE_OK || strcmp(a, iso) != 0 || !shrt)
        T_FAIL_("\"%s\" (birth %d): %d %s short %d, expected %s", text, (int)birth, (int)r, a,
                (int)shrt, iso);
}

static void t_two_digit_years(void)
{
    expect_yy("3 Mar 21", false, "2021-03-03");
    expect_yy("3 Mar 27", false, "2027-03-03"); /* a date in the future stays one */
    expect_yy("3 Mar 98", false, "1998-03-03");
    expect_yy("4 May 63", true, "1963-05-04");
    expect_yy("3 Mar 27", true, "1927-03-03"); /* a birth in the future: last century */
    expect_yy("3 Mar 26", true, "2026-03-03");
    expect_yy("Mar 3, 21", false, "2021-03-03");
    expect_yy("18-Aug.27", false, "2027-08-18"); /* "18 Aug. 27", a dot misread */
    char a[11], b[11];
    bool shrt = true;
    /* unknown screening year, or a numeric date: no date */
    T_EQ_INT(ds_sup_parse_date_yy("3 Mar 21", DS_SUP_ORDER_DMY, 0, false, a, b, &shrt),
             DS_SUP_DATE_NONE);
    T_CHECK(!shrt);
    T_EQ_INT(ds_sup_parse_date_yy("03.03.21", DS_SUP_ORDER_DMY, 2026, false, a, b, &shrt),
             DS_SUP_DATE_NONE);
    T_EQ_INT(ds_sup_parse_date_yy("31 Feb 21", DS_SUP_ORDER_DMY, 2026, false, a, b, &shrt),
             DS_SUP_DATE_NONE);
    T_EQ_INT(ds_sup_parse_date("3 Mar 21", DS_SUP_ORDER_DMY, a, b), DS_SUP_DATE_NONE);
    /* four digits are read as before, and say nothing short */
    T_EQ_INT(ds_sup_parse_date_yy("3 Mar 2021", DS_SUP_ORDER_DMY, 2026, true, a, b, &shrt),
             DS_SUP_DATE_OK);
    T_EQ_STR(a, "2021-03-03");
    T_CHECK(!shrt);
}

/* Anna Smith's case record born on `birth`, and a page of `lines` read
 * with screening year 2026 and checked against it on 2026-11-23. */
static void screen_short(const char *const *lines, const char *birth, ds_sup_text *t,
                         ds_sup_page *sp, ds_flags *fl)
{
    ds_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.case_id, sizeof c.case_id, "T-3");
    snprintf(c.surname, sizeof c.surname, "Smith");
    snprintf(c.given_names, sizeof c.given_names, "Anna");
    snprintf(c.birth_date, sizeof c.birth_date, "%s", birth);
    text_of(t, lines);
    t->year_now = 2026;
    ds_sup_class cls;
    ds_sup_classify(t, &cls);
    ds_sup_extract(t, &cls, sp);
    memset(fl, 0, sizeof *fl);
    ds_check_support(sp, t, &c, "2026-11-23", 90, 0, fl);
}

/* A birth date with a two-digit year: the same day and month and the same
 * two digits is the record's whatever the century; a difference is a
 * warning (two digits of a year are weaker evidence), never high; with
 * four digits the same difference is high. */
static void t_checks_short_year(void)
{
    struct {
        const char *record, *printed;
        int sev; /* of SUPPORT_BIRTH_DATE_MISMATCH, or -1 for none */
        const char *status;
    } cases[] = {
        {"1985-03-03", "3 Mar 85", -1, "match"},
        {"1925-03-03", "3 Mar 25", -1, "match"}, /* placed in 2025, the record says 1925 */
        {"1985-03-03", "3 Mar 72", DS_SEV_WARNING, "mismatch"},
        {"1985-03-03", "3 Mar 1972", DS_SEV_HIGH, "mismatch"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char dob[64];
        snprintf(dob, sizeof dob, "Date of birth: %s", cases[k].printed);
        const char *lines[] = {"POLICE CERTIFICATE", "Full name: Anna Smith", dob,
                               "Date of issue: 10 Oct 26", NULL};
        ds_sup_text t;
        ds_sup_page sp;
        ds_flags fl;
        screen_short(lines, cases[k].record, &t, &sp, &fl);
        const ds_sup_field *f = ds_sup_find(&sp, DS_SF_BIRTH_DATE);
        T_CHECK(f != NULL);
        if (f)
            T_EQ_STR(f->status, cases[k].status);
        const ds_sup_field *iss = ds_sup_find(&sp, DS_SF_ISSUE_DATE);
        T_CHECK(iss != NULL && !strcmp(iss->norm, "2026-10-10") && iss->short_year);
        int found = 0;
        for (int i = 0; i < fl.count; i++)
            if (fl.item[i].code == DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH) {
                found++;
                if ((int)fl.item[i].severity != cases[k].sev)
                    T_FAIL_("case %zu: severity %d, expected %d", k, (int)fl.item[i].severity,
                            (int)cases[k].sev);
            }
        T_EQ_INT(found, cases[k].sev >= 0 ? 1 : 0);
        ds_sup_text_free(&t);
    }
}

/* A birth certificate dated before the birth, both with two-digit years:
 * found, as a warning. */
static void t_checks_short_year_before_birth(void)
{
    const char *lines[] = {"BIRTH CERTIFICATE", "Name of child: Anna Smith",
                           "Date of birth: 4 May 91", "Date of issue: 20 May 86", NULL};
    ds_sup_text t;
    ds_sup_page sp;
    ds_flags fl;
    screen_short(lines, "1991-05-04", &t, &sp, &fl);
    T_EQ_INT(count_code(&fl, DS_FLAG_SUPPORT_ISSUED_BEFORE_BIRTH), 1);
    for (int i = 0; i < fl.count; i++)
        if (fl.item[i].code == DS_FLAG_SUPPORT_ISSUED_BEFORE_BIRTH)
            T_EQ_INT(fl.item[i].severity, DS_SEV_WARNING);
    ds_sup_text_free(&t);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"two_digit_years", t_two_digit_years},
        {"checks_short_year", t_checks_short_year},
        {"checks_short_year_before_birth", t_checks_short_year_before_birth},
        {"forms", t_forms},
        {"mixed_separators", t_mixed_separators},
        {"forms_month_first", t_forms_month_first},
        {"not_dates", t_not_dates},
        {"ambiguous", t_ambiguous},
        {"page_order", t_page_order},
        {"checks_ambiguous", t_checks_ambiguous},
        {"checks_ordered", t_checks_ordered},
        {"split_names", t_split_names},
        {"skewed_right_value", t_skewed_right_value},
        {"ordinals", t_ordinals},
    };
    return T_RUN(cases);
}
