/*
 * Tests of the region read again with only its darkest print
 * (src/page/viz_dark.c), of the line next to a name's (ds_viz_line_next,
 * src/page/viz_lines.c) on pages whose values stand far apart or whose
 * name's box took in an accent, and of captions that hold a field's word
 * but name another field (src/page/viz_label.c). Images and readings are
 * drawn here; no OCR runs.
 */
#include <leptonica/allheaders.h>

#include "page/viz.h"
#include "page/viz_dark.h"
#include "page/viz_label.h"
#include "t.h"

static PIX *paper_of(int w, int h, int paper)
{
    PIX *p = pixCreate(w, h, 8);
    if (p)
        pixSetAllArbitrary(p, (l_uint32)paper);
    return p;
}

static void fill(PIX *p, int x, int y, int w, int h, int v)
{
    for (int yy = y; yy < y + h; yy++)
        for (int xx = x; xx < x + w; xx++)
            pixSetPixel(p, xx, yy, (l_uint32)v);
}

static int at(PIX *p, int x, int y)
{
    l_uint32 v = 0;
    pixGetPixel(p, x, y, &v);
    return (int)v;
}

/* A value in the darkest ink over a line of microtext (tiny glyphs in a
 * lighter accent colour, repeated along the line) and a wavy guilloche:
 * the value stays black, the microtext and the guilloche become paper. */
static void test_dark_only_keeps_values(void)
{
    PIX *p = paper_of(400, 120, 228);
    for (int x = 0; x < 400; x += 3) /* the guilloche: thin light strokes */
        fill(p, x, 10 + (x / 3) % 40, 1, 2, 175);
    for (int i = 0; i < 16; i++) { /* the value: sixteen bold glyphs */
        fill(p, 20 + i * 20, 38, 5, 24, 30);
        fill(p, 20 + i * 20, 48, 13, 3, 30);
        fill(p, 26 + i * 20, 53, 2, 4, 70); /* a stroke's softer edge */
    }
    for (int x = 10; x < 390; x += 4) /* microtext under it */
        fill(p, x, 66, 2, 4, 140);
    PIX *d = ds_viz_dark_only(p);
    T_CHECK(d != NULL);
    if (d) {
        T_EQ_INT(pixGetWidth(d), 400);
        T_EQ_INT(at(d, 21, 45), 0);        /* the value's stem: black */
        T_CHECK(at(d, 27, 54) < 200);      /* its softer edge kept as print */
        T_EQ_INT(at(d, 10, 67), 255);      /* microtext: paper */
        T_EQ_INT(at(d, 3, 11), 255);       /* guilloche: paper */
        T_EQ_INT(at(d, 300, 100), 255);    /* paper */
    }
    pixDestroy(&d);
    pixDestroy(&p);
    /* No contrast: nothing to tell apart. */
    PIX *flat = paper_of(100, 40, 200);
    fill(flat, 10, 10, 20, 5, 190);
    T_CHECK(ds_viz_dark_only(flat) == NULL);
    pixDestroy(&flat);
    T_CHECK(ds_viz_dark_only(NULL) == NULL);
    PIX *b = pixCreate(100, 30, 1);
    T_CHECK(ds_viz_dark_only(b) == NULL);
    pixDestroy(&b);
}

static void add_word(ds_viz_page *pg, const char *t, float conf, int x, int y, int w, int h, int line)
{
    ds_viz_word *wd = &pg->w[pg->nw++];
    memset(wd, 0, sizeof *wd);
    snprintf(wd->text, sizeof wd->text, "%s", t);
    wd->x0 = x;
    wd->y0 = y;
    wd->x1 = x + w;
    wd->y1 = y + h;
    wd->conf = conf;
    wd->cmin = 100;
    wd->line = line;
    wd->seg = -1;
}

/* Read again only where junk outnumbers what was read and no caption of a
 * compared field was identified. */
static void test_dark_wanted(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    add_word(&pg, "876183913", 93, 10, 10, 100, 20, 0);
    add_word(&pg, "LLNS", 16, 10, 50, 60, 28, 1);
    add_word(&pg, "se/g/aens", 0, 10, 90, 80, 28, 2);
    add_word(&pg, "an", 34, 10, 130, 40, 28, 3);
    T_EQ_INT(ds_viz_dark_good_words(&pg), 1);
    T_CHECK(ds_viz_dark_wanted(&pg));
    /* A caption identified: left as it is. */
    pg.ns = 1;
    pg.s[0].field = DS_VIZ_SURNAME;
    T_CHECK(!ds_viz_dark_wanted(&pg));
    pg.s[0].field = DS_VIZ_FIELD_OTHER; /* a caption of no field compared */
    T_CHECK(ds_viz_dark_wanted(&pg));
    pg.ns = 0;
    /* What was read outnumbers the junk. */
    add_word(&pg, "MEHMET", 96, 10, 170, 60, 20, 4);
    add_word(&pg, "TUR", 91, 10, 210, 30, 20, 5);
    T_CHECK(!ds_viz_dark_wanted(&pg));
    memset(&pg, 0, sizeof pg);
    T_CHECK(!ds_viz_dark_wanted(&pg));
    T_CHECK(!ds_viz_dark_wanted(NULL));
}

