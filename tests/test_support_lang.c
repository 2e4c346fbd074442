/*
 * Unit tests of supporting pages in Italian, Portuguese, Dutch and French
 * and of the forms that carry them (issue 15): month names and Roman
 * months (src/page/support_date.c), captions and titles of those languages
 * (support_words.c, support_class.c), a date written with its place
 * ("Lisboa, 3 de novembro de 2026", support_place.c), a birth date after the
 * place of birth, the longest caption at a position, captions in a column
 * of their own, addresses with those countries' postcodes and streets, and
 * the checks' misreadings (src/check/supcheck.c). Pages are built word by
 * word, as OCR gives them; each case failed before its rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/supcheck.h"
#include "page/support.h"
#include "page/support_values.h"
#include "sup_page.h"
#include "t.h"

/* Words of one text line at (x, y), h pixels high, read at conf. */
static void words(page *p, int line, int x, int y, int h, const char *text, float conf)
{
    sup_words(p, line, x, y, h, text, conf, false);
}

static void date_is(const char *text, const char *iso)
{
    char d[11], alt[11];
    ds_sup_date_result r = ds_sup_parse_date(text, DS_SUP_ORDER_UNKNOWN, d, alt);
    if (iso) {
        T_EQ_INT(r, DS_SUP_DATE_OK);
        T_EQ_STR(d, iso);
    } else
        T_EQ_INT(r, DS_SUP_DATE_NONE);
    if ((iso && (r != DS_SUP_DATE_OK || strcmp(d, iso))) || (!iso && r != DS_SUP_DATE_NONE))
        fprintf(stderr, "  %s -> %d %s\n", text, (int)r, d);
}

/* Months in Italian, Portuguese and Dutch; Roman months between
 * separators, with OCR's digits and letters for I among them. */
static void t_month_names_roman(void)
{
    date_is("14 luglio 1985", "1985-07-14");
    date_is("3 de novembro de 2026", "2026-11-03");
    date_is("16 de fevereiro de 1980", "1980-02-16");
    date_is("27 de março de 1955", "1955-03-27");
    date_is("5 mei 2027", "2027-05-05");
    date_is("14 juli 1985", "1985-07-14");
    date_is("27 giugno 2027", "2027-06-27");
    date_is("1 dicembre 2025", "2025-12-01");
    date_is("14/VII/1985", "1985-07-14");
    date_is("14.VII.1985", "1985-07-14");
    date_is("30/VIII/2025", "2025-08-30");
    date_is("24.X11.2025", "2025-12-24");
    date_is("26.1X. 1999", "1999-09-26");
    date_is("10.VIL.1983", "1983-07-10");
    date_is("25.V1.2019", "2019-06-25");
    /* Not Roman numerals: no separators, or no I, V or X as printed. */
    date_is("14 VII 1985", NULL);
    date_is("14.11.1985", "1985-11-14");
    date_is("14.XIV.1985", NULL);
    date_is("14.VV.1985", NULL);
}

/* Titles of those languages, and a utility's "Gas Account". */
static void t_titles(void)
{
    static const struct {
        const char *title;
        ds_page_class type;
    } cases[] = {
        {"Gas Account", DS_PC_UTILITY_BILL},
        {"Jaarnota energie", DS_PC_UTILITY_BILL},
        {"Cedolino paga", DS_PC_PAYSLIP},
        {"Rekeningafschrift", DS_PC_BANK_STATEMENT},
        {"DECLARAÇÃO DE TRABALHO", DS_PC_EMPLOYMENT_LETTER},
        {"DICHIARAZIONE DEL DATORE DI LAVORO", DS_PC_EMPLOYMENT_LETTER},
        {"CARTA DE CURSO", DS_PC_DIPLOMA},
        {"TESTAMUR", DS_PC_DIPLOMA},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        page p = {0};
        ds_sup_text t;
        words(&p, 0, 300, 200, 40, cases[k].title, 95);
        words(&p, 1, 100, 400, 20, "Ref. 2740/2026", 95);
        words(&p, 2, 100, 460, 20, "Faro, 11.11.2026", 95);
        build(&p, &t);
        ds_sup_class c;
        ds_sup_classify(&t, &c);
        if (c.type != cases[k].type)
            fprintf(stderr, "  %s -> %s\n", cases[k].title, ds_page_class_name(c.type));
        T_EQ_INT(c.type, cases[k].type);
        ds_sup_text_free(&t);
    }
}

