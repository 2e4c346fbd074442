/*
 * Unit tests of a form's party sections on supporting pages
 * (src/page/support_party.c): a name caption under another party's
 * heading ("1. Landlord", "Locateur", "Employer") names that party, not the
 * holder; a row headed by another party's role ("Co-tenant - Surname")
 * holds that party's name; a name put together from two rows is a warning
 * at most; a small l read for a capital I. Pages are built word by word
 * (tests/sup_page.h), so no OCR runs;
 * each case names the page it stands for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "page/support_lines.h"
#include "sup_page.h"
#include "t.h"

static const char *const case_ioana =
    "{\"case_id\":\"C-1\",\"surname\":\"Dumitrescu\",\"given_names\":\"Ioana\","
    "\"birth_date\":\"1990-03-14\",\"application_date\":\"2026-11-01\"}";

/* The tenancy form of heldout14 0033: the landlord's section first. */
static void tenancy(page *p, const char *tenant_sur, const char *tenant_given)
{
    add_line_at(p, 600, 40, "TENANCY AGREEMENT", 96);
    add_line(p, "1. Landlord");
    add_line(p, "Surname / Given names");
    add_line(p, "Gheorghe Rusu");
    add_line(p, "2. Tenant");
    add_line(p, "Surname");
    add_line(p, tenant_sur);
    add_line(p, "Given names");
    add_line(p, tenant_given);
    add_line(p, "3. Premises");
    add_line(p, "Address");
    add_line(p, "Str. Lalelelor nr. 92, 400117 Cluj-Napoca");
    add_line(p, "Monthly rent 3,090 RON");
    add_line(p, "The tenant shall pay the rent in advance on the first day of each month.");
    add_line(p, "Signed on: 07.06.2026");
}

static void t_landlord_section(void)
{
    char name[DS_SUP_VALUE_MAX];
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    tenancy(p, "DUMITRESCU", "Ioana");
    T_EQ_INT(sup_name_flag(p, case_ioana, name, sizeof name), 0);
    T_CHECK(strstr(name, "DUMITRESCU") != NULL);
    T_CHECK(strstr(name, "RUSU") == NULL);
    free(p);
    /* Another tenant is still another person. */
    p = calloc(1, sizeof *p);
    if (!p)
        return;
    tenancy(p, "POPESCU", "Elena");
    T_CHECK(sup_name_flag(p, case_ioana, name, sizeof name) > 0);
    T_CHECK(strstr(name, "POPESCU") != NULL);
    free(p);
}

/* The same form in French (heldout14 0015): "1. Locateur" over a company. */
static void t_locateur_section(void)
{
    static const char *const case_jf =
        "{\"case_id\":\"C-2\",\"surname\":\"de la Durantaye\",\"given_names\":\"Jean-Fran\xC3\xA7ois\","
        "\"birth_date\":\"1980-05-02\",\"application_date\":\"2026-11-01\"}";
    char name[DS_SUP_VALUE_MAX];
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line_at(p, 600, 40, "BAIL DE LOGEMENT", 96);
    add_line(p, "1. Locateur");
    add_line(p, "Nom / Pr\xC3\xA9noms");
    add_line(p, "Gestion immobili\xC3\xA8re Beaubien");
    add_line(p, "2. Locataire");
    add_line(p, "Nom");
    add_line(p, "DE LA DURANTAYE");
    add_line(p, "Pr\xC3\xA9noms");
    add_line(p, "Jean-Fran\xC3\xA7ois");
    add_line(p, "3. Logement");
    add_line(p, "Adresse");
    add_line(p, "114, rue Saint-Denis, Laval H7N 3X8");
    add_line(p, "Loyer mensuel 2,446 CAD");
    T_EQ_INT(sup_name_flag(p, case_jf, name, sizeof name), 0);
    T_CHECK(strstr(name, "BEAUBIEN") == NULL);
    free(p);
}

/* Headings: numbered or not, a role and its translation, a possessive;
 * not a caption with a value, not a role beside another party's. */
