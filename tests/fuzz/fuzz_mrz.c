/*
 * Fuzz target for the MRZ parser (src/mrz/parse.c). The input is split at
 * '\n' into up to four lines of any length and bytes; both entry points run
 * on them: ds_mrz_parse on NUL-terminated copies, and ds_mrz_parse_ocr on
 * recogniser characters whose probabilities and second choices are derived
 * from the bytes. The first byte, when there is more than one, also picks
 * today_year. The target checks the output contracts it can see: a
 * successful parse yields printable, NUL-terminated text and a bounded
 * repair list. It must never write outside its own stack buffers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mrz/mrz.h"

#define MAX_IN_LINES 4
#define MAX_IN_LINE 64

static void check_text(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap);
    if (n == cap)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            abort();
}

static void check_result(const ds_mrz *m)
{
    if (m->nrepairs < 0 || m->nrepairs > DS_MRZ_MAX_REPAIRS)
        abort();
    if (m->nlines < 2 || m->nlines > DS_MRZ_MAX_LINES)
        abort();
    for (int l = 0; l < m->nlines; l++)
        check_text(m->lines[l], sizeof m->lines[l]);
    check_text(m->document_code, sizeof m->document_code);
    check_text(m->issuing_state, sizeof m->issuing_state);
    check_text(m->surname, sizeof m->surname);
    check_text(m->given_names, sizeof m->given_names);
    check_text(m->document_number, sizeof m->document_number);
    check_text(m->nationality, sizeof m->nationality);
    check_text(m->birth_date, sizeof m->birth_date);
    check_text(m->sex, sizeof m->sex);
    check_text(m->expiry_date, sizeof m->expiry_date);
    check_text(m->optional_data, sizeof m->optional_data);
    check_text(m->optional_data2, sizeof m->optional_data2);
    if (m->valid && !m->format_ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[MAX_IN_LINES][MAX_IN_LINE + 1];
    ds_mrz_char chars[MAX_IN_LINES][MAX_IN_LINE];
    const char *lines[MAX_IN_LINES];
    const ds_mrz_char *rows[MAX_IN_LINES];
    int lens[MAX_IN_LINES];
    uint8_t mode = size > 1 ? data[0] : 0;
    int today = 1990 + mode % 100;

    int n = 0;
    size_t i = size > 1 ? 1 : 0;
    while (n < MAX_IN_LINES) {
        int len = 0;
        while (i < size && data[i] != '\n') {
            if (len < MAX_IN_LINE) {
                uint8_t b = data[i];
                uint8_t next = i + 1 < size ? data[i + 1] : 0;
                text[n][len] = (char)b;
                chars[n][len] = (ds_mrz_char){
                    .c = (char)b,
                    .p = (float)(b & 0x7f) / 127.0f,
                    .alt = (mode & 1) ? (char)next : 0,
                    .alt_p = (float)((b * 31u + mode) & 0xff) / 255.0f,
                    /* some characters cut away by the image's edge */
                    .cut = (unsigned char)((mode >> 1) & (next >> 7) & 1),
                    /* glyph heights, for the letter/digit height test */
                    .ink_h = (float)(b & 0x1f) * 0.5f,
                };
                len++;
            }
            i++;
        }
        text[n][len] = '\0';
        lines[n] = text[n];
        rows[n] = chars[n];
        lens[n] = len;
        n++;
        if (i >= size)
            break;
        i++; /* the '\n' */
    }

    ds_mrz m;
    if (ds_mrz_parse(lines, n, today, &m) == DS_OK) {
        check_result(&m);
        if (m.nrepairs != 0)
            abort();
    }
    if (ds_mrz_parse_ocr(rows, lens, n, today, &m) == DS_OK)
        check_result(&m);
    for (int l = 0; l < n; l++)
        (void)ds_mrz_check_digit(text[l], (int)strnlen(text[l], MAX_IN_LINE));
    return 0;
}
