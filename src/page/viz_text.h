/*
 * viz_text: the text helpers of the VIZ reader: UTF-8 copying that never
 * cuts a character, folding for label comparison, upper-casing of names.
 */
#ifndef DS_VIZ_TEXT_H
#define DS_VIZ_TEXT_H

#include <stddef.h>

/* Copies src into dst[cap], never cutting a UTF-8 sequence in two. */
void ds_viz_copy_utf8(char *dst, size_t cap, const char *src);

/* Upper-cases ASCII and Latin-1/Latin Extended-A lower-case letters of
 * UTF-8 text and collapses white space; output is cut at a character
 * boundary. */
void ds_viz_upper_utf8(const char *in, char *out, size_t cap);

#endif