static void t_headings(void)
{
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line(p, "Employer's details");         /* 0: other */
    add_line(p, "Name: Northwind Logistics"); /* 1: other */
    add_line(p, "II. Employee");               /* 2: holder */
    add_line(p, "Name: Ioana Dumitrescu");     /* 3: holder */
    add_line(p, "Landlord: Jan Kaczmarek");    /* 4: a caption and its value */
    add_line(p, "B) Premises");                /* 5: ends the section */
    add_line(p, "Address 14 Harbour Road");    /* 6 */
    add_line(p, "Locateur / Landlord");        /* 7: other */
    add_line(p, "Landlord Tenant");            /* 8: two parties: none */
    ds_sup_text t;
    build(p, &t);
    ds_sup_lines L = {t.nlines, calloc((size_t)t.nlines + 1, sizeof(int)),
                      calloc((size_t)t.nlines + 1, sizeof(int)), DS_SUP_ORDER_UNKNOWN};
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    signed char role[16];
    if (L.start && L.height && lt && t.nlines == 9) {
        for (int i = t.nwords - 1; i >= 0; i--) {
            L.start[t.w[i].line] = i;
            if (t.w[i].box[3] > L.height[t.w[i].line])
                L.height[t.w[i].line] = t.w[i].box[3];
        }
        L.start[t.nlines] = t.nwords;
        ds_sup_party_sections(&t, &L, lt, role);
        const signed char want[9] = {-1, -1, 1, 1, 1, 0, 0, -1, -1};
        for (int i = 0; i < 9; i++)
            T_EQ_INT(role[i], want[i]);
    } else {
        T_EQ_INT(t.nlines, 9);
    }
    free(L.start);
    free(L.height);
    free(lt);
    ds_sup_text_free(&t);
    free(p);
}


/* heldout14 0033 as OCR read it: the tenant's and the co-tenant's rows of
 * boxed cells, "Surname | Given names" side by side, the co-tenant's row
 * headed by its role ("Co+tenant": the hyphen read "+"). The co-tenant's
 * given names are the co-tenant's, never the tenant's, whatever the
 * tenant's given names read. */
static void cotenant_form(page *p, const char *given)
{
    add_line_at(p, 600, 40, "TENANCY AGREEMENT", 96);
    add_line(p, "1. Landlord");
    add_line(p, "Surname / Given names");
    add_line(p, "Gheorghe Rusu");
    add_line(p, "2. Tenant");
    add_line(p, "Surname | Given names");
    add_line(p, given ? given : "DUMITRESCU");
    add_line(p, "Co+tenant - Surname | Given names");
    add_line(p, "POPESCU | Mihai");
    add_line(p, "3. Premises");
    add_line(p, "Address");
    add_line(p, "Str. Lalelelor nr. 92, 400117 Cluj-Napoca");
    add_line(p, "Signed on: 07.06.2026");
}

static void t_cotenant_row(void)
{
    static const char *const rows[] = {"DUMITRESCU | loana", "DUMITRESCU | Ioana",
                                       "DUMITRESCU | 1oana", "DUMITRESCU"};
    for (int i = 0; i < 4; i++) {
        char name[DS_SUP_VALUE_MAX];
        page *p = calloc(1, sizeof *p);
        if (!p)
            return;
        cotenant_form(p, rows[i]);
        T_EQ_INT(sup_name_flag(p, case_ioana, name, sizeof name), 0);
        T_CHECK(strstr(name, "DUMITRESCU") != NULL);
        T_CHECK(strstr(name, "MIHAI") == NULL);
        if (i < 2)
            T_EQ_STR(name, "IOANA DUMITRESCU");
        free(p);
    }
}

/* Another tenant's name on the tenant's row is still another person, high;
 * a given name filled from a later row, the holder's own box read as no
 * name ("1oana"), is put together: a warning at most. */
static void t_name_apart(void)
{
    char name[DS_SUP_VALUE_MAX];
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    cotenant_form(p, "POPESCU | Elena");
    T_EQ_INT(sup_name_flag(p, case_ioana, name, sizeof name), DS_SEV_HIGH);
    T_EQ_STR(name, "ELENA POPESCU");
    free(p);
    p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line_at(p, 600, 40, "TENANCY AGREEMENT", 96);
    add_line(p, "Surname | Given names");
    add_line(p, "VASILESCU | 1oana");
    add_line(p, "Surname | Given names");
    add_line(p, "POPESCU | Mihai");
    add_line(p, "Address");
    add_line(p, "Str. Lalelelor nr. 92, 400117 Cluj-Napoca");
    T_EQ_INT(sup_name_flag(p, case_ioana, name, sizeof name), DS_SEV_WARNING);
    T_EQ_STR(name, "MIHAI VASILESCU");
    free(p);
}

/* A small l before a vowel read for a capital I in a name's box; not a
 * sentence's word after a caption, not a particle. */
