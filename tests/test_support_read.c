/*
 * Unit tests of reading supporting pages on layouts no rule was tuned on
 * (issue 15): ruling lines whitened before OCR (src/page/support.c),
 * caption words never taken for a holder's name (support_words.c,
 * support_fields.c), a value under its label before another column's
 * (support_fields.c), title cues in other languages, German compounds and
 * misread titles (support_class.c), and the stronger double-JPEG evidence
 * a text page needs (src/scan/support.c). Pages are built word by word.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forensics/forensics.h"
#include "page/support.h"
#include "scan/support.h"
#include "sup_page.h"
#include "t.h"

/* Words of one text line at (x, y), h pixels high, as OCR gives them (a
 * "|" is a word: a box's side read). */
static void words(page *p, int line, int x, int y, int h, const char *text)
{
    sup_words(p, line, x, y, h, text, 95, false);
}

/* The page read as OCR's words, classified and its fields extracted. */
static void read_page(page *p, ds_sup_text *t, ds_sup_page *sp)
{
    build(p, t);
    t->source = DS_SUP_SRC_OCR;
    ds_sup_class c;
    ds_sup_classify(t, &c);
    ds_sup_extract(t, &c, sp);
}

/* The page's field id (checked found). */
static const ds_sup_field *field(const ds_sup_page *sp, ds_sup_field_id id)
{
    const ds_sup_field *f = ds_sup_find(sp, id);
    T_CHECK(f != NULL);
    return f;
}

/* The page's field id is found and reads norm. */
static void norm_is(const ds_sup_page *sp, ds_sup_field_id id, const char *norm)
{
    const ds_sup_field *f = ds_sup_find(sp, id);
    if (!f)
        T_FAIL_("field %d not read (expected \"%s\")", (int)id, norm);
    else
        T_EQ_STR(f->norm, norm);
}

static void t_caption_words(void)
{
    const char *yes[] = {"Titulaire", "compte", "Prénom(s)", "Names:", "Apellidos",
                         "Vorname(n)", "Kontoinhaber", "NOMBRE", "account"};
    const char *no[] = {"ANDERSSON", "Sofia", "de", "du", "Lucia", "", "s", "Mr"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        T_CHECK(ds_sup_caption_word(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        T_CHECK(!ds_sup_caption_word(no[i]));
    T_CHECK(!ds_sup_caption_word(NULL));
    /* Words of other fields' captions are form words, not caption words;
     * caption words are form words too. */
    const char *form[] = {"Tax", "contact", "MIDDLE", "Betrag", "teléfono"};
    for (size_t i = 0; i < sizeof form / sizeof *form; i++)
        T_CHECK(ds_sup_form_word(form[i]) && !ds_sup_caption_word(form[i]));
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        T_CHECK(ds_sup_form_word(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        T_CHECK(!ds_sup_form_word(no[i]));
    T_CHECK(!ds_sup_form_word(NULL));
    /* Labels that hold the surname's label, and some that do not. */
    static const struct {
        const char *label;
        bool surname;
    } labs[] = {{"surname", true},    {"surname, given names", true}, {"mieter familienname", true},
                {"full name", false}, {"given names", false},         {NULL, false}};
    for (size_t i = 0; i < sizeof labs / sizeof *labs; i++)
        if (ds_sup_surname_label(labs[i].label) != labs[i].surname)
            T_FAIL_("label %s: surname %d", labs[i].label ? labs[i].label : "(null)", labs[i].surname);
}

/* "Titulaire du compte" in a box, the holder under it: the label is
 * "titulaire", the rest of its caption is no name (main read the holder
 * "DU COMPTE" and raised a high SUPPORT_NAME_MISMATCH). */
static void t_caption_not_name(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 700, 250, 40, "RELEVE DE COMPTE");
    words(&p, 1, 240, 538, 14, "Titulaire du compte");
    words(&p, 2, 243, 571, 22, "Sofia ANDERSSON");
    words(&p, 3, 244, 641, 14, "Adresse");
    words(&p, 4, 247, 673, 22, "105 rue des Lilas, 17830 LYON");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    norm_is(&sp, DS_SF_NAME, "SOFIA ANDERSSON");
    ds_sup_text_free(&t);

    /* The caption alone, nothing under it: no name at all, rather than
     * the caption's words. */
    memset(&p, 0, sizeof p);
    words(&p, 0, 700, 250, 40, "RELEVE DE COMPTE");
    words(&p, 1, 240, 538, 14, "Titulaire du compte");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_NAME) == NULL);
    ds_sup_text_free(&t);

    /* The whole caption and the name on one line. */
    memset(&p, 0, sizeof p);
    words(&p, 0, 700, 250, 40, "RELEVE DE COMPTE");
    words(&p, 1, 240, 538, 20, "Titulaire du compte Sofia ANDERSSON");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "SOFIA ANDERSSON");
    ds_sup_text_free(&t);
}

/* Boxes in two columns, each label over its value; the page is skewed so
 * the right column lies 18 px higher. The surname is the value under
 * "Apellidos", not the given name of the next column on about its row
 * (main read "Lucia Lucia": a false high SUPPORT_NAME_MISMATCH). */
static void t_value_under_label(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 300, 40, "TITULO UNIVERSITARIO");
    words(&p, 1, 200, 449, 14, "Apellidos");
    words(&p, 2, 202, 477, 20, "KOWALSKI");
    words(&p, 3, 848, 431, 14, "Nombre");
    words(&p, 4, 850, 461, 20, "Lucia");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_DIPLOMA);
    norm_is(&sp, DS_SF_NAME, "LUCIA KOWALSKI");
    ds_sup_text_free(&t);

    /* A label with its value in a right-hand column on its row and the
     * next label under it keeps the value on the row. */
    memset(&p, 0, sizeof p);
    words(&p, 0, 600, 300, 40, "BIRTH CERTIFICATE");
    words(&p, 1, 100, 500, 16, "Name of child");
    words(&p, 2, 100, 540, 16, "Date of birth");
    words(&p, 3, 900, 502, 20, "Anna MULLER");
    words(&p, 4, 900, 542, 20, "12 March 1980");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "ANNA MULLER");
    norm_is(&sp, DS_SF_BIRTH_DATE, "1980-03-12");
    ds_sup_text_free(&t);
}

