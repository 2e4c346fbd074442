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
#include <stdio.h>
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
    int head[MAX_HEADS], kinds[MAX_HEADS], nh = 0;
    bool any_other = false;
    for (int line = 0; line < L->n && nh < MAX_HEADS; line++) {
        int k = heading(t, L, line, lt);
        if (k == 0)
            continue;
        head[nh] = line;
        kinds[nh++] = k;
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
            role[line] = (signed char)(kinds[best] == 2 ? 0 : kinds[best]);
    }
}

int ds_sup_name_person(const ds_sup_name_parts *np, int part, int line, bool other,
                       const char *value)
{
    /* The same box read again by a second caption of its row ("Co-tenant"
     * and "Surname" of "Co-tenant - Surname"). */
    for (int k = 0; k < DS_SUP_NAME_PEOPLE; k++)
        if (np->v[k][part][0] && np->line[k][part] == line && !strcmp(np->v[k][part], value))
            return -1;
    for (int k = other ? 1 : 0; k < DS_SUP_NAME_PEOPLE; k++) {
        if (np->v[k][part][0])
            continue;
        int mate = np->v[k][1 - part][0] ? np->line[k][1 - part] : -1;
        if (other) {
            /* Another party's row: with that party's other part, or a
             * person of no part yet. */
            if (mate < 0 || (np->other[k] && line >= mate - 1))
                return k;
            continue;
        }
        if (np->other[k])
            continue;
        if (k == 0)
            return 0;
        /* The other part of the previous person read, and this one below
         * its row. */
        int prev = k - 1;
        while (prev > 0 && np->other[prev])
            prev--;
        if (np->other[prev])
            return -1;
        int o = np->v[prev][1 - part][0] ? np->line[prev][1 - part] : -1;
        int same = np->line[prev][part];
        if (line > same && (o < 0 || line > o || mate >= 0))
            return k;
        return -1;
    }
    return -1;
}

bool ds_sup_name_apart(const ds_sup_name_parts *np, int k)
{
    if (!np->v[k][0][0] || !np->v[k][1][0])
        return false;
    for (int part = 0; part < 2; part++)
        if (np->unread[part] > 0 && np->line[k][part] >= np->unread[part])
            return true;
    int lo = np->line[k][0] < np->line[k][1] ? np->line[k][0] : np->line[k][1];
    int hi = np->line[k][0] + np->line[k][1] - lo;
    if (lo == hi)
        return false;
    for (int j = 0; j < DS_SUP_NAME_PEOPLE; j++)
        for (int part = 0; part < 2 && j != k; part++)
            if (np->v[j][part][0] && np->line[j][part] >= lo && np->line[j][part] <= hi)
                return true;
    return false;
}

/* Words of a row's caption naming another person than a page's holder
 * (folded; the parent's and the spouse's in the languages the pages are
 * read in). */
static const char *const row_other[] = {
    "landlord", "landlady", "lessor", "agent", "employer", "witness", "guarantor",
    "surety", "referee", "sponsor", "guardian", "informant", "declarant", "registrar",
    "cotenant", "cosigner", "coapplicant", "coborrower", "father",
    "mother", "parent", "parents", "bailleur", "locateur", "proprietaire", "colocataire",
    "garant", "caution", "temoin", "pere", "mere", "vermieter", "mitmieter",
    "burge", "zeuge", "vater", "mutter", "arbeitgeber", "arrendador", "fiador", "avalista",
    "testigo", "padre", "madre", "coarrendatario", "cotitular", "senhorio", "testemunha",
    "locatore", "garante", "testimone", "verhuurder", "getuige", "vader", "moeder",
    "wynajmujacy", "poreczyciel", "swiadek", "ojciec", "matka", "wspolnajemca", "proprietar",
    "martor", "colocatar", "kefil", "tanik", NULL};
/* A spouse's words: another party but on a marriage certificate. */
static const char *const row_spouse[] = {
    "spouse", "husband", "wife", "partner", "conjoint", "epoux", "epouse", "ehegatte",
    "ehefrau", "ehemann", "conyuge", "esposo", "esposa", "conjuge", "coniuge", "marito",
    "moglie", "echtgenoot", "echtgenote", "malzonek", "malzonka", "sot", "sotie", NULL};
