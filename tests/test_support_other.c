/*
 * Unit tests of the dates of a page of unknown kind (issue 15): a page no
 * type's words name is checked where it is a person's record
 * (src/check/supother.c), never where it is not (a leaflet) or where it
 * reads as an identity document; numeric dates with a two-digit year
 * under a date's label (support_date.c, support_fields.c); a certificate's
 * place and date joined by "a" (support_place.c); a weekday beside a date
 * read surely (src/check/supweekday.c). Pages built word by word, as OCR
 * gives them (after heldout13's pages 0008, 0018, 0022, 0036, 0048, 0062,
 * whose defects were missed before these rules).
 *
 * date15 (after heldout14's 0005, 0013, 0034 and heldout13's 0010): a
 * statement's own date label on a page of unknown kind (its age checked);
 * a numeric date whose slashes were lost ("21 03 2027"); a sentence that
 * issues the page ("Se expide la presente en Monterrey, el ...").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

/* A case of Mehwish Siddiqui born birth. */
static void make_case(ds_case *c, const char *birth)
{
    char json[512];
    snprintf(json, sizeof json,
             "{\"case_id\":\"C-T\",\"surname\":\"Siddiqui\",\"given_names\":\"Mehwish\","
             "\"birth_date\":\"%s\",\"application_date\":\"2026-11-01\"}",
             birth);
    *c = sup_case(json);
}

/* The page of lines read as OCR gives it into sp (its words in t), marked
 * read as the scanner marks a page it read. */
static void read_lines(page *p, const char *const *lines, ds_sup_text *t, ds_sup_page *sp)
{
    sup_lines(p, lines);
    sup_read_page(p, t, sp);
    sp->read = true;
}

/* A school's transfer record (no type's title), its pupil's name and
 * birth date under labels, its date of issue as printed. */
static void pupil_page(page *p, const char *name, const char *birth, const char *issue)
{
    char line[160];
    add_line(p, "Government Islamia High School");
    add_line(p, "Islamabad 44000 Tel: +234 1461 7720");
    add_line(p, "TRANSFER RECORD");
    add_line(p, "Admission No. 48568 Serial No. 422");
    snprintf(line, sizeof line, "1. Name : %s", name);
    add_line(p, line);
    add_line(p, "2. Nationality : Pakistani");
    snprintf(line, sizeof line, "3. Date of birth : %s", birth);
    add_line(p, line);
    add_line(p, "4. Conduct and character : Good");
    snprintf(line, sizeof line, "Date of issue: %s", issue);
    add_line(p, line);
    add_line(p, "A. Ojo Class Teacher");
}

static void t_other_birth_date(void)
{
    ds_case c;
    make_case(&c, "1969-03-14");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    memset(&p, 0, sizeof p);
    pupil_page(&p, "Mehwish Siddiqui", "05/10/1967", "31st day of May 2026");
    sup_read_page(&p, &t, &sp);
    /* A page of wording no type knows (class14 now reads this one as a
     * school certificate): left `other`, as the next unseen wording is. */
    sp.cls.type = DS_PC_OTHER;
    sp.read = true;
    /* The pupil named under a holder's label, the date read clearly under
     * its own: high, as on a typed page. */
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH), DS_SEV_HIGH);
    make_case(&c, "1967-10-05");
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH), 0);
    ds_sup_text_free(&t);

    /* The pupil's name misread past the holder's label, but the
     * applicant's names among the page's words: a warning. */
    make_case(&c, "1969-03-14");
    memset(&p, 0, sizeof p);
    pupil_page(&p, "Mehwish Siddiaui", "05/10/1967", "31st day of May 2026");
    add_line(&p, "Copy to: Mehwish Siddiqui");
    sup_read_page(&p, &t, &sp);
    sp.read = true;
    int sev = sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH);
    T_CHECK(sev == DS_SEV_WARNING || sev == DS_SEV_HIGH);
    ds_sup_text_free(&t);
}

