/*
 * Unit tests of a period's end on a page that is no statement
 * (src/check/supcheck.c, check_dates): a lease "for the period from 25 MAR
 * 2026 to 24 MAR 2027" ends in the future as a rule, and that end does not
 * date the page (heldout15 0051, a genuine lease, got a high
 * SUPPORT_DATE_FUTURE from it). A lease whose own signing date lies in the
 * future still gets the flag, and so does a statement's period. Pages are
 * built word by word (tests/sup_page.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

static const char *const case_json =
    "{\"case_id\":\"C-1\",\"surname\":\"Nikolaidis\",\"given_names\":\"Dimitrios\","
    "\"birth_date\":\"1956-01-20\",\"application_date\":\"2026-11-12\"}";

/* Reads the page's lines, checks it with the case on 2026-11-23; returns
 * the severity of SUPPORT_DATE_FUTURE (-1: not raised) and the page type. */
static int future_of(const char *const *lines, int n, ds_page_class *type)
{
    ds_case c;
    char msg[DS_CASE_MSG_MAX];
    T_EQ_INT(ds_case_parse(case_json, strlen(case_json), &c, msg, sizeof msg), DS_OK);
    page *p = calloc(1, sizeof *p);
    ds_sup_page *sp = calloc(1, sizeof *sp);
    static ds_flags flags;
    int sev = -1;
    if (!p || !sp) {
        free(p);
        free(sp);
        return -2;
    }
    for (int i = 0; i < n; i++)
        add_line(p, lines[i]);
    ds_sup_text t;
    sup_read_page(p, &t, sp);
    *type = sp->cls.type;
    memset(&flags, 0, sizeof flags);
    ds_check_support(sp, &t, &c, "2026-11-23", 90, 0, &flags);
    for (int i = 0; i < flags.count; i++)
        if (flags.item[i].code == DS_FLAG_SUPPORT_DATE_FUTURE)
            sev = (int)flags.item[i].severity;
    ds_sup_text_free(&t);
    free(p);
    free(sp);
    return sev;
}

static void t_lease_term_not_dated(void)
{
    static const char *const lease[] = {
        "LEASE AGREEMENT",
        "entered into by and between",
        "Nikolaos Stavrou (hereinafter the Lessor)",
        "and",
        "Dimitrios Nikolaidis, identity no. A8508052",
        "(hereinafter the Lessee)",
        "in respect of the premises situated at Tsimiski 50, 105 63 Athina",
        "for the period from 25 MAR 2026 to 24 MAR 2027.",
        "The Lessee shall pay the rent monthly in advance.",
        "The deposit shall be held in an interest-bearing account.",
        "Monthly rent: 487 EUR",
        "Thus done and signed at Athina on 10 MAR 2026.",
    };
    ds_page_class type;
    T_EQ_INT(future_of(lease, 12, &type), -1);
    T_EQ_INT(type, DS_PC_TENANCY_AGREEMENT);
}

static void t_lease_signed_in_future(void)
{
    static const char *const lease[] = {
        "LEASE AGREEMENT",
        "Landlord: Nikolaos Stavrou",
        "Tenant: Dimitrios Nikolaidis",
        "Premises: Tsimiski 50, 105 63 Athina",
        "The tenant shall pay the rent monthly; the deposit is two months' rent.",
        "Date of agreement: 10 MAR 2027",
    };
    ds_page_class type;
    T_CHECK(future_of(lease, 6, &type) >= (int)DS_SEV_WARNING);
    T_EQ_INT(type, DS_PC_TENANCY_AGREEMENT);
}

static void t_statement_period_in_future(void)
{
    static const char *const stmt[] = {
        "Attica Savings Bank",
        "ACCOUNT STATEMENT",
        "Account holder: Dimitrios Nikolaidis",
        "IBAN GR16 0110 1250 0000 0001 2300 695",
        "Statement period 01 JAN 2027 to 31 JAN 2027",
        "Date Description Debit Credit Balance",
        "05 JAN 2027 Salary 1,200.00 2,340.10",
        "Closing balance 2,340.10",
    };
    ds_page_class type;
    T_CHECK(future_of(stmt, 8, &type) >= (int)DS_SEV_WARNING);
    T_EQ_INT(type, DS_PC_BANK_STATEMENT);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"lease_term_not_dated", t_lease_term_not_dated},
        {"lease_signed_in_future", t_lease_signed_in_future},
        {"statement_period_in_future", t_statement_period_in_future},
    };
    return T_RUN(cases);
}
