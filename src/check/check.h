/*
 * check: turning what was read into flags an officer can act on.
 *
 * Each rule looks at what the analyse stage produced and adds flags with
 * their evidence (field, expected, found, source) and one plain sentence.
 * Rules never read images or files and never change what was read; a flag
 * is raised only on evidence, and the verdict follows from the flags alone.
 */
#ifndef DS_CHECK_H
#define DS_CHECK_H

#include "docscreen/docscreen.h"
#include "mrz/mrz.h"

typedef enum ds_severity { DS_SEV_INFO = 0, DS_SEV_WARNING, DS_SEV_HIGH } ds_severity;

#define DS_MAX_FLAGS 64

typedef struct ds_flag {
    int page;
    const char *code;     /* a code from the vocabulary in DESIGN.md, static */
    ds_severity severity;
    char field[32];
    char expected[64];
    char found[64];
    const char *source;   /* "mrz", "viz", "barcode", "case", "image", "store" */
    char message[256];
} ds_flag;

typedef struct ds_flags {
    int count;
    int dropped; /* flags beyond DS_MAX_FLAGS */
    ds_flag item[DS_MAX_FLAGS];
} ds_flags;

const char *ds_severity_name(ds_severity s);

/* Adds flags for one page's MRZ reading (m is NULL when none was found). */
void ds_check_mrz(const ds_mrz *m, int page, ds_flags *flags);

/* "review" when any flag is a warning or high, "clear" otherwise. */
const char *ds_check_verdict(const ds_flags *flags);

/*
 * Adds one flag with its evidence and returns it, or returns NULL and counts
 * it in flags->dropped when DS_MAX_FLAGS are already held. code and source
 * must be static strings; field, expected and found may be NULL (left
 * empty) and are copied, cut at a UTF-8 character boundary when too long;
 * the message is formatted from fmt.
 */
#if defined(__GNUC__)
__attribute__((format(printf, 9, 10)))
#endif
ds_flag *ds_flags_add(ds_flags *flags, int page, const char *code, ds_severity sev,
                      const char *source, const char *field, const char *expected,
                      const char *found, const char *fmt, ...);

/* Copies src into dst[cap] like snprintf("%s"), but never cuts a UTF-8
 * sequence in two. */
void ds_copy_utf8(char *dst, size_t cap, const char *src);

#endif
