/*
 * Fuzz target for the AAMVA DL/ID parser (src/barcode/aamva.c). Any bytes
 * are a payload. The target checks the contracts it can see: a status in
 * range, a zeroed result on failure, and on success NUL-terminated printable
 * fields, ISO dates, a bounded element list. It must never read outside the
 * input (the sanitizers watch the parser).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "barcode/aamva.h"

static void check_text(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap);
    if (n == cap)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            abort();
}

static void check_date(const char *d)
{
    check_text(d, 11);
    if (d[0] && (strlen(d) != 10 || d[4] != '-' || d[7] != '-'))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ds_aamva a;
    ds_aamva_status st = ds_aamva_parse(data, size, &a);
    if ((unsigned)st >= DS_AAMVA_STATUS_COUNT_)
        abort();
    if (st != DS_AAMVA_OK) {
        if (a.version != 0 || a.nelements != 0 || a.family_name[0])
            abort();
        return 0;
    }
    if (a.version < 1 || a.version > 10 || a.nelements < 0 || a.nelements > DS_AAMVA_MAX_ELEMENTS)
        abort();
    check_text(a.iin, sizeof a.iin);
    check_text(a.subfile_type, sizeof a.subfile_type);
    check_text(a.family_name, sizeof a.family_name);
    check_text(a.given_names, sizeof a.given_names);
    check_text(a.document_number, sizeof a.document_number);
    check_text(a.street, sizeof a.street);
    check_text(a.sex, sizeof a.sex);
    check_date(a.birth_date);
    check_date(a.expiry_date);
    check_date(a.issue_date);
    for (int i = 0; i < a.nelements; i++) {
        check_text(a.elements[i].id, sizeof a.elements[i].id);
        check_text(a.elements[i].value, sizeof a.elements[i].value);
    }
    (void)ds_aamva_sniff(data, size);
    return 0;
}
