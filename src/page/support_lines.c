/*
 * support_lines.c: the lines of a supporting page's text as the field
 * reader walks them (support_lines.h): folded tokens, label phrases
 * matched at a token, the value beside a label or in the cell below it,
 * and the box, confidences and text of a run of words.
 */
#include "page/support_lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "page/support_labels.h"

void ds_sup_tokenize(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_line_toks *out)
{
    out->n = 0;
    for (int i = L->start[line]; i < L->start[line + 1]; i++) {
        /* A slash joins two captions into one word ("Père/Father",
         * "Nom/Surname"): each part starts a word of its own. */
        char raw[DS_SUP_WORD_MAX];
        snprintf(raw, sizeof raw, "%s", t->w[i].text);
        char *psave = NULL;
        for (char *part = strtok_r(raw, "/", &psave); part; part = strtok_r(NULL, "/", &psave)) {
            char f[DS_SUP_WORD_MAX * 2];
            ds_text_fold(part, f, sizeof f);
            bool first = true;
            char *save = NULL;
            for (char *p = strtok_r(f, " ", &save); p && out->n < DS_SUP_TOK_MAX;
                 p = strtok_r(NULL, " ", &save)) {
                ds_sup_tok *k = &out->t[out->n++];
                snprintf(k->s, sizeof k->s, "%s", p);
                k->word = i;
                k->first = first;
                first = false;
            }
        }
    }
}

/* Is the token read the label's word with one "rn" read as "m" ("Bom" for
 * "Born", "Sumame" for "Surname": OCR joins the two letters in small or
 * geometric type)? Words of four letters or more of the label only. */
static bool rn_read_m(const char *rd, const char *word)
{
    size_t lt = strlen(rd), lw = strlen(word);
    if (lw < 4 || lt + 1 != lw)
        return false;
    for (size_t i = 0; i + 1 < lw; i++)
        if (word[i] == 'r' && word[i + 1] == 'n' && rd[i] == 'm' &&
            strncmp(rd, word, i) == 0 && strcmp(rd + i + 1, word + i + 2) == 0)
            return true;
    return false;
}

/* Matches phrase at token pos: the number of tokens matched, or 0. The
 * phrase must start at a word's beginning. */
