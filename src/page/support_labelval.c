/*
 * support_labelval.c: where the value of a label is printed (support_lines.h,
 * ds_sup_label_value), for the label loop of support_fields.c.
 *
 * The value is first what follows the caption on its line (in running
 * text, the sentence as it wraps); a small caption in a box's corner has
 * its value under it; a caption printed with its translation, or followed
 * by another caption, has it in the next cell; a certifying sentence that
 * ends its line names the holder on the line under it; a caption with
 * nothing beside it, the second line of a caption printed on two (its
 * translation under it), has its value in the first line's row; any other
 * has it under it (unless that is the next caption) or right of it on a
 * line of its own.
 */
#include "page/support_lines.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

typedef ds_sup_span span;
typedef ds_sup_lines lines;
typedef ds_sup_line_toks line_toks;

#define LINE_MAX_FOLD 512

bool ds_sup_certifying(const char *phrase)
{
    static const char *const ends[] = {" that", " que", " dass", NULL};
    size_t pl = strlen(phrase);
    for (const char *const *e = ends; *e; e++) {
        size_t el = strlen(*e);
        if (pl > el && !strcmp(phrase + pl - el, *e))
            return true;
    }
    return false;
}

/* Does the value starting at word a begin with a separator ("/") or with
 * a label of its own? */
static bool starts_label(const ds_sup_text *t, const line_toks *lt, int a)
{
    const char *w = t->w[a].text;
    if (w[0] == '/' || w[0] == '|' || w[0] == '(')
        return true;
    for (int pos = 0; pos < lt->n; pos++) {
        if (lt->t[pos].word != a || !lt->t[pos].first)
            continue;
        for (int j = 0; j < ds_sup_nlabels; j++)
            if (ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase))
                return true;
        break;
    }
    return false;
}

/* Do the words of v hold a value of kind k (a date for a date's label, a
 * house number or street for an address, a name, a number)? A word beside
 * a caption that does is its value, whatever the sizes; one that does not
 * may be the next box's caption. */
static bool value_of_kind(const ds_sup_text *t, const lines *L, span v, kind k)
{
    char iso[11], alt[11];
    switch (k) {
    case K_DATE:
    case K_PERIOD:
        for (int i = v.a; i < v.b; i++)
            if (ds_sup_date_words_yy(t, i, v.b, L->order, false, iso, alt, NULL) > 0)
                return true;
        return false;
    case K_ADDRESS: {
        char raw[LINE_MAX_FOLD], f[LINE_MAX_FOLD];
        ds_sup_join_words(t, v.a, v.b, raw, sizeof raw);
        ds_text_fold(raw, f, sizeof f);
        return isdigit((unsigned char)t->w[v.a].text[0]) || ds_sup_streetish(f);
    }
    case K_NAME:
    case K_SURNAME:
    case K_GIVEN: {
        span n = ds_sup_name_span(t, v.a, v.b);
        return n.b > n.a;
    }
    case K_NUMBER:
    case K_IBAN:
    case K_AMOUNT:
        for (int i = v.a; i < v.b; i++)
            if (ds_sup_has_digit(t->w[i].text))
                return true;
        return false;
    default:
        return true;
    }
}

/* The top and bottom of line `line` (its words' extremes). */
static void line_extent(const ds_sup_text *t, const lines *L, int line, int *top, int *bottom)
{
    *top = 1 << 30;
    *bottom = 0;
    for (int i = L->start[line]; i < L->start[line + 1]; i++) {
        if (t->w[i].box[1] < *top)
            *top = t->w[i].box[1];
        if (t->w[i].box[1] + t->w[i].box[3] > *bottom)
            *bottom = t->w[i].box[1] + t->w[i].box[3];
    }
}

/* A caption printed on two lines, the page's own language over its
 * translation ("Doğum tarihi" over "Date of birth", "Veriliş tarihi" over
 * "Date of issue"), with the value in the row of the first line: the
 * label's line (starting at word lw) lies close under a line that starts
 * where it starts, closer than the next line of the column under it, and
 * that line's first cell holds no digit and no label of its own (a
 * caption the table does not know). Its value is the next cell of that
 * line, or the nearest cell right of it read as a line of its own, when
 * it holds a value of kind k; empty otherwise. */
