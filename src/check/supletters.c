/*
 * supletters.c: a name's letters, and a date's digits, read one for
 * another (supcheck.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "check/supcheck.h"
#include "check/vizident.h"

#define LETTERS_MAX 64

/* Letters of a name in mixed-case print that OCR reads one for the other
 * beyond the capitals' pairs of ds_vizident_confusable (measured on data
 * pages' capitals): small e and c, u and v, l and capital I (folded to
 * capitals here). */
static bool name_look_alike(char a, char b)
{
    static const char *const small_pairs[] = {"CE", "UV", "IL"};
    if (ds_vizident_confusable(a, b))
        return true;
    for (size_t i = 0; i < sizeof small_pairs / sizeof small_pairs[0]; i++)
        if ((small_pairs[i][0] == a && small_pairs[i][1] == b) ||
            (small_pairs[i][0] == b && small_pairs[i][1] == a))
            return true;
    return false;
}

/* A folded word with the joins OCR makes read back: "RN" and "M", "II"
 * and "U" (an umlaut's dots as strokes), "VV" and "W" each as the one. */
static void join_fold(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; in[i] && o + 1 < cap; i++) {
        char a = in[i], b = in[i + 1];
        if ((a == 'R' && b == 'N') || (a == 'I' && b == 'I') || (a == 'V' && b == 'V')) {
            out[o++] = a == 'R' ? 'M' : a == 'I' ? 'U' : 'W';
            i++;
        } else {
            out[o++] = a;
        }
    }
    out[o] = 0;
}

bool ds_sup_letters_misread(const char *read, const char *name)
{
    char a[LETTERS_MAX], b[LETTERS_MAX];
    join_fold(read ? read : "", a, sizeof a);
    join_fold(name ? name : "", b, sizeof b);
    size_t na = strlen(a), nb = strlen(b);
    if (na == 0 || nb == 0)
        return false;
    /* An edit distance where a look-alike letter, and a doubled letter
     * read once or one read twice, cost nothing: 0 is a misreading. */
    unsigned char d[LETTERS_MAX][LETTERS_MAX];
    for (size_t i = 0; i <= na; i++)
        for (size_t j = 0; j <= nb; j++) {
            if (i == 0 && j == 0) {
                d[i][j] = 0;
                continue;
            }
            int best = 255;
            bool wild = j > 0 && b[j - 1] == '*'; /* a letter OCR's model may not know */
            if (i > 0 && j > 0) {
                int c = d[i - 1][j - 1] +
                        (!wild && a[i - 1] != b[j - 1] && !name_look_alike(a[i - 1], b[j - 1]));
                best = c < best ? c : best;
            }
            if (i > 0) { /* a letter of the reading the name lacks */
                bool twice = (i > 1 && a[i - 2] == a[i - 1]) || (i < na && a[i] == a[i - 1]);
                int c = d[i - 1][j] + !twice;
                best = c < best ? c : best;
            }
            if (j > 0) { /* a letter of the name the reading lacks */
                bool twice = wild || (j > 1 && b[j - 2] == b[j - 1]) || (j < nb && b[j] == b[j - 1]);
                int c = d[i][j - 1] + !twice;
                best = c < best ? c : best;
            }
            d[i][j] = (unsigned char)(best > 200 ? 200 : best);
        }
    return d[na][nb] == 0;
}

void ds_sup_name_wild(const char *in, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    size_t o = 0;
    bool space = true;
    const unsigned char *p = (const unsigned char *)(in ? in : "");
    while (*p && o + 1 < cap) {
        size_t k = 1;
        while (p[k] && (p[k] & 0xC0) == 0x80)
            k++;
        char c = 0;
        if (*p < 0x80 && isalnum(*p)) {
            c = (char)toupper(*p);
        } else if (*p >= 0x80 && k <= 4) {
            char one[5] = {0}, f[8];
            memcpy(one, p, k);
            ds_text_fold_icao(one, false, f, sizeof f);
            c = f[0] ? '*' : 0; /* a letter with a mark; else a separator */
        }
        p += k;
        if (c) {
            out[o++] = c;
            space = false;
        } else if (!space) {
            out[o++] = ' ';
            space = true;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

bool ds_sup_date_look_alike(const char *iso, const int *pos, size_t npos,
                            bool (*pred)(const char *date, void *ctx), void *ctx)
{
    static const int every[] = {0, 1, 2, 3, 5, 6, 8, 9};
    if (!iso || !pred || strlen(iso) != 10)
        return false;
    if (!pos) {
        pos = every;
        npos = sizeof every / sizeof every[0];
    }
    for (size_t k = 0; k < npos; k++) {
        int i = pos[k];
        if (i < 0 || i > 9 || !isdigit((unsigned char)iso[i]))
            continue;
        for (char c = '0'; c <= '9'; c++) {
            if (c == iso[i] || !ds_digits_confusable(iso[i], c))
                continue;
            char v[11];
            memcpy(v, iso, sizeof v);
            v[i] = c;
            if (pred(v, ctx))
                return true;
        }
    }
    return false;
}
