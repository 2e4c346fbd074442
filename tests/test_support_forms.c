/*
 * Unit tests of reading habits for supporting pages whose wording no rule
 * was tuned on (issue 15, src/page/support_fields.c and support_lines.c):
 * a box's small caption over a value printed larger, a caption's gloss (its
 * translation under it) between the caption and its value, lines the
 * reader lists out of their order on the page, a person's caption beside a
 * given-names box holding the surname, a certifying sentence naming the
 * holder on the line under it, an unknown "Date of ..." caption, and the
 * certifying, birth and issue phrases of Spanish and of diplomas (pages
 * built word by word, as OCR gives them); and a grey photocopy read once
 * more with its background flattened (src/page/support.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "page/support.h"
#include "page/tess.h"
#include "check/supcheck.h"
#include "sup_page.h"
#include "t.h"

/* Words of one text line at (x, y), h pixels high, read at 95. */
static void words(page *p, int line, int x, int y, int h, const char *text)
{
    sup_words(p, line, x, y, h, text, 95, false);
}

/* A US-style form: each caption printed small in its box's corner, the
 * value low in the box in type twice as large, 41 px under the caption
 * (three of the caption's heights are 36). main read neither date: a
 * certificate dated in the future went unflagged. */
static void t_small_caption_far_value(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 540, 330, 31, "CERTIFICATE OF MARRIAGE");
    words(&p, 1, 193, 736, 13, "REGISTER NO.");
    words(&p, 1, 840, 738, 13, "DATE OF ISSUE");
    words(&p, 2, 198, 792, 21, "N175557670");
    words(&p, 2, 844, 792, 21, "2027-05-07");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2027-05-07");
    ds_sup_text_free(&t);

    /* The caption's value far under it beside another column's caption on
     * the right ("Tax code" listed as a line of its own at the caption's
     * height): the value under the caption is the name, not "Tax". */
    page q = {0};
    words(&q, 0, 220, 476, 38, "PAYSLIP");
    words(&q, 1, 245, 709, 22, "Employee name");
    words(&q, 2, 237, 782, 26, "EMILY ROSE PAPADOPOULOS");
    words(&q, 3, 1406, 705, 16, "Tax code");
    words(&q, 4, 1401, 778, 24, "1226L");
    words(&q, 5, 240, 1200, 22, "Net pay 1,289.55");
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "EMILY ROSE PAPADOPOULOS");
    ds_sup_text_free(&t);
}

/* A caption with its English gloss under it, the value under both
 * ("Geburtsdatum" / "date of birth" / the date): main took the gloss for
 * the next label and read no birth date. A Spanish "Nombre" glossed "given
 * names" holds the given names. */
static void t_caption_gloss(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 668, 345, 50, "FUHRUNGSZEUGNIS");
    words(&p, 1, 241, 431, 30, "Name");
    words(&p, 1, 1036, 455, 30, "Geburtsdatum");
    words(&p, 2, 308, 455, 17, "full name");
    words(&p, 2, 1153, 481, 17, "date of birth");
    words(&p, 3, 252, 505, 29, "IBRAHIM NOVAK");
    words(&p, 3, 1027, 530, 29, "27. November 1996");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1996-11-27");
    sup_expect(&sp, DS_SF_NAME, "IBRAHIM NOVAK");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 594, 480, 42, "CERTIFICADO DE MATRIMONIO");
    words(&q, 1, 248, 592, 42, "Conyuge");
    words(&q, 1, 946, 597, 16, "Nombre");
    words(&q, 2, 340, 620, 16, "spouse");
    words(&q, 2, 1027, 623, 15, "given names");
    words(&q, 3, 243, 681, 26, "KHAN");
    words(&q, 3, 938, 675, 26, "Chloé");
    words(&q, 4, 228, 759, 23, "Conyuge");
    words(&q, 4, 948, 752, 16, "Nombre");
    words(&q, 5, 341, 785, 15, "spouse");
    words(&q, 5, 1029, 778, 15, "given names");
    words(&q, 6, 243, 835, 28, "ANDERSSON");
    words(&q, 6, 941, 828, 28, "Sofia");
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "CHLOÉ KHAN");
    sup_expect(&sp, DS_SF_OTHER_NAME, "SOFIA ANDERSSON");
    ds_sup_text_free(&t);
}

