/*
 * Tests of the visual-zone reader and its comparison with the MRZ: printed
 * date formats in several languages, the comparison rules on hand-made
 * readings (transliteration, truncation, OCR noise, low confidence, a
 * rewritten MRZ), and the reader on the committed samples: it reads their
 * labelled fields, a genuine MRZ raises nothing, and an MRZ rewritten with a
 * new birth date and correct check digits is caught.
 *
 * `test_viz --measure DIR` reads every sample in DIR and prints per-field
 * accuracy and time per page (docs/viz.md).
 */
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <dirent.h>
#include <time.h>

#include "mrz/ocrb.h"
#include "page/specimen.h"
#include "page/viz.h"
#include "page/viz_bars.h"
#include "page/viz_field.h"
#include "page/viz_label.h"
#include "page/viz_seg.h"
#include "check/vizcheck.h"
#include "base/base.h"
#include "base/text.h"
#include "decode/decode.h"
#include "mrz/locate.h"
#include "t.h"

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */

static void test_dates(void)
{
    static const char *const cases[][2] = {
        {"12 AUG 1974", "1974-08-12"},     {"12 AOUT/AUG 1974", "1974-08-12"},
        {"12 AOÛT/AUG 1974", "1974-08-12"}, {"12.08.1974", "1974-08-12"},
        {"12/08/1974", "1974-08-12"},      {"1974-08-12", "1974-08-12"},
        {"12-08-1974", "1974-08-12"},      {"12 08 1974", "1974-08-12"},
        {"03 MÄR/MAR 2001", "2001-03-03"}, {"03 MRT 2001", "2001-03-03"},
        {"07 DÉC/DEC 1999", "1999-12-07"}, {"07 DIC/DEC 1999", "1999-12-07"},
        {"01 ENE/JAN 1980", "1980-01-01"}, {"15 OKT 2030", "2030-10-15"},
        {"15 GIU 1966", "1966-06-15"},     {"2 août 1974", "1974-08-02"},
        {"29 FEB 2000", "2000-02-29"},     {"12.O8.1974", "1974-08-12"},
        {"l2.08.1974", "1974-08-12"},      {"12 AUGUST 1974", "1974-08-12"},
        {"12081974", "1974-08-12"},        {"31 JUIL/JUL 2028", "2028-07-31"},
        {"1.2.2032", "2032-02-01"},        {"2032-01-02", "2032-01-02"},
        /* Without zeros, a day of ten or more before a one-digit month. */
        {"13.2.2003", "2003-02-13"},       {"24.1.2033", "2033-01-24"},
        /* The month in Roman numerals, an I read as l. */
        {"14 VII 1985", "1985-07-14"},     {"02 Vil 1964", "1964-07-02"},
        {"03 Il 2026", "2026-02-03"},      {"1.XII.2030", "2030-12-01"},
        /* The month's name first; national months beside the English. */
        {"JUL 14 1985", "1985-07-14"},     {"MAR 29 2028", "2028-03-29"},
        {"JUL/HEINÄ 4 1985", "1985-07-04"}, {"14 HEINÄ/JUL 1985", "1985-07-14"},
        {"14 TEM/JUL 1985", "1985-07-14"}, {"25 DEK/DEC 2035", "2035-12-25"},
        {"06 IOUL/JUL 2010", "2010-07-06"}, {"01 MAJ 2001", "2001-05-01"},
        {"10 ŞUB/FEB 2001", "2001-02-10"},
        /* The year first with the month's name. */
        {"1985-JUL-14", "1985-07-14"},     {"2031 JUN 23", "2031-06-23"},
        {"1985-JUIL/JUL-4", "1985-07-04"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char iso[11] = "";
        bool ok = ds_viz_parse_date(cases[i][0], iso);
        if (!ok || strcmp(iso, cases[i][1]) != 0)
            T_FAIL_("date \"%s\": got %s \"%s\", want \"%s\"", cases[i][0], ok ? "ok" : "fail", iso,
                    cases[i][1]);
    }
    static const char *const bad[] = {"", "AUG", "31 FEB 1974", "29 FEB 1900", "12 XYZ 1974",
                                      "1974", "32.01.1980", "12.13.1980", "BROWN",
                                      "12 AOUT/SEP 1974", "2 8.11.2026", "1 5 AUG 2030",
                                      "03. 01.2 2032", "01.2 2032", "2032-01-2",
                                      "JUL 1985", "FEB 30 2001", "JUL 14 85", "14 TEM/AUG 1985",
                                      "3 JUL 14 1985", "14 IIII 1985", "14 VX 1985",
                                      /* Two dates side by side run into one value. */
                                      "2021-JUN-24 2031", "2021-JUN-24 2031-JUN-23",
                                      "14.07.1985 24.06.2021", "1985 JUL 14 2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char iso[11] = "";
        if (ds_viz_parse_date(bad[i], iso))
            T_FAIL_("\"%s\" parsed as %s", bad[i], iso);
    }
    T_CHECK(!ds_viz_parse_date(NULL, NULL));
}

/* ------------------------------------------------------------------------ */
/* Comparison on hand-made readings                                         */

static void set_field(ds_viz *v, ds_viz_field_id id, const char *value, const char *norm,
                      float conf)
{
    ds_viz_field *f = &v->field[id];
    f->found = true;
    snprintf(f->value, sizeof f->value, "%s", value);
    snprintf(f->norm, sizeof f->norm, "%s", norm);
    f->confidence = conf;
}

static void mrz_of(const char *l1, const char *l2, ds_mrz *m)
{
    const char *lines[2] = {l1, l2};
    memset(m, 0, sizeof *m);
    T_EQ_INT(ds_mrz_parse(lines, 2, 2024, m), DS_OK);
}

/* ICAO 9303's specimen passport, holder born 1974-08-12. */
#define SPEC_L1 "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
#define SPEC_L2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

static void genuine_reading(ds_viz *v)
{
    memset(v, 0, sizeof *v);
    set_field(v, DS_VIZ_SURNAME, "ERIKSSON", "ERIKSSON", 95);
    set_field(v, DS_VIZ_GIVEN_NAMES, "ANNA MARIA", "ANNA MARIA", 93);
    set_field(v, DS_VIZ_BIRTH_DATE, "12 AUG 1974", "1974-08-12", 96);
    set_field(v, DS_VIZ_SEX, "F", "F", 95);
    set_field(v, DS_VIZ_NATIONALITY, "UTO", "UTO", 92);
    set_field(v, DS_VIZ_PASSPORT_NUMBER, "L898902C3", "L898902C3", 94);
    set_field(v, DS_VIZ_EXPIRY_DATE, "15.04.2012", "2012-04-15", 95);
}

static void test_compare_genuine(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    ds_viz v;
    genuine_reading(&v);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(fl.count, 0);
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        if (id == DS_VIZ_DOCUMENT_NUMBER || id == DS_VIZ_ISSUE_DATE)
            T_EQ_INT(v.field[id].status, DS_VIZ_NOT_FOUND);
        else if (v.field[id].status != DS_VIZ_MATCH)
            T_FAIL_("%s: %s", ds_viz_field_name(id), ds_viz_status_name(v.field[id].status));
    }
}

static void test_compare_translit(void)
{
    ds_mrz m;
    mrz_of("P<DEUMUELLER<<JOERG<<<<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478DEU6408125M2702283<<<<<<<<<<<<<<<0",
           &m);
    ds_viz v;
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "MÜLLER", "MÜLLER", 95);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "JÖRG", "JÖRG", 95);
    set_field(&v, DS_VIZ_NATIONALITY, "DEUTSCH", "DEUTSCH", 95);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_MATCH);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_MATCH);
    T_EQ_INT(v.field[DS_VIZ_NATIONALITY].status, DS_VIZ_MATCH);
}

static void test_compare_truncated(void)
{
    ds_mrz m;
    mrz_of("P<UTOWOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU", "L898902C36UTO7408122M1204159ZE184226B<<<<<10",
           &m);
    T_CHECK(m.name_truncated);
    ds_viz v;
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "WOLFESCHLEGELSTEINHAUSENBERGERDORFF",
              "WOLFESCHLEGELSTEINHAUSENBERGERDORFF", 95);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "HUBERT BLAINE", "HUBERT BLAINE", 95);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_CHECK(v.field[DS_VIZ_SURNAME].status != DS_VIZ_MISMATCH);
    T_CHECK(v.field[DS_VIZ_GIVEN_NAMES].status != DS_VIZ_MISMATCH);
}

static void test_compare_noise_is_unverifiable(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    ds_viz v;
    genuine_reading(&v);
    /* One confusable digit (8 read as 6), one letter of a name, O for 0 in
     * the number, and a clear difference read with low confidence. */
    set_field(&v, DS_VIZ_BIRTH_DATE, "12 AUG 1974", "1974-06-12", 95);
    set_field(&v, DS_VIZ_SURNAME, "ERIKSS0N", "ERIKSSCN", 95);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898902C3", "L8989O2C3", 95);
    set_field(&v, DS_VIZ_EXPIRY_DATE, "03.11.2019", "2019-11-03", 40);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "ANNA", "ANNA", 95); /* a middle name not read */
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(fl.count, 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_UNVERIFIABLE);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_UNVERIFIABLE);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    T_EQ_INT(v.field[DS_VIZ_EXPIRY_DATE].status, DS_VIZ_UNVERIFIABLE);
    T_CHECK(v.field[DS_VIZ_GIVEN_NAMES].status != DS_VIZ_MISMATCH);
    /* Day and month swapped: a month-first print, not evidence. */
    set_field(&v, DS_VIZ_BIRTH_DATE, "08/12/1974", "1974-12-08", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* No MRZ: all unverifiable, no flag. */
    T_EQ_INT(ds_viz_compare(&v, NULL, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_UNVERIFIABLE);
    T_EQ_INT(fl.count, 0);
}

/* SPEC_L2 with the YYMMDD at pos (13 birth, 21 expiry) replaced and every
 * check digit it feeds recomputed. */
static void spec_with_date(int pos, const char *yymmdd, ds_mrz *m)
{
    char l2[45] = SPEC_L2;
    memcpy(l2 + pos, yymmdd, 6);
    l2[pos + 6] = (char)('0' + ds_mrz_check_digit(l2 + pos, 6));
    char comp[64];
    int n = 0;
    memcpy(comp + n, l2, 10);
    n += 10;
    memcpy(comp + n, l2 + 13, 7);
    n += 7;
    memcpy(comp + n, l2 + 21, 22);
    n += 22;
    l2[43] = (char)('0' + ds_mrz_check_digit(comp, n));
    mrz_of(SPEC_L1, l2, m);
    T_CHECK(m->valid);
}

static void test_compare_rewritten_mrz(void)
{
    ds_mrz m;
    /* The forger's MRZ: born 1980-03-05, check digits recomputed. */
    spec_with_date(13, "800305", &m);
    ds_viz v;
    genuine_reading(&v);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 3), 1);
    T_EQ_INT(fl.count, 1);
    T_EQ_STR(ds_flag_name(fl.item[0].code), "VIZ_MRZ_MISMATCH");
    T_EQ_INT(fl.item[0].severity, DS_SEV_HIGH);
    T_EQ_INT(fl.item[0].page, 3);
    T_EQ_STR(fl.item[0].field, "birth_date");
    T_EQ_STR(fl.item[0].expected, "1980-03-05");
    T_EQ_STR(fl.item[0].found, "1974-08-12");
    T_EQ_STR(fl.item[0].source, "viz");
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_MISMATCH);

    /* Another holder's name and number on the same page. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_SURNAME, "KOWALSKA", "KOWALSKA", 95);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "X12345678", "X12345678", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 3);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_MISMATCH);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_MISMATCH);

    /* Sex read clearly as M against F. */
    genuine_reading(&v);
    mrz_of(SPEC_L1, SPEC_L2, &m);
    set_field(&v, DS_VIZ_SEX, "M", "M", 96);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "sex");
}

static void set_readings(ds_viz *v, ds_viz_field_id id, int reads, int agree, int against)
{
    v->field[id].reads = reads;
    v->field[id].agree = agree;
    v->field[id].against = against;
}

/* Re-reads weigh in: a value read the same way by several differently
 * prepared images, none of them giving the MRZ's, is evidence even below
 * the confidence bar; one that gave the MRZ's value once is not. */
