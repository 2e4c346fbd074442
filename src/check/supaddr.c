/*
 * supaddr.c: a supporting page's address against the case record's
 * (supcheck.h): how two addresses compare, and when a difference is read
 * clearly enough to be SUPPORT_ADDRESS_MISMATCH (a warning).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "check/case.h"
#include "check/supcheck.h"
#include "check/supwords.h"
#include "page/support_values.h"

#define ADDRESS_CONF_CLEAR 75.0f

/* The address folded into words (lower case, no accents); a town and its
 * postcode read as one word ("Lahore54000": three letters or more, then
 * four digits or more) are two. */
static void addr_words(const char *s, words *out)
{
    char f[600], g[700];
    ds_text_fold(s, f, sizeof f);
    size_t o = 0;
    for (size_t i = 0; f[i] && o + 2 < sizeof g; i++) {
        if (i >= 3 && isdigit((unsigned char)f[i]) && isalpha((unsigned char)f[i - 1]) &&
            isalpha((unsigned char)f[i - 2]) && isalpha((unsigned char)f[i - 3]) &&
            strspn(f + i, "0123456789") >= 4)
            g[o++] = ' ';
        g[o++] = f[i];
    }
    g[o] = 0;
    split(g, out);
}

/* A street's, a flat's or a number's word in one form for its
 * abbreviations and other languages' words ("Street", "St", "Str";
 * "Flat", "Apt", "Unit"); NULL for any other word. */
static const char *street_form(const char *w)
{
    static const char *const forms[][8] = {
        {"st", "street", "str", "strasse", "stree", NULL},
        {"rd", "road", NULL},
        {"ave", "avenue", "av", "avda", "avenida", "avenu", NULL},
        {"apt", "apartment", "flat", "unit", "appt", "appartement", "apto", NULL},
        {"no", "number", "nr", "num", "numero", "nro", "nummer", NULL},
        {"dr", "drive", NULL},
        {"ln", "lane", NULL},
        {"ct", "court", NULL},
        {"pl", "place", NULL},
        {"sq", "square", NULL},
        {"cres", "crescent", NULL},
        {"blvd", "boulevard", "bd", "bvd", NULL},
        {"hwy", "highway", NULL},
        {"brgy", "barangay", "bgy", NULL},
        {"blk", "block", NULL},
        {"ter", "terrace", "terr", NULL},
        {"gdns", "gardens", NULL},
        {"bldg", "building", NULL},
    };
    for (size_t g = 0; g < sizeof forms / sizeof forms[0]; g++)
        for (int k = 0; forms[g][k]; k++)
            if (!strcmp(w, forms[g][k]))
                return forms[g][0];
    return NULL;
}

/* Are folded words a and b one street's word in two spellings: the same
 * abbreviation's forms, or a German street's compound with its ending
 * written out and cut ("Hauptstr" for "Hauptstrasse")? */
static bool street_same(const char *a, const char *b)
{
    const char *fa = street_form(a), *fb = street_form(b);
    if (fa && fb)
        return fa == fb;
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb)
        return street_same(b, a);
    /* a is the shorter */
    return la >= 5 && lb > la && strcmp(a + la - 3, "str") == 0 && strncmp(a, b, la) == 0 &&
           strcmp(b + la, "asse") == 0;
}

/* Is a, a number read with one letter in it, number b (digits only) but
 * for that letter ("U8" for 28): OCR took a digit for a letter, no other
 * number is printed. */
static bool letter_for_digit(const char *a, const char *b)
{
    size_t la = strlen(a);
    if (la != strlen(b) || strspn(b, "0123456789") != la)
        return false;
    int diff = 0, letter = 0;
    for (size_t i = 0; i < la; i++)
        if (a[i] != b[i]) {
            diff++;
            letter += isalpha((unsigned char)a[i]) != 0;
        }
    return diff == 1 && letter == 1;
}

/* Is a, a number shorter than b, b with digits lost at its start or end
 * ("7" of "2577": the reader dropped the first digits of a line)? */
static bool number_cut(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    return la >= 1 && la < lb && (strncmp(a, b, la) == 0 || strcmp(a, b + lb - la) == 0);
}

/* ds_sup_address_compare; cut: a number read with digits lost is the
 * record's. */