/* Captions of Italian, Portuguese and Dutch forms, some glossed in
 * English ("Apelidos (surname)"); "Nome" beside "Cognome" holds the given
 * names. */
static void t_captions(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "CERTIDAO DE NASCIMENTO", 95);
    words(&p, 1, 100, 300, 20, "Apelidos (surname) FERNANDEZ", 95);
    words(&p, 2, 100, 340, 20, "Nomes próprios (forenames) Pierre", 95);
    words(&p, 3, 100, 380, 20, "Data de nascimento (date of birth) 14 de dezembro de 1981", 95);
    words(&p, 4, 100, 420, 20, "Pai (father) James Fernández", 95);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1981-12-14");
    sup_expect(&sp, DS_SF_NAME, "PIERRE FERNANDEZ");
    sup_expect(&sp, DS_SF_OTHER_NAME, "JAMES FERNÁNDEZ");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 500, 200, 40, "Cedolino paga", 95);
    words(&q, 1, 100, 300, 20, "Cognome : ROSSI", 95);
    words(&q, 2, 100, 340, 20, "Nome : Anna Maria", 95);
    words(&q, 3, 100, 380, 20, "Data pagamento : 27 giugno 2027", 95);
    words(&q, 4, 100, 420, 20, "Indirizzo : VIA GARIBALDI 67 - 83053 NAPOLI", 95);
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "ANNA MARIA ROSSI");
    sup_expect(&sp, DS_SF_STATEMENT_DATE, "2027-06-27");
    ds_sup_text_free(&t);

    page r = {0};
    words(&r, 0, 500, 200, 40, "Rekeningafschrift", 95);
    words(&r, 1, 100, 300, 20, "Rekeningnummer : NL52 0576 1960 9166 40", 95);
    words(&r, 2, 100, 340, 20, "Datum afschrift : 6-7-2025", 95);
    words(&r, 3, 100, 380, 20, "Nieuw saldo : -109,51 EUR", 95);
    sup_read_page(&r, &t, &sp);
    sup_expect(&sp, DS_SF_STATEMENT_DATE, "2025-07-06");
    T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
    ds_sup_text_free(&t);
}

/* An employee's caption in running text ("é trabalhador da Conservas
 * Ribeira") is no caption: its words are no name. */
static void t_role_in_prose(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "DECLARAÇÃO DE TRABALHO", 95);
    words(&p, 1, 100, 300, 20, "Declara-se que Sr. Henrik Brown, residente em", 95);
    words(&p, 2, 100, 340, 20, "Lisboa, é trabalhador da Conservas Ribeira, Lda. desde 2019.", 95);
    sup_read_page(&p, &t, &sp);
    for (int i = 0; i < sp.nfields; i++)
        T_CHECK(!(sp.f[i].id == DS_SF_NAME && strstr(sp.f[i].norm, "CONSERVAS")));
    ds_sup_text_free(&t);
}

/* A date written with its place at the foot is the date of issue; a sworn
 * translator's declaration dated so is the translation's, no issue date. */