static void test_compare_confirmed_readings(void)
{
    ds_mrz m;
    spec_with_date(13, "800305", &m); /* the forger's birth date */
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "12 AUG 1974", "1974-08-12", 60);
    set_readings(&v, DS_VIZ_BIRTH_DATE, 5, 2, 0);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* two agreeing readings: not enough */
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_UNVERIFIABLE);
    set_readings(&v, DS_VIZ_BIRTH_DATE, 5, 3, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "birth_date");
    set_readings(&v, DS_VIZ_BIRTH_DATE, 5, 4, 1); /* once read as the MRZ says */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_readings(&v, DS_VIZ_BIRTH_DATE, 3, 1, 2); /* two re-reads give the MRZ's value */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_MATCH);

    /* One confusable digit of the expiry (2017 printed, 2012 in the MRZ):
     * OCR noise unless a confident reading was repeated by the re-reads. */
    mrz_of(SPEC_L1, SPEC_L2, &m);
    genuine_reading(&v);
    set_field(&v, DS_VIZ_EXPIRY_DATE, "15.04.2017", "2017-04-15", 95);
    set_readings(&v, DS_VIZ_EXPIRY_DATE, 5, 3, 0);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_readings(&v, DS_VIZ_EXPIRY_DATE, 5, 4, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    T_EQ_STR(fl.item[0].found, "2017-04-15");
    v.field[DS_VIZ_EXPIRY_DATE].confidence = 85; /* first reading under 90 */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* A day/month swap stays unverifiable however often it is read. */
    set_field(&v, DS_VIZ_EXPIRY_DATE, "04/15/2012", "2012-04-15", 95);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08/12/1974", "1974-12-08", 95);
    set_readings(&v, DS_VIZ_BIRTH_DATE, 5, 5, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);

    /* Two digits of the number transposed, read at 70 but five times alike. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898920C3", "L898920C3", 70);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 1, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 5, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "passport_number");
    /* Every one of five readings the same, each under 50 (Tesseract scores
     * mixed letters and digits low): evidence; four of five: not. */
    v.field[DS_VIZ_PASSPORT_NUMBER].confidence = 40;
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 0, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 5;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 4;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* One character no OCR confusion explains (2 for 4), read at 85: only
     * with four agreeing readings; a confusable one (8 for 6) only when
     * every reading gave it (compare_reading_losses). */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898902C3", "L898904C3", 85);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 3, 0);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 4, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898902C3", "L898602C3", 95);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 5, 0);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* J read as 1 and a character added: noise. */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L8989072C3", "L8989072C3", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* The end of the number only (its start under a SPECIMEN stamp). */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "898902", "898902", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
}

/* The MRZ's OE, UE, AE against a page whose umlaut OCR read as the plain
 * vowel; an E elsewhere stays, the output is cut to its buffer. */
static void test_drop_umlaut_e(void)
{
    char out[16];
    ds_drop_umlaut_e("MUELLER", out, sizeof out);
    T_EQ_STR(out, "MULLER");
    ds_drop_umlaut_e("SOEREN BAECKER", out, sizeof out);
    T_EQ_STR(out, "SOREN BACKER");
    ds_drop_umlaut_e("EVE", out, sizeof out);
    T_EQ_STR(out, "EVE");
    ds_drop_umlaut_e("WOLFESCHLEGELSTEINHAUSEN", out, 8);
    T_EQ_STR(out, "WOLFESC");
    out[0] = 'x';
    ds_drop_umlaut_e("MUELLER", out, 0); /* nothing written */
    T_CHECK(out[0] == 'x');
}

/* Readings of a field for the rules that count them: in all, the same as
 * the value, at 50 or more, sure of every glyph (none giving the MRZ's). */
static void set_votes(ds_viz *v, ds_viz_field_id id, int reads, int same, int agree, int sure)
{
    set_readings(v, id, reads, agree, 0);
    v->field[id].same = same;
    v->field[id].sure = sure;
}

/* One confusable character confirmed by its glyphs: three readings sure of
 * every letter and digit (symbol confidence), at most one of four or more
 * giving anything else, none the MRZ's value; or, for a date, by every
 * one of five readings keeping the changed digit. */
static void test_compare_characters_sure(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* number L898902C3, expiry 2012-04-15 */
    ds_viz v;
    ds_flags fl;
    /* 4 for 1 (confusable) in the number, read at 70 by four of five. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898942C3", "L898942C3", 70);
    set_votes(&v, DS_VIZ_PASSPORT_NUMBER, 5, 4, 2, 2);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* two sure readings: noise */
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    v.field[DS_VIZ_PASSPORT_NUMBER].sure = 3;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "passport_number");
    T_EQ_STR(fl.item[0].found, "L898942C3");
    /* Two readings of five gave something else: not clear. */
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 3;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* One gave the MRZ's number: noise. */
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 4;
    v.field[DS_VIZ_PASSPORT_NUMBER].against = 1;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Three readings in all are too few. */
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 3, 3, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 3;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* A letter read for a digit (S for 8) by every reading of every image
     * is OCR's own confusion: never confirmed; 6 for 8 read so is. */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L89S902C3", "L89S902C3", 89);
    set_votes(&v, DS_VIZ_PASSPORT_NUMBER, 5, 5, 4, 3);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L896902C3", "L896902C3", 89);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].found, "L896902C3");
    /* O for 0 is no change. */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L8989O2C3", "L8989O2C3", 70);
    set_votes(&v, DS_VIZ_PASSPORT_NUMBER, 5, 5, 5, 5);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);

    /* The expiry's year one confusable digit off (2017 for 2012), first
     * reading at 85 (under digit_repeated's 90): sure glyphs decide. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_EXPIRY_DATE, "15.04.2017", "2017-04-15", 85);
    set_votes(&v, DS_VIZ_EXPIRY_DATE, 5, 5, 5, 2);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_EXPIRY_DATE].sure = 3;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    /* Every one of five readings gave the year's 7, two of them misread
     * another digit (2077 binarised): the changed digit is kept. */
    set_field(&v, DS_VIZ_EXPIRY_DATE, "15.04.2017", "2017-04-15", 92);
    set_votes(&v, DS_VIZ_EXPIRY_DATE, 5, 3, 3, 0);
    v.field[DS_VIZ_EXPIRY_DATE].keep = 4;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* one reading gave another digit there */
    v.field[DS_VIZ_EXPIRY_DATE].keep = 5;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    memset(&fl, 0, sizeof fl);
    v.field[DS_VIZ_EXPIRY_DATE].confidence = 85; /* first reading under 90 */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_EXPIRY_DATE].confidence = 92;
    set_readings(&v, DS_VIZ_EXPIRY_DATE, 4, 3, 0); /* a pass was skipped */
    v.field[DS_VIZ_EXPIRY_DATE].keep = 4;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_EXPIRY_DATE].keep = 0;
    /* A day/month swap stays unverifiable, sure or not. */
    set_field(&v, DS_VIZ_EXPIRY_DATE, "04/15/2012", "2012-04-15", 95);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08/12/1974", "1974-12-08", 95);
    set_votes(&v, DS_VIZ_BIRTH_DATE, 5, 5, 5, 5);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
}

/* Another number read unclearly: every reading far from the MRZ's and two
 * of them the same is evidence; one reading near the MRZ's number, a single
 * reading, or the visa's passport number read under the label is not. */
static void test_compare_number_far(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* number L898902C3 */
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "TW4MZYR6C", "TW4MZYR6C", 30);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 0, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 2;
    v.field[DS_VIZ_PASSPORT_NUMBER].near = 0;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "passport_number");
    T_EQ_STR(fl.item[0].found, "TW4MZYR6C");
    v.field[DS_VIZ_PASSPORT_NUMBER].near = 1; /* one reading near L898902C3 */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    v.field[DS_VIZ_PASSPORT_NUMBER].near = 0;
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 1; /* no two readings alike */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 3;
    v.field[DS_VIZ_PASSPORT_NUMBER].reads = 3; /* too few readings */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "PASSEPORT", "PASSEPORT", 30); /* a label word */
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 0, 0);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(fl.count, 0);

    /* A visa: the value under "Visa No." is the holder's passport number,
     * read under "Passport No." too. */
    mrz_of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
           &m);
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "Q77310022", "Q77310022", 95);
    set_field(&v, DS_VIZ_DOCUMENT_NUMBER, "Q7731O022", "Q7731O022", 40);
    set_readings(&v, DS_VIZ_DOCUMENT_NUMBER, 5, 0, 0);
    v.field[DS_VIZ_DOCUMENT_NUMBER].same = 3;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].found = false;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "document_number");
}

static void add_line(ds_viz *v, const char *text, float conf, int x, int y, int h)
{
    ds_viz_line *l = &v->lines[v->nlines++];
    memset(l, 0, sizeof *l);
    snprintf(l->value, sizeof l->value, "%s", text);
    snprintf(l->norm, sizeof l->norm, "%s", text);
    l->confidence = conf;
    l->bbox[0] = x;
    l->bbox[1] = y;
    l->bbox[2] = 10 * h;
    l->bbox[3] = h;
}

/* The surname's label unreadable: the line right above the MRZ's given
 * names, or before the comma of a line that ends with them, is the
 * surname. */
static void test_compare_surname_by_given(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* ERIKSSON, ANNA MARIA */
    ds_viz v;
    ds_flags fl;
    memset(&v, 0, sizeof v);
    add_line(&v, "LINDQVIST", 92, 100, 100, 20);
    add_line(&v, "Given names", 40, 100, 130, 8); /* the label, small print */
    add_line(&v, "ANNA MARIA", 95, 102, 145, 20);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "surname");
    T_EQ_STR(fl.item[0].found, "LINDQVIST");
    T_CHECK(v.field[DS_VIZ_SURNAME].placed);
    T_CHECK(strstr(fl.item[0].message, "unreadable") != NULL);
    /* The genuine surname, one letter misread: no flag. */
    snprintf(v.lines[0].value, sizeof v.lines[0].value, "ERIKSS0N");
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Read under 80, not left-aligned, too far above, or printed small (a
     * label): no surname placed. */
    snprintf(v.lines[0].value, sizeof v.lines[0].value, "LINDQVIST");
    v.lines[0].confidence = 60;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.lines[0].confidence = 92;
    v.lines[0].bbox[0] = 300;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.lines[0].bbox[0] = 100;
    v.lines[0].bbox[1] = 30;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.lines[0].bbox[1] = 100;
    v.lines[0].bbox[3] = 10;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.lines[0].bbox[3] = 20;
    /* The given names read under 80, or other given names: no anchor. */
    v.lines[2].confidence = 70;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.lines[2].confidence = 95;
    snprintf(v.lines[2].value, sizeof v.lines[2].value, "ANNA");
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* A labelled surname is compared as read; nothing is placed. */
    snprintf(v.lines[2].value, sizeof v.lines[2].value, "ANNA MARIA");
    set_field(&v, DS_VIZ_SURNAME, "ERIKSSON", "ERIKSSON", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_CHECK(!v.field[DS_VIZ_SURNAME].placed);
    T_EQ_INT(fl.count, 0);

    /* The given names' label unreadable: the line right below the MRZ's
     * surname holds them. */
    memset(&v, 0, sizeof v);
    add_line(&v, "ERIKSSON", 92, 100, 100, 20);
    add_line(&v, "KARIN", 91, 100, 145, 20);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "given_names");
    T_EQ_STR(fl.item[0].found, "KARIN");
    T_CHECK(strstr(fl.item[0].message, "below the surname") != NULL);
    snprintf(v.lines[1].value, sizeof v.lines[1].value, "ANNA");
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* a middle name missing */

    /* A visa's "SURNAME GIVEN NAMES" under its name label: the words after
     * the MRZ's surname are the given names printed. */
    mrz_of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
           &m);
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "ERIKSSON KARIN", "ERIKSSON KARIN", 92);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "given_names");
    T_EQ_STR(fl.item[0].found, "KARIN");
    set_field(&v, DS_VIZ_SURNAME, "ERIKSSON ANNA MARIA", "ERIKSSON ANNA MARIA", 92);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    mrz_of(SPEC_L1, SPEC_L2, &m); /* a passport: no such line */
    set_field(&v, DS_VIZ_SURNAME, "ERIKSSON KARIN", "ERIKSSON KARIN", 92);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);

    /* The given names found with their accents and case aside. */
    memset(&v, 0, sizeof v);
    add_line(&v, "Ánna María", 90, 100, 100, 20);
    bool comma = true;
    T_CHECK(ds_viz_given_line(&v, "ANNA MARIA", 80, &comma) == &v.lines[0]);
    T_CHECK(!comma);
    T_CHECK(ds_viz_given_line(&v, "ANNA MARIA", 95, &comma) == NULL);
    T_CHECK(ds_viz_given_line(&v, "ANNA", 80, &comma) == NULL);
    T_CHECK(ds_viz_line_next(&v, &v.lines[0], false) == NULL);

    /* A visa's "SURNAME, GIVEN NAMES" on one line. */
    memset(&v, 0, sizeof v);
    add_line(&v, "LINDQVIST DE LA CRUZ, ANNA MARIA", 91, 100, 100, 20);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].found, "LINDQVIST DE LA CRUZ");
    snprintf(v.lines[0].value, sizeof v.lines[0].value, "ERIKSSON, ANNA MARIA");
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_MATCH);
}

/* Readings that lost or misread what `eng` cannot read: Æ and Ø of ÆRØ
 * (AEROE) read as FERD, the start of BÄCKER read as BAL, the first digit of
 * a day lost ("5 AUG" for 15 AUG). None is evidence. A number one
 * confusable digit off (7 for 1) read the same by every image is. */