static int compare(const char *page_addr, const char *case_addr, bool cut)
{
    if (!page_addr || !page_addr[0] || !case_addr || !case_addr[0])
        return -1;
    words p, c;
    addr_words(page_addr, &p);
    addr_words(case_addr, &c);
    if (p.n == 0 || c.n == 0)
        return -1;
    int alpha = 0, alpha_hit = 0;
    for (int i = 0; i < p.n; i++) {
        bool digit = false;
        for (const char *q = p.w[i]; *q; q++)
            digit |= isdigit((unsigned char)*q) != 0;
        bool hit = false;
        for (int j = 0; j < c.n && !hit; j++) {
            if (!digit) {
                hit = ds_sup_word_near(p.w[i], c.w[j]) || street_same(p.w[i], c.w[j]);
                continue;
            }
            /* Numbers and postcodes with the reader's confusions folded
             * (B as 8, O as 0); one character apart when the longer has
             * three or more (a postcode's last letter lost), else exact
             * (a house number). */
            char a[WORD_LEN], b[WORD_LEN];
            ds_fold_number(p.w[i], a, sizeof a);
            ds_fold_number(c.w[j], b, sizeof b);
            size_t la = strlen(a), lb = strlen(b);
            hit = strcmp(a, b) == 0 || ((la > lb ? la : lb) >= 3 && ds_levenshtein(a, b) <= 1) ||
                  letter_for_digit(a, b) || (cut && number_cut(a, b));
        }
        if (digit && !hit)
            return 0;
        if (!digit && strlen(p.w[i]) >= 3) {
            alpha++;
            alpha_hit += hit;
        }
    }
    return alpha == 0 || alpha_hit * 2 >= alpha ? 1 : 0;
}

int ds_sup_address_compare(const char *page_addr, const char *case_addr)
{
    return compare(page_addr, case_addr, false);
}

/* Does the page's address differ from the case's whichever one of its
 * words is left out? Then a single misread word (the one read least
 * surely) cannot have made the difference: the house number and the
 * postcode, or the street and the town, differ as well. */
static bool differs_without_any_word(const char *page_addr, const char *case_addr)
{
    words w;
    split(page_addr, &w);
    if (w.n < 3 || w.n >= WORDS_MAX) /* too short to tell, or cut short by split */
        return false;
    for (int skip = 0; skip < w.n; skip++) {
        char rest[DS_SUP_VALUE_MAX];
        size_t k = 0;
        rest[0] = 0;
        for (int i = 0; i < w.n; i++) {
            if (i == skip)
                continue;
            int m = snprintf(rest + k, sizeof rest - k, "%s%s", k ? " " : "", w.w[i]);
            if (m < 0 || (size_t)m >= sizeof rest - k)
                return false;
            k += (size_t)m;
        }
        if (ds_sup_address_compare(rest, case_addr) != 0)
            return false;
    }
    return true;
}

/* Does the page print address addr (its lines as they are written, in
 * the order read, folded), wherever it stands? */
static bool page_shows_address(const ds_sup_text *t, const char *addr)
{
    if (!t || !addr || !addr[0] || t->nwords <= 0)
        return false;
    size_t cap = (size_t)t->nwords * (DS_SUP_WORD_MAX * 2 + 1) + 2;
    char *text = malloc(cap);
    if (!text)
        return false;
    size_t len = 0;
    text[len++] = ' ';
    for (int i = 0; i < t->nwords; i++) {
        char fw[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, fw, sizeof fw);
        size_t l = strlen(fw);
        if (!l)
            continue;
        memcpy(text + len, fw, l);
        len += l;
        text[len++] = ' ';
    }
    text[len] = 0;
    bool all = true;
    int nlines = 0;
    for (const char *a = addr; *a && all;) {
        size_t n = strcspn(a, "\n");
        char line[DS_CASE_ADDRESS_MAX], fl[DS_CASE_ADDRESS_MAX + 2], pat[DS_CASE_ADDRESS_MAX + 4];
        snprintf(line, sizeof line, "%.*s", (int)n, a);
        ds_text_fold(line, fl, sizeof fl);
        if (fl[0]) {
            snprintf(pat, sizeof pat, " %s ", fl);
            all = strstr(text, pat) != NULL;
            nlines++;
        }
        a += n;
        if (*a)
            a++;
    }
    free(text);
    return all && nlines > 0;
}

/* Is word box wb inside box fb (its middle)? */
static bool box_holds(const int fb[4], const int wb[4])
{
    int x = wb[0] + wb[2] / 2, y = wb[1] + wb[3] / 2;
    return x >= fb[0] && x < fb[0] + fb[2] && y >= fb[1] && y < fb[1] + fb[3];
}

