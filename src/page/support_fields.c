/*
 * support_fields.c: the fields of a supporting page (support.h), found by
 * their labels.
 *
 * Each line's words are folded (ds_text_fold) into tokens; a label is a
 * token sequence ("date of birth", "geburtsdatum", "iban"). The value is
 * what follows the label on its line (across one column gap, not two), or,
 * when nothing follows, the cell of the next line that starts nearest the
 * label (where a label's value is printed: support_labelval.c). The value is then parsed by the field's kind: a date (the last one
 * for a period "01 Mar 2025 to 31 Mar 2025"), a name (letters only, titles
 * dropped, stopped at the first word that is not a name), a number, an IBAN,
 * an amount, an address (the value's line and up to two lines under it), or
 * plain text. Where the page's letter head prints the holder's name above an
 * address without labels, both are taken from there (label "header").
 * A value that does not parse is no field.
 */
#include "page/support.h"
#include "page/support_labels.h"
#include "page/support_lines.h"
#include "page/support_values.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

static const char *const field_names[DS_SF_COUNT] = {
    "name",           "other_name", "birth_date", "address",   "issue_date", "statement_date",
    "account_number", "iban",       "reference",  "issuer",    "amount",
};

const char *ds_sup_field_name(ds_sup_field_id id)
{
    return id >= 0 && id < DS_SF_COUNT ? field_names[id] : "unknown";
}

#define NLABELS ds_sup_nlabels
#define LINE_MAX_FOLD 512

/* The lines, their tokens and spans of words: support_lines.h. */
typedef ds_sup_line_toks line_toks;
typedef ds_sup_lines lines;

/* Whether the page prints a given-names label and a family-name label:
 * beside "Prénom(s)", "Nom" is the family name; beside "Apellidos",
 * "Nombre" is the given name. */
static void split_name_labels(const ds_sup_text *t, const lines *L, line_toks *lt, bool *given,
                              bool *surname)
{
    *given = *surname = false;
    for (int line = 0; line < L->n; line++) {
        ds_sup_tokenize(t, L, line, lt);
        for (int pos = 0; pos < lt->n; pos++)
            for (int j = 0; j < NLABELS; j++)
                if ((ds_sup_labels[j].k == K_GIVEN || ds_sup_labels[j].k == K_SURNAME) &&
                    ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase) > 0) {
                    *(ds_sup_labels[j].k == K_GIVEN ? given : surname) = true;
                    break;
                }
    }
}


/* The words of the value: [*a, *b) of t->w. */
typedef ds_sup_span span;

/* ------------------------------------------------------------ value kinds */

/* A date in words a..b-1 starting at word a (support_date.c); a two-digit
 * year's century placed as a birth date's when birth. */
static int date_at_yy(const ds_sup_text *t, const lines *L, int a, int b, bool birth, char iso[11],
                      char alt[11], bool *short_year)
{
    return ds_sup_date_words_yy(t, a, b, L->order, birth, iso, alt, short_year);
}

static int date_at(const ds_sup_text *t, const lines *L, int a, int b, char iso[11], char alt[11])
{
    return date_at_yy(t, L, a, b, false, iso, alt, NULL);
}

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static void name_norm(const char *in, char *out, size_t cap) { ds_text_upper_utf8(in, out, cap); }


static ds_sup_field *add_field(ds_sup_page *out, ds_sup_field_id id, const char *lab)
{
    int same = 0;
    for (int i = 0; i < out->nfields; i++)
        same += out->f[i].id == id;
    int cap = id == DS_SF_OTHER_NAME ? 4 : id == DS_SF_REFERENCE ? 3 : id == DS_SF_AMOUNT ? 2 : 1;
    if (same >= cap || out->nfields >= DS_SUP_FIELDS_MAX)
        return NULL;
    ds_sup_field *f = &out->f[out->nfields++];
    memset(f, 0, sizeof *f);
    f->id = id;
    snprintf(f->label, sizeof f->label, "%s", lab);
    return f;
}

static void set_value(const ds_sup_text *t, ds_sup_field *f, int a, int b)
{
    ds_sup_join_words(t, a, b, f->value, sizeof f->value);
    ds_sup_span_box(t, a, b, f->box, &f->conf);
}

/* The address lines under line `line` whose first word starts near x,
 * close below: up to two, stopped by a line that starts with a label. */
/* A line that ends an address: it holds a postcode (letters and digits
 * mixed, "LS1", or four or five digits). */
static bool postcode_line(const ds_sup_text *t, const lines *L, int line, int from)
{
    /* The address's own cell: from its first word to the next column gap
     * (a box beside it holds another field, a number of five digits). */
    int end = L->start[line + 1];
    for (int i = from + 1; i < end; i++)
        if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > L->height[line] * 5 / 2)
            end = i;
    for (int i = from; i < end; i++) {
        const char *w = t->w[i].text;
        int d = 0, a = 0, n = 0;
        for (; *w; w++, n++) {
            d += isdigit((unsigned char)*w) != 0;
            a += isalpha((unsigned char)*w) != 0;
        }
        if ((d && a && n <= 4) || ds_sup_postcode_word(t->w[i].text))
            return true;
    }
    return false;
}

static int cell_end(const ds_sup_text *t, const lines *L, int line);

/* Do words [a, b) read as a sentence, not an address's line: the last
 * ends with a colon ("The salary for the month of August 2026 is as
 * under:"), or three of them are a sentence's words? */
static bool prose_words(const ds_sup_text *t, int a, int b)
{
    if (b <= a)
        return false;
    size_t l = strlen(t->w[b - 1].text);
    if (l > 1 && t->w[b - 1].text[l - 1] == ':')
        return true;
    int small = 0;
    for (int i = a; i < b; i++)
        small += ds_sup_prose_word(t->w[i].text);
    return small >= 3;
}