int ds_sup_match_at(const ds_sup_line_toks *lt, int pos, const char *phrase)
{
    if (!lt->t[pos].first)
        return 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", phrase);
    int k = pos;
    for (char *save = NULL, *p = strtok_r(buf, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
        if (k >= lt->n || (strcmp(lt->t[k].s, p) != 0 && !rn_read_m(lt->t[k].s, p)))
            return 0;
        k++;
    }
    /* The label ends at a word's end: "born" does not match "borne"; a
     * plural mark in brackets ("Prénom(s)", "Vorname(n)") ends the word. */
    if (k < lt->n && !lt->t[k].first) {
        if (strlen(lt->t[k].s) == 1 && (k + 1 >= lt->n || lt->t[k + 1].first))
            return k + 1 - pos;
        return 0;
    }
    return k - pos;
}


/* Do words a and b (the same length, four letters or more) differ in one
 * letter alone? */
static bool one_letter_off(const char *a, const char *b)
{
    size_t n = strlen(a);
    if (n < 4 || n != strlen(b))
        return false;
    int diff = 0;
    for (size_t i = 0; i < n; i++)
        diff += a[i] != b[i];
    return diff == 1;
}

int ds_sup_match_near(const ds_sup_line_toks *lt, int pos, int *m)
{
    *m = 0;
    if (!lt->t[pos].first)
        return -1;
    int best = -1;
    for (int j = 0; j < ds_sup_nlabels; j++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", ds_sup_labels[j].phrase);
        int k = pos, off = 0, words = 0;
        bool ok = true;
        for (char *save = NULL, *p = strtok_r(buf, " ", &save); p && ok;
             p = strtok_r(NULL, " ", &save), k++, words++) {
            if (k >= lt->n)
                ok = false;
            else if (strcmp(lt->t[k].s, p) != 0)
                ok = one_letter_off(lt->t[k].s, p) && ++off == 1;
        }
        /* Three words or more, one of them a letter off, ending at a
         * word's end. */
        if (!ok || words < 3 || off != 1 || (k < lt->n && !lt->t[k].first))
            continue;
        if (k - pos > *m) {
            *m = k - pos;
            best = j;
        }
    }
    return best;
}

/* The words after word `after` on its line, up to the second column gap
 * (a gap wider than 2.5 line heights): the value beside its label. */
ds_sup_span ds_sup_value_beside(const ds_sup_text *t, const ds_sup_lines *L, int line, int after)
{
    ds_sup_span s = {after + 1, after + 1};
    int end = L->start[line + 1];
    if (s.a >= end)
        return s;
    int gap = L->height[line] * 5 / 2;
    int gaps = 0;
    int prev_right = t->w[after].box[0] + t->w[after].box[2];
    /* Marks before the value (a leader's "=", a stray "f" read at almost
     * no confidence off a dotted line) are no part of it, nor its gap. */
    while (s.a + 1 < end && (!ds_sup_has_alnum(t->w[s.a].text) ||
                             (t->w[s.a].conf < 10 && strlen(t->w[s.a].text) <= 2))) {
        prev_right = t->w[s.a].box[0] + t->w[s.a].box[2];
        s.a++;
        s.b = s.a;
    }
    for (int i = s.a; i < end; i++) {
        if (t->w[i].box[0] - prev_right > gap) {
            if (i > s.a || gaps > 0)
                break;
            gaps++;
        }
        prev_right = t->w[i].box[0] + t->w[i].box[2];
        s.b = i + 1;
    }
    return s;
}

static int line_height_median(const ds_sup_text *t, const ds_sup_lines *L, int line);

/* The cell of the next line nearest below the label (starting within a
 * few line heights of the label's left edge), when the line right under
 * it is close. */
ds_sup_span ds_sup_value_below(const ds_sup_text *t, const ds_sup_lines *L, int line, int label_word)
{
    ds_sup_span s = {0, 0};
    const int *lb = t->w[label_word].box;
    /* The next line, or the one after when the next is another column's
     * (two columns of boxes read line by line: "Matricule" between "Date
     * de paiement" and its date). */
    for (int nl = line + 1; nl <= line + 2 && nl < L->n; nl++) {
        int a0 = L->start[nl], a1 = L->start[nl + 1];
        if (a0 >= a1)
            continue;
        /* Close under the caption: within three heights of the caption's
         * line or of the value's (a box's small caption over a value
         * printed larger lies that far above it). */
        int gap_y = t->w[a0].box[1] - (lb[1] + lb[3]);
        int hv = line_height_median(t, L, nl);
        int h = L->height[line] > hv ? L->height[line] : hv;
        if (gap_y > 3 * h)
            continue;
        int best = -1, bestd = 1 << 30;
        for (int i = a0; i < a1; i++) {
            int d = abs(t->w[i].box[0] - lb[0]);
            bool cell_start = i == a0 || t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) >
                                             L->height[nl] * 5 / 2;
            if (cell_start && d < bestd) {
                bestd = d;
                best = i;
            }
        }
        if (best < 0 || bestd > 4 * L->height[line] + lb[2])
            continue;
        s.a = best;
        s.b = best + 1;
        for (int i = best + 1; i < a1; i++) {
            if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > L->height[nl] * 5 / 2)
                break;
            s.b = i + 1;
        }
        return s;
    }
    /* Neither: the lines may be listed out of their order on the page
     * (a column of boxes read after the other, a row split in two). The
     * cell starting nearest under the label, whatever its line's index,
     * within the same reach. */
    int best = -1, best_gap = 1 << 30, bestd = 1 << 30;
    for (int nl = 0; nl < L->n; nl++) {
        if (nl >= line && nl <= line + 2)
            continue;
        int hv = line_height_median(t, L, nl);
        int h = L->height[line] > hv ? L->height[line] : hv;
        for (int i = L->start[nl]; i < L->start[nl + 1]; i++) {
            bool cell_start = i == L->start[nl] ||
                              t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > hv * 5 / 2;
            int gap_y = t->w[i].box[1] - (lb[1] + lb[3]), d = abs(t->w[i].box[0] - lb[0]);
            if (!cell_start || t->w[i].box[1] < lb[1] + lb[3] / 2 || gap_y > 3 * h ||
                d > 4 * L->height[line] + lb[2])
                continue;
            if (gap_y < best_gap || (gap_y == best_gap && d < bestd)) {
                best = i;
                best_gap = gap_y;
                bestd = d;
            }
        }
    }
    if (best < 0)
        return s;
    int nl = t->w[best].line, hv = line_height_median(t, L, nl);
    s.a = best;
    s.b = best + 1;
    for (int i = best + 1; i < L->start[nl + 1]; i++) {
        if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > hv * 5 / 2)
            break;
        s.b = i + 1;
    }
    return s;
}

