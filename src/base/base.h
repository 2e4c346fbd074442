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




/* ds_read_file, ds_limit_omp_threads and ds_now_ms are public (docscreen.h). */

#endif
