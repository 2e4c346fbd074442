/*
 * text.c: folding and comparing read text (text.h). Pure functions over
 * bounded buffers: nothing here allocates, reads past a terminator or
 * leaves an output unterminated (for cap > 0), and nothing knows about
 * documents beyond the letters they print. Distances answer inputs longer
 * than their fixed rows with a large distance, never by reading past them.
 */
#include "base/text.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

/* The fold ds_text_name_key reads a name through: twice a VIZ value. */
#define NAME_KEY_FOLD_MAX 192

/* ----------------------------------------------------------------- UTF-8 */

/* Latin-1 Supplement U+00C0..U+00FF folded to ASCII letters ('.' = drop). */
static const char latin1_fold[64] =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty";

/* Latin Extended-A U+0100..U+017F folded, two entries per letter pair. */
static const char latin_exta_fold[128] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Latin Extended-B U+0180..U+024F folded where the letter is a base letter
 * with a mark (Pinyin's tones, Vietnamese's horned O and U, Romanian's S
 * and T with a comma below); '.' = no Latin base letter. */
static const char latin_extb_fold[208] =
    "................................Oo.............Uu..............."
    ".............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa...."
    "AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............"
    "................";

/* Latin Extended Additional U+1E00..U+1EFF folded: Vietnamese's letters
 * with two marks ("Nguyễn", "Thị"), Welsh's W and Y with accents, dotted
 * letters of older transliterations; capital sharp S as S. */
static const char latin_addl_fold[256] =
    "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm"
    "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv"
    "WwWwWwWwWwXxXxYyZzZzZzhtwy....S.AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe"
    "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

/* The base letter of a Latin letter with marks, in its case (0 when cp
 * is none): the one table both folds read (ds_text_fold and, with its
 * two-letter forms beside it, ds_text_fold_icao). */
static char latin_letter(unsigned cp)
{
    char f = cp >= 0xC0 && cp < 0x100      ? latin1_fold[cp - 0xC0]
             : cp >= 0x100 && cp < 0x180   ? latin_exta_fold[cp - 0x100]
             : cp >= 0x180 && cp < 0x250   ? latin_extb_fold[cp - 0x180]
             : cp >= 0x1E00 && cp < 0x1F00 ? latin_addl_fold[cp - 0x1E00]
                                           : 0;
    return f == '.' ? 0 : f;
}

/* Decodes one UTF-8 sequence at s (at most n bytes); returns its length
 * (1 for an invalid byte, with *cp = 0xFFFD). */
static int utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC2 && c < 0xE0) ? 2 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Folds UTF-8 text to lower-case ASCII letters and digits separated by
 * single spaces; every other character is a space. */