static void t_place_and_date(void)
{
    static const char *const lines[] = {"Faro, 16 de fevereiro de 1980",
                                        "Fait à Lyon, le 14 juillet 2026",
                                        "Milano, lì 3 novembre 2026",
                                        "Given at Wyvern on 2027.01.28",
                                        "Rotterdam, 5 mei 2027"};
    static const char *const iso[] = {"1980-02-16", "2026-07-14", "2026-11-03", "2027-01-28",
                                      "2027-05-05"};
    for (int k = 0; k < 5; k++) {
        page p = {0};
        ds_sup_text t;
        ds_sup_page sp;
        words(&p, 0, 500, 200, 40, "CERTIFICATE OF POLICE RECORD", 95);
        words(&p, 1, 100, 300, 20, "We certify that a search of the records has disclosed", 95);
        words(&p, 2, 100, 340, 20, "no convictions, cautions or warnings (NO TRACE).", 95);
        words(&p, 3, 100, 400, 20, lines[k], 95);
        sup_read_page(&p, &t, &sp);
        const ds_sup_field *f = sup_expect(&sp, DS_SF_ISSUE_DATE, iso[k]);
        if (f)
            T_EQ_STR(f->label, "place and date");
        ds_sup_text_free(&t);
    }
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "BIRTH CERTIFICATE", 95);
    words(&p, 1, 100, 300, 20, "Surname: WOJCIK", 95);
    words(&p, 2, 100, 400, 20, "I, Joana Ferreira, sworn translator of the Romanian language,", 95);
    words(&p, 3, 100, 440, 20, "certify that the foregoing is a true and complete translation", 95);
    words(&p, 4, 100, 480, 20, "Manchester, 17.XI.2025", 95);
    sup_read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
    ds_sup_text_free(&t);
    /* A number and a date in a row is no place, nor a caption misread and
     * "on" ("Married on" read "Mauiicd on"). */
    static const char *const no_place[] = {"payment 12, 14.07.2025", "Mauiicd on 21 Feb 2022",
                                           "Reference, 14.07.2025"};
    for (int k = 0; k < 3; k++) {
        page q = {0};
        words(&q, 0, 500, 200, 40, "BANK STATEMENT", 95);
        words(&q, 1, 100, 300, 20, no_place[k], 95);
        sup_read_page(&q, &t, &sp);
        T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
        ds_sup_text_free(&t);
    }
}

/* A birth date after the place of birth. */
static void t_born_at_place(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "TESTAMUR", 95);
    words(&p, 1, 400, 300, 20, "This is to certify that", 95);
    words(&p, 2, 400, 340, 20, "MS GRACE SCHMIDT", 95);
    words(&p, 3, 400, 380, 20, "born at Athens on 22nd of October, 2000", 95);
    words(&p, 4, 400, 420, 20, "was admitted to the degree of Master of Science", 95);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_BIRTH_DATE, "2000-10-22");
    ds_sup_text_free(&t);
}

/* The longest caption at a position: "Adresse de livraison" is the supply
 * address, not "Adresse" with the value "de livraison ...". */
static void t_longest_caption(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "Facture de gaz naturel", 95);
    words(&p, 1, 100, 300, 20, "Adresse de livraison : 12 rue des Lilas, 69003 LYON", 95);
    sup_read_page(&p, &t, &sp);
    const ds_sup_field *f = sup_expect(&sp, DS_SF_ADDRESS, "12 RUE DES LILAS, 69003 LYON");
    if (f)
        T_EQ_STR(f->label, "adresse de livraison");
    ds_sup_text_free(&t);
}

/* Captions in a column of their own, their values in another column read
 * after them (a translation's particulars): the caption under a caption
 * ("Place of birth:") is no value; the value is right of it. A stray mark
 * before a value ("Second spouse f BROWN") is no part of it. */
