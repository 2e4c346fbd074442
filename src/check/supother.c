/*
 * supother.c: the dates of a page of unknown kind that is a person's
 * record (supcheck.h, ds_check_support_other).
 *
 * A page no type's words name ("other": a school leaving certificate, a
 * rent receipt, a letter of a wording no rule knows) is still checked
 * where it is a person's record: it names the applicant or a related
 * person of the case under a holder's label, or prints the applicant's
 * surname and a given name, or holds a labelled name and a labelled birth
 * date. Then its birth date is compared by its label (only where the page
 * names someone of the case: a stranger's birth date says nothing of the
 * applicant's), a date of issue
 * (by a label that says so: not a bare "Date", which on an unknown page
 * may be an appointment's) must not lie in the future, and a weekday
 * printed beside a date must be the date's. The kind is unknown, so the
 * context is weaker: high only for a field read clearly under its label
 * on a page whose holder's label names the person; a warning otherwise.
 * A date under a statement's own label ("Invoice date", "Pay period") is
 * a statement's, whatever the page: its age is checked (a warning). The
 * rules that need the page's type (a birth certificate issued before the
 * birth, the name and address checks) do not run.
 * An identity document's wording (a passport page whose MRZ was missed)
 * is no supporting page: nothing is checked on it.
 */
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"

/* Labels of an issue date too plain to say the date is the page's own on a
 * page of unknown kind ("Date:" over an appointment), and positions that
 * place a date without a label. */
static bool plain_issue_label(const char *label)
{
    static const char *const plain[] = {"date", "datum", "fecha", "data", "date line", "dated",
                                        "issued", "place and date", "", NULL};
    for (int i = 0; plain[i]; i++)
        if (strcmp(label, plain[i]) == 0)
            return true;
    return false;
}

/* A field whose label was read (not placed by the page's header). */
static bool labelled(const ds_sup_field *f)
{
    return f->label[0] && strcmp(f->label, "header") != 0;
}

/* Whose record the page is: *who 0 the applicant, k + 1 related person k,
 * -1 unsettled; *held: a name under a holder's label is the person's;
 * *named: the page names someone of the case. False when the page is no
 * person's record. */
static bool person_record(const ds_sup_page *p, const ds_sup_text *t, const ds_case *c, int *who,
                          bool *held, bool *named)
{
    *who = -1;
    *held = *named = false;
    bool name_label = false, birth_label = false;
    for (int i = 0; i < p->nfields; i++) {
        const ds_sup_field *f = &p->f[i];
        if (f->id == DS_SF_BIRTH_DATE && labelled(f) &&
            strcmp(f->label, DS_SUP_LABEL_BORN_COLUMN) != 0)
            birth_label = true;
        if ((f->id != DS_SF_NAME && f->id != DS_SF_OTHER_NAME) || !labelled(f))
            continue;
        name_label = true;
        if (!c || *held)
            continue;
        if (ds_sup_name_compare(f->value, c->surname, c->given_names) >= 1) {
            *who = 0;
            *held = true;
            continue;
        }
        for (int k = 0; k < c->nrelated && !*held; k++)
            if (ds_sup_name_compare(f->value, c->related[k].surname,
                                    c->related[k].given_names) >= 1) {
                *who = k + 1;
                *held = true;
            }
    }
    if (*held)
        return *named = true;
    /* The applicant's surname and a given name among the page's words: the
     * page is about the applicant, or about someone of the case beside
     * the applicant (a child, a parent): every birth date of the record
     * is a candidate. */
    if (c && c->surname[0] && c->given_names[0] && ds_sup_text_has_name_word(t, c->surname) &&
        ds_sup_text_has_name_word(t, c->given_names))
        return *named = true;
    /* Someone's record, but no one of the case is named on it: its birth
     * date is another person's, not evidence about the applicant's. */
    return name_label && birth_label;
}

void ds_check_support_other(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                            const char *today, int window_days, int page, ds_flags *flags)
{
    if (!p || !t || !flags || !p->read || p->cls.type != DS_PC_OTHER ||
        ds_sup_identity_wording(&p->cls))
        return;
    int who;
    bool held, named;
    if (!person_record(p, t, c, &who, &held, &named))
        return;
    if (c && named)
        ds_sup_check_birth_date(p, t, c, who, !held, page, flags);
    for (int i = 0; i < p->nfields; i++) {
        ds_sup_field *f = &p->f[i];
        if (f->id != DS_SF_ISSUE_DATE || plain_issue_label(f->label))
            continue;
        if (ds_sup_check_future(p, t, f, today, !held, page, flags))
            break; /* one date in the future says it */
    }
    /* A date under a statement's own label ("Invoice date", "Billing
     * period", "Pay date") dates a statement, whatever the page's type: on
     * a page that names someone of the case its age is checked (a
     * warning, as on a statement). */
    if (named)
        for (int i = 0; i < p->nfields; i++)
            if (p->f[i].id == DS_SF_STATEMENT_DATE && labelled(&p->f[i])) {
                ds_sup_check_statement_old(p, t, c, &p->f[i], today, window_days, page, flags);
                break;
            }
    ds_check_support_weekday_sev(t, page, false, flags);
}