static void t_other_future_two_digit_year(void)
{
    ds_case c;
    make_case(&c, "1967-10-05");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    memset(&p, 0, sizeof p);
    pupil_page(&p, "Mehwish Siddiqui", "05/10/1967", "22/08/27");
    sup_read_page(&p, &t, &sp);
    sp.read = true;
    const ds_sup_field *f = ds_sup_find(&sp, DS_SF_ISSUE_DATE);
    T_CHECK(f != NULL);
    if (f) {
        T_EQ_STR(f->norm, "2027-08-22");
        T_CHECK(f->short_year);
    }
    /* A two-digit year's century was placed: a warning. */
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_FUTURE), DS_SEV_WARNING);
    ds_sup_text_free(&t);

    /* A bare "Date:" on a page of unknown kind may be an appointment's. */
    static const char *const slip[] = {
        "Islamia Welfare Society",
        "Name : Mehwish Siddiqui",
        "Date: 14 March 2027",
        "Please bring this slip with you.",
        NULL};
    read_lines(&p, slip, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_FUTURE), 0);
    ds_sup_text_free(&t);
}

static void t_not_a_record(void)
{
    ds_case c;
    make_case(&c, "1969-03-14");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    /* A leaflet: no one of the case named, no labelled birth date. */
    static const char *const leaflet[] = {
        "Spring Fair at the Town Hall",
        "Date of issue: 14 March 2027",
        "Doors open Monday 14 March 2027 at ten",
        "Everyone welcome. Entry free.",
        NULL};
    read_lines(&p, leaflet, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_FUTURE), 0);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_WEEKDAY_MISMATCH), 0);
    ds_sup_text_free(&t);

    /* An identity page read as text (its MRZ missed): not checked here. */
    static const char *const passport[] = {
        "PASSPORT",
        "Surname SIDDIQUI",
        "Given names MEHWISH",
        "Nationality PAKISTANI",
        "Date of birth 05/10/1967",
        "Date of expiry 12/01/2030",
        NULL};
    read_lines(&p, passport, &t, &sp);
    if (sp.cls.type == DS_PC_OTHER)
        T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH), 0);
    ds_sup_text_free(&t);
}

