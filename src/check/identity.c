/*
 * Comparing identity fields: names folded the way ICAO 9303 writes them,
 * numbers without fillers, dates and sex exactly. A field is compared only
 * when both sides carry it; nothing here reads images or raises flags.
 */
#include "check/identity.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"


void ds_identity_from_aamva(const ds_aamva *a, ds_identity_fields *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!a)
        return;
    out->surname = a->family_name;
    out->given_names = a->given_names;
    out->birth_date = a->birth_date;
    out->expiry_date = a->expiry_date;
    out->document_number = a->document_number;
    out->sex = a->sex;
}

void ds_identity_from_mrz(const ds_mrz *m, ds_identity_fields *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!m)
        return;
    out->surname = m->surname;
    out->given_names = m->given_names;
    out->birth_date = m->birth_date;
    out->expiry_date = m->expiry_date;
    out->document_number = m->document_number;
    out->sex = m->sex;
}

static bool present(const char *s) { return s && *s; }

static void squeeze(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        if (*in != ' ')
            out[o++] = *in;
    out[o] = '\0';
}

/* True when the words of a are the first words of b (or the reverse). */
static bool word_prefix(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    const char *s = la <= lb ? a : b, *l = la <= lb ? b : a;
    size_t ls = strlen(s);
    return ls > 0 && strncmp(s, l, ls) == 0 && (l[ls] == ' ' || l[ls] == '\0');
}

/* Compares one folding of the barcode's name with the MRZ's. */
static bool name_match_one(const char *mrz_f, const char *bc_f, bool truncated, bool given)
{
    char a[256], b[256];
    squeeze(mrz_f, a, sizeof a);
    squeeze(bc_f, b, sizeof b);
    if (strcmp(a, b) == 0)
        return true;
    /* A full MRZ name field may have cut the name. */
    if (truncated && a[0] && strncmp(b, a, strlen(a)) == 0)
        return true;
    /* One source may leave out middle names. */
    if (given && word_prefix(mrz_f, bc_f))
        return true;
    return false;
}

static bool name_match(const char *mrz_name, const char *bc_name, bool truncated, bool given)
{
    char m[256], b1[256], b2[256];
    ds_text_fold_icao(mrz_name, true, m, sizeof m);
    ds_text_fold_icao(bc_name, true, b1, sizeof b1);
    ds_text_fold_icao(bc_name, false, b2, sizeof b2);
    return name_match_one(m, b1, truncated, given) || name_match_one(m, b2, truncated, given);
}

static void add_mismatch(ds_identity_mismatches *out, const char *field, const char *expected, const char *found)
{
    if (out->n >= DS_IDENTITY_MAX_MISMATCHES)
        return;
    ds_identity_mismatch *mm = &out->items[out->n++];
    snprintf(mm->field, sizeof mm->field, "%s", field);
    snprintf(mm->expected, sizeof mm->expected, "%s", expected);
    snprintf(mm->found, sizeof mm->found, "%s", found);
}

static bool iso_date(const char *s)
{
    return s && strlen(s) == 10 && s[4] == '-' && s[7] == '-';
}

int ds_identity_compare(const ds_mrz *mrz, const ds_identity_fields *bc, ds_identity_mismatches *out)
{
    if (!out)
        return 0;
    memset(out, 0, sizeof *out);
    if (!mrz || !bc)
        return 0;
    if (present(mrz->surname) && present(bc->surname) && !mrz->name_unsure &&
        !name_match(mrz->surname, bc->surname, mrz->name_truncated, false))
        add_mismatch(out, "surname", mrz->surname, bc->surname);
    if (present(mrz->given_names) && present(bc->given_names) && !mrz->name_unsure &&
        !name_match(mrz->given_names, bc->given_names, mrz->name_truncated, true))
        add_mismatch(out, "given_names", mrz->given_names, bc->given_names);
    if (iso_date(mrz->birth_date) && iso_date(bc->birth_date) && strcmp(mrz->birth_date, bc->birth_date) != 0)
        add_mismatch(out, "birth_date", mrz->birth_date, bc->birth_date);
    if (iso_date(mrz->expiry_date) && iso_date(bc->expiry_date) && strcmp(mrz->expiry_date, bc->expiry_date) != 0)
        add_mismatch(out, "expiry_date", mrz->expiry_date, bc->expiry_date);
    if (present(mrz->document_number) && present(bc->document_number)) {
        char a[64], b[64];
        ds_text_strip_number(mrz->document_number, a, sizeof a);
        ds_text_strip_number(bc->document_number, b, sizeof b);
        if (strcmp(a, b) != 0)
            add_mismatch(out, "document_number", mrz->document_number, bc->document_number);
    }
    if (present(mrz->sex) && present(bc->sex)) {
        char a = (char)toupper((unsigned char)mrz->sex[0]), b = (char)toupper((unsigned char)bc->sex[0]);
        if ((a == 'M' || a == 'F') && (b == 'M' || b == 'F') && a != b)
            add_mismatch(out, "sex", mrz->sex, bc->sex);
    }
    return out->n;
}