/* Two spouses, each in a "SPOUSE" box (the surname) beside a "GIVEN
 * NAMES" box, the right-hand boxes listed by the reader after the left
 * ones (their lines out of the page's order). main read no name at all,
 * so a stranger in the applicant's place went unseen. */
static void t_spouse_boxes(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 563, 435, 29, "CERTIFICATE OF MARRIAGE");
    words(&p, 1, 239, 514, 11, "SPOUSE");
    words(&p, 2, 786, 514, 12, "GIVEN NAMES");
    words(&p, 3, 245, 557, 27, "MULLER");
    words(&p, 4, 241, 612, 12, "SPOUSE");
    words(&p, 5, 793, 561, 23, "Lukasz");
    words(&p, 6, 789, 612, 12, "GIVEN NAMES");
    words(&p, 7, 246, 656, 27, "GARCIA");
    words(&p, 8, 244, 712, 11, "DATE OF MARRIAGE");
    words(&p, 9, 248, 759, 26, "May 7, 2018");
    words(&p, 10, 781, 656, 41, "| Eva Maria");
    sup_read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_MARRIAGE_CERTIFICATE);
    sup_expect(&sp, DS_SF_NAME, "LUKASZ MULLER");
    sup_expect(&sp, DS_SF_OTHER_NAME, "EVA MARIA GARCIA");
    ds_sup_text_free(&t);
}

/* A certifying sentence at the end of its line, the person's name alone
 * on the line under it (centred on a diploma, indented in a letter whose
 * reference column continues the sentence's line). main read no name. */
static void t_certifying_next_line(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 700, 345, 65, "University of Fairview");
    words(&p, 1, 850, 496, 70, "Titulo");
    words(&p, 2, 860, 627, 35, "(Diploma)");
    words(&p, 3, 820, 704, 30, "Se certifica que");
    words(&p, 4, 842, 790, 77, "Jorg WOJCIK");
    words(&p, 5, 700, 1278, 42, "Expedido el 29 de marzo de 2026");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "JORG WOJCIK");
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2026-03-29");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 333, 496, 82, "ARBEITGEBERBESCHEINIGUNG");
    words(&q, 1, 242, 664, 29, "Hiermit bestätigen wir, dass / We confirm that");
    words(&q, 1, 1338, 627, 22, "18. August 2025");
    words(&q, 2, 341, 726, 30, "Ibrahim ADEYEMI");
    words(&q, 3, 341, 781, 32, "geboren am 10. Dezember 1975");
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "IBRAHIM ADEYEMI");
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1975-12-10");
    ds_sup_text_free(&t);

    /* The slash before the translation read as "I": the translation is
     * no name ("I We confirm that" was read as one, a false
     * SUPPORT_NAME_MISMATCH), the name is the line under it. */
    page q2 = {0};
    words(&q2, 0, 333, 496, 82, "ARBEITGEBERBESCHEINIGUNG");
    words(&q2, 1, 242, 664, 29, "Hiermit bestätigen wir, dass I We confirm that");
    words(&q2, 1, 1338, 627, 22, "18. August 2025");
    words(&q2, 2, 341, 726, 30, "Ibrahim ADEYEMI");
    sup_read_page(&q2, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "IBRAHIM ADEYEMI");
    ds_sup_text_free(&t);

    /* Running text after the sentence is no name. */
    page r = {0};
    words(&r, 0, 333, 496, 60, "Confirmation of Employment");
    words(&r, 1, 242, 664, 29, "We confirm that");
    words(&r, 2, 242, 726, 29, "the person named above works for us");
    sup_read_page(&r, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_NAME) == NULL);
    ds_sup_text_free(&t);
}

