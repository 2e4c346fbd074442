/*
 * viz_page: the data page as the VIZ reader holds it between its steps:
 * the words Tesseract read, with their boxes in the frame of the scaled
 * region the reader works in, and the segments they are grouped into.
 * Types and limits only. Every count is capped by these limits, never
 * taken from what was read.
 */
#ifndef DS_VIZ_PAGE_H
#define DS_VIZ_PAGE_H

#include <stdbool.h>

#define DS_VIZ_PAGE_WORDS 600  /* words kept of one sparse reading */
#define DS_VIZ_PAGE_SEGS 300   /* segments made of them */
#define DS_VIZ_WORD_MAX 64     /* bytes of a word's text, NUL included */
#define DS_VIZ_SEG_TEXT_MAX 256 /* bytes of a segment's text, NUL included */

/* A segment's field when it is no ds_viz_field_id: a label that names both
 * names ("Surname, given names"), or a known label of a field that is not
 * read (place of birth, authority ...). */
#define DS_VIZ_FIELD_NAME_BOTH 100
#define DS_VIZ_FIELD_OTHER 101

typedef struct ds_viz_word {
    char text[DS_VIZ_WORD_MAX];
    int x0, y0, x1, y1;
    float conf;
    float cmin; /* the lowest confidence of its letter and digit symbols (100: none) */
    int line; /* Tesseract's text line */
    int seg;
    bool bar; /* read inside a dark caption bar (viz_bars.h): caption text, never a value */
} ds_viz_word;

typedef struct ds_viz_seg {
    int first, n;  /* words[first .. first+n) after sorting by segment */
    int x0, y0, x1, y1;
    int h;         /* median word height */
    char text[DS_VIZ_SEG_TEXT_MAX];
    int field;     /* label field, -1 when not a label */
    int split;     /* for a label with its value on the same line: first value word */
    int lead;      /* a label printed after its value on one line: the value's words */
    int value_at;  /* a caption found by its value (viz_caption.h): 1 + the index of
                      the segment holding its value; 0 for none */
    bool used;
} ds_viz_seg;

typedef struct ds_viz_page {
    ds_viz_word w[DS_VIZ_PAGE_WORDS];
    int nw;
    ds_viz_seg s[DS_VIZ_PAGE_SEGS];
    int ns;
} ds_viz_page;

#endif