static ds_page_class classify(const char *title, int title_h)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 300, title_h, title);
    words(&p, 1, 100, 500, 20, "Es wird bescheinigt, dass die Angaben stimmen.");
    words(&p, 2, 100, 540, 20, "Le present document est delivre pour servir.");
    read_page(&p, &t, &sp);
    ds_sup_text_free(&t);
    return sp.cls.type;
}

static void t_titles(void)
{
    T_EQ_INT(classify("BESCHEINIGUNG ÜBER DAS ARBEITSVERHÄLTNIS", 40), DS_PC_EMPLOYMENT_LETTER);
    T_EQ_INT(classify("DIPLOM", 40), DS_PC_DIPLOMA);
    T_EQ_INT(classify("TÍTULO DE GRADO", 40), DS_PC_DIPLOMA);
    T_EQ_INT(classify("ATTESTATION EMPLOYEUR", 40), DS_PC_EMPLOYMENT_LETTER);
    T_EQ_INT(classify("CERTIFICACIÓN LITERAL DE NACIMIENTO", 40), DS_PC_BIRTH_CERTIFICATE);
    /* A German compound ending in a title word. */
    T_EQ_INT(classify("WOHNRAUMMIETVERTRAG", 40), DS_PC_TENANCY_AGREEMENT);
    T_EQ_INT(classify("GIROKONTOAUSZUG", 40), DS_PC_BANK_STATEMENT);
    /* A title misread by two letters is taken on a large line only. */
    T_EQ_INT(classify("ALLESTATION EMPLOYEUR", 40), DS_PC_EMPLOYMENT_LETTER);
    T_EQ_INT(classify("ALLESTATION EMPLOYEUR", 20), DS_PC_OTHER);
    /* More than two letters off is no title; a short one takes one edit. */
    T_EQ_INT(classify("ATTESTATION MEDICALE", 40), DS_PC_OTHER);
    T_EQ_INT(classify("GEBURTSURKXNDX", 40), DS_PC_OTHER);
    T_EQ_INT(classify("GEBURTSURKUNDX", 40), DS_PC_BIRTH_CERTIFICATE);
}

/* A label line with one word boxed tall (OCR took in the line below) is
 * no large line: "Date de naissance" under it is not the misread title
 * "acte de naissance", and the statement's own title decides (a French
 * statement was left `other`: a birth certificate's 7 points against its 9). */