static void test_compare_reading_losses(void)
{
    ds_mrz m;
    ds_viz v;
    ds_flags fl;
    mrz_of("P<NORAEROE<<JENS<<<<<<<<<<<<<<<<<<<<<<<<<<<<", SPEC_L2, &m);
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "FERD", "FERD", 90);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_SURNAME, "HANSEN", "HANSEN", 90); /* another name */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);

    mrz_of("P<DEUBAECKER<<MAREN<<<<<<<<<<<<<<<<<<<<<<<<<", SPEC_L2, &m);
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "BAL", "BAL", 90);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_SURNAME, "MOL", "MOL", 90);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);

    mrz_of(SPEC_L1, SPEC_L2, &m); /* born 1974-08-12 */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "2 AUG 1974", "1974-08-02", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_UNVERIFIABLE);
    set_field(&v, DS_VIZ_BIRTH_DATE, "02 AUG 1974", "1974-08-02", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);

    /* L898902C3 printed L898902C9 (3/9 confusable). */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898902C9", "L898902C9", 85);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 4, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 4;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* one reading differed */
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 5;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].found, "L898902C9");
    v.field[DS_VIZ_PASSPORT_NUMBER].confidence = 70; /* first reading unsure */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
}

/* Names: an umlaut the MRZ spells OE printed as a plain O (and J read as
 * I) is noise; a visa's "SURNAME GIVEN NAMES" under one label compares its
 * surname part. */
static void test_compare_name_forms(void)
{
    ds_mrz m;
    mrz_of("P<DEUSCHAEFER<<SOEREN<BJOERN<<<<<<<<<<<<<<<<", "C01X00T478DEU6408125M2702283<<<<<<<<<<<<<<<0",
           &m);
    ds_viz v;
    ds_flags fl;
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "SOREN BIORN", "SOREN BIORN", 91);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_UNVERIFIABLE);
    /* The start of the name with its last letter misread (the end lost to
     * the box): noise. */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "SCHAEC", "SCHAEC", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_SURNAME, "SCHMIDT", "SCHMIDT", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    memset(&fl, 0, sizeof fl);
    memset(&v, 0, sizeof v);
    /* A date read under the label is no name (it normalises to "NOV"). */
    set_field(&v, DS_VIZ_GIVEN_NAMES, "26 NOV 1996", "NOV", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "KLAUS PETER", "KLAUS PETER", 91);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);

    mrz_of("V<CZESAHIN<<MEHMET<UMIT<<<<<<<<<<<<<<<<<<<<<", "L8988901C4TUR4009078M96121096ZE184226B<<<<<<",
           &m);
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_SURNAME, "SAHIN MEHMET UMIT", "SAHIN MEHMET UMIT", 92);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_MATCH);
    set_field(&v, DS_VIZ_SURNAME, "KILIÇ MEHMET ÜMIT", "KILIÇ MEHMET ÜMIT", 92);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "surname");
    T_EQ_STR(fl.item[0].expected, "SAHIN");
    /* The same under a "Given names" label: the part before the MRZ's
     * given names is the surname. */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "SAHIN MEHMET UMIT", "SAHIN MEHMET UMIT", 92);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_MATCH);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "KILIC MEHMET UMIT", "KILIC MEHMET UMIT", 92);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "surname");
    T_EQ_STR(fl.item[0].expected, "SAHIN");
    T_EQ_STR(fl.item[0].found, "KILIC");
    /* The given names alone, or one short word before them: no surname. */
    set_field(&v, DS_VIZ_GIVEN_NAMES, "MEHMET UMIT", "MEHMET UMIT", 92);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "MR MEHMET UMIT", "MR MEHMET UMIT", 92);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
}

static void add_token(ds_viz_token *list, int *n, const char *key, float conf)
{
    ds_viz_token *t = &list[(*n)++];
    memset(t, 0, sizeof *t);
    snprintf(t->key, sizeof t->key, "%s", key);
    snprintf(t->value, sizeof t->value, "%s", key);
    t->confidence = conf;
    t->bbox[2] = t->bbox[3] = 10;
}

static void add_date(ds_viz *v, const char *iso, float conf)
{
    add_token(v->dates, &v->ndates, iso, conf);
}

/* Labels too small to read (a 150 dpi card): three clear dates place the
 * birth date (earliest) and the expiry (latest). */
static void test_compare_date_order(void)
{
    ds_mrz m;
    ds_viz v;
    ds_flags fl;
    spec_with_date(13, "800305", &m); /* MRZ birth date rewritten */
    memset(&v, 0, sizeof v);
    add_date(&v, "2002-04-16", 95);
    add_date(&v, "1974-08-12", 93);
    add_date(&v, "2012-04-15", 96);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "birth_date");
    T_EQ_STR(fl.item[0].expected, "1980-03-05");
    T_EQ_STR(fl.item[0].found, "1974-08-12");
    T_CHECK(v.field[DS_VIZ_BIRTH_DATE].placed);
    /* Placed by its position alone, it is not identified: a warning to
     * compare by eye, never high, and the field unverifiable. */
    T_CHECK(v.field[DS_VIZ_BIRTH_DATE].by_position);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_UNVERIFIABLE);
    /* The placement is undone by the next comparison: the genuine MRZ. */
    mrz_of(SPEC_L1, SPEC_L2, &m);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_CHECK(!v.field[DS_VIZ_BIRTH_DATE].found);
    /* Two dates only, or one under the confidence bar: no order to lean on. */
    spec_with_date(13, "800305", &m);
    v.dates[0].confidence = 60;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.ndates = 2;
    v.dates[0].confidence = 95;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);

    /* Expiry rewritten (2019 in the MRZ, 2012 printed). */
    spec_with_date(21, "190415", &m);
    memset(&v, 0, sizeof v);
    add_date(&v, "1974-08-12", 93);
    add_date(&v, "2002-04-16", 95);
    add_date(&v, "2012-04-15", 96);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    T_EQ_STR(fl.item[0].found, "2012-04-15");

    /* Genuine MRZ, birth date not read: a visa's issue and "valid from"
     * are no birth date (within ten years of the expiry). */
    mrz_of(SPEC_L1, SPEC_L2, &m);
    memset(&fl, 0, sizeof fl);
    memset(&v, 0, sizeof v);
    add_date(&v, "2002-04-16", 95);
    add_date(&v, "2002-05-01", 95);
    add_date(&v, "2012-04-15", 96);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* A short visa (valid from 2011-10-17 until 2012-04-15, 181 days), its
     * MRZ expiry rewritten to 2019: the latest date counts as the expiry
     * only when printed right of "Valid from", on its row. */
    spec_with_date(21, "190415", &m);
    memset(&v, 0, sizeof v);
    add_date(&v, "1974-08-12", 95);
    add_date(&v, "2011-10-17", 95);
    add_date(&v, "2012-04-15", 95);
    add_date(&v, "2011-10-17", 94); /* the date of issue, lower down */
    memcpy(v.dates[1].bbox, (int[4]){100, 50, 90, 12}, sizeof(int[4]));
    memcpy(v.dates[2].bbox, (int[4]){400, 140, 90, 14}, sizeof(int[4]));
    memcpy(v.dates[3].bbox, (int[4]){400, 120, 90, 12}, sizeof(int[4]));
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.dates[2].bbox[1] = 48; /* beside "Valid from" */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    T_EQ_STR(fl.item[0].found, "2012-04-15");
    v.dates[2].bbox[0] = 20; /* left of it: no "Until" */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Printed 2018-04-15 (8 for the MRZ's 9: confusable) beside "Valid
     * from": a misreading unless the reader's re-reads of that date
     * repeated it (4 at 50 or more, the first at 90 or more, none giving
     * the MRZ's). */
    v.dates[2].bbox[0] = 400;
    snprintf(v.dates[2].key, sizeof v.dates[2].key, "2018-04-15");
    snprintf(v.dates[2].value, sizeof v.dates[2].value, "15.04.2018");
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.dates[2].reads = 5;
    v.dates[2].agree = 4;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].found, "2018-04-15");
    v.dates[2].against = 1;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    mrz_of(SPEC_L1, SPEC_L2, &m);

    /* A visa's expiry read under its label but left unverifiable (its
     * "Valid from" not read) is the latest date: placed from its own text,
     * which placing clears and rewrites. */
    mrz_of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
           &m); /* born 1940-09-07, expires 1996-12-10 */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_EXPIRY_DATE, "10.12.1993", "1993-12-10", 95);
    add_date(&v, "1940-09-07", 95);
    add_date(&v, "1993-06-01", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    T_EQ_STR(fl.item[0].found, "1993-12-10");
    T_EQ_STR(v.field[DS_VIZ_EXPIRY_DATE].value, "10.12.1993");
    mrz_of(SPEC_L1, SPEC_L2, &m);

    /* Expiry not read: the latest of birth, issue and "valid from" sits days
     * after the one before it and is no expiry. */
    memset(&v, 0, sizeof v);
    add_date(&v, "1974-08-12", 95);
    add_date(&v, "2002-04-16", 95);
    add_date(&v, "2002-05-01", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Placed by order and printed day first like the expiry (17/12/...):
     * 12/04/2002 against the MRZ's 2002-12-04 is another date; printed
     * month first like the expiry (12/17/...), it is the MRZ's. */
    mrz_of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO0212047F2912173ZE184226B<<<<<14",
           &m);
    memset(&v, 0, sizeof v);
    add_date(&v, "2002-04-12", 95);
    snprintf(v.dates[0].value, sizeof v.dates[0].value, "12/04/2002");
    add_date(&v, "2024-12-18", 95);
    add_date(&v, "2029-12-17", 95);
    snprintf(v.dates[2].value, sizeof v.dates[2].value, "17/12/2029");
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].found, "2002-04-12");
    snprintf(v.dates[2].value, sizeof v.dates[2].value, "12/17/2029");
    snprintf(v.dates[0].value, sizeof v.dates[0].value, "12/04/2002");
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    mrz_of(SPEC_L1, SPEC_L2, &m);
    /* A labelled birth date that matches keeps the order out of it. */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "12 AUG 1974", "1974-08-12", 95);
    add_date(&v, "1960-01-01", 95);
    add_date(&v, "2002-04-16", 95);
    add_date(&v, "2012-04-15", 96);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(fl.count, 0);
}

/* Day and month swapped: a question of format only while nothing on the
 * page shows which it prints first. */
static void test_compare_date_swap(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* born 1974-08-12, expires 2012-04-15 */
    ds_viz v;
    ds_flags fl;
    memset(&v, 0, sizeof v);
    memset(&fl, 0, sizeof fl);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08.12.1974", "1974-12-08", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0); /* no other date */
    /* The expiry printed day first (15.04.2012) reads as the MRZ's: the
     * page prints the day first, so 08.12.1974 is the 8th of December. */
    set_field(&v, DS_VIZ_EXPIRY_DATE, "15.04.2012", "2012-04-15", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "birth_date");
    /* Printed month first (04/15/2012): 08/12/1974 is the 12th of August. */
    set_field(&v, DS_VIZ_EXPIRY_DATE, "04/15/2012", "2012-04-15", 95);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08/12/1974", "1974-12-08", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_MATCH);
    /* No expiry read: the date of issue shows the order when, read in one
     * order only, it starts the MRZ expiry's ten years (16.04.2002, the
     * day after 2012-04-15 ten years before). */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08.12.1974", "1974-12-08", 95);
    set_field(&v, DS_VIZ_ISSUE_DATE, "16.04.2002", "2002-04-16", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "birth_date");
    set_field(&v, DS_VIZ_ISSUE_DATE, "04/16/2002", "2002-04-16", 95); /* month first */
    set_field(&v, DS_VIZ_BIRTH_DATE, "08/12/1974", "1974-12-08", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_MATCH);
    /* 05.04.2002 starts no whole-year period up to 2012-04-15 either way;
     * one read at 60 shows nothing. */
    set_field(&v, DS_VIZ_ISSUE_DATE, "05.04.2002", "2002-04-05", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_BIRTH_DATE].status, DS_VIZ_UNVERIFIABLE);
    set_field(&v, DS_VIZ_ISSUE_DATE, "16.04.2002", "2002-04-16", 60);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* A month in words is never a question of format. */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "08 DEC 1974", "1974-12-08", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
}

static void add_number(ds_viz *v, const char *text, float conf)
{
    add_token(v->numbers, &v->nnumbers, text, conf);
}

/* The number's label unreadable: a number of the page that is the MRZ's
 * with two or three characters changed, while the MRZ's is printed nowhere. */
