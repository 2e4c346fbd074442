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

/*
 * Reads the whole file at path into a fresh heap buffer. Fails with
 * DS_ERR_TOO_LARGE before reading more than max_bytes, DS_ERR_EMPTY for an
 * empty file and DS_ERR_IO when it cannot be opened or read (a directory,
 * a missing file). On success *out_data (caller frees) and *out_len are set.
 */
ds_error ds_read_file(const char *path, size_t max_bytes, uint8_t **out_data /* OUT */,
                      size_t *out_len /* OUT */);

/*
 * Tesseract's OpenMP threads only spin against the process's own workers
 * and make each page several times slower. The limit is read when the
 * runtime loads, so unless OMP_THREAD_LIMIT is already set this restarts
 * the process (same pid, same argv) with it set to 1. Call it first thing
 * in main; without /proc it returns and the program runs, only slower.
 */
void ds_limit_omp_threads(char **argv);

/* Milliseconds from an arbitrary fixed point, monotonic. */
double ds_now_ms(void);

#endif