static int address_more(const ds_sup_text *t, const lines *L, int line, int a, int x2, int max)
{
    int last = line, x = t->w[a].box[0];
    for (int k = 1; k <= max && line + k < L->n; k++) {
        int nl = line + k, a0 = L->start[nl];
        /* A line with a postcode ends the address, unless the next starts
         * with a continental postcode and its town ("50667 Köln" under
         * "Hauptstraße 28" read "HAUPTSTRASSE U8"). */
        const char *nw = t->w[a0].text;
        size_t nd = strspn(nw, "0123456789");
        bool town_next = nd >= 4 && nd <= 5 && !nw[nd] && a0 + 1 < L->start[nl + 1] &&
                         isalpha((unsigned char)t->w[a0 + 1].text[0]);
        if (postcode_line(t, L, last, last == line ? a : L->start[last]) && !town_next)
            break;
        int prev_bottom = 0;
        for (int i = L->start[last]; i < L->start[last + 1]; i++)
            if (t->w[i].box[1] + t->w[i].box[3] > prev_bottom)
                prev_bottom = t->w[i].box[1] + t->w[i].box[3];
        if (t->w[a0].box[1] - prev_bottom > L->height[last] * 3 / 2)
            break;
        if (abs(t->w[a0].box[0] - x) > 2 * L->height[last] &&
            abs(t->w[a0].box[0] - x2) > 2 * L->height[last])
            break;
        line_toks *lt = malloc(sizeof *lt);
        if (!lt)
            break;
        ds_sup_tokenize(t, L, nl, lt);
        bool labelled = false;
        for (int j = 0; j < NLABELS && lt->n > 0 && !labelled; j++)
            labelled = ds_sup_match_at(lt, 0, ds_sup_labels[j].phrase) > 0;
        free(lt);
        /* A date is no line of an address: the next field's value. */
        char iso[11], alt[11];
        int ce = cell_end(t, L, nl);
        if (ce > a0 && date_at(t, L, a0, ce, iso, alt) == ce - a0)
            break;
        /* A sentence under it is the letter going on. */
        if (prose_words(t, a0, ce))
            break;
        /* A line "Job title: Chef" is a field of its own, whatever its
         * label. */
        for (int i = a0; i < L->start[nl + 1] && i < a0 + 3 && !labelled; i++) {
            size_t l = strlen(t->w[i].text);
            labelled = l > 1 && t->w[i].text[l - 1] == ':' &&
                       !ds_sup_number_caption(t->w[i].text);
        }
        if (labelled)
            break;
        last = nl;
    }
    return last;
}

static void address_value(const ds_sup_text *t, const lines *L, int line, int a, int b,
                          ds_sup_field *f)
{
    /* Marks read from a rule's end or a smudge ("—= 8 Riverside Drive")
     * are no part of it. */
    while (a + 1 < b && !ds_sup_has_alnum(t->w[a].text))
        a++;
    /* The rest of its caption ("Address as per our records: 99 Adeola
     * Odeku St."): words of letters up to one ending in a colon, the
     * address after it. */
    for (int i = a; i + 1 < b && i < a + 5 && !ds_sup_has_digit(t->w[i].text); i++) {
        size_t l = strlen(t->w[i].text);
        /* "Atatürk Cad. No: 79": a house number's caption in the address. */
        if (ds_sup_number_caption(t->w[i].text))
            break;
        if (l && t->w[i].text[l - 1] == ':') {
            a = i + 1;
            break;
        }
    }
    /* Further lines start under the value or at the line's start. */
    int last = address_more(t, L, line, a, t->w[L->start[line]].box[0], 2);
    /* The rest of a caption beside its label ("Anschrift der Wohnung"
     * over "HAUPTSTRASSE 28"): a first line of at most three words, no
     * number, no street's word, over a line with them: the address starts
     * under it. */
    if (last > line && b - a <= 3 && line + 1 < L->n) {
        char raw[LINE_MAX_FOLD], fold[LINE_MAX_FOLD];
        ds_sup_join_words(t, a, b, raw, sizeof raw);
        ds_text_fold(raw, fold, sizeof fold);
        int na = L->start[line + 1], nb = cell_end(t, L, line + 1);
        char raw2[LINE_MAX_FOLD], fold2[LINE_MAX_FOLD];
        ds_sup_join_words(t, na, nb, raw2, sizeof raw2);
        ds_text_fold(raw2, fold2, sizeof fold2);
        if (!strpbrk(raw, "0123456789") && !ds_sup_streetish(fold) && nb > na &&
            (strpbrk(raw2, "0123456789") || ds_sup_streetish(fold2))) {
            address_value(t, L, line + 1, na, nb, f);
            return;
        }
    }
    char buf[DS_SUP_VALUE_MAX * 2];
    ds_sup_join_words(t, a, b, buf, sizeof buf);
    int box[4];
    float conf, lo = 100, lo2 = 100;
    ds_sup_span_box(t, a, b, box, &conf);
    ds_sup_low_two(t, a, b, &lo, &lo2);
    for (int nl = line + 1; nl <= last; nl++) {
        char more[DS_SUP_VALUE_MAX];
        int ce = cell_end(t, L, nl);
        ds_sup_join_words(t, L->start[nl], ce, more, sizeof more);
        size_t k = strlen(buf);
        snprintf(buf + k, sizeof buf - k, ", %s", more);
        int b2[4];
        float c2;
        ds_sup_span_box(t, L->start[nl], ce, b2, &c2);
        int x1 = box[0] + box[2] > b2[0] + b2[2] ? box[0] + box[2] : b2[0] + b2[2];
        int y1 = box[1] + box[3] > b2[1] + b2[3] ? box[1] + box[3] : b2[1] + b2[3];
        box[0] = box[0] < b2[0] ? box[0] : b2[0];
        box[1] = box[1] < b2[1] ? box[1] : b2[1];
        box[2] = x1 - box[0];
        box[3] = y1 - box[1];
        if (c2 < conf)
            conf = c2;
        ds_sup_low_two(t, L->start[nl], ce, &lo, &lo2);
    }
    ds_text_copy_utf8(f->value, sizeof f->value, buf);
    ds_text_upper_utf8(f->value, f->norm, sizeof f->norm);
    memcpy(f->box, box, sizeof box);
    f->conf = conf;
    f->conf2 = lo2 < lo ? lo : lo2; /* one word: its own */
}

/* Parses the value words [a, b) for label lb into a new field; false when
 * they hold no value of the label's kind. */
/* The value of label lb found in words s of t, with its normal form norm
 * (NULL: a number's, made from the value): false when s is empty. */
static bool put_span(const ds_sup_text *t, span s, const char *norm, const label *lb,
                     ds_sup_page *out)
{
    if (s.b <= s.a)
        return false;
    ds_sup_field *f = add_field(out, lb->id, lb->phrase);
    if (!f)
        return true;
    set_value(t, f, s.a, s.b);
    if (norm)
        snprintf(f->norm, sizeof f->norm, "%s", norm);
    else
        ds_sup_number_norm(f->value, f->norm, sizeof f->norm);
    return true;
}

typedef ds_sup_name_parts name_parts;