static void t_other_weekday(void)
{
    ds_case c;
    make_case(&c, "1986-10-26");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    /* A letter of a wording no type knows, read as well as a text layer:
     * on a page of unknown kind a warning, never high. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 20, "Harmattan Agro-Allied Industries Ltd.", 99);
    add_line_at(&p, 100, 20, "Ref. No. EST/2026/3173 Date: Fri 22.04.2026", 99);
    add_line_at(&p, 100, 20, "To whom it may concern: Mehwish Siddiqui, born on 26-Oct-1986,", 99);
    add_line_at(&p, 100, 20, "has been with us since 2018 as a field supervisor.", 99);
    sup_read_page(&p, &t, &sp);
    sp.read = true;
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_WEEKDAY_MISMATCH), DS_SEV_WARNING);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH), 0);
    ds_sup_text_free(&t);
}

/* A weekday beside a date read surely (96): a warning even where one digit
 * read as its look-alike would give the weekday ("16" read for "13");
 * read less surely (90), a misreading as likely: nothing. */
static void t_weekday_sure(void)
{
    static page p;
    static ds_sup_text t;
    for (int k = 0; k < 2; k++) {
        memset(&p, 0, sizeof p);
        float conf = k == 0 ? 96 : 90;
        add_line_at(&p, 100, 20, "SALARY CERTIFICATE", 97);
        add_line_at(&p, 100, 20, "Date: Tue 16-Oct-2026", conf);
        build(&p, &t);
        static ds_flags flags;
        memset(&flags, 0, sizeof flags);
        ds_check_support_weekday(&t, 0, &flags);
        T_EQ_INT(flags.count, k == 0 ? 1 : 0);
        if (flags.count)
            T_EQ_INT(flags.item[0].severity, DS_SEV_WARNING);
        ds_sup_text_free(&t);
    }
}

static void t_numeric_two_digit_year(void)
{
    char iso[11], alt[11];
    T_EQ_INT(ds_sup_parse_numeric_yy("14/03/23", DS_SUP_ORDER_UNKNOWN, 2026, false, iso, alt),
             DS_SUP_DATE_OK);
    T_EQ_STR(iso, "2023-03-14");
    T_EQ_INT(ds_sup_parse_numeric_yy("06/07/85", DS_SUP_ORDER_UNKNOWN, 2026, false, iso, alt),
             DS_SUP_DATE_AMBIGUOUS);
    T_EQ_STR(iso, "1985-07-06");
    T_EQ_STR(alt, "1985-06-07");
    T_EQ_INT(ds_sup_parse_numeric_yy("06.07.30", DS_SUP_ORDER_UNKNOWN, 2026, true, iso, alt),
             DS_SUP_DATE_OK);
    T_EQ_STR(iso, "1930-07-06"); /* a birth is not in the future */
    T_EQ_INT(ds_sup_parse_numeric_yy("02/08/27,", DS_SUP_ORDER_DMY, 2026, false, iso, alt),
             DS_SUP_DATE_OK);
    T_EQ_STR(iso, "2027-08-02");
    static const char *const none[] = {"14/03/2023", "14/03-23", "12/34/56", "1/2/3", "14/03/23x",
                                       "HR/26/3", "", NULL};
    for (int i = 0; none[i]; i++)
        T_EQ_INT(ds_sup_parse_numeric_yy(none[i], DS_SUP_ORDER_DMY, 2026, false, iso, alt),
                 DS_SUP_DATE_NONE);
    T_EQ_INT(ds_sup_parse_numeric_yy("14/03/23", DS_SUP_ORDER_DMY, 0, false, iso, alt),
             DS_SUP_DATE_NONE);

    /* Under a date's label, on a birth certificate: issued before the
     * birth, a warning (the century was placed). */
    ds_case c;
    make_case(&c, "1991-05-04");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    static const char *const birth_cert[] = {
        "St. Gerard's Catholic Hospital",
        "CERTIFICATE OF LIVE BIRTH",
        "1. Name of child Mehwish Siddiqui",
        "3. Sex Female",
        "7. Name of mother Amina Siddiqui",
        "8. Name of father Tariq Siddiqui",
        "Certified that the above particulars are true copies of the entries in the birth",
        "register of this hospital.",
        "Date of issue: 06/07/85",
        "K. Deshmukh Medical Records Officer",
        NULL};
    read_lines(&p, birth_cert, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BIRTH_CERTIFICATE);
    T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_ISSUED_BEFORE_BIRTH), DS_SEV_WARNING);
    ds_sup_text_free(&t);
}

/* "Guadalajara, Jal., a 11 de septiembre de 1955": a place and its date
 * joined by "a", the certificate's date of issue. */
static void t_place_date_a(void)
{
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    static const char *const acta[] = {
        "Registro Civil - Oficialía 12",
        "ACTA DE NACIMIENTO",
        "Nombre ALEJANDRO NÚÑEZ",
        "Fecha de nacimiento 19 de agosto de 1959",
        "Lugar de nacimiento Guadalajara, Jalisco",
        "Guadalajara, Jal., a 11 de septiembre de 1955",
        "C. Oficial del Registro Civil",
        NULL};
    sup_lines(&p, acta);
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "1955-09-11");
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1959-08-19");
    ds_sup_text_free(&t);
}

/* An invoice of a wording no type knows (classified other), naming the
 * applicant, its "Invoice date" a statement's: its age is checked. */
static void t_other_statement_old(void)
{
    ds_case c;
    make_case(&c, "1967-10-05");
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    for (int k = 0; k < 2; k++) {
        memset(&p, 0, sizeof p);
        add_line(&p, "Marmara Perakende A.S. | SIDDIQUI Mehwish");
        add_line(&p, k == 0 ? "INVOICE 794369062 Invoice date: 01/09/2025"
                            : "INVOICE 794369062 Invoice date: 01/10/2026");
        add_line(&p, "Customer reference: REF-20250901-45");
        add_line(&p, "Fibre 300/100 plan 76.23");
        sup_read_page(&p, &t, &sp);
        sp.cls.type = DS_PC_OTHER;
        sp.read = true;
        T_EQ_INT(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_STATEMENT_OLD), k == 0 ? DS_SEV_WARNING : 0);
        ds_sup_text_free(&t);
    }
}

