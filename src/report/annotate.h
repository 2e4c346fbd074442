/*
 * annotate: the page an officer looks at, with what was read boxed.
 *
 * Draws labelled boxes (the MRZ, each VIZ field, flagged fields in red) on
 * a colour copy of a page and writes it as PNG. It only draws what the
 * caller lists; it never reads the report itself. Labels use Leptonica's
 * built-in bitmap font (no font files needed) and are cut to
 * DS_ANNOTATE_LABEL_MAX bytes, ASCII only (other bytes are drawn as '?').
 */
#ifndef DS_ANNOTATE_H
#define DS_ANNOTATE_H

#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

#define DS_ANNOTATE_MAX_BOXES 64
#define DS_ANNOTATE_LABEL_MAX 64

typedef enum ds_annotate_kind {
    DS_ANNOTATE_MRZ = 0, /* blue */
    DS_ANNOTATE_FIELD,   /* green: a field that was read */
    DS_ANNOTATE_FLAGGED, /* red: a field a flag refers to */
    DS_ANNOTATE_OTHER    /* grey */
} ds_annotate_kind;

typedef struct ds_annotate_box {
    int x, y, w, h;       /* page coordinates (the page passed to ds_annotate_write) */
    ds_annotate_kind kind;
    char label[DS_ANNOTATE_LABEL_MAX]; /* e.g. "birth_date: mismatch"; may be empty */
} ds_annotate_box;

typedef struct ds_annotate {
    int count;
    ds_annotate_box box[DS_ANNOTATE_MAX_BOXES];
} ds_annotate;

/* Appends a box; returns 0, or -1 when DS_ANNOTATE_MAX_BOXES are held.
 * label may be NULL. */
int ds_annotate_add(ds_annotate *a, int x, int y, int w, int h, ds_annotate_kind kind,
                    const char *label);

/*
 * Writes page (any depth Leptonica converts to 32 bpp) with the boxes of a
 * to out_png. Boxes outside the page are clipped; empty ones are skipped.
 * Line width and label size follow the page size. Fails with DS_ERR_USAGE
 * on NULL arguments, DS_ERR_NOMEM, or DS_ERR_IO when the file cannot be
 * written.
 */
ds_error ds_annotate_write(const char *out_png, PIX *page, const ds_annotate *a);

struct ds_sup_page;

/*
 * Adds the fields of a supporting page (page/support.h; NULL: nothing),
 * each labelled "name: status"; a field that one of the page's flags
 * (flags[0..nflags), page page_no, warning or high) names is red.
 */
void ds_annotate_support(ds_annotate *a, const struct ds_sup_page *sup, const ds_flag *flags,
                         int nflags, int page_no);

/* The file the annotated page page_no of an npages-page input is written
 * to: path itself for one page, else "STEM-N.EXT" (0-based N). */
void ds_annotate_page_path(const char *path, int page_no, int npages, char *out, size_t cap);

/*
 * Adds the evidence boxes of flags[0..nflags) that carry one (ds_flag
 * bbox: a PDF's mismatched number or font change) to the annotated pages
 * already written for path (ds_annotate_page_path), red for a warning or
 * high flag and grey for information, labelled with the flag's code: each
 * page's PNG is read back, drawn on and written again. Pages without such
 * a flag are left alone. DS_ERR_IO when a page's PNG cannot be read or
 * written.
 */
ds_error ds_annotate_flag_boxes(const char *path, int npages, const ds_flag *flags, int nflags);

#endif