static void test_compare_number_likeness(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* number L898902C3 */
    ds_viz v;
    ds_flags fl;
    memset(&v, 0, sizeof v);
    memset(&fl, 0, sizeof fl);
    add_number(&v, "Q77310022", 95); /* unlike it: no evidence */
    add_number(&v, "L898920C3", 92); /* two digits transposed */
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "passport_number");
    T_EQ_STR(fl.item[0].found, "L898920C3");
    T_CHECK(v.field[DS_VIZ_PASSPORT_NUMBER].placed);
    /* The MRZ's number printed too (O read for 0): nothing. */
    add_number(&v, "L8989O2C3", 60);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Under the confidence bar, or confusable digits only (8/6, 0/9):
     * nothing. */
    v.nnumbers = 0;
    add_number(&v, "L898920C3", 70);
    add_number(&v, "L896992C3", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* One character off that OCR does not confuse (2 printed 4): the
     * number identified by likeness, but one misread glyph looks the same,
     * so a warning to compare by eye, the field unverifiable. */
    add_number(&v, "L898904C3", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_INT(fl.count, 1);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
    T_EQ_STR(fl.item[0].found, "L898904C3");
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    /* A letter for a digit (OCR's own confusion in a mixed number), or
     * read under the bar: nothing. */
    v.nnumbers = 0;
    add_number(&v, "L8989A2C3", 95);
    add_number(&v, "L898904C3", 70);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    /* Two changed beside it: the two-character rule's high flag wins. */
    add_number(&v, "L898920C3", 92);
    add_number(&v, "L898904C3", 95);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_INT(fl.item[0].severity, DS_SEV_HIGH);
    T_EQ_STR(fl.item[0].found, "L898920C3");
    memset(&v, 0, sizeof v);
    memset(&fl, 0, sizeof fl);
    /* A labelled number that matches keeps the likeness out of it. */
    add_number(&v, "L898920C3", 92);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L898902C3", "L898902C3", 90);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(fl.count, 0);
}

static void test_compare_visa_passport_number(void)
{
    /* On a visa "Passport No." is the holder's passport, not the MRZ number. */
    ds_mrz m;
    mrz_of("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
           &m);
    ds_viz v;
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "Q77310022", "Q77310022", 95);
    set_field(&v, DS_VIZ_DOCUMENT_NUMBER, "L8988901C", "L8988901C", 95);
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_DOCUMENT_NUMBER].status, DS_VIZ_MATCH);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
}

static void test_names_of_fields(void)
{
    T_EQ_STR(ds_viz_field_name(DS_VIZ_BIRTH_DATE), "birth_date");
    T_EQ_STR(ds_viz_field_name((ds_viz_field_id)99), "unknown");
    T_EQ_STR(ds_viz_status_name(DS_VIZ_UNVERIFIABLE), "unverifiable");
    T_EQ_STR(ds_viz_status_name(DS_VIZ_NOT_FOUND), "not_found");
}

/* ------------------------------------------------------------------------ */
/* The reader on sample pages                                               */

typedef struct sample_read {
    ds_mrz mrz;       /* what the OCR-B reader got */
    ds_viz viz;
    int mrz_ok;
    double ms_upright;
} sample_read;

static ds_ocrb *g_ocrb;

static double read_band(ds_mrzband *b, ds_mrz *m)
{
    static ds_mrz_char chars[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    float feat[DS_OCRB_FEATURES];
    double sum = 0;
    int n = 0;
    for (int l = 0; l < b->nlines; l++)
        for (int k = 0; k < b->nchars[l]; k++) {
            const ds_cell *c = &b->cell[l][k];
            static uint8_t buf[160 * 200];
            int w = c->w < 160 ? c->w : 160, h = c->h < 200 ? c->h : 200;
            const l_uint32 *data = pixGetData(b->band);
            int wpl = pixGetWpl(b->band);
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    buf[y * w + x] = (uint8_t)GET_DATA_BYTE(data + (size_t)(c->y + y) * wpl, c->x + x);
            ds_ocrb_features(buf, w, h, w, b->ink_threshold[l], b->cap_height[l], feat);
            ds_ocrb_classify(g_ocrb, feat, &chars[l][k]);
            sum += log(chars[l][k].p > 1e-6f ? chars[l][k].p : 1e-6f);
            n++;
        }
    const ds_mrz_char *lines[DS_MRZ_MAX_LINES];
    int lens[DS_MRZ_MAX_LINES];
    for (int l = 0; l < b->nlines; l++) {
        lines[l] = chars[l];
        lens[l] = b->nchars[l];
    }
    memset(m, 0, sizeof *m);
    if (ds_mrz_parse_ocr(lines, lens, b->nlines, 2025, m) != DS_OK)
        return -1000;
    return (m->valid ? 100 : 0) + (n ? sum / n : -100);
}

/* The pipeline's MRZ step, then the VIZ read of the upright page. */
/* What ds_viz_read is given as the MRZ: 0 nothing, 1 the MRZ read on the
 * page, 2 g_forged (score_page sets it to the page's rewritten MRZ). */
static int g_guide;
static ds_mrz g_forged;

static int read_sample(ds_viz_reader *vr, PIX *page, sample_read *out)
{
    memset(out, 0, sizeof *out);
    if (!g_ocrb && ds_ocrb_create_builtin(&g_ocrb) != DS_OK)
        return 0;
    ds_mrz_candidate cand[DS_MRZ_MAX_CANDIDATES];
    int nc = 0;
    if (ds_mrz_locate(page, cand, &nc) != DS_OK || nc == 0)
        return 0;
    ds_mrzband best;
    memset(&best, 0, sizeof best);
    double bests = -1e9;
    for (int i = 0; i < nc; i++)
        for (int flip = 0; flip < 2; flip++) {
            ds_mrzband b;
            memset(&b, 0, sizeof b);
            if (ds_mrzband_extract(page, &cand[i], flip, &b) != DS_OK)
                continue;
            ds_mrz m;
            double s = read_band(&b, &m);
            if (s > bests) {
                ds_mrzband_free(&best);
                best = b;
                bests = s;
                out->mrz = m;
            } else {
                ds_mrzband_free(&b);
            }
        }
    if (!best.band)
        return 0;
    out->mrz_ok = out->mrz.valid;
    double t0 = ds_now_ms();
    PIX *up = NULL;
    int bbox[4];
    int ok = ds_viz_upright(page, &best, &up, bbox) == DS_OK;
    out->ms_upright = ds_now_ms() - t0;
    if (ok) {
        int chars = best.nchars[0];
        const ds_mrz *expect = g_guide == 1 ? &out->mrz : g_guide == 2 ? &g_forged : NULL;
        ok = ds_viz_read(vr, up, bbox, chars, expect, &out->viz) == DS_OK;
        if (getenv("DS_VIZ_DEBUG"))
            fprintf(stderr, "rot %d skew %.2f bbox %d %d %d %d -> %d %d %d %d\n", best.rotation,
                    best.skew_deg, best.bbox[0], best.bbox[1], best.bbox[2], best.bbox[3], bbox[0],
                    bbox[1], bbox[2], bbox[3]);
        if (getenv("DS_VIZ_SAVE"))
            pixWrite(getenv("DS_VIZ_SAVE"), up, IFF_PNG);
    }
    pixDestroy(&up);
    ds_mrzband_free(&best);
    return ok;
}

/* Upper case of a UTF-8 name the way the data page prints it. */
static void upper_native(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 3 < cap; p++) {
        if (p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
            out[o++] = (char)0xC3;
            out[o++] = (char)(p[1] - 0x20);
            p++;
        } else if ((p[0] == 0xC4 || p[0] == 0xC5) && p[1] && (p[1] & 1)) {
            out[o++] = (char)p[0];
            out[o++] = (char)(p[1] - 1);
            p++;
        } else {
            out[o++] = (char)toupper(*p);
        }
    }
    out[o] = 0;
}

typedef struct tally {
    int found[DS_VIZ_FIELD_COUNT], right[DS_VIZ_FIELD_COUNT], total[DS_VIZ_FIELD_COUNT];
    int pages, flagged_genuine, forged, forged_caught, forged_readable, mrz_ok;
    int specimen; /* pages read as carrying a printed SPECIMEN mark */
    int rereads, reread_raised; /* value re-reads, values they confirmed (ds_viz) */
    int looks_saved;            /* second looks skipped: the value read surely as the MRZ's */
    int wrong_confident; /* values read at confidence >= 80 that differ from the truth */
    double ms, ms_max;
} tally;

/* When > 0, run_dir blurs every page with a (2 g_blur + 1)^2 box first. */
static int g_blur;

/* Expected VIZ values of one truth page object; "" when not printed. */
static void expected_values(json_t *t, char exp[DS_VIZ_FIELD_COUNT][96])
{
    memset(exp, 0, (size_t)DS_VIZ_FIELD_COUNT * 96);
    json_t *fields = json_object_get(t, "fields"), *native = json_object_get(t, "native");
    const char *fmt = json_string_value(json_object_get(t, "format"));
    upper_native(json_string_value(json_object_get(native, "surname")) ?: "", exp[DS_VIZ_SURNAME], 96);
    upper_native(json_string_value(json_object_get(native, "given_names")) ?: "",
                 exp[DS_VIZ_GIVEN_NAMES], 96);
    snprintf(exp[DS_VIZ_BIRTH_DATE], 96, "%s", json_string_value(json_object_get(fields, "birth_date")) ?: "");
    snprintf(exp[DS_VIZ_EXPIRY_DATE], 96, "%s", json_string_value(json_object_get(fields, "expiry_date")) ?: "");
    snprintf(exp[DS_VIZ_ISSUE_DATE], 96, "%s", json_string_value(json_object_get(t, "issue_date")) ?: "");
    snprintf(exp[DS_VIZ_SEX], 96, "%s", json_string_value(json_object_get(fields, "sex")) ?: "");
    const char *num = json_string_value(json_object_get(fields, "document_number")) ?: "";
    if (fmt && strcmp(fmt, "TD3") == 0)
        snprintf(exp[DS_VIZ_PASSPORT_NUMBER], 96, "%s", num);
    else
        snprintf(exp[DS_VIZ_DOCUMENT_NUMBER], 96, "%s", num);
    const char *nat = json_string_value(json_object_get(fields, "nationality")) ?: "";
    snprintf(exp[DS_VIZ_NATIONALITY], 96, "%s", nat);
    if (strcmp(nat, "D") == 0)
        exp[DS_VIZ_NATIONALITY][0] = 0; /* DEUTSCH or D: not scored */
    if (fmt && strcmp(fmt, "TD1") == 0 && strlen(num) > 9)
        exp[DS_VIZ_DOCUMENT_NUMBER][9] = 0;
}

/* Makes the MRZ of truth page t with a different birth date and correct
 * check digits; returns 0 when the format is not handled. */
static int forge_birth_date(json_t *t, ds_mrz *out)
{
    json_t *lines = json_object_get(t, "mrz_lines");
    int nl = (int)json_array_size(lines);
    if (nl < 2 || nl > 3)
        return 0;
    char l[3][45];
    for (int i = 0; i < nl; i++)
        snprintf(l[i], sizeof l[i], "%s", json_string_value(json_array_get(lines, i)) ?: "");
    int len = (int)strlen(l[0]);
    int line = nl == 3 ? 1 : 1, pos = 13; /* birth date YYMMDD position */
    if (nl == 3)
        pos = 0;
    char *s = l[line] + pos;
    /* Shift the year by 7 and the day by 3: no single OCR confusion. */
    int yy = (s[0] - '0') * 10 + (s[1] - '0'), dd = (s[4] - '0') * 10 + (s[5] - '0');
    yy = (yy + 7) % 100;
    dd = dd <= 25 ? dd + 3 : dd - 3;
    s[0] = (char)('0' + yy / 10);
    s[1] = (char)('0' + yy % 10);
    s[4] = (char)('0' + dd / 10);
    s[5] = (char)('0' + dd % 10);
    s[6] = (char)('0' + ds_mrz_check_digit(s, 6));
    char comp[80];
    int n = 0;
    if (nl == 3) { /* TD1: composite over line 1 5..29, line 2 0..6, 8..14, 18..28 */
        memcpy(comp, l[0] + 5, 25);
        n = 25;
        memcpy(comp + n, l[1], 7);
        n += 7;
        memcpy(comp + n, l[1] + 8, 7);
        n += 7;
        memcpy(comp + n, l[1] + 18, 11);
        n += 11;
        l[1][29] = (char)('0' + ds_mrz_check_digit(comp, n));
    } else if (l[0][0] != 'V') { /* TD2 / TD3 composite; visas have none */
        int last = len - 1;
        memcpy(comp, l[1], 10);
        n = 10;
        memcpy(comp + n, l[1] + 13, 7);
        n += 7;
        memcpy(comp + n, l[1] + 21, (size_t)(last - 21));
        n += last - 21;
        l[1][last] = (char)('0' + ds_mrz_check_digit(comp, n));
    }
    const char *lp[3] = {l[0], l[1], l[2]};
    memset(out, 0, sizeof *out);
    return ds_mrz_parse(lp, nl, 2025, out) == DS_OK && out->valid;
}

