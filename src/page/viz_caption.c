/*
 * viz_caption.c: captions looked for above values (viz_caption.h). A
 * caption found here is a label like one the sparse reading read: it
 * pairs with its value in viz_field.c, by the same rules. This file never
 * fills a field and never changes a segment the sparse reading labelled.
 */
#include "page/viz_caption.h"
#include "page/viz.h"
#include "page/viz_label.h"
#include "page/viz_seg.h"
#include "page/viz_strip.h"
#include "page/viz_tess.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_READS 32
/* The strips looked at over and under a value, in value heights. */
#define UP 13   /* tenths: how far up when no value is above */
#define DOWN 10 /* tenths: how far down */
#define WIDE 8  /* how far right of the value's start */
#define LEFT 16 /* how far left of the value's start */
#define NEAR 3  /* how far a caption left of its value may end from it */
/* A strip is enlarged to this height in pixels. */
#define STRIP_H 100.0f

bool ds_viz_caption_kind(int id, const char *text)
{
    int digits = 0, letters = 0, alnum = 0;
    for (const char *q = text ? text : ""; *q; q++) {
        digits += isdigit((unsigned char)*q) != 0;
        letters += isalpha((unsigned char)*q) != 0 || (*q & 0x80) != 0;
        alnum += isalnum((unsigned char)*q) != 0;
    }
    char iso[11];
    switch (id) {
    case DS_VIZ_BIRTH_DATE:
    case DS_VIZ_EXPIRY_DATE:
    case DS_VIZ_ISSUE_DATE:
        return ds_viz_parse_date_any(text, iso);
    case DS_VIZ_DOCUMENT_NUMBER:
    case DS_VIZ_PASSPORT_NUMBER:
        return digits >= 2 && alnum >= 6 && alnum <= 20 && !ds_viz_parse_date_any(text, iso);
    case DS_VIZ_SURNAME:
    case DS_VIZ_GIVEN_NAMES:
    case DS_VIZ_FIELD_NAME_BOTH:
        return digits == 0 && letters >= 2;
    case DS_VIZ_SEX:
    case DS_VIZ_NATIONALITY:
        return digits == 0 && alnum >= 1 && alnum <= 3;
    default:
        return false;
    }
}

/* Whether the page has a caption of field f (NAME_BOTH names both). */
static bool has_label(const ds_viz_page *pg, int f)
{
    for (int i = 0; i < pg->ns; i++) {
        int g = pg->s[i].field;
        if (g == f || (g == DS_VIZ_FIELD_NAME_BOTH && (f == DS_VIZ_SURNAME || f == DS_VIZ_GIVEN_NAMES)) ||
            (f == DS_VIZ_FIELD_NAME_BOTH && (g == DS_VIZ_SURNAME || g == DS_VIZ_GIVEN_NAMES)))
            return true;
    }
    return false;
}

/* How many of the compared fields have a caption read. */
static int compared_labelled(const ds_viz_page *pg)
{
    static const int ids[] = {DS_VIZ_SURNAME, DS_VIZ_GIVEN_NAMES, DS_VIZ_BIRTH_DATE,
                              DS_VIZ_DOCUMENT_NUMBER, DS_VIZ_PASSPORT_NUMBER, DS_VIZ_EXPIRY_DATE};
    int n = 0;
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
        n += has_label(pg, ids[k]);
    return n;
}

/* A value-sized segment that is no label: two letters or digits or more,
 * within four fifths and one and a half of the page's value height. */
static bool value_like(const ds_viz_seg *s, int vh)
{
    int alnum = 0;
    for (const char *q = s->text; *q; q++)
        alnum += isalnum((unsigned char)*q) != 0;
    return s->field < 0 && alnum >= 2 && s->h * 10 >= vh * 8 && s->h * 10 <= vh * 15 &&
           !ds_viz_label_enumerator(s->text);
}

/* Adds the words w[0..n) to pg as one label segment of field f whose
 * value is segment v. */
static void add_label(ds_viz_page *pg, const ds_viz_word *w, int n, int f, int v)
{
    if (pg->ns >= DS_VIZ_PAGE_SEGS || pg->nw + n > DS_VIZ_PAGE_WORDS || n <= 0)
        return;
    ds_viz_seg *s = &pg->s[pg->ns];
    memset(s, 0, sizeof *s);
    s->first = pg->nw;
    s->n = n;
    s->x0 = s->y0 = 1 << 30;
    int hs[24], nh = 0;
    char text[DS_VIZ_SEG_TEXT_MAX] = "";
    for (int k = 0; k < n; k++) {
        ds_viz_word *d = &pg->w[pg->nw + k];
        *d = w[k];
        d->seg = pg->ns;
        d->line = -1;
        d->bar = false;
        s->x0 = d->x0 < s->x0 ? d->x0 : s->x0;
        s->y0 = d->y0 < s->y0 ? d->y0 : s->y0;
        s->x1 = d->x1 > s->x1 ? d->x1 : s->x1;
        s->y1 = d->y1 > s->y1 ? d->y1 : s->y1;
        if (nh < 24)
            hs[nh++] = d->y1 - d->y0;
        size_t tl = strlen(text), wl = strlen(w[k].text);
        if (tl + wl + 2 < sizeof text) {
            if (tl)
                text[tl++] = ' ';
            memcpy(text + tl, w[k].text, wl + 1);
        }
    }
    memcpy(s->text, text, sizeof s->text);
    for (int a = 1; a < nh; a++)
        for (int b = a; b > 0 && hs[b - 1] > hs[b]; b--) {
            int t = hs[b];
            hs[b] = hs[b - 1];
            hs[b - 1] = t;
        }
    s->h = hs[nh / 2];
    s->field = f;
    s->split = -1;
    s->lead = 0;
    s->value_at = v + 1;
    pg->nw += n;
    pg->ns++;
}

