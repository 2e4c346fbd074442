/*
 * OpenMP in a process limited to one thread (omp.c): with
 * OMP_THREAD_LIMIT=1 (ds_limit_omp_threads, public) every OpenMP region
 * GCC's `parallel` and `parallel sections` open, Tesseract's LSTM steps
 * among them, runs as a plain call on the calling thread instead of a
 * libgomp team of one (whose end costs a futex system call).
 */
#ifndef DS_OMP_H
#define DS_OMP_H

#include <stdbool.h>

/* Whether this process runs its OpenMP regions inline (the thread limit
 * is 1, or libgomp is absent). */
bool ds_omp_one_thread(void);

/* How many regions the calling thread has run inline so far. */
unsigned long ds_omp_inline_regions(void);

/*
 * A `parallel sections` region whose body is body runs as with(data)
 * instead, when regions run inline (ds_omp_one_thread) and with returns
 * true; false runs the body as before. with must do what the body's
 * sections do, on the calling thread. One such pair in a process; set it
 * before any region with that body runs (page/tess_net.c: Tesseract's
 * LSTM gates).
 */
void ds_omp_replace_sections(void (*body)(void *), bool (*with)(void *data));

#endif
