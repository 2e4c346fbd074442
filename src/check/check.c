/*
 * Rules over the MRZ reading of a page. A failing check digit is high
 * severity only when the reading under it is sure: every character the check
 * reads was recognised with confidence and no confusion the recogniser
 * admits explains the failure (ds_mrz.misread, set by the MRZ parser); what
 * fails then is what is printed, a forgery or a misprint. A failure a
 * misreading may explain is a warning asking for a rescan: a misreading is
 * never evidence of fraud. Flags carry evidence, never more document content
 * than the field in question.
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void check_digit(int page, ds_flags *flags, ds_check_state st, bool misread,
                        const char *field, const char *what)
{
    if (st != DS_CHECK_FAIL)
        return;
    if (misread)
        ds_flags_add(flags, page, DS_FLAG_MRZ_CHECK_DIGIT, DS_SEV_WARNING, "mrz", field, NULL, NULL,
            "The check digit of the %s in the MRZ does not match its digits, but the MRZ could not "
            "be read reliably there: rescan the document (flat, sharp, without glare) before "
            "judging it.",
            what);
    else
        ds_flags_add(flags, page, DS_FLAG_MRZ_CHECK_DIGIT, DS_SEV_HIGH, "mrz", field, NULL, NULL,
            "The check digit of the %s in the MRZ does not match its digits, and every character "
            "under it was read with confidence: the MRZ was misprinted or altered.",
            what);
}

void ds_check_mrz(const ds_mrz *m, int page, ds_flags *flags)
{
    if (!m) {
        ds_flags_add(flags, page, DS_FLAG_MRZ_NOT_FOUND, DS_SEV_WARNING, "mrz", NULL, NULL, NULL,
            "No machine-readable zone could be read on this page; inspect the document or rescan "
            "it.");
        return;
    }
    const ds_mrz_misread *r = &m->misread, *cut = &m->cut;
    /* A check over characters cut away by the image's edge cannot be
     * verified: MRZ_CLIPPED says so, and it is no check-digit failure. */
    if (!cut->document_number)
        check_digit(page, flags, m->checks.document_number, r->document_number, "document_number",
                    "document number");
    if (!cut->birth_date)
        check_digit(page, flags, m->checks.birth_date, r->birth_date, "birth_date",
                    "date of birth");
    if (!cut->expiry_date)
        check_digit(page, flags, m->checks.expiry_date, r->expiry_date, "expiry_date",
                    "date of expiry");
    if (!cut->optional_data)
        check_digit(page, flags, m->checks.optional_data, r->optional_data, "optional_data",
                    "personal number or optional data");
    if (!cut->composite)
        check_digit(page, flags, m->checks.composite, r->composite, "composite",
                    "whole MRZ (composite)");
    if (m->clipped)
        ds_flags_add(flags, page, DS_FLAG_MRZ_CLIPPED, DS_SEV_WARNING, "mrz", NULL, NULL, NULL,
            "The MRZ runs off the edge of the image, or a glare washes it out, at the %s of its "
            "lines: the characters there are cut and were not repaired; rescan the whole "
            "document, flat and without glare.",
            m->clipped == (DS_MRZ_CLIPPED_START | DS_MRZ_CLIPPED_END) ? "start and end"
            : (m->clipped & DS_MRZ_CLIPPED_START)                     ? "start"
                                                                      : "end");
    if (m->name_unsure)
        ds_flags_add(flags, page, DS_FLAG_MRZ_NAME_UNREADABLE, DS_SEV_WARNING, "mrz", "name", NULL,
            NULL,
            "A letter of the name in the MRZ could not be read reliably, and no check digit "
            "protects the name: it is not compared with the page or the case record; read it on "
            "the document, or rescan it.");
    if (!m->format_ok)
        ds_flags_add(flags, page, DS_FLAG_MRZ_FORMAT, DS_SEV_WARNING, "mrz", NULL, NULL, NULL,
            "The MRZ breaks the ICAO 9303 layout (a letter where a digit belongs, an impossible "
            "date or a bad filler).");
}

ds_verdict ds_check_verdict(const ds_flags *flags)
{
    for (int i = 0; i < flags->count; i++)
        if (flags->item[i].severity >= DS_SEV_WARNING)
            return DS_VERDICT_REVIEW;
    return flags->dropped ? DS_VERDICT_REVIEW : DS_VERDICT_CLEAR;
}

void ds_copy_utf8(char *dst, size_t cap, const char *src)
{
    if (cap == 0)
        return;
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) {
        n = cap - 1;
        /* Step back over continuation bytes to the start of the cut sequence. */
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

ds_flag *ds_flags_add(ds_flags *flags, int page, ds_flag_code code, ds_severity sev,
                      const char *source, const char *field, const char *expected,
                      const char *found, const char *fmt, ...)
{
    if (flags->count >= DS_MAX_FLAGS) {
        flags->dropped++;
        return NULL;
    }
    ds_flag *f = &flags->item[flags->count++];
    memset(f, 0, sizeof *f);
    f->page = page;
    f->code = code;
    f->severity = sev;
    ds_copy_utf8(f->source, sizeof f->source, source);
    ds_copy_utf8(f->field, sizeof f->field, field);
    ds_copy_utf8(f->expected, sizeof f->expected, expected);
    ds_copy_utf8(f->found, sizeof f->found, found);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
    return f;
}
