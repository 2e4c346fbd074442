/*
 * viz_field.c: the labelled fields' values (viz_field.h). A value is only
 * ever taken from the label's own line or the line just below it; this
 * file never fills a field whose label was not read (the check stage
 * places those) and never lets a later label overwrite a field found.
 */
#include "page/viz_field.h"
#include "page/viz_label.h"
#include "page/viz_reread.h"
#include "page/viz_seg.h"
#include "page/viz_tess.h"
#include "base/text.h"
#include "page/viz_value.h"

#include <stdlib.h>
#include <string.h>

/* The sparse reading's value for label segment i: the segment just below
 * it (how a label that was not read alone is paired with its value), into
 * *f (f->found false when there is none). */
static void sparse_below(const ds_viz_page *pg, int i, int xlimit, const int lab[4], float inv,
                         int ox, int oy, ds_viz_field *f)
{
    const ds_viz_seg *L = &pg->s[i];
    const ds_viz_seg *V = NULL;
    int bestdy = 1 << 30;
    memset(f, 0, sizeof *f);
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *c = &pg->s[j];
        if (j == i || c->field >= 0)
            continue;
        int dy = c->y0 - L->y1;
        int vh = c->h > L->h ? c->h : L->h;
        /* A value whose box took in the label's row (words of a 150 dpi
         * page boxed with the small label above) still ends at least half
         * its height below it. */
        bool overlaps = dy < -L->h / 2 && c->y0 >= L->y0 - L->h &&
                        2 * (c->y1 - L->y1) >= c->y1 - c->y0;
        if ((dy < -L->h / 2 && !overlaps) || dy > 2 * vh || abs(c->x0 - L->x0) > vh + L->h)
            continue;
        if (dy < bestdy) {
            bestdy = dy;
            V = c;
        }
    }
    if (V)
        ds_viz_value_set(f, &pg->w[V->first], V->n, xlimit, lab, inv, ox, oy);
}

/* The sparse reading's value for label segment i on a page that prints
 * captions below their values: the segment just above it, by the tops
 * of their words (a 150 dpi value's box may reach down into the caption),
 * into *f (f->found false when there is none); *vtop is its top. */
static void sparse_above(const ds_viz_page *pg, int i, int xlimit, const int lab[4], float inv,
                         int ox, int oy, ds_viz_field *f, int *vtop)
{
    const ds_viz_seg *L = &pg->s[i];
    const ds_viz_seg *V = NULL;
    int lt = ds_viz_seg_top(pg, i), bestdy = 1 << 30;
    memset(f, 0, sizeof *f);
    *vtop = 0;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *c = &pg->s[j];
        if (j == i || c->field >= 0)
            continue;
        int ct = ds_viz_seg_top(pg, j);
        int vh = c->h > L->h ? c->h : L->h;
        int dy = lt - (ct + c->h);
        if (ct >= lt || dy < -L->h || dy > 2 * vh || abs(c->x0 - L->x0) > vh + L->h)
            continue;
        if (dy < bestdy) {
            bestdy = dy;
            V = c;
            *vtop = ct;
        }
    }
    if (V)
        ds_viz_value_set(f, &pg->w[V->first], V->n, xlimit, lab, inv, ox, oy);
}

/* Whether the page prints its captions below their values: of its
 * captions (labels of any field) with a value left-aligned just above or
 * below, by the tops of their words, at least two sit closer (under half
 * the gap) to the value above than to the one below, or touch the value
 * above with none below, and they outnumber the others twice over. */
