/*
 * annotate.c: boxes and labels drawn with Leptonica on a 32 bpp copy.
 * The bitmap font is made from Leptonica's built-in strings
 * (bmfCreate(NULL, size)) once per call; it never looks for font files.
 */
#include "report/annotate.h"

#include <stdbool.h>

#include "page/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ds_annotate_add(ds_annotate *a, int x, int y, int w, int h, ds_annotate_kind kind,
                    const char *label)
{
    if (!a || a->count < 0 || a->count >= DS_ANNOTATE_MAX_BOXES)
        return -1;
    ds_annotate_box *b = &a->box[a->count++];
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->kind = kind;
    snprintf(b->label, sizeof b->label, "%s", label ? label : "");
    return 0;
}

static void colour_of(ds_annotate_kind k, l_uint8 *r, l_uint8 *g, l_uint8 *b)
{
    switch (k) {
    case DS_ANNOTATE_MRZ: *r = 20; *g = 90; *b = 230; break;
    case DS_ANNOTATE_FIELD: *r = 0; *g = 160; *b = 60; break;
    case DS_ANNOTATE_FLAGGED: *r = 230; *g = 0; *b = 0; break;
    default: *r = 120; *g = 120; *b = 120; break;
    }
}

ds_error ds_annotate_write(const char *out_png, PIX *page, const ds_annotate *a)
{
    if (!out_png || !page || !a || a->count < 0 || a->count > DS_ANNOTATE_MAX_BOXES)
        return DS_ERR_USAGE;
    ds_error err = DS_OK;
    L_BMF *font = NULL;
    PIX *rgb = pixConvertTo32(page);
    if (!rgb)
        return DS_ERR_NOMEM;
    int pw = (int)pixGetWidth(rgb), ph = (int)pixGetHeight(rgb);
    int big = pw > ph ? pw : ph;
    int lw = big / 600 + 2;
    /* Leptonica's font sizes are 4, 6, ... 20 (points at its scale). */
    int fs = big < 900 ? 6 : big < 1800 ? 10 : big < 3000 ? 14 : 20;
    font = bmfCreate(NULL, fs);
    for (int i = 0; i < a->count; i++) {
        const ds_annotate_box *b = &a->box[i];
        int x0 = b->x < 0 ? 0 : b->x, y0 = b->y < 0 ? 0 : b->y;
        int x1 = b->x + b->w > pw ? pw : b->x + b->w, y1 = b->y + b->h > ph ? ph : b->y + b->h;
        if (x1 <= x0 || y1 <= y0)
            continue;
        l_uint8 r, g, bl;
        colour_of(b->kind, &r, &g, &bl);
        BOX *box = boxCreate(x0 - lw, y0 - lw, x1 - x0 + 2 * lw, y1 - y0 + 2 * lw);
        if (!box) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        pixRenderBoxBlend(rgb, box, lw + 2, r, g, bl, 0.25f);
        pixRenderBoxArb(rgb, box, lw, r, g, bl);
        boxDestroy(&box);
        if (font && b->label[0]) {
            char text[DS_ANNOTATE_LABEL_MAX];
            size_t n = 0;
            for (const char *p = b->label; *p && n + 1 < sizeof text; p++)
                text[n++] = (*p >= 0x20 && *p < 0x7F) ? *p : '?';
            text[n] = 0;
            l_uint32 val = 0;
            composeRGBPixel(r, g, bl, &val);
            /* Above the box when there is room, else inside its top. */
            int asc = font->baselinetab['A'];
            int ty = y0 - lw - 3;
            if (ty < asc + 2)
                ty = y0 + asc + 2;
            l_int32 width = 0, overflow = 0;
            pixSetTextline(rgb, font, text, val, x0, ty, &width, &overflow);
        }
    }
    if (pixWrite(out_png, rgb, IFF_PNG) != 0)
        err = DS_ERR_IO;
out:
    bmfDestroy(&font);
    pixDestroy(&rgb);
    return err;
}

void ds_annotate_support(ds_annotate *a, const struct ds_sup_page *sup, const ds_flag *flags,
                         int nflags, int page_no)
{
    if (!a || !sup)
        return;
    for (int i = 0; i < sup->nfields; i++) {
        const ds_sup_field *f = &sup->f[i];
        const char *name = ds_sup_field_name(f->id);
        bool flagged = !strcmp(f->status, "mismatch");
        for (int k = 0; k < nflags && !flagged; k++) {
            const char *ff = flags[k].field;
            flagged = flags[k].page == page_no && flags[k].severity >= DS_SEV_WARNING &&
                      (!strcmp(ff, name) ||
                       (!strcmp(ff, "name") && f->id == DS_SF_OTHER_NAME && f->status[0] &&
                        strcmp(f->status, "match") != 0));
        }
        char label[DS_ANNOTATE_LABEL_MAX];
        snprintf(label, sizeof label, "%s: %s", name, f->status[0] ? f->status : "read");
        ds_annotate_add(a, f->box[0], f->box[1], f->box[2], f->box[3],
                        flagged ? DS_ANNOTATE_FLAGGED : DS_ANNOTATE_FIELD, label);
    }
}

void ds_annotate_page_path(const char *path, int page_no, int npages, char *out, size_t cap)
{
    if (!out || cap == 0)
        return;
    if (!path) {
        out[0] = 0;
        return;
    }
    if (npages > 1) {
        const char *dot = strrchr(path, '.');
        bool ext = dot && !strchr(dot, '/');
        int stem = ext ? (int)(dot - path) : (int)strlen(path);
        snprintf(out, cap, "%.*s-%d%s", stem, path, page_no, ext ? dot : "");
    } else {
        snprintf(out, cap, "%s", path);
    }
}

ds_error ds_annotate_flag_boxes(const char *path, int npages, const ds_flag *flags, int nflags)
{
    if (!path || (nflags > 0 && !flags) || npages < 1)
        return DS_ERR_USAGE;
    ds_error err = DS_OK;
    ds_annotate *a = calloc(1, sizeof *a);
    if (!a)
        return DS_ERR_NOMEM;
    for (int pg = 0; pg < npages && err == DS_OK; pg++) {
        a->count = 0;
        for (int i = 0; i < nflags; i++) {
            const ds_flag *f = &flags[i];
            if (f->page != pg || f->bbox[2] <= 0 || f->bbox[3] <= 0)
                continue;
            ds_annotate_add(a, f->bbox[0], f->bbox[1], f->bbox[2], f->bbox[3],
                            f->severity >= DS_SEV_WARNING ? DS_ANNOTATE_FLAGGED : DS_ANNOTATE_OTHER,
                            ds_flag_name(f->code));
        }
        if (a->count == 0)
            continue;
        char out[4096];
        ds_annotate_page_path(path, pg, npages, out, sizeof out);
        /* The page as annotated already (a PNG this run wrote), boxes added. */
        PIX *page = pixRead(out);
        if (!page) {
            err = DS_ERR_IO;
            break;
        }
        err = ds_annotate_write(out, page, a);
        pixDestroy(&page);
    }
    free(a);
    return err;
}