static void t_tall_word_no_title(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 500, 300, 40, "RELEVE DE COMPTE");
    words(&p, 1, 100, 400, 14, "Date de naissance");
    words(&p, 1, 900, 400, 44, "IBAN");
    words(&p, 2, 100, 460, 20, "25 juin 1958 FR27 7680 5920 2845 2917 4712 414");
    words(&p, 3, 100, 520, 20, "Nouveau solde 693,42 EUR");
    words(&p, 4, 100, 560, 20, "Le present document est delivre pour servir et valoir ce que de droit.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    T_CHECK(sp.cls.runner_up < 5);
    ds_sup_text_free(&t);
    /* The same words with the label line itself printed large: a line
     * reading exactly as a field caption is that caption, no misread title
     * (two letters off), and does not compete (branch supcls8). */
    memset(&p, 0, sizeof p);
    words(&p, 0, 500, 300, 40, "RELEVE DE COMPTE");
    words(&p, 1, 100, 400, 44, "Date de naissance");
    words(&p, 2, 100, 460, 20, "25 juin 1958 FR27 7680 5920 2845 2917 4712 414");
    words(&p, 3, 100, 520, 20, "Nouveau solde 693,42 EUR");
    words(&p, 4, 100, 560, 20, "Le present document est delivre pour servir et valoir ce que de droit.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    T_CHECK(sp.cls.runner_up < 5);
    ds_sup_text_free(&t);
}

/* A gray page with a box, a rule tilted by 2 degrees and letter-like
 * strokes: the lines go, the strokes stay. */
static void t_erase_rules(void)
{
    PIX *g = pixCreate(900, 600, 8);
    T_CHECK(g != NULL);
    if (!g)
        return;
    pixSetAllArbitrary(g, 238);
    /* A box 600 x 60, 2 px borders, light gray as a scan leaves them. */
    for (int x = 100; x < 700; x++)
        for (int d = 0; d < 2; d++) {
            pixSetPixel(g, x, 100 + d, 160);
            pixSetPixel(g, x, 160 + d, 160);
        }
    for (int y = 100; y < 162; y++)
        for (int d = 0; d < 2; d++) {
            pixSetPixel(g, 100 + d, y, 160);
            pixSetPixel(g, 698 + d, y, 160);
        }
    /* A rule tilted by 2 degrees. */
    for (int x = 100; x < 800; x++) {
        int y = 300 + (int)lround((x - 100) * tan(0.0349066));
        pixSetPixel(g, x, y, 120);
        pixSetPixel(g, x, y + 1, 120);
    }
    /* Letters: strokes 3 px wide, 14 px tall, and one tall stroke 30 px. */
    for (int k = 0; k < 10; k++)
        for (int y = 120; y < 134; y++)
            for (int x = 0; x < 3; x++)
                pixSetPixel(g, 130 + 12 * k + x, y, 20);
    for (int y = 400; y < 430; y++)
        for (int x = 0; x < 6; x++)
            pixSetPixel(g, 300 + x, y, 20);
    int n = -1;
    PIX *o = ds_sup_erase_rules(g, 150, &n);
    T_CHECK(o != NULL);
    if (o) {
        T_CHECK(n >= 5); /* four sides and the rule */
        l_uint32 v;
        pixGetPixel(o, 400, 100, &v);
        T_CHECK(v > 200);
        pixGetPixel(o, 100, 130, &v);
        T_CHECK(v > 200);
        pixGetPixel(o, 450, 300 + (int)lround(350 * tan(0.0349066)), &v);
        T_CHECK(v > 200);
        for (int k = 0; k < 10; k++) {
            pixGetPixel(o, 131 + 12 * k, 127, &v);
            T_CHECK(v < 60);
        }
        pixGetPixel(o, 302, 415, &v);
        T_CHECK(v < 60);
        /* The caller's page is untouched. */
        pixGetPixel(g, 400, 100, &v);
        T_EQ_INT((int)v, 160);
    }
    pixDestroy(&o);
    /* Bad arguments: no page, a 1-bit page, no resolution. */
    T_CHECK(ds_sup_erase_rules(NULL, 150, &n) == NULL);
    T_EQ_INT(n, 0);
    PIX *bw = pixCreate(50, 50, 1);
    T_CHECK(ds_sup_erase_rules(bw, 150, NULL) == NULL);
    pixDestroy(&bw);
    T_CHECK(ds_sup_erase_rules(g, 0, NULL) == NULL);
    /* A page too dark to tell ink from paper comes back as it is. */
    pixSetAllArbitrary(g, 30);
    o = ds_sup_erase_rules(g, 150, &n);
    T_CHECK(o != NULL);
    T_EQ_INT(n, 0);
    pixDestroy(&o);
    pixDestroy(&g);
}

/* A photocopied line of text: its letters thickened and merged by a grey
 * halo at the rule's light threshold into a band 23 px tall, and a second
 * line whose letters' tops merged into a strip 5 px tall over their
 * stems. Neither is a rule: the letters stay (they were erased, cutting
 * "CRIMINAL RECORD CERTIFICATE" in half on a copy of a copy). A thin rule
 * under the lines still goes. */
static void t_erase_rules_copy_text(void)
{
    PIX *g = pixCreate(600, 400, 8);
    T_CHECK(g != NULL);
    if (!g)
        return;
    pixSetAllArbitrary(g, 238);
    for (int y = 100; y < 123; y++)
        for (int x = 100; x < 400; x++)
            pixSetPixel(g, x, y, (x - 100) % 10 < 3 ? 20 : 200);
    for (int y = 200; y < 218; y++)
        for (int x = 100; x < 400; x++)
            pixSetPixel(g, x, y, y < 205 ? 120 : (x - 100) % 5 < 3 ? 20 : 238);
    for (int x = 100; x < 500; x++)
        pixSetPixel(g, x, 300, 120), pixSetPixel(g, x, 301, 120);
    int n = -1;
    PIX *o = ds_sup_erase_rules(g, 150, &n);
    T_CHECK(o != NULL);
    if (o) {
        T_EQ_INT(n, 1);
        l_uint32 v;
        pixGetPixel(o, 201, 111, &v); /* a stem in the band */
        T_CHECK(v < 60);
        pixGetPixel(o, 206, 111, &v); /* the halo between stems */
        T_CHECK(v < 220);
        pixGetPixel(o, 250, 202, &v); /* the merged tops */
        T_CHECK(v < 160);
        pixGetPixel(o, 300, 300, &v); /* the rule */
        T_CHECK(v > 200);
    }
    pixDestroy(&o);
    pixDestroy(&g);
}

static void t_text_page_double_jpeg(void)
{
    ds_forensics f;
    memset(&f, 0, sizeof f);
    f.edited = true;
    f.jpeg_double = true;
    f.jpeg_double_score = 0.20f;
    f.nevidence = 2;
    snprintf(f.evidence[0], sizeof f.evidence[0], "Software: GIMP 2.10");
    snprintf(f.evidence[1], sizeof f.evidence[1], "saved twice as JPEG: first at about quality 92, then 70");
    T_CHECK(ds_scan_support_double_jpeg(&f));
    T_EQ_INT(f.nevidence, 1);
    T_CHECK(f.edited); /* the editor's name is evidence still */
    T_CHECK(!f.jpeg_double);
    T_EQ_STR(f.evidence[0], "Software: GIMP 2.10");

    memset(&f, 0, sizeof f);
    f.edited = true;
    f.jpeg_double = true;
    f.jpeg_double_score = 0.20f;
    f.nevidence = 1;
    snprintf(f.evidence[0], sizeof f.evidence[0], "saved twice as JPEG: first at about quality 92, then 70");
    T_CHECK(ds_scan_support_double_jpeg(&f));
    T_EQ_INT(f.nevidence, 0);
    T_CHECK(!f.edited);

    /* Strong evidence stays. */
    memset(&f, 0, sizeof f);
    f.edited = true;
    f.jpeg_double = true;
    f.jpeg_double_score = 0.40f;
    f.nevidence = 1;
    snprintf(f.evidence[0], sizeof f.evidence[0], "saved twice as JPEG: first at about quality 70, then 95");
    T_CHECK(!ds_scan_support_double_jpeg(&f));
    T_EQ_INT(f.nevidence, 1);
    T_CHECK(f.edited && f.jpeg_double);
    T_CHECK(!ds_scan_support_double_jpeg(NULL));
}

/* A letter in running text, the values wrapping with it: "We hereby
 * confirm that NAME, born DATE, residing at" ADDRESS on the next line,
 * then more text; the date line at the top is the letter's date. main
 * read nothing: "born" in running text was no label, the address began
 * on the next line, and "hereby" broke "we confirm that". */
static void t_running_text(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 240, 400, 23, "the 20th day of February 2026");
    words(&p, 1, 620, 475, 52, "Employment Verification");
    words(&p, 2, 233, 681, 23, "We hereby confirm that Kenji Hansen, born the 14th day of March 1999, residing at");
    words(&p, 3, 232, 725, 23, "219 Queen Street, CARDIFF BN4 7JL, has been employed by Summit Freight Inc. as a");
    words(&p, 4, 231, 767, 23, "Warehouse Supervisor since the 26th day of October 2020 on a permanent contract.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_EMPLOYMENT_LETTER);
    const ds_sup_field *f = field(&sp, DS_SF_NAME);
    if (f)
        T_EQ_STR(f->norm, "KENJI HANSEN");
    if ((f = field(&sp, DS_SF_BIRTH_DATE))) {
        T_EQ_STR(f->norm, "1999-03-14");
        T_EQ_STR(f->label, DS_SUP_LABEL_BORN_PROSE); /* placed by the sentence */
    }
    /* The address ends at its postcode, not with the sentence. */
    if ((f = field(&sp, DS_SF_ADDRESS)))
        T_EQ_STR(f->value, "219 Queen Street, CARDIFF BN4 7JL");
    if ((f = field(&sp, DS_SF_ISSUE_DATE))) {
        T_EQ_STR(f->norm, "2026-02-20");
        T_EQ_STR(f->label, "date line");
    }
    ds_sup_text_free(&t);

    /* The holder's name ends right before "born" on a diploma. */
    memset(&p, 0, sizeof p);
    words(&p, 0, 620, 300, 52, "Degree Certificate");
    words(&p, 1, 230, 600, 25, "Be it known that Eva Maria NOVAK, born 1950-11-08, having fulfilled the");
    words(&p, 2, 230, 650, 25, "requirements of the Board.");
    read_page(&p, &t, &sp);
    if ((f = field(&sp, DS_SF_NAME)))
        T_EQ_STR(f->norm, "EVA MARIA NOVAK");
    if ((f = field(&sp, DS_SF_BIRTH_DATE)))
        T_EQ_STR(f->norm, "1950-11-08");
    ds_sup_text_free(&t);

    /* Without a postcode an address in running text ends where the
     * sentence goes on after a comma ("..., has been employed"; branch
     * addr14: before it, nothing was read); without either, nothing is
     * read, rather than the rest of the sentence. */
    memset(&p, 0, sizeof p);
    words(&p, 0, 620, 300, 52, "Employment Verification");
    words(&p, 1, 230, 600, 25, "We confirm that Kenji Hansen, residing at 219 Queen Street, has been employed");
    words(&p, 2, 230, 650, 25, "by us for 12 years at a salary of 30,000 a year.");
    read_page(&p, &t, &sp);
    if ((f = field(&sp, DS_SF_ADDRESS)))
        T_EQ_STR(f->norm, "219 QUEEN STREET");
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    words(&p, 0, 620, 300, 52, "Employment Verification");
    words(&p, 1, 230, 600, 25, "We confirm that Kenji Hansen, residing at 219 Queen Street and");
    words(&p, 2, 230, 650, 25, "employed by us for 12 years at a salary of 30,000 a year.");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ADDRESS) == NULL);
    ds_sup_text_free(&t);
}

