/*
 * Tests of printed dates with a two-digit year (branch viz12): the reader
 * parses them without guessing a century (ds_viz_parse_date_short), keeps
 * YY-MM-DD as the field's normal form, and the comparison holds those six
 * digits against the MRZ's YYMMDD, high only on positive evidence. Months
 * printed after their number in another script, and an expiry whose
 * caption was unread told by the date of issue whose validity it ends.
 */
#include <string.h>

#include "page/viz.h"
#include "check/vizcheck.h"
#include "check/vizident.h"
#include "mrz/mrz.h"
#include "t.h"

static void test_parse_short(void)
{
    static const char *const cases[][2] = {
        {"16 JAN 61", "61-01-16"},  {"02-05-28", "28-05-02"},  {"24.1.33", "33-01-24"},
        {"27.VIII.98", "98-08-27"}, {"14.VII.85", "85-07-14"}, {"1 AOÛT/AUG 05", "05-08-01"},
        {"29/02/00", "00-02-29"},   {"31 DEC 99", "99-12-31"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char d[9] = "";
        bool ok = ds_viz_parse_date_short(cases[i][0], d);
        if (!ok || strcmp(d, cases[i][1]) != 0)
            T_FAIL_("short date \"%s\": got %s \"%s\", want \"%s\"", cases[i][0],
                    ok ? "ok" : "fail", d, cases[i][1]);
        /* A four-digit year's parser still reads none of them. */
        char iso[11] = "";
        if (ds_viz_parse_date(cases[i][0], iso))
            T_FAIL_("\"%s\" parsed with a century as %s", cases[i][0], iso);
        char any[11] = "";
        T_CHECK(ds_viz_parse_date_any(cases[i][0], any) && strcmp(any, cases[i][1]) == 0);
    }
    /* A day its month has in no century, a word too many or too few, a
     * year of one or three digits, a zero-padded day before a one-digit
     * month (a digit lost), letters read for the year's digits, a
     * four-digit year (ds_viz_parse_date's), a run of six digits (a
     * number as much as a date). */
    static const char *const bad[] = {"31 FEB 61", "29.02.01", "16 JAN 61 X", "JAN 61",
                                      "16 JAN 6",  "16 JAN 615", "02.1.28",   "16 JAN 6l",
                                      "16 JAN 1961", "160161",  "2 8.11.26",  "", "16 XYZ 61"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char d[9] = "";
        if (ds_viz_parse_date_short(bad[i], d))
            T_FAIL_("\"%s\" parsed as the short date %s", bad[i], d);
    }
    char d[9], any[11];
    T_CHECK(!ds_viz_parse_date_short(NULL, d));
    T_CHECK(ds_viz_parse_date_any("16 JAN 1961", any) && strcmp(any, "1961-01-16") == 0);
}

/* ICAO 9303's specimen passport: born 1974-08-12, expires 2012-04-15. */
static void specimen(ds_mrz *m)
{
    const char *lines[2] = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    memset(m, 0, sizeof *m);
    T_EQ_INT(ds_mrz_parse(lines, 2, 2024, m), DS_OK);
}

static void set_date(ds_viz *v, ds_viz_field_id id, const char *value, const char *norm,
                     float conf)
{
    ds_viz_field *f = &v->field[id];
    f->found = true;
    snprintf(f->value, sizeof f->value, "%s", value);
    snprintf(f->norm, sizeof f->norm, "%s", norm);
    f->confidence = conf;
}

static void test_compare_short(void)
{
    ds_mrz m;
    specimen(&m);
    static const struct {
        ds_viz_field_id id;
        const char *value, *norm;
        float conf;
        ds_viz_status want;
    } cases[] = {
        /* The MRZ's six digits: a match, whatever the century. */
        {DS_VIZ_BIRTH_DATE, "12 AUG 74", "74-08-12", 95, DS_VIZ_MATCH},
        {DS_VIZ_EXPIRY_DATE, "15.04.12", "12-04-15", 95, DS_VIZ_MATCH},
        /* Changed by more than a misreading, read clearly: evidence. */
        {DS_VIZ_EXPIRY_DATE, "15.04.14", "14-04-15", 95, DS_VIZ_MISMATCH},
        {DS_VIZ_BIRTH_DATE, "21 AUG 74", "74-08-21", 95, DS_VIZ_MISMATCH},
        /* The same, read unclearly: unverifiable. */
        {DS_VIZ_EXPIRY_DATE, "15.04.14", "14-04-15", 40, DS_VIZ_UNVERIFIABLE},
        /* 7 for 2, a digit the printers' fonts make alike, read once. */
        {DS_VIZ_EXPIRY_DATE, "15.04.17", "17-04-15", 95, DS_VIZ_UNVERIFIABLE},
        /* One confusable digit (8 for 3) read once: a misreading. */
        {DS_VIZ_BIRTH_DATE, "12 AUG 79", "79-08-12", 95, DS_VIZ_UNVERIFIABLE},
        /* A year read as the century ("12 AUG 19" of 12 AUG 1974 cut
         * short) is no evidence. */
        {DS_VIZ_BIRTH_DATE, "12 AUG 19", "19-08-12", 95, DS_VIZ_UNVERIFIABLE},
        {DS_VIZ_EXPIRY_DATE, "15.04.20", "20-04-15", 95, DS_VIZ_UNVERIFIABLE},
        /* The expiry read under the birth date's caption: another field. */
        {DS_VIZ_BIRTH_DATE, "15.04.12", "12-04-15", 95, DS_VIZ_UNVERIFIABLE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_viz v;
        memset(&v, 0, sizeof v);
        set_date(&v, cases[i].id, cases[i].value, cases[i].norm, cases[i].conf);
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        int raised = ds_viz_compare(&v, &m, &fl, 0);
        ds_viz_status got = v.field[cases[i].id].status;
        if (got != cases[i].want || raised != (cases[i].want == DS_VIZ_MISMATCH))
            T_FAIL_("%s \"%s\": %s with %d flags, want %s", ds_viz_field_name(cases[i].id),
                    cases[i].value, ds_viz_status_name(got), raised,
                    ds_viz_status_name(cases[i].want));
        if (raised && (strcmp(ds_flag_name(fl.item[0].code), "VIZ_MRZ_MISMATCH") != 0 ||
                       fl.item[0].severity != DS_SEV_HIGH))
            T_FAIL_("\"%s\": flag %s", cases[i].value, ds_flag_name(fl.item[0].code));
    }
}

/* A month printed after its number or name in another script: the
 * English abbreviation ends a word of junk letters, and the month's
 * number read as a word of its own after the day is not the day. */
static void test_parse_local_month(void)
{
    static const char *const cases[][2] = {
        {"01 6)JUN 2022", "2022-06-01"},   {"31 SiyMAy 2027", "2027-05-31"},
        {"15 12;yDEC 1962", "1962-12-15"}, {"12 12 DEC 1962", "1962-12-12"},
        {"07 XJUL 1985", "1985-07-07"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char iso[11] = "";
        bool ok = ds_viz_parse_date(cases[i][0], iso);
        if (!ok || strcmp(iso, cases[i][1]) != 0)
            T_FAIL_("date \"%s\": got %s \"%s\", want \"%s\"", cases[i][0], ok ? "ok" : "fail",
                    iso, cases[i][1]);
    }
    /* Three letters alone are a month or nothing; a day read in two is
     * no day; a day that its month lacks is no date. */
    static const char *const bad[] = {"12 XYZ 1974", "2 8 AUG 2026", "37 SiyMAY 2027",
                                      "1 6 JUN 2022", "12 JUNEAU 1974"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char iso[11] = "";
        if (ds_viz_parse_date(bad[i], iso))
            T_FAIL_("\"%s\" parsed as %s", bad[i], iso);
    }
}

static void add_date(ds_viz *v, const char *iso, float conf)
{
    ds_viz_token *t = &v->dates[v->ndates++];
    memset(t, 0, sizeof *t);
    snprintf(t->key, sizeof t->key, "%s", iso);
    snprintf(t->value, sizeof t->value, "%s", iso);
    t->confidence = conf;
}

/* The expiry whose caption was unread, told by the date of issue it ends
 * a validity of: a warning when it differs from the MRZ's, never high;
 * nothing when the page shows the MRZ's expiry, when the earlier date is
 * the birth date, or when the dates were read unclearly. */
static void test_validity_end(void)
{
    ds_mrz m;
    specimen(&m); /* expires 2012-04-15, born 1974-08-12 */
    static const struct {
        const char *issue, *latest;
        float conf;
        int warn;
    } cases[] = {
        {"2002-04-16", "2010-04-15", 95, 1}, /* eight years: the expiry moved */
        {"2002-04-16", "2012-04-15", 95, 0}, /* the MRZ's expiry */
        {"2002-04-16", "2010-04-15", 50, 0}, /* read unclearly */
        {"2002-04-16", "2010-06-15", 95, 0}, /* ends no validity of it */
        {"2002-04-16", "2012-04-16", 95, 0}, /* one digit off the MRZ's */
        {"1974-08-12", "1984-08-11", 95, 0}, /* the birth date starts it */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_viz v;
        memset(&v, 0, sizeof v);
        add_date(&v, cases[i].issue, cases[i].conf);
        add_date(&v, cases[i].latest, cases[i].conf);
        char end[11];
        bool told = ds_vizident_validity_end(&v, &m, 80.0f, end);
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        int raised = ds_viz_compare(&v, &m, &fl, 0);
        bool warned = fl.count == 1 && fl.item[0].severity == DS_SEV_WARNING &&
                      strcmp(ds_flag_name(fl.item[0].code), "VIZ_MRZ_MISMATCH") == 0 &&
                      v.field[DS_VIZ_EXPIRY_DATE].status == DS_VIZ_UNVERIFIABLE;
        if (raised != cases[i].warn || warned != (cases[i].warn == 1))
            T_FAIL_("%s then %s: %d flags (told %d)", cases[i].issue, cases[i].latest, raised, told);
        for (int k = 0; k < fl.count; k++)
            T_CHECK(fl.item[k].severity != DS_SEV_HIGH);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"parse_short", test_parse_short},
        {"compare_short", test_compare_short},
        {"parse_local_month", test_parse_local_month},
        {"validity_end", test_validity_end},
    };
    return T_RUN(cases);
}
