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

#define DS_MAX_FLAGS 64

/* ds_flag (public, docscreen.h) is one flag; a page's rules append to one
 * bounded list. */

typedef struct ds_flags {
    int count;
    int dropped; /* flags beyond DS_MAX_FLAGS */
    ds_flag item[DS_MAX_FLAGS];
} ds_flags;

/* Adds flags for one page's MRZ reading (m is NULL when none was found). */
void ds_check_mrz(const ds_mrz *m, int page, ds_flags *flags);

/* Review when any flag is a warning or high (or a flag was dropped),
 * clear otherwise. */
ds_verdict ds_check_verdict(const ds_flags *flags);

/*
 * Adds one flag with its evidence and returns it, or returns NULL and counts
 * it in flags->dropped when DS_MAX_FLAGS are already held. source is
 * copied (at most 15 bytes); field, expected and found may be NULL (left
 * empty) and are copied, cut at a UTF-8 character boundary when too long;
 * the message is formatted from fmt.
 */
#if defined(__GNUC__)
__attribute__((format(printf, 9, 10)))
#endif
ds_flag *ds_flags_add(ds_flags *flags, int page, ds_flag_code code, ds_severity sev,
                      const char *source, const char *field, const char *expected,
                      const char *found, const char *fmt, ...);

/* Copies src into dst[cap] like snprintf("%s"), but never cuts a UTF-8
 * sequence in two. */
void ds_copy_utf8(char *dst, size_t cap, const char *src);

#endif
