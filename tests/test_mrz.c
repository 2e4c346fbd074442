/*
 * Unit tests of the ICAO 9303 MRZ parser (src/mrz/parse.c): every format
 * on the Doc 9303 "Utopia" specimens, check-digit vectors, national
 * deviations, century rules, names, the exact map of uncovered positions,
 * the repair rule (proven repairs made, tampering and ambiguity left
 * failing) and hostile input. The realdata cases read the shared vectors
 * under DS_SHARED_DIR and skip when they are absent.
 *
 * Vector policy for mrz-vectors.tsv: rows of ICAO formats must parse with
 * the expected validity and fields; the source's "UTO not accepted" is its
 * own opinion, and here the Utopia specimens are valid because their check
 * digits are. Rows of non-ICAO documents (French national ID, French and
 * Swiss driving licences) must be rejected or parse as not valid, without
 * a crash. The raw-OCR row with junk lines is out of scope: finding the
 * MRZ lines is the recogniser's job, so it must only not crash. The rows
 * the source marks "warnings" carry expiry dates edited without their
 * check digits, so here they must fail the expiry check.
 */
#include <stdio.h>
#include <string.h>

#include "mrz/mrz.h"
#include "mrz_ocr.h"
#include "t.h"

static ds_error parse3(const char *a, const char *b, const char *c, ds_mrz *m)
{
    const char *lines[3] = {a, b, c};
    return ds_mrz_parse(lines, c ? 3 : 2, TODAY, m);
}

static void expect_mask(const ds_mrz *m, int line, const char *mask)
{
    int n = (int)strlen(mask);
    for (int i = 0; i < DS_MRZ_MAX_LINE; i++) {
        int want = i < n ? mask[i] - '0' : 0;
        if (m->uncovered[line][i] != want)
            T_FAIL_("uncovered[%d][%d] is %d, want %d", line, i, m->uncovered[line][i], want);
    }
}

/* ---- check digits ---- */

static void check_digit_vectors(void)
{
    T_EQ_INT(ds_mrz_check_digit("L898902C3", 9), 6);
    T_EQ_INT(ds_mrz_check_digit("740812", 6), 2);
    T_EQ_INT(ds_mrz_check_digit("120415", 6), 9);
    T_EQ_INT(ds_mrz_check_digit("ZE184226B<<<<<", 14), 1);
    T_EQ_INT(ds_mrz_check_digit("D23145890734", 12), 9);
    T_EQ_INT(ds_mrz_check_digit("<<<<<<<<<<<<<<", 14), 0);
    T_EQ_INT(ds_mrz_check_digit("BCDEFGHIJ", 9), ds_mrz_check_digit("123456789", 9));
    T_EQ_INT(ds_mrz_check_digit("", 0), -1);
    T_EQ_INT(ds_mrz_check_digit(NULL, 3), -1);
    T_EQ_INT(ds_mrz_check_digit("abc", 3), -1);
    T_EQ_INT(ds_mrz_check_digit("0 0", 3), -1);
    T_EQ_INT(ds_mrz_check_digit("A\xc3\x84", 3), -1);
    T_EQ_INT(ds_mrz_check_digit("12\0" "4", 4), -1);
}

static void type_names(void)
{
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_TD1), "TD1");
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_TD2), "TD2");
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_TD3), "TD3");
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_MRVA), "MRVA");
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_MRVB), "MRVB");
    T_EQ_STR(ds_mrz_type_name(DS_MRZ_UNKNOWN), "OTHER");
    T_EQ_STR(ds_mrz_type_name((ds_mrz_type)99), "OTHER");
}

/* ---- the Doc 9303 specimens ---- */

static void td1_specimen(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", &m), DS_OK);
    T_EQ_INT(m.type, DS_MRZ_TD1);
    T_EQ_INT(m.nlines, 3);
    T_CHECK(m.valid);
    T_CHECK(m.format_ok);
    T_EQ_INT(m.checks.document_number, DS_CHECK_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_OK);
    T_EQ_INT(m.checks.expiry_date, DS_CHECK_OK);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_ABSENT);
    T_EQ_INT(m.checks.composite, DS_CHECK_OK);
    T_EQ_STR(m.document_code, "I");
    T_EQ_STR(m.issuing_state, "UTO");
    T_EQ_STR(m.document_number, "D23145890");
    T_EQ_STR(m.birth_date, "1974-08-12");
    T_EQ_STR(m.sex, "F");
    T_EQ_STR(m.expiry_date, "2012-04-15");
    T_EQ_STR(m.nationality, "UTO");
    T_EQ_STR(m.surname, "ERIKSSON");
    T_EQ_STR(m.given_names, "ANNA MARIA");
    T_EQ_STR(m.optional_data, "");
    T_EQ_STR(m.optional_data2, "");
    T_CHECK(!m.name_truncated);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.lines[2], "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    expect_mask(&m, 0, "111110000000000000000000000000");
    expect_mask(&m, 1, "000000010000000111000000000000");
    expect_mask(&m, 2, "111111111111111111111111111111");
}

static void td2_specimen(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6",
                    NULL, &m), DS_OK);
    T_EQ_INT(m.type, DS_MRZ_TD2);
    T_CHECK(m.valid);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_ABSENT);
    T_EQ_INT(m.checks.composite, DS_CHECK_OK);
    T_EQ_STR(m.document_number, "D23145890");
    T_EQ_STR(m.surname, "ERIKSSON");
    T_EQ_STR(m.given_names, "ANNA MARIA");
    T_EQ_STR(m.birth_date, "1974-08-12");
    T_EQ_STR(m.expiry_date, "2012-04-15");
    expect_mask(&m, 0, "111111111111111111111111111111111111");
    expect_mask(&m, 1, "000000000011100000001000000000000000");
    expect_mask(&m, 2, "");
}

