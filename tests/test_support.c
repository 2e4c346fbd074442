/*
 * Unit tests of supporting pages (issue 15): classification
 * (src/page/support_class.c), field extraction (support_fields.c), the
 * text-layer reader and text fingerprint (support.c) and the checks against
 * the case record (src/check/supcheck.c). Pages are built word by word, as
 * a born-digital PDF's text layer gives them, so no OCR runs here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "forensics/phash.h"
#include "page/support.h"
#include "report/annotate.h"
#include "sup_page.h"
#include "t.h"

static void read_page(page *p, ds_sup_text *t, ds_sup_page *sp)
{
    build(p, t);
    ds_sup_class c;
    ds_sup_classify(t, &c);
    ds_sup_extract(t, &c, sp);
}

static const ds_sup_field *field(const ds_sup_page *sp, ds_sup_field_id id)
{
    return ds_sup_find(sp, id);
}

/* ------------------------------------------------------- classification */

static void t_classify(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "CERTIFICATE OF BIRTH", 95);
    add_line(&p, "Name of child: Anna Müller");
    add_line(&p, "Date of birth: 12 March 1980");
    add_line(&p, "Name of father: Jan Müller");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BIRTH_CERTIFICATE);
    T_CHECK(sp.cls.confidence > 0.7);
    T_CHECK(sp.cls.nevidence >= 2);
    T_EQ_STR(sp.cls.evidence[0], "title: certificate of birth");
    ds_sup_text_free(&t);

    /* A letter that quotes a passport number is still a letter of
     * employment, not an identity document. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "CONFIRMATION OF EMPLOYMENT", 95);
    add_line(&p, "To whom it may concern,");
    add_line(&p, "Employee name: Anna Smith   passport number 123456789");
    add_line(&p, "Job title: Nurse   Start date: 01/02/2019");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_EMPLOYMENT_LETTER);
    ds_sup_text_free(&t);

    /* Thin evidence is "other": one weak cue, or two types tied. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Please find the rent for March enclosed.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_CHECK(sp.cls.confidence == 0);
    T_EQ_INT(sp.cls.nevidence, 0);
    T_EQ_INT(sp.cls.identity_score, 0); /* no identity wording: ordinary text */
    ds_sup_text_free(&t);
    /* An identity page's captions count as identity wording whatever the
     * page's type (a data page whose MRZ was missed is no letter). */
    memset(&p, 0, sizeof p);
    add_line(&p, "Surname / Nom   Given names / Prenoms");
    add_line(&p, "Nationality   Date of expiry");
    read_page(&p, &t, &sp);
    T_CHECK(sp.cls.identity_score >= 2);
    T_CHECK(ds_sup_identity_wording(&sp.cls)); /* four captions */
    ds_sup_text_free(&t);
    /* Two captions a birth entry or a form prints too are not an identity
     * document's wording: such a page of unknown type is plain text. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Surname SMITH   Forename(s) John");
    add_line(&p, "Place of birth Leeds");
    add_line(&p, "The entry above was copied from the register kept at this office.");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_EQ_INT(sp.cls.identity_score, 2);
    T_CHECK(!ds_sup_identity_wording(&sp.cls));
    ds_sup_text_free(&t);
    /* An identity title alone is. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Residence permit", 95);
    add_line(&p, "Valid until 3 May 2027");
    read_page(&p, &t, &sp);
    T_CHECK(ds_sup_identity_wording(&sp.cls));
    ds_sup_text_free(&t);
    T_CHECK(!ds_sup_identity_wording(NULL));
    memset(&p, 0, sizeof p);
    add_line(&p, "Payslip and bank statement enclosed");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    ds_sup_text_free(&t);

    /* Other languages. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Kontoauszug", 95);
    add_line(&p, "IBAN DE89 3704 0044 0532 0130 00");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    const ds_sup_field *f = field(&sp, DS_SF_IBAN);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "DE89370400440532013000");
    ds_sup_text_free(&t);

    /* No title cue the classifier knows: the body's vocabulary decides,
     * and names the words it went by. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Statement of charges", 95);
    add_line(&p, "Customer number 55102 Due date 3 May 2026");
    add_line(&p, "Electricity supply 1 Feb to 30 Apr 412 kWh 96.10");
    add_line(&p, "Standing charge 21.70");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_UTILITY_BILL);
    bool kwh = false;
    for (int i = 0; i < sp.cls.nevidence; i++)
        kwh |= strcmp(sp.cls.evidence[i], "kwh") == 0;
    T_CHECK(kwh);
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Residential lease", 95);
    add_line(&p, "The lessor lets the dwelling below to the lessee");
    add_line(&p, "Rent: 750.00 per calendar month, payable in advance");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_TENANCY_AGREEMENT);
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    add_line(&p, "Re: Anna Smith");
    add_line(&p, "We confirm the employment of the above employee in the role of");
    add_line(&p, "Senior Nurse since 2019, salary 41,000 a year. Personnel office");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_EMPLOYMENT_LETTER);
    ds_sup_text_free(&t);
    /* Two types' words about as many: no class (margin rule). */
    memset(&p, 0, sizeof p);
    add_line(&p, "Rent paid by direct debit, balance and overdraft interest");
    add_line(&p, "Landlord, tenant, deposit and premises as before");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_CHECK(sp.cls.score >= 5 && sp.cls.score - sp.cls.runner_up < 3);
    ds_sup_text_free(&t);

    /* A title the lists do not know, read as an officer reads it: a large
     * line near the top naming a document and a type's subject. */
    static const struct {
        const char *title, *line;
        ds_page_class type;
    } titled[] = {
        {"Wedding Register Extract", "Parties: Ben Okafor and Anna Smith", DS_PC_MARRIAGE_CERTIFICATE},
        {"Police Records Report", "Full name: Anna Smith   Date of issue: 3 May 2026", DS_PC_POLICE_CERTIFICATE},
        {"Service Certificate", "Anna Smith worked here as a clerk", DS_PC_EMPLOYMENT_LETTER},
        {"Rental Contract", "Flat 2, 12 Mill Road, LEEDS", DS_PC_TENANCY_AGREEMENT},
        {"Extrait de naissance", "Nom: SMITH   Prénom: Anna", DS_PC_BIRTH_CERTIFICATE},
    };
    for (size_t k = 0; k < sizeof titled / sizeof titled[0]; k++) {
        memset(&p, 0, sizeof p);
        add_line_at(&p, 100, 40, titled[k].title, 95);
        add_line(&p, titled[k].line);
        add_line(&p, "Signed at the office named above.");
        read_page(&p, &t, &sp);
        T_EQ_INT(sp.cls.type, titled[k].type);
        bool said = false;
        for (int i = 0; i < sp.cls.nevidence; i++)
            said |= strncmp(sp.cls.evidence[i], "title word: ", 12) == 0;
        T_CHECK(said);
        ds_sup_text_free(&t);
    }
    /* The same words on a large line that names no document (an issuer's
     * name), or on one in the bottom half of the page, are no title. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Meridian Energy Supply", 95);
    add_line(&p, "Anna Smith worked here as a clerk");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_OTHER);
    T_CHECK(sp.cls.score < 5); /* "energy", "supply" as body words only */
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    add_line(&p, "Anna Smith worked here as a clerk");
    p.y = 2000;
    add_line_at(&p, 100, 40, "Rental Contract", 95);
    build(&p, &t);
    ds_sup_class low;
    ds_sup_classify(&t, &low);
    T_EQ_INT(low.type, DS_PC_OTHER);
    ds_sup_text_free(&t);

    /* No words at all. */
    ds_sup_text empty = {0};
    ds_sup_class c;
    ds_sup_classify(&empty, &c);
    T_EQ_INT(c.type, DS_PC_OTHER);
    ds_sup_classify(NULL, &c);
    T_EQ_INT(c.type, DS_PC_OTHER);
    T_EQ_STR(ds_page_class_name(DS_PC_UTILITY_BILL), "utility_bill");
    T_EQ_STR(ds_page_class_name((ds_page_class)99), "other");
}

