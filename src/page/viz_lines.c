/*
 * viz_lines.c: lines of letters and the names found among them
 * (viz_lines.h and ds_viz_given_line, ds_viz_surname_line,
 * ds_viz_line_next of viz.h). Guidance moves effort here, never a value:
 * this file never writes the MRZ's name into a line.
 */
#include "page/viz_lines.h"
#include "page/viz_reread.h"
#include "page/viz_value.h"
#include "base/text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool has_letter(const char *t)
{
    for (; *t; t++)
        if ((unsigned char)*t >= 0x80 || isalpha((unsigned char)*t))
            return true;
    return false;
}

/* Every segment of the page that is letters only (a comma between a
 * surname and given names allowed), with two letters or more. */
void ds_viz_lines_collect(const ds_viz_page *pg, ds_viz *out, float inv, int ox, int oy)
{
    for (int i = 0; i < pg->ns && out->nlines < DS_VIZ_MAX_LINES; i++) {
        const ds_viz_seg *s = &pg->s[i];
        if (s->field >= 0 || s->n <= 0)
            continue;
        /* Without the marks read at its ends (a photo's edge as '|'). */
        int a = s->first, b = s->first + s->n;
        while (a < b && !has_letter(pg->w[a].text))
            a++;
        while (b > a && !has_letter(pg->w[b - 1].text))
            b--;
        if (a == b)
            continue;
        ds_viz_field g;
        memset(&g, 0, sizeof g);
        int lab[4] = {0, 0, 0, 0};
        ds_viz_value_set(&g, &pg->w[a], b - a, 0, lab, inv, ox, oy);
        if (!g.found)
            continue;
        int letters = 0;
        bool only = true;
        for (const char *p = g.value; *p && only; p++) {
            unsigned char c = (unsigned char)*p;
            letters += c >= 0x80 || isalpha(c);
            only = c >= 0x80 || isalpha(c) || c == ' ' || c == '-' || c == '\'' || c == ',';
        }
        if (!only || letters < 2)
            continue;
        ds_viz_line *l = &out->lines[out->nlines++];
        memcpy(l->value, g.value, sizeof l->value);
        ds_viz_value_normalise(&g, DS_VIZ_SURNAME);
        memcpy(l->norm, g.norm, sizeof l->norm);
        l->confidence = g.confidence;
        memcpy(l->bbox, g.bbox, sizeof l->bbox);
    }
    /* Top down. */
    for (int i = 1; i < out->nlines; i++) {
        ds_viz_line t = out->lines[i];
        int j = i - 1;
        while (j >= 0 && out->lines[j].bbox[1] > t.bbox[1]) {
            out->lines[j + 1] = out->lines[j];
            j--;
        }
        out->lines[j + 1] = t;
    }
}

/* The first line of v reading as name at min_conf or more: the whole line,
 * or with comma_ok the part after its last comma (*after_comma says). */
static const ds_viz_line *name_line(const ds_viz *v, const char *name, float min_conf,
                                    bool comma_ok, bool *after_comma)
{
    char nk[DS_VIZ_VALUE_MAX];
    *after_comma = false;
    if (!v || !name)
        return NULL;
    ds_text_name_key(name, nk, sizeof nk);
    if (strlen(nk) < 2)
        return NULL;
    /* HANS JUERGEN in the MRZ is HANS-JÜRGEN printed, which OCR may read
     * without its dots. */
    char nku[DS_VIZ_VALUE_MAX];
    ds_drop_umlaut_e(nk, nku, sizeof nku);
    for (int i = 0; i < v->nlines; i++) {
        const ds_viz_line *g = &v->lines[i];
        const char *comma = strrchr(g->value, ',');
        if (g->confidence < min_conf || (comma && !comma_ok))
            continue;
        char k[DS_VIZ_VALUE_MAX], ku[DS_VIZ_VALUE_MAX];
        ds_text_name_key(comma ? comma + 1 : g->value, k, sizeof k);
        ds_drop_umlaut_e(k, ku, sizeof ku);
        if (strcmp(k, nk) == 0 || strcmp(ku, nku) == 0) {
            *after_comma = comma != NULL;
            return g;
        }
    }
    return NULL;
}

const ds_viz_line *ds_viz_given_line(const ds_viz *v, const char *given, float min_conf,
                                     bool *after_comma)
{
    return name_line(v, given, min_conf, true, after_comma);
}