static void td3_specimen(void)
{
    ds_mrz m;
    T_EQ_INT(parse3(TD3_L1, TD3_L2, NULL, &m), DS_OK);
    T_EQ_INT(m.type, DS_MRZ_TD3);
    T_CHECK(m.valid);
    T_EQ_INT(m.checks.document_number, DS_CHECK_OK);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_OK);
    T_EQ_INT(m.checks.composite, DS_CHECK_OK);
    T_EQ_STR(m.document_code, "P");
    T_EQ_STR(m.document_number, "L898902C3");
    T_EQ_STR(m.optional_data, "ZE184226B");
    T_EQ_STR(m.birth_date, "1974-08-12");
    T_EQ_STR(m.expiry_date, "2012-04-15");
    T_EQ_STR(m.surname, "ERIKSSON");
    T_EQ_STR(m.given_names, "ANNA MARIA");
    expect_mask(&m, 0, "11111111111111111111111111111111111111111111");
    expect_mask(&m, 1, "00000000001110000000100000000000000000000000");
}

static void mrva_specimen(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<", NULL, &m), DS_OK);
    T_EQ_INT(m.type, DS_MRZ_MRVA);
    T_CHECK(m.valid);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_ABSENT);
    T_EQ_INT(m.checks.composite, DS_CHECK_ABSENT);
    T_EQ_STR(m.document_code, "V");
    T_EQ_STR(m.document_number, "L8988901C");
    T_EQ_STR(m.nationality, "XXX");
    T_EQ_STR(m.birth_date, "1940-09-07");
    T_EQ_STR(m.expiry_date, "1996-12-10");
    T_EQ_STR(m.optional_data, "6ZE184226B");
    expect_mask(&m, 1, "00000000001110000000100000001111111111111111");
}

static void mrvb_specimen(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<",
                    NULL, &m), DS_OK);
    T_EQ_INT(m.type, DS_MRZ_MRVB);
    T_CHECK(m.valid);
    T_EQ_INT(m.checks.composite, DS_CHECK_ABSENT);
    T_EQ_STR(m.surname, "ERIKSSON");
    T_EQ_STR(m.sex, "F");
    expect_mask(&m, 0, "111111111111111111111111111111111111");
    expect_mask(&m, 1, "000000000011100000001000000011111111");
}

/* ---- deviations, fields ---- */

static void german_d_filler(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                    "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0", NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.issuing_state, "D");
    T_EQ_STR(m.nationality, "D");
    T_EQ_STR(m.surname, "MUSTERMANN");
    T_EQ_STR(m.given_names, "ERIKA");
    T_EQ_INT(m.checks.optional_data, DS_CHECK_OK);
    T_EQ_STR(m.optional_data, "");
}

static void empty_personal_number(void)
{
    ds_mrz m;
    char l2[45];
    td3_line2(l2, "AA0000000", "POL", "600208", 'F', "141231", "", '<');
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_OK);
    td3_line2(l2, "AA0000000", "POL", "600208", 'F', "141231", "", 0); /* '0' */
    T_EQ_INT(l2[42], '0');
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    /* A personal number present with '<' as its check digit is wrong. */
    td3_line2(l2, "AA0000000", "POL", "600208", 'F', "141231", "12345", '<');
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
}