static void score_page(ds_viz_reader *vr, PIX *page, json_t *t, tally *ty, int verbose,
                       const char *name)
{
    sample_read sr;
    double t0 = ds_now_ms();
    ds_mrz forged;
    int have_forged = forge_birth_date(t, &forged);
    if (g_guide == 2 && !have_forged)
        return;
    g_forged = forged;
    int ok = read_sample(vr, page, &sr);
    double ms = sr.viz.ms + sr.ms_upright;
    (void)t0;
    ty->pages++;
    ty->ms += ms;
    if (ms > ty->ms_max)
        ty->ms_max = ms;
    if (!ok)
        return;
    ty->mrz_ok += sr.mrz_ok;
    ty->rereads += sr.viz.rereads;
    ty->looks_saved += sr.viz.looks_saved;
    ty->reread_raised += sr.viz.reread_raised;
    ty->specimen += sr.viz.specimen_printed;
    if (verbose && sr.viz.specimen_printed)
        printf("  %s marked %s\n", name, sr.viz.specimen_word);
    char exp[DS_VIZ_FIELD_COUNT][96];
    expected_values(t, exp);
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        if (!exp[id][0])
            continue;
        ty->total[id]++;
        const ds_viz_field *f = &sr.viz.field[id];
        ty->found[id] += f->found;
        bool right = f->found && strcmp(f->norm, exp[id]) == 0;
        ty->right[id] += right;
        bool is_date = id == DS_VIZ_BIRTH_DATE || id == DS_VIZ_EXPIRY_DATE || id == DS_VIZ_ISSUE_DATE;
        if (is_date && f->found && !right && f->norm[0] && f->confidence >= DS_VIZ_MIN_CONF)
            ty->wrong_confident++;
        if (verbose && !right)
            printf("  %s %-16s want \"%s\" got \"%s\" (%s, conf %.0f)\n", name,
                   ds_viz_field_name(id), exp[id], f->value, f->norm, f->confidence);
    }
    /* Genuine: the truth MRZ against the VIZ reading. */
    ds_mrz truth;
    json_t *lines = json_object_get(t, "mrz_lines");
    const char *lp[3];
    int nl = (int)json_array_size(lines);
    for (int i = 0; i < nl && i < 3; i++)
        lp[i] = json_string_value(json_array_get(lines, i));
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    if (nl >= 2 && nl <= 3 && ds_mrz_parse(lp, nl, 2025, &truth) == DS_OK) {
        if (ds_viz_compare(&sr.viz, &truth, &fl, 0) > 0) {
            ty->flagged_genuine++;
            if (verbose)
                printf("  %s FALSE FLAG %s expected %s found %s\n", name, fl.item[0].field,
                       fl.item[0].expected, fl.item[0].found);
        }
    }
    if (have_forged) {
        ty->forged++;
        memset(&fl, 0, sizeof fl);
        int n = ds_viz_compare(&sr.viz, &forged, &fl, 0);
        bool caught = false;
        for (int i = 0; i < fl.count; i++)
            if (strcmp(fl.item[i].field, "birth_date") == 0)
                caught = true;
        ty->forged_caught += caught;
        const ds_viz_field *b = &sr.viz.field[DS_VIZ_BIRTH_DATE];
        bool readable = b->found && strcmp(b->norm, exp[DS_VIZ_BIRTH_DATE]) == 0 &&
                        b->confidence >= DS_VIZ_MIN_CONF;
        ty->forged_readable += readable;
        if (readable && !caught)
            printf("  %s forged MRZ missed although the birth date was read\n", name);
        if (verbose && !caught)
            printf("  %s forged MRZ not caught (%d flags; viz birth \"%s\" conf %.0f)\n", name, n,
                   sr.viz.field[DS_VIZ_BIRTH_DATE].value, sr.viz.field[DS_VIZ_BIRTH_DATE].confidence);
    }
}

static int run_dir(const char *dir, tally *ty, int verbose, int limit)
{
    memset(ty, 0, sizeof *ty);
    ds_viz_reader *vr = NULL;
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        return -1;
    DIR *d = opendir(dir);
    if (!d) {
        ds_viz_reader_free(vr);
        return -1;
    }
    char *names[512];
    int nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nn < 512) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0 && isdigit((unsigned char)e->d_name[0]))
            names[nn++] = strdup(e->d_name);
    }
    closedir(d);
    for (int i = 1; i < nn; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    ds_limits lim;
    ds_limits_default(&lim);
    int done = 0;
    for (int i = 0; i < nn && (limit <= 0 || done < limit); i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        json_t *truth = json_load_file(path, 0, NULL);
        if (!truth)
            continue;
        json_t *pages = json_object_get(truth, "pages");
        const char *file = json_string_value(json_object_get(truth, "file"));
        if (!file && pages)
            file = json_string_value(json_object_get(json_array_get(pages, 0), "file"));
        if (file) {
            snprintf(path, sizeof path, "%s/%s", dir, file);
            ds_pages *pg = NULL;
            if (ds_decode_file(path, &lim, &pg) == DS_OK) {
                for (int p = 0; p < pg->count; p++) {
                    json_t *t = pages ? json_array_get(pages, (size_t)p) : truth;
                    PIX *g = g_blur > 0 ? pixBlockconv(pg->page[p].gray, g_blur, g_blur)
                                        : pixClone(pg->page[p].gray);
                    if (t && g)
                        score_page(vr, g, t, ty, verbose, names[i]);
                    pixDestroy(&g);
                    done++;
                }
                ds_pages_free(pg);
            }
        }
        json_decref(truth);
    }
    for (int i = 0; i < nn; i++)
        free(names[i]);
    ds_viz_reader_free(vr);
    return 0;
}

static void print_tally(const tally *ty)
{
    int tr = 0, tt = 0;
    printf("pages %d, MRZ valid %d, time per page %.0f ms mean, %.0f ms max\n", ty->pages,
           ty->mrz_ok, ty->pages ? ty->ms / ty->pages : 0, ty->ms_max);
    printf("%-16s %6s %6s %6s\n", "field", "pages", "found", "right");
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        if (!ty->total[id])
            continue;
        printf("%-16s %6d %6d %6d (%.0f%%)\n", ds_viz_field_name(id), ty->total[id], ty->found[id],
               ty->right[id], 100.0 * ty->right[id] / ty->total[id]);
        tr += ty->right[id];
        tt += ty->total[id];
    }
    printf("all fields: %d / %d right (%.1f%%)\n", tr, tt, tt ? 100.0 * tr / tt : 0);
    printf("genuine pages with VIZ_MRZ_MISMATCH: %d / %d\n", ty->flagged_genuine, ty->pages);
    printf("rewritten MRZ birth date caught: %d / %d (birth date read with confidence on %d)\n",
           ty->forged_caught, ty->forged, ty->forged_readable);
    printf("pages read as marked SPECIMEN: %d / %d\n", ty->specimen, ty->pages);
    printf("value re-reads %d, values they confirmed at >= 80: %d; dates read wrong at >= 80: %d\n",
           ty->rereads, ty->reread_raised, ty->wrong_confident);
}

static void test_samples(void)
{
    tally ty;
    if (run_dir(DS_SOURCE_DIR "/samples/pages", &ty, 1, 0) != 0)
        T_SKIP("samples/pages or eng.traineddata not available");
    print_tally(&ty);
    int tr = 0, tt = 0;
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++) {
        tr += ty.right[id];
        tt += ty.total[id];
    }
    T_EQ_INT(ty.pages, 12);
    /* Floors a little under the measured figures of docs/viz.md, so that a
     * regression of the reader shows. */
    T_CHECK(tt > 0 && tr * 100 >= tt * 35);
    T_CHECK(ty.right[DS_VIZ_BIRTH_DATE] >= 4);
    T_CHECK(ty.right[DS_VIZ_EXPIRY_DATE] >= 5);
    /* Genuine documents are never flagged; a rewritten MRZ is caught on
     * every page whose printed birth date was read with confidence. */
    T_EQ_INT(ty.flagged_genuine, 0);
    T_EQ_INT(ty.specimen, 0);
    T_CHECK(ty.forged_readable >= 4);
    T_CHECK(ty.forged_caught >= ty.forged_readable);
}


/* Page g darkened from left to right, from 45 % to 65 % of its gray (a
 * tinted, shadowed data page). */
static void shade(PIX *g)
{
    int w = (int)pixGetWidth(g), h = (int)pixGetHeight(g);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            l_uint32 v;
            pixGetPixel(g, x, y, &v);
            pixSetPixel(g, x, y, (l_uint32)((float)v * (0.45f + 0.2f * (float)x / (float)w)));
        }
}

/* The SPECIMEN stamp of the two angled test pages is found, on the pages
 * as scanned or shaded. */
static void check_specimen_pages(bool shaded)
{
    ds_viz_reader *vr = NULL;
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        T_SKIP("eng.traineddata not available");
    static const char *const files[] = {"specimen-angled-td2.jpg", "specimen-angled-td1.jpg"};
    ds_limits lim;
    ds_limits_default(&lim);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/tests/data/viz/%s", DS_SOURCE_DIR, files[i]);
        ds_pages *pg = NULL;
        T_EQ_INT(ds_decode_file(path, &lim, &pg), DS_OK);
        if (!pg)
            continue;
        PIX *g = pixCopy(NULL, pg->page[0].gray);
        T_CHECK(g != NULL);
        if (g) {
            if (shaded)
                shade(g);
            sample_read sr;
            T_CHECK(read_sample(vr, g, &sr));
            if (!sr.viz.specimen_printed)
                T_FAIL_("%s%s: the angled SPECIMEN stamp was not found", files[i],
                        shaded ? " shaded" : "");
            T_EQ_STR(sr.viz.specimen_word, "SPECIMEN");
        }
        pixDestroy(&g);
        ds_pages_free(pg);
    }
    ds_viz_reader_free(vr);
}

/* SPECIMEN printed large across the data page at 18 degrees, semi-
 * transparent, over the printed fields (tests/data/viz, made by
 * samples/generate.py --cases, variant "printed"); the angled search and
 * the word list. The committed genuine samples are checked in test_samples. */
static void test_specimen_angled(void)
{
    check_specimen_pages(false);
    T_EQ_STR(ds_specimen_word("SPECIMEN"), "SPECIMEN");
    T_EQ_STR(ds_specimen_word("laSPECIMEN~"), "SPECIMEN");
    T_EQ_STR(ds_specimen_word("SPÉCIMEN"), "SPECIMEN");
    T_EQ_STR(ds_specimen_word("Espécimen"), "ESPECIMEN");
    T_EQ_STR(ds_specimen_word("SPEC1MEN"), "SPECIMEN");
    T_EQ_STR(ds_specimen_word("Muster"), "MUSTER");
    T_EQ_STR(ds_specimen_word("CAMPI0NE"), "CAMPIONE");
    T_EQ_STR(ds_specimen_word("MODELO"), "MODELO");
    T_CHECK(ds_specimen_word("omen") == NULL);
    T_CHECK(ds_specimen_word("SPECTRUM") == NULL);
    T_CHECK(ds_specimen_word("MASTER") == NULL || strcmp(ds_specimen_word("MASTER"), "MUSTER") == 0);
    T_CHECK(ds_specimen_word("") == NULL);
    T_CHECK(ds_specimen_word(NULL) == NULL);
}

/* The same stamps on a page shaded dark from left to right: ink is judged
 * against the paper around it, not one threshold for the page. Found on
 * heldout7's defects7 (study data), where a translucent stamp on a tinted
 * page was not seen. */
static void test_specimen_shaded(void)
{
    check_specimen_pages(true);
}

static void add_word(ds_viz_page *pg, const char *t, int x0, int y0, int x1, int y1, int line)
{
    ds_viz_word *w = &pg->w[pg->nw++];
    memset(w, 0, sizeof *w);
    snprintf(w->text, sizeof w->text, "%s", t);
    w->x0 = x0;
    w->y0 = y0;
    w->x1 = x1;
    w->y1 = y1;
    w->conf = 90;
    w->cmin = 95;
    w->line = line;
}

static int seg_with(const ds_viz_page *pg, const char *text)
{
    for (int i = 0; i < pg->ns; i++)
        if (strcmp(pg->s[i].text, text) == 0)
            return i;
    return -1;
}

/* A 150 dpi visa printing "Surname, Given names" small under "TAYLOR,
 * William Henry" (the word boxes of tests/data/viz/smallcaps-below-mrvb.jpg
 * as the sparse reading gave them): the box of "William" reaches down
 * into the caption's row, and the caption's last word is boxed with it.
 * The segments keep the value and the caption apart (the old rule joined
 * "Surname. Given n William Henry" and the caption named the surname
 * alone, its value taken from the row below); a caption whose comma was
 * read as a point still names both names; words of one line stay one
 * segment. */