/* An address whose unclear words (below ADDRESS_CONF_CLEAR: a smudged
 * postcode) left aside still differs from addr: its clearly read words
 * (the page's words inside the field's box), at least a house number or a
 * postcode of digits and two words of letters, give another address ("163
 * Green Lane GLASGOW" beside a record's "122 London Road"; "Cad. 34710
 * Kadıköy" beside "35220 Konak", the house number smudged). An unsure
 * house number and postcode leave too little to tell. */
static bool clear_words_differ(const ds_sup_text *t, const ds_sup_field *f, const char *addr)
{
    if (!t || f->box[2] <= 0)
        return false;
    char clear[DS_SUP_VALUE_MAX * 2] = "";
    size_t k = 0;
    int numbers = 0, letters = 0;
    for (int i = 0; i < t->nwords; i++) {
        const ds_sup_word *w = &t->w[i];
        if (!box_holds(f->box, w->box) || w->conf < ADDRESS_CONF_CLEAR ||
            !strstr(f->value, w->text))
            continue;
        int m = snprintf(clear + k, sizeof clear - k, "%s%s", k ? " " : "", w->text);
        if (m < 0 || (size_t)m >= sizeof clear - k)
            return false;
        k += (size_t)m;
        bool digit = strpbrk(w->text, "0123456789") != NULL;
        size_t nd = strspn(w->text, "0123456789");
        numbers += nd >= 1 && nd <= 5 && (!w->text[nd] || w->text[nd] == ',');
        letters += !digit && strlen(w->text) >= 3;
    }
    return numbers >= 1 && letters >= 2 && ds_sup_address_compare(clear, addr) == 0;
}

/* Does value read as a sentence or a caption rather than an address:
 * a colon in it ("as per our records: 99 ..."), or three words of three
 * letters or more starting in small letters that name no street ("...,
 * Abuja, maintains Savings Account No. ...", "held. 11. Personal data is
 * processed")? Then the reader took more than the address, or something
 * else, for it: unverifiable, never a different address. */
static bool prose_value(const char *value)
{
    /* A colon after a house's or a flat's number caption ("No: 79 D: 15")
     * is the address's own. */
    char buf[DS_SUP_VALUE_MAX * 2];
    snprintf(buf, sizeof buf, "%s", value);
    for (char *save = NULL, *p = strtok_r(buf, " ,", &save); p; p = strtok_r(NULL, " ,", &save))
        if (strchr(p, ':') && !ds_sup_number_caption(p))
            return true;
    words w;
    split(value, &w);
    int small = 0;
    for (int i = 0; i < w.n; i++)
        small += ds_sup_prose_word(w.w[i]);
    return small >= 3;
}

void ds_check_support_address(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                              const char *kind, int page, ds_flags *flags)
{
    if (!c->address[0])
        return;
    for (int i = 0; i < p->nfields; i++) {
        ds_sup_field *f = &p->f[i];
        if (f->id != DS_SF_ADDRESS)
            continue;
        int r = ds_sup_address_compare(f->value, c->address);
        if (r < 0)
            continue;
        /* The record's address but for a number read with digits lost
         * ("7, rue Saint-Denis" for "2577, rue Saint-Denis"): a misreading
         * as likely as another address. */
        if (r == 0 && (prose_value(f->value) || compare(f->value, c->address, true) == 1)) {
            snprintf(f->status, sizeof f->status, "%s", "unverifiable");
            return;
        }
        /* Read clearly: every word; or every word but one, when leaving
         * any one word out still gives another address. */
        bool clear = f->conf >= ADDRESS_CONF_CLEAR ||
                     (r == 0 && f->conf2 >= ADDRESS_CONF_CLEAR &&
                      differs_without_any_word(f->value, c->address)) ||
                     (r == 0 && clear_words_differ(t, f, c->address));
        /* An address placed by the layout (no label) on a page that prints
         * the case's address as well: another block was taken for it (a
         * heading under the letter head); the page shows no other address,
         * unverifiable. */
        if (r == 0 && strcmp(f->label, "header") == 0 && page_shows_address(t, c->address))
            clear = false;
        snprintf(f->status, sizeof f->status, "%s",
                 r == 1 ? "match" : clear ? "mismatch" : "unverifiable");
        if (r == 0 && clear)
            ds_flags_add(flags, page, DS_FLAG_SUPPORT_ADDRESS_MISMATCH, DS_SEV_WARNING, "case",
                         "address", NULL, NULL,
                         "The address on this %s differs from the address in the case record.",
                         kind);
        return;
    }
}