/* Reads box of img as a caption's line into w[0..24): the words with a
 * letter kept, their number returned (0: none or no caption), *f the
 * field their text names, *cy0 and *cy1 their top and bottom, *ch their
 * median height. */
static int read_caption_in(TessBaseAPI *api, PIX *img, const int box[4], bool clean, ds_viz_word *w,
                           int *f, int *cy0, int *cy1, int *ch)
{
    float scale = STRIP_H / (float)box[3];
    scale = scale < 1.0f ? 1.0f : scale > 4.0f ? 4.0f : scale;
    int n = 0;
    if (!clean) {
        n = ds_viz_tess_scaled(api, img, box, scale, 2, w, 24);
    } else {
        PIX *c = ds_viz_strip_clean(img, box);
        int cb[4] = {0, 0, box[2], box[3]};
        n = c ? ds_viz_tess_scaled(api, c, cb, scale, 2, w, 24) : 0;
        pixDestroy(&c);
        for (int j = 0; j < n; j++) {
            w[j].x0 += box[0];
            w[j].x1 += box[0];
            w[j].y0 += box[1];
            w[j].y1 += box[1];
        }
    }
    char text[DS_VIZ_SEG_TEXT_MAX] = "";
    int k = 0, hs[24];
    *cy0 = 1 << 30;
    *cy1 = -1;
    for (int j = 0; j < n; j++) {
        bool alpha = false;
        for (const char *q = w[j].text; *q && !alpha; q++)
            alpha = isalpha((unsigned char)*q) != 0;
        if (!alpha)
            continue;
        w[k] = w[j];
        size_t tl = strlen(text), wl = strlen(w[k].text);
        if (tl + wl + 2 < sizeof text) {
            if (tl)
                text[tl++] = ' ';
            memcpy(text + tl, w[k].text, wl + 1);
        }
        *cy0 = w[k].y0 < *cy0 ? w[k].y0 : *cy0;
        *cy1 = w[k].y1 > *cy1 ? w[k].y1 : *cy1;
        hs[k] = w[k].y1 - w[k].y0;
        for (int b = k; b > 0 && hs[b - 1] > hs[b]; b--) {
            int t = hs[b];
            hs[b] = hs[b - 1];
            hs[b - 1] = t;
        }
        k++;
    }
    if (k == 0)
        return 0;
    *ch = hs[k / 2];
    *f = ds_viz_label_classify_text(text);
    /* Separators lost between the caption's languages ("Passport
     * NowiNs." for "Passport No. / Nr."): a long caption's letters. */
    if (*f < 0)
        *f = ds_viz_label_squeezed_in(text);
    return *f < 0 || *f == DS_VIZ_FIELD_OTHER ? 0 : k;
}

/* Reads box of img as a caption's line into w[0..24) (read_caption_in),
 * and when that names no field, reads it again cleaned of rules, boxes
 * and light backgrounds (viz_strip.h): a caption read only so must start
 * within two value heights (h) of the value's start vx (a caption over
 * or under its value starts where it does; one further right over a
 * value is the caption of a value the sparse reading lost there). *reads
 * counts the readings. */
static int read_caption(TessBaseAPI *api, PIX *img, const int box[4], int vx, int h,
                        ds_viz_word *w, int *f, int *cy0, int *cy1, int *ch, int *reads)
{
    (*reads)++;
    int k = read_caption_in(api, img, box, false, w, f, cy0, cy1, ch);
    if (k == 0) {
        (*reads)++;
        k = read_caption_in(api, img, box, true, w, f, cy0, cy1, ch);
        if (k && vx >= 0 && abs(w[0].x0 - vx) > 2 * h)
            k = 0;
    }
    return k;
}

/* Whether a caption line a gap near from a value and far from the value
 * on its other side is the near one's: a tenth nearer at least. */
static bool nearer(int near, int far) { return 10 * (near > 0 ? near : 0) <= 9 * far; }