static bool captions_below(const ds_viz_page *pg)
{
    int below = 0, above = 0;
    for (int i = 0; i < pg->ns; i++) {
        const ds_viz_seg *L = &pg->s[i];
        if (L->field < 0)
            continue;
        int lt = ds_viz_seg_top(pg, i), lb = lt + L->h;
        int ga = 1 << 30, gb = 1 << 30;
        for (int j = 0; j < pg->ns; j++) {
            const ds_viz_seg *c = &pg->s[j];
            if (j == i || c->field >= 0)
                continue;
            int vh = c->h > L->h ? c->h : L->h;
            if (abs(c->x0 - L->x0) > vh + L->h)
                continue;
            int ct = ds_viz_seg_top(pg, j);
            if (ct < lt) {
                int g = lt - (ct + c->h);
                if (g >= -L->h && g <= 2 * vh && g < ga)
                    ga = g;
            } else if (ct > lt + L->h / 2) {
                int g = ct - lb;
                if (g <= 2 * vh && g < gb)
                    gb = g;
            }
        }
        bool has_a = ga != 1 << 30, has_b = gb != 1 << 30;
        if (has_a && ((has_b && 2 * (ga > 0 ? ga : 0) < gb) || (!has_b && ga <= L->h)))
            below++;
        else if (has_b && ((has_a && 2 * (gb > 0 ? gb : 0) < ga) || (!has_a && gb <= L->h)))
            above++;
    }
    return below >= 2 && below > 2 * above;
}

/* Whether segment c is a value-sized line of text: no label, no
 * caption's number (whose brackets are drawn as tall as a value), at
 * least four fifths of the page's value height vh. */
static bool value_sized(const ds_viz_seg *c, int vh)
{
    return c->field < 0 && vh > 0 && c->h * 10 >= vh * 8 && !ds_viz_label_enumerator(c->text);
}

/* Whether segments a and b stand on one line: their bottoms (tops of
 * their words plus their heights; a caption beside a value shares its
 * baseline, not its centre) within half the taller one. */
static bool one_row(const ds_viz_page *pg, int a, int b)
{
    const ds_viz_seg *A = &pg->s[a], *B = &pg->s[b];
    int ab = ds_viz_seg_top(pg, a) + A->h, bb = ds_viz_seg_top(pg, b) + B->h;
    int hm = A->h > B->h ? A->h : B->h;
    return abs(ab - bb) * 2 <= hm;
}

/* The value-sized segment on label i's line on side (-1 left of it, 1
 * right of it) nearest to it, with no label between and a gap of at
 * most eight value heights; -1 when there is none. *gap is the gap. */
static int beside(const ds_viz_page *pg, int i, int side, int vh, int *gap)
{
    const ds_viz_seg *L = &pg->s[i];
    int best = -1, bestg = 1 << 30;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *c = &pg->s[j];
        if (j == i || !value_sized(c, vh) || !one_row(pg, i, j))
            continue;
        int g = side < 0 ? L->x0 - c->x1 : c->x0 - L->x1;
        if (g < -L->h || g > 8 * vh || g >= bestg)
            continue;
        best = j;
        bestg = g;
    }
    /* A label between them: the value is that label's. */
    for (int j = 0; best >= 0 && j < pg->ns; j++) {
        const ds_viz_seg *o = &pg->s[j];
        if (j == i || j == best || o->field < 0 || !one_row(pg, i, j))
            continue;
        const ds_viz_seg *V = &pg->s[best];
        if (side < 0 ? (o->x0 >= V->x1 && o->x1 <= L->x0) : (o->x0 >= L->x1 && o->x1 <= V->x0))
            best = -1;
    }
    *gap = bestg;
    return best;
}

/* Which side of their values the page prints its captions on their
 * line: 1 after them (the value, then its caption on its baseline), -1
 * before them, 0 not settled. A caption votes for the side whose value
 * (within eight value heights, beside()) is alone or under half as far
 * as the other side's; a label read with its value on one segment votes
 * for its side; a caption with a value just under its start votes
 * against both. A side needs two votes and twice the others'. */