/* "Minh, 21 03 2027": the slashes of a letter's place and date lost; the
 * date is read (day and month of two digits each, a four-digit year) and
 * lies in the future. Numbers that are no such date stay none. */
static void t_date_slashes_lost(void)
{
    char iso[11], alt[11];
    T_EQ_INT(ds_sup_parse_date("21 03 2027", DS_SUP_ORDER_UNKNOWN, iso, alt), DS_SUP_DATE_OK);
    T_EQ_STR(iso, "2027-03-21");
    static const char *const none[] = {"1 3 2027", "21 3 2027", "471 353 302", "20 79 4609",
                                       "12 34 2026", NULL};
    for (int i = 0; none[i]; i++)
        T_EQ_INT(ds_sup_parse_date(none[i], DS_SUP_ORDER_DMY, iso, alt), DS_SUP_DATE_NONE);
    static page p;
    static ds_sup_text t;
    static ds_sup_page sp;
    memset(&p, 0, sizeof p);
    add_line(&p, "Mekong Garment Co., Ltd. | Quan 1, TP. Ho Chi Minh");
    add_line(&p, "Mehwish Siddiqui");
    add_line(&p, "| Minh, 21 03 2027");
    add_line(&p, "Re: Confirmation of employment");
    add_line(&p, "We confirm that Ms Mehwish Siddiqui has been employed by our company since 2024.");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2027-03-21");
    ds_case c;
    make_case(&c, "1967-10-05");
    T_CHECK(sup_check_severity(&sp, &t, &c, DS_FLAG_SUPPORT_DATE_FUTURE) >= DS_SEV_WARNING);
    ds_sup_text_free(&t);
}

/* The sentence that issues the page dates it: "Se expide la presente en
 * Monterrey, el 6 de enero de 2027", "Issued at Leeds this 3rd day of May,
 * 2026"; not a date past another field's label ("issued to ..., born
 * ..."). */
static void t_issuing_sentence(void)
{
    static const struct {
        const char *line, *expect;
    } cases[] = {
        {"Se expide la presente en Monterrey, el 6 de enero de 2027", "2027-01-06"},
        {"Issued at Leeds this 3rd day of May, 2026", "2026-05-03"},
        {"Fait a Lyon, en deux exemplaires, le 14 juillet 2026", "2026-07-14"},
        {"Monterrey, 6 de enero de 2027 PLL ONIN", "2027-01-06"}, /* a signature's strokes */
        {"This certificate is issued to Mehwish Siddiqui, born 05/10/1967 in Lahore", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        static page p;
        static ds_sup_text t;
        static ds_sup_page sp;
        memset(&p, 0, sizeof p);
        add_line(&p, "Registro Civil - Oficialia 3");
        add_line(&p, "ACTA DE MATRIMONIO");
        add_line(&p, "Se hace constar que en el libro de matrimonios se encuentra inscrito el de:");
        add_line(&p, "Jesus Nunez y Sra. Itzel Ramirez");
        add_line(&p, cases[i].line);
        if (strstr(cases[i].line, "PLL")) { /* the strokes read at 22 and 18 */
            p.w[p.n - 1].conf = 18;
            p.w[p.n - 2].conf = 22;
        }
        add_line(&p, "Juez del Registro Civil");
        sup_read_page(&p, &t, &sp);
        const ds_sup_field *f = ds_sup_find(&sp, DS_SF_ISSUE_DATE);
        if (cases[i].expect)
            sup_expect(&sp, DS_SF_ISSUE_DATE, cases[i].expect);
        else
            T_CHECK(f == NULL || strcmp(f->norm, "1967-10-05") != 0);
        ds_sup_text_free(&t);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"other_birth_date", t_other_birth_date},
        {"other_future_two_digit_year", t_other_future_two_digit_year},
        {"not_a_record", t_not_a_record},
        {"other_weekday", t_other_weekday},
        {"weekday_sure", t_weekday_sure},
        {"numeric_two_digit_year", t_numeric_two_digit_year},
        {"place_date_a", t_place_date_a},
        {"other_statement_old", t_other_statement_old},
        {"date_slashes_lost", t_date_slashes_lost},
        {"issuing_sentence", t_issuing_sentence},
    };
    return T_RUN(cases);
}