static void t_caption_column(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 400, 345, 30, "Issuing authority: Justis", 95);
    words(&p, 1, 408, 529, 30, "Full name:", 95);
    words(&p, 2, 406, 582, 30, "Date of birth:", 95);
    words(&p, 3, 403, 634, 30, "Place of birth:", 95);
    words(&p, 4, 396, 793, 30, "Date of issue:", 95);
    words(&p, 5, 746, 418, 40, "CRIMINAL RECORD CERTIFICATE", 95);
    words(&p, 6, 998, 555, 30, "KHAN Lukasz", 95);
    words(&p, 7, 996, 609, 30, "1994.10.10", 95);
    words(&p, 8, 993, 661, 30, "Amsterdam", 95);
    words(&p, 9, 986, 820, 30, "2026.11.14", 95);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1994-10-10");
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2026-11-14");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 400, 340, 40, "CERTIFICATE OF REGISTRATION OF MARRIAGE", 95);
    words(&q, 1, 226, 469, 30, "First spouse", 95);
    words(&q, 1, 826, 460, 30, "MULLER Thomas", 90);
    words(&q, 2, 226, 544, 30, "Second spouse", 95);
    words(&q, 2, 583, 560, 30, "f", 0);
    words(&q, 2, 829, 533, 30, "BROWN Mohammed", 95);
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "MULLER THOMAS");
    sup_expect(&sp, DS_SF_OTHER_NAME, "BROWN MOHAMMED");
    ds_sup_text_free(&t);
}

/* The addressee's block with a Portuguese title, street and postcode: the
 * address stops at its postcode line, never takes the next value. */
static void t_addresses(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 100, 100, 30, "Banco Atlantico Portugues", 95);
    words(&p, 1, 100, 200, 40, "Extrato de conta à ordem", 95);
    words(&p, 2, 100, 300, 20, "SRA. EMILY ROSE ADEYEMI", 95);
    words(&p, 3, 100, 330, 20, "Travessa das Flores, 109", 95);
    words(&p, 4, 100, 360, 20, "9303-325 PORTO", 95);
    words(&p, 5, 100, 390, 20, "1.284,00 EUR", 95);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "EMILY ROSE ADEYEMI");
    sup_expect(&sp, DS_SF_ADDRESS, "TRAVESSA DAS FLORES, 109, 9303-325 PORTO");
    ds_sup_text_free(&t);
    T_CHECK(ds_sup_postcode_word("1100-053"));
    T_CHECK(ds_sup_postcode_word("31-542"));
    T_CHECK(ds_sup_postcode_word("424064"));
    T_CHECK(!ds_sup_postcode_word("1.284,00"));
    T_CHECK(!ds_sup_postcode_word("12-3456"));
    T_CHECK(ds_sup_streetish("kerkstraat 12"));
    T_CHECK(ds_sup_streetish("bulevardul eroilor nr 51"));
    T_CHECK(!ds_sup_streetish("holland"));
}

static ds_case make_case(void)
{
    ds_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.case_id, sizeof c.case_id, "T-1");
    snprintf(c.surname, sizeof c.surname, "Müller");
    snprintf(c.given_names, sizeof c.given_names, "Grace");
    snprintf(c.birth_date, sizeof c.birth_date, "1969-03-14");
    snprintf(c.application_date, sizeof c.application_date, "2026-11-10");
    return c;
}

static int flags_of(const ds_flags *fl, ds_flag_code code)
{
    int n = 0;
    for (int i = 0; i < fl->count; i++)
        n += fl->item[i].code == code && fl->item[i].severity >= DS_SEV_WARNING;
    return n;
}

/* A birth date read unsurely with the record's day and year and another
 * month ("14.III.1969" read "14.11.1969" at 27, or at 64 with a month of
 * ones for the record's March) is a misreading, no mismatch; read
 * clearly, or another day, it is one. */
static void t_month_misread(void)
{
    static const float conf[4] = {27, 95, 27, 64};
    for (int k = 0; k < 4; k++) {
        page p = {0};
        ds_sup_text t;
        ds_sup_page sp;
        words(&p, 0, 500, 200, 40, "TESTAMUR", 95);
        words(&p, 1, 400, 300, 20, "This is to certify that", 95);
        words(&p, 2, 400, 340, 20, "MS GRACE MULLER", 95);
        words(&p, 3, 400, 380, 20, "Date of birth", 95);
        words(&p, 3, 700, 380, 20, k == 2 ? "15.11.1969" : "14.11.1969", conf[k]);
        words(&p, 4, 400, 420, 20, "was admitted to the degree of Master of Science", 95);
        sup_read_page(&p, &t, &sp);
        ds_case c = make_case();
        ds_flags fl = {0};
        ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &fl);
        T_EQ_INT(flags_of(&fl, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH), k == 0 || k == 3 ? 0 : 1);
        ds_sup_text_free(&t);
    }
}