static void t_small_l(void)
{
    T_CHECK(ds_sup_l_for_capital_i("loana"));
    T_CHECK(ds_sup_l_for_capital_i("lon"));
    T_CHECK(!ds_sup_l_for_capital_i("los"));
    T_CHECK(!ds_sup_l_for_capital_i("Ioana"));
    T_CHECK(!ds_sup_l_for_capital_i("lrina"));
    T_CHECK(!ds_sup_l_for_capital_i("loAna"));
    char v[64] = "loana de los Santos";
    ds_sup_name_fix_l(v);
    T_EQ_STR(v, "Ioana de los Santos");
    char name[DS_SUP_VALUE_MAX];
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line_at(p, 600, 40, "TENANCY AGREEMENT", 96);
    add_line(p, "Tenant: let the rooms furnished");
    add_line(p, "Address: Str. Lalelelor nr. 92, 400117 Cluj-Napoca");
    sup_name_flag(p, case_ioana, name, sizeof name);
    T_CHECK(strstr(name, "IET") == NULL);
    free(p);
}

/* The role a name caption's row names: in its own cell, else the row's
 * first; a spouse another party but on a marriage certificate. */
static void t_row_roles(void)
{
    static const struct {
        const char *line, *caption;
        bool marriage;
        int want;
    } cases[] = {
        {"Co+tenant - Surname | Given names", "surname", false, -1},
        {"Co+tenant - Surname | Given names", "given", false, -1},
        {"Surname | Given names", "given", false, 0},
        {"Tenant surname | Given names", "given", false, 1},
        {"Father's surname", "surname", false, -1},
        {"Second applicant surname", "surname", false, -1},
        {"Spouse surname", "surname", false, -1},
        {"Spouse surname", "surname", true, 0},
        {"Garant - Nom | Pr\xC3\xA9noms", "prenoms", false, -1},
        {"Tenant | Landlord surname", "surname", false, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        page *p = calloc(1, sizeof *p);
        if (!p)
            return;
        add_line(p, cases[i].line);
        ds_sup_text t;
        build(p, &t);
        int start[2] = {0, t.nwords}, height[2] = {20, 0};
        ds_sup_lines L = {1, start, height, DS_SUP_ORDER_UNKNOWN};
        ds_sup_line_toks *lt = malloc(sizeof *lt);
        if (lt) {
            ds_sup_tokenize(&t, &L, 0, lt);
            int pos = 0;
            while (pos < lt->n && strcmp(lt->t[pos].s, cases[i].caption) != 0)
                pos++;
            T_CHECK(pos < lt->n);
            T_EQ_INT(ds_sup_row_role(&t, &L, lt, pos, cases[i].marriage), cases[i].want);
        }
        free(lt);
        ds_sup_text_free(&t);
        free(p);
    }
}


/* A holder's role alone on a line captions the name under it (heldout14
 * 0044, 0062: "Student" over the name on a transcript). */
static void t_role_caption(void)
{
    static const char *const case_olena =
        "{\"case_id\":\"C-3\",\"surname\":\"Shevchenko\",\"given_names\":\"Olena\","
        "\"birth_date\":\"1975-07-30\",\"application_date\":\"2026-11-01\"}";
    for (int other = 0; other < 2; other++) {
        char name[DS_SUP_VALUE_MAX];
        page *p = calloc(1, sizeof *p);
        if (!p)
            return;
        add_line_at(p, 300, 40, "Ivan Franko National University of Lviv", 96);
        add_line_at(p, 300, 40, "ACADEMIC TRANSCRIPT", 96);
        add_line(p, "Student");
        add_line(p, other ? "Dmytro Kovalenko" : "Olena Shevchenko");
        add_line(p, "born 30.07.1975 in Kharkiv");
        add_line(p, "Student no.: 9452220");
        add_line(p, "Course Credits Grade");
        add_line(p, "1 Mathematical Analysis I 6 A");
        add_line(p, "Issued on 18.05.2026");
        int sev = sup_name_flag(p, case_olena, name, sizeof name);
        T_EQ_STR(name, other ? "DMYTRO KOVALENKO" : "OLENA SHEVCHENKO");
        T_EQ_INT(sev, other ? DS_SEV_HIGH : 0);
        free(p);
    }
}


int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"landlord_section", t_landlord_section},
        {"locateur_section", t_locateur_section},
        {"headings", t_headings},
        {"cotenant_row", t_cotenant_row},
        {"name_apart", t_name_apart},
        {"small_l", t_small_l},
        {"row_roles", t_row_roles},
        {"role_caption", t_role_caption},
    };
    return T_RUN(cases);
}