/* "Date of" a word no label knows (the birth date's caption misread as
 * "DATE OF BIRT:") is no issue date: the date under "DATE OF ISSUE" is.
 * main read the birth date as the issue date, and a certificate issued
 * before the birth went unflagged. */
static void t_date_of_unknown(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 464, 375, 38, "CERTIFIED COPY OF BIRTH RECORD");
    words(&p, 1, 212, 583, 14, "DATE OF BIRT:");
    words(&p, 2, 219, 635, 25, "4th May 1991");
    words(&p, 3, 212, 682, 14, "FATHER");
    words(&p, 4, 223, 739, 27, "GRACE NOVAK");
    words(&p, 5, 228, 952, 14, "DATE OF ISSUE");
    words(&p, 6, 235, 1002, 27, "20th May 1986");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "1986-05-20");
    ds_sup_text_free(&t);

    /* The same caption over a date in the future ("Date of expiry"): no
     * issue date in the future. */
    page q = {0};
    words(&q, 0, 464, 375, 38, "Certificate of Completion");
    words(&q, 1, 212, 583, 22, "Date of expiry 12.05.2031");
    sup_read_page(&q, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
    ds_sup_text_free(&t);
}

/* Two columns of captions read as one line ("Date of issue" left, "Date
 * of birth" right, a page turned a little): the second caption is the
 * next field, not a translation of the first (heldout6's police
 * certificates lost their birth dates to that). */
static void t_next_caption_not_translation(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 464, 375, 38, "POLICE CERTIFICATE");
    words(&p, 1, 212, 583, 22, "Date of issue");
    words(&p, 1, 900, 583, 22, "Date of birth");
    words(&p, 2, 212, 620, 30, "February 13, 2026");
    words(&p, 2, 900, 620, 30, "November 27, 1996");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2026-02-13");
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1996-11-27");
    ds_sup_text_free(&t);
}

/* Spanish birth and issue phrases, a diploma's "Given this ... day of". */
static void t_phrases(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 463, 531, 57, "CERTIFICADO DE EMPRESA");
    words(&p, 1, 410, 842, 33, "nacido/a el 26 de septiembre de 1999");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1999-09-26");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 700, 326, 65, "Kingsbridge School of Nursing");
    words(&q, 1, 800, 470, 105, "Diploma");
    words(&q, 2, 700, 1280, 36, "Given this 7th day of July, 2027");
    sup_read_page(&q, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "2027-07-07");
    ds_sup_text_free(&t);
}

/* Bilingual captions joined by a slash into one word ("Père/Father",
 * "Nom/Sumame"): each part is a caption of its own. main read neither the
 * father nor the surname (the labels did not end at a word's end). */
static void t_slash_captions(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 300, 368, 34, "EXTRAIT PLURILINGUE D'ACTE DE NAISSANCE");
    words(&p, 1, 300, 498, 18, "1 Nom/Surname");
    words(&p, 1, 770, 498, 22, "MÜLLER");
    words(&p, 2, 300, 555, 18, "2 Prénoms / Given names");
    words(&p, 2, 770, 555, 22, "Chloé");
    words(&p, 3, 300, 726, 18, "5 Père/Father");
    words(&p, 3, 770, 726, 22, "MULLER Anna");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_NAME, "CHLOÉ MÜLLER");
    sup_expect(&sp, DS_SF_OTHER_NAME, "MULLER ANNA");
    int others = 0;
    for (int i = 0; i < sp.nfields; i++)
        others += sp.f[i].id == DS_SF_OTHER_NAME;
    T_EQ_INT(others, 1); /* "Father" is the caption's translation, read once */
    ds_sup_text_free(&t);
}

/* A grey photocopy of a two-column certificate (tests/data/support: a
 * heldout7 page at 150 dpi), its references in a full-height shaded
 * sidebar: Tesseract's one threshold loses the sidebar and much of the
 * body (main read 53 words at a mean confidence of 56, no entry number,
 * no date of issue). Read once more with the background flattened, the
 * sidebar's number and date are read. */