/* "born" in running text after another person's name, or before no date,
 * is no birth date of the holder; "Customer born" (a role word) is. */
static void t_running_born_guard(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 620, 300, 52, "Employment Verification");
    words(&p, 1, 230, 600, 25, "We confirm that Kenji Hansen, whose father Paul Hansen was born 2 May 1950,");
    words(&p, 2, 230, 650, 25, "is employed by us.");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_BIRTH_DATE) == NULL);
    ds_sup_text_free(&t);

    memset(&p, 0, sizeof p);
    words(&p, 0, 620, 300, 52, "Statement of Account");
    words(&p, 1, 230, 600, 25, "Customer born 5 March 1980");
    read_page(&p, &t, &sp);
    const ds_sup_field *f = field(&sp, DS_SF_BIRTH_DATE);
    if (f)
        T_EQ_STR(f->norm, "1980-03-05");
    ds_sup_text_free(&t);
}

/* Agreements and certificates in prose: the name before "(the Tenant)",
 * the date the agreement "is made on", the address of the "dwelling house
 * at"; on a marriage certificate the second party joined by "and". */
static void t_prose_parties(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 620, 500, 53, "Tenancy Agreement");
    words(&p, 1, 230, 699, 27, "THIS AGREEMENT is made on 2026-08-24 BETWEEN Mr R. Whitcombe (the Landlord) AND Dr Pierre DUBOIS (the Tenant) for");
    words(&p, 2, 230, 752, 27, "the letting of the dwelling house at 207 Victoria Street, LEEDS KD18 3AS for a term of twelve months at a rent of GBP 925.97 per");
    words(&p, 3, 230, 801, 27, "calendar month, payable in advance.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_TENANCY_AGREEMENT);
    const ds_sup_field *f = field(&sp, DS_SF_NAME);
    if (f)
        T_EQ_STR(f->norm, "PIERRE DUBOIS");
    if ((f = field(&sp, DS_SF_ISSUE_DATE)))
        T_EQ_STR(f->norm, "2026-08-24");
    if ((f = field(&sp, DS_SF_ADDRESS)))
        T_EQ_STR(f->value, "207 Victoria Street, LEEDS KD18 3AS");
    ds_sup_text_free(&t);

    memset(&p, 0, sizeof p);
    words(&p, 0, 620, 424, 45, "Marriage Licence and Certificate");
    words(&p, 1, 230, 589, 21, "This is to certify that Aisha Hansen and Oliver Okafor were joined in marriage on the 21st day of September 2020");
    words(&p, 2, 230, 637, 21, "at Lagos in accordance with the law.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_MARRIAGE_CERTIFICATE);
    if ((f = field(&sp, DS_SF_NAME)))
        T_EQ_STR(f->norm, "AISHA HANSEN");
    if ((f = field(&sp, DS_SF_OTHER_NAME)))
        T_EQ_STR(f->norm, "OLIVER OKAFOR");
    /* The marriage date is no issue date, even alone on a line. */
    T_CHECK(ds_sup_find(&sp, DS_SF_ISSUE_DATE) == NULL);
    ds_sup_text_free(&t);
}

/* A council tax bill is a utility bill; its liable person is the holder,
 * "Property" labels its address when a number starts the value, and a
 * sentence starting with "Property" is no address. */
static void t_council_tax(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 560, 521, 55, "Council Tax Bill 2027/28");
    words(&p, 1, 230, 720, 27, "Liable person");
    words(&p, 1, 800, 720, 27, "Dr Ibrahim MOREAU");
    words(&p, 2, 230, 779, 27, "Property");
    words(&p, 2, 800, 779, 27, "217 London Road");
    words(&p, 3, 800, 815, 27, "LONDON PN11 1LT");
    words(&p, 4, 230, 891, 25, "Bill date");
    words(&p, 4, 800, 891, 25, "10/05/2027");
    words(&p, 5, 230, 960, 25, "Property in band D is charged at the rate below.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_UTILITY_BILL);
    const ds_sup_field *f = field(&sp, DS_SF_NAME);
    if (f)
        T_EQ_STR(f->norm, "IBRAHIM MOREAU");
    if ((f = field(&sp, DS_SF_ADDRESS)))
        T_EQ_STR(f->value, "217 London Road, LONDON PN11 1LT");
    ds_sup_text_free(&t);

    memset(&p, 0, sizeof p);
    words(&p, 0, 560, 521, 55, "Council Tax Bill");
    words(&p, 1, 230, 720, 27, "Property in band D is charged at the rate below.");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ADDRESS) == NULL);
    ds_sup_text_free(&t);
}

