/*
 * Text distances for comparing OCR readings. Bounded: inputs longer than
 * the fixed rows are answered with a large distance, never read past.
 */
#include "textdist.h"

#include <ctype.h>
#include <string.h>

int ds_levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 95 || lb > 95)
        return 99;
    int prev[96], cur[96];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c)
                c = prev[j] + 1;
            if (cur[j - 1] + 1 < c)
                c = cur[j - 1] + 1;
            cur[j] = c;
        }
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
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
