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

void ds_sup_tokenize(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_line_toks *out)
{
    out->n = 0;
    for (int i = L->start[line]; i < L->start[line + 1]; i++) {
        char f[DS_SUP_WORD_MAX * 2];
        ds_text_fold(t->w[i].text, f, sizeof f);
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
        int gap_y = t->w[a0].box[1] - (lb[1] + lb[3]);
        if (gap_y > 3 * L->height[line])
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
        if (t->w[i].conf < c)
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

