/*
 * Unit tests of the evidence a supporting page's reading gives (issue 15):
 * a name a letter or two off the applicant's is near only where the
 * letters were read unsurely or are ones OCR confuses
 * (ds_sup_name_compare_read, ds_sup_letters_misread, src/check/supcheck.c
 * and supletters.c), and a printed weekday that disagrees with the date
 * it heads (ds_check_support_weekday, src/check/supweekday.c). Pages are
 * built word by word, so no OCR runs here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

static void t_letters_misread(void)
{
    static const struct {
        const char *read, *name;
        bool misread;
    } cases[] = {
        {"MARIA", "MARIA", true},
        {"MARIO", "MARIA", false},    /* a sibling's name: O and A are no look-alikes */
        {"R0SSI", "ROSSI", true},     /* O/0 */
        {"ROSSL", "ROSSI", true},     /* small l for capital I */
        {"HAMMOND", "HARNMOND", true}, /* rn read as m */
        {"HARNMOND", "HAMMOND", true},
        {"MIILLER", "MULLER", true},  /* an umlaut's dots as strokes */
        {"MULER", "MULLER", true},    /* a doubled letter read once */
        {"DUBOIS", "DUBOIS", true},
        {"DUBOLS", "DUBOIS", true},   /* l/I */
        {"DUBOTS", "DUBOIS", true},   /* IT: measured on data pages */
        {"DUBAIS", "DUBOIS", false},
        {"LUCIE", "LUCIE", true},
        {"LUEIE", "LUCIE", true},     /* e/c */
        {"LVCIE", "LUCIE", true},     /* u/v */
        {"LUCIA", "LUCIE", false},
        {"PETRA", "PETER", false},
        {"MILLER", "M*LLER", true},   /* ds_sup_name_wild's mark: any letter */
        {"MLLER", "M*LLER", true},
        {"MIILLER", "M*LLER", true},
        {"MALLOR", "M*LLER", false},
        {"", "PETER", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool got = ds_sup_letters_misread(cases[i].read, cases[i].name);
        if (got != cases[i].misread)
            T_FAIL_("%s for %s: %d", cases[i].read, cases[i].name, (int)got);
    }
}

/* The words of s at confidences conf[] (one per word; fewer: the last
 * repeats) into w; returns their number. */
static int read_words(const char *s, const float *conf, int nconf, ds_sup_word *w, int cap)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    int n = 0;
    for (char *save = NULL, *p = strtok_r(buf, " ", &save); p && n < cap;
         p = strtok_r(NULL, " ", &save)) {
        memset(&w[n], 0, sizeof w[n]);
        snprintf(w[n].text, sizeof w[n].text, "%s", p);
        w[n].conf = conf[n < nconf ? n : nconf - 1];
        n++;
    }
    return n;
}