/* A letter's window block on the left, references and a date on the
 * right of the same lines: the holder and the address are the left cells
 * (main read neither: the whole line was no name). Marks read from a
 * rule's end before the address are no part of it. */
static void t_header_left_cell(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 230, 235, 38, "Westmoor Care Homes");
    words(&p, 1, 230, 499, 27, "Mr Emily Rose PAPADOPOULOS");
    words(&p, 1, 1300, 499, 27, "Payroll ref. 175024105");
    words(&p, 2, 180, 550, 27, "—=");
    words(&p, 2, 230, 550, 27, "219 High Street");
    words(&p, 2, 1300, 550, 27, "Paid on 04/11/2026");
    words(&p, 3, 230, 602, 27, "OXFORD FM17 2HE");
    words(&p, 3, 1300, 602, 27, "Page 1");
    words(&p, 4, 700, 725, 54, "Salary Advice");
    read_page(&p, &t, &sp);
    const ds_sup_field *f = field(&sp, DS_SF_NAME);
    if (f)
        T_EQ_STR(f->norm, "EMILY ROSE PAPADOPOULOS");
    if ((f = field(&sp, DS_SF_ADDRESS)))
        T_EQ_STR(f->value, "219 High Street, OXFORD FM17 2HE");
    if ((f = field(&sp, DS_SF_STATEMENT_DATE)))
        T_EQ_STR(f->norm, "2026-11-04");
    ds_sup_text_free(&t);
}

