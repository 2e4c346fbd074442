/*
 * Test helpers shared by the supporting-page tests (test_support*.c,
 * test_text.c): a page built word by word, as a born-digital PDF's text
 * layer or OCR gives it, so no OCR runs; the page classified, read, and
 * checked against a case record, and the flags that gives.
 * Header-only test code; never part of the library.
 */
#ifndef DS_TEST_SUP_PAGE_H
#define DS_TEST_SUP_PAGE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/supcheck.h"
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

/* A new page to build and a page to read it into, both zeroed (the
 * caller frees them); false, with neither, when out of memory. */
static inline bool sup_new(page **p, ds_sup_page **sp)
{
    *p = calloc(1, sizeof **p);
    *sp = calloc(1, sizeof **sp);
    if (*p && *sp)
        return true;
    free(*p);
    free(*sp);
    *p = NULL;
    *sp = NULL;
    return false;
}

/* A page of lines of body text (NULL-terminated), p cleared first. */
static inline void sup_lines(page *p, const char *const *lines)
{
    memset(p, 0, sizeof *p);
    for (int i = 0; lines[i]; i++)
        add_line(p, lines[i]);
}

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

/* The page's words as a text layer, classified. */
static inline ds_sup_class sup_classify(page *p)
{
    ds_sup_text t;
    build(p, &t);
    ds_sup_class c;
    ds_sup_classify(&t, &c);
    ds_sup_text_free(&t);
    return c;
}

/* Does c's evidence name what? */
static inline bool sup_has_evidence(const ds_sup_class *c, const char *what)
{
    for (int i = 0; i < c->nevidence; i++)
        if (strcmp(c->evidence[i], what) == 0)
            return true;
    return false;
}

/* The case record json (a test's own: it must parse). */
static inline ds_case sup_case(const char *json)
{
    ds_case c;
    char msg[DS_CASE_MSG_MAX];
    T_EQ_INT(ds_case_parse(json, strlen(json), &c, msg, sizeof msg), DS_OK);
    return c;
}

/* The page's words as OCR gives them read into sp (sup_read_page) and
 * checked against the case c as screened on today, a statement's window
 * window days (0: the default): its flags into *flags (cleared first). */
static inline void sup_check_read(page *p, const ds_case *c, const char *today, int window,
                                  ds_sup_page *sp, ds_flags *flags)
{
    ds_sup_text t;
    sup_read_page(p, &t, sp);
    memset(flags, 0, sizeof *flags);
    ds_check_support(sp, &t, c, today, window, 0, flags);
    ds_sup_text_free(&t);
}

/* As sup_check_read, against the case record case_json. */
static inline void sup_check_page(page *p, const char *case_json, const char *today, int window,
                                  ds_sup_page *sp, ds_flags *flags)
{
    ds_case c = sup_case(case_json);
    sup_check_read(p, &c, today, window, sp, flags);
}

/* The first flag of code among flags (NULL: none). */
static inline const ds_flag *sup_flag(const ds_flags *flags, ds_flag_code code)
{
    for (int i = 0; i < flags->count; i++)
        if (flags->item[i].code == code)
            return &flags->item[i];
    return NULL;
}

/* The severity of code's flag among flags (0: none). */
static inline int sup_severity(const ds_flags *flags, ds_flag_code code)
{
    const ds_flag *f = sup_flag(flags, code);
    return f ? (int)f->severity : 0;
}

/* The severity of code's flag on sp (read from t) checked against c as
 * screened on 2026-11-23 (0: none). */
static inline int sup_check_severity(ds_sup_page *sp, const ds_sup_text *t, const ds_case *c,
                                     ds_flag_code code)
{
    static ds_flags flags;
    memset(&flags, 0, sizeof flags);
    ds_check_support(sp, t, c, "2026-11-23", 0, 0, &flags);
    return sup_severity(&flags, code);
}

/* The page p checked against case json on 2026-11-23: the severity of its
 * SUPPORT_NAME_MISMATCH (0: none, -1: no memory); its holder's name in
 * name (may be NULL). */
static inline int sup_name_flag(page *p, const char *json, char *name, size_t cap)
{
    ds_sup_page *sp = calloc(1, sizeof *sp);
    static ds_flags flags;
    if (!sp)
        return -1;
    sup_check_page(p, json, "2026-11-23", 0, sp, &flags);
    const ds_sup_field *f = ds_sup_find(sp, DS_SF_NAME);
    if (name)
        snprintf(name, cap, "%s", f ? f->norm : "");
    free(sp);
    return sup_severity(&flags, DS_FLAG_SUPPORT_NAME_MISMATCH);
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