static bool take_value(const ds_sup_text *t, const lines *L, int line, int a, int b,
                       const label *lb, ds_sup_page *out, name_parts *np)
{
    if (a >= b)
        return false;
    char iso[11], norm[DS_SUP_VALUE_MAX];
    switch (lb->k) {
    case K_EVENT:
        return true; /* its value is no field, and not another label's */
    case K_DATE:
    case K_PERIOD: {
        int found_a = -1, found_n = 0;
        bool shrt = false, best_short = false;
        char best[11] = "", best_alt[11] = "", alt[11];
        /* A generic label ("Date") takes a date right after it only: in
         * "Date of marriage: 26.11.2023" it is not the issue date. */
        int reach = lb->k == K_PERIOD ? b : ds_sup_generic_label(lb->phrase) ? a + 1 : a + 3;
        for (int i = a; i < b && i < reach; i++) {
            int n = date_at_yy(t, L, i, b, lb->id == DS_SF_BIRTH_DATE, iso, alt, &shrt);
            if (n > 0) {
                found_a = i;
                found_n = n;
                best_short = shrt;
                memcpy(best, iso, sizeof best);
                memcpy(best_alt, alt, sizeof best_alt);
                if (lb->k == K_DATE)
                    break;
                i += n - 1;
            }
        }
        /* A numeric date with a two-digit year right after a date's label
         * ("Date of issue: 06/07/85"). */
        if (found_a < 0 && lb->k == K_DATE &&
            ds_sup_parse_numeric_yy(t->w[a].text, L->order, t->year_now,
                                    lb->id == DS_SF_BIRTH_DATE, best, best_alt) != DS_SUP_DATE_NONE) {
            found_a = a;
            found_n = 1;
            best_short = true;
        }
        if (found_a < 0)
            return false;
        ds_sup_field *f = add_field(out, lb->id, lb->phrase);
        if (!f)
            return true;
        set_value(t, f, found_a, found_a + found_n);
        f->short_year = best_short;
        if (best_alt[0]) { /* day and month could be swapped: both readings */
            f->norm[0] = 0;
            memcpy(f->readings[0], best, sizeof best);
            memcpy(f->readings[1], best_alt, sizeof best_alt);
        } else
            memcpy(f->norm, best, sizeof best);
        return true;
    }
    case K_NAME:
    case K_SURNAME:
    case K_GIVEN: {
        span s = ds_sup_name_span(t, a, b);
        if (s.b <= s.a)
            return false;
        if (lb->k != K_NAME) {
            int which = lb->k == K_SURNAME ? 0 : 1;
            bool other = lb->id == DS_SF_OTHER_NAME;
            char val[DS_SUP_VALUE_MAX];
            ds_sup_join_words(t, s.a, s.b, val, sizeof val);
            ds_sup_name_fix_l(val);
            int k = ds_sup_name_person(np, which, t->w[s.a].line, other, val);
            if (k < 0)
                return true;
            np->other[k] = other;
            memcpy(np->v[k][which], val, sizeof val);
            ds_sup_span_box(t, s.a, s.b, np->box[k][which], &np->conf[k][which]);
            np->line[k][which] = t->w[s.a].line;
            return true;
        }
        /* The holder's caption printed again over another name (the second
         * party of an entry, under the same "Full name" as the first): that
         * person is named too. */
        const ds_sup_field *first = ds_sup_find(out, DS_SF_NAME);
        ds_sup_field_id id = lb->id;
        if (id == DS_SF_NAME && first && !strcmp(first->label, lb->phrase) &&
            t->w[s.a].box[1] > first->box[1] + first->box[3])
            id = DS_SF_OTHER_NAME;
        ds_sup_field *f = add_field(out, id, lb->phrase);
        if (!f)
            return true;
        set_value(t, f, s.a, s.b);
        ds_sup_name_fix_l(f->value);
        /* "Anna Müller," keeps no comma. */
        size_t l = strlen(f->value);
        if (l && f->value[l - 1] == ',')
            f->value[l - 1] = 0;
        name_norm(f->value, f->norm, sizeof f->norm);
        return true;
    }
    case K_NUMBER:
        return put_span(t, ds_sup_number_span(t, a, b), NULL, lb, out);
    case K_IBAN:
        return put_span(t, ds_sup_iban_span(t, a, b, norm, sizeof norm), norm, lb, out);
    case K_AMOUNT:
        return put_span(t, ds_sup_amount_span(t, a, b, norm, sizeof norm), norm, lb, out);
    case K_ADDRESS: {
        ds_sup_field *f = add_field(out, lb->id, lb->phrase);
        if (f)
            address_value(t, L, line, a, b, f);
        char fold[DS_SUP_VALUE_MAX * 2]; /* no number, no street word: no address */
        ds_text_fold(f ? f->value : "", fold, sizeof fold);
        if (f && !strpbrk(f->value, "0123456789") && !ds_sup_streetish(fold))
            return out->nfields--, false;
        return true;
    }
    case K_TEXT: {
        ds_sup_field *f = add_field(out, lb->id, lb->phrase);
        if (!f)
            return true;
        set_value(t, f, a, b);
        ds_text_upper_utf8(f->value, f->norm, sizeof f->norm);
        return true;
    }
    }
    return false;
}

/* The end of the line's first cell: its words up to the first column
 * gap (a letter's window block beside references and a date on the right). */
static int cell_from(const ds_sup_text *t, const lines *L, int line, int a)
{
    int b = L->start[line + 1];
    while (a + 1 < b && !ds_sup_has_alnum(t->w[a].text))
        a++; /* marks before it ("—= 8 Riverside Drive") */
    for (int i = a + 1; i < b; i++)
        if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > L->height[line] * 5 / 2)
            return i;
    return b;
}

static int cell_end(const ds_sup_text *t, const lines *L, int line)
{
    return cell_from(t, L, line, L->start[line]);
}

static bool org_words(const ds_sup_text *t, int a, int b);

/* Is the cell [a, *b) of its line a person's name alone (two to five name
 * words)? A birth name in brackets after it ("Chloé Brown (née
 * Lindqvist)") is no part of it: *b becomes the name's end. */
static bool name_cell(const ds_sup_text *t, int a, int *bp, int *name_a)
{
    int b = *bp;
    size_t l = b > a ? strlen(t->w[b - 1].text) : 0;
    if (l && t->w[b - 1].text[l - 1] == ')')
        for (int k = b - 1; k > a + 1 && k >= b - 3; k--)
            if (t->w[k].text[0] == '(') {
                b = k;
                break;
            }
    if (b - a < 2 || b - a > 5)
        return false;
    span s = ds_sup_name_span(t, a, b);
    /* The whole line, after a title ("Mr Emily Rose HANSEN"). */
    if (s.b != b || s.b - s.a < 2)
        return false;
    for (int i = a; i < s.a; i++) {
        char f[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, f, sizeof f);
        if (!ds_sup_title_word(f))
            return false;
    }
    *name_a = s.a;
    /* A name starts with a capital letter (or is all capitals), and is no
     * organisation's (org_words). */
    for (int i = a; i < b; i++) {
        unsigned char c = (unsigned char)t->w[i].text[0];
        if (c < 0x80 && !isupper(c))
            return false;
    }
    if (org_words(t, a, b))
        return false;
    *bp = b;
    return true;
}

