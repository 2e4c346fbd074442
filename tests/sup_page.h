/*
 * Test helpers shared by the supporting-page tests (test_support.c,
 * test_support_class.c, test_support_read.c, test_support_forms.c,
 * test_support_lang.c): a page built word by word, as a born-digital PDF's
 * text layer or OCR gives it, so no OCR runs.
 * Header-only test code; never part of the library.
 */
#ifndef DS_TEST_SUP_PAGE_H
#define DS_TEST_SUP_PAGE_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "page/support.h"
#include "t.h"

#define SUP_PAGE_WORDS 600

/* A page under construction: its words, and where add_line_at puts the
 * next line (y; 30 px a line of body text). */
typedef struct page {
    int n;
    ds_sup_word w[SUP_PAGE_WORDS];
    int y;
} page;

/* The words of text (split at spaces) on line `line` at (x, y), h px high,
 * each as wide as half its height a letter, at confidence conf. With
 * columns, a "|" word is no word: the next starts 400 px further right;
 * without, it is a word (a box's side OCR read). */
static inline void sup_words(page *p, int line, int x, int y, int h, const char *text, float conf,
                             bool columns)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok && p->n < SUP_PAGE_WORDS;
         tok = strtok_r(NULL, " ", &save)) {
        if (columns && strcmp(tok, "|") == 0) {
            x += 400;
            continue;
        }
        ds_sup_word *w = &p->w[p->n++];
        memset(w, 0, sizeof *w);
        snprintf(w->text, sizeof w->text, "%s", tok);
        int wd = (int)strlen(tok) * h / 2;
        w->box[0] = x;
        w->box[1] = y;
        w->box[2] = wd;
        w->box[3] = h;
        w->conf = conf;
        w->line = line;
        x += wd + h / 2;
    }
}

/* The next line of the page from x, h px high (a "|" word starts a column
 * 400 px further right); a line taller than body text takes 60 px. */
static inline void add_line_at(page *p, int x, int h, const char *text, float conf)
{
    sup_words(p, p->y / 30, x, p->y, h, text, conf, true);
    p->y += h > 20 ? 60 : 30;
}

/* The next line of body text: from x 100, 20 px high, confidence 95. */
static inline void add_line(page *p, const char *text) { add_line_at(p, 100, 20, text, 95); }

/* The page's words as a text layer, on a page 3500 px high. */
static inline void build(page *p, ds_sup_text *t)
{
    memset(t, 0, sizeof *t);
    T_EQ_INT(ds_sup_text_set(t, p->w, p->n), DS_OK);
    t->source = DS_SUP_SRC_TEXT_LAYER;
    t->page_h = 3500;
}

/* The page's words as OCR gives them (page 3500 px high, screened in
 * 2026), classified and read into sp. */
static inline void sup_read_page(page *p, ds_sup_text *t, ds_sup_page *sp)
{
    memset(t, 0, sizeof *t);
    T_EQ_INT(ds_sup_text_set(t, p->w, p->n), DS_OK);
    t->source = DS_SUP_SRC_OCR;
    t->page_h = 3500;
    t->year_now = 2026;
    ds_sup_class c;
    ds_sup_classify(t, &c);
    ds_sup_extract(t, &c, sp);
}

/* The first field id of sp, whose normal form must be norm (NULL: none). */
static inline const ds_sup_field *sup_expect(const ds_sup_page *sp, ds_sup_field_id id,
                                             const char *norm)
{
    const ds_sup_field *f = ds_sup_find(sp, id);
    T_CHECK(f != NULL);
    if (f)
        T_EQ_STR(f->norm, norm);
    else
        fprintf(stderr, "  no %s (expected %s)\n", ds_sup_field_name(id), norm);
    return f;
}

#endif