void ds_sup_span_box(const ds_sup_text *t, int a, int b, int box[4], float *conf)
{
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    float c = 100;
    for (int i = a; i < b; i++) {
        const int *q = t->w[i].box;
        if (q[0] < x0) x0 = q[0];
        if (q[1] < y0) y0 = q[1];
        if (q[0] + q[2] > x1) x1 = q[0] + q[2];
        if (q[1] + q[3] > y1) y1 = q[1] + q[3];
        /* A weekday's name before a date ("Tuesday, 30 June 2026") says
         * nothing of how well its numbers were read. */
        if (t->w[i].conf < c && !(i == a && b - a > 1 && ds_sup_weekday_word(t->w[i].text)))
            c = t->w[i].conf;
    }
    if (x1 < 0) {
        memset(box, 0, 4 * sizeof *box);
        *conf = 0;
        return;
    }
    box[0] = x0;
    box[1] = y0;
    box[2] = x1 - x0;
    box[3] = y1 - y0;
    *conf = c;
}

/* The two lowest word confidences of words [a, b), merged into *lo <= *lo2. */
void ds_sup_low_two(const ds_sup_text *t, int a, int b, float *lo, float *lo2)
{
    for (int i = a; i < b; i++) {
        float c = t->w[i].conf;
        if (c < *lo) {
            *lo2 = *lo;
            *lo = c;
        } else if (c < *lo2) {
            *lo2 = c;
        }
    }
}

void ds_sup_join_words(const ds_sup_text *t, int a, int b, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = 0;
    for (int i = a; i < b; i++) {
        size_t wl = strlen(t->w[i].text);
        if (k + wl + 2 > cap)
            break;
        if (k)
            out[k++] = ' ';
        memcpy(out + k, t->w[i].text, wl);
        k += wl;
        out[k] = 0;
    }
}

/* The words of the line's next cell after word a (past a column gap),
 * up to the gap after it; empty when there is none. */
ds_sup_span ds_sup_next_cell(const ds_sup_text *t, const ds_sup_lines *L, int line, int a)
{
    ds_sup_span s = {0, 0};
    int end = L->start[line + 1], gap = L->height[line] * 5 / 2;
    int i = a + 1;
    for (; i < end; i++)
        if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > gap)
            break;
    if (i >= end)
        return s;
    s.a = i;
    s.b = i + 1;
    for (int k = i + 1; k < end; k++) {
        if (t->w[k].box[0] - (t->w[k - 1].box[0] + t->w[k - 1].box[2]) > gap)
            break;
        s.b = k + 1;
    }
    return s;
}

/* A value printed to the right of its label on the same row but read as
 * a line of its own (a column of values the reader took for a block): the
 * nearest such cell right of word lw, whose middle lies within the label's
 * height. */
