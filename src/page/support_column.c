/*
 * support_column.c: a birth date printed in a table's column (support_lines.h).
 *
 * A register extract prints its entry as one row under a row of column
 * heads: "No. | When and where born | Name and surname | ... | When
 * registered", the birth date in the cell under "When and where born", the
 * place under it. A form prints "Date of birth" over a box the same way.
 * The label loop (support_fields.c) reads a value beside or right under
 * its caption; a head that wraps over two or three lines, or a row whose
 * cells OCR reads as one line with the others, leaves the date to be found
 * by its column: the words of the first line under the head whose boxes
 * overlap the head's cell, left to right.
 *
 * The head names a birth ("born", "birth", "geboren", "naissance",
 * "nacimiento", "nascita"), or, on a birth certificate, reads "When and
 * where" (a register's head with "born" misread: "bom"). The date is
 * taken only from that first line under the head: a column whose first
 * cell holds no date (a place of birth) gives none. The field's label is
 * DS_SUP_LABEL_BORN_COLUMN: placed by the table's layout, so the checks
 * call its difference at most a warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "page/support_lines.h"

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static void fold1(const char *w, char *out, size_t cap)
{
    ds_text_fold(w, out, cap);
    char *sp = strchr(out, ' ');
    if (sp)
        *sp = 0;
}

/* The cell of word i on its line: the words around it with no column gap
 * (wider than 1.5 line heights) between them, [*ca, *cb). */
static void cell_of(const ds_sup_text *t, const ds_sup_lines *L, int line, int i, int *ca, int *cb)
{
    int a = L->start[line], b = L->start[line + 1], gap = L->height[line] * 3 / 2;
    int x = i, y = i;
    while (x > a && t->w[x].box[0] - (t->w[x - 1].box[0] + t->w[x - 1].box[2]) <= gap)
        x--;
    while (y + 1 < b && t->w[y + 1].box[0] - (t->w[y].box[0] + t->w[y].box[2]) <= gap)
        y++;
    *ca = x;
    *cb = y + 1;
}

/* Does the cell [a, b) head a birth's column? */
static bool birth_head(const ds_sup_text *t, int a, int b, bool birth_cert)
{
    static const char *const birth[] = {"born",      "birth",      "geboren",  "geburt",
                                        "naissance", "nacimiento", "nascita",  "geboorte",
                                        "nascimento", NULL};
    static const char *const other[] = {"place", "lieu", "ort", "lugar", "luogo", "local",
                                        "plaats", "registered", "married", NULL};
    bool when = false, where = false, named = false;
    for (int i = a; i < b; i++) {
        char f[DS_SUP_WORD_MAX * 2];
        fold1(t->w[i].text, f, sizeof f);
        if (in_list(other, f))
            return false; /* a place of birth, the registration's date */
        named |= in_list(birth, f);
        when |= !strcmp(f, "when");
        where |= !strcmp(f, "where");
    }
    return named || (birth_cert && when && where);
}

/* The first line under `line` (within six lines and eight heights) with a
 * word overlapping [x0, x1): its words there in *a.. *b (one line). */
static bool column_under(const ds_sup_text *t, const ds_sup_lines *L, int line, int x0, int x1,
                         int *a, int *b)
{
    int bottom = 0;
    for (int i = L->start[line]; i < L->start[line + 1]; i++)
        if (t->w[i].box[1] + t->w[i].box[3] > bottom)
            bottom = t->w[i].box[1] + t->w[i].box[3];
    for (int nl = line + 1; nl < L->n && nl <= line + 6; nl++) {
        int s = -1, e = -1;
        for (int i = L->start[nl]; i < L->start[nl + 1]; i++) {
            const int *q = t->w[i].box;
            if (q[1] < bottom - L->height[line] / 2)
                continue; /* beside the head, not under it */
            if (q[1] > bottom + 8 * L->height[line])
                return false;
            if (q[0] < x1 && q[0] + q[2] > x0) {
                if (s < 0)
                    s = i;
                e = i + 1;
            } else if (s >= 0) {
                break;
            }
        }
        if (s >= 0) {
            *a = s;
            *b = e;
            return true;
        }
    }
    return false;
}

void ds_sup_put_column_birth(const ds_sup_text *t, const ds_sup_lines *L, bool birth_cert,
                             ds_sup_page *out)
{
    if (!t || !L || !out || out->nfields >= DS_SUP_FIELDS_MAX)
        return;
    for (int i = 0; i < out->nfields; i++)
        if (out->f[i].id == DS_SF_BIRTH_DATE)
            return;
    for (int line = 0; line + 1 < L->n; line++) {
        for (int i = L->start[line]; i < L->start[line + 1]; i++) {
            int ca, cb;
            cell_of(t, L, line, i, &ca, &cb);
            i = cb - 1;
            /* A head is a short caption in a row of several cells. */
            if (cb - ca > 6 || (ca == L->start[line] && cb == L->start[line + 1]) ||
                !birth_head(t, ca, cb, birth_cert))
                continue;
            int x0 = t->w[ca].box[0], x1 = t->w[cb - 1].box[0] + t->w[cb - 1].box[2];
            int va, vb;
            if (!column_under(t, L, line, x0, x1, &va, &vb))
                continue;
            /* The date starts the cell, or follows a mark ("|", "—") or
             * the row's number (a head read together with "No."). */
            for (int k = va; k < vb && k <= va + 3; k++) {
                char iso[11], alt[11];
                bool shrt = false;
                int n = ds_sup_date_words_yy(t, k, vb, L->order, true, iso, alt, &shrt);
                if (n <= 0)
                    continue;
                ds_sup_set_date(t, k, k + n, DS_SF_BIRTH_DATE, DS_SUP_LABEL_BORN_COLUMN, iso, alt,
                                shrt, &out->f[out->nfields++]);
                return;
            }
        }
    }
}
