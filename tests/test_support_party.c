/*
 * Unit tests of a form's party sections on supporting pages
 * (src/page/support_party.c): a name caption under another party's
 * heading ("1. Landlord", "Locateur", "Employer") names that party, not the
 * holder. Pages are built word by word (tests/sup_page.h), so no OCR runs;
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

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"landlord_section", t_landlord_section},
        {"locateur_section", t_locateur_section},
        {"headings", t_headings},
    };
    return T_RUN(cases);
}