/* A name read unsurely with no word longer than two letters ("Ie") is
 * marks read off a box, no other person; a short name read clearly is. */
static void t_short_unsure_name(void)
{
    for (int k = 0; k < 2; k++) {
        page p = {0};
        ds_sup_text t;
        ds_sup_page sp;
        words(&p, 0, 500, 200, 40, "CERTIFICATE OF MARRIAGE", 95);
        words(&p, 1, 100, 300, 20, "Surname:", 95);
        words(&p, 1, 400, 300, 20, "Ie", k ? 95 : 17);
        sup_read_page(&p, &t, &sp);
        ds_case c = make_case();
        ds_flags fl = {0};
        ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &fl);
        T_EQ_INT(flags_of(&fl, DS_FLAG_SUPPORT_NAME_MISMATCH), k);
        ds_sup_text_free(&t);
    }
}

/* The surname printed exactly and a given name two letters off in five
 * or more ("BIANCHI Thamac" for Thomas): a misreading, as a surname two
 * letters off is; another given name is another person. */
static void t_given_two_off(void)
{
    T_EQ_INT(ds_sup_name_compare("BIANCHI Thamac", "Bianchi", "Thomas"), 1);
    T_EQ_INT(ds_sup_name_compare("BIANCHI Oliver", "Bianchi", "Thomas"), 0);
    T_EQ_INT(ds_sup_name_compare("ROSSI Thamac", "Bianchi", "Thomas"), 0);
}

/* A birth certificate is the child's: another child's certificate that
 * names the applicant as a parent is another person's; the applicant's
 * own, with a parent of the same name, is not. */
static void t_applicant_as_parent(void)
{
    for (int k = 0; k < 2; k++) {
        page p = {0};
        ds_sup_text t;
        ds_sup_page sp;
        words(&p, 0, 500, 200, 40, "BIRTH CERTIFICATE", 95);
        words(&p, 1, 100, 300, 20, "Surname:", 95);
        words(&p, 1, 500, 300, 20, k ? "MULLER" : "WOJCIK", 95);
        words(&p, 2, 100, 340, 20, "Forenames:", 95);
        words(&p, 2, 500, 340, 20, k ? "Grace" : "Sofia", 95);
        words(&p, 3, 100, 380, 20, "Father:", 95);
        words(&p, 3, 500, 380, 20, "Grace Muller", 95);
        sup_read_page(&p, &t, &sp);
        ds_case c = make_case();
        c.nrelated = 1;
        snprintf(c.related[0].surname, sizeof c.related[0].surname, "Müller");
        snprintf(c.related[0].given_names, sizeof c.related[0].given_names, "Grace");
        snprintf(c.related[0].relation, sizeof c.related[0].relation, "father");
        ds_flags fl = {0};
        ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &fl);
        T_EQ_INT(flags_of(&fl, DS_FLAG_SUPPORT_NAME_MISMATCH), k ? 0 : 1);
        ds_sup_text_free(&t);
    }
}

/* A certifying sentence that goes on in small letters names no one: the
 * holder is the one in the boxes (main read "die oben genannten Angaben
 * mit den" as the holder: a name warning on a genuine bill); nor is the
 * line under it ("SWORN TRANSLATOR") a name. */