/* Fills a rectangle of a gray page. */
static void fill(PIX *g, int x0, int y0, int w, int h, int v)
{
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            pixSetPixel(g, x, y, (l_uint32)v);
}

/* Shaded cells (ds_sup_flatten_shade): a header row 25 gray levels darker
 * than the paper, with dark letters on it, is found and lifted to the
 * paper's tone with its letters kept dark, and the rule eraser then leaves
 * the letters. A scanner's dark margin along the image's edge, a darker
 * corner of uneven lighting, a round stamp's thin ring and small text are
 * no cells: a page of only those is not changed. */
static void t_flatten_shade(void)
{
    const int W = 1240, H = 1754;
    PIX *g = pixCreate(W, H, 8);
    T_CHECK(g != NULL);
    if (!g)
        return;
    /* Paper with uneven light: 240 at the top left, darker to the right. */
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            pixSetPixel(g, x, y, (l_uint32)(240 - 30 * x / W - 10 * y / H));
    fill(g, 0, 0, 45, H, 140);        /* the scanner bed's margin, left */
    fill(g, 0, H - 30, W, 30, 150);   /* and at the bottom */
    for (int k = 0; k < 30; k++)      /* small text, 12 px letters */
        fill(g, 200 + 14 * k, 600, 3, 12, 30);
    for (int a = 0; a < 360; a++) {   /* a stamp's ring, 3 px wide */
        double r = a * 3.14159265 / 180;
        fill(g, 800 + (int)lround(90 * cos(r)), 900 + (int)lround(90 * sin(r)), 3, 3, 130);
    }
    int n = -1;
    PIX *o = ds_sup_flatten_shade(g, 150, &n);
    T_CHECK(o == NULL);
    T_EQ_INT(n, 0);
    pixDestroy(&o);
    /* The header row: 900 x 40 px (6 x 0.27 in), its letters 14 px tall. */
    fill(g, 150, 300, 900, 40, 208);
    for (int k = 0; k < 20; k++)
        fill(g, 170 + 14 * k, 313, 4, 14, 25);
    n = -1;
    o = ds_sup_flatten_shade(g, 150, &n);
    T_CHECK(o != NULL);
    T_EQ_INT(n, 1);
    if (o) {
        l_uint32 v, p;
        pixGetPixel(o, 700, 320, &v); /* the row's ground */
        pixGetPixel(g, 700, 280, &p); /* the paper above it */
        T_CHECK(abs((int)v - (int)p) <= 8);
        pixGetPixel(o, 171, 320, &v); /* a letter */
        T_CHECK(v < 60);
        pixGetPixel(o, 20, 800, &v); /* the margin, untouched */
        T_EQ_INT((int)v, 140);
        /* Rules erased after the lift keep the letters. */
        PIX *e = ds_sup_erase_rules(o, 150, NULL);
        T_CHECK(e != NULL);
        if (e) {
            pixGetPixel(e, 171, 320, &v);
            T_CHECK(v < 60);
        }
        pixDestroy(&e);
    }
    pixDestroy(&o);
    /* Bad arguments. */
    T_CHECK(ds_sup_flatten_shade(NULL, 150, &n) == NULL);
    T_EQ_INT(n, 0);
    T_CHECK(ds_sup_flatten_shade(g, 0, NULL) == NULL);
    PIX *bw = pixCreate(50, 50, 1);
    T_CHECK(ds_sup_flatten_shade(bw, 150, NULL) == NULL);
    pixDestroy(&bw);
    pixDestroy(&g);
}

/* Boxes in a row, each with a small caption in its corner and its value
 * under it: a caption's value is the one in its box, not the next box's
 * caption beside it (an address read as "Staff no., 59 Church Lane"). A
 * table's label beside its value in the same size keeps that value, even
 * with a line under the label that is no label. */
static void t_box_captions(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 150, 40, "Monthly Salary Certificate");
    words(&p, 1, 200, 400, 14, "Home address");
    words(&p, 1, 800, 400, 14, "Staff no.");
    words(&p, 2, 210, 425, 22, "59 Church Lane");
    words(&p, 2, 810, 425, 22, "11234");
    words(&p, 3, 210, 457, 22, "MANCHESTER SR19 8RZ");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_ADDRESS, "59 CHURCH LANE, MANCHESTER SR19 8RZ");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 600, 150, 40, "Monthly Salary Certificate");
    words(&q, 1, 200, 400, 22, "Home address");
    words(&q, 1, 800, 400, 22, "12 High Street, LEEDS LS1 4AB");
    words(&q, 2, 200, 440, 22, "Tariff");
    words(&q, 2, 800, 440, 22, "Standard variable");
    read_page(&q, &t, &sp);
    norm_is(&sp, DS_SF_ADDRESS, "12 HIGH STREET, LEEDS LS1 4AB");
    ds_sup_text_free(&t);
}

