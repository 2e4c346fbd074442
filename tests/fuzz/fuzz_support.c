/*
 * Fuzz target for supporting pages (src/page/support*.c,
 * src/check/supcheck.c): the input is a text layer as a born-digital PDF
 * would hand it over, hostile: lines "x y w h text" (numbers in decimal,
 * any of them negative or huge, text any bytes up to the line's end). The
 * words are read as a layer, classified, their fields extracted and
 * checked against a fixed case record with related persons. Every field
 * must come back NUL-terminated within its cap and every date normalised
 * to a real date (or two, when its day and month could be swapped); every
 * line is also read as a date by itself (ds_sup_parse_date); the
 * sanitizers catch the rest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"

#define MAX_WORDS 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char rec[] =
        "{\"case_id\":\"F\",\"surname\":\"Müller\",\"given_names\":\"Anna\",\"birth_date\":"
        "\"1980-03-12\",\"application_date\":\"2026-11-01\",\"address\":\"12 Mill Road\\nLEEDS\","
        "\"related_persons\":[{\"surname\":\"Okafor\",\"given_names\":\"Ben\",\"relation\":"
        "\"spouse\",\"birth_date\":\"1979-01-01\"}]}";
    ds_case c;
    if (ds_case_parse(rec, strlen(rec), &c, NULL, 0) != DS_OK)
        abort();
    char *buf = malloc(size + 1);
    ds_text_word *w = calloc(MAX_WORDS, sizeof *w);
    if (!buf || !w) {
        free(buf);
        free(w);
        return 0;
    }
    memcpy(buf, data, size);
    buf[size] = 0;
    int n = 0;
    for (char *line = buf; line && *line && n < MAX_WORDS;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        int x, y, ww, h, used = 0;
        /* every line is also read as a date on its own */
        char iso[11], alt[11];
        ds_sup_date_result dr = ds_sup_parse_date(line, DS_SUP_ORDER_UNKNOWN, iso, alt);
        if ((dr != DS_SUP_DATE_NONE && !ds_date_valid(iso)) ||
            (dr == DS_SUP_DATE_AMBIGUOUS && !ds_date_valid(alt)))
            abort();
        if (sscanf(line, "%d %d %d %d %n", &x, &y, &ww, &h, &used) == 4 && used > 0) {
            w[n].text = line + used;
            w[n].box[0] = x;
            w[n].box[1] = y;
            w[n].box[2] = ww;
            w[n].box[3] = h;
            w[n].font = -1;
            n++;
        }
        line = next;
    }
    ds_text_layer layer = {n, w, 0, NULL};
    ds_sup_text t;
    if (ds_sup_read_layer(&layer, &t) == DS_OK) {
        ds_sup_class cls;
        ds_sup_page *p = calloc(1, sizeof *p);
        ds_flags *flags = calloc(1, sizeof *flags);
        if (p && flags) {
            ds_sup_classify(&t, &cls);
            ds_sup_extract(&t, &cls, p);
            ds_check_support(p, &t, &c, "2026-11-23", 0, 0, flags);
            uint64_t fp;
            (void)ds_sup_text_fingerprint(&t, &fp);
            for (int i = 0; i < p->nfields; i++) {
                const ds_sup_field *f = &p->f[i];
                if (strnlen(f->value, sizeof f->value) == sizeof f->value ||
                    strnlen(f->norm, sizeof f->norm) == sizeof f->norm ||
                    strnlen(f->label, sizeof f->label) == sizeof f->label)
                    abort();
                /* a date: one real date, or two readings of an unsettled order */
                bool two = !f->norm[0] && ds_date_valid(f->readings[0]) &&
                           ds_date_valid(f->readings[1]);
                if ((f->id == DS_SF_BIRTH_DATE || f->id == DS_SF_ISSUE_DATE ||
                     f->id == DS_SF_STATEMENT_DATE) && !ds_date_valid(f->norm) && !two)
                    abort();
                if (f->readings[0][0] && !two)
                    abort();
            }
            if (p->nfields > DS_SUP_FIELDS_MAX || flags->count > DS_MAX_FLAGS)
                abort();
        }
        free(p);
        free(flags);
        ds_sup_text_free(&t);
    }
    free(w);
    free(buf);
    return 0;
}
