/*
 * Fuzz target for the forensics parsers (src/forensics/forensics.c): JPEG
 * segments with EXIF IFD0, XMP and APP13 blocks, DQT tables, PNG tEXt /
 * zTXt / iTXt chunks, and (ds_forensics_scan_bytes) the double-save test
 * over libjpeg's quantised coefficients. The bytes are scanned as given, and again
 * behind a JPEG or PNG signature so that every input reaches a parser. The
 * target checks the output contracts: evidence strings and the software
 * value are NUL-terminated printable ASCII, the evidence count is bounded,
 * the quality estimate is -1 or 1..100.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forensics/forensics.h"

static void check_text(const char *s, size_t cap)
{
    size_t n = strnlen(s, cap);
    if (n == cap)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
            abort();
}

static void run(const uint8_t *data, size_t size, int full)
{
    ds_forensics f;
    ds_error err = full ? ds_forensics_scan_bytes(data, size, &f)
                        : ds_forensics_scan_metadata(data, size, &f);
    if (err != DS_OK) /* malformed input never fails: it gives no evidence */
        abort();
    if (f.nevidence < 0 || f.nevidence > DS_FORENSICS_MAX_EVIDENCE || f.edited != (f.nevidence > 0))
        abort();
    for (int i = 0; i < f.nevidence; i++)
        check_text(f.evidence[i], sizeof f.evidence[i]);
    check_text(f.software, sizeof f.software);
    if (f.jpeg_quality != -1 && (f.jpeg_quality < 1 || f.jpeg_quality > 100))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    run(data, size, 0);
    run(data, size, 1);
    uint8_t *buf = malloc(size + 8);
    if (!buf)
        return 0;
    static const uint8_t jpg[3] = {0xFF, 0xD8, 0xFF};
    static const uint8_t png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    memcpy(buf, jpg, 3);
    memcpy(buf + 3, data, size);
    run(buf, size + 3, 0);
    run(buf, size + 3, 1);
    memcpy(buf, png, 8);
    memcpy(buf + 8, data, size);
    run(buf, size + 8, 0);
    free(buf);
    return 0;
}