static void fold_ascii(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0 && o + 3 < cap) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        s += l;
        n -= (size_t)l;
        char f = 0;
        if (cp < 0x80 && isalnum((int)cp))
            f = (char)tolower((int)cp);
        else
            f = latin_letter(cp);
        if (f == 's' && cp == 0xDF)
            out[o++] = 's';
        if (f) {
            out[o++] = (char)tolower((unsigned char)f);
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

/* Copies src into dst[cap], never cutting a UTF-8 sequence in two. */
void ds_text_copy_utf8(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return;
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = 0;
}

void ds_text_fold(const char *in, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    out[0] = 0;
    if (in && cap >= 4)
        fold_ascii(in, out, cap);
}


/* Upper-cases ASCII and Latin-1/Latin Extended-A lower-case letters of UTF-8
 * text and collapses white space; output is cut at a character boundary. */
void ds_text_upper_utf8(const char *in, char *out, size_t cap)
{
    size_t o = 0, n = strlen(in);
    const unsigned char *s = (const unsigned char *)in;
    bool space = true;
    while (n > 0) {
        unsigned cp;
        int l = utf8_next(s, n, &cp);
        if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            s += l;
            n -= (size_t)l;
            if (!space && o + 1 < cap) {
                out[o++] = ' ';
                space = true;
            }
            continue;
        }
        if (cp < 0x80)
            cp = (unsigned)toupper((int)cp);
        else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
            cp -= 0x20;
        else if (cp >= 0x100 && cp < 0x178 && (cp & 1) && cp != 0x131 && cp != 0x138 && cp != 0x149)
            cp -= 1;
        char enc[4];
        int el;
        if (cp == 0xFFFD) {
            el = 0;
        } else if (cp < 0x80) {
            enc[0] = (char)cp;
            el = 1;
        } else if (cp < 0x800) {
            enc[0] = (char)(0xC0 | (cp >> 6));
            enc[1] = (char)(0x80 | (cp & 0x3F));
            el = 2;
        } else {
            memcpy(enc, s, (size_t)l);
            el = l;
        }
        if (o + (size_t)el + 1 > cap)
            break;
        memcpy(out + o, enc, (size_t)el);
        o += (size_t)el;
        space = false;
        s += l;
        n -= (size_t)l;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}
void ds_text_name_key(const char *in, char *out, size_t cap)
{
    if (cap == 0)
        return;
    char f[NAME_KEY_FOLD_MAX];
    ds_text_fold(in ? in : "", f, sizeof f);
    size_t o = 0;
    for (const char *p = f; *p && o + 1 < cap; p++)
        if (isalpha((unsigned char)*p))
            out[o++] = (char)toupper((unsigned char)*p);
    out[o] = 0;
}

void ds_text_upper_name(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    bool space = true;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 2 < cap; p++) {
        unsigned char c = *p;
        if (isalpha(c) || c >= 0x80 || c == '-' || c == '\'') {
            out[o++] = (char)(c < 0x80 ? toupper(c) : c);
            space = false;
        } else if (!space) {
            out[o++] = ' ';
            space = true;
        }
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '-' || out[o - 1] == '\''))
        o--;
    out[o] = 0;
}

void ds_text_upper_collapse(const char *src, char *dst, size_t cap)
{
    size_t o = 0;
    bool space = true;
    for (const char *s = src; *s && o + 1 < cap; s++) {
        char c = *s;
        if (c == ',' || c == ' ' || c == '\t') {
            if (!space) {
                dst[o++] = ' ';
                space = true;
            }
            continue;
        }
        dst[o++] = (char)toupper((unsigned char)c);
        space = false;
    }
    while (o > 0 && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
}

/* ------------------------------------------------------------------ ICAO */

/* The letters whose ICAO 9303 form is not their base letter alone
 * (latin_letter): two letters for one (bare), and the two-letter forms of
 * A, O, U with diaeresis and A with ring (two; NULL: the bare form). */
typedef struct icao_form {
    uint16_t cp;
    const char *bare, *two; /* bare NULL: the base letter */
} icao_form;

static const icao_form icao_forms[] = {
    {0xC4, NULL, "AE"}, {0xC5, NULL, "AA"}, {0xC6, "AE", NULL}, {0xD6, NULL, "OE"},
    {0xD8, "OE", NULL}, {0xDC, NULL, "UE"}, {0xDE, "TH", NULL}, {0xDF, "SS", NULL},
    {0xE4, NULL, "AE"}, {0xE5, NULL, "AA"}, {0xE6, "AE", NULL}, {0xF6, NULL, "OE"},
    {0xF8, "OE", NULL}, {0xFC, NULL, "UE"}, {0xFE, "TH", NULL}, {0x132, "IJ", NULL},
    {0x133, "IJ", NULL}, {0x152, "OE", NULL}, {0x153, "OE", NULL},
};

void ds_text_fold_icao(const char *in, bool two_letter, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    size_t o = 0;
    bool space = true; /* suppresses leading and repeated spaces */
    const uint8_t *p = (const uint8_t *)(in ? in : "");
    while (*p && o + 1 < cap) {
        uint32_t cp;
        size_t k = 1;
        if (*p < 0x80) {
            cp = *p;
        } else if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            cp = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
            k = 2;
        } else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            cp = (uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            k = 3;
        } else {
            /* Longer sequences and broken bytes: a separator. */
            cp = ' ';
            k = 1;
            while (p[k] && (p[k] & 0xC0) == 0x80)
                k++;
        }
        p += k;
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (cp < 0x80 && isalnum((int)cp)) {
            one[0] = (char)toupper((int)cp);
            rep = one;
        } else {
            for (size_t i = 0; i < sizeof icao_forms / sizeof icao_forms[0]; i++)
                if (cp == icao_forms[i].cp) {
                    rep = two_letter && icao_forms[i].two ? icao_forms[i].two : icao_forms[i].bare;
                    break;
                }
            /* Other letters with marks: their base letter (ICAO 9303
             * Part 3 drops the marks it gives no two-letter form). */
            char base = rep ? 0 : latin_letter(cp);
            if (base) {
                one[0] = (char)toupper((unsigned char)base);
                rep = one;
            }
        }
        if (!rep) {
            if (!space && o + 1 < cap) {
                out[o++] = ' ';
                space = true;
            }
            continue;
        }
        for (const char *r = rep; *r && o + 1 < cap; r++)
            out[o++] = *r;
        space = false;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

/* ------------------------------------------------------- numbers, ASCII */

void ds_text_strip_number(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++) {
        char ch = *s;
        if (ch == '<' || ch == ' ' || ch == '-')
            continue;
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        out[k++] = ch;
    }
    out[k] = '\0';
}

void ds_text_letters(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        if (isalpha((unsigned char)*in))
            out[o++] = *in;
    out[o] = 0;
}

int ds_edit_distance_n(const char *a, size_t la, const char *b, size_t lb, int max)
{
    if (la > 95 || lb > 95)
        return max + 1;
    int prev[96], cur[96];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        int lo = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c)
                c = prev[j] + 1;
            if (cur[j - 1] + 1 < c)
                c = cur[j - 1] + 1;
            cur[j] = c;
            if (c < lo)
                lo = c;
        }
        /* Every later row is at least this row's smallest entry. */
        if (lo > max)
            return max + 1;
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
}