static void td1_long_document_number(void)
{
    ds_mrz m;
    /* The Doc 9303 sample: D23145890734, check digit 9 after the extension. */
    T_EQ_INT(parse3("I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
                    "STEVENSON<<PETER<JOHN<<<<<<<<<", &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "D23145890734");
    T_EQ_INT(m.checks.document_number, DS_CHECK_OK);
    T_EQ_STR(m.optional_data, "");
    T_EQ_STR(m.birth_date, "1934-07-12");
    T_EQ_STR(m.expiry_date, "1995-07-12");
    T_EQ_STR(m.given_names, "PETER JOHN");
    /* Belgian cards compute it with the filler included. */
    T_EQ_INT(parse3("IDBEL000590240<6013<<<<<<<<<<<", "8512017F1311048BEL851201002007",
                    "REINARTZ<<ULRIKE<KATIA<E<<<<<<", &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "000590240601");
    T_EQ_STR(m.optional_data2, "85120100200");
    /* ... and a wrong one stays wrong. */
    T_EQ_INT(parse3("IDBEL000590240<6016<<<<<<<<<<<", "8512017F1311048BEL851201002007",
                    "REINARTZ<<ULRIKE<KATIA<E<<<<<<", &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    /* The long-number marker with nothing after it cannot be checked. */
    T_EQ_INT(parse3("I<UTOD23145890<<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    /* Optional data after the extension is kept apart. */
    T_EQ_INT(parse3("I<PRT007777779<ZZ92<<<<<<<<<<<", "8303143M3405282PRT<<<<<<<<<<<2",
                    "CACADOR<DE<ARAUJO<<ANDRE<ESTEV", &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "007777779ZZ9");
    T_CHECK(m.name_truncated);
}

static void td2_long_document_number(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D23145890<UTO7408122F12041597349<<<2",
                    NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "D23145890734");
    T_EQ_STR(m.optional_data, "");
    expect_mask(&m, 1, "000000000011100000001000000000000000");
}

/* A genuine MRZ read cleanly is never changed by the OCR entry point. */
static void clean_reads_are_not_repaired(void)
{
    static const char *const specimens[][3] = {
        {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
         "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
        {"I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
         "STEVENSON<<PETER<JOHN<<<<<<<<<"},
        {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6", NULL},
        {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
         "L898902C36UTO7408122F1204159ZE184226B<<<<<10", NULL},
        {"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
         "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0", NULL},
        {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
         "L8988901C4XXX4009078F96121096ZE184226B<<<<<<", NULL},
        {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<", NULL},
    };
    for (size_t i = 0; i < sizeof specimens / sizeof specimens[0]; i++) {
        ocr o;
        ds_mrz m, plain;
        ocr_init(&o, specimens[i][0], specimens[i][1], specimens[i][2]);
        T_EQ_INT(ocr_parse(&o, &m), DS_OK);
        T_EQ_INT(parse3(specimens[i][0], specimens[i][1], specimens[i][2], &plain), DS_OK);
        T_CHECK(m.valid);
        T_EQ_INT(m.nrepairs, 0);
        T_CHECK(memcmp(m.lines, plain.lines, sizeof m.lines) == 0);
        T_CHECK(memcmp(&m.checks, &plain.checks, sizeof m.checks) == 0);
        T_CHECK(memcmp(m.uncovered, plain.uncovered, sizeof m.uncovered) == 0);
        T_EQ_STR(m.surname, plain.surname);
        T_EQ_STR(m.given_names, plain.given_names);
        T_EQ_STR(m.document_number, plain.document_number);
        T_EQ_STR(m.birth_date, plain.birth_date);
        T_EQ_STR(m.expiry_date, plain.expiry_date);
        T_EQ_STR(m.optional_data, plain.optional_data);
    }
}

static void td1_optional_data(void)
{
    ds_mrz m;
    T_EQ_INT(parse3("I<LVAPA99929216121282<88882<<<", "8212122M1703054LVA<<<<<<<<<<<0",
                    "PARAUDZINS<<ANDRIS<<<<<<<<<<<<", &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "PA9992921");
    T_EQ_STR(m.optional_data, "121282<88882");
    /* TD1 optional data is covered by the composite: a change breaks it. */
    T_EQ_INT(parse3("I<LVAPA99929216121283<88882<<<", "8212122M1703054LVA<<<<<<<<<<<0",
                    "PARAUDZINS<<ANDRIS<<<<<<<<<<<<", &m), DS_OK);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.document_number, DS_CHECK_OK);
    T_CHECK(!m.valid);
}

static void century_rules(void)
{
    ds_mrz m;
    char l2[45];
    /* Birth: 25 is this year (2025), 26 cannot be in the future -> 1926. */
    td3_line2(l2, "L898902C3", "UTO", "250101", 'F', "300101", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_STR(m.birth_date, "2025-01-01");
    T_EQ_STR(m.expiry_date, "2030-01-01");
    td3_line2(l2, "L898902C3", "UTO", "260101", 'F', "450101", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_STR(m.birth_date, "1926-01-01");
    T_EQ_STR(m.expiry_date, "2045-01-01"); /* 20 years ahead */
    td3_line2(l2, "L898902C3", "UTO", "000229", 'F', "460101", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_STR(m.birth_date, "2000-02-29");
    T_EQ_STR(m.expiry_date, "1946-01-01"); /* 21 years ahead is too far */
    T_CHECK(m.valid);
    /* Another today_year moves the windows. */
    const char *lines[2] = {TD3_L1, l2};
    T_EQ_INT(ds_mrz_parse(lines, 2, 1999, &m), DS_OK);
    T_CHECK(!m.format_ok); /* 1900-02-29 does not exist */
    T_EQ_STR(m.birth_date, "000229");
}

static void invalid_and_unknown_dates(void)
{
    ds_mrz m;
    char l2[45];
    td3_line2(l2, "L898902C3", "UTO", "741312", 'F', "120415", "", 0); /* month 13 */
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_OK);
    T_EQ_STR(m.birth_date, "741312");
    td3_line2(l2, "L898902C3", "UTO", "740812", 'F', "230229", "", 0); /* 2023 not leap */
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
    T_EQ_STR(m.expiry_date, "230229");
    td3_line2(l2, "L898902C3", "UTO", "740812", 'F', "240229", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.expiry_date, "2024-02-29");
    td3_line2(l2, "L898902C3", "UTO", "7408<<", 'F', "120415", "", 0); /* day, month unknown */
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.birth_date, "7408<<");
    td3_line2(l2, "L898902C3", "UTO", "74<<<<", 'F', "120415", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.birth_date, "74<<<<");
    td3_line2(l2, "L898902C3", "UTO", "7408<2", 'F', "120415", "", 0); /* half a part */
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
    td3_line2(l2, "L898902C3", "UTO", "740800", 'F', "120415", "", 0); /* day 0 */
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
}

static void names(void)
{
    ds_mrz m;
    char l2[45];
    td3_line2(l2, "L898902C3", "UTO", "740812", 'F', "120415", "", 0);
    T_EQ_INT(parse3("P<UTO<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.surname, "");
    T_EQ_STR(m.given_names, "ANNA");
    T_EQ_INT(parse3("P<UTOVAN<DER<BERG<<ANNA<<MARIA<<<<<<<<<<<<<<", l2, NULL, &m), DS_OK);
    T_EQ_STR(m.surname, "VAN DER BERG");
    T_EQ_STR(m.given_names, "ANNA MARIA");
    T_CHECK(!m.name_truncated);
    T_EQ_INT(parse3("P<UTOSINGLENAME<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", l2, NULL, &m), DS_OK);
    T_EQ_STR(m.surname, "SINGLENAME");
    T_EQ_STR(m.given_names, "");
    T_EQ_INT(parse3("P<UTOABCDEFGHIJKLMNOPQRST<<UVWXYZABCDEFGHIJK", l2, NULL, &m), DS_OK);
    T_CHECK(m.name_truncated);
    T_CHECK(m.valid);
    T_EQ_STR(m.surname, "ABCDEFGHIJKLMNOPQRST");
    T_EQ_STR(m.given_names, "UVWXYZABCDEFGHIJK");
    /* A digit in a name is outside the grammar of plain text. */
    T_EQ_INT(parse3("P<UTOER1KSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<", l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
    T_EQ_STR(m.surname, "ER1KSSON");
}

static void sex_values(void)
{
    ds_mrz m;
    char l2[45];
    td3_line2(l2, "L898902C3", "UTO", "740812", '<', "120415", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.sex, "X");
    td3_line2(l2, "L898902C3", "UTO", "740812", 'X', "120415", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_STR(m.sex, "X");
    td3_line2(l2, "L898902C3", "UTO", "740812", 'M', "120415", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_EQ_STR(m.sex, "M");
    td3_line2(l2, "L898902C3", "UTO", "740812", 'Q', "120415", "", 0);
    T_EQ_INT(parse3(TD3_L1, l2, NULL, &m), DS_OK);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
    T_EQ_STR(m.sex, "");
}

static void wrong_check_digits(void)
{
    ds_mrz m;
    /* Personal-number check digit altered 1 -> 2: it and the composite fail. */
    T_EQ_INT(parse3(TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<20", NULL, &m), DS_OK);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.document_number, DS_CHECK_OK);
    T_CHECK(!m.valid);
    T_CHECK(m.format_ok);
    /* Composite alone. */
    T_EQ_INT(parse3(TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<11", NULL, &m), DS_OK);
    T_EQ_INT(m.checks.optional_data, DS_CHECK_OK);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    /* Composite '<' is no digit. */
    T_EQ_INT(parse3(TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<1<", NULL, &m), DS_OK);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
}

/* ---- repairs ---- */

static void plain_text_is_never_repaired(void)
{
    ds_mrz m;
    T_EQ_INT(parse3(TD3_L1, "L898902C36UTO74O8122F1204159ZE184226B<<<<<10", NULL, &m), DS_OK);
    T_EQ_INT(m.nrepairs, 0);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    T_EQ_STR(m.birth_date, "74O812");
    T_EQ_STR(m.lines[1], "L898902C36UTO74O8122F1204159ZE184226B<<<<<10");
}

static void repair_letter_in_date(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, TD3_L1, "L898902C36UTO74O8122F12O4I59ZE184226B<<<<<1O", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.birth_date, "1974-08-12");
    T_EQ_STR(m.expiry_date, "2012-04-15");
    T_EQ_STR(m.lines[1], TD3_L2);
    T_EQ_INT(m.nrepairs, 4);
    T_EQ_INT(m.repairs[0].line, 1);
    T_EQ_INT(m.repairs[0].pos, 15);
    T_EQ_INT(m.repairs[0].from, 'O');
    T_EQ_INT(m.repairs[0].to, '0');
    T_EQ_INT(m.repairs[3].pos, 43);
}

static void repair_digit_in_name_and_code(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, "P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", TD3_L2, NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.issuing_state, "UTO");
    T_EQ_STR(m.surname, "ERIKSSON");
    T_EQ_STR(m.given_names, "ANNA MARIA");
    T_EQ_INT(m.nrepairs, 4);
}

static void repair_prefers_second_choice(void)
{
    ocr o;
    ds_mrz m;
    /* 'O' in a date: the recogniser's second choice '3' is taken before
     * the table's '0'; the check digit then proves '0'. */
    ocr_init(&o, TD3_L1, "L898902C36UTO74O8122F1204159ZE184226B<<<<<10", NULL);
    o.ch[1][15].alt = '3';
    o.ch[1][15].alt_p = 0.3f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.birth_date, "1974-08-12");
    /* The second choice is taken when grammatical... */
    ocr_init(&o, TD3_L1, "L898902C36UTO7408I22F1204159ZE184226B<<<<<10", NULL);
    o.ch[1][17].alt = '1';
    o.ch[1][17].alt_p = 0.3f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_INT(m.nrepairs, 1);
}

static void repair_document_number_confusion(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, TD3_L1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10", NULL);
    /* Read with confidence, the O is what is printed: nothing is changed. */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    /* Doubted by the recogniser, the check digit proves it a 0. */
    o.ch[1][5].p = 0.6f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "L898902C3");
    T_EQ_INT(m.nrepairs, 1);
    T_EQ_INT(m.repairs[0].pos, 5);
    T_EQ_INT(m.repairs[0].from, 'O');
    T_EQ_INT(m.repairs[0].to, '0');
    /* The same text parsed plainly stays failing. */
    const char *lines[2] = {TD3_L1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"};
    T_EQ_INT(ds_mrz_parse(lines, 2, TODAY, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
}

static void repair_digit_from_second_choice_only(void)
{
    ocr o;
    ds_mrz m;
    /* 8 read as 6 in the birth date: no table maps digit to digit... */
    ocr_init(&o, TD3_L1, "L898902C36UTO7406122F1204159ZE184226B<<<<<10", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    T_EQ_INT(m.nrepairs, 0);
    /* ... a tiny second choice is ignored ... */
    o.ch[1][16].alt = '8';
    o.ch[1][16].alt_p = 0.01f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    /* ... and so is a real one on a character read with confidence ... */
    o.ch[1][16].alt_p = 0.2f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    T_EQ_INT(m.nrepairs, 0);
    /* ... but where the recogniser doubted the 6, its second choice proves
     * the repair. */
    o.ch[1][16].p = 0.7f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.birth_date, "1974-08-12");
    T_EQ_INT(m.nrepairs, 1);
}

static void tampered_birth_date_not_repaired(void)
{
    ocr o;
    ds_mrz m;
    /* 740812 changed to 750812; the check digit 2 and composite kept. */
    ocr_init(&o, TD3_L1, "L898902C36UTO7508122F1204159ZE184226B<<<<<10", NULL);
    ocr_sure_line(&o, 1);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.birth_date, "1975-08-12");
    /* Read with confidence throughout: the failure is what is printed. */
    T_CHECK(!m.misread.birth_date);
    T_CHECK(!m.misread.composite);
    /* Also when a forger writes a confusable letter in the changed date: the
     * check still fails, and the grammar repairs it does not prove are taken
     * back, so the report shows what was read. */
    ocr_init(&o, TD3_L1, "L898902C36UTO7SO8122F1204159ZE184226B<<<<<10", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.lines[1], "L898902C36UTO7SO8122F1204159ZE184226B<<<<<10");
    /* A wrong composite digit no confusion explains stays wrong. */
    ocr_init(&o, TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<13", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_EQ_INT(m.nrepairs, 0);
}

/* A number altered with its check digit kept: S80107286 -> S80307286. Its
 * 0 read with some doubt, Q alone (Q weighs 26, so +6 at weight 1) makes
 * the check pass; a letter amid digits is no proven repair, so the failing
 * check and the printed number stay (blind family defects13, 0024). */
static void stale_check_digit_not_hidden_by_a_letter(void)
{
    ocr o;
    ds_mrz m;
    char l2[45];
    td3_line2(l2, "S80107286", "UKR", "780102", 'F', "261217", "", 0);
    l2[3] = '3';
    ocr_init(&o, TD3_L1, l2, NULL);
    ocr_sure_line(&o, 1);
    o.ch[1][2].p = 0.83f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.document_number, "S80307286");
    /* The recogniser's own second choice Q changes nothing either. */
    o.ch[1][2].alt = 'Q';
    o.ch[1][2].alt_p = 0.15f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_EQ_INT(m.nrepairs, 0);
    /* A letter the recogniser read amid digits is still repaired to the
     * digit the check proves (the other way round). */
    td3_line2(l2, "S80107286", "UKR", "780102", 'F', "261217", "", 0);
    l2[2] = 'O';
    ocr_init(&o, TD3_L1, l2, NULL);
    o.ch[1][2].p = 0.6f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "S80107286");
    T_EQ_INT(m.nrepairs, 1);
}

/* Two O read for 0 in a TD1 document number: no single change satisfies
 * the document-number check and the composite, the two changes together
 * are the only set that does. */
static void joint_repair_of_confusions(void)
{
    ocr o;
    ds_mrz m;
    /* Read with confidence, the O are left alone: nothing proves them. */
    ocr_init(&o, "I<UTOXY7O47K3O8<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<4",
             "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    /* Doubted by the recogniser, they are repaired together. */
    o.ch[0][8].p = 0.6f;
    o.ch[0][13].p = 0.7f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.lines[0], "I<UTOXY7047K308<<<<<<<<<<<<<<<");
    T_EQ_INT(m.nrepairs, 2);
    T_EQ_STR(m.document_number, "XY7047K30");
    /* The same read with a changed birth date is not made valid. */
    ocr_init(&o, "I<UTOXY7O47K3O8<<<<<<<<<<<<<<<", "7508122F1204159UTO<<<<<<<<<<<4",
             "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    o.ch[0][8].p = 0.6f;
    o.ch[0][13].p = 0.7f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.valid);
    T_EQ_INT(m.checks.birth_date, DS_CHECK_FAIL);
}

/* With more confusable characters than the search may weigh, other sets of
 * changes could satisfy the checks as well: nothing is changed and the
 * failing check stays visible. The eleven doubted O amid digits are open to
 * their 0 (a digit read amid digits is not open to a letter, so digits
 * cannot fill the test). */
static void joint_repair_refused_when_too_open(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, "I<IRLO3O3O3O8O0O6O1O8O7O8O<<<<", "9405136F2710051IRL<<<<<<<<<<<3",
             "MACDONALD<<MARY<ANN<EMILY<<<<<");
    for (int i = 5; i < 30; i++)
        o.ch[0][i].p = 0.5f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
}

/* A digit changed on the document, old check digit kept: a confidently read
 * '1' is not turned into an 'I' to make the check pass (recall bench,
 * 0030-mrva: 381374644 changed to 381274644). */
static void confident_characters_never_repaired(void)
{
    ocr o;
    ds_mrz m;
    char l2[45];
    /* Check digit 0 belongs to 381374644 (and to 38I274644); the document
     * reads 381274644. */
    snprintf(l2, sizeof l2, "%s", "3812746440UTO7408122F1204159<<<<<<<<<<<<<<<<");
    ocr_init(&o, "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", l2, NULL);
    ocr_sure_line(&o, 1);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.document_number, "381274644");
}

/* Names cut at a word boundary or surnames that leave no room for given
 * names are marked as possibly truncated; a name with room to spare is not. */
static void name_truncation_forms(void)
{
    ds_mrz m;
    const char *full[2] = {"P<UTOABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJK<<", TD3_L2};
    T_EQ_INT(ds_mrz_parse(full, 2, TODAY, &m), DS_OK);
    T_CHECK(m.name_truncated);
    T_EQ_STR(m.given_names, "");
    const char *word[2] = {"P<UTOSMITH<<ANNA<MARIA<BERNADETTE<CLAUDIA<X<", TD3_L2};
    T_EQ_INT(ds_mrz_parse(word, 2, TODAY, &m), DS_OK);
    T_CHECK(m.name_truncated);
    const char *roomy[2] = {TD3_L1, TD3_L2};
    T_EQ_INT(ds_mrz_parse(roomy, 2, TODAY, &m), DS_OK);
    T_CHECK(!m.name_truncated);
}

static void ambiguous_repair_not_applied(void)
{
    ocr o;
    ds_mrz m;
    /* True number XAB001234 (check 0) read XAB0O1234: reading the 0 at
     * position 3 as O passes the check as well as the O at 4 as 0, and the
     * composite cannot tell them apart either. */
    ocr_init(&o, TD3_L1, "XAB0O12340UTO7408122F1204159<<<<<<<<<<<<<<00", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_CHECK(!m.valid);
    T_EQ_INT(m.nrepairs, 0);
    T_EQ_STR(m.document_number, "XAB0O1234");
    /* With the true reading, it is valid. */
    ocr_init(&o, TD3_L1, "XAB0012340UTO7408122F1204159<<<<<<<<<<<<<<00", NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
}

static void repair_count_is_bounded(void)
{
    ocr o;
    ds_mrz m;
    /* Twenty digits where letters belong: only the first 16 are repaired. */
    ocr_init(&o, "P<UTO00000000000000000000<<ANNA<<<<<<<<<<<<<", TD3_L2, NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_EQ_INT(m.nrepairs, DS_MRZ_MAX_REPAIRS);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
}

static void repair_td1_composite_via_optional_data(void)
{
    ocr o;
    ds_mrz m;
    /* LVA card, optional data 121282<88882 read with B for the fourth 8: the
     * composite is the only check over it and one substitution fixes it. */
    ocr_init(&o, "I<LVAPA99929216121282<888B2<<<", "8212122M1703054LVA<<<<<<<<<<<0",
             "PARAUDZINS<<ANDRIS<<<<<<<<<<<<");
    o.ch[0][25].p = 0.7f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.optional_data, "121282<88882");
    T_EQ_INT(m.nrepairs, 1);
}

/* ---- bad input ---- */

static void bad_input(void)
{
    ds_mrz m;
    memset(&m, 0x5a, sizeof m);
    const char *four[4] = {TD3_L1, TD3_L2, TD3_L1, TD3_L2};
    T_EQ_INT(ds_mrz_parse(four, 4, TODAY, &m), DS_ERR_MRZ_LENGTH);
    T_EQ_INT(m.nrepairs, 0x5a5a5a5a); /* untouched on failure */
    T_EQ_INT(ds_mrz_parse(four, 1, TODAY, &m), DS_ERR_MRZ_LENGTH);
    T_EQ_INT(ds_mrz_parse(four, 0, TODAY, &m), DS_ERR_MRZ_LENGTH);
    T_EQ_INT(ds_mrz_parse(NULL, 0, TODAY, &m), DS_ERR_MRZ_LENGTH);
    T_EQ_INT(ds_mrz_parse(four, -1, TODAY, &m), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse(NULL, 2, TODAY, &m), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse(four, 2, TODAY, NULL), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse(four, 2, 0, &m), DS_ERR_USAGE);
    const char *nul[2] = {TD3_L1, NULL};
    T_EQ_INT(ds_mrz_parse(nul, 2, TODAY, &m), DS_ERR_USAGE);
    const char *empty[2] = {"", ""};
    T_EQ_INT(ds_mrz_parse(empty, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    const char *mixed[2] = {TD3_L1, "D231458907UTO7408122F1204159<<<<<<<6"};
    T_EQ_INT(ds_mrz_parse(mixed, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    const char *shortl[2] = {TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<1"};
    T_EQ_INT(ds_mrz_parse(shortl, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    const char *longl[2] = {TD3_L1, "L898902C36UTO7408122F1204159ZE184226B<<<<<10<<<<<<<<<<<<<<<<"};
    T_EQ_INT(ds_mrz_parse(longl, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    const char *td1x2[2] = {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6"};
    T_EQ_INT(ds_mrz_parse(td1x2, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    /* An embedded NUL shortens the line. */
    char withnul[45];
    memcpy(withnul, TD3_L2, 45);
    withnul[20] = '\0';
    const char *nulline[2] = {TD3_L1, withnul};
    T_EQ_INT(ds_mrz_parse(nulline, 2, TODAY, &m), DS_ERR_MRZ_LENGTH);
    /* Bytes outside printable ASCII are refused. */
    char hi[45];
    memcpy(hi, TD3_L2, 45);
    hi[3] = (char)0xc3;
    const char *hiline[2] = {TD3_L1, hi};
    T_EQ_INT(ds_mrz_parse(hiline, 2, TODAY, &m), DS_ERR_MRZ_FORMAT);
    hi[3] = '\t';
    T_EQ_INT(ds_mrz_parse(hiline, 2, TODAY, &m), DS_ERR_MRZ_FORMAT);
    /* Lower case parses, not valid, kept as read. */
    const char *lower[2] = {"p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<", TD3_L2};
    T_EQ_INT(ds_mrz_parse(lower, 2, TODAY, &m), DS_OK);
    T_CHECK(!m.format_ok);
    T_CHECK(!m.valid);
    T_EQ_STR(m.surname, "eriksson");
    const char *lower2[2] = {TD3_L1, "l898902c36uto7408122f1204159ze184226b<<<<<10"};
    T_EQ_INT(ds_mrz_parse(lower2, 2, TODAY, &m), DS_OK);
    T_EQ_INT(m.checks.document_number, DS_CHECK_FAIL);
    T_EQ_INT(m.checks.composite, DS_CHECK_FAIL);
    T_CHECK(!m.valid);

    /* The OCR entry point. */
    ocr o;
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    o.ch[1][7].c = '\0';
    T_EQ_INT(ocr_parse(&o, &m), DS_ERR_MRZ_FORMAT);
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    o.ch[1][7].alt = (char)0xff; /* an unusable second choice is ignored */
    o.ch[1][7].alt_p = 0.9f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    o.lens[1] = 45;
    T_EQ_INT(ocr_parse(&o, &m), DS_ERR_MRZ_LENGTH);
    o.lens[1] = -1;
    T_EQ_INT(ocr_parse(&o, &m), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse_ocr(o.rows, NULL, 2, TODAY, &m), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse_ocr(NULL, o.lens, 2, TODAY, &m), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_parse_ocr(o.rows, o.lens, 5, TODAY, &m), DS_ERR_MRZ_LENGTH);
}

/* ---- shared real-world vectors ---- */

/* Splits s at sep into at most max fields, in place; empty fields kept. */
static int split(char *s, char sep, char **f, int max)
{
    int n = 0;
    f[n++] = s;
    for (char *p = s; *p && n < max; p++) {
        if (*p == sep) {
            *p = '\0';
            f[n++] = p + 1;
        }
    }
    return n;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static void strip_fill(char *out, size_t cap, const char *s)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++)
        if (*s != '<')
            out[k++] = *s;
    out[k] = '\0';
}

/* Compares an ISO date (or raw form) with the source's YYMMDD. */
static void expect_yymmdd(const char *iso, const char *yymmdd, int row)
{
    if (!*yymmdd)
        return;
    char got[7] = "";
    if (strlen(iso) == 10)
        snprintf(got, sizeof got, "%.2s%.2s%.2s", iso + 2, iso + 5, iso + 8);
    else
        snprintf(got, sizeof got, "%s", iso);
    if (strcmp(got, yymmdd) != 0)
        T_FAIL_("row %d: date %s, want %s", row, iso, yymmdd);
}

static void expect_field(const char *got, const char *want, const char *what, int row)
{
    if (*want && strcmp(got, want) != 0)
        T_FAIL_("row %d: %s \"%s\", want \"%s\"", row, what, got, want);
}

static void realdata_mrz_vectors(void)
{
    FILE *f = fopen(DS_SHARED_DIR "/realdata/mrz-vectors.tsv", "r");
    if (!f)
        T_SKIP("../shared/realdata absent");
    char line[2048];
    int row = 0, icao = 0, other = 0;
    while (fgets(line, sizeof line, f)) {
        row++;
        if (row == 1)
            continue;
        chomp(line);
        char *col[11];
        if (split(line, '\t', col, 11) != 11) {
            T_FAIL_("row %d: not 11 columns", row);
            continue;
        }
        const char *source = col[0], *expect = col[2], *note = col[10];
        char *mrz[6];
        int n = split(col[1], '|', mrz, 6);
        bool non_icao = strstr(source, "frenchNationalId") || strstr(source, "DrivingLicense");
        ds_mrz m;
        ds_error err = ds_mrz_parse((const char *const *)mrz, n, TODAY, &m);

        if (non_icao) {
            other++;
            if (err == DS_OK && m.valid)
                T_FAIL_("row %d: non-ICAO document accepted as valid", row);
            ocr o;
            ocr_init(&o, mrz[0], n > 1 ? mrz[1] : "", n > 2 ? mrz[2] : NULL);
            if (n == 2 || n == 3) {
                err = ocr_parse(&o, &m);
                if (err == DS_OK && m.valid)
                    T_FAIL_("row %d: non-ICAO document repaired into a valid MRZ", row);
            }
            continue;
        }
        icao++;
        if (strcmp(expect, "error") == 0) {
            if (err == DS_OK)
                T_FAIL_("row %d: parsed, want an error", row);
            continue;
        }
        if (strcmp(expect, "valid-after-ocr-cleanup") == 0)
            continue; /* junk lines around the MRZ: not this module's job */
        if (err != DS_OK) {
            T_FAIL_("row %d: %s", row, ds_error_name(err));
            continue;
        }
        if (strcmp(expect, "valid-after-autocorrect") == 0) {
            if (m.valid || m.nrepairs != 0)
                T_FAIL_("row %d: plain text parsed valid or repaired", row);
            ocr o;
            ocr_init(&o, mrz[0], mrz[1], n > 2 ? mrz[2] : NULL);
            err = ocr_parse(&o, &m);
            if (err != DS_OK || !m.valid) {
                T_FAIL_("row %d: not valid after OCR repair", row);
                continue;
            }
        } else if (!strcmp(expect, "warnings")) {
            /* The source asserts its warning list only; the expiry check
             * digits of these rows do not match their changed expiry dates. */
            if (m.valid || m.checks.expiry_date != DS_CHECK_FAIL)
                T_FAIL_("row %d: expiry check digit accepted", row);
        } else if (!strcmp(expect, "true") || !strcmp(expect, "true-expired") ||
                   !strcmp(expect, "false-expired")) {
            if (!m.valid)
                T_FAIL_("row %d: not valid, want valid", row);
        } else if (!strcmp(expect, "false")) {
            bool uto_opinion = strstr(note, "UTO is not accepted") || strstr(note, "UTO not accepted");
            if (m.valid != uto_opinion)
                T_FAIL_("row %d: valid %d, want %d", row, m.valid, uto_opinion);
        }
        char want_doc[32];
        strip_fill(want_doc, sizeof want_doc, col[3]);
        expect_field(m.document_number, want_doc, "document_number", row);
        expect_yymmdd(m.birth_date, col[4], row);
        expect_yymmdd(m.expiry_date, col[5], row);
        expect_field(m.surname, col[6], "surname", row);
        expect_field(m.given_names, col[7], "given_names", row);
        expect_field(m.nationality, col[8], "nationality", row);
        expect_field(m.sex, col[9], "sex", row);
    }
    fclose(f);
    printf("  %d ICAO rows, %d non-ICAO rows\n", icao, other);
    T_CHECK(icao > 30);
}

static void realdata_check_digit_vectors(void)
{
    FILE *f = fopen(DS_SHARED_DIR "/realdata/mrz-checkdigit-vectors.tsv", "r");
    if (!f)
        T_SKIP("../shared/realdata absent");
    char line[1024];
    int row = 0, used = 0;
    while (fgets(line, sizeof line, f)) {
        row++;
        if (row == 1)
            continue;
        chomp(line);
        char *col[4];
        if (split(line, '\t', col, 4) != 4) {
            T_FAIL_("row %d: not 4 columns", row);
            continue;
        }
        const char *in = col[1], *want = col[2];
        int got = ds_mrz_check_digit(in, (int)strlen(in));
        int expect;
        if (strncmp(want, "=check(", 7) == 0) {
            char inner[64];
            snprintf(inner, sizeof inner, "%s", want + 7);
            char *close = strchr(inner, ')');
            if (close)
                *close = '\0';
            expect = ds_mrz_check_digit(inner, (int)strlen(inner));
        } else if (*want == '\0') {
            expect = -1;
        } else {
            expect = atoi(want);
        }
        if (got != expect)
            T_FAIL_("row %d: check digit of \"%s\" is %d, want %d", row, in, got, expect);
        used++;
    }
    fclose(f);
    T_CHECK(used >= 15);
}

/*
 * A reading whose checks all pass may still hold doubted O's amid the digits
 * of a document number where O and 0 weigh alike for the check (Canada's
 * specimen, ZE000509 read ZE00O5O9: weights 3 and 7). The field prior then
 * decides: the digits, listed as repairs. Read with confidence, O's still go
 * to the prior (OCR-B's O and 0 differ only in proportions, which prints
 * vary), and the number is unsure; other look-alike letters read with
 * confidence stay (what is printed).
 */
static void valid_reading_field_prior(void)
{
    char l2[45];
    td3_line2(l2, "ZE000509", "CAN", "850101", 'F', "230114", "", 0);
    ocr o;
    ds_mrz m;
    ocr_init(&o, "P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<", l2, NULL);
    o.ch[1][4] = (ds_mrz_char){'O', 0.36f, 'D', 0.23f, 0, 0, 0.0f};
    o.ch[1][6] = (ds_mrz_char){'O', 0.57f, '0', 0.25f, 0, 0, 0.0f};
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "ZE000509");
    T_EQ_INT(m.nrepairs, 2);
    /* Confident O's: decided by the prior, and said so. */
    o.ch[1][4].p = 0.95f;
    o.ch[1][6].p = 0.95f;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "ZE000509");
    T_EQ_INT(m.nrepairs, 2);
    T_CHECK(m.repairs[0].prior && m.repairs[1].prior);
    T_CHECK(m.number_unsure);
    /* Confident B's (8 at weights 7 and 3: 30 apart) are what is printed. */
    td3_line2(l2, "ZE088509", "CAN", "850101", 'F', "230114", "", 0);
    l2[3] = l2[4] = 'B';
    ocr_init(&o, "P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<", l2, NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "ZE0BB509");
    T_EQ_INT(m.nrepairs, 0);
    T_CHECK(!m.number_unsure);
    /* Doubted, or with the digit as second choice, they go to the prior. */
    o.ch[1][3] = (ds_mrz_char){'B', 0.7f, '8', 0.2f, 0, 0, 0.0f};
    o.ch[1][4] = (ds_mrz_char){'B', 0.92f, '8', 0.06f, 0, 0, 0.0f};
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid);
    T_EQ_STR(m.document_number, "ZE088509");
}

/* The name has no check digit: a letter the recogniser could not tell from
 * another makes the name unsure, and so does any digit read in it, however
 * confident (no name holds a digit: the letter the grammar makes of it is a
 * guess); a letter with a digit second and a clean read are sure. */
static void name_unsure_from_doubt(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.name_unsure);
    o.ch[0][11] = (ds_mrz_char){'O', 0.52f, '0', 0.43f, 0, 0, 0.0f}; /* an O, 0 second */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.name_unsure);
    T_EQ_STR(m.surname, "ERIKSSON");
    /* The same O read as a 0 first (the grammar folds it back to O). */
    o.ch[0][11] = (ds_mrz_char){'0', 0.46f, 'O', 0.43f, 0, 0, 0.0f}; /* ERIKSS0N */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.name_unsure);
    T_EQ_STR(m.surname, "ERIKSSON");
    /* A B read as a confident 0 (pe_98_pass-nld, a low-resolution model):
     * folded into O, a wrong letter, which only the doubt reports. */
    o.ch[0][11] = (ds_mrz_char){'0', 0.96f, '8', 0.03f, 0, 0, 0.0f};
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.name_unsure);
    T_CHECK(m.name_min_p < DS_MRZ_NAME_SURE_P);
    T_CHECK(m.valid); /* the checks do not read the name */
    o.ch[0][11] = (ds_mrz_char){'O', 1.0f, 0, 0, 0, 0, 0.0f};
    o.ch[0][15] = (ds_mrz_char){'H', 0.35f, 'N', 0.31f, 0, 0, 0.0f}; /* HNNA: H or N */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.name_unsure);
    T_CHECK(m.valid); /* the checks do not read the name */
    o.ch[0][15] = (ds_mrz_char){'R', 0.37f, '4', 0.23f, 0, 0, 0.0f}; /* little belief in any letter */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.name_unsure);
    /* Plain text carries no doubt. */
    const char *lines[2] = {TD3_L1, TD3_L2};
    T_EQ_INT(ds_mrz_parse(lines, 2, TODAY, &m), DS_OK);
    T_CHECK(!m.name_unsure);
}

/* The document number's check passes one misreading in ten: a number with
 * a character the recogniser could not tell from another is unsure even
 * when the check passes; doubt elsewhere, or a clean read, leaves it sure. */
static void number_unsure_from_doubt(void)
{
    ocr o;
    ds_mrz m;
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid && !m.number_unsure);
    o.ch[1][15] = (ds_mrz_char){'0', 0.35f, '8', 0.30f, 0, 0, 0.0f}; /* in the birth date */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.number_unsure);
    o.ch[1][15] = (ds_mrz_char){'0', 0.95f, 0, 0.0f, 0, 0, 0.0f};
    o.ch[1][2] = (ds_mrz_char){'9', 0.55f, '8', 0.30f, 0, 0, 0.0f}; /* L8?8902C3: 9 or 8 */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.valid && m.number_unsure);
    T_EQ_STR(m.document_number, "L898902C3");
    o.ch[1][2] = (ds_mrz_char){'9', 0.3f, 0, 0.0f, 0, 0, 0.0f}; /* little belief */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.number_unsure);
    o.ch[1][2] = (ds_mrz_char){'9', 0.95f, 0, 0.0f, 0, 0, 0.0f};
    o.ch[1][9] = (ds_mrz_char){'6', 0.5f, '5', 0.4f, 0, 0, 0.0f}; /* its check digit */
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(m.number_unsure);
    /* Plain text carries no doubt. */
    const char *lines[2] = {TD3_L1, TD3_L2};
    T_EQ_INT(ds_mrz_parse(lines, 2, TODAY, &m), DS_OK);
    T_CHECK(!m.number_unsure);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"check_digit_vectors", check_digit_vectors},
        {"number_unsure_from_doubt", number_unsure_from_doubt},
        {"type_names", type_names},
        {"td1_specimen", td1_specimen},
        {"td2_specimen", td2_specimen},
        {"td3_specimen", td3_specimen},
        {"mrva_specimen", mrva_specimen},
        {"mrvb_specimen", mrvb_specimen},
        {"german_d_filler", german_d_filler},
        {"empty_personal_number", empty_personal_number},
        {"td1_long_document_number", td1_long_document_number},
        {"td2_long_document_number", td2_long_document_number},
        {"clean_reads_are_not_repaired", clean_reads_are_not_repaired},
        {"td1_optional_data", td1_optional_data},
        {"century_rules", century_rules},
        {"invalid_and_unknown_dates", invalid_and_unknown_dates},
        {"names", names},
        {"sex_values", sex_values},
        {"wrong_check_digits", wrong_check_digits},
        {"plain_text_is_never_repaired", plain_text_is_never_repaired},
        {"repair_letter_in_date", repair_letter_in_date},
        {"repair_digit_in_name_and_code", repair_digit_in_name_and_code},
        {"repair_prefers_second_choice", repair_prefers_second_choice},
        {"repair_document_number_confusion", repair_document_number_confusion},
        {"repair_digit_from_second_choice_only", repair_digit_from_second_choice_only},
        {"tampered_birth_date_not_repaired", tampered_birth_date_not_repaired},
        {"stale_check_digit_not_hidden_by_a_letter", stale_check_digit_not_hidden_by_a_letter},
        {"ambiguous_repair_not_applied", ambiguous_repair_not_applied},
        {"name_truncation_forms", name_truncation_forms},
        {"confident_characters_never_repaired", confident_characters_never_repaired},
        {"joint_repair_of_confusions", joint_repair_of_confusions},
        {"joint_repair_refused_when_too_open", joint_repair_refused_when_too_open},
        {"repair_count_is_bounded", repair_count_is_bounded},
        {"repair_td1_composite_via_optional_data", repair_td1_composite_via_optional_data},
        {"valid_reading_field_prior", valid_reading_field_prior},
        {"name_unsure_from_doubt", name_unsure_from_doubt},
        {"bad_input", bad_input},
        {"realdata_mrz_vectors", realdata_mrz_vectors},
        {"realdata_check_digit_vectors", realdata_check_digit_vectors},
    };
    return T_RUN(cases);
}
