/*
 * Unit tests of supporting-page classification (src/page/support_class.c,
 * issue 15): titles and body wording of page types the first lists did not
 * know. Pages are built word by word, as a text layer gives them, so no
 * OCR runs here; each case names the kind of page it stands for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page/support.h"
#include "sup_page.h"
#include "t.h"

/* A line h px high from x 100 (body text: 20 px). */
static void line_at(page *p, int h, const char *text) { add_line_at(p, 100, h, text, 95); }

/* A local authority's property tax notice is proof of address as a council
 * tax bill is: its title names a document ("notice") and the tax. */
static void t_property_tax(void)
{
    page p = {0};
    line_at(&p, 40, "Borough Revenue Services");
    line_at(&p, 40, "Property Tax Assessment Notice");
    add_line(&p, "Customer JONES Mary");
    add_line(&p, "Property assessed 12 Mill Lane");
    add_line(&p, "Amount due GBP 164.62");
    add_line(&p, "Tax year 2026/27 Rateable value GBP 36,700");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_UTILITY_BILL);
    T_CHECK(sup_has_evidence(&c, "title word: property tax"));

    /* The tax named in a body line is a weak cue only: a bank statement
     * paying it stays a bank statement. */
    memset(&p, 0, sizeof p);
    line_at(&p, 40, "Statement of Account");
    add_line(&p, "Sort code 12-34-56 Account number 12345678");
    add_line(&p, "Opening balance 1,200.00");
    add_line(&p, "02 Mar Direct debit property tax 164.62");
    add_line(&p, "Closing balance 1,035.38");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_BANK_STATEMENT);
}

/* The landlord's confirmation a tenant registers a residence with
 * (Wohnungsgeberbestätigung) is a tenancy document, its title printed at
 * about the body's size. */
static void t_landlord_confirmation(void)
{
    page p = {0};
    add_line(&p, "Marlow Property Management");
    line_at(&p, 24, "Landlord's Confirmation for Residence Registration");
    add_line(&p, "Tenant FERNANDEZ James");
    add_line(&p, "Moved in on 22.06.2026");
    add_line(&p, "I confirm that the person named above has moved into the flat.");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_TENANCY_AGREEMENT);
    T_CHECK(sup_has_evidence(&c, "title: landlord s confirmation"));

    memset(&p, 0, sizeof p);
    line_at(&p, 40, "Wohnungsgeberbestätigung");
    add_line(&p, "Einzug am 01.03.2026");
    add_line(&p, "Mieter Anna Schmidt");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_TENANCY_AGREEMENT);
}

/* A course's certificate of completion is an award of studies as a
 * diploma is: its title names a document and a completion, its body the
 * programme of study. */
static void t_completion_certificate(void)
{
    page p = {0};
    add_line(&p, "Westbrook College");
    line_at(&p, 40, "Certificate of Completion");
    add_line(&p, "Full name NOVAK Eva");
    add_line(&p, "Award Course in Bookkeeping");
    add_line(&p, "The holder has completed the programme of study.");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_DIPLOMA);
    T_CHECK(sup_has_evidence(&c, "title word: completion"));

    /* The title lost by the reading: the body's wording still says it. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Institute of Applied Studies");
    add_line(&p, "Full name NOVAK Eva   Award Course in Bookkeeping");
    add_line(&p, "The holder has completed the programme of study and passed the assessments.");
    add_line(&p, "R. Castellano, Director of Studies");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_DIPLOMA);
}

/* A bilingual clearance certificate whose captions are printed large: the
 * caption "Date de naissance" is no misread title "Acte de naissance"
 * (two edits apart), and the French title names the certificate. */