ds_sup_span ds_sup_value_right(const ds_sup_text *t, const ds_sup_lines *L, int lw,
                               enum ds_sup_kind vk)
{
    ds_sup_span s = {0, 0};
    const int *lb = t->w[lw].box;
    int right = lb[0] + lb[2], best = -1, bestd = 1 << 30;
    int lmid = lb[1] + lb[3] / 2;
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return s;
    for (int line = 0; line < L->n; line++) {
        int a = L->start[line];
        if (line == t->w[lw].line || t->w[a].box[0] <= right)
            continue;
        /* The same row, allowing for a page scanned up to 3 degrees askew. */
        int mid = t->w[a].box[1] + t->w[a].box[3] / 2;
        int dx = t->w[a].box[0] - right, dy = abs(mid - lmid);
        if (dy > lb[3] * 3 / 4 + dx / 19)
            continue;
        int d = dx + 4 * dy;
        if (d >= bestd)
            continue;
        /* A date's or a number's value is one: on a skewed page a table's
         * header can lie nearer than the label's own value. */
        char iso[11], alt[11];
        if ((vk == K_DATE || vk == K_PERIOD) &&
            !ds_sup_date_words(t, a, L->start[line + 1], L->order, iso, alt))
            continue;
        if ((vk == K_NUMBER || vk == K_IBAN || vk == K_AMOUNT) && !ds_sup_has_digit(t->w[a].text) &&
            !(a + 1 < L->start[line + 1] && ds_sup_has_digit(t->w[a + 1].text)))
            continue;
        ds_sup_tokenize(t, L, line, lt);
        bool labelled = false;
        for (int j = 0; j < ds_sup_nlabels && lt->n > 0 && !labelled; j++)
            labelled = ds_sup_match_at(lt, 0, ds_sup_labels[j].phrase) > 0;
        if (!labelled) {
            bestd = d;
            best = line;
        }
    }
    free(lt);
    if (best < 0)
        return s;
    s.a = L->start[best];
    s.b = s.a + 1;
    int gap = L->height[best] * 5 / 2;
    for (int k = s.a + 1; k < L->start[best + 1]; k++) {
        if (t->w[k].box[0] - (t->w[k - 1].box[0] + t->w[k - 1].box[2]) > gap)
            break;
        s.b = k + 1;
    }
    return s;
}

/* Does a label start at the value's first word (the next label under a
 * label, not its value)? */
bool ds_sup_labelled_at(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_span v)
{
    if (v.b <= v.a)
        return false;
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return true; /* no memory: taken for a label, so nothing is read from it */
    ds_sup_tokenize(t, L, t->w[v.a].line, lt);
    int pos = 0;
    while (pos < lt->n && lt->t[pos].word != v.a)
        pos++;
    bool labelled = false;
    for (int j = 0; j < ds_sup_nlabels && pos < lt->n && !labelled; j++)
        labelled = ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase) > 0;
    free(lt);
    return labelled;
}

/* Is the value found below a label (value_below) its own, printed under it
 * as in a box or a stacked form: under it, starting where the label starts
 * (within two of its line heights), close under it (two of the label's
 * heights, or three of the value's when the value is printed larger), and
 * not itself a label? Then a word on the label's row further right is another
 * column's (on a skewed page the next column's value can lie as near). */
bool ds_sup_stacked_value(const ds_sup_text *t, const ds_sup_lines *L, int line, int lw, ds_sup_span below)
{
    if (below.b <= below.a)
        return false;
    const int *lb = t->w[lw].box, *vb = t->w[below.a].box;
    if (vb[1] < lb[1] + lb[3] / 2)
        return false; /* under the label, wherever the reader listed its line */
    int h = L->height[line];
    /* A box's small caption stands above its value by up to three of the
     * value's heights. */
    int hv = line_height_median(t, L, t->w[below.a].line);
    if (abs(vb[0] - lb[0]) > 2 * h || vb[1] - (lb[1] + lb[3]) > 2 * h + (hv > h ? 3 * hv - 2 * h : 0))
        return false;
    return !ds_sup_labelled_at(t, L, below);
}

/* The median word height of a line (one word boxed with a smudge or a
 * rule's end does not move it). */
static int line_height_median(const ds_sup_text *t, const ds_sup_lines *L, int line)
{
    int h[64], n = 0;
    for (int i = L->start[line]; i < L->start[line + 1] && n < 64; i++)
        h[n++] = t->w[i].box[3];
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && h[k - 1] > h[k]; k--) {
            int x = h[k];
            h[k] = h[k - 1];
            h[k - 1] = x;
        }
    return n ? h[n / 2] : 0;
}