int ds_levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 95 || lb > 95)
        return 99;
    return ds_edit_distance_n(a, la, b, lb, 200);
}

bool ds_digits_confusable(char a, char b)
{
    static const char *const pairs[] = {"08", "06", "09", "38", "56", "68", "89", "35", "58",
                                        "17", "14", "49", "27", "39", "59", "69", "13"};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if ((pairs[i][0] == a && pairs[i][1] == b) || (pairs[i][0] == b && pairs[i][1] == a))
            return true;
    return false;
}

char ds_ocr_fold(char c)
{
    c = (char)toupper((unsigned char)c);
    switch (c) {
    case 'O': case 'D': case 'Q': return '0';
    case 'I': case 'J': case 'L': case 'T': return '1';
    case 'Z': return '2';
    case 'S': return '5';
    case 'G': return '6';
    case 'B': return '8';
    default: return c;
    }
}

void ds_fold_number(const char *in, char *out, size_t cap)
{
    if (cap == 0)
        return;
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        if (isalnum((unsigned char)*in))
            out[o++] = ds_ocr_fold(*in);
    out[o] = 0;
}

bool ds_number_near(const char *read, const char *expect)
{
    char a[96], b[96];
    ds_fold_number(read, a, sizeof a);
    ds_fold_number(expect, b, sizeof b);
    return ds_levenshtein(a, b) <= (int)(strlen(b) + 2) / 3;
}

void ds_drop_umlaut_e(const char *in, char *out, size_t cap)
{
    if (cap == 0)
        return;
    size_t o = 0;
    for (size_t i = 0; in[i] && o + 1 < cap; i++) {
        if (in[i] == 'E' && i > 0 && (in[i - 1] == 'O' || in[i - 1] == 'U' || in[i - 1] == 'A'))
            continue;
        out[o++] = in[i];
    }
    out[o] = 0;
}

bool ds_text_subsequence(const char *a, const char *b)
{
    for (; *a; a++) {
        while (*b && *b != *a)
            b++;
        if (!*b)
            return false;
        b++;
    }
    return true;
}