/* Do words [a, b) hold an organisation's word, a document's title word
 * ("LANDLORD'S RENT CERTIFICATE", "Earnings Certificate": a title is never
 * a name) or an office's ("Standesamt")? */
static bool org_words(const ds_sup_text *t, int a, int b)
{
    static const char *const orgs[] = {
        "ltd", "limited", "plc", "inc", "llc", "gmbh", "ag", "sa", "bank", "office", "council",
        "university", "college", "school", "hospital", "trust", "water", "energy", "gas",
        "power", "electric", "lettings", "estates", "property", "services", "group", "company",
        "register", "registry", "police", "bureau", "department", "ministry", "agency",
        "society", "building", "association", "union", "co", "corporation", "llp", "partners",
        "associates", "authority", "institute", "foundation", "gmbh", "sarl", "sl", NULL};
    for (int i = a; i < b; i++) {
        char f[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, f, sizeof f);
        if (in_list(orgs, f) || ds_sup_document_word(t->w[i].text) ||
            ds_sup_office_word(t->w[i].text))
            return true;
    }
    return false;
}

/* Do words [a, b) give a telephone, fax, e-mail or web address? */
static bool contact_words(const ds_sup_text *t, int a, int b)
{
    static const char *const contact[] = {" tel ",    " telephone ", " phone ",    " fax ",
                                          " email ",  " e mail ",    " www ",      " telefon ",
                                          " telefono ", " web ",     NULL};
    char raw[LINE_MAX_FOLD], f[LINE_MAX_FOLD], padded[LINE_MAX_FOLD + 2];
    ds_sup_join_words(t, a, b, raw, sizeof raw);
    ds_text_fold(raw, f, sizeof f);
    snprintf(padded, sizeof padded, " %s ", f);
    for (const char *const *c = contact; *c; c++)
        if (strstr(padded, *c))
            return true;
    return false;
}

/* Is the cell [a, b) of line `line` an address's first line: a house
 * number and words, or a street's words, no label, no contact? */
static bool address_cell(const ds_sup_text *t, const lines *L, int line, int a, int b)
{
    while (a + 1 < b && !ds_sup_has_alnum(t->w[a].text))
        a++;
    if (b - a < 2)
        return false;
    char raw[LINE_MAX_FOLD], f[LINE_MAX_FOLD];
    ds_sup_join_words(t, a, b, raw, sizeof raw);
    ds_text_fold(raw, f, sizeof f);
    line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return false;
    ds_sup_tokenize(t, L, line, lt);
    int pos = 0;
    while (pos < lt->n && lt->t[pos].word < a)
        pos++;
    bool labelled = false;
    for (int j = 0; j < NLABELS && pos < lt->n && !labelled; j++)
        labelled = ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase) > 0;
    free(lt);
    if (labelled)
        return false;
    /* A letter head's contact line ("35 Station Road, York · Tel. 0198
     * 146079") is the issuer's address, never the person's. */
    if (contact_words(t, a, b))
        return false;
    /* A house number, not a list's ("1. THE PARTIES", "2)"), maybe after
     * its caption ("No 12", "Số 74", "Nr. 5"). */
    char f0[DS_SUP_WORD_MAX * 2];
    ds_text_fold(t->w[a].text, f0, sizeof f0);
    if ((!strcmp(f0, "no") || !strcmp(f0, "nr") || !strcmp(f0, "so")) && b - a >= 3 &&
        isdigit((unsigned char)t->w[a + 1].text[0]))
        a++;
    size_t nl = strlen(t->w[a].text);
    bool number_first = isdigit((unsigned char)t->w[a].text[0]) && nl <= 5 &&
                        t->w[a].text[nl - 1] != '.' && t->w[a].text[nl - 1] != ')';
    /* A number and one word naming no street: a row's caption ("1 Lessor"). */
    if (number_first && b - a == 2 && !ds_sup_streetish(f))
        return false;
    return (number_first && !isdigit((unsigned char)t->w[a + 1].text[0])) || ds_sup_streetish(f);
}

/* Do words [a, b) hold a sentence's word and no street's word? */
static bool prose_cell(const ds_sup_text *t, int a, int b)
{
    char raw[LINE_MAX_FOLD], f[LINE_MAX_FOLD];
    ds_sup_join_words(t, a, b, raw, sizeof raw);
    ds_text_fold(raw, f, sizeof f);
    if (ds_sup_streetish(f))
        return false;
    for (int i = a; i < b; i++)
        if (ds_sup_prose_word(t->w[i].text))
            return true;
    return false;
}

/* Does line `line` start "c/o" (care of; read "clo", "c/0", "C/O")? */
static bool care_of(const ds_sup_text *t, const lines *L, int line, int a)
{
    if (line >= L->n || L->start[line + 1] - a < 2)
        return false;
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(t->w[a].text, f, sizeof f);
    return !strcmp(f, "c/o") || !strcmp(f, "clo") || !strcmp(f, "c/0") || !strcmp(f, "c o") ||
           !strcmp(f, "c/o.");
}

/* Is the line's first cell a town and its postcode, nothing else ("BATH
 * BA2 3QT", "TORONTO ON M5H 2N2", "75011 Paris"): two to five words, one
 * or two of them a postcode's, the others words of letters starting with
 * a capital? */
static bool town_postcode_cell(const ds_sup_text *t, int a, int b)
{
    if (b - a < 2 || b - a > 5 || contact_words(t, a, b))
        return false;
    int codes = 0, town = 0;
    for (int i = a; i < b; i++) {
        const char *w = t->w[i].text;
        if (ds_sup_postcode_word(w)) {
            codes++;
            continue;
        }
        unsigned char c = (unsigned char)w[0];
        if (ds_sup_has_digit(w) || (c < 0x80 && !isupper(c)))
            return false;
        town++;
    }
    return codes >= 1 && codes <= 2 && town >= 1;
}

/* The cell of line `line` that starts within two line heights of x (its
 * words [*a, *b)); false when none does. */
static bool cell_under(const ds_sup_text *t, const lines *L, int line, int x, int *a, int *b)
{
    for (int c = L->start[line]; c < L->start[line + 1]; c = cell_from(t, L, line, c)) {
        int e = cell_from(t, L, line, c);
        if (abs(t->w[c].box[0] - x) <= 2 * L->height[line]) {
            *a = c;
            *b = e;
            return true;
        }
        if (e <= c)
            break;
    }
    return false;
}