static int captions_beside(const ds_viz_page *pg)
{
    int vh = ds_viz_seg_value_height(pg);
    int after = 0, before = 0, over = 0;
    if (vh <= 0)
        return 0;
    for (int i = 0; i < pg->ns; i++) {
        const ds_viz_seg *L = &pg->s[i];
        if (L->field < 0)
            continue;
        /* A caption with a value just under its start is printed over
         * it: a vote against both sides. */
        bool under = false;
        for (int j = 0; j < pg->ns && !under; j++) {
            const ds_viz_seg *c = &pg->s[j];
            int dy = ds_viz_seg_top(pg, j) - (ds_viz_seg_top(pg, i) + L->h);
            under = j != i && value_sized(c, vh) && abs(c->x0 - L->x0) <= vh + L->h &&
                    dy >= -L->h / 2 && dy <= 2 * vh;
        }
        if (under) {
            over++;
            continue;
        }
        if (L->lead > 0) {
            after++;
            continue;
        }
        if (L->split > 0) {
            before++;
            continue;
        }
        int gl = 0, gr = 0;
        bool l = beside(pg, i, -1, vh, &gl) >= 0, r = beside(pg, i, 1, vh, &gr) >= 0;
        gl = gl > 0 ? gl : 0;
        gr = gr > 0 ? gr : 0;
        if (l && (!r || 2 * gl < gr))
            after++;
        else if (r && (!l || 2 * gr < gl))
            before++;
    }
    if (after >= 2 && after > 2 * (before + over))
        return 1;
    if (before >= 2 && before > 2 * (after + over))
        return -1;
    return 0;
}

/* The value of label i printed on a band or in a box under a caption
 * aligned with the box's right edge (not with the value's start): the
 * value-sized segment just below the caption that starts left of it and
 * ends before the caption's right end, with nothing on the caption's line
 * between the value's start and the caption (a caption not read there
 * would be the value's own). -1 when there is none. */
static int under_right(const ds_viz_page *pg, int i, int vh)
{
    const ds_viz_seg *L = &pg->s[i];
    int lt = ds_viz_seg_top(pg, i), lb = lt + L->h;
    int best = -1, bestdy = 1 << 30;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *c = &pg->s[j];
        if (j == i || !value_sized(c, vh))
            continue;
        int dy = ds_viz_seg_top(pg, j) - lb;
        if (dy < -L->h || dy > 2 * vh || c->x0 >= L->x0 || c->x1 > L->x1 + vh || dy >= bestdy)
            continue;
        /* Nothing on the caption's line before it over the value, and no
         * other label just above the value at its start (whose value it
         * is). */
        bool blocked = false;
        for (int k = 0; k < pg->ns && !blocked; k++) {
            const ds_viz_seg *o = &pg->s[k];
            if (k == i || k == j)
                continue;
            int ob = ds_viz_seg_top(pg, k) + o->h, dyo = ds_viz_seg_top(pg, j) - ob;
            blocked = (o->x1 > c->x0 - vh && o->x0 < L->x0 &&
                       abs(ob - lb) * 2 <= (o->h > L->h ? o->h : L->h)) ||
                      (o->field >= 0 && abs(o->x0 - c->x0) <= vh + o->h && dyo >= -o->h &&
                       dyo <= 2 * vh);
        }
        if (blocked)
            continue;
        best = j;
        bestdy = dy;
    }
    return best;
}

/* Whether label i is one of a column of captions aligned on their right
 * edges: at least three labels end within its height of its right end
 * while their starts spread over more than three of its heights (captions
 * of different lengths: a column aligned on its left edge ends ragged). */
static bool right_aligned(const ds_viz_page *pg, int i)
{
    const ds_viz_seg *L = &pg->s[i];
    int n = 0, lo = L->x0, hi = L->x0;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *o = &pg->s[j];
        if (o->field < 0 || abs(o->x1 - L->x1) > L->h)
            continue;
        n++;
        lo = o->x0 < lo ? o->x0 : lo;
        hi = o->x0 > hi ? o->x0 : hi;
    }
    return n >= 3 && hi - lo > 3 * L->h;
}

/* The value of label i on a page that prints a caption in two parts at
 * the two ends of the value's cell, the national one at its left end
 * and the read one (English) at its right end, the value under the
 * national one ("Прізвище ........ Surname" over "DELA CRUZ"): the
 * label ends a right-aligned column of captions (right_aligned), the
 * segment just left of it on its line is caption-sized with no label
 * between them, and a value-sized segment starts just under that one's
 * start and ends before the label's end. -1 when there is none. */