static void test_segments_caption_under_value(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    add_word(&pg, "TAYLOR,", 444, 302, 564, 326, 2);
    add_word(&pg, "Surname.", 446, 329, 507, 340, 3);
    add_word(&pg, "Given", 518, 330, 570, 340, 3);
    add_word(&pg, "n", 560, 321, 573, 349, 3);
    add_word(&pg, "William", 570, 296, 685, 344, 4);
    add_word(&pg, "Henry", 695, 297, 786, 333, 4);
    add_word(&pg, "UJDY74456", 445, 365, 606, 392, 8);
    add_word(&pg, "08.09.1998", 444, 429, 610, 449, 10);
    add_word(&pg, "USA", 863, 557, 922, 576, 16);
    ds_viz_seg_build(&pg);
    ds_viz_label_classify(&pg);
    int v = seg_with(&pg, "TAYLOR, William Henry");
    int c = seg_with(&pg, "Surname. Given n");
    T_CHECK(v >= 0);
    T_CHECK(c >= 0);
    if (v >= 0) {
        T_EQ_INT(pg.s[v].field, -1);
        T_EQ_INT(ds_viz_seg_top(&pg, v), 297);
    }
    if (c >= 0) {
        T_EQ_INT(pg.s[c].field, DS_VIZ_SURNAME);
        T_EQ_INT(ds_viz_seg_top(&pg, c), 329);
    }
    T_EQ_INT(ds_viz_seg_value_height(&pg), 20);

    /* The caption read whole: both names, with a point or a comma or
     * neither; one name's caption alone stays that name's. A caption in
     * two languages printed in capitals ("DATUM NAROZENÍ / DATE OF
     * BIRTH", a page printing its captions under the values): the
     * trailing capitals are its second language, no value on its line
     * (split -1); a value after a caption on its line still is one. */
    static const struct {
        const char *words[7];
        int field, split;
    } caps[] = {
        {{"Surname.", "Given", "names", NULL}, DS_VIZ_FIELD_NAME_BOTH, -1},
        {{"Surname,", "Given", "names", NULL}, DS_VIZ_FIELD_NAME_BOTH, -1},
        {{"Surname", "Given", "names", NULL}, DS_VIZ_FIELD_NAME_BOTH, -1},
        {{"Given", "names", NULL, NULL}, DS_VIZ_GIVEN_NAMES, -1},
        {{"Surname", "/", "Nom", NULL}, DS_VIZ_SURNAME, -1},
        {{"Date", "of", "birth", NULL}, DS_VIZ_BIRTH_DATE, -1},
        {{"DATUM", "NAROZENÍ", "/", "DATE", "OF", "BIRTH", NULL}, DS_VIZ_BIRTH_DATE, -1},
        {{"POHLAVÍ", "/", "SEX", NULL}, DS_VIZ_SEX, -1},
        {{"ČÍSLO", "PASU", "/", "PASSPORT", "NO.", NULL}, DS_VIZ_PASSPORT_NUMBER, -1},
        {{"Nationality", "IRL", NULL}, DS_VIZ_NATIONALITY, 1},
        {{"Date", "of", "birth", "12.08.1974", NULL}, DS_VIZ_BIRTH_DATE, 3},
    };
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        memset(&pg, 0, sizeof pg);
        int x = 100;
        for (int k = 0; k < 7 && caps[i].words[k]; k++) {
            int w = 12 * (int)strlen(caps[i].words[k]);
            add_word(&pg, caps[i].words[k], x, 100, x + w, 120, 0);
            x += w + 8;
        }
        ds_viz_seg_build(&pg);
        ds_viz_label_classify(&pg);
        T_EQ_INT(pg.ns, 1);
        if (pg.s[0].field != caps[i].field || pg.s[0].split != caps[i].split)
            T_FAIL_("caption %zu: field %d split %d, expected %d %d", i, pg.s[0].field,
                    pg.s[0].split, caps[i].field, caps[i].split);
    }
}

/* A word of a synthetic sparse reading: text, box, Tesseract line. */
typedef struct {
    const char *t;
    int x0, y0, x1, y1, line;
} box_word;

/* The fields of a synthetic sparse reading (words as Tesseract boxes them
 * in the 300 dpi frame, measured on heldout6 pages) assigned over a blank
 * image: the second looks read nothing, so every value is the sparse
 * reading's. */
static void assign_blank(const box_word *ws, size_t n, ds_viz *out)
{
    static ds_viz_page pg;
    ds_viz_reader *vr = NULL;
    memset(&pg, 0, sizeof pg);
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++)
        add_word(&pg, ws[i].t, ws[i].x0, ws[i].y0, ws[i].x1, ws[i].y1, ws[i].line);
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        return;
    PIX *img = pixCreate(1500, 800, 8);
    pixSetAll(img);
    ds_viz_seg_build(&pg);
    ds_viz_label_classify(&pg);
    ds_viz_field_assign(&pg, out, 1.0f, 0, 0, ds_viz_reader_tess(vr), img, NULL);
    pixDestroy(&img);
    ds_viz_reader_free(vr);
}

/* Captions beside their values: after the value on its baseline (two
 * columns, the right one's value about as near the left column's caption
 * as its own caption is; a caption read with its value as one segment),
 * and captions aligned with the right edge of the band holding the value
 * (the value starts left of the caption). Each value is its own
 * caption's, never the neighbour's; a caption left-aligned over its
 * value keeps it, and the caption right of it whose value is missing
 * takes none of its neighbour's. */
static void test_captions_beside_values(void)
{
    ds_viz_reader *probe = NULL;
    if (ds_viz_reader_create(NULL, &probe) != DS_OK)
        T_SKIP("eng.traineddata not available");
    ds_viz_reader_free(probe);
    ds_viz v;
    static const box_word after[] = {
        {"MACDONALD", 641, 336, 876, 360, 1}, {"Efternamn", 1029, 348, 1120, 362, 2},
        {"/", 1124, 348, 1128, 362, 2},       {"Surname", 1132, 348, 1177, 362, 2},
        {"NOV", 641, 444, 700, 468, 3},       {"17", 708, 444, 740, 468, 3},
        {"1946", 748, 444, 833, 468, 3},      {"Date", 858, 455, 900, 469, 4},
        {"of", 906, 455, 920, 469, 4},        {"birth", 926, 455, 1049, 469, 4},
        {"F", 1080, 445, 1097, 468, 5},       {"Kon", 1270, 456, 1295, 470, 6},
        {"/", 1298, 456, 1301, 470, 6},       {"Sex", 1305, 456, 1335, 470, 6},
        {"IRL", 641, 498, 696, 522, 7},       {"Nationality", 831, 509, 1003, 524, 8},
        {"MAR", 641, 560, 700, 584, 9},       {"31", 708, 560, 740, 584, 9},
        {"2023", 748, 560, 800, 584, 9},      {"Date", 830, 570, 870, 585, 9},
        {"of", 876, 570, 890, 585, 9},        {"expiry", 896, 570, 960, 585, 9},
    };
    assign_blank(after, sizeof after / sizeof after[0], &v);
    T_EQ_STR(v.field[DS_VIZ_SURNAME].norm, "MACDONALD");
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1946-11-17");
    T_EQ_STR(v.field[DS_VIZ_SEX].norm, "F");
    T_EQ_STR(v.field[DS_VIZ_NATIONALITY].norm, "IRL");
    T_EQ_STR(v.field[DS_VIZ_EXPIRY_DATE].norm, "2023-03-31");
    T_CHECK(!v.field[DS_VIZ_SURNAME].by_position);

    static const box_word band[] = {
        {"Surname", 733, 156, 845, 168, 1},     {"WOLFE", 98, 174, 300, 197, 2},
        {"Date", 274, 280, 320, 291, 3},        {"of", 326, 280, 340, 291, 3},
        {"birth", 346, 280, 454, 291, 3},       {"Sex", 810, 280, 846, 291, 4},
        {"25", 98, 300, 130, 320, 5},           {"04", 138, 300, 170, 320, 5},
        {"1967", 178, 300, 233, 320, 5},        {"M", 488, 300, 514, 320, 6},
        {"Nationality", 322, 350, 455, 361, 7}, {"AUT", 98, 368, 158, 390, 8},
    };
    assign_blank(band, sizeof band / sizeof band[0], &v);
    T_EQ_STR(v.field[DS_VIZ_SURNAME].norm, "WOLFE");
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1967-04-25");
    T_EQ_STR(v.field[DS_VIZ_SEX].norm, "M");
    T_EQ_STR(v.field[DS_VIZ_NATIONALITY].norm, "AUT");

    static const box_word over[] = {
        {"Date", 100, 280, 140, 291, 1}, {"of", 146, 280, 160, 291, 1},
        {"birth", 166, 280, 230, 291, 1}, {"Date", 500, 280, 540, 291, 2},
        {"of", 546, 280, 560, 291, 2},   {"expiry", 566, 280, 640, 291, 2},
        {"25", 100, 300, 130, 320, 3},   {"04", 138, 300, 170, 320, 3},
        {"1967", 178, 300, 233, 320, 3}, {"ABC", 100, 400, 160, 420, 4},
        {"DEF", 100, 500, 160, 520, 5},  {"GHI", 100, 600, 160, 620, 6},
    };
    assign_blank(over, sizeof over / sizeof over[0], &v);
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1967-04-25");
    T_CHECK(!v.field[DS_VIZ_EXPIRY_DATE].found);

    /* Captions in two parts at the two ends of each value's cell (heldout9's
     * "split": the national caption, read as Latin junk, at the left end,
     * the English one at the right end, right-aligned down the page; the
     * value under the national caption; word boxes of defects9 0046-td2):
     * each English caption takes the value at its cell's left end. Without a
     * column of right-aligned captions the same caption takes nothing (a
     * caption of another cell may stand at that value's start). */
    static const box_word split[] = {
        {"Type", 769, 173, 797, 183, 1},         {"code", 1197, 172, 1225, 181, 2},
        {"Howep.", 387, 232, 440, 242, 3},      {"okymeHTa", 446, 232, 493, 242, 3},
        {"Document", 712, 231, 760, 240, 4},    {"no.", 766, 231, 795, 240, 4},
        {"Nationality", 1147, 231, 1225, 242, 5}, {"FJ5582663", 391, 246, 539, 265, 6},
        {"Npisemge", 387, 289, 443, 299, 7},    {"Surname", 1177, 290, 1226, 299, 8},
        {"DELA", 391, 305, 460, 324, 9},        {"CRUZ", 470, 305, 539, 324, 9},
        {"Iw's", 388, 348, 414, 357, 10},       {"Given", 1147, 349, 1185, 358, 11},
        {"names", 1190, 349, 1224, 358, 11},    {"JASMINE", 391, 361, 506, 382, 12},
        {"Date", 704, 407, 730, 416, 13},       {"of", 735, 407, 745, 416, 13},
        {"birth", 750, 407, 797, 416, 13},
    };
    assign_blank(split, sizeof split / sizeof split[0], &v);
    T_EQ_STR(v.field[DS_VIZ_SURNAME].norm, "DELA CRUZ");
    T_EQ_STR(v.field[DS_VIZ_GIVEN_NAMES].norm, "JASMINE");
    T_EQ_STR(v.field[DS_VIZ_DOCUMENT_NUMBER].norm, "FJ5582663");
    static const box_word lone[] = {
        {"Npisemge", 387, 289, 443, 299, 7}, {"Surname", 1177, 290, 1226, 299, 8},
        {"DELA", 391, 305, 460, 324, 9},     {"CRUZ", 470, 305, 539, 324, 9},
        {"JASMINE", 391, 361, 506, 382, 12}, {"PHL", 391, 420, 450, 440, 14},
    };
    assign_blank(lone, sizeof lone / sizeof lone[0], &v);
    T_CHECK(!v.field[DS_VIZ_SURNAME].found);
}

/* tests/data/viz/<file> read as the pipeline reads it, its own MRZ read on
 * the page as the guide (g_guide 1), into *sr: whether it was decoded and
 * read with a valid MRZ (each failure noted). */
static bool read_viz_data(ds_viz_reader *vr, const char *file, sample_read *sr)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/viz/%s", DS_SOURCE_DIR, file);
    ds_limits lim;
    ds_limits_default(&lim);
    ds_pages *pg = NULL;
    T_EQ_INT(ds_decode_file(path, &lim, &pg), DS_OK);
    bool ok = false;
    if (pg) {
        g_guide = 1;
        ok = read_sample(vr, pg->page[0].gray, sr);
        g_guide = 0;
        if (!ok)
            T_FAIL_("%s not read", file);
        T_CHECK(!ok || sr->mrz_ok);
    }
    ds_pages_free(pg);
    return ok && sr->mrz_ok;
}

/* The comparison of a sample read (read_viz_data) with its MRZ: the
 * number of flags it raised. */
static int compare_flags(sample_read *sr)
{
    ds_flags fl;
    memset(&fl, 0, sizeof fl);
    return ds_viz_compare(&sr->viz, &sr->mrz, &fl, 0);
}

/* A page whose captions the sparse reading does not see (heldout9's
 * Armenian and English captions over laser-engraved values on a
 * polycarbonate card, defects9 0054-td1: the MRZ's holder is SCHMIDT
 * MAXIMILIAN, the page prints WEISS JURGEN BJORN LUKAS): the strip over
 * each value is read alone, enlarged; the given names' caption read
 * there names the value under it, and the comparison finds the
 * mismatch. */
static void test_caption_over_value(void)
{
    ds_viz_reader *vr = NULL;
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        T_SKIP("eng.traineddata not available");
    sample_read sr;
    if (read_viz_data(vr, "caption-unread-td1.jpg", &sr)) {
        ds_viz_field *f = &sr.viz.field[DS_VIZ_GIVEN_NAMES];
        T_CHECK(f->found);
        T_EQ_STR(f->norm, "JURGEN BJORN LUKAS");
        T_CHECK(compare_flags(&sr) >= 1);
        T_EQ_INT(f->status, DS_VIZ_MISMATCH);
    }
    ds_viz_reader_free(vr);
}

/* Captions printed small at about 146 dpi (5-6 pixels tall, half the
 * values' height), which the sparse reading does not make out
 * (tests/data/viz, made by samples/generate.py --cases --layouts all
 * --genuine-share 0 --seed 63 --degrade mild, documents 0013 and 0051):
 * the numbered captions of a Czech visa ("4. Číslo dokladu / Document
 * no.", its number 463504644 printed, the MRZ rewritten to 44X4NCPDY) and
 * a visa printing its captions under the values ("Surname, Given names"
 * under "TAYLOR, William Henry", the MRZ's given names JACK), read with
 * the MRZ on the page as the guide: the caption is read again alone,
 * enlarged, the value is taken from its line (above the caption on the
 * second page), and the comparison finds the mismatch. Both were
 * unverifiable before (bench/README.md, heldout4's 0028-td2 ...). */