/* The letter head: a name line above an address line, in the top 40% of
 * the page, when no label gave them. The name is a cell of its own, the
 * line's first or one right of a column gap (a sidebar's "Your details"),
 * or the holder's name a label gave; the address the cell under it. */
static void header_fields(const ds_sup_text *t, const lines *L, ds_sup_page *out, int page_h)
{
    bool have_name = ds_sup_find(out, DS_SF_NAME) != NULL;
    bool have_addr = ds_sup_find(out, DS_SF_ADDRESS) != NULL;
    if (have_name && have_addr)
        return;
    for (int line = 0; line + 1 < L->n; line++) {
        int a = L->start[line];
        if (t->w[a].box[1] > page_h * 2 / 5)
            break;
        for (int c = a, ce; c < L->start[line + 1]; c = ce) {
            ce = cell_from(t, L, line, c);
            if (ce <= c)
                break;
            int na_start = c, na_end = ce;
            /* The holder's name read under its label ("Employee" over
             * "Agnieszka Wiśniewska z d. Nowicka"), whatever its words, is
             * a name line too: the address block under it is the holder's. */
            const ds_sup_field *held = ds_sup_find(out, DS_SF_NAME);
            int mid = t->w[c].box[1] + t->w[c].box[3] / 2;
            bool labelled_name = held && strcmp(held->label, "header") != 0 &&
                                 mid > held->box[1] && mid < held->box[1] + held->box[3] &&
                                 abs(t->w[c].box[0] - held->box[0]) <= L->height[line] &&
                                 !org_words(t, c, ce);
            if (!labelled_name && !name_cell(t, c, &na_end, &na_start))
                continue;
            /* The address right under the name, as an envelope window shows
             * them, past a "c/o" line (read "clo", "c/0"); or a town and its
             * postcode alone (no street line printed). */
            int al = line + 1, aa, ab;
            if (!cell_under(t, L, al, t->w[c].box[0], &aa, &ab))
                continue;
            if (care_of(t, L, al, aa) && al + 1 < L->n &&
                !cell_under(t, L, ++al, t->w[c].box[0], &aa, &ab))
                continue;
            if (!address_cell(t, L, al, aa, ab) && !town_postcode_cell(t, aa, ab))
                continue;
            /* Under a labelled name, a numbered heading ("2 Angaben zur
             * Person") is no address: a word in small letters, no street. */
            if (labelled_name && prose_cell(t, aa, ab))
                continue;
            /* A date under a name ("14 March 2019") is no address. */
            char iso[11], alt[11];
            if (date_at(t, L, aa, ab, iso, alt) == ab - aa)
                continue;
            /* Followed by a telephone or e-mail line in its own block: the
             * sender's letter head, not the addressee's window (which may
             * come later). A "Phone" in another column of those lines (a
             * statement's summary beside the holder's block) is not. */
            bool sender = false;
            for (int k = al + 1; k <= al + 2 && k < L->n && !sender; k++) {
                int ka, kb;
                sender = cell_under(t, L, k, t->w[c].box[0], &ka, &kb) && contact_words(t, ka, kb);
            }
            if (sender)
                continue;
            if (!have_name) {
                ds_sup_field *f = add_field(out, DS_SF_NAME, "header");
                if (f) {
                    set_value(t, f, na_start, na_end);
                    name_norm(f->value, f->norm, sizeof f->norm);
                }
            }
            if (!have_addr) {
                ds_sup_field *f = add_field(out, DS_SF_ADDRESS, "header");
                if (f)
                    address_value(t, L, al, aa, ab, f);
            }
            return;
        }
    }
}

/* ------------------------------------------------------------ running text */

/* Is the label at word lw inside running text: not its line's first word
 * and no column gap before it? */
static bool in_running_text(const ds_sup_text *t, const lines *L, int line, int lw)
{
    /* Marks before it ("|", a box's side left by the rule eraser) are no
     * text: the gap is measured from the word before them. */
    int p = lw - 1;
    while (p >= L->start[line] && !ds_sup_has_alnum(t->w[p].text))
        p--;
    if (p < L->start[line])
        return false;
    /* A row's number alone before it ("3 Premises", "2. Tenant") starts
     * a row of a numbered table, not a sentence. */
    int q = p - 1;
    while (q >= L->start[line] && !ds_sup_has_alnum(t->w[q].text))
        q--;
    const char *rw = t->w[p].text;
    size_t nd = strspn(rw, "0123456789");
    bool row_no = nd >= 1 && nd <= 2 && (!rw[nd] || (strchr(".)", rw[nd]) && !rw[nd + 1]));
    if (q < L->start[line] && row_no)
        return false;
    const int *pb = t->w[p].box;
    return t->w[lw].box[0] - (pb[0] + pb[2]) <= L->height[line] * 5 / 2;
}

/* The words after word `after` to the end of its line and, when the text
 * runs on (the next line starts at this line's left edge, close under it),
 * the next line's too: a value in running text wraps like the text. */
static span value_flow(const ds_sup_text *t, const lines *L, int line, int after)
{
    span s = {after + 1, L->start[line + 1]};
    int nl = line + 1;
    if (nl >= L->n)
        return s;
    int h = L->height[line], a0 = L->start[nl];
    int bottom = 0;
    for (int i = L->start[line]; i < L->start[nl]; i++)
        if (t->w[i].box[1] + t->w[i].box[3] > bottom)
            bottom = t->w[i].box[1] + t->w[i].box[3];
    if (abs(t->w[a0].box[0] - t->w[L->start[line]].box[0]) <= 2 * h &&
        t->w[a0].box[1] - bottom <= 2 * h)
        s.b = L->start[nl + 1];
    return s;
}

/* An address inside running text ("residing at 219 Queen Street, CARDIFF
 * BN4 7JL, has been ..."): from its first word to its postcode; without a
 * postcode within 14 words, where it ends is unknown and nothing is read. */
