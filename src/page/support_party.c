/*
 * support_party.c: whose section of a form a line is in (support_lines.h).
 *
 * Contracts and forms print each party in a section of its own, headed by
 * the party's role alone on a line, often numbered: "1. Landlord" over
 * "Surname / Given names  Jan Kaczmarek", "2. Tenant" over the tenant's
 * boxes; "Employer" over the firm's name, "Employee" over the holder's.
 * A name caption inside the landlord's or employer's section names that
 * party, never the page's holder: read as the holder's name it made a
 * genuine tenancy agreement "name another person", high (heldout14 0033,
 * 0051; 0015 in French: "1. Locateur / Nom / Prénoms"). A section runs from
 * its heading down to the next heading standing at or left of the line's
 * start (two headings side by side head two columns); a numbered heading
 * of any other words ("3. Premises") ends a section without opening one.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "page/support_lines.h"

/* Parties that are never the holder of a supporting page: a landlord, an
 * employer, an agent, a witness (folded words; "s" of a possessive is a
 * word of its own). */
static const char *const other_roles[] = {
    "landlord", "landlords", "lessor", "owner", "agent", "letting", "managing", "employer",
    "witness", "witnesses", "guarantor", "company", "locateur", "bailleur", "proprietaire",
    "vermieter", "wohnungsgeber", "eigentumer", "arbeitgeber", "employeur", "arrendador",
    "propietario", "empleador", "locatore", "datore", "di", "lavoro", "senhorio", "empregador",
    "verhuurder", "werkgever", "eigenaar", "wynajmujacy", "pracodawca", "locator", "angajator",
    "proprietar", "ev", "sahibi", "kiraya", "veren", "isveren", "s", "the", "details", NULL};

/* Parties that are, or stand beside, the holder. */
static const char *const holder_roles[] = {
    "tenant", "tenants", "lessee", "occupier", "employee", "applicant", "holder", "student",
    "locataire", "preneur", "mieter", "arbeitnehmer", "salarie", "arrendatario", "inquilino",
    "empleado", "trabajador", "conduttore", "dipendente", "lavoratore", "empregado",
    "trabalhador", "huurder", "werknemer", "najemca", "pracownik", "chirias", "angajat",
    "kiraci", "calisan", "account", "the", "s", "details", NULL};

/* Words that only join a role's words ("the", a possessive's "s",
 * "details"): a heading needs one word that is a role itself. */
static const char *const joiners[] = {"the", "s", "details", "di", NULL};

static bool listed(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

/* A section's number before its title: "1.", "2)", "IV.", "B." (a letter
 * or Roman numeral only with its dot or bracket). */
static bool enumerator(const char *word)
{
    size_t n = strlen(word);
    if (n == 0 || n > 5)
        return false;
    char last = word[n - 1];
    size_t k = last == '.' || last == ')' ? n - 1 : n;
    if (k == 0)
        return false;
    bool digits = true, roman = true;
    for (size_t i = 0; i < k; i++) {
        digits &= isdigit((unsigned char)word[i]) != 0;
        roman &= strchr("IVXivx", word[i]) != NULL;
    }
    if (digits)
        return k <= 2;
    if (k != n)
        return roman || (k == 1 && isalpha((unsigned char)word[0]));
    return false;
}

/* The kind of heading line `line` is: -1 another party's, 1 the holder's,
 * 2 a numbered heading of other words, 0 none. */
static int heading(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_line_toks *lt)
{
    int a = L->start[line], b = L->start[line + 1];
    if (b - a < 1 || b - a > 6)
        return 0;
    bool numbered = enumerator(t->w[a].text);
    ds_sup_tokenize(t, L, line, lt);
    int from = 0;
    if (numbered)
        while (from < lt->n && lt->t[from].word == a)
            from++;
    int n = lt->n - from;
    if (n < 1 || n > 5)
        return 0;
    bool other = true, holder = true, any_role = false, digit = false;
    for (int k = from; k < lt->n; k++) {
        const char *s = lt->t[k].s;
        other &= listed(other_roles, s);
        holder &= listed(holder_roles, s);
        any_role |= !listed(joiners, s);
        for (const char *q = s; *q; q++)
            digit |= isdigit((unsigned char)*q) != 0;
    }
    if (digit)
        return 0;
    if (any_role && other && !holder)
        return -1;
    if (any_role && holder && !other)
        return 1;
    return numbered && n <= 4 ? 2 : 0;
}

void ds_sup_party_sections(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_line_toks *lt,
                           signed char *role)
{
    if (!t || !L || !lt || !role)
        return;
    memset(role, 0, (size_t)L->n);
    enum { MAX_HEADS = 32 };
    int head[MAX_HEADS], kind[MAX_HEADS], nh = 0;
    bool any_other = false;
    for (int line = 0; line < L->n && nh < MAX_HEADS; line++) {
        int k = heading(t, L, line, lt);
        if (k == 0)
            continue;
        head[nh] = line;
        kind[nh++] = k;
        any_other |= k < 0;
    }
    if (!any_other)
        return;
    for (int line = 0; line < L->n; line++) {
        int a = L->start[line];
        if (L->start[line + 1] <= a)
            continue;
        const int *wb = t->w[a].box;
        int tol = 2 * (L->height[line] > 0 ? L->height[line] : wb[3]);
        int best = -1;
        for (int h = 0; h < nh; h++) {
            const int *hb = t->w[L->start[head[h]]].box;
            if (head[h] == line) {
                best = h;
                break;
            }
            /* Above the line (its top), starting at or left of it. */
            if (hb[1] >= wb[1] || hb[0] > wb[0] + tol)
                continue;
            if (best < 0) {
                best = h;
                continue;
            }
            const int *bb = t->w[L->start[head[best]]].box;
            if (hb[1] > bb[1] + bb[3] / 2 || (abs(hb[1] - bb[1]) <= bb[3] / 2 && hb[0] > bb[0]))
                best = h;
        }
        if (best >= 0)
            role[line] = (signed char)(kind[best] == 2 ? 0 : kind[best]);
    }
}
