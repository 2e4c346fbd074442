/*
 * Unit tests of text a supporting page's automatic reading lost (issue 15,
 * src/page/support_sparse.c): letter-sized ink no word read covers is
 * counted (rules, frames and specks are not letters), and a second
 * reading's words fill only the places the first left empty, their lines
 * placed among the first reading's by height. Pages are drawn here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page/support.h"
#include "t.h"

/* A black rectangle on the page. */
static void dark(PIX *p, int x, int y, int w, int h)
{
    BOX *b = boxCreate(x, y, w, h);
    if (b)
        pixClearInRect(p, b);
    boxDestroy(&b);
}

/* A row of k dark letter-sized marks (12 x 16 px, 150 dpi: about 0.1 in
 * tall) from (x, y), 18 px apart. */
static void letters_at(PIX *p, int x, int y, int k)
{
    for (int i = 0; i < k; i++)
        dark(p, x + 18 * i, y, 12, 16);
}

static PIX *white_page(int w, int h)
{
    PIX *p = pixCreate(w, h, 8);
    if (p)
        pixSetAll(p);
    return p;
}

/* A word of a reading. */
static ds_sup_word word(const char *text, int x, int y, int w, int h, float conf, int line)
{
    ds_sup_word wd;
    memset(&wd, 0, sizeof wd);
    snprintf(wd.text, sizeof wd.text, "%s", text);
    wd.box[0] = x, wd.box[1] = y, wd.box[2] = w, wd.box[3] = h;
    wd.conf = conf;
    wd.line = line;
    return wd;
}

/* Two blocks of 30 letters, one read: the other block's 30 are lost. A
 * dark frame round the page, a long rule and specks are no letters. */
static void t_lost_block(void)
{
    PIX *p = white_page(1200, 1600);
    T_CHECK(p != NULL);
    if (!p)
        return;
    for (int r = 0; r < 3; r++) {
        letters_at(p, 100, 200 + 40 * r, 10);
        letters_at(p, 700, 800 + 40 * r, 10);
    }
    dark(p, 0, 0, 1200, 30);    /* the copier's frame */
    dark(p, 100, 1000, 900, 3); /* a rule */
    for (int i = 0; i < 50; i++) /* specks */
        dark(p, 50 + 20 * i, 1400, 2, 2);
    /* The first block read as three lines of one word each (page pixels
     * at twice the image's size: scale 0.5). */
    ds_sup_word w[3];
    for (int r = 0; r < 3; r++)
        w[r] = word("word", 196, 396 + 80 * r, 364, 36, 90, r);
    int letters = 0;
    int lost = ds_sup_lost_letters(p, 150, w, 3, 0.5, &letters);
    T_EQ_INT(letters, 60);
    T_EQ_INT(lost, 30);
    T_CHECK(ds_sup_text_lost(lost, letters));
    /* Both blocks read: nothing lost, nothing read again. */
    ds_sup_word both[6];
    memcpy(both, w, sizeof w);
    for (int r = 0; r < 3; r++)
        both[3 + r] = word("word", 1396, 1596 + 80 * r, 364, 36, 90, 3 + r);
    lost = ds_sup_lost_letters(p, 150, both, 6, 0.5, &letters);
    T_EQ_INT(lost, 0);
    T_CHECK(!ds_sup_text_lost(lost, letters));
    /* Nothing read at all: every letter lost. */
    T_EQ_INT(ds_sup_lost_letters(p, 150, NULL, 0, 0.5, NULL), 60);
    pixDestroy(&p);
}

/* A few letters left over (a seal's text, a signature) or a small share of
 * a page read well is no lost block. */
static void t_lost_threshold(void)
{
    T_CHECK(!ds_sup_text_lost(DS_SUP_LOST_MIN - 1, DS_SUP_LOST_MIN));
    T_CHECK(!ds_sup_text_lost(DS_SUP_LOST_MIN, DS_SUP_LOST_MIN * 100));
    T_CHECK(ds_sup_text_lost(DS_SUP_LOST_MIN, DS_SUP_LOST_MIN));
    T_EQ_INT(ds_sup_lost_letters(NULL, 150, NULL, 0, 1, NULL), 0);
    PIX *p = white_page(100, 100);
    T_EQ_INT(ds_sup_lost_letters(p, 150, NULL, -1, 1, NULL), 0);
    pixDestroy(&p);
}

/* The second reading adds only words in empty places, read clearly and
 * with a letter or a digit; the lines come out in the page's order. */
static void t_merge(void)
{
    ds_sup_word w[16];
    w[0] = word("CERTIFICATE", 300, 100, 400, 40, 95, 0);
    w[1] = word("Registrar", 700, 900, 200, 30, 90, 1);
    ds_sup_word add[6];
    add[0] = word("CERTIFICATF", 310, 105, 390, 35, 80, 0); /* the same word again */
    add[1] = word("NOVAK", 100, 300, 150, 30, 85, 1);         /* under the title */
    add[2] = word("Ibrahim", 100, 360, 150, 30, 88, 2);
    add[3] = word("~~", 100, 420, 40, 30, 90, 3);             /* no letter */
    add[4] = word("xkq", 100, 480, 40, 30, 30, 4);            /* read poorly */
    add[5] = word("London", 100, 20, 150, 30, 90, 5);         /* above everything */
    int n = ds_sup_merge_words(w, 2, 16, add, 6);
    T_EQ_INT(n, 5);
    ds_sup_text t;
    memset(&t, 0, sizeof t);
    T_EQ_INT(ds_sup_text_set(&t, w, n), DS_OK);
    T_EQ_INT(t.nlines, 5);
    const char *order[] = {"London", "CERTIFICATE", "NOVAK", "Ibrahim", "Registrar"};
    for (int i = 0; i < t.nwords && i < 5; i++) {
        T_EQ_STR(t.w[i].text, order[i]);
        T_EQ_INT(t.w[i].line, i);
    }
    ds_sup_text_free(&t);
    /* A first reading of nothing takes the second whole, in its order. */
    ds_sup_word none[4];
    n = ds_sup_merge_words(none, 0, 4, add + 1, 2);
    T_EQ_INT(n, 2);
    T_CHECK(none[0].line < none[1].line);
    /* Room for no more: nothing added. */
    T_EQ_INT(ds_sup_merge_words(w, 2, 2, add, 6), 2);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"lost_block", t_lost_block},
        {"lost_threshold", t_lost_threshold},
        {"merge", t_merge},
    };
    return T_RUN(cases);
}