const ds_viz_line *ds_viz_surname_line(const ds_viz *v, const char *surname, float min_conf)
{
    bool comma;
    return name_line(v, surname, min_conf, false, &comma);
}

const ds_viz_line *ds_viz_line_next(const ds_viz *v, const ds_viz_line *g, bool below)
{
    const ds_viz_line *best = NULL;
    if (!v || !g)
        return NULL;
    int gh = g->bbox[3];
    /* The height a value of the page has: g's, unless g's box stands
     * taller than most lines read at DS_VIZ_REREAD_CONF (an accent over a
     * capital, `WÓJCIK`, or a caption's ink taken into its box): then
     * theirs, so that the next value is not taken for a caption. */
    int hs[DS_VIZ_MAX_LINES], nh = 0;
    for (int j = 0; j < v->nlines; j++)
        if (v->lines[j].confidence >= DS_VIZ_REREAD_CONF && v->lines[j].bbox[3] > 0)
            hs[nh++] = v->lines[j].bbox[3];
    for (int i = 1; i < nh; i++)
        for (int j = i; j > 0 && hs[j - 1] > hs[j]; j--) {
            int t = hs[j];
            hs[j] = hs[j - 1];
            hs[j - 1] = t;
        }
    int ref = nh >= 3 && hs[nh / 2] < gh ? hs[nh / 2] : gh;
    for (int j = 0; j < v->nlines; j++) {
        const ds_viz_line *s = &v->lines[j];
        /* The gap between the two lines, whichever is the upper one. */
        int gap = below ? s->bbox[1] - (g->bbox[1] + gh) : g->bbox[1] - (s->bbox[1] + s->bbox[3]);
        if (s == g || gap < 0 || gap > 3 * gh || abs(s->bbox[0] - g->bbox[0]) > gh ||
            4 * s->bbox[3] < 3 * ref || s->bbox[3] > 2 * gh)
            continue;
        if (!best || (below ? s->bbox[1] < best->bbox[1] : s->bbox[1] > best->bbox[1]))
            best = s;
    }
    return best;
}

/* A name's line, its label unreadable, read poorly right above the MRZ's
 * given names (the surname) or right below its surname (the given names):
 * re-read like a value (ds_viz_reread_value, without the MRZ: a re-read only
 * confirms or replaces a poor reading), so that the check stage can
 * compare it. Guidance moves effort here, never a value. */
void ds_viz_lines_reread_name(TessBaseAPI *api, PIX *img, ds_viz *out, float inv, int ox, int oy,
                              const ds_mrz *expect, int id)
{
    bool comma = false;
    if (!expect || out->field[id].found)
        return;
    const ds_viz_line *g =
        id == DS_VIZ_SURNAME
            ? ds_viz_given_line(out, expect->given_names, DS_VIZ_REREAD_CONF, &comma)
            : ds_viz_surname_line(out, expect->surname, DS_VIZ_REREAD_CONF);
    const ds_viz_line *c = g && !comma ? ds_viz_line_next(out, g, id == DS_VIZ_GIVEN_NAMES) : NULL;
    if (!g && id == DS_VIZ_SURNAME) {
        /* A visa's "SURNAME, GIVEN NAMES" line read poorly: the line itself. */
        g = ds_viz_given_line(out, expect->given_names, 0.0f, &comma);
        c = g && comma ? g : NULL;
    }
    /* Three letters or fewer are rather a name cut in pieces (KO ... CZYK,
     * the middle lost in the label's strokes) than a name: read on. */
    bool short_name = c && strlen(c->norm) <= 3;
    if (!c || (c->confidence >= DS_VIZ_REREAD_CONF && !short_name))
        return;
    ds_viz_line *s = &out->lines[c - out->lines];
    ds_viz_field f;
    float conf = short_name && s->confidence >= DS_VIZ_REREAD_CONF ? DS_VIZ_REREAD_CONF - 1.0f
                                                                   : s->confidence;
    ds_viz_reread_text(api, img, id, s->value, s->norm, conf, s->bbox, inv, ox, oy, NULL, out, &f);
    ds_viz_value_normalise(&f, DS_VIZ_SURNAME);
    memcpy(s->value, f.value, sizeof s->value);
    memcpy(s->norm, f.norm, sizeof s->norm);
    s->confidence = f.confidence;
}