/* Two people printed alike, each on a row of their own (the parties of a
 * marriage entry): "Surname: X  Forename(s): Y" twice, or a "Full name
 * (surname first)" caption over each name. The first is the holder, the
 * second another name of the page (before, the second was not read, so a
 * wrong person in its place went unseen). */
static void t_two_people(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 150, 40, "Extract of Marriage Entry");
    words(&p, 1, 200, 400, 22, "Surname: TAYLOR Forename(s): Grace");
    words(&p, 2, 200, 460, 22, "Surname: MULLER Forename(s): Anna Maria");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "GRACE TAYLOR");
    norm_is(&sp, DS_SF_OTHER_NAME, "ANNA MARIA MULLER");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 600, 150, 40, "Extract of Marriage Entry");
    words(&q, 1, 200, 400, 14, "Full name (surname first)");
    words(&q, 2, 200, 425, 24, "TAYLOR Grace");
    words(&q, 3, 200, 480, 14, "Full name (surname first)");
    words(&q, 4, 200, 505, 24, "MULLER Anna");
    read_page(&q, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "TAYLOR GRACE");
    norm_is(&sp, DS_SF_OTHER_NAME, "MULLER ANNA");
    ds_sup_text_free(&t);

    /* One person's surname and given names in two boxes side by side: one
     * name, nothing else. */
    page r = {0};
    words(&r, 0, 600, 150, 40, "Extract of Birth Entry");
    words(&r, 1, 200, 400, 14, "Surname");
    words(&r, 1, 800, 400, 14, "Forenames");
    words(&r, 2, 210, 425, 22, "TAYLOR");
    words(&r, 2, 810, 425, 22, "Grace");
    read_page(&r, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "GRACE TAYLOR");
    T_CHECK(ds_sup_find(&sp, DS_SF_OTHER_NAME) == NULL);
    ds_sup_text_free(&t);
}

/* Two boxes side by side, a box's side left as "|" before the second
 * caption: the caption is no word of running text, and each date is its
 * own caption's (the birth date was read as the summary date, a false
 * high SUPPORT_BIRTH_DATE_MISMATCH). */
static void t_mark_before_caption(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 150, 40, "Account Summary");
    words(&p, 1, 253, 817, 16, "Summary date");
    words(&p, 1, 1012, 800, 16, "| Date of birth");
    words(&p, 2, 263, 840, 26, "October 23, 2026");
    words(&p, 2, 1013, 830, 26, "| March 26, 1971");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_STATEMENT_DATE, "2026-10-23");
    norm_is(&sp, DS_SF_BIRTH_DATE, "1971-03-26");
    const ds_sup_field *b = ds_sup_find(&sp, DS_SF_BIRTH_DATE);
    if (b)
        T_EQ_STR(b->label, "date of birth");
    ds_sup_text_free(&t);
}

/* A numbered section heading under the title ("1. THE PARTIES") is no
 * letter head's address (a false SUPPORT_ADDRESS_MISMATCH warning on a
 * genuine rental contract whose property caption OCR lost). */
static void t_section_number_no_address(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 150, 40, "Residential Rental Contract");
    words(&p, 1, 200, 348, 22, "1. THE PARTIES");
    words(&p, 2, 200, 412, 14, "Landlord");
    words(&p, 3, 210, 435, 22, "Mr P. Ashdown");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_find(&sp, DS_SF_ADDRESS) == NULL);
    ds_sup_text_free(&t);
}

/* OCR reads "rn" as "m" in a caption ("Bom", "Sumame"): still the
 * caption. A table row whose value line holds one word boxed tall with a
 * smudge ("Bom" 39 px among 22 px words) is no small caption over a value:
 * the label keeps the value beside it (a false high SUPPORT_NAME_MISMATCH
 * took "Bom" for the employee). */
static void t_rn_read_m(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 600, 150, 40, "Criminal Record Check Result");
    words(&p, 1, 200, 521, 24, "Sumame");
    words(&p, 1, 436, 523, 24, "NOVAK");
    words(&p, 2, 201, 575, 24, "Forename(s)");
    words(&p, 2, 438, 578, 24, "Ibrahim");
    words(&p, 3, 197, 629, 24, "Bom");
    words(&p, 3, 438, 632, 24, "27 Nov 1996");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_BIRTH_DATE, "1996-11-27");
    norm_is(&sp, DS_SF_NAME, "IBRAHIM NOVAK");
    ds_sup_text_free(&t);

    page q = {0};
    words(&q, 0, 600, 150, 40, "Employment Status");
    words(&q, 1, 205, 874, 24, "Employee");
    words(&q, 1, 696, 867, 22, "Fatima TAYLOR");
    words(&q, 2, 201, 922, 39, "Bom");
    words(&q, 2, 696, 920, 22, "26th October 1986");
    read_page(&q, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "FATIMA TAYLOR");
    ds_sup_text_free(&t);

    /* A skewed table whose next row's words OCR boxed tall: the date beside
     * "Born" is its value, whatever the heights (it was read from the row
     * below, "Role Chef", and lost). */
    page r = {0};
    words(&r, 0, 600, 150, 40, "Employment Status");
    words(&r, 1, 241, 844, 24, "Employee");
    words(&r, 1, 732, 850, 24, "Kenji HANSEN");
    words(&r, 2, 239, 897, 22, "Born");
    words(&r, 2, 733, 900, 22, "14th March 1999");
    words(&r, 3, 232, 930, 36, "Role");
    words(&r, 3, 728, 935, 38, "Chef");
    read_page(&r, &t, &sp);
    norm_is(&sp, DS_SF_BIRTH_DATE, "1999-03-14");
    ds_sup_text_free(&t);
}