static void address_prose(const ds_sup_text *t, int a, int b, ds_sup_page *out, const char *lab)
{
    /* The sentence going on after a comma ("..., Abuja, maintains Savings
     * Account No. N81513451"): a word in small letters naming no street
     * ends the address there; no postcode is sought past it. */
    int stop = b;
    for (int i = a + 2; i < b && i < a + 14 && stop == b; i++) {
        size_t lp = strlen(t->w[i - 1].text);
        if (lp && t->w[i - 1].text[lp - 1] == ',' && ds_sup_prose_word(t->w[i].text))
            stop = i;
    }
    b = stop;
    int end = -1;
    for (int i = a + 1; i < b && i < a + 14 && end < 0; i++)
        if (ds_sup_postcode_word(t->w[i].text) && (i > a + 1 || !isdigit((unsigned char)t->w[i].text[0])))
            end = i + 1 < b && ds_sup_postcode_word(t->w[i + 1].text) && isdigit((unsigned char)t->w[i + 1].text[0]) &&
                          !isdigit((unsigned char)t->w[i].text[0])
                      ? i + 2
                      : i + 1;
    if (end < 0 && stop - a >= 3 && stop - a <= 10)
        end = stop;
    if (end < a + 3)
        return;
    /* Prose without a house number or a street word is no address. */
    char raw[LINE_MAX_FOLD], fold[LINE_MAX_FOLD];
    ds_sup_join_words(t, a, end, raw, sizeof raw);
    ds_text_fold(raw, fold, sizeof fold);
    bool house = false;
    for (int i = a; i < end - 1 && !house; i++) {
        const char *w = t->w[i].text;
        size_t n = strspn(w, "0123456789");
        house = n > 0 && n <= 4 && (!w[n] || strchr(",", w[n]) || isalpha((unsigned char)w[n]));
    }
    if (!house && !ds_sup_streetish(fold))
        return;
    ds_sup_field *f = add_field(out, DS_SF_ADDRESS, lab);
    if (!f)
        return;
    set_value(t, f, a, end);
    size_t l = strlen(f->value);
    while (l && strchr(",.;", f->value[l - 1]))
        f->value[--l] = 0;
    ds_text_upper_utf8(f->value, f->norm, sizeof f->norm);
    float lo = 100, lo2 = 100;
    ds_sup_low_two(t, a, end, &lo, &lo2);
    f->conf2 = lo2;
}

/* "born" in running text is the holder's birth date when the holder's
 * name (a field already read) ends right before it ("Kenji Hansen, born
 * the 14th day of March 1999") or a role word does ("Customer born"). */
static bool holder_born(const ds_sup_text *t, const ds_sup_page *out, int lw)
{
    static const char *const roles[] = {"customer", "student", "employee", "holder",
                                        "applicant", "child", "tenant", "graduate", NULL};
    char f[DS_SUP_WORD_MAX * 2];
    ds_text_fold(t->w[lw - 1].text, f, sizeof f);
    if (in_list(roles, f))
        return true;
    /* A birth name in brackets after the name ("Lucia Müller (née
     * Ferreira), born"): the name ends before it. */
    int e = lw - 1;
    size_t l = strlen(t->w[e].text);
    if (l >= 2 && (t->w[e].text[l - 1] == ')' || !strcmp(t->w[e].text + l - 2, "),")))
        for (int k = e; k > 0 && k >= lw - 4; k--)
            if (t->w[k].text[0] == '(') {
                e = k - 1;
                break;
            }
    const ds_sup_field *n = ds_sup_find(out, DS_SF_NAME);
    const int *pb = t->w[e].box;
    return n && n->box[0] + n->box[2] == pb[0] + pb[2] && n->box[1] <= pb[1] &&
           n->box[1] + n->box[3] >= pb[1] + pb[3];
}

/* A name before a defined role in brackets, as agreements write it
 * ("AND Dr Pierre DUBOIS (the Tenant)"): the name words right before it,
 * on its line. */
static void name_before_role(const ds_sup_text *t, const lines *L, ds_sup_page *out)
{
    static const char *const roles[] = {"tenant", "tenants", "lessee", "employee", "applicant",
                                        "borrower", "occupier", "licensee", NULL};
    for (int i = 1; i + 1 < t->nwords && !ds_sup_find(out, DS_SF_NAME); i++) {
        char f[DS_SUP_WORD_MAX * 2], g[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, f, sizeof f);
        ds_text_fold(t->w[i + 1].text, g, sizeof g);
        char *sp = strchr(g, ' ');
        if (sp)
            *sp = 0;
        if (strcmp(f, "the") != 0 || t->w[i].text[0] != '(' || !in_list(roles, g) ||
            t->w[i + 1].line != t->w[i].line)
            continue;
        int a = i;
        while (a > L->start[t->w[i].line] && a > i - 5 && ds_sup_name_word(t->w[a - 1].text, false) == 1)
            a--;
        span s = ds_sup_name_span(t, a, i);
        if (s.b != i || s.b - s.a < 2)
            continue;
        ds_sup_field *nf = add_field(out, DS_SF_NAME, "role");
        if (nf) {
            set_value(t, nf, s.a, s.b);
            name_norm(nf->value, nf->norm, sizeof nf->norm);
        }
    }
}

/* The last token of a translation of label lb starting at token k (a
 * label of the same field and kind, maybe after one stray letter, a slash
 * misread), or -1. A longer caption of another field starting there is
 * the next caption, not a translation ("Date of issue Date of birth" from
 * two columns read as one line: the second "Date" is no translation). */
static int translation_end(const line_toks *lt, int k, const label *lb)
{
    if (k < lt->n && strlen(lt->t[k].s) == 1 && !isdigit((unsigned char)lt->t[k].s[0]))
        k++;
    if (k >= lt->n)
        return -1;
    int same = 0, other = 0;
    for (int j = 0; j < NLABELS; j++) {
        int m = ds_sup_match_at(lt, k, ds_sup_labels[j].phrase);
        if (ds_sup_labels[j].id == lb->id && ds_sup_labels[j].k == lb->k) {
            if (m > same)
                same = m;
        } else if (m > other)
            other = m;
    }
    return same > 0 && same >= other ? k + same - 1 : -1;
}

/* Is label lb the generic "date" ("datum", "fecha") followed at token pos
 * by "of" ("de", "der" ...) and a word: a caption the table does not know
 * ("Date of birt:", "Datum der Prüfung")? */
static bool date_of_other(const label *lb, const line_toks *lt, int pos)
{
    static const char *const dates[] = {"date", "datum", "fecha", NULL};
    static const char *const of[] = {"of", "de", "del", "du", "des", "der", NULL};
    return lb->k == K_DATE && in_list(dates, lb->phrase) && pos + 1 < lt->n &&
           lt->t[pos].first && lt->t[pos + 1].first && in_list(of, lt->t[pos].s) &&
           isalpha((unsigned char)lt->t[pos + 1].s[0]);
}

/* Is a given-names caption printed in the next box of label word lw's row
 * (past a column gap: a gloss printed right after the caption is its
 * translation, not the next box)? */
