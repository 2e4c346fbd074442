/*
 * viz_seg.c: words into segments (viz_seg.h). Geometry only: this file
 * never looks at what a word says beyond telling separators ('/', '|')
 * and letters or digits apart, and never keeps more segments than
 * DS_VIZ_PAGE_SEGS.
 */
#include "page/viz_seg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int cmp_word_pos(const void *a, const void *b)
{
    const ds_viz_word *x = a, *y = b;
    if (x->seg != y->seg)
        return x->seg - y->seg;
    return x->x0 - y->x0;
}

static bool is_separator(const char *t)
{
    for (; *t; t++)
        if (*t != '/' && *t != '|' && *t != '\\')
            return false;
    return true;
}

/* Groups words into segments: same line (vertical centres within half the
 * taller word) and horizontal gap under 1.2 word heights. */
void ds_viz_seg_build(ds_viz_page *pg)
{
    int n = pg->nw;
    for (int i = 0; i < n; i++)
        pg->w[i].seg = -1;
    /* Order by x so that a left-to-right sweep grows segments. */
    for (int i = 1; i < n; i++) {
        ds_viz_word t = pg->w[i];
        int j = i - 1;
        while (j >= 0 && pg->w[j].x0 > t.x0) {
            pg->w[j + 1] = pg->w[j];
            j--;
        }
        pg->w[j + 1] = t;
    }
    int ns = 0;
    int last[DS_VIZ_PAGE_SEGS];
    for (int i = 0; i < n; i++) {
        ds_viz_word *w = &pg->w[i];
        int h = w->y1 - w->y0, cy = (w->y0 + w->y1) / 2;
        int best = -1, bestgap = 1 << 30;
        for (int s = 0; s < ns; s++) {
            ds_viz_word *l = &pg->w[last[s]];
            int lh = l->y1 - l->y0, lcy = (l->y0 + l->y1) / 2;
            int mh = h > lh ? h : lh, nh = h < lh ? h : lh;
            /* A separator ('/', '|') is drawn taller than the label's
             * letters and must not split the label (a word twice as tall
             * as a separator beside it is no label's: a value of the next
             * line whose box took in the guilloche). */
            bool sep = is_separator(h > lh ? w->text : l->text);
            int gap = w->x0 - l->x1;
            if (w->line == l->line && gap <= (mh * 3) / 2) {
                /* Tesseract put them on one line: only a wide gap splits
                 * (boxes may overlap: a word's box sometimes runs on over
                 * the next). */
            } else {
                if (abs(cy - lcy) * 2 > mh || (nh * 2 < mh && !sep))
                    continue;
                /* Words of one line start at one height (tops within half
                 * the smaller word); a box that took in the small caption
                 * printed right under a value (150 dpi) reaches down to
                 * the caption's words but starts a line above them. */
                if (!sep && abs(w->y0 - l->y0) * 2 > nh)
                    continue;
                if (gap < -nh || gap > (mh * 6) / 5)
                    continue;
            }
            if (gap < bestgap) {
                bestgap = gap;
                best = s;
            }
        }
        if (best < 0) {
            if (ns >= DS_VIZ_PAGE_SEGS)
                continue;
            best = ns++;
        }
        w->seg = best;
        last[best] = i;
    }
    /* Drop words that found no segment (over DS_VIZ_PAGE_SEGS). */
    int k = 0;
    for (int i = 0; i < n; i++)
        if (pg->w[i].seg >= 0)
            pg->w[k++] = pg->w[i];
    pg->nw = k;
    qsort(pg->w, (size_t)k, sizeof(ds_viz_word), cmp_word_pos);
    pg->ns = ns;
    for (int s = 0; s < ns; s++) {
        memset(&pg->s[s], 0, sizeof(ds_viz_seg));
        pg->s[s].n = 0;
        pg->s[s].field = -1;
        pg->s[s].split = -1;
    }
    for (int i = 0; i < k; i++) {
        ds_viz_seg *s = &pg->s[pg->w[i].seg];
        ds_viz_word *w = &pg->w[i];
        if (s->n == 0) {
            s->first = i;
            s->x0 = w->x0;
            s->y0 = w->y0;
            s->x1 = w->x1;
            s->y1 = w->y1;
        } else {
            s->x0 = s->x0 < w->x0 ? s->x0 : w->x0;
            s->y0 = s->y0 < w->y0 ? s->y0 : w->y0;
            s->x1 = s->x1 > w->x1 ? s->x1 : w->x1;
            s->y1 = s->y1 > w->y1 ? s->y1 : w->y1;
        }
        s->n++;
        size_t tl = strlen(s->text);
        if (tl + strlen(w->text) + 2 < DS_VIZ_SEG_TEXT_MAX) {
            if (tl)
                s->text[tl++] = ' ';
            strcpy(s->text + tl, w->text);
        }
    }
    for (int s = 0; s < ns; s++) {
        /* The median height of its words with a letter or digit: a '/' is
         * drawn taller, and a box that took in a stroke of the guilloche
         * is too. */
        int hs[64], m = 0;
        for (int pass = 0; pass < 2 && m == 0; pass++)
            for (int i = 0; i < pg->s[s].n && m < 64; i++) {
                const ds_viz_word *w = &pg->w[pg->s[s].first + i];
                bool alnum = false;
                for (const char *q = w->text; *q && !alnum; q++)
                    alnum = isalnum((unsigned char)*q) != 0;
                if (alnum || pass == 1)
                    hs[m++] = w->y1 - w->y0;
            }
        for (int i = 1; i < m; i++)
            for (int j = i; j > 0 && hs[j - 1] > hs[j]; j--) {
                int t = hs[j];
                hs[j] = hs[j - 1];
                hs[j - 1] = t;
            }
        pg->s[s].h = m ? hs[m / 2] : 1;
    }
}

int ds_viz_seg_top(const ds_viz_page *pg, int s)
{
    if (s < 0 || s >= pg->ns || pg->s[s].n <= 0)
        return 0;
    const ds_viz_seg *sg = &pg->s[s];
    int ts[64], m = 0;
    for (int pass = 0; pass < 2 && m == 0; pass++)
        for (int i = 0; i < sg->n && m < 64; i++) {
            const ds_viz_word *w = &pg->w[sg->first + i];
            bool alnum = false;
            for (const char *q = w->text; *q && !alnum; q++)
                alnum = isalnum((unsigned char)*q) != 0;
            if (alnum || pass == 1)
                ts[m++] = w->y0;
        }
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0 && ts[j - 1] > ts[j]; j--) {
            int t = ts[j];
            ts[j] = ts[j - 1];
            ts[j - 1] = t;
        }
    return m ? ts[m / 2] : sg->y0;
}

int ds_viz_seg_value_height(const ds_viz_page *pg)
{
    int hs[DS_VIZ_PAGE_SEGS], m = 0;
    for (int s = 0; s < pg->ns; s++) {
        int alnum = 0;
        bool lower = false;
        for (const char *q = pg->s[s].text; *q; q++) {
            alnum += isalnum((unsigned char)*q) != 0;
            lower = lower || islower((unsigned char)*q);
        }
        if (alnum >= 2 && !lower && pg->s[s].field < 0)
            hs[m++] = pg->s[s].h;
    }
    if (m < 3)
        return 0;
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0 && hs[j - 1] > hs[j]; j--) {
            int t = hs[j];
            hs[j] = hs[j - 1];
            hs[j - 1] = t;
        }
    return hs[m / 2];
}