static void test_small_captions(void)
{
    ds_viz_reader *vr = NULL;
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        T_SKIP("eng.traineddata not available");
    static const struct {
        const char *file;
        int id;
        const char *norm;
    } cases[] = {
        {"smallcaps-numbered-mrvb.jpg", DS_VIZ_DOCUMENT_NUMBER, "463504644"},
        {"smallcaps-below-mrvb.jpg", DS_VIZ_GIVEN_NAMES, "WILLIAM HENRY"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sample_read sr;
        if (!read_viz_data(vr, cases[i].file, &sr))
            continue;
        ds_viz_field *f = &sr.viz.field[cases[i].id];
        if (!f->found)
            T_FAIL_("%s: %s not read", cases[i].file, ds_viz_field_name(cases[i].id));
        else
            T_EQ_STR(f->norm, cases[i].norm);
        T_CHECK(compare_flags(&sr) >= 1);
        T_EQ_INT(f->status, DS_VIZ_MISMATCH);
    }
    ds_viz_reader_free(vr);
}

/* The committed samples blurred (3x3 box): first reads lose confidence, and
 * values under the bar are read again alone (upscaled, grey and binarised,
 * PSM 7). A re-read only confirms the first reading: at least one value is
 * brought back to the bar, no date is read wrong with confidence, no genuine
 * page is flagged, and a rewritten MRZ is still caught wherever the birth
 * date was read with confidence. */
static void test_reread_blurred(void)
{
    tally ty;
    g_blur = 1;
    int rc = run_dir(DS_SOURCE_DIR "/samples/pages", &ty, 1, 0);
    g_blur = 0;
    if (rc != 0)
        T_SKIP("samples/pages or eng.traineddata not available");
    print_tally(&ty);
    T_EQ_INT(ty.pages, 12);
    T_CHECK(ty.rereads > 0);
    T_CHECK(ty.reread_raised >= 1);
    T_EQ_INT(ty.wrong_confident, 0);
    T_EQ_INT(ty.flagged_genuine, 0);
    T_CHECK(ty.forged_caught >= ty.forged_readable);
}

/* The reader given the MRZ (as docscreen scan does): guidance only moves
 * the effort, so a genuine page is still never flagged, and given the
 * forger's MRZ the differing birth date is re-read and confirmed: at least
 * as many rewritten MRZs are caught as without guidance. */
static void test_guided_rereads(void)
{
    tally plain, own, forged;
    if (run_dir(DS_SOURCE_DIR "/samples/pages", &plain, 0, 0) != 0)
        T_SKIP("samples/pages or eng.traineddata not available");
    g_guide = 1;
    run_dir(DS_SOURCE_DIR "/samples/pages", &own, 0, 0);
    g_guide = 2;
    run_dir(DS_SOURCE_DIR "/samples/pages", &forged, 0, 0);
    g_guide = 0;
    printf("rewritten MRZ caught: %d / %d unguided, %d / %d guided by it; re-reads %d, %d, %d\n",
           plain.forged_caught, plain.forged, forged.forged_caught, forged.forged, plain.rereads,
           own.rereads, forged.rereads);
    T_EQ_INT(own.flagged_genuine, 0);
    T_EQ_INT(forged.flagged_genuine, 0);
    T_EQ_INT(forged.forged, plain.forged);
    T_CHECK(forged.forged_caught >= plain.forged_caught);
    T_CHECK(forged.forged_caught >= 1);
    /* Values that read as the MRZ says are not re-read. */
    T_CHECK(own.rereads < forged.rereads);
    /* Nor looked at twice when read surely as the MRZ's; without an MRZ
     * every labelled value gets its second look, and so does a birth date
     * that differs from the (forger's) MRZ. */
    printf("second looks skipped: %d unguided, %d guided by the own MRZ, %d by the forged one\n",
           plain.looks_saved, own.looks_saved, forged.looks_saved);
    T_EQ_INT(plain.looks_saved, 0);
    T_CHECK(own.looks_saved > 0);
    T_CHECK(forged.looks_saved < own.looks_saved);
}

/* A value that re-reads of its box alone outvoted the first reading with
 * (junk read off a line that held no value, then a stamp's or the next
 * row's ink read surely, FEZHOY for the number 0V5F6ZHQY under the
 * surname's caption) is not identified as the field: unverifiable however
 * sure the re-reads were. A first reading misread in a few letters and
 * corrected by the re-reads is still the field read in place. */
static void test_compare_read_in_place(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_SURNAME, "FEZHOY", "FEZHOY", 88);
    set_readings(&v, DS_VIZ_SURNAME, 3, 2, 0);
    v.field[DS_VIZ_SURNAME].same = 2;
    v.field[DS_VIZ_SURNAME].sure = 2;
    v.field[DS_VIZ_SURNAME].first_off = 20; /* the first reading: 'UE PEG AT I ATE GT A OD' */
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_SURNAME].status, DS_VIZ_UNVERIFIABLE);
    /* Read in place: the same readings are evidence. */
    v.field[DS_VIZ_SURNAME].first_off = 0;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "surname");
    /* The first reading two letters off (FEZH0Y): the same word misread. */
    v.field[DS_VIZ_SURNAME].first_off = 2;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    /* Dates and numbers likewise. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "X41Y77Q20", "X41Y77Q20", 95);
    v.field[DS_VIZ_PASSPORT_NUMBER].first_off = 9;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    v.field[DS_VIZ_PASSPORT_NUMBER].first_off = 0;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    genuine_reading(&v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "03 JAN 1961", "1961-01-03", 95);
    v.field[DS_VIZ_BIRTH_DATE].first_off = 6;
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    v.field[DS_VIZ_BIRTH_DATE].first_off = 0;
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
}

/* A nationality is a code on the ICAO list: "180" (a visa's days of stay,
 * read under the nationality's caption) or a word that is no code is not
 * identified as one; another real code read clearly still differs. */
static void test_compare_nationality_code(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_NATIONALITY, "| 180", "180", 90.6f);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_NATIONALITY].status, DS_VIZ_UNVERIFIABLE);
    set_field(&v, DS_VIZ_NATIONALITY, "QQX", "QQX", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 0);
    T_EQ_INT(v.field[DS_VIZ_NATIONALITY].status, DS_VIZ_UNVERIFIABLE);
    set_field(&v, DS_VIZ_NATIONALITY, "ESP", "ESP", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_STR(fl.item[0].field, "nationality");
}

/* A date printed without zeros with a two-digit day ("13.2.2003") is
 * compared: a year changed is a mismatch. Its month read short may have
 * lost a digit ("13.1.2031" for 13.11.2031), a Roman month a stroke
 * ("VII" for VIII): a month that differs is no evidence. */
static void test_compare_month_short(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    static const struct {
        const char *value, *norm;
        int raised;
    } cases[] = {
        {"12.8.1985", "1985-08-12", 1},    /* the year changed */
        {"12.1.1974", "1974-01-12", 0},    /* a month read short */
        {"12 VIII 1985", "1985-08-12", 1}, /* a Roman month, the year changed */
        {"12 VII 1974", "1974-07-12", 0},  /* a Roman month lost a stroke */
        {"12.01.1974", "1974-01-12", 1},   /* padded: the month is evidence */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_viz v;
        ds_flags fl;
        genuine_reading(&v);
        set_field(&v, DS_VIZ_BIRTH_DATE, cases[i].value, cases[i].norm, 95);
        memset(&fl, 0, sizeof fl);
        int raised = ds_viz_compare(&v, &m, &fl, 0);
        ds_viz_status want = cases[i].raised ? DS_VIZ_MISMATCH : DS_VIZ_UNVERIFIABLE;
        if (raised != cases[i].raised || v.field[DS_VIZ_BIRTH_DATE].status != want)
            T_FAIL_("birth date \"%s\": %d flags, %s", cases[i].value, raised,
                    ds_viz_status_name(v.field[DS_VIZ_BIRTH_DATE].status));
    }
}

/* A sex read with letters that are no sex letter ("M/E" for a Cyrillic
 * "Ж/F", the caption's script read as Latin) or that say the MRZ's sex
 * ("M/F") is no evidence; "M" alone against F is. */
static void test_compare_sex_letters(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m);
    static const struct {
        const char *value;
        int raised;
    } cases[] = {{"M/E", 0}, {"M/F", 0}, {"M/W", 0}, {"M", 1}, {"M/M", 1}, {"H/M", 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_viz v;
        ds_flags fl;
        genuine_reading(&v);
        set_field(&v, DS_VIZ_SEX, cases[i].value, "M", 96);
        memset(&fl, 0, sizeof fl);
        if (ds_viz_compare(&v, &m, &fl, 0) != cases[i].raised)
            T_FAIL_("sex \"%s\": %d flags, expected %d", cases[i].value, fl.count,
                    cases[i].raised);
    }
}

/* A value off its caption: below the caption's line and wholly right of
 * it, by more than the caption's height, is the next caption's value
 * (pe_100_visa-usa: "Nationality" over GRBR at x 465-527 took the MAR
 * under "Marital Status" at x 564-648 when its MRZ box moved by a pixel,
 * a false high); under the caption, or on its line, it is the caption's.
 * The pairing never makes such a pair: a short caption ("Sex") whose
 * sparse reading's segment below starts past its end keeps no value, and
 * the same value under it is its own. */
static void test_pairing_value_off_caption(void)
{
    static const int label[4] = {465, 233, 62, 12};
    static const int at[][4] = {{564, 243, 84, 37}, {465, 252, 40, 18}, {440, 252, 40, 18},
                                {540, 232, 40, 16}, {564, 243, 0, 37}};
    static const bool off[] = {true, false, false, false, false};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        if (ds_viz_value_off_caption(label, at[i]) != off[i])
            T_FAIL_("value box %zu: off its caption %d, expected %d", i, !off[i], off[i]);

    ds_viz_reader *probe = NULL;
    if (ds_viz_reader_create(NULL, &probe) != DS_OK)
        T_SKIP("eng.traineddata not available");
    ds_viz_reader_free(probe);
    ds_viz v;
    static const box_word past[] = {{"Sex", 465, 233, 489, 245, 0}, {"M", 503, 250, 520, 280, 1}};
    assign_blank(past, 2, &v);
    T_CHECK(!v.field[DS_VIZ_SEX].found);
    static const box_word under[] = {{"Sex", 465, 233, 489, 245, 0}, {"M", 470, 250, 487, 280, 1}};
    assign_blank(under, 2, &v);
    T_EQ_STR(v.field[DS_VIZ_SEX].norm, "M");
}

static int highs(const ds_flags *fl)
{
    int n = 0;
    for (int i = 0; i < fl->count; i++)
        n += fl->item[i].severity == DS_SEV_HIGH;
    return n;
}

/* A misreading is never fraud. A given name one letter off what the MRZ
 * holds (X for R), with the MRZ's other given name not read, is what OCR
 * makes of the holder's name: a warning to compare by eye, not high (the
 * old rule, whole-name distance over two, flagged it high). A whole other
 * name read confidently stays high, and so does a year shifted in a
 * labelled date. */
static void test_compare_misreading_name(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* ANNA MARIA */
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_GIVEN_NAMES, "MAXIA", "MAXIA", 95);
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 0);
    T_EQ_INT(fl.count, 1);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
    T_EQ_STR(fl.item[0].field, "given_names");
    T_CHECK(strstr(fl.item[0].message, "check it by eye") != NULL);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_UNVERIFIABLE);
    /* Two letters of one word, each read as one OCR confuses it with (X
     * for A twice): still a misreading. */
    set_field(&v, DS_VIZ_GIVEN_NAMES, "MXRIX", "MXRIX", 95);
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 0);
    /* A whole other given name read confidently: high. */
    set_field(&v, DS_VIZ_GIVEN_NAMES, "KARIN", "KARIN", 95);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_INT(highs(&fl), 1);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_MISMATCH);
    /* Two words of which one is another name: high. */
    set_field(&v, DS_VIZ_GIVEN_NAMES, "MAXIA KARIN", "MAXIA KARIN", 95);
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 1);
    /* A year shifted in a labelled birth date read confidently: high. */
    genuine_reading(&v);
    set_field(&v, DS_VIZ_BIRTH_DATE, "12 AUG 1972", "1972-08-12", 96);
    memset(&fl, 0, sizeof fl);
    T_EQ_INT(ds_viz_compare(&v, &m, &fl, 0), 1);
    T_EQ_INT(highs(&fl), 1);
    T_EQ_STR(fl.item[0].field, "birth_date");
}

/* A date placed by its position alone (its caption unread: the latest
 * date of the page taken as the expiry) is not identified: a confusable
 * digit (8 read for the MRZ's 6), however often the re-reads repeated it,
 * is a warning, never high (the old rule flagged it high). So is a whole
 * other year placed so. */