/* Words before a holder's role that make it another's ("co tenant" of
 * "Co-tenant", "second applicant"). */
static const char *const row_second[] = {"co", "second", "additional", "other", "joint", NULL};

/* The role of the tokens [from, to) of a line, nearest the end first. */
static int role_of(const ds_sup_line_toks *lt, int from, int to, bool marriage)
{
    for (int k = to - 1; k >= from; k--) {
        const char *s = lt->t[k].s;
        if (listed(row_other, s) || (!marriage && listed(row_spouse, s)))
            return -1;
        if (listed(holder_roles, s) && !listed(joiners, s) && strcmp(s, "account") != 0)
            return k > from && listed(row_second, lt->t[k - 1].s) ? -1 : 1;
    }
    return 0;
}

int ds_sup_row_role(const ds_sup_text *t, const ds_sup_lines *L, const ds_sup_line_toks *lt,
                    int pos, bool marriage)
{
    if (!t || !L || !lt || pos <= 0 || pos > lt->n)
        return 0;
    int line = t->w[lt->t[0].word].line, gap = L->height[line] * 5 / 2;
    /* Where each cell of the row starts: a column gap before its word. */
    int cell = 0, first_end = lt->n;
    for (int k = 1; k < pos; k++) {
        const int *a = t->w[lt->t[k - 1].word].box, *b = t->w[lt->t[k].word].box;
        if (lt->t[k].word != lt->t[k - 1].word && b[0] - (a[0] + a[2]) > gap) {
            if (first_end == lt->n)
                first_end = k;
            cell = k;
        }
    }
    /* The caption's own first word too: "tenant" of "Co-tenant". */
    int r = role_of(lt, cell, pos + 1 < lt->n ? pos + 1 : lt->n, marriage);
    if (r == 0 && cell > 0)
        r = role_of(lt, 0, first_end, marriage);
    return r;
}

/* A holder's role that captions the name printed under it, alone on its
 * line ("Student" over "Dmytro Kovalenko" on a transcript; folded). */
static const char *const role_captions[] = {
    "student", "graduate", "pupil", "candidate", "tenant", "employee", "applicant", "customer",
    "holder", "lessee", "occupier", "etudiant", "etudiante", "locataire", "salarie", "mieter",
    "arbeitnehmer", "estudiante", "alumno", "alumna", "inquilino", "arrendatario", "studente",
    "aluno", "aluna", "student", "najemca", "pracownik", "chirias", "kiraci", "ogrenci", NULL};

bool ds_sup_role_caption_name(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_line_toks *lt,
                              ds_sup_span *s, char *role, size_t cap)
{
    for (int line = 0; t && L && lt && line + 1 < L->n; line++) {
        int a = L->start[line], b = L->start[line + 1];
        if (b - a < 1 || b - a > 2)
            continue;
        ds_sup_tokenize(t, L, line, lt);
        if (lt->n < 1 || lt->n > 2 || !listed(role_captions, lt->t[lt->n - 1].s) ||
            (lt->n == 2 && strcmp(lt->t[0].s, "account") != 0))
            continue;
        /* The next line, starting under the caption, close below it: its
         * first cell a name of two words or more, and nothing else. */
        int na = b, nb = L->start[line + 2], h = L->height[line] > 0 ? L->height[line] : 1;
        if (nb <= na || abs(t->w[na].box[0] - t->w[a].box[0]) > 3 * h ||
            t->w[na].box[1] - (t->w[a].box[1] + t->w[a].box[3]) > 3 * h)
            continue;
        int end = na + 1;
        while (end < nb &&
               t->w[end].box[0] - (t->w[end - 1].box[0] + t->w[end - 1].box[2]) <= h * 5 / 2)
            end++;
        ds_sup_span n = ds_sup_name_span(t, na, end);
        if (n.a != na || n.b != end || n.b - n.a < 2)
            continue;
        *s = n;
        snprintf(role, cap, "%s", lt->t[lt->n - 1].s);
        return true;
    }
    return false;
}
