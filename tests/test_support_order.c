/*
 * Unit tests of the order a supporting page writes numeric dates in
 * (src/page/support_date.c, ds_sup_date_order) where no date has a day
 * over 12: the page's other dates tell it (a payslip of heldout14, 0057,
 * "Pay period: 02/09/2026 - 01/10/2026" with the voucher's "2026-10-01",
 * was read month first and called 298 days old). Pages are built word by
 * word (tests/sup_page.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

static ds_sup_order order_of(page *p)
{
    ds_sup_text t;
    build(p, &t);
    ds_sup_order o = ds_sup_date_order(&t);
    ds_sup_text_free(&t);
    return o;
}

static void t_period_tells_order(void)
{
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line(p, "Pay period: 02/09/2026 - 01/10/2026");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_DMY);
    memset(p, 0, sizeof *p);
    add_line(p, "Pay period: 09/02/2026 to 10/01/2026");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_MDY);
    /* Both orders keep the period's order: nothing told. */
    memset(p, 0, sizeof *p);
    add_line(p, "Period: 01/02/2026 - 03/04/2026");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_UNKNOWN);
    /* Two dates on a line without a dash between them are no period. */
    memset(p, 0, sizeof *p);
    add_line(p, "Paid 02/09/2026 01/10/2026");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_UNKNOWN);
    free(p);
}

static void t_year_first_twin(void)
{
    page *p = calloc(1, sizeof *p);
    if (!p)
        return;
    add_line(p, "Pay date: 01/10/2026");
    add_line(p, "NON-NEGOTIABLE 2026-10-01 5,007.35");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_DMY);
    memset(p, 0, sizeof *p);
    add_line(p, "Pay date: 01/10/2026");
    add_line(p, "NON-NEGOTIABLE 2026-01-10 5,007.35");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_MDY);
    /* A day over 12 still decides first. */
    memset(p, 0, sizeof *p);
    add_line(p, "Pay date: 01/10/2026");
    add_line(p, "Issued 25/10/2026 and 2026-01-10");
    T_EQ_INT(order_of(p), DS_SUP_ORDER_DMY);
    free(p);
}

/* The payslip of heldout14 0057, screened on 2026-11-23 for an application
 * of 2026-11-04: dated 1 October, no statement older than 90 days, though
 * a dollar sign on the page votes month first (main read "01/10/2026" as
 * 10 January: 298 days old). */
static void t_payslip_not_old(void)
{
    static const char *const json =
        "{\"case_id\":\"C-1\",\"surname\":\"Tran\",\"given_names\":\"Thi Lan\","
        "\"birth_date\":\"1990-01-01\",\"application_date\":\"2026-11-04\"}";
    page *p;
    ds_sup_page *sp;
    static ds_flags flags;
    if (!sup_new(&p, &sp))
        return;
    add_line(p, "Mekong Garment Co., Ltd.");
    add_line(p, "PAY STATEMENT");
    add_line(p, "Employee Thi Lan Tran");
    add_line(p, "Pay period: 02/09/2026 - 01/10/2026");
    add_line(p, "Earnings Rate Hours Current YTD");
    add_line(p, "Regular 35.66 12 427.92 3,601.74");
    add_line(p, "Income tax 517.89 4,661.00");
    /* A dollar sign (an allowance, or "S" misread) votes month first. */
    add_line(p, "Transport allowance $12.00");
    add_line(p, "Net pay: 5,007.35 VND");
    add_line(p, "NON-NEGOTIABLE 2026-10-01 5,007.35 VND");
    sup_check_page(p, json, "2026-11-23", 90, sp, &flags);
    T_EQ_INT(sp->cls.type, DS_PC_PAYSLIP);
    for (int i = 0; i < flags.count; i++)
        T_CHECK(flags.item[i].code != DS_FLAG_SUPPORT_STATEMENT_OLD);
    free(p);
    free(sp);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"period_tells_order", t_period_tells_order},
        {"year_first_twin", t_year_first_twin},
        {"payslip_not_old", t_payslip_not_old},
    };
    return T_RUN(cases);
}