static int split_left(const ds_viz_page *pg, int i, int vh)
{
    const ds_viz_seg *L = &pg->s[i];
    if (!right_aligned(pg, i))
        return -1;
    int s = -1;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *o = &pg->s[j];
        if (j == i || o->x1 >= L->x0 || !one_row(pg, i, j))
            continue;
        if (s < 0 || o->x1 > pg->s[s].x1)
            s = j;
    }
    if (s < 0)
        return -1;
    const ds_viz_seg *S = &pg->s[s];
    if ((S->field >= 0 && S->field != L->field) || S->h * 10 >= vh * 8 || S->h > 2 * L->h)
        return -1;
    int sb = ds_viz_seg_top(pg, s) + S->h, best = -1, bestdy = 1 << 30;
    for (int j = 0; j < pg->ns; j++) {
        const ds_viz_seg *c = &pg->s[j];
        if (j == i || j == s || !value_sized(c, vh))
            continue;
        int dy = ds_viz_seg_top(pg, j) - sb;
        if (dy < -S->h || dy > 2 * vh || abs(c->x0 - S->x0) > vh || c->x1 > L->x1 + vh ||
            dy >= bestdy)
            continue;
        best = j;
        bestdy = dy;
    }
    return best;
}

/* A sparse reading that says, every letter and digit of it read surely,
 * exactly what the MRZ says for field id: a complete date or the document
 * number as ds_viz_expected gives them, a name equal to the MRZ's (not
 * cut short by the MRZ's length; its umlauts' E may be left out), or the
 * MRZ's nationality code. Anything
 * less (no MRZ, an unsure character, a value that differs in any way) is
 * not. With the MRZ at hand, a date of issue (which it does not hold) is
 * settled when read surely as a complete date (a year cut off, "20 NOV",
 * is not). Without an MRZ every value gets its second look. */
static bool confirms_mrz(const ds_viz_field *sparse, int id, const ds_mrz *expect)
{
    if (!sparse->found || !expect || sparse->confidence < DS_VIZ_REREAD_CONF ||
        sparse->char_conf < DS_VIZ_SURE_CHAR)
        return false;
    char iso[11];
    if (id == DS_VIZ_ISSUE_DATE)
        return ds_viz_parse_date(sparse->value, iso);
    ds_viz_field n = *sparse;
    ds_viz_value_normalise(&n, id);
    if (!n.norm[0])
        return false;
    if (id == DS_VIZ_SURNAME || id == DS_VIZ_GIVEN_NAMES) {
        const char *m = id == DS_VIZ_SURNAME ? expect->surname : expect->given_names;
        /* The MRZ spells an umlaut with an E (OE, UE, AE) where the page
         * prints the plain letter: LINDSTROM for LINDSTROEM. */
        char plain[64];
        ds_drop_umlaut_e(m, plain, sizeof plain);
        return !expect->name_truncated && m[0] &&
               (strcmp(n.norm, m) == 0 || strcmp(n.norm, plain) == 0);
    }
    if (id == DS_VIZ_NATIONALITY)
        return expect->nationality[0] && strcmp(n.norm, expect->nationality) == 0;
    const char *exp = ds_viz_expected(expect, id);
    return exp && ds_viz_reads_as_expected(n.norm, exp, id);
}

bool ds_viz_value_off_caption(const int label[4], const int value[4])
{
    const int *l = label, *v = value;
    if (l[2] <= 0 || l[3] <= 0 || v[2] <= 0 || v[3] <= 0)
        return false;
    bool below = 2 * v[1] + v[3] > 2 * (l[1] + l[3]); /* centre under the caption's bottom */
    return below && v[0] > l[0] + l[2] + l[3];
}