static bool given_box_beside(const ds_sup_text *t, const lines *L, int lw)
{
    if (!ds_sup_given_beside(t, L, lw))
        return false;
    /* The words right after the caption on its line: a gloss of given
     * names there ("Nombre / given names") is this caption's own. */
    int line = t->w[lw].line, end = L->start[line + 1];
    for (int i = lw + 1; i < end; i++) {
        if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > L->height[line] * 5 / 2)
            break;
        const label *g = ds_sup_label_at(t, L, i);
        if (g && g->k == K_GIVEN)
            return false;
    }
    return true;
}

/* Person k of np (a surname, maybe given names) as a name field: the
 * holder's for the first, another name for the second. */
static void put_name_parts(const name_parts *np, int k, ds_sup_page *out)
{
    const char *sur = np->v[k][0], *giv = np->v[k][1];
    ds_sup_field *f = add_field(out, k == 0 ? DS_SF_NAME : DS_SF_OTHER_NAME,
                                ds_sup_name_apart(np, k) ? DS_SUP_LABEL_NAME_APART
                                : giv[0]                 ? "surname, given names"
                                                         : "surname");
    if (!f)
        return;
    char both[DS_SUP_VALUE_MAX * 2 + 2];
    snprintf(both, sizeof both, "%s%s%s", giv, giv[0] ? " " : "", sur);
    ds_text_copy_utf8(f->value, sizeof f->value, both);
    name_norm(f->value, f->norm, sizeof f->norm);
    memcpy(f->box, np->box[k][0], sizeof f->box);
    f->conf = np->conf[k][0];
    if (!giv[0])
        return;
    const int *b = np->box[k][1];
    int x0 = f->box[0] < b[0] ? f->box[0] : b[0];
    int y0 = f->box[1] < b[1] ? f->box[1] : b[1];
    int x1 = f->box[0] + f->box[2] > b[0] + b[2] ? f->box[0] + f->box[2] : b[0] + b[2];
    int y1 = f->box[1] + f->box[3] > b[1] + b[3] ? f->box[1] + f->box[3] : b[1] + b[3];
    f->box[0] = x0, f->box[1] = y0, f->box[2] = x1 - x0, f->box[3] = y1 - y0;
    if (np->conf[k][1] < f->conf)
        f->conf = np->conf[k][1];
}

/* A name joined by "and" to the next one in the words v beside a name's
 * label is the other party's ("Anna Smith and Oliver Okafor were joined"). */
static void other_party(const ds_sup_text *t, span v, ds_sup_page *out)
{
    span n1 = ds_sup_name_span(t, v.a, v.b);
    char f[DS_SUP_WORD_MAX * 2] = "";
    if (n1.b > n1.a && n1.b + 1 < v.b)
        ds_text_fold(t->w[n1.b].text, f, sizeof f);
    span n2 = !strcmp(f, "and") ? ds_sup_name_span(t, n1.b + 1, v.b) : n1;
    while (n2.b > n2.a && islower((unsigned char)t->w[n2.b - 1].text[0]))
        n2.b--; /* "Oliver Okafor were joined" */
    ds_sup_field *of =
        n2.a > n1.b && n2.b - n2.a >= 2 ? add_field(out, DS_SF_OTHER_NAME, "and") : NULL;
    if (of) {
        set_value(t, of, n2.a, n2.b);
        name_norm(of->value, of->norm, sizeof of->norm);
    }
}

const ds_sup_field *ds_sup_find(const ds_sup_page *p, ds_sup_field_id id)
{
    for (int i = 0; p && i < p->nfields; i++)
        if (p->f[i].id == id)
            return &p->f[i];
    return NULL;
}

