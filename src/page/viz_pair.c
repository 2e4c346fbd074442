/*
 * viz_pair.c: captions paired with the dates and numbers read after them
 * (viz_pair.h). Layout only: this file never reads the image, never
 * changes a token, and never fills a field another step filled.
 */
#include "page/viz_pair.h"
#include "page/viz_value.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_PLACE INT_MAX

static bool number_field(int id)
{
    return id == DS_VIZ_DOCUMENT_NUMBER || id == DS_VIZ_PASSPORT_NUMBER;
}

/* How far value box t sits from caption box lab in a place a caption's
 * value takes (x, y, w, h boxes of one frame): just below or just above it
 * with their left edges together (a value's height and a caption's apart
 * at most), or after it on its row (a comb, a table's next cell), the
 * gap along the row counting half. NO_PLACE when it is in none. */
static int place_distance(const int lab[4], const int t[4])
{
    int lh = lab[3], th = t[3];
    if (lh <= 0 || th <= 0 || t[2] <= 0)
        return NO_PLACE;
    int h = lh > th ? lh : th;
    int best = NO_PLACE;
    if (abs(t[0] - lab[0]) <= h + lh) {
        int below = t[1] - (lab[1] + lh);
        int above = lab[1] - (t[1] + th);
        if (below >= -lh / 2 && below <= 2 * h)
            best = below > 0 ? below : 0;
        if (above >= -lh / 2 && above <= 2 * h) {
            int d = above > 0 ? above : 0;
            best = d < best ? d : best;
        }
    }
    int dc = 2 * (t[1] + th / 2) - 2 * (lab[1] + lh / 2);
    int gap = t[0] - (lab[0] + lab[2]);
    if (abs(dc) <= lh + th && gap >= -lh && gap <= 6 * h) {
        int d = (gap > 0 ? gap : 0) / 2;
        best = d < best ? d : best;
    }
    return best;
}

/* Whether field f holds a value of its kind: found, and a date or a
 * number when normalised (junk read under a caption, "Se As off" for a
 * date, holds none). */
static bool holds_value(const ds_viz_field *f)
{
    return f->found && (f->norm[0] || f->placed);
}

/* Whether box b is held by a field the page already has, field self
 * aside. */
static bool held(const ds_viz *out, int self, const int b[4])
{
    for (int k = 0; k < DS_VIZ_FIELD_COUNT; k++)
        if (k != self && out->field[k].found && ds_viz_boxes_meet(out->field[k].bbox, b))
            return true;
    return false;
}

/* Whether a caption of pg other than segment self sits as near to box t
 * as dist, or lies over it. */
static bool other_caption_nearer(const ds_viz_page *pg, int self, const int t[4], int dist,
                                 float inv, int ox, int oy)
{
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *o = &pg->s[j];
        if (j == self || o->field < 0)
            continue;
        int lb[4];
        ds_viz_caller_box(o->x0, o->y0, o->x1, o->y1, inv, ox, oy, lb);
        if (ds_viz_boxes_meet(lb, t) || place_distance(lb, t) <= dist)
            return true;
    }
    return false;
}

int ds_viz_pair_late(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    if (!pg || !out)
        return 0;
    int paired = 0;
    for (int i = 0; i < pg->ns; i++) {
        const ds_viz_seg *L = &pg->s[i];
        int id = L->field;
        if (id < 0 || id >= DS_VIZ_FIELD_COUNT || holds_value(&out->field[id]) ||
            (!ds_viz_is_date_field(id) && !number_field(id)))
            continue;
        int lab[4];
        ds_viz_caller_box(L->x0, L->y0, L->x1, L->y1, inv, ox, oy, lab);
        const ds_viz_token *list = number_field(id) ? out->numbers : out->dates;
        int n = number_field(id) ? out->nnumbers : out->ndates;
        int best = -1, d1 = NO_PLACE, d2 = NO_PLACE;
        for (int k = 0; k < n; k++) {
            const int *t = list[k].bbox;
            if (held(out, id, t) || ds_viz_boxes_meet(lab, t))
                continue;
            int d = place_distance(lab, t);
            if (d < d1) {
                d2 = d1;
                d1 = d;
                best = k;
            } else if (d < d2) {
                d2 = d;
            }
        }
        /* The nearest by a clear margin: at most half as far, and half a
         * caption's height nearer, than the next. */
        if (best < 0 || d1 == NO_PLACE ||
            (d2 != NO_PLACE && (d2 < 2 * d1 || d2 - d1 < lab[3] / 2)))
            continue;
        const ds_viz_token *t = &list[best];
        if (other_caption_nearer(pg, i, t->bbox, d1, inv, ox, oy))
            continue;
        ds_viz_field f;
        memset(&f, 0, sizeof f);
        f.found = true;
        snprintf(f.value, sizeof f.value, "%s", t->value);
        ds_viz_value_normalise(&f, id);
        if (!f.norm[0])
            continue;
        f.confidence = t->confidence;
        memcpy(f.bbox, t->bbox, sizeof f.bbox);
        memcpy(f.label_bbox, lab, sizeof f.label_bbox);
        f.reads = t->reads;
        f.same = t->same;
        f.agree = t->agree;
        f.sure = t->sure;
        f.against = t->against;
        f.keep = t->keep;
        out->field[id] = f;
        paired++;
    }
    return paired;
}