void ds_viz_field_assign(ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy, TessBaseAPI *api,
                         PIX *img, const ds_mrz *expect)
{
    ds_viz_word look[24];
    bool below = captions_below(pg);
    int side = below ? 0 : captions_beside(pg);
    int vh = ds_viz_seg_value_height(pg);
    for (int i = 0; i < pg->ns; i++) {
        ds_viz_seg *L = &pg->s[i];
        if (L->field < 0 || L->field == DS_VIZ_FIELD_OTHER)
            continue;
        int ids[2] = {L->field, -1};
        if (L->field == DS_VIZ_FIELD_NAME_BOTH) {
            ids[0] = DS_VIZ_SURNAME;
            ids[1] = DS_VIZ_GIVEN_NAMES;
        }
        if (ids[0] < 0 || ids[0] >= DS_VIZ_FIELD_COUNT || out->field[ids[0]].found)
            continue;
        int lab[4];
        ds_viz_caller_box(L->x0, L->y0, L->x1, L->y1, inv, ox, oy, lab);
        /* The next label to the right on the same row bounds the value. */
        int xlimit = 0;
        for (int j = 0; j < pg->ns; j++) {
            ds_viz_seg *o = &pg->s[j];
            if (j == i || o->field < 0 || o->field == L->field || o->x0 <= L->x1)
                continue;
            if (abs((o->y0 + o->y1) / 2 - (L->y0 + L->y1) / 2) * 2 > L->h + o->h)
                continue;
            if (!xlimit || o->x0 < xlimit)
                xlimit = o->x0;
        }
        ds_viz_field tmp;
        memset(&tmp, 0, sizeof tmp);
        /* The segment that holds the value when the caption sits beside
         * it or right-aligned over it, and the line to look at again. */
        int vseg = -1, gap = 0;
        /* A caption found by its value (viz_caption.h) has it. */
        bool found_by_value = L->value_at > 0 && L->value_at <= pg->ns;
        if (found_by_value)
            vseg = L->value_at - 1;
        else if (L->split <= 0 && !below && side != 0 && !(side > 0 && L->lead > 0))
            vseg = beside(pg, i, side > 0 ? -1 : 1, vh, &gap);
        if (L->split > 0) {
            ds_viz_value_set(&tmp, &pg->w[L->first + L->split], L->n - L->split, xlimit, lab, inv,
                             ox, oy);
        } else if (side > 0 && L->lead > 0 && L->lead < L->n) {
            ds_viz_value_set(&tmp, &pg->w[L->first], L->lead, 0, lab, inv, ox, oy);
        } else {
            /* The value line: from the label's left edge (less a little) to the
             * next label, from the label's bottom to three label heights below. */
            int h = L->h > 4 ? L->h : 4;
            int bx = L->x0 - h, by = L->y1 - h / 5;
            int bw = (xlimit > 0 ? xlimit - h / 2 : (int)pixGetWidth(img)) - bx;
            int bh = 3 * h;
            /* The second look is for a value the sparse reading may have
             * got wrong; one it read surely as the MRZ's own value has
             * nothing left to settle (no comparison can turn on it), and
             * its second look is the reader's costliest step after the
             * sparse reading itself. A date of issue read surely and whole
             * is as sure as the look would make it. */
            ds_viz_field sparse;
            if (below && !found_by_value) {
                /* The value line above the caption: from the sparse
                 * value's top (less a little) down to the caption's. */
                int vtop = 0, lt = ds_viz_seg_top(pg, i);
                sparse_above(pg, i, xlimit, lab, inv, ox, oy, &sparse, &vtop);
                if (!sparse.found)
                    continue;
                by = vtop - h / 2;
                bh = lt - by;
            } else if (vseg < 0) {
                sparse_below(pg, i, xlimit, lab, inv, ox, oy, &sparse);
                if (!sparse.found && side <= 0)
                    vseg = under_right(pg, i, vh);
                if (!sparse.found && side <= 0 && vseg < 0)
                    vseg = split_left(pg, i, vh);
            }
            if (vseg >= 0) {
                /* The value's own line, from its start to the caption
                 * after it, or to the next label after a caption before
                 * it or over it. */
                const ds_viz_seg *V = &pg->s[vseg];
                int vt = ds_viz_seg_top(pg, vseg), vh2 = V->h > 4 ? V->h : 4;
                int end = found_by_value ? (xlimit > 0 ? xlimit - vh2 / 2
                                            : (V->x1 > L->x1 ? V->x1 : L->x1) + vh2)
                          : side > 0 ? L->x0 - vh2 / 2
                          : xlimit > 0 ? xlimit - vh2 / 2
                          : side < 0 ? (int)pixGetWidth(img) : L->x1 + vh2;
                memset(&sparse, 0, sizeof sparse);
                ds_viz_value_set(&sparse, &pg->w[V->first], V->n, end, lab, inv, ox, oy);
                h = vh2;
                bx = V->x0 - h;
                by = vt - h / 2;
                bw = end - bx;
                bh = 2 * h;
                if (bw < 2 * h)
                    continue;
            }
            if (ids[1] < 0 && confirms_mrz(&sparse, ids[0], expect)) {
                tmp = sparse;
                out->looks_saved++;
                goto have_value;
            }
            int n = ds_viz_tess_line(api, img, bx, by, bw, bh, look, 24);
            /* Words that start left of the box belong to something else. */
            int k = 0;
            for (int j = 0; j < n; j++)
                if (look[j].x0 >= bx + h / 2 || j > 0)
                    look[k++] = look[j];
            /* A value is one run of words: past a gap of three text
             * heights the line is the next column's (a date of the
             * right-hand column whose caption was not read, so no label
             * bounded the strip). */
            for (int j = 1; j < k; j++) {
                int wh = look[j - 1].y1 - look[j - 1].y0;
                int wh2 = look[j].y1 - look[j].y0;
                wh = wh > wh2 ? wh : wh2;
                if (look[j].x0 - look[j - 1].x1 > 3 * wh) {
                    k = j;
                    break;
                }
            }
            /* Trailing guilloche or the edge of a photo reads as low-confidence
             * junk after the value. */
            while (k > 1 && look[k - 1].conf < 50.0f)
                k--;
            ds_viz_value_set(&tmp, look, k, 0, lab, inv, ox, oy);
            /* A date field whose second look gave no date ("11" of
             * "11 MAY 1998", the rest lost to the crop's binarisation)
             * falls back like an empty one, and takes the sparse reading
             * when that is a date. */
            char iso[11];
            bool no_date = tmp.found && ds_viz_is_date_field(ids[0]) &&
                           !ds_viz_parse_date_any(tmp.value, iso);
            if (!tmp.found || no_date) {
                /* Fall back on the sparse reading: the segment just below. */
                if (sparse.found && (!no_date || ds_viz_parse_date_any(sparse.value, iso)))
                    tmp = sparse;
            }
        }
    have_value:
        if (!tmp.found)
            continue;
        /* A value off its caption (below its line, starting past its right
         * end) is the next caption's along the row, whichever way it was
         * found: pe_100_visa-usa's "Nationality" took the "MAR" under
         * "Marital Status" once its MRZ box moved by a pixel (issue 13).
         * The caption keeps no value rather than another's. */
        if (ds_viz_value_off_caption(tmp.label_bbox, tmp.bbox))
            continue;
        if (ids[1] < 0) {
            ds_viz_value_normalise(&tmp, ids[0]);
            ds_viz_reread_value(api, img, &tmp, ids[0], inv, ox, oy, ds_viz_expected(expect,
                                ids[0]), out);
        }
        if (ids[1] >= 0) {
            /* "SURNAME, GIVEN NAMES" */
            ds_viz_field g = tmp;
            char *c = strchr(tmp.value, ',');
            if (c) {
                *c = 0;
                const char *rest = c + 1;
                while (*rest == ' ')
                    rest++;
                ds_text_copy_utf8(g.value, sizeof g.value, rest);
                ds_viz_value_normalise(&g, DS_VIZ_GIVEN_NAMES);
                out->field[DS_VIZ_GIVEN_NAMES] = g;
            }
        }
        ds_viz_value_normalise(&tmp, ids[0]);
        out->field[ids[0]] = tmp;
    }
}