static void t_name_compare_read(void)
{
    static const struct {
        const char *page, *surname, *given;
        float conf[3];
        int nconf;
        int want; /* 2 same, 1 near, 0 another, -1 not comparable */
    } cases[] = {
        /* A sibling's document read clearly: another name. */
        {"Mario ROSSI", "Rossi", "Maria", {95, 95}, 2, 0},
        {"ROSSI Mario", "Rossi", "Maria", {100}, 1, 0},
        /* The same, the differing word read unsurely: near. */
        {"Mario ROSSI", "Rossi", "Maria", {60, 95}, 2, 1},
        /* The unsure word is not the differing one: another name. */
        {"Mario ROSSI", "Rossi", "Maria", {95, 60}, 2, 0},
        /* Letters OCR confuses, read clearly: near. */
        {"Maria R0SSI", "Rossi", "Maria", {96}, 1, 1},
        {"Hans Miiller", "Müller", "Hans", {96}, 1, 1},
        {"Lucie DUBOLS", "Dubois", "Lucie", {96}, 1, 1},
        {"Anna HAMMOND", "Harnmond", "Anna", {96}, 1, 1},
        {"Lvcie Dubois", "Dubois", "Lucie", {96}, 1, 1},
        /* A letter with a mark OCR's English does not know, read as
         * another (a genuine page of the bench: "Thomas Miller" at 95 for
         * Müller): near. */
        {"Thomas Miller", "Müller", "Thomas", {95}, 1, 1},
        {"Chloe Mallor", "Müller", "Chloé", {95}, 1, 0},
        /* A surname two letters off, clearly read, not look-alikes. */
        {"Olga Garcon", "García", "Olga", {92}, 1, 0},
        {"Olga Garcon", "García", "Olga", {70}, 1, 1},
        /* ... but where the differing letters are the marked one and a
         * look-alike ("Garefa" for García read at 92, cí as ef): near. */
        {"Olga Garefa", "García", "Olga", {92}, 1, 1},
        /* Diacritics and ICAO transliteration: the same, whatever the
         * confidence. */
        {"Anna MUELLER", "Müller", "Anna", {99}, 1, 2},
        {"Lukasz NOWAK", "Nowak", "Łukasz", {99}, 1, 2},
        {"Pierre FERNANDEZ", "Fernández", "Pierre", {99}, 1, 2},
        /* Another name whatever the reading; nothing known of the reading:
         * as ds_sup_name_compare. */
        {"Sofia Okafor", "Hansen", "Oliver", {40}, 1, 0},
        {"Mario ROSSI", "Rossi", "Maria", {0}, 0, 1},
        {"", "Rossi", "Maria", {95}, 1, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_sup_word w[8];
        int n = cases[i].nconf ? read_words(cases[i].page, cases[i].conf, cases[i].nconf, w, 8) : 0;
        int got = ds_sup_name_compare_read(cases[i].page, n ? w : NULL, n, cases[i].surname,
                                           cases[i].given);
        if (got != cases[i].want)
            T_FAIL_("case %zu (%s vs %s %s): %d, want %d", i, cases[i].page, cases[i].given,
                    cases[i].surname, got, cases[i].want);
    }
}

/* Checks a page of lines (the first a title), every word read at conf but
 * the word weak (NULL: none) at wconf, as OCR (or a text layer) gives it,
 * against a case of Maria Rossi born 1985-07-15; the severity of code's
 * flag, 0 for none. */
static int severity_of(const char *const *lines, float conf, const char *weak, float wconf,
                       bool layer, ds_flag_code code)
{
    static const char *const json =
        "{\"case_id\":\"C-2\",\"surname\":\"Rossi\",\"given_names\":\"Maria\","
        "\"birth_date\":\"1985-07-15\",\"application_date\":\"2026-11-01\"}";
    ds_case c = sup_case(json);
    page *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    for (int i = 0; lines[i]; i++)
        add_line_at(p, 100, i == 0 ? 40 : 20, lines[i], conf);
    for (int i = 0; weak && i < p->n; i++)
        if (!strcmp(p->w[i].text, weak))
            p->w[i].conf = wconf;
    ds_sup_text t;
    ds_sup_page sp;
    sup_read_page(p, &t, &sp);
    if (layer)
        t.source = DS_SUP_SRC_TEXT_LAYER;
    static ds_flags flags;
    memset(&flags, 0, sizeof flags);
    ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &flags);
    ds_sup_text_free(&t);
    free(p);
    return sup_severity(&flags, code);
}