static void t_certifying_prose(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 200, 40, "IHRE JAHRESRECHNUNG STROM", 95);
    words(&p, 1, 100, 300, 20, "Familienname", 95);
    words(&p, 1, 700, 300, 20, "Vorname(n)", 95);
    words(&p, 2, 100, 340, 20, "PAPADOPOULOS", 95);
    words(&p, 2, 700, 340, 20, "James", 95);
    words(&p, 3, 100, 400, 20, "Es wird bescheinigt, dass die oben genannten Angaben mit den", 95);
    words(&p, 4, 100, 440, 20, "Eintragungen im Register übereinstimmen.", 95);
    words(&p, 5, 100, 500, 20, "I, Ioana Marin, sworn translator, certify that the foregoing is", 95);
    words(&p, 6, 100, 540, 20, "SWORN TRANSLATOR", 95);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "JAMES PAPADOPOULOS");
    for (int i = 0; i < sp.nfields; i++)
        T_CHECK(!strstr(sp.f[i].norm, "TRANSLATOR"));
    ds_sup_text_free(&t);
}

/* Dates written in words and dates led by their weekday (heldout10's
 * certificates and letters: none was read). */
static void t_dates_in_words(void)
{
    date_is("fourteenth day of July, nineteen hundred and eighty-five", "1985-07-14");
    date_is("the twenty-seventh day of March, two thousand and twenty-six", "2026-03-27");
    date_is("Twenty-fifth July 1979", "1979-07-25");
    date_is("Third March 1990", "1990-03-03");
    date_is("Eighteenth September 2026", "2026-09-18");
    date_is("third day of October, nineteen hundred and fifty-one.", "1951-10-03");
    date_is("1 May nineteen eighty-five", "1985-05-01");
    date_is("Saturday, 24 May 1980", "1980-05-24");
    date_is("Sat 27 Jan 1990", "1990-01-27");
    date_is("Sunday, January 25, 2026", "2026-01-25");
    /* A weekday only before the date; words that are no numbers. */
    date_is("24 May Saturday 1980", NULL);
    date_is("Friday", NULL);
    date_is("twenty-fifth July", NULL);
    date_is("some day of July, 1985", NULL);
    /* German, French and Spanish weekdays (heldout11's letters). */
    date_is("Freitag, 3. März 2023", "2023-03-03");
    date_is("mardi 14 mars 2023", "2023-03-14");
    date_is("jueves, 16 de julio de 1992", "1992-07-16");
    date_is("miércoles, 5 de abril de 2023", "2023-04-05");
    date_is("Sonnabend, 4. Nov. 2026", "2026-11-04");
    T_EQ_INT(ds_sup_weekday_of("Dienstag,"), 1);
    T_EQ_INT(ds_sup_weekday_of("sábado"), 5);
    T_EQ_INT(ds_sup_weekday_of("dimanche"), 6);
    /* A month's or a name's short form is no weekday: "mar" is March,
     * "Sam" a name, two letters ("Do", "So") words of their own. */
    T_EQ_INT(ds_sup_weekday_of("mar"), -1);
    T_EQ_INT(ds_sup_weekday_of("Sam"), -1);
    T_EQ_INT(ds_sup_weekday_of("So"), -1);
    date_is("mar 14 mars 2023", NULL);
    char out[64];
    T_CHECK(!ds_sup_spell_numbers("Given at Wyvern", out, sizeof out));
    T_CHECK(ds_sup_spell_numbers("the second of May", out, sizeof out));
    T_EQ_STR(out, "the 2 of May");
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"dates_in_words", t_dates_in_words},
        {"month_names_roman", t_month_names_roman},
        {"titles", t_titles},
        {"captions", t_captions},
        {"role_in_prose", t_role_in_prose},
        {"place_and_date", t_place_and_date},
        {"born_at_place", t_born_at_place},
        {"longest_caption", t_longest_caption},
        {"caption_column", t_caption_column},
        {"addresses", t_addresses},
        {"month_misread", t_month_misread},
        {"short_unsure_name", t_short_unsure_name},
        {"given_two_off", t_given_two_off},
        {"applicant_as_parent", t_applicant_as_parent},
        {"certifying_prose", t_certifying_prose},
    };
    return T_RUN(cases);
}