int ds_viz_caption_above(TessBaseAPI *api, PIX *img, ds_viz_page *pg)
{
    if (!api || !img || !pg || pixGetDepth(img) != 8 || compared_labelled(pg) >= 3)
        return 0;
    int vh = ds_viz_seg_value_height(pg);
    if (vh <= 0)
        return 0;
    int iw = (int)pixGetWidth(img), ih = (int)pixGetHeight(img);
    int ns = pg->ns, reads = 0;
    bool seen[DS_VIZ_PAGE_SEGS] = {false};
    while (reads < MAX_READS) {
        /* The next value down the page. */
        int v = -1;
        for (int j = 0; j < ns; j++)
            if (!seen[j] && value_like(&pg->s[j], vh) &&
                (v < 0 || ds_viz_seg_top(pg, j) < ds_viz_seg_top(pg, v)))
                v = j;
        if (v < 0)
            break;
        seen[v] = true;
        const ds_viz_seg *V = &pg->s[v];
        int top = ds_viz_seg_top(pg, v), h = V->h, bot = top + h;
        /* The values over and under it, overlapping its start, and the
         * next value to its right on its row. */
        int pb = -1, nt = 1 << 30;
        int xe = V->x0 + (V->x1 - V->x0 > WIDE * h ? V->x1 - V->x0 : WIDE * h);
        for (int j = 0; j < ns; j++) {
            const ds_viz_seg *o = &pg->s[j];
            if (j == v || !value_like(o, vh))
                continue;
            int ot = ds_viz_seg_top(pg, j), ob = ot + o->h;
            bool over = o->x0 < V->x0 + 4 * h && o->x1 > V->x0;
            if (over && ob < top && ob > pb)
                pb = ob;
            if (over && ot > bot && ot < nt)
                nt = ot;
            if (abs(ot - top) * 2 <= h && o->x0 > V->x1 && o->x0 - h / 2 < xe)
                xe = o->x0 - h / 2;
        }
        int x0 = V->x0 - h > 0 ? V->x0 - h : 0;
        xe = xe < iw ? xe : iw;
        if (xe - x0 < 2 * h)
            continue;
        ds_viz_word w[24];
        int f = -1, cy0 = 0, cy1 = 0, ch = 0, k = 0;
        /* Over the value: from the value above (or UP tenths of a value
         * height up) to its top; the caption nearer it than the value
         * above (a page printing captions under their values puts this
         * one's there). */
        int y0 = top - UP * h / 10;
        y0 = pb >= 0 && pb + 1 > y0 ? pb + 1 : y0 > 0 ? y0 : 0;
        int box[4] = {x0, y0, xe - x0, top - y0};
        if (box[3] >= 6) {
            k = read_caption(api, img, box, V->x0, h, w, &f, &cy0, &cy1, &ch, &reads);
            if (k && !(cy1 - top <= h / 4 && nearer(top - cy1, pb >= 0 ? cy0 - pb : 1 << 20)))
                k = 0;
        }
        /* Under it, when a value follows under it (a caption printed
         * under its value, over the next row's): from its bottom DOWN
         * tenths of a value height down, the caption nearer it than the
         * value under it. */
        if (!k && nt < (1 << 30) && reads < MAX_READS) {
            int y1 = bot + DOWN * h / 10;
            y1 = y1 < nt - 1 ? y1 : nt - 1;
            y1 = y1 < ih ? y1 : ih;
            int bb[4] = {x0, bot, xe - x0, y1 - bot};
            if (bb[3] >= 6) {
                k = read_caption(api, img, bb, V->x0, h, w, &f, &cy0, &cy1, &ch, &reads);
                if (k && !(bot - cy0 <= h / 4 && nearer(cy0 - bot, nt - cy1)))
                    k = 0;
            }
        }
        /* Left of it on its row (a caption in small capitals before its
         * value): from the value before it on the row (or LEFT value
         * heights) to its start, the caption ending within NEAR value
         * heights of the value. */
        if (!k && reads < MAX_READS) {
            int lx = V->x0 - LEFT * h;
            for (int j = 0; j < ns; j++) {
                const ds_viz_seg *o = &pg->s[j];
                int ot = ds_viz_seg_top(pg, j);
                if (j != v && value_like(o, vh) && abs(ot - top) * 2 <= h && o->x1 < V->x0 &&
                    o->x1 + h / 2 > lx)
                    lx = o->x1 + h / 2;
            }
            lx = lx > 0 ? lx : 0;
            int ly0 = top - h / 4 > 0 ? top - h / 4 : 0, ly1 = bot + h / 4 < ih ? bot + h / 4 : ih;
            int lb[4] = {lx, ly0, V->x0 - 2 - lx, ly1 - ly0};
            if (lb[2] >= 2 * h && lb[3] >= 6) {
                k = read_caption(api, img, lb, -1, h, w, &f, &cy0, &cy1, &ch, &reads);
                int cx1 = 0;
                for (int j = 0; j < k; j++)
                    cx1 = w[j].x1 > cx1 ? w[j].x1 : cx1;
                if (k && V->x0 - cx1 > NEAR * h)
                    k = 0;
            }
        }
        /* One line of print smaller than the value, naming a field of
         * the value's kind that no caption of the page names yet. */
        if (!k || ch * 10 > h * 11 || !ds_viz_caption_kind(f, V->text) || has_label(pg, f))
            continue;
        add_label(pg, w, k, f, v);
    }
    return reads;
}