bool ds_sup_small_caption(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_span v)
{
    if (v.b <= v.a)
        return false;
    int cap = line_height_median(t, L, line), val = line_height_median(t, L, t->w[v.a].line);
    return cap * 10 <= val * 8;
}

const struct ds_sup_label *ds_sup_label_at(const ds_sup_text *t, const ds_sup_lines *L, int a)
{
    if (a < 0 || a >= t->nwords)
        return NULL;
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return NULL;
    ds_sup_tokenize(t, L, t->w[a].line, lt);
    const struct ds_sup_label *found = NULL;
    for (int pos = 0; pos < lt->n && !found; pos++) {
        if (lt->t[pos].word != a || !lt->t[pos].first)
            continue;
        for (int j = 0; j < ds_sup_nlabels && !found; j++)
            if (ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase) > 0)
                found = &ds_sup_labels[j];
        break;
    }
    free(lt);
    return found;
}

ds_sup_span ds_sup_value_under(const ds_sup_text *t, const ds_sup_lines *L, int line, int lw,
                               ds_sup_field_id id, enum ds_sup_kind *k)
{
    ds_sup_span below = ds_sup_value_below(t, L, line, lw);
    for (int n = 0; n < 2 && below.b > below.a; n++) {
        const struct ds_sup_label *g = ds_sup_label_at(t, L, below.a);
        int gl = t->w[below.a].line;
        if (!g || g->id != id || gl <= line)
            break;
        /* The gloss tells a name's part where the caption does not
         * ("Nombre" over "given names"). */
        if (k && *k == K_NAME && (g->k == K_GIVEN || g->k == K_SURNAME))
            *k = g->k;
        below = ds_sup_value_below(t, L, gl, lw);
    }
    return below;
}

bool ds_sup_given_beside(const ds_sup_text *t, const ds_sup_lines *L, int lw)
{
    const int *b = t->w[lw].box;
    int mid = b[1] + b[3] / 2;
    ds_sup_line_toks *lt = malloc(sizeof *lt);
    if (!lt)
        return false;
    bool found = false;
    for (int line = 0; line < L->n && !found; line++) {
        ds_sup_tokenize(t, L, line, lt);
        for (int pos = 0; pos < lt->n && !found; pos++) {
            const int *g = t->w[lt->t[pos].word].box;
            int h = b[3] > g[3] ? b[3] : g[3];
            if (g[0] <= b[0] + b[2] || abs(g[1] + g[3] / 2 - mid) > h)
                continue;
            for (int j = 0; j < ds_sup_nlabels && !found; j++)
                found = ds_sup_labels[j].k == K_GIVEN &&
                        ds_sup_match_at(lt, pos, ds_sup_labels[j].phrase) > 0;
        }
    }
    free(lt);
    return found;
}

ds_sup_span ds_sup_line_under(const ds_sup_text *t, const ds_sup_lines *L, int lw)
{
    ds_sup_span s = {0, 0};
    const int *lb = t->w[lw].box;
    int line = t->w[lw].line;
    for (int nl = line + 1; nl <= line + 2 && nl < L->n; nl++) {
        int a0 = L->start[nl], a1 = L->start[nl + 1];
        if (a0 >= a1)
            continue;
        int top = t->w[a0].box[1], hv = line_height_median(t, L, nl);
        int h = L->height[line] > hv ? L->height[line] : hv;
        if (top < lb[1] + lb[3] / 2 || top - (lb[1] + lb[3]) > 3 * h)
            continue;
        s.a = a0;
        s.b = a0 + 1;
        for (int i = a0 + 1; i < a1; i++) {
            if (t->w[i].box[0] - (t->w[i - 1].box[0] + t->w[i - 1].box[2]) > hv * 5 / 2)
                break;
            s.b = i + 1;
        }
        return s;
    }
    return s;
}

bool ds_sup_cell_ends(const ds_sup_text *t, const ds_sup_lines *L, int w)
{
    int line = t->w[w].line;
    if (w + 1 >= L->start[line + 1])
        return true;
    return t->w[w + 1].box[0] - (t->w[w].box[0] + t->w[w].box[2]) > L->height[line] * 5 / 2;
}