static void t_caption_no_title(void)
{
    page p = {0};
    line_at(&p, 26, "CE RTIFICAT DE NON-CONDAMNATION");
    add_line(&p, "Certificate of no criminal record");
    line_at(&p, 40, "Nom et prénoms / Full name");
    add_line(&p, "KHAN Lukasz");
    line_at(&p, 40, "Date de naissance / Date of birth");
    add_line(&p, "01.04.1998");
    add_line(&p, "Lieu de naissance / Place of birth");
    add_line(&p, "No conviction is recorded against the person named above.");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_POLICE_CERTIFICATE);
    T_CHECK(!sup_has_evidence(&c, "title: acte de naissance"));

    /* A misread title on a large line is still read as the title. */
    memset(&p, 0, sizeof p);
    line_at(&p, 40, "ACTE DE NAISSAMCE");
    add_line(&p, "Nom NOVAK   Prénoms Eva");
    add_line(&p, "Père Jan NOVAK   Mère Anna NOVAK");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_BIRTH_CERTIFICATE);
}

/* A letter's subject line names the letter as a title does, printed at
 * the body's size: led by "Asunto:", "Objet :", "RE:", or standing right
 * above the salutation (heldout11's statements and bills). */
static void t_subject_line(void)
{
    page p = {0};
    add_line(&p, "Northvale Energy");
    add_line(&p, "October 28, 2026");
    add_line(&p, "Mr Ibrahim Bianchi");
    add_line(&p, "208 Mill Road");
    add_line(&p, "BRISTOL WH11 4DQ");
    add_line(&p, "Your annual electricity statement");
    add_line(&p, "Dear Customer,");
    add_line(&p, "Thank you for being a customer. Your use this year was 3675 kWh.");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_UTILITY_BILL);
    T_CHECK(sup_has_evidence(&c, "title word: electricity"));

    /* The same line in the body, above no salutation, is a weak cue only. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Northvale Energy");
    add_line(&p, "Mr Ibrahim Bianchi");
    add_line(&p, "Your annual electricity statement");
    add_line(&p, "Thank you for being a customer.");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_OTHER);

    memset(&p, 0, sizeof p);
    add_line(&p, "Banco del Duero");
    add_line(&p, "Madrid, 06/11/2026");
    add_line(&p, "Asunto: Certificado de saldo");
    add_line(&p, "Certificamos que D. Jorge Okafor es titular de la cuenta ES20 9361 2048 2765.");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_BANK_STATEMENT);

    memset(&p, 0, sizeof p);
    add_line(&p, "Énergie Rhône Services");
    add_line(&p, "Objet : Votre facture annuelle d'électricité");
    add_line(&p, "Madame, Monsieur,");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_UTILITY_BILL);
}

/* A German compound names its document last ("Jahresrechnung",
 * "Verdienstbescheinigung"); a form's comb boxes, read as tall marks,
 * do not make the body text as tall as the title. */
static void t_compound_title(void)
{
    page p = {0};
    add_line(&p, "Stadtwerke Rheintal GmbH");
    add_line(&p, "Frau Anna Novak");
    add_line(&p, "Ihre Jahresrechnung Strom");
    add_line(&p, "Sehr geehrte Frau Novak,");
    add_line(&p, "vielen Dank für Ihr Vertrauen.");
    ds_sup_class c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_UTILITY_BILL);

    memset(&p, 0, sizeof p);
    line_at(&p, 40, "VERDIENSTBESCHEINIGUNG");
    add_line(&p, "Angaben zum Aussteller");
    for (int k = 0; k < 5; k++)
        add_line_at(&p, 100, 50, "lslel allel zlelol Inisl olol zlal", 10);
    add_line(&p, "Angaben zur Person");
    add_line(&p, "Abrechnungszeitraum Oktober 2026");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_PAYSLIP);
    T_CHECK(sup_has_evidence(&c, "title word: verdienst"));

    /* A short noun ending a word is no compound ("Rheintalakte"). */
    memset(&p, 0, sizeof p);
    line_at(&p, 40, "Rheintalakte Geburt");
    add_line(&p, "Hauptstraße 5");
    c = sup_classify(&p);
    T_EQ_INT(c.type, DS_PC_OTHER);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"property_tax", t_property_tax},
        {"landlord_confirmation", t_landlord_confirmation},
        {"completion_certificate", t_completion_certificate},
        {"caption_no_title", t_caption_no_title},
        {"subject_line", t_subject_line},
        {"compound_title", t_compound_title},
    };
    return T_RUN(cases);
}
