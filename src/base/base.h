/*
 * Small helpers every stage may use: bounded file reading and a monotonic
 * clock. Nothing here knows about documents; nothing here may log content.
 */
#ifndef DS_BASE_H
#define DS_BASE_H

#include <stddef.h>
#include <stdint.h>
#include "docscreen/docscreen.h"

#define DS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#include <stdbool.h>

/* Whether y-m-d is a day of the Gregorian calendar in 1900..2199, the
 * years a document or a page may carry. */
bool ds_ymd_valid(int y, int m, int d);

/* ds_read_file, ds_limit_omp_threads and ds_now_ms are public (docscreen.h). */

#endif