static void t_name_letters_flag(void)
{
    static const char *const sibling[] = {"POLICE CERTIFICATE", "Full name: Mario ROSSI",
                                          "Date of issue: 3 February 2026", NULL};
    static const char *const misread[] = {"POLICE CERTIFICATE", "Full name: Maria R0SSI",
                                          "Date of issue: 3 February 2026", NULL};
    static const char *const other[] = {"POLICE CERTIFICATE", "Full name: Sofia Okafor",
                                        "Date of issue: 3 February 2026", NULL};
    static const struct {
        const char *const *lines;
        float conf;
        const char *weak;
        float wconf;
        int want;
    } cases[] = {
        /* A letter off, read clearly by OCR: a warning (a clear misreading
         * happens); read as a text layer reads it: high. */
        {sibling, 95, NULL, 0, DS_SEV_WARNING},
        {sibling, 100, NULL, 0, DS_SEV_HIGH},
        /* The differing word read unsurely: no evidence. */
        {sibling, 95, "Mario", 55, 0},
        /* Look-alike letters: no evidence however clear. */
        {misread, 100, NULL, 0, 0},
        /* Another name altogether: high as before. */
        {other, 95, NULL, 0, DS_SEV_HIGH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = severity_of(cases[i].lines, cases[i].conf, cases[i].weak, cases[i].wconf, false,
                              DS_FLAG_SUPPORT_NAME_MISMATCH);
        if (got != cases[i].want)
            T_FAIL_("case %zu: severity %d, want %d", i, got, cases[i].want);
    }
}

static void t_name_wild(void)
{
    char out[64];
    ds_sup_name_wild("Müller-Łukasz José", out, sizeof out);
    T_EQ_STR(out, "M*LLER *UKASZ JOS*");
    ds_sup_name_wild("", out, sizeof out);
    T_EQ_STR(out, "");
}

static void t_iso_weekday(void)
{
    T_EQ_INT(ds_sup_iso_weekday("1970-01-01"), 3); /* a Thursday */
    T_EQ_INT(ds_sup_iso_weekday("1985-07-15"), 0); /* a Monday */
    T_EQ_INT(ds_sup_iso_weekday("2000-02-29"), 1);
    T_EQ_INT(ds_sup_iso_weekday("1900-03-01"), 3);
    T_EQ_INT(ds_sup_iso_weekday("2026-11-23"), 0);
    T_EQ_INT(ds_sup_iso_weekday("1985-02-30"), -1);
    T_EQ_INT(ds_sup_iso_weekday(NULL), -1);
    T_EQ_INT(ds_sup_weekday_of("Sunday,"), 6);
    T_EQ_INT(ds_sup_weekday_of("Thurs."), 3);
    T_EQ_INT(ds_sup_weekday_of("Sundav"), -1);
}

/* Collects the dates ds_sup_date_look_alike offers. */
static bool collect_date(const char *date, void *ctx)
{
    char *seen = ctx;
    if (strlen(seen) + 12 < 256) {
        strcat(seen, date);
        strcat(seen, " ");
    }
    return strcmp(date, "2023-03-16") == 0;
}

static void t_date_look_alike(void)
{
    char seen[256] = "";
    /* Day's last digit only: 8 -> 0, 3, 5, 6, 9 (print look-alikes). */
    static const int last[] = {9};
    T_CHECK(ds_sup_date_look_alike("2023-03-18", last, 1, collect_date, seen));
    T_EQ_STR(seen, "2023-03-10 2023-03-13 2023-03-15 2023-03-16 ");
    /* No look-alike of 2 (the day's first digit) gives ...-16; 4 and 7 are
     * the '-' between the parts, never changed. */
    static const int first[] = {8, 4, 7};
    seen[0] = '\0';
    T_CHECK(!ds_sup_date_look_alike("2023-03-28", first, 3, collect_date, seen));
    T_EQ_STR(seen, "2023-03-78 ");
    /* NULL positions: every digit; not an ISO date: nothing offered. */
    seen[0] = '\0';
    T_CHECK(ds_sup_date_look_alike("2023-03-18", NULL, 0, collect_date, seen));
    T_CHECK(!ds_sup_date_look_alike("18.03.2023", NULL, 0, collect_date, seen));
    T_CHECK(!ds_sup_date_look_alike(NULL, NULL, 0, collect_date, seen));
}

static void t_weekday_flag(void)
{
    static const struct {
        const char *line;
        float conf;
        const char *weak;
        float wconf;
        int want;
    } cases[] = {
        /* 15 July 1985 was a Monday. */
        {"Date of issue: Monday, 15 July 1985", 95, NULL, 0, 0},
        {"Date of issue: Sunday, 14 July 1985", 95, NULL, 0, 0},
        {"Date of issue: Mon 15 Jul 1985", 95, NULL, 0, 0},
        {"Date of issue: Monday, July 15, 1985", 95, NULL, 0, 0},
        /* The day number changed, the weekday left: a warning from OCR,
         * high read as a text layer reads it. */
        {"Date of issue: Sunday, 15 July 1985", 95, NULL, 0, DS_SEV_WARNING},
        {"Date of issue: Sunday, 15 July 1985", 100, NULL, 0, DS_SEV_HIGH},
        {"Date of issue: Wed 15 Jul 1985", 95, NULL, 0, DS_SEV_WARNING},
        /* 19 July and 15 July 1983 were Fridays (9 and 5, 3 and 5 look
         * alike): a misread digit explains it. */
        {"Date of issue: Fri 15 Jul 1985", 95, NULL, 0, 0},
        /* A misread weekday is no weekday; one read unsurely, or a date
         * read unsurely, is no evidence. */
        {"Date of issue: Sundav, 15 July 1985", 100, NULL, 0, 0},
        {"Date of issue: Sunday, 15 July 1985", 95, "Sunday,", 60, 0},
        {"Date of issue: Sunday, 15 July 1985", 95, "15", 60, 0},
        /* A digit print readers confuse explains it (16 July 1985 was a
         * Tuesday; 6 and 5 look alike) unless read as a text layer. */
        {"Date of issue: Tuesday, 15 July 1985", 95, NULL, 0, 0},
        {"Date of issue: Tuesday, 15 July 1985", 100, NULL, 0, DS_SEV_HIGH},
        /* A two-digit year: its century was placed, not read. */
        {"Date of issue: Sunday, 15 Jul 85", 100, NULL, 0, 0},
        /* "wed" in a sentence is no weekday heading a date. */
        {"They were wed 15 July 1985 in Leeds", 100, NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *lines[] = {"POLICE CERTIFICATE", "Full name: Maria Rossi", cases[i].line,
                               NULL};
        int got = severity_of(lines, cases[i].conf, cases[i].weak, cases[i].wconf, false,
                              DS_FLAG_SUPPORT_DATE_WEEKDAY_MISMATCH);
        if (got != cases[i].want)
            T_FAIL_("case %zu (%s at %.0f): severity %d, want %d", i, cases[i].line,
                    (double)cases[i].conf, got, cases[i].want);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"letters_misread", t_letters_misread},
        {"name_compare_read", t_name_compare_read},
        {"name_letters_flag", t_name_letters_flag},
        {"name_wild", t_name_wild},
        {"iso_weekday", t_iso_weekday},
        {"date_look_alike", t_date_look_alike},
        {"weekday_flag", t_weekday_flag},
    };
    return T_RUN(cases);
}
