/*
 * Fuzz target for the lost-and-stolen list parser (src/store/lostcsv.c):
 * any bytes are a CSV file. Every entry handed to the callback must keep
 * the contracts of lostcsv.h (a normalised document number of letters and
 * digits, a 1 to 3 letter state, an ISO date or "", a printable source,
 * all NUL-terminated within their buffers), and the counts must add up:
 * no more entries and malformed lines than lines, the first malformed line
 * within range. Normalising an entry again must not change it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/lostcsv.h"

static void bounded(const char *s, size_t cap)
{
    if (strnlen(s, cap) == cap)
        abort();
}

static ds_error check_entry(void *ctx, const ds_lost_entry *e)
{
    (*(int64_t *)ctx)++;
    bounded(e->document_number, sizeof e->document_number);
    bounded(e->issuing_state, sizeof e->issuing_state);
    bounded(e->reported_on, sizeof e->reported_on);
    bounded(e->source, sizeof e->source);
    size_t n = strlen(e->document_number);
    if (n == 0)
        abort();
    for (size_t i = 0; i < n; i++) {
        char c = e->document_number[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            abort();
    }
    size_t k = strlen(e->issuing_state);
    if (k < 1 || k > 3)
        abort();
    for (size_t i = 0; i < k; i++)
        if (e->issuing_state[i] < 'A' || e->issuing_state[i] > 'Z')
            abort();
    size_t d = strlen(e->reported_on);
    if (d != 0 && (d != 10 || e->reported_on[4] != '-' || e->reported_on[7] != '-'))
        abort();
    for (const char *p = e->source; *p; p++)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
            abort();
    char again[DS_STORE_DOCNO_MAX + 1], state[4];
    if (!ds_lost_norm_docno(e->document_number, n, again, sizeof again) ||
        strcmp(again, e->document_number) != 0)
        abort();
    if (!ds_lost_norm_state(e->issuing_state, k, state) || strcmp(state, e->issuing_state) != 0)
        abort();
    return DS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_lost_import_stats st;
    int64_t calls = 0;
    if (ds_lostcsv_parse((const char *)data, size, check_entry, &calls, &st) != DS_OK)
        abort();
    if (calls != st.imported || st.imported + st.malformed > st.lines ||
        st.first_malformed_line > st.lines || (st.malformed > 0) != (st.first_malformed_line > 0) ||
        st.lines > DS_LOSTCSV_LINES_MAX)
        abort();
    return 0;
}