void ds_sup_extract(const ds_sup_text *t, const ds_sup_class *cls, ds_sup_page *out)
{
    memset(out, 0, sizeof *out);
    if (cls)
        out->cls = *cls;
    if (!t)
        return;
    out->read = true;
    out->source = t->source;
    out->nwords = t->nwords;
    out->mean_conf = t->mean_conf;
    out->ms = t->ms;
    if (t->nwords == 0 || t->nlines == 0)
        return;
    lines L = {t->nlines, calloc((size_t)t->nlines + 1, sizeof(int)),
               calloc((size_t)t->nlines + 1, sizeof(int)), DS_SUP_ORDER_UNKNOWN};
    line_toks *lt = malloc(sizeof *lt);
    name_parts *np = calloc(1, sizeof *np);
    signed char *party = malloc((size_t)t->nlines + 1);
    if (!L.start || !L.height || !lt || !np || !party)
        goto out;
    int page_h = 0;
    for (int i = t->nwords - 1; i >= 0; i--) {
        L.start[t->w[i].line] = i;
        if (t->w[i].box[3] > L.height[t->w[i].line])
            L.height[t->w[i].line] = t->w[i].box[3];
        if (t->w[i].box[1] + t->w[i].box[3] > page_h)
            page_h = t->w[i].box[1] + t->w[i].box[3];
    }
    L.start[t->nlines] = t->nwords;
    if (t->page_h > 0)
        page_h = t->page_h;
    L.order = ds_sup_date_order(t);
    bool page_given = false, page_surname = false;
    split_name_labels(t, &L, lt, &page_given, &page_surname);
    /* A name caption in another party's section of a form (the landlord's,
     * the employer's) names that party, not the holder: not read as a name. */
    ds_sup_party_sections(t, &L, lt, party);
    for (int line = 0; line < L.n; line++) {
        if (L.height[line] < 1)
            L.height[line] = 1;
        ds_sup_tokenize(t, &L, line, lt);
        for (int pos = 0; pos < lt->n; pos++) {
            /* The longest caption starting here, the first of the table on
             * a tie ("adresse de livraison", not "adresse"), taken once. */
            int jbest = -1, m = 0;
            for (int j = 0; j < NLABELS; j++) {
                int mj = ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase);
                if (mj > m)
                    jbest = j, m = mj;
            }
            if (jbest < 0)
                jbest = ds_sup_match_near(lt, pos, &m);
            for (int j = jbest; j >= 0 && j == jbest; j++) {
                int lw = lt->t[pos].word, last = lt->t[pos + m - 1].word;
                kind lk = ds_sup_labels[j].k;
                if (lk <= K_GIVEN && party[line] < 0) {
                    pos += m - 1;
                    break;
                }
                /* The caption's translation after it ("Hiermit bestätigen
                 * wir, dass / We confirm that", the slash read as "I"): the
                 * value follows the translation. */
                int tr_end = translation_end(lt, pos + m, &ds_sup_labels[j]);
                if (tr_end >= 0)
                    last = lt->t[tr_end].word;
                /* "Date of" a word no label knows ("DATE OF BIRT:", a
                 * birth date's caption misread): the date of something
                 * else, never the issue date. */
                if (date_of_other(&ds_sup_labels[j], lt, pos + m)) {
                    pos += m - 1;
                    break;
                }
                bool running = in_running_text(t, &L, line, lw);
                span flow = value_flow(t, &L, line, last);
                char iso[11], alt[11];
                /* Running text: a generic label is no label, but "born"
                 * right after the holder's name, before a date. */
                if (ds_sup_generic_label(ds_sup_labels[j].phrase) && running &&
                    !(!strcmp(ds_sup_labels[j].phrase, "born") && holder_born(t, out, lw) &&
                      flow.b > flow.a &&
                      date_at(t, &L, ds_sup_skip_birthplace(t, flow.a, flow.b), flow.b, iso, alt) > 0))
                    break;
                if (running && lk == K_ADDRESS) {
                    address_prose(t, flow.a, flow.b, out, ds_sup_labels[j].phrase);
                    pos += m - 1;
                    break;
                }
                label lb = ds_sup_labels[j];
                span v, named;
                ds_sup_value_use use = ds_sup_label_value(t, &L, lt, line, lw, last, &lb, running,
                                                          flow, &v, &named);
                if (lk == K_NAME)
                    other_party(t, named, out);
                if (use == DS_SUP_VALUE_SKIP)
                    pos += m - 1;
                if (use != DS_SUP_VALUE_TAKE)
                    break;
                int vl = v.b > v.a ? t->w[v.a].line : line;
                if (!strcmp(lb.phrase, "nom") && page_given)
                    lb.k = K_SURNAME;
                else if ((!strcmp(lb.phrase, "nombre") || !strcmp(lb.phrase, "nome")) && page_surname)
                    lb.k = K_GIVEN;
                /* A person's caption ("Spouse", "Cónyuge") in a row whose
                 * next box is captioned with the given names holds the
                 * surname. */
                if (lb.k == K_NAME && given_box_beside(t, &L, lw))
                    lb.k = K_SURNAME;
                /* A person's caption with the surname's named after it in
                 * brackets ("Name of child (Surname)") holds the surname. */
                if (lb.k == K_NAME && pos + m < lt->n && t->w[lt->t[pos + m].word].text[0] == '(' &&
                    ds_sup_surname_caption(lt->t[pos + m].s))
                    lb.k = K_SURNAME;
                /* A part's caption on a row another party's role heads
                 * ("Co-tenant - Surname | Given names"): that party's. */
                bool part = lb.k == K_SURNAME || lb.k == K_GIVEN,
                     marriage = cls && cls->type == DS_PC_MARRIAGE_CERTIFICATE;
                if (part)
                    lb.id = ds_sup_row_role(t, &L, lt, pos, marriage) < 0 ? DS_SF_OTHER_NAME
                                                                           : DS_SF_NAME;
                name_parts before = *np;
                bool took = take_value(t, &L, vl, v.a, v.b, &lb, out, np);
                /* A birth date found by "born" inside a sentence is placed
                 * by how the sentence reads, not by a label: its label
                 * says so (DS_SUP_LABEL_BORN_PROSE), and the checks never
                 * call its difference certain. */
                if (took && running && lb.id == DS_SF_BIRTH_DATE && !strcmp(lb.phrase, "born"))
                    for (int k = 0; k < out->nfields; k++)
                        if (out->f[k].id == DS_SF_BIRTH_DATE && !strcmp(out->f[k].label, "born"))
                            snprintf(out->f[k].label, sizeof out->f[k].label, "%s",
                                     DS_SUP_LABEL_BORN_PROSE);
                /* Nothing beside the label of its kind: the rest of its
                 * caption ("Titulaire du compte"), or another label of the
                 * same row ("Geburtsdatum  Geburtsort" over "1983-07-20
                 * Köln", two boxes read as one line): the value is below. */
                bool that = ds_sup_certifying(lb.phrase);
                if (!took && !that && (v.b <= v.a || t->w[v.a].line == line ||
                              (ds_sup_labels[j].k <= K_GIVEN && ds_sup_caption_run(t, v.a, v.b) >= v.b))) {
                    span below = ds_sup_value_under(t, &L, line, lw, lb.id, &lb.k);
                    if (ds_sup_labelled_at(t, &L, below))
                        below.b = below.a; /* the next label, not a value */
                    int vline = below.b > below.a ? t->w[below.a].line : line;
                    take_value(t, &L, vline, below.a, below.b, &lb, out, np);
                }
                /* The holder's part captioned but no name read under it. */
                int which = lb.k == K_GIVEN;
                if (part && lb.id == DS_SF_NAME && !np->unread[which] && !np->v[0][which][0] &&
                    !memcmp(&before, np, sizeof before))
                    np->unread[which] = line + 1;
                pos += m - 1;
                /* The rest of a slashed caption ("Père/Father") is its
                 * translation, not a second label; so is a translation
                 * after it. */
                while (pos + 1 < lt->n && lt->t[pos + 1].word == last)
                    pos++;
                if (tr_end > pos)
                    pos = tr_end;
                break;
            }
        }
    }
    /* A name printed as surname and given names in two fields: the first
     * person's is the holder's (unless a label gave it), the second's
     * another name of the page. */
    for (int k = 0; k < DS_SUP_NAME_PEOPLE; k++)
        if (np->v[k][0][0] && (k > 0 || !ds_sup_find(out, DS_SF_NAME)))
            put_name_parts(np, k, out);
    span rs;
    char role[DS_SUP_WORD_MAX];
    ds_sup_field *rf = NULL;
    if (!ds_sup_find(out, DS_SF_NAME) &&
        ds_sup_role_caption_name(t, &L, lt, &rs, role, sizeof role))
        rf = add_field(out, DS_SF_NAME, role);
    if (rf) {
        set_value(t, rf, rs.a, rs.b);
        ds_sup_name_fix_l(rf->value);
        name_norm(rf->value, rf->norm, sizeof rf->norm);
    }
    name_before_role(t, &L, out);
    header_fields(t, &L, out, page_h);
    if (cls && cls->type != DS_PC_BIRTH_CERTIFICATE && cls->type != DS_PC_MARRIAGE_CERTIFICATE)
        ds_sup_put_date_line(t, &L, out, page_h);
    ds_sup_put_place_date(t, &L, out);
    ds_sup_put_column_birth(t, &L, cls && cls->type == DS_PC_BIRTH_CERTIFICATE, out);
out:
    free(L.start);
    free(L.height);
    free(lt);
    free(np);
    free(party);
}