/* The second reading's words replace the first's where they overlap; the
 * first's others stay (a caption's junk), lines numbered after them. */
static void test_dark_merge(void)
{
    static ds_viz_page pg, add;
    memset(&pg, 0, sizeof pg);
    memset(&add, 0, sizeof add);
    add_word(&pg, "LLNS", 16, 10, 50, 60, 28, 0);  /* the value and its microtext */
    add_word(&pg, "a rom", 15, 10, 30, 40, 6, 1);  /* a caption's junk, above */
    add_word(&pg, "VISA", 97, 300, 5, 50, 20, 2);
    add_word(&add, "KILIC", 44, 12, 52, 50, 20, 0);
    add_word(&add, "VISA", 95, 301, 6, 49, 19, 1);
    ds_viz_dark_merge(&pg, &add);
    T_EQ_INT(pg.nw, 3);
    T_EQ_INT(pg.ns, 0);
    int kilic = -1, rom = -1, visa = 0;
    for (int i = 0; i < pg.nw; i++) {
        if (strcmp(pg.w[i].text, "KILIC") == 0)
            kilic = i;
        if (strcmp(pg.w[i].text, "a rom") == 0)
            rom = i;
        visa += strcmp(pg.w[i].text, "VISA") == 0;
        T_CHECK(strcmp(pg.w[i].text, "LLNS") != 0);
    }
    T_CHECK(kilic >= 0 && rom >= 0);
    T_EQ_INT(visa, 1);
    if (kilic >= 0 && rom >= 0)
        T_CHECK(pg.w[kilic].line > pg.w[rom].line);
    ds_viz_dark_merge(NULL, &add); /* no crash */
    ds_viz_dark_merge(&pg, NULL);
}

static void add_line(ds_viz *v, const char *text, float conf, int x, int y, int h)
{
    ds_viz_line *l = &v->lines[v->nlines++];
    memset(l, 0, sizeof *l);
    snprintf(l->value, sizeof l->value, "%s", text);
    snprintf(l->norm, sizeof l->norm, "%s", text);
    l->confidence = conf;
    l->bbox[0] = x;
    l->bbox[1] = y;
    l->bbox[2] = 10 * h;
    l->bbox[3] = h;
}

/* The given names under a surname whose box took in its accent (`WÓJCIK`
 * 21 pixels tall, the page's values 11); a caption-sized line is still no
 * value. */
static void test_line_next_accent(void)
{
    static ds_viz v;
    memset(&v, 0, sizeof v);
    add_line(&v, "TGZ", 90, 363, 200, 11);
    add_line(&v, "WOJCIK", 91, 361, 246, 21);
    add_line(&v, "GRZEGORZ", 96, 363, 301, 11);
    add_line(&v, "POL", 96, 710, 351, 11);
    T_CHECK(ds_viz_line_next(&v, &v.lines[1], true) == &v.lines[2]);
    /* A line a third of the surname's own height is a caption's. */
    v.lines[2].bbox[3] = 5;
    T_CHECK(ds_viz_line_next(&v, &v.lines[1], true) == NULL);
}

/* The next line at most three of the anchor's heights away, whether
 * read clearly or not (a poor reading is read again before it is
 * compared); four heights away it is no longer the next value. */
static void test_line_next_far(void)
{
    static ds_viz v;
    memset(&v, 0, sizeof v);
    add_line(&v, "KILIC", 60, 55, 180, 11);
    add_line(&v, "MEHMET", 96, 55, 211, 8);
    T_CHECK(ds_viz_line_next(&v, &v.lines[1], false) == &v.lines[0]);
    v.lines[0].confidence = 90;
    v.lines[0].bbox[1] = 166; /* 211 - 177 = 34 pixels: four heights */
    T_CHECK(ds_viz_line_next(&v, &v.lines[1], false) == NULL);
}

/* A caption holding the surname's word that names another surname. */
static void test_captions_of_other_names(void)
{
    T_EQ_INT(ds_viz_label_classify_text("Sloinne breithe / Surname at birth"), DS_VIZ_FIELD_OTHER);
    T_EQ_INT(ds_viz_label_classify_text("Surname at birth"), DS_VIZ_FIELD_OTHER);
    T_EQ_INT(ds_viz_label_classify_text("Previous passport No."), DS_VIZ_FIELD_OTHER);
    T_EQ_INT(ds_viz_label_classify_text("Civil registration No."), DS_VIZ_FIELD_OTHER);
    T_EQ_INT(ds_viz_label_classify_text("Sloinne / Surname"), DS_VIZ_SURNAME);
    T_EQ_INT(ds_viz_label_classify_text("Passport No."), DS_VIZ_PASSPORT_NUMBER);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"dark_only_keeps_values", test_dark_only_keeps_values},
        {"dark_wanted", test_dark_wanted},
        {"dark_merge", test_dark_merge},
        {"line_next_accent", test_line_next_accent},
        {"line_next_far", test_line_next_far},
        {"captions_of_other_names", test_captions_of_other_names},
    };
    return T_RUN(cases);
}
