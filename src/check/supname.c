/*
 * supname.c: whether a supporting page's name field reads as a person's
 * name at all (supcheck.h): the forms of values that are something else
 * (a caption, a company, a document's title, an office, letters read
 * apart).
 */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "check/supcheck.h"

/* The folded words of value (at most 2 kept in first[]): how many. */
static int folded_words(const char *value, char first[2][DS_SUP_VALUE_MAX * 2],
                        char *f, size_t cap)
{
    ds_text_fold(value ? value : "", f, cap);
    int n = 0;
    for (const char *p = f; *p;) {
        p += strspn(p, " ");
        size_t l = strcspn(p, " ");
        if (!l)
            break;
        if (n < 2)
            snprintf(first[n], DS_SUP_VALUE_MAX * 2, "%.*s", (int)l, p);
        n++;
        p += l;
    }
    return n;
}

/* Is value not a person's name: a word of it (as printed, split at spaces
 * and commas) a caption's, a company's legal form ("Hansen Logistik GmbH",
 * an employer's name under a form's "Name / Firma"), a document's title
 * noun ("LANDLORD'S RENT CERTIFICATE" taken for a letter head's name) or
 * an office's ("a Standesamt Köln" under an issuer's "Name / Firma")? */
static bool other_thing(const char *value)
{
    char raw[DS_SUP_VALUE_MAX];
    snprintf(raw, sizeof raw, "%s", value ? value : "");
    for (char *save = NULL, *tok = strtok_r(raw, " ,", &save); tok;
         tok = strtok_r(NULL, " ,", &save)) {
        char f[DS_SUP_VALUE_MAX * 2];
        ds_text_fold(tok, f, sizeof f);
        bool form = false;
        for (char *s2 = NULL, *w = strtok_r(f, " ", &s2); w && !form; w = strtok_r(NULL, " ", &s2))
            form = ds_sup_form_word(w);
        if (form || ds_sup_company_word(tok) || ds_sup_document_word(tok) ||
            ds_sup_office_word(tok))
            return true;
    }
    return false;
}

bool ds_sup_name_form(const char *label, const char *value)
{
    char first[2][DS_SUP_VALUE_MAX * 2], f[DS_SUP_VALUE_MAX * 2];
    int n = folded_words(value, first, f, sizeof f);
    if (n == 0 || other_thing(value))
        return false;
    if (n == 1 && !ds_sup_surname_label(label))
        return false;
    /* The surname's box and the given names' box gave the same word: the
     * caption row read for both ("MIDOLE MIDOLE"). */
    return !(n == 2 && label &&
             (!strcmp(label, "surname, given names") || !strcmp(label, DS_SUP_LABEL_NAME_APART)) &&
             strcmp(first[0], first[1]) == 0);
}

bool ds_sup_name_fragments(const char *value)
{
    char first[2][DS_SUP_VALUE_MAX * 2], f[DS_SUP_VALUE_MAX * 2];
    int n = folded_words(value, first, f, sizeof f);
    if (n < 3)
        return false;
    for (const char *p = f; *p;) {
        p += strspn(p, " ");
        size_t l = strcspn(p, " ");
        if (l > 3)
            return false;
        p += l;
    }
    return true;
}