static void test_compare_position_not_high(void)
{
    ds_mrz m;
    ds_viz v;
    ds_flags fl;
    spec_with_date(21, "160415", &m); /* MRZ expiry 2016-04-15 */
    memset(&v, 0, sizeof v);
    add_date(&v, "1974-08-12", 95);
    add_date(&v, "2006-04-16", 95);
    add_date(&v, "2018-04-15", 96);
    v.dates[2].reads = 5;
    v.dates[2].same = 5;
    v.dates[2].agree = 5;
    v.dates[2].keep = 5;
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 0);
    T_EQ_INT(fl.count, 1);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
    T_EQ_STR(fl.item[0].field, "expiry_date");
    T_CHECK(strstr(fl.item[0].message, "position") != NULL);
    T_EQ_INT(v.field[DS_VIZ_EXPIRY_DATE].status, DS_VIZ_UNVERIFIABLE);
    /* Read under its own caption, the same confirmed digit is evidence. */
    memset(&v, 0, sizeof v);
    set_field(&v, DS_VIZ_EXPIRY_DATE, "15.04.2018", "2018-04-15", 96);
    set_readings(&v, DS_VIZ_EXPIRY_DATE, 5, 5, 0);
    v.field[DS_VIZ_EXPIRY_DATE].same = 5;
    v.field[DS_VIZ_EXPIRY_DATE].keep = 5;
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 1);
    /* A name placed by the line below the surname (its caption unread): a
     * whole other name is a warning too. */
    mrz_of(SPEC_L1, SPEC_L2, &m);
    memset(&v, 0, sizeof v);
    ds_viz_line *l = &v.lines[v.nlines++];
    snprintf(l->value, sizeof l->value, "ERIKSSON");
    snprintf(l->norm, sizeof l->norm, "ERIKSSON");
    l->confidence = 95;
    memcpy(l->bbox, (int[4]){100, 100, 120, 14}, sizeof(int[4]));
    l = &v.lines[v.nlines++];
    snprintf(l->value, sizeof l->value, "KARIN");
    snprintf(l->norm, sizeof l->norm, "KARIN");
    l->confidence = 95;
    memcpy(l->bbox, (int[4]){100, 130, 80, 14}, sizeof(int[4]));
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 0);
    T_CHECK(v.field[DS_VIZ_GIVEN_NAMES].by_position);
    T_EQ_INT(v.field[DS_VIZ_GIVEN_NAMES].status, DS_VIZ_UNVERIFIABLE);
    T_EQ_INT(fl.count, 1);
    T_EQ_INT(fl.item[0].severity, DS_SEV_WARNING);
}

/* A document number one confusable digit off (6 for the MRZ's 8), read
 * confidently, counts only when every reading gave it (confirmed by
 * independent re-reads); a changed letter OCR confuses (X for A, from the
 * measured table) weighs the same. A change OCR does not make, read so,
 * is high. */
static void test_compare_number_confusable(void)
{
    ds_mrz m;
    mrz_of(SPEC_L1, SPEC_L2, &m); /* L898902C3 */
    ds_viz v;
    ds_flags fl;
    genuine_reading(&v);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "L698902C3", "L698902C3", 92);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 4, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 4;
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(fl.count, 0);
    T_EQ_INT(v.field[DS_VIZ_PASSPORT_NUMBER].status, DS_VIZ_UNVERIFIABLE);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 5, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 5;
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 1);
    /* X for the MRZ's A (AB1234567 printed XB1234567), four of five
     * readings: a misreading may explain it (the old table knew only
     * digits and flagged it high). */
    mrz_of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "AB12345671UTO7408122F1204159ZE184226B<<<<<10",
           &m);
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "XB1234567", "XB1234567", 92);
    set_readings(&v, DS_VIZ_PASSPORT_NUMBER, 5, 4, 0);
    v.field[DS_VIZ_PASSPORT_NUMBER].same = 4;
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 0);
    /* K for the MRZ's A, read so: high. */
    set_field(&v, DS_VIZ_PASSPORT_NUMBER, "KB1234567", "KB1234567", 92);
    memset(&fl, 0, sizeof fl);
    ds_viz_compare(&v, &m, &fl, 0);
    T_EQ_INT(highs(&fl), 1);
}

static void test_reader_bad_args(void)
{
    ds_viz_reader *vr = NULL;
    T_EQ_INT(ds_viz_reader_create(NULL, NULL), DS_ERR_USAGE);
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        T_SKIP("eng.traineddata not available");
    ds_viz v;
    int bbox[4] = {0, 0, 0, 0};
    PIX *p = pixCreate(100, 100, 8);
    T_EQ_INT(ds_viz_read(vr, p, bbox, 44, NULL, &v), DS_ERR_USAGE);
    T_EQ_INT(ds_viz_read(NULL, p, bbox, 44, NULL, &v), DS_ERR_USAGE);
    /* An MRZ at the very top: nothing above it, nothing found. */
    int top[4] = {5, 0, 90, 20};
    pixSetAll(p);
    T_EQ_INT(ds_viz_read(vr, p, top, 44, NULL, &v), DS_OK);
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++)
        T_CHECK(!v.field[id].found);
    /* A blank page above the MRZ: nothing found either. */
    PIX *q = pixCreate(800, 900, 8);
    pixSetAll(q);
    int mid[4] = {50, 700, 700, 60};
    T_EQ_INT(ds_viz_read(vr, q, mid, 44, NULL, &v), DS_OK);
    for (int id = 0; id < DS_VIZ_FIELD_COUNT; id++)
        T_CHECK(!v.field[id].found);
    pixDestroy(&p);
    pixDestroy(&q);
    ds_viz_reader_free(vr);
    ds_viz_reader_free(NULL);
}

/* Fills the box (x, y, w, h) of g with grey v. */
static void fill_box(PIX *g, int x, int y, int w, int h, int v)
{
    for (int yy = y; yy < y + h; yy++)
        for (int xx = x; xx < x + w; xx++)
            pixSetPixel(g, xx, yy, (l_uint32)v);
}

/* Dark bars holding light letters are turned dark on light; a bold word
 * blurred into one blot, dark print on a dark band, a bar too thin to
 * hold a caption, and a dark square are not bars (300 dpi: 1 mm = 12
 * pixels). */
static void test_bars_invert(void)
{
    PIX *g = pixCreate(600, 400, 8);
    T_CHECK(g != NULL);
    if (!g)
        return;
    pixSetAllArbitrary(g, 200);
    /* A tab 30 x 200 at 80 with two light "letters" of 8 x 14 at 190. */
    fill_box(g, 20, 20, 200, 30, 80);
    fill_box(g, 30, 28, 8, 14, 190);
    fill_box(g, 44, 28, 8, 14, 190);
    /* A blot: a bold word at 80 with gaps at 120 (no light letters). */
    fill_box(g, 300, 20, 120, 24, 80);
    fill_box(g, 330, 24, 3, 16, 120);
    fill_box(g, 360, 24, 3, 16, 120);
    /* A dark band holding dark print. */
    fill_box(g, 20, 100, 240, 36, 90);
    fill_box(g, 30, 108, 60, 16, 20);
    fill_box(g, 40, 110, 8, 12, 190);
    /* A rule 8 pixels tall with a light gap, and a dark square. */
    fill_box(g, 300, 100, 240, 8, 80);
    fill_box(g, 310, 102, 6, 4, 190);
    fill_box(g, 300, 200, 120, 120, 60);
    fill_box(g, 320, 220, 20, 20, 190);
    int boxes[DS_VIZ_BARS_MAX][4];
    T_EQ_INT(ds_viz_bars_invert(g, 300.0f, boxes, DS_VIZ_BARS_MAX), 1);
    T_EQ_INT(boxes[0][0], 20);
    T_EQ_INT(boxes[0][1], 20);
    T_EQ_INT(boxes[0][2], 200);
    T_EQ_INT(boxes[0][3], 30);
    l_uint32 v = 0;
    pixGetPixel(g, 100, 35, &v); /* the bar's tone: now paper */
    T_CHECK(v >= 180);
    pixGetPixel(g, 34, 35, &v); /* a letter: now dark */
    T_CHECK(v <= 40);
    pixGetPixel(g, 350, 30, &v); /* the blot, the band's print: left alone */
    T_EQ_INT((int)v, 80);
    pixGetPixel(g, 50, 115, &v);
    T_EQ_INT((int)v, 20);
    T_EQ_INT(ds_viz_bars_invert(NULL, 300.0f, boxes, DS_VIZ_BARS_MAX), 0);
    pixDestroy(&g);
}

/* Captions printed white on dark tabs, the value beside each tab
 * (heldout7's tab captions, defects7 0021-mrvb, study data; the page's
 * names are not the MRZ's: its defect). The tabs read as blots, so no
 * field was found on the page. Each tab is now read alone, made dark on
 * light, and is a caption as tall as the tab: the given names, the birth
 * date and the document number beside their tabs are read, and the names
 * are the printed page's own, a mismatch. */
static void test_captions_on_dark_tabs(void)
{
    ds_viz_reader *vr = NULL;
    if (ds_viz_reader_create(NULL, &vr) != DS_OK)
        T_SKIP("eng.traineddata not available");
    sample_read sr;
    if (read_viz_data(vr, "tabs-dark-mrvb.jpg", &sr)) {
        T_CHECK(sr.viz.bars >= 10);
        const ds_viz_field *gn = &sr.viz.field[DS_VIZ_GIVEN_NAMES];
        const ds_viz_field *bd = &sr.viz.field[DS_VIZ_BIRTH_DATE];
        const ds_viz_field *dn = &sr.viz.field[DS_VIZ_DOCUMENT_NUMBER];
        T_CHECK(gn->found);
        T_EQ_STR(gn->norm, "ONDREJ TOMAS");
        T_CHECK(bd->found);
        T_EQ_STR(bd->norm, "1942-11-05");
        T_CHECK(dn->found);
        T_EQ_STR(dn->norm, "D74469390");
        T_CHECK(compare_flags(&sr) >= 1);
        T_EQ_INT(gn->status, DS_VIZ_MISMATCH);
        T_EQ_INT(bd->status, DS_VIZ_MATCH);
        T_EQ_INT(dn->status, DS_VIZ_MATCH);
    }
    ds_viz_reader_free(vr);
}

int main(int argc, char **argv)
{
    /* Tesseract's OpenMP threads spin on a shared machine (5x slower on two
     * cores); the limit is read when the runtime loads, so re-run with it. */
    if (!getenv("OMP_THREAD_LIMIT")) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
    }
    if (argc >= 3 && strcmp(argv[1], "--measure") == 0) {
        tally ty;
        int limit = argc >= 4 ? atoi(argv[3]) : 0;
        g_blur = getenv("DS_VIZ_BLUR") ? atoi(getenv("DS_VIZ_BLUR")) : 0;
        if (run_dir(argv[2], &ty, getenv("DS_VIZ_VERBOSE") != NULL, limit) != 0)
            return 2;
        print_tally(&ty);
        ds_ocrb_free(g_ocrb);
        return 0;
    }
    static const t_case cases[] = {
        {"dates", test_dates},
        {"compare_genuine", test_compare_genuine},
        {"compare_translit", test_compare_translit},
        {"compare_truncated", test_compare_truncated},
        {"compare_noise_is_unverifiable", test_compare_noise_is_unverifiable},
        {"compare_rewritten_mrz", test_compare_rewritten_mrz},
        {"compare_visa_passport_number", test_compare_visa_passport_number},
        {"names_of_fields", test_names_of_fields},
        {"reader_bad_args", test_reader_bad_args},
        {"samples", test_samples},
        {"reread_blurred", test_reread_blurred},
        {"compare_confirmed_readings", test_compare_confirmed_readings},
        {"compare_characters_sure", test_compare_characters_sure},
        {"drop_umlaut_e", test_drop_umlaut_e},
        {"compare_name_forms", test_compare_name_forms},
        {"compare_date_order", test_compare_date_order},
        {"compare_date_swap", test_compare_date_swap},
        {"compare_number_likeness", test_compare_number_likeness},
        {"compare_number_far", test_compare_number_far},
        {"compare_surname_by_given", test_compare_surname_by_given},
        {"compare_reading_losses", test_compare_reading_losses},
        {"guided_rereads", test_guided_rereads},
        {"specimen_angled", test_specimen_angled},
        {"specimen_shaded", test_specimen_shaded},
        {"compare_read_in_place", test_compare_read_in_place},
        {"compare_nationality_code", test_compare_nationality_code},
        {"pairing_value_off_caption", test_pairing_value_off_caption},
        {"small_captions", test_small_captions},
        {"segments_caption_under_value", test_segments_caption_under_value},
        {"captions_beside_values", test_captions_beside_values},
        {"compare_misreading_name", test_compare_misreading_name},
        {"compare_position_not_high", test_compare_position_not_high},
        {"compare_number_confusable", test_compare_number_confusable},
        {"bars_invert", test_bars_invert},
        {"captions_on_dark_tabs", test_captions_on_dark_tabs},
        {"compare_month_short", test_compare_month_short},
        {"compare_sex_letters", test_compare_sex_letters},
        {"caption_over_value", test_caption_over_value},
    };
    return T_RUN(cases);
}