/* ------------------------------------------------------------ extraction */

/* Label wording other than the tuned families': "First party", "Married
 * on" (an event, no issue date), "Certified on", "Lessee", "Premises",
 * "Dated", "Paid on". */
static void t_more_labels(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "RECORD OF MARRIAGE", 95);
    add_line(&p, "First party      Anna SMITH");
    add_line(&p, "Second party     John BROWN");
    add_line(&p, "Married on       23rd June 2025");
    add_line(&p, "Certified on     13th May 2027");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_MARRIAGE_CERTIFICATE);
    const ds_sup_field *f = field(&sp, DS_SF_NAME);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "ANNA SMITH");
    f = field(&sp, DS_SF_ISSUE_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "2027-05-13");
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Agreement to let a dwelling", 95);
    add_line(&p, "Dated        16/08/2026");
    add_line(&p, "Lessor       Mr R. Pennington");
    add_line(&p, "Lessee       James FERNANDEZ");
    add_line(&p, "Premises     95 High Street");
    add_line(&p, "             CARDIFF KP5 9PU");
    add_line(&p, "Rent per calendar month 689.64; the tenant pays the deposit");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_TENANCY_AGREEMENT);
    f = field(&sp, DS_SF_NAME);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "JAMES FERNANDEZ");
    f = field(&sp, DS_SF_ADDRESS);
    T_CHECK(f != NULL);
    if (f)
        T_CHECK(strncmp(f->norm, "95 HIGH STREET", 14) == 0);
    f = field(&sp, DS_SF_ISSUE_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "2026-08-16");
    ds_sup_text_free(&t);
    /* An organisation's name under a "Name" caption (a form's issuer
     * section) is no person's: "Brackley Homes Ltd" was compared with the
     * applicant (heldout11 0006, a genuine tenancy form). Read or not, it
     * is no name (ds_sup_name_form, a company's legal form). */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "LANDLORD'S RENT CERTIFICATE", 95);
    add_line(&p, "Issuing organisation");
    add_line(&p, "Name         Brackley Homes Ltd");
    add_line(&p, "Monthly rent 452.00; the tenant pays the deposit");
    read_page(&p, &t, &sp);
    f = field(&sp, DS_SF_NAME);
    T_CHECK(f == NULL || strstr(f->norm, "BRACKLEY") == NULL ||
            !ds_sup_name_form(f->label, f->value));
    ds_sup_text_free(&t);
    /* A caption of the next row is no name: "Award" under "Student born"
     * was a false high SUPPORT_NAME_MISMATCH on genuine diplomas. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "CERTIFICATE OF GRADUATION", 95);
    add_line(&p, "The Senate hereby confers upon");
    add_line(&p, "the award of Bachelor of Science in Chemistry");
    add_line(&p, "Student born     14th March 1969");
    add_line(&p, "Award no.        830045860");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_DIPLOMA);
    f = field(&sp, DS_SF_NAME);
    if (f)
        T_CHECK(strcmp(f->norm, "AWARD") != 0);
    ds_sup_text_free(&t);
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "Salary advice", 95);
    add_line(&p, "Paid on      14/11/2026");
    add_line(&p, "Basic salary 1828.49   PAYE tax 221.00   National Insurance 98.10");
    add_line(&p, "Pension 80.00");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_PAYSLIP);
    f = field(&sp, DS_SF_STATEMENT_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "2026-11-14");
    ds_sup_text_free(&t);
}

/* A name over a date at the top of a page (a value column read as lines of
 * its own) is no letter head: the date was taken as the address and a
 * genuine certificate got SUPPORT_ADDRESS_MISMATCH. */
static void t_header_date_no_address(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "MARRIAGE CERTIFICATE", 95);
    add_line(&p, "Henrik Kowalski");
    add_line(&p, "14 March 2019");
    add_line(&p, "Spouse 1: Anna Smith");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_MARRIAGE_CERTIFICATE);
    T_CHECK(field(&sp, DS_SF_ADDRESS) == NULL);
    ds_sup_text_free(&t);
    /* A letter head: the issuer's name and contact line are not the
     * holder's; the addressee's block under it is. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Lakeland Building Society");
    add_line(&p, "35 Station Road, York Tel. 0198 146079");
    add_line(&p, "Mr Henrik KOWALSKI");
    add_line(&p, "12 Mill Road");
    add_line(&p, "LEEDS LS1 4AB");
    add_line_at(&p, 100, 40, "BANK STATEMENT", 95);
    add_line(&p, "Period ending 25 Sep 2026   Balance carried forward 2,447.41");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    const ds_sup_field *hn = field(&sp, DS_SF_NAME), *ha = field(&sp, DS_SF_ADDRESS);
    T_CHECK(hn && ha);
    if (hn)
        T_EQ_STR(hn->norm, "HENRIK KOWALSKI"); /* the title is no part of the name */
    if (ha)
        T_EQ_STR(ha->norm, "12 MILL ROAD, LEEDS LS1 4AB");
    ds_sup_text_free(&t);
    /* A label's word at the start of a line of running text: the words
     * after it, in lower case, are no name (a false high mismatch). */
    memset(&p, 0, sizeof p);
    add_line(&p, "Severn Water");
    add_line(&p, "Ms Anna SMITH");
    add_line(&p, "12 Mill Road");
    add_line(&p, "LEEDS LS1 4AB");
    add_line_at(&p, 100, 40, "WATER BILL", 95);
    add_line(&p, "Please keep this bill; the details of the supply and of the");
    add_line(&p, "tenant last the this of your meter are held on our records.");
    read_page(&p, &t, &sp);
    hn = field(&sp, DS_SF_NAME);
    T_CHECK(hn != NULL);
    if (hn)
        T_EQ_STR(hn->norm, "ANNA SMITH");
    ds_sup_text_free(&t);
    /* The same place with an address under the name still gives it. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "PAYSLIP", 95);
    add_line(&p, "Henrik Kowalski");
    add_line(&p, "14 Mill Road");
    add_line(&p, "LEEDS LS1 4AB");
    add_line(&p, "Net pay 1,200.00");
    read_page(&p, &t, &sp);
    const ds_sup_field *f = field(&sp, DS_SF_ADDRESS);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "14 MILL ROAD, LEEDS LS1 4AB");
    ds_sup_text_free(&t);
}

/* A stacked certificate: "Date of marriage" over its date is no issue
 * date; the generic "Date" label of that line once took it, so a
 * certificate issued in the future read as issued on the wedding day. */