static void t_grey_copy_reread(void)
{
    ds_limits lim;
    ds_limits_default(&lim);
    ds_pages *pg = NULL;
    T_EQ_INT(ds_decode_file(DS_SOURCE_DIR "/tests/data/support/grey_sidebar_copy.jpg", &lim, &pg),
             DS_OK);
    TessBaseAPI *api = NULL;
    T_EQ_INT(ds_tess_create("eng", &api), DS_OK);
    if (!pg || !api)
        return;
    ds_sup_text t;
    T_EQ_INT(ds_sup_read_ocr(api, pg->page[0].gray, 150, DS_SUP_OCR_DPI, &t), DS_OK);
    bool number = false, date = false;
    for (int i = 0; i < t.nwords; i++) {
        number |= strcmp(t.w[i].text, "AB602655174") == 0;
        date |= strcmp(t.w[i].text, "2026-02-23") == 0;
    }
    T_CHECK(number);
    T_CHECK(date);
    T_CHECK(t.mean_conf >= DS_SUP_REREAD_CONF);
    ds_sup_text_free(&t);
    ds_tess_free(api);
    ds_pages_free(pg);
}

/* A name read with its given names exactly and its surname two letters
 * off (OCR's "Garefa" for GARCÍA at 92 %), or with an umlaut misread
 * ("FERNÄNNFZ" for FERNÁNDEZ): a misreading as likely as another person,
 * never a mismatch (both raised SUPPORT_NAME_MISMATCH on genuine pages).
 * Another person's name still is one. */
static void t_name_misread_not_other(void)
{
    T_CHECK(ds_sup_name_compare("Garefa, Olga", "García", "Olga") != 0);
    T_CHECK(ds_sup_name_compare("Pierre FERNÄNNFZ", "Fernández", "Pierre") != 0);
    T_EQ_INT(ds_sup_name_compare("Olga GARNIER", "García", "Olga"), 0);
    T_EQ_INT(ds_sup_name_compare("Lukasz MULLER", "Taylor", "Grace"), 0);
    T_EQ_INT(ds_sup_name_compare("Grace TAYLOR", "Taylor", "Grace"), 2);
}

/* A certifying sentence's date is the page's date of issue where no
 * label gives one (heldout10's birth certificates issued before the
 * birth: "Given under the seal of the said Office, the" over "third day
 * of October, nineteen hundred and fifty-one."); a caption "Given names"
 * is no such sentence. */
static void t_given_sentence_date(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "Short Certificate of Birth", 95);
    add_line(&p, "Date of birth Sunday, 3 February 1980");
    add_line(&p, "Certified to have been compiled from records in the custody of the Registrar");
    add_line(&p, "General. Given under the seal of the said Office, the");
    add_line(&p, "third day of October, nineteen hundred and fifty-one.");
    sup_read_page(&p, &t, &sp);
    sup_expect(&sp, DS_SF_ISSUE_DATE, "1951-10-03");
    sup_expect(&sp, DS_SF_BIRTH_DATE, "1980-02-03");
    ds_sup_text_free(&t);
    page q = {0};
    add_line_at(&q, 100, 40, "RECORD OF POLICE CHECK", 95);
    add_line(&q, "Given names Anna Maria");
    add_line(&q, "Date of birth 3 February 1980");
    sup_read_page(&q, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
    ds_sup_text_free(&t);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"given_sentence_date", t_given_sentence_date},
        {"small_caption_far_value", t_small_caption_far_value},
        {"caption_gloss", t_caption_gloss},
        {"spouse_boxes", t_spouse_boxes},
        {"certifying_next_line", t_certifying_next_line},
        {"date_of_unknown", t_date_of_unknown},
        {"phrases", t_phrases},
        {"slash_captions", t_slash_captions},
        {"grey_copy_reread", t_grey_copy_reread},
        {"name_misread_not_other", t_name_misread_not_other},
        {"next_caption_not_translation", t_next_caption_not_translation},
    };
    return T_RUN(cases);
}