static span caption_above_value(const ds_sup_text *t, const lines *L, int line, int lw, kind k)
{
    span none = {0, 0};
    if (line < 1 || lw != L->start[line])
        return none;
    int pl = line - 1, a0 = L->start[pl], h = L->height[line];
    if (abs(t->w[a0].box[0] - t->w[lw].box[0]) > h)
        return none;
    int top, bottom, ptop, pbottom;
    line_extent(t, L, line, &top, &bottom);
    line_extent(t, L, pl, &ptop, &pbottom);
    int above = top - pbottom;
    if (above < -h / 2 || above > h)
        return none;
    if (line + 1 < L->n && abs(t->w[L->start[line + 1]].box[0] - t->w[lw].box[0]) <= h) {
        int ntop, nbottom;
        line_extent(t, L, line + 1, &ntop, &nbottom);
        if (ntop - bottom < 2 * (above > 0 ? above : 0) + h / 2)
            return none; /* evenly spaced lines: a column of captions */
    }
    span v = ds_sup_next_cell(t, L, pl, a0);
    span cap = {a0, v.b > v.a ? v.a : L->start[pl + 1]};
    for (int i = cap.a; i < cap.b; i++)
        if (ds_sup_has_digit(t->w[i].text))
            return none;
    if (ds_sup_labelled_at(t, L, cap))
        return none;
    if (v.b <= v.a) {
        v = ds_sup_value_right(t, L, cap.b - 1, k);
        /* A value in the label's own row is the label's, found as before. */
        int mid = v.b > v.a ? t->w[v.a].box[1] + t->w[v.a].box[3] / 2 : 0;
        if (v.b > v.a && abs(mid - (top + bottom) / 2) < abs(mid - (ptop + pbottom) / 2))
            return none;
    }
    return v.b > v.a && value_of_kind(t, L, v, k) ? v : none;
}

ds_sup_value_use ds_sup_label_value(const ds_sup_text *t, const ds_sup_lines *L,
                                    const ds_sup_line_toks *lt, int line, int lw, int last,
                                    struct ds_sup_label *lb, bool running, ds_sup_span flow,
                                    ds_sup_span *out, ds_sup_span *named)
{
    kind lk = lb->k;
    span v = ds_sup_value_beside(t, L, line, last);
    /* A small caption in a box's corner with its value under it: what lies
     * beside it past a column gap is the next box's ("Home address   Staff
     * no." over their values). */
    if (!running && v.b > v.a &&
        t->w[v.a].box[0] - (t->w[last].box[0] + t->w[last].box[2]) > L->height[line] * 5 / 2) {
        span below = ds_sup_value_below(t, L, line, lw);
        if (!value_of_kind(t, L, v, lk) && ds_sup_stacked_value(t, L, line, lw, below) &&
            ds_sup_small_caption(t, L, line, below))
            v = below;
    }
    /* A name or date in running text wraps with it. */
    if (running && (lk == K_NAME || lk == K_DATE) && flow.b > v.b)
        v = flow;
    *named = v;
    *out = v;
    /* A certifying sentence that goes on in small letters ("..., dass die
     * oben genannten Angaben ...") names no one. */
    if (lk == K_NAME && ds_sup_certifying(lb->phrase) && v.b > v.a &&
        islower((unsigned char)t->w[v.a].text[0]))
        return DS_SUP_VALUE_SKIP;
    /* A certifying sentence that ends its line or cell ("This is to certify
     * that", "Se certifica que") names the holder on the line under it, a
     * name alone. */
    if (lk == K_NAME && ds_sup_certifying(lb->phrase) && ds_sup_cell_ends(t, L, last)) {
        span u = ds_sup_line_under(t, L, last);
        span n = ds_sup_name_span(t, u.a, u.b);
        if (u.b > u.a && n.b == u.b && n.b - n.a >= 2 && !ds_sup_labelled_at(t, L, u))
            v = u;
    }
    /* A label printed with its translation ("Date of birth / Date de
     * naissance") or followed by another label: the value is in the next
     * cell of the line. */
    if (v.b > v.a && starts_label(t, lt, v.a))
        v = ds_sup_next_cell(t, L, line, v.a);
    /* "Property" labels an address that starts with its number, not a
     * sentence that starts with the word. */
    if (!strcmp(lb->phrase, "property") && v.b > v.a && !isdigit((unsigned char)t->w[v.a].text[0]))
        return DS_SUP_VALUE_NONE;
    if (lb->id == DS_SF_BIRTH_DATE)
        v.a = ds_sup_skip_birthplace(t, v.a, v.b);
    /* A two-line caption's second line: the value is in the first's row. */
    if (v.b <= v.a && !running) {
        span up = caption_above_value(t, L, line, lw, lk);
        if (up.b > up.a) {
            *out = up;
            return DS_SUP_VALUE_TAKE;
        }
    }
    if (v.b <= v.a) {
        span below = ds_sup_value_under(t, L, line, lw, lb->id, &lb->k);
        /* The next caption under it is no value ("Date of birth:" over
         * "Place of birth:", the values in a column of their own). */
        v = ds_sup_stacked_value(t, L, line, lw, below) && !ds_sup_labelled_at(t, L, below) &&
                    !ds_sup_caption_cell(t, below)
                ? below
                : ds_sup_value_right(t, L, last, lk);
        /* A section's caption in a merged cell ("PREMISES" beside the rows
         * "68 Elm Grove" / "BRISTOL KM15 6NQ"), the next section's caption
         * under it ("RENT"): what lies under it holds no value of its kind,
         * the row right of it does. */
        if (v.a == below.a && v.b == below.b && v.b > v.a && !value_of_kind(t, L, v, lk)) {
            span right = ds_sup_value_right(t, L, last, lk);
            if (right.b > right.a && value_of_kind(t, L, right, lk))
                v = right;
        }
    }
    *out = v;
    return DS_SUP_VALUE_TAKE;
}