static void t_event_date(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "MARRIAGE CERTIFICATE", 95);
    add_line(&p, "Spouse 1");
    add_line(&p, "Anna Smith");
    add_line(&p, "Spouse 2");
    add_line(&p, "John Brown");
    add_line(&p, "Date of marriage");
    add_line(&p, "04 APR 2024");
    add_line(&p, "Place of marriage");
    add_line(&p, "Leeds");
    add_line(&p, "Date of issue");
    add_line(&p, "16 July 2027");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_MARRIAGE_CERTIFICATE);
    const ds_sup_field *f = field(&sp, DS_SF_ISSUE_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "2027-07-16");
    ds_sup_text_free(&t);
}

static void t_extract_labels(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    add_line_at(&p, 100, 40, "STATEMENT OF ACCOUNT", 95);
    add_line(&p, "Account holder: Mr Jörg Nowak-Brown");
    add_line(&p, "Date of birth: 5th March, 1971");
    add_line(&p, "Account number: 1234 5678");
    add_line(&p, "Statement period: 01 Mar 2026 to 31 Mar 2026");
    add_line(&p, "Closing balance: £1,234.56");
    add_line(&p, "Reference: ABC123456789");
    add_line(&p, "Address: 12 Mill Road");
    add_line(&p, "LEEDS LS1 4AB");
    add_line(&p, "Sort code 12-34-56");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_BANK_STATEMENT);
    const ds_sup_field *f;
    T_CHECK((f = field(&sp, DS_SF_NAME)) != NULL);
    if (f) {
        T_EQ_STR(f->value, "Jörg Nowak-Brown"); /* the title dropped */
        T_EQ_STR(f->label, "account holder");
        T_EQ_INT(f->box[1], 60);
    }
    T_CHECK((f = field(&sp, DS_SF_BIRTH_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "1971-03-05");
    T_CHECK((f = field(&sp, DS_SF_ACCOUNT_NUMBER)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "12345678");
    T_CHECK((f = field(&sp, DS_SF_STATEMENT_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "2026-03-31"); /* the period's end */
    T_CHECK((f = field(&sp, DS_SF_AMOUNT)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "1234.56");
    T_CHECK((f = field(&sp, DS_SF_REFERENCE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "ABC123456789");
    T_CHECK((f = field(&sp, DS_SF_ADDRESS)) != NULL);
    if (f) {
        T_EQ_STR(f->value, "12 Mill Road, LEEDS LS1 4AB");
        T_CHECK(f->box[3] > 40); /* both lines */
    }
    ds_sup_text_free(&t);
}

static void t_extract_layouts(void)
{
    page p = {0};
    ds_sup_text t;
    ds_sup_page sp;
    /* Labels in a column, values beside them across a gap. */
    add_line_at(&p, 100, 40, "POLICE CERTIFICATE", 95);
    add_line(&p, "Full name | Anna Maria Rossi");
    add_line(&p, "Date of birth | 12.08.1974");
    add_line(&p, "Date of issue | 2026-01-15");
    /* A small label over its value. */
    add_line(&p, "Certificate number");
    add_line(&p, "PC-2026-000123");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_POLICE_CERTIFICATE);
    const ds_sup_field *f;
    T_CHECK((f = field(&sp, DS_SF_NAME)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "ANNA MARIA ROSSI");
    T_CHECK((f = field(&sp, DS_SF_BIRTH_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "1974-08-12");
    T_CHECK((f = field(&sp, DS_SF_ISSUE_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "2026-01-15");
    T_CHECK((f = field(&sp, DS_SF_REFERENCE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "PC2026000123");
    ds_sup_text_free(&t);

    /* A letter head: the name right above the address, no labels; an
     * organisation's name is not taken for a person's. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Brightside Energy Ltd");
    add_line(&p, "14 Station Road");
    add_line_at(&p, 100, 40, "YOUR ELECTRICITY BILL", 95);
    add_line(&p, "Grace Taylor");
    add_line(&p, "136 Church Lane");
    add_line(&p, "MANCHESTER LF2 6TF");
    add_line(&p, "Bill date: 24 April 2026");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.cls.type, DS_PC_UTILITY_BILL);
    T_CHECK((f = field(&sp, DS_SF_NAME)) != NULL);
    if (f) {
        T_EQ_STR(f->value, "Grace Taylor");
        T_EQ_STR(f->label, "header");
    }
    T_CHECK((f = field(&sp, DS_SF_ADDRESS)) != NULL);
    if (f)
        T_EQ_STR(f->value, "136 Church Lane, MANCHESTER LF2 6TF");
    T_CHECK((f = field(&sp, DS_SF_STATEMENT_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "2026-04-24");
    ds_sup_text_free(&t);

    /* The sender's letter head (a name, its address and a telephone line)
     * is not the addressee's block: the holder's block under it is taken
     * (found on heldout7's telecom bills, where the company's name and
     * address were compared with the case). */
    memset(&p, 0, sizeof p);
    add_line(&p, "Skyline Telecom");
    add_line(&p, "Park Avenue, London");
    add_line(&p, "Tel. +44 70 6856324");
    add_line(&p, "ROSSI Fatima");
    add_line(&p, "106 London Road");
    add_line(&p, "NR5 1LQ LONDON");
    add_line(&p, "Date: 2026-11-19");
    add_line_at(&p, 100, 40, "Telephone and Broadband Bill", 95);
    read_page(&p, &t, &sp);
    T_CHECK((f = field(&sp, DS_SF_NAME)) != NULL);
    if (f)
        T_EQ_STR(f->value, "ROSSI Fatima");
    T_CHECK((f = field(&sp, DS_SF_ADDRESS)) != NULL);
    if (f)
        T_EQ_STR(f->value, "106 London Road, NR5 1LQ LONDON");
    ds_sup_text_free(&t);

    /* A numbered row's caption ("1 Lessor") is no house number and street,
     * and a lease's "Premises" give the address (heldout7's leases; their
     * rows there are numbered, and a label after a row number is not yet
     * read). */
    memset(&p, 0, sizeof p);
    add_line(&p, "Mr T. Kessler");
    add_line(&p, "Elm Grove, Manchester");
    add_line(&p, "Tel. +44 37 6201537");
    add_line_at(&p, 100, 40, "Lease Agreement", 95);
    add_line(&p, "1 Lessor | Mr T. Kessler");
    add_line(&p, "2 Lessee | ANDERSSON Pierre");
    add_line(&p, "Premises | 115 Green Lane");
    read_page(&p, &t, &sp);
    T_CHECK(field(&sp, DS_SF_NAME) == NULL || strcmp(field(&sp, DS_SF_NAME)->label, "header") != 0);
    T_CHECK((f = field(&sp, DS_SF_ADDRESS)) != NULL);
    if (f) {
        T_EQ_STR(f->label, "premises");
        T_EQ_STR(f->value, "115 Green Lane");
    }
    ds_sup_text_free(&t);

    /* Surname and given names in two fields; "US" dates; running text
     * does not make labels ("the start date of" is no issue date). */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "DIPLOMA", 95);
    add_line(&p, "Surname: GARCÍA");
    add_line(&p, "Given names: María José");
    add_line(&p, "Date of issue: March 5, 2020");
    add_line(&p, "we note the start date of 01/02/2019 in our records");
    read_page(&p, &t, &sp);
    T_CHECK((f = field(&sp, DS_SF_NAME)) != NULL);
    if (f)
        T_EQ_STR(f->value, "María José GARCÍA");
    T_CHECK((f = field(&sp, DS_SF_ISSUE_DATE)) != NULL);
    if (f)
        T_EQ_STR(f->norm, "2020-03-05");
    int issue = 0;
    for (int i = 0; i < sp.nfields; i++)
        issue += sp.f[i].id == DS_SF_ISSUE_DATE;
    T_EQ_INT(issue, 1);
    ds_sup_text_free(&t);

    /* "Date of marriage" is no issue date; an address stops at the next
     * "Label: value" line, known label or not. */
    memset(&p, 0, sizeof p);
    add_line_at(&p, 100, 40, "MARRIAGE CERTIFICATE", 95);
    add_line(&p, "Date of marriage: 26.11.2023");
    add_line(&p, "Home address: 215 Riverside Drive,");
    add_line(&p, "Job title: Chef");
    read_page(&p, &t, &sp);
    f = field(&sp, DS_SF_ISSUE_DATE);
    T_CHECK(f == NULL);
    if (f)
        fprintf(stderr, "issue date %s from %s\n", f->value, f->label);
    T_CHECK((f = field(&sp, DS_SF_ADDRESS)) != NULL);
    if (f)
        T_EQ_STR(f->value, "215 Riverside Drive,");
    ds_sup_text_free(&t);

    /* Values that are not of their label's kind are no field. */
    memset(&p, 0, sizeof p);
    add_line(&p, "Date of birth: unknown");
    add_line(&p, "Name: 12345");
    add_line(&p, "Account number: none");
    read_page(&p, &t, &sp);
    T_EQ_INT(sp.nfields, 0);
    ds_sup_text_free(&t);
}

/* The text layer: runs holding spaces are cut into words, words are
 * grouped into lines by their boxes; hostile layers do not crash. */
static void t_layer(void)
{
    ds_text_word words[4];
    char *texts[4] = {"Date of birth:", "12 March 1980", "Name:", "Anna Smith"};
    int boxes[4][4] = {{100, 100, 280, 20}, {400, 102, 260, 20}, {100, 140, 100, 20},
                       {400, 141, 200, 20}};
    for (int i = 0; i < 4; i++) {
        words[i].text = texts[i];
        memcpy(words[i].box, boxes[i], sizeof boxes[i]);
        words[i].font = -1;
        words[i].size = 10;
    }
    ds_text_layer layer = {4, words, 0, NULL};
    ds_sup_text t;
    T_EQ_INT(ds_sup_read_layer(&layer, &t), DS_OK);
    T_EQ_INT(t.source, DS_SUP_SRC_TEXT_LAYER);
    T_EQ_INT(t.nlines, 2);
    T_EQ_INT(t.nwords, 9);
    T_EQ_STR(t.w[0].text, "Date");
    T_EQ_STR(t.w[3].text, "12");
    T_EQ_STR(t.w[8].text, "Smith");
    ds_sup_class c;
    ds_sup_page sp;
    ds_sup_classify(&t, &c);
    ds_sup_extract(&t, &c, &sp);
    const ds_sup_field *f = ds_sup_find(&sp, DS_SF_BIRTH_DATE);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, "1980-03-12");
    f = ds_sup_find(&sp, DS_SF_NAME);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->value, "Anna Smith");
    ds_sup_text_free(&t);

    /* NULL texts, empty boxes, a word far longer than a word may be. */
    char *longw = malloc(5000);
    T_CHECK(longw != NULL);
    if (!longw)
        return;
    memset(longw, 'x', 4999);
    longw[4999] = 0;
    longw[10] = ' ';
    ds_text_word bad[3] = {{NULL, {1, 1, 5, 5}, 0, 0, -1}, {"abc", {1, 1, 0, 0}, 0, 0, -1},
                           {longw, {0, 0, 100, 10}, 0, 0, -1}};
    ds_text_layer badl = {3, bad, 0, NULL};
    T_EQ_INT(ds_sup_read_layer(&badl, &t), DS_OK);
    T_EQ_INT(t.nwords, 2);
    T_CHECK(strlen(t.w[1].text) < DS_SUP_WORD_MAX);
    ds_sup_text_free(&t);
    free(longw);
    ds_text_layer neg = {-1, NULL, 0, NULL};
    T_EQ_INT(ds_sup_read_layer(&neg, &t), DS_ERR_USAGE);
    T_EQ_INT(ds_sup_read_layer(NULL, &t), DS_ERR_USAGE);
    /* Cut UTF-8: a run of two-byte letters longer than a word keeps whole
     * characters. */
    char utf[200] = "";
    for (int i = 0; i < 60; i++)
        strcat(utf, "é");
    ds_text_word u = {utf, {0, 0, 300, 10}, 0, 0, -1};
    ds_text_layer ul = {1, &u, 0, NULL};
    T_EQ_INT(ds_sup_read_layer(&ul, &t), DS_OK);
    T_EQ_INT(t.nwords, 1);
    T_EQ_INT((int)strlen(t.w[0].text) % 2, 0);
    ds_sup_text_free(&t);
}

static void t_fingerprint(void)
{
    page a = {0}, b = {0};
    ds_sup_text ta, tb;
    uint64_t ha, hb, ha2;
    for (int i = 0; i < 12; i++) {
        char line[128];
        snprintf(line, sizeof line, "Payment %d to account 7731%04d reference TX%06d", i, i * 7, i);
        add_line(&a, line);
        snprintf(line, sizeof line, "Payment %d to account 5520%04d reference TX%06d", i, i * 3,
                 i + 500);
        add_line(&b, line);
    }
    build(&a, &ta);
    build(&b, &tb);
    T_CHECK(ds_sup_text_fingerprint(&ta, &ha));
    T_CHECK(ds_sup_text_fingerprint(&tb, &hb));
    T_CHECK(ds_sup_text_fingerprint(&ta, &ha2));
    T_CHECK(ha == ha2);
    /* One template, other numbers: far apart (the daemon's default
     * duplicate distance is 4 bits). */
    T_CHECK(ds_hamming64(ha, hb) > 8);
    /* One word misread: close. */
    snprintf(ta.w[3].text, sizeof ta.w[3].text, "acc0unt");
    uint64_t hc;
    T_CHECK(ds_sup_text_fingerprint(&ta, &hc));
    T_CHECK(ds_hamming64(ha, hc) <= 4);
    ds_sup_text_free(&ta);
    ds_sup_text_free(&tb);
    /* Too few words: no fingerprint. */
    page c = {0};
    add_line(&c, "Dear Sir");
    build(&c, &ta);
    T_CHECK(!ds_sup_text_fingerprint(&ta, &ha));
    ds_sup_text_free(&ta);
}

/* ---------------------------------------------------------------- checks */

static void t_name_compare(void)
{
    T_EQ_INT(ds_sup_name_compare("Hans-Peter MÜLLER", "Müller", "Hans Peter"), 2);
    T_EQ_INT(ds_sup_name_compare("MUELLER, Hans Peter", "Müller", "Hans Peter"), 2);
    T_EQ_INT(ds_sup_name_compare("Hans Muller", "Müller", "Hans Peter"), 2);
    T_EQ_INT(ds_sup_name_compare("Łukasz Nowak", "Nowak", "Łukasz"), 2);
    /* Reading noise: an umlaut's dots read as two strokes, a lost letter. */
    T_EQ_INT(ds_sup_name_compare("Hans Miiller", "Müller", "Hans"), 1);
    T_EQ_INT(ds_sup_name_compare("Hans Mueler", "Müller", "Hans"), 1);
    /* Another person. */
    T_EQ_INT(ds_sup_name_compare("Sofia Okafor", "Hansen", "Oliver"), 0);
    T_EQ_INT(ds_sup_name_compare("Anna Miller", "Müller", "Anna"), 1);
    T_EQ_INT(ds_sup_name_compare("Anna Schmidt", "Müller", "Anna"), 0);
    /* One word read, one of the record's names (OCR lost the rest of "Ms
     * Oliver OKAFOR"): incomplete, not another person (main: 0, a false
     * high SUPPORT_NAME_MISMATCH on a genuine heldout5 bill). One word that
     * is none of them still differs. */
    T_EQ_INT(ds_sup_name_compare("Oliver", "Okafor", "Oliver"), -1);
    T_EQ_INT(ds_sup_name_compare("OLIVEK", "Okafor", "Oliver"), -1);
    T_EQ_INT(ds_sup_name_compare("Sofia", "Okafor", "Oliver"), 0);
    /* The last word cut short (a pen stroke under the name stopped the
     * reading; heldout15 0034, 0022: false highs on genuine pages): the
     * name is incomplete. A word cut to less than half or a first word
     * cut short still differ. */
    T_EQ_INT(ds_sup_name_compare("Dimitrios KARAGI", "Karagiannis", "Dimitrios"), -1);
    T_EQ_INT(ds_sup_name_compare("THANDIWE JANSE VAN RENSBU", "Janse van Rensburg", "Thandiwe"), -1);
    T_EQ_INT(ds_sup_name_compare("Dimitrios KARA", "Karagiannis", "Dimitrios"), 0);
    T_EQ_INT(ds_sup_name_compare("KARAGI Dimitrios", "Karagiannis", "Dimitrios"), 0);
    /* A word whose case changes twice ("PAFauuPOULOS", two readings mixed;
     * found on heldout7's payslips) is not read: unverifiable, not another
     * person. "McDONALD" changes once and is a name; a clean other name
     * still differs. */
    T_EQ_INT(ds_sup_name_compare("PAFauuPOULOS Emily Rose", "Papadopoulos", "Emily Rose"), -1);
    T_CHECK(ds_sup_case_garbled("PAFauuPOULOS"));
    T_CHECK(!ds_sup_case_garbled("McDONALD Ian"));
    T_CHECK(!ds_sup_case_garbled("DeSOUZA Ana-Maria O'NEILL"));
    T_EQ_INT(ds_sup_name_compare("McDONALD Ian", "Okafor", "Oliver"), 0);
    /* Not comparable. */
    T_EQ_INT(ds_sup_name_compare("", "Müller", "Anna"), -1);
    T_EQ_INT(ds_sup_name_compare("Anna Müller", "", ""), -1);
}

static void t_address_compare(void)
{
    const char *home = "12 Mill Road\nLEEDS LS1 4AB\nUnited Kingdom";
    T_EQ_INT(ds_sup_address_compare("12 Mill Road, LEEDS LS1 4AB", home), 1);
    T_EQ_INT(ds_sup_address_compare("12 Mill Rd, Leeds LS1 4A8", home), 1); /* OCR B as 8 */
    T_EQ_INT(ds_sup_address_compare("13 Mill Road, LEEDS LS1 4AB", home), 0);
    T_EQ_INT(ds_sup_address_compare("165 Station Road, YORK YO1 7HH", home), 0);
    T_EQ_INT(ds_sup_address_compare("", home), -1);
    T_EQ_INT(ds_sup_address_compare("12 Mill Road", ""), -1);
    /* The same address with the number after the street and the postcode
     * before the town (heldout7's layouts): one normal form, a match. */
    T_EQ_INT(ds_sup_address_compare("Mill Road 12, LS1 4AB LEEDS", home), 1);
    T_EQ_INT(ds_sup_address_compare("Mill Road 13, LS1 4AB LEEDS", home), 0);
}

static ds_case make_case(void)
{
    return sup_case("{\"case_id\":\"C-1\",\"surname\":\"Müller\",\"given_names\":\"Anna\","
                    "\"birth_date\":\"1980-03-12\",\"application_date\":\"2026-11-01\","
                    "\"address\":\"12 Mill Road\\nLEEDS LS1 4AB\",\"related_persons\":["
                    "{\"surname\":\"Müller\",\"given_names\":\"Jan\",\"relation\":\"father\","
                    "\"birth_date\":\"1950-01-02\"},{\"surname\":\"Okafor\",\"given_names\":"
                    "\"Ben\",\"relation\":\"spouse\"}]}");
}

/* Runs the checks on a page made of lines, every word read at conf but
 * the word weak (NULL: none) read at wconf; returns the flags. */
static ds_flags *check_lines_with(const char *const *lines, float conf, const char *weak,
                                  float wconf, const char *today, const ds_case *c)
{
    static ds_flags flags;
    page *p = calloc(1, sizeof *p);
    ds_sup_text t;
    ds_sup_page sp;
    memset(&flags, 0, sizeof flags);
    if (!p)
        return &flags;
    for (int i = 0; lines[i]; i++)
        add_line_at(p, 100, i == 0 ? 40 : 20, lines[i], conf);
    for (int i = 0; weak && i < p->n; i++)
        if (!strcmp(p->w[i].text, weak))
            p->w[i].conf = wconf;
    read_page(p, &t, &sp);
    ds_check_support(&sp, &t, c, today, 0, 0, &flags);
    ds_sup_text_free(&t);
    free(p);
    return &flags;
}

static ds_flags *check_lines_weak(const char *const *lines, float conf, const char *weak,
                                  float wconf, const char *today)
{
    ds_case c = make_case();
    return check_lines_with(lines, conf, weak, wconf, today, &c);
}

/* As check_lines_weak at 95 on 2026-11-23, with the case record json. */
static ds_flags *check_lines_case(const char *const *lines, const char *weak, float wconf,
                                  const char *json)
{
    ds_case c = sup_case(json);
    return check_lines_with(lines, 95, weak, wconf, "2026-11-23", &c);
}

static ds_flags *check_lines(const char *const *lines, float conf, const char *today)
{
    return check_lines_weak(lines, conf, NULL, 0, today);
}

static int alerts(const ds_flags *f)
{
    int n = 0;
    for (int i = 0; i < f->count; i++)
        n += f->item[i].severity >= DS_SEV_WARNING;
    return n;
}

/* Checks page p against the case and frees it; the severity of its
 * SUPPORT_ADDRESS_MISMATCH, 0 for none. */
static int address_severity(page *p)
{
    ds_sup_text t;
    ds_sup_page sp;
    ds_case c = make_case();
    static ds_flags flags;
    memset(&flags, 0, sizeof flags);
    read_page(p, &t, &sp);
    ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &flags);
    ds_sup_text_free(&t);
    free(p);
    return sup_severity(&flags, DS_FLAG_SUPPORT_ADDRESS_MISMATCH);
}

/* An address read with one unsure word: another address when any one word
 * is left out is a mismatch; a difference one misread could make is not. */
static int address_alerts(const char *addr_line, const char *weak1, const char *weak2)
{
    page *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    add_line_at(p, 100, 40, "BANK STATEMENT", 95);
    add_line(p, "Account holder: Anna Mueller");
    add_line(p, addr_line);
    add_line(p, "Statement date: 15 October 2026");
    add_line(p, "Sort code 12-34-56");
    for (int i = 0; i < p->n; i++)
        if ((weak1 && !strcmp(p->w[i].text, weak1)) || (weak2 && !strcmp(p->w[i].text, weak2)))
            p->w[i].conf = 40;
    return address_severity(p);
}

static void t_address_one_weak_word(void)
{
    /* The case: 12 Mill Road, LEEDS LS1 4AB. */
    T_EQ_INT(address_alerts("Address: 198 Church Lane, BRISTOL BS8 2PP", "Lane,", NULL),
             DS_SEV_WARNING);
    T_EQ_INT(address_alerts("Address: 198 Church Lane, BRISTOL BS8 2PP", "198", NULL),
             DS_SEV_WARNING);
    /* Only the unsure house number differs: unverifiable, no flag. */
    T_EQ_INT(address_alerts("Address: 13 Mill Road, LEEDS LS1 4AB", "13", NULL), 0);
    /* Two unsure words: no flag. */
    T_EQ_INT(address_alerts("Address: 198 Church Lane, BRISTOL BS8 2PP", "198", "BS8"), 0);
    /* Read surely, the same address still matches. */
    T_EQ_INT(address_alerts("Address: 12 Mill Road, LEEDS LS1 4AB", "Road,", NULL), 0);
}

/* Both postcode words unsure ("LG11 5xXY"), the house number, street and
 * town read clearly and all another address: still a mismatch (heldout7's
 * employment letter raised nothing). */
static void t_address_postcode_unsure(void)
{
    /* The case: 12 Mill Road, LEEDS LS1 4AB. */
    T_EQ_INT(address_alerts("Address: 163 Green Lane, GLASGOW LG11 5xXY", "LG11", "5xXY"),
             DS_SEV_WARNING);
    /* The case's own address with its postcode unsure: no flag. */
    T_EQ_INT(address_alerts("Address: 12 Mill Road, LEEDS LS1 4AB", "LS1", "4AB"), 0);
    /* The house number unsure as well: too little left to tell. */
    T_EQ_INT(address_alerts("Address: 163 Green Lane, GLASGOW LG11 5xXY", "163", "5xXY"), 0);
}

/* A statement whose date is read poorly (a stamp over it) but printed
 * again lower down and read clearly there: the reading is confirmed, and
 * the statement is old (heldout7's bank statement raised nothing). */
static void t_date_confirmed_elsewhere(void)
{
    const char *lines[] = {"BANK STATEMENT", "Account holder: Anna Mueller",
                           "Date: 14.06.2026", "Balance at 14.06.2026 GBP 8,280.68",
                           "Sort code 12-34-56", NULL};
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    ds_case c = make_case();
    for (int pass = 0; pass < 2; pass++) {
        /* Pass 0: the date printed twice; pass 1: once (no "Balance at"). */
        memset(p, 0, sizeof *p);
        for (int i = 0; lines[i]; i++)
            if (pass == 0 || i != 3)
                add_line_at(p, 100, i == 0 ? 40 : 20, lines[i], 95);
        for (int i = 0; i < p->n; i++)
            if (!strcmp(p->w[i].text, "14.06.2026")) {
                p->w[i].conf = 10; /* the first one, beside "Date:" */
                break;
            }
        ds_sup_text t;
        ds_sup_page sp;
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        read_page(p, &t, &sp);
        ds_check_support(&sp, &t, &c, "2026-11-23", 0, 0, &fl);
        /* Read at 10 but confirmed by its second printing: old; printed
         * once only and read at 10: no evidence, no flag. */
        T_EQ_INT(sup_flag(&fl, DS_FLAG_SUPPORT_STATEMENT_OLD) != NULL, pass == 0);
        ds_sup_text_free(&t);
    }
    free(p);
}

/* The address flags of a statement whose letter head holds addr_block
 * (two lines), the case's address printed lower down when also_case. */
static int header_address_alerts(const char *line1, const char *line2, bool also_case)
{
    page *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    add_line(p, "Mrs Anna MULLER");
    add_line(p, line1);
    add_line(p, line2);
    add_line_at(p, 100, 40, "BANK STATEMENT", 95);
    add_line(p, "Period ending 25 Sep 2026   Balance carried forward 2,447.41");
    if (also_case)
        add_line(p, "Statements are sent to 12 Mill Road LEEDS LS1 4AB");
    return address_severity(p);
}

static void t_address_shown_elsewhere(void)
{
    /* The letter head's address differs from the case's: a warning. */
    T_EQ_INT(header_address_alerts("165 Station Road", "YORK YO1 7HH", false), DS_SEV_WARNING);
    /* The same, where the page prints the case's address as well: the
     * block placed as the address was another one; no flag. */
    T_EQ_INT(header_address_alerts("165 Station Road", "YORK YO1 7HH", true), 0);
}

static void t_checks_genuine(void)
{
    static const char *const stmt[] = {
        "BANK STATEMENT", "Account holder: Anna Mueller", "Address: 12 Mill Road",
        "LEEDS LS1 4AB", "Statement date: 15 October 2026", "Sort code 12-34-56", NULL};
    ds_flags *f = check_lines(stmt, 95, "2026-11-23");
    T_EQ_INT(f->count, 0);
    /* A related person's page (the spouse's payslip) is no mismatch. */
    static const char *const slip[] = {"PAYSLIP", "Employee name: Ben Okafor",
                                       "Pay date: 28 October 2026", "Net pay: 2,100.00", NULL};
    f = check_lines(slip, 95, "2026-11-23");
    T_EQ_INT(alerts(f), 0);
    /* A birth certificate: the applicant as the child, the father's birth
     * date is the father's. */
    static const char *const birth[] = {
        "CERTIFICATE OF BIRTH", "Name of child: Anna Müller", "Date of birth: 12 March 1980",
        "Name of father: Jan Müller", "Date of issue: 20 March 1980", NULL};
    f = check_lines(birth, 95, "2026-11-23");
    T_EQ_INT(f->count, 0);
    /* A page of no known type is not checked, whatever it names. */
    static const char *const leaflet[] = {"Summer fair on the green", "Name: Sofia Okafor",
                                          "Date of birth: 1 January 1990", NULL};
    f = check_lines(leaflet, 95, "2026-11-23");
    T_EQ_INT(f->count, 0);
}

static void t_checks_defects(void)
{
    /* Another person, read clearly in a labelled field: high. */
    static const char *const other[] = {"POLICE CERTIFICATE", "Full name: Sofia Okafor",
                                        "Date of issue: 3 February 2026", NULL};
    ds_flags *f = check_lines(other, 95, "2026-11-23");
    const ds_flag *x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL);
    if (x) {
        T_EQ_INT(x->severity, DS_SEV_HIGH);
        T_EQ_STR(x->field, "name");
        T_CHECK(strstr(x->message, "Okafor") == NULL); /* no page content in messages */
    }
    /* The same, read poorly: a warning, not fraud. */
    f = check_lines(other, 60, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    /* No name on the page at all: information only. */
    static const char *const noname[] = {"POLICE CERTIFICATE", "Date of issue: 3 February 2026",
                                         "No convictions are recorded.", NULL};
    f = check_lines(noname, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_NAME_UNVERIFIED);
    T_CHECK(x != NULL && x->severity == DS_SEV_INFO);
    T_EQ_INT(alerts(f), 0);
    /* Birth date: clearly different (high); one confusable digit (warning). */
    static const char *const bd[] = {"POLICE CERTIFICATE", "Full name: Anna Müller",
                                     "Date of birth: 12 March 1985", NULL};
    f = check_lines(bd, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_HIGH);
    if (x) {
        T_EQ_STR(x->expected, "1980-03-12");
        T_EQ_STR(x->found, "1985-03-12");
    }
    static const char *const bd8[] = {"POLICE CERTIFICATE", "Full name: Anna Müller",
                                      "Date of birth: 12 March 1930", NULL};
    f = check_lines(bd8, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING); /* 3 and 8 look alike */
    /* A birth date read after "born" in a sentence, clearly different: the
     * sentence placed it, no label did; a warning, not fraud. */
    static const char *const bdp[] = {
        "EMPLOYMENT VERIFICATION",
        "We hereby confirm that Anna Müller, born 12 March 1985, has been employed by us",
        "as a clerk since the 3rd day of May 2019 on a permanent contract.", NULL};
    f = check_lines(bdp, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    /* A date taken from the box beside the birth date's label, where the
     * page prints the expected birth date as well: no other birth date is
     * shown, the reading is unsure which date is which (no flag). */
    static const char *const bdbox[] = {"BANK STATEMENT", "Account holder: Anna Müller",
                                        "Date of birth: 23 October 2026 12 March 1980",
                                        "Sort code 12-34-56", NULL};
    f = check_lines(bdbox, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH) == NULL);
    /* Address. */
    static const char *const addr[] = {"BANK STATEMENT", "Account holder: Anna Müller",
                                       "Address: 165 Station Road", "YORK YO1 7HH", NULL};
    f = check_lines(addr, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_ADDRESS_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    /* Dates: in the future, too old for the window, a birth certificate
     * before the birth. */
    static const char *const fut[] = {"PAYSLIP", "Employee name: Anna Müller",
                                      "Pay date: 28 February 2027", NULL};
    f = check_lines(fut, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_DATE_FUTURE);
    T_CHECK(x != NULL && x->severity == DS_SEV_HIGH);
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_STATEMENT_OLD) == NULL);
    /* A date read unsurely, one look-alike digit from a date that is not
     * in the future (2028 for 2026): unverifiable, no flag; read unsurely
     * with no such digit, or read at 70: a warning. */
    static const char *const fut99[] = {"PAYSLIP", "Employee name: Anna Müller",
                                        "Pay date: 28 February 2055", NULL};
    f = check_lines_weak(fut99, 95, "2055", 33, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_DATE_FUTURE);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING); /* no look-alike reaches today */
    static const char *const fut8[] = {"PAYSLIP", "Employee name: Anna Müller",
                                       "Pay date: 28 February 2028", NULL};
    f = check_lines_weak(fut8, 95, "2028", 33, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_DATE_FUTURE) == NULL);
    f = check_lines_weak(fut8, 95, "2028", 70, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_DATE_FUTURE);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    static const char *const old[] = {"PAYSLIP", "Employee name: Anna Müller",
                                      "Pay date: 28 February 2026", NULL};
    f = check_lines(old, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_STATEMENT_OLD);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    if (x)
        T_EQ_STR(x->expected, "2026-11-01"); /* the application date */
    static const char *const fresh[] = {"PAYSLIP", "Employee name: Anna Müller",
                                        "Pay date: 28 September 2026", NULL};
    f = check_lines(fresh, 95, "2026-11-23");
    T_EQ_INT(alerts(f), 0);
    static const char *const before[] = {
        "BIRTH CERTIFICATE", "Name of child: Anna Müller", "Date of birth: 12 March 1980",
        "Date of issue: 2 January 1979", NULL};
    f = check_lines(before, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_ISSUED_BEFORE_BIRTH);
    T_CHECK(x != NULL && x->severity == DS_SEV_HIGH);
    /* A marriage certificate must name the applicant, not only the spouse. */
    static const char *const mar[] = {"MARRIAGE CERTIFICATE", "Husband: Ben Okafor",
                                      "Wife: Clara Schmidt", NULL};
    f = check_lines(mar, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) != NULL);
    static const char *const mar_ok[] = {"MARRIAGE CERTIFICATE", "Husband: Ben Okafor",
                                         "Wife: Anna Müller", NULL};
    f = check_lines(mar_ok, 95, "2026-11-23");
    T_EQ_INT(alerts(f), 0);
}

/* The annotated page boxes each supporting field, red where a flag of the
 * page names it or the field mismatched. */
static void t_annotate(void)
{
    ds_sup_page sp;
    memset(&sp, 0, sizeof sp);
    sp.nfields = 2;
    sp.f[0].id = DS_SF_NAME;
    snprintf(sp.f[0].status, sizeof sp.f[0].status, "match");
    memcpy(sp.f[0].box, (int[4]){10, 20, 30, 40}, sizeof sp.f[0].box);
    sp.f[1].id = DS_SF_BIRTH_DATE;
    memcpy(sp.f[1].box, (int[4]){50, 60, 70, 80}, sizeof sp.f[1].box);
    ds_flag fl;
    memset(&fl, 0, sizeof fl);
    fl.page = 2;
    fl.severity = DS_SEV_HIGH;
    snprintf(fl.field, sizeof fl.field, "birth_date");
    ds_annotate *a = calloc(1, sizeof *a);
    T_CHECK(a != NULL);
    if (!a)
        return;
    ds_annotate_support(a, &sp, &fl, 1, 2);
    T_EQ_INT(a->count, 2);
    T_EQ_INT(a->box[0].kind, DS_ANNOTATE_FIELD);
    T_EQ_STR(a->box[0].label, "name: match");
    T_EQ_INT(a->box[1].kind, DS_ANNOTATE_FLAGGED);
    T_EQ_INT(a->box[1].x, 50);
    /* A flag of another page leaves the field green; NULL adds nothing. */
    memset(a, 0, sizeof *a);
    ds_annotate_support(a, &sp, &fl, 1, 0);
    T_EQ_INT(a->box[1].kind, DS_ANNOTATE_FIELD);
    ds_annotate_support(a, NULL, &fl, 1, 0);
    T_EQ_INT(a->count, 2);
    free(a);
}

/* SUPPORT_NAME_MISMATCH needs a name positively read as a person's
 * (issue 15; the false ones of heldout8's study pages). */
static void t_name_evidence(void)
{
    /* Not a name: a caption read as the value (a payslip's "Tax" of "Tax
     * code", "AMOUNT DUE" of a slip, "MIDDLE NAME" of a birth record's
     * caption row), one word under a label for the whole name ("Contact"
     * after "we confirm that", "Tuva" half read), one word read for both the
     * surname's and the given names' box ("MIDOLE MIDOLE"). */
    T_CHECK(!ds_sup_name_form("employee name", "Tax"));
    T_CHECK(!ds_sup_name_form("name", "AMOUNT DUE"));
    T_CHECK(!ds_sup_name_form("surname, given names", "MIDDLE FERNANDEZ,"));
    T_CHECK(!ds_sup_name_form("we confirm that", "Contact"));
    T_CHECK(!ds_sup_name_form("this is to certify that", "Tuva"));
    T_CHECK(!ds_sup_name_form("surname, given names", "MIDOLE MIDOLE"));
    /* An employer under a form's "Name / Firma" (heldout11's payslips): a
     * company's legal form names an organisation. */
    T_CHECK(!ds_sup_name_form("name", "Hansen Logistik GmbH"));
    T_CHECK(!ds_sup_name_form("name", "Grupo Ibersan S.A."));
    T_CHECK(!ds_sup_name_form("name", "Brackley Homes Ltd"));
    T_CHECK(ds_sup_company_word("SARL"));
    T_CHECK(!ds_sup_company_word("Sam"));
    /* Names: a whole name, a surname alone under a surname's label. */
    T_CHECK(ds_sup_name_form("surname, given names", "Fatima BROWN"));
    T_CHECK(ds_sup_name_form("full name", "Sofia Okafor"));
    T_CHECK(ds_sup_name_form("surname", "BROWN"));
    T_CHECK(ds_sup_name_form("familienname", "Okafor"));
    /* A payslip whose name box gave a caption word: no mismatch. */
    static const char *const tax[] = {"PAYSLIP", "Employee name: Tax", "Pay date: 28 October 2026",
                                      "Net pay: 2,100.00", NULL};
    ds_flags *f = check_lines(tax, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    static const char *const firm[] = {"VERDIENSTBESCHEINIGUNG", "Name: Hansen Logistik GmbH",
                                       "Abrechnungszeitraum Oktober 2026", "Nettoentgelt 1981.00",
                                       NULL};
    f = check_lines(firm, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    static const char *const rent[] = {"LANDLORD'S RENT CERTIFICATE", "Issuing organisation",
                                       "Name         Brackley Homes Ltd",
                                       "Monthly rent 452.00; the tenant pays the deposit", NULL};
    f = check_lines(rent, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    /* A parent's name alone differs, the child's was not read: the page's
     * subject was not identified, a warning (main: high). */
    static const char *const par[] = {"CERTIFICATE OF BIRTH", "Name of father: Sofia Okafor",
                                      "Date of issue: 20 March 1980", NULL};
    f = check_lines(par, 95, "2026-11-23");
    const ds_flag *x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    /* The second spouse of a marriage certificate is its subject too
     * (heldout7's "spouse 2" of a wrong name): high. */
    static const char *const wed[] = {"CERTIFICATE OF MARRIAGE", "Spouse 1: Ben Okafor",
                                      "Spouse 2: Sofia Hansen", "Date of marriage: 3 May 2020",
                                      NULL};
    f = check_lines(wed, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_HIGH);
    /* The child's name read clearly as another person's: still high. */
    static const char *const child[] = {"CERTIFICATE OF BIRTH", "Name of child: Sofia Okafor",
                                        "Date of issue: 20 March 1980", NULL};
    f = check_lines(child, 95, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_HIGH);
    /* Read unsurely (a word at 40) with a word of the applicant's name
     * ("Anna Mille" for Anna Müller): no mismatch; read unsurely with no
     * word of anyone's name, still a warning. Read at 60, the given name
     * exact and the surname two letters off: a misreading, no mismatch
     * either (sup9: heldout8's genuine "Garefa, Olga" for García, read at
     * 92, was a high mismatch). */
    static const char *const mille[] = {"POLICE CERTIFICATE", "Full name: Anna Mille",
                                        "Date of issue: 3 February 2026", NULL};
    f = check_lines_weak(mille, 95, "Mille", 40, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    static const char *const sofia[] = {"POLICE CERTIFICATE", "Full name: Sofia Hansen",
                                        "Date of issue: 3 February 2026", NULL};
    f = check_lines_weak(sofia, 95, "Hansen", 40, "2026-11-23");
    x = sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH);
    T_CHECK(x != NULL && x->severity == DS_SEV_WARNING);
    f = check_lines_weak(mille, 95, "Mille", 60, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
}

/* Names misread are no evidence of another person (heldout10's genuine
 * pages): a word under a highlighter read at 26 ("rainy TAM wb"), a given
 * name OCR's English cannot spell ("Enkacz ROSSI" for Łukasz Rossi, read
 * at 70), a joint holder's name placed by the letter head on a statement
 * that prints the applicant's too. A name
 * read clearly that is another person's still is a mismatch. */
static void t_name_misreadings(void)
{
    static const char *const stamp[] = {"POLICE CERTIFICATE", "Full name: rainy TAM wb",
                                        "Date of issue: 3 February 2026", NULL};
    ds_flags *f = check_lines_weak(stamp, 95, "rainy", 26, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    /* Łukasz Rossi's case: "Enkacz ROSSI" read at 70 is no mismatch. */
    static const char *const given[] = {"POLICE CERTIFICATE", "Full name: Enkacz ROSSI",
                                        "Date of issue: 3 February 2026", NULL};
    static const char *const lukasz =
        "{\"case_id\":\"C-2\",\"surname\":\"Rossi\",\"given_names\":\"Łukasz\","
        "\"birth_date\":\"1980-03-12\",\"application_date\":\"2026-11-01\"}";
    f = check_lines_case(given, "Enkacz", 70, lukasz);
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    /* Read clearly, or the given name nothing like the record's: a
     * mismatch still (a brother's certificate). */
    f = check_lines_case(given, "Enkacz", 95, lukasz);
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) != NULL);
    static const char *const other[] = {"POLICE CERTIFICATE", "Full name: Bartholomew ROSSI",
                                        "Date of issue: 3 February 2026", NULL};
    f = check_lines_case(other, "Bartholomew", 70, lukasz);
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) != NULL);
    /* A statement headed by a joint holder's name, the applicant named in
     * the text: no mismatch; without the applicant's name: a mismatch. */
    static const char *const joint[] = {"Mrs Sofia Hansen", "1 Elm Grove", "BANK STATEMENT",
                                        "Account holders: Dr Anna MULLER and Mrs Sofia Hansen",
                                        "Statement date: 3 November 2026", NULL};
    f = check_lines(joint, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) == NULL);
    static const char *const alone[] = {"Mrs Sofia Hansen", "1 Elm Grove", "BANK STATEMENT",
                                        "Account holder: Mrs Sofia Hansen",
                                        "Statement date: 3 November 2026", NULL};
    f = check_lines(alone, 95, "2026-11-23");
    T_CHECK(sup_flag(f, DS_FLAG_SUPPORT_NAME_MISMATCH) != NULL);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"name_misreadings", t_name_misreadings},
        {"classify", t_classify},
        {"address_postcode_unsure", t_address_postcode_unsure},
        {"date_confirmed_elsewhere", t_date_confirmed_elsewhere},
        {"event_date", t_event_date},
        {"more_labels", t_more_labels},
        {"header_date_no_address", t_header_date_no_address},
        {"extract_labels", t_extract_labels},
        {"extract_layouts", t_extract_layouts},
        {"layer", t_layer},
        {"fingerprint", t_fingerprint},
        {"name_compare", t_name_compare},
        {"address_compare", t_address_compare},
        {"address_one_weak_word", t_address_one_weak_word},
        {"address_shown_elsewhere", t_address_shown_elsewhere},
        {"checks_genuine", t_checks_genuine},
        {"checks_defects", t_checks_defects},
        {"name_evidence", t_name_evidence},
        {"annotate", t_annotate},
    };
    return T_RUN(cases);
}