/* A lease printed as numbered rows ("3 Premises" and the address across
 * a gap): a label after its row's number is a label, not running text
 * (heldout7's leases: the tenant and the address went unread). */
static void t_numbered_rows(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    words(&p, 0, 228, 483, 41, "Lease Agreement");
    words(&p, 1, 251, 589, 25, "1 Lessor");
    words(&p, 1, 900, 589, 25, "Mr T. Kessler");
    words(&p, 2, 251, 665, 25, "2 Lessee");
    words(&p, 2, 900, 665, 25, "ANDERSSON Pierre");
    words(&p, 3, 253, 740, 25, "3 Premises");
    words(&p, 3, 906, 740, 25, "115 Green Lane");
    words(&p, 4, 905, 777, 30, "ER19 2BX OXFORD");
    words(&p, 5, 254, 867, 25, "4 Monthly rent");
    words(&p, 5, 906, 867, 25, "GBP 1,125.52");
    words(&p, 6, 241, 1217, 30, "The Lessor lets and the Lessee takes the premises for the term");
    read_page(&p, &t, &sp);
    norm_is(&sp, DS_SF_NAME, "ANDERSSON PIERRE");
    norm_is(&sp, DS_SF_ADDRESS, "115 GREEN LANE, ER19 2BX OXFORD");
    ds_sup_text_free(&t);
}

/* A page with regions of long text lines and nothing like an MRZ is
 * ordinary text (its missing MRZ information) only when its text, read,
 * reads clearly and without an identity document's wording
 * (ds_scan_text_regions): heldout10's identity pages photographed by hand
 * or printed out and rescanned, MRZ missed, read at a confidence of 9 to 54
 * and must get the rescan request. */
static void t_text_regions_need_clear_text(void)
{
    ds_sup_page sp;
    memset(&sp, 0, sizeof sp);
    sp.read = true;
    sp.nwords = 120;
    sp.mean_conf = 88;
    sp.cls.type = DS_PC_OTHER;
    T_CHECK(ds_scan_text_regions(0, 3, DS_PC_OTHER, &sp)); /* a letter read clearly */
    T_CHECK(ds_scan_text_regions(0, 3, DS_PC_OTHER, NULL)); /* its text not read at all */
    T_CHECK(!ds_scan_text_regions(1, 3, DS_PC_OTHER, &sp)); /* something like an MRZ */
    T_CHECK(!ds_scan_text_regions(0, 1, DS_PC_OTHER, &sp)); /* one region */
    T_CHECK(!ds_scan_text_regions(0, 3, DS_PC_IDENTITY, &sp));
    sp.mean_conf = 29; /* defects10/0009: a phone photo of a TD2 */
    T_CHECK(!ds_scan_text_regions(0, 3, DS_PC_OTHER, &sp));
    sp.mean_conf = 88;
    sp.cls.identity_score = DS_SUP_IDENTITY_WORDS; /* an identity page's captions */
    T_CHECK(!ds_scan_text_regions(0, 3, DS_PC_OTHER, &sp));
    sp.cls.identity_score = 0;
    sp.read = false; /* read, but no words came out */
    T_CHECK(!ds_scan_text_regions(0, 3, DS_PC_OTHER, &sp));
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"caption_words", t_caption_words},
        {"text_regions_need_clear_text", t_text_regions_need_clear_text},
        {"caption_not_name", t_caption_not_name},
        {"value_under_label", t_value_under_label},
        {"titles", t_titles},
        {"tall_word_no_title", t_tall_word_no_title},
        {"erase_rules", t_erase_rules},
        {"erase_rules_copy_text", t_erase_rules_copy_text},
        {"text_page_double_jpeg", t_text_page_double_jpeg},
        {"running_text", t_running_text},
        {"running_born_guard", t_running_born_guard},
        {"prose_parties", t_prose_parties},
        {"council_tax", t_council_tax},
        {"header_left_cell", t_header_left_cell},
        {"flatten_shade", t_flatten_shade},
        {"box_captions", t_box_captions},
        {"two_people", t_two_people},
        {"mark_before_caption", t_mark_before_caption},
        {"section_number_no_address", t_section_number_no_address},
        {"rn_read_m", t_rn_read_m},
        {"numbered_rows", t_numbered_rows},
    };
    return T_RUN(cases);
}
