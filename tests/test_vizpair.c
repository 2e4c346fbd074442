/*
 * Tests of the pairing made after the page's dates and numbers are read
 * (branch viz14, page/viz_pair.h): a caption whose value no earlier step
 * found takes the date or number printed where its value goes (below,
 * above, after it on its row), only when that is unambiguous; and a date
 * wrapped onto two lines ("23 JUL" over "2004") is one date of the page
 * (ds_viz_tokens_wrapped_dates). Pages are drawn here as the segments and
 * tokens the reader would hold (boxes in one frame: inv 1, no offset).
 */
#include <string.h>

#include "page/viz.h"
#include "page/viz_page.h"
#include "page/viz_pair.h"
#include "page/viz_tokens.h"
#include "check/vizcheck.h"
#include "mrz/mrz.h"
#include "t.h"

/* A segment of one word (x0, y0, x1, y1) naming field (-1: a value). */
static int add_seg(ds_viz_page *pg, const char *text, int field, int x0, int y0, int x1, int y1)
{
    ds_viz_word *w = &pg->w[pg->nw];
    memset(w, 0, sizeof *w);
    snprintf(w->text, sizeof w->text, "%s", text);
    w->x0 = x0;
    w->y0 = y0;
    w->x1 = x1;
    w->y1 = y1;
    w->conf = 95.0f;
    w->cmin = 95.0f;
    w->seg = pg->ns;
    ds_viz_seg *s = &pg->s[pg->ns];
    memset(s, 0, sizeof *s);
    s->first = pg->nw++;
    s->n = 1;
    s->x0 = x0;
    s->y0 = y0;
    s->x1 = x1;
    s->y1 = y1;
    s->h = y1 - y0;
    snprintf(s->text, sizeof s->text, "%s", text);
    s->field = field;
    s->split = -1;
    return pg->ns++;
}

static void add_date(ds_viz *v, const char *key, const char *value, float conf, int x, int y,
                     int w, int h)
{
    ds_viz_token *t = &v->dates[v->ndates++];
    memset(t, 0, sizeof *t);
    snprintf(t->key, sizeof t->key, "%s", key);
    snprintf(t->value, sizeof t->value, "%s", value);
    t->confidence = conf;
    t->bbox[0] = x;
    t->bbox[1] = y;
    t->bbox[2] = w;
    t->bbox[3] = h;
}

/* Captions 10 px tall under comb-boxed dates 30 px tall (heldout11's
 * drawing), the dates read after the captions by the comb's re-read. */
static void test_captions_under(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    ds_viz v;
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Date of birth", DS_VIZ_BIRTH_DATE, 100, 134, 260, 144);
    add_seg(&pg, "Date of expiry", DS_VIZ_EXPIRY_DATE, 100, 190, 270, 200);
    add_date(&v, "1968-02-24", "24.02.1968", 90, 98, 102, 140, 30);
    add_date(&v, "2028-05-22", "22.05.2028", 88, 98, 158, 140, 30);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 2);
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1968-02-24");
    T_EQ_STR(v.field[DS_VIZ_EXPIRY_DATE].norm, "2028-05-22");
    T_CHECK(!v.field[DS_VIZ_EXPIRY_DATE].placed);
    T_EQ_INT(v.field[DS_VIZ_EXPIRY_DATE].label_bbox[1], 190);
}

/* A caption over its value, and one whose value stands after it on its
 * row (a table's next cell); a number under "Document no.". */
static void test_above_and_row(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    ds_viz v;
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Date of issue", DS_VIZ_ISSUE_DATE, 100, 50, 220, 60);
    add_date(&v, "2020-03-01", "01 MAR 2020", 93, 101, 64, 120, 24);
    add_seg(&pg, "Date of expiry", DS_VIZ_EXPIRY_DATE, 400, 52, 520, 64);
    add_date(&v, "2030-02-28", "28 FEB 2030", 93, 560, 48, 120, 20);
    add_seg(&pg, "Document no.", DS_VIZ_DOCUMENT_NUMBER, 100, 150, 200, 160);
    ds_viz_token *n = &v.numbers[v.nnumbers++];
    snprintf(n->key, sizeof n->key, "X1234567");
    snprintf(n->value, sizeof n->value, "X1234567");
    n->confidence = 91;
    int nb[4] = {102, 164, 110, 22};
    memcpy(n->bbox, nb, sizeof nb);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 3);
    T_EQ_STR(v.field[DS_VIZ_ISSUE_DATE].norm, "2020-03-01");
    T_EQ_STR(v.field[DS_VIZ_EXPIRY_DATE].norm, "2030-02-28");
    T_EQ_STR(v.field[DS_VIZ_DOCUMENT_NUMBER].norm, "X1234567");
}

/* Junk read under a caption ("Se As off" for a date: no date) holds no
 * value: the date read since in the caption's place takes the field. A
 * field holding a date keeps it. */
static void test_junk_replaced(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    ds_viz v;
    memset(&v, 0, sizeof v);
    add_seg(&pg, "DATE DE DELIVRANCE", DS_VIZ_ISSUE_DATE, 406, 577, 552, 588);
    add_date(&v, "2021-11-12", "12. 11. 2021", 94, 408, 606, 136, 20);
    ds_viz_field *f = &v.field[DS_VIZ_ISSUE_DATE];
    f->found = true;
    snprintf(f->value, sizeof f->value, "Se As off");
    int jb[4] = {405, 586, 90, 33};
    memcpy(f->bbox, jb, sizeof jb);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 1);
    T_EQ_STR(f->norm, "2021-11-12");
    T_EQ_STR(f->value, "12. 11. 2021");
    snprintf(v.dates[0].key, sizeof v.dates[0].key, "2022-11-12");
    snprintf(v.dates[0].value, sizeof v.dates[0].value, "12. 11. 2022");
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 0);
    T_EQ_STR(f->norm, "2021-11-12");
}

/* No pairing without a clear answer: a caption between two dates as near
 * (which one is its value the layout does not say), a date held by a field
 * found already, a date nearer another caption, a date far from any
 * caption; and a field found is never replaced. */
static void test_ambiguous(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    ds_viz v;
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Date of birth", DS_VIZ_BIRTH_DATE, 100, 100, 220, 110);
    add_date(&v, "1980-01-02", "02.01.1980", 95, 100, 74, 120, 24);
    add_date(&v, "1990-01-02", "02.01.1990", 95, 100, 114, 120, 24);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 0);
    T_CHECK(!v.field[DS_VIZ_BIRTH_DATE].found);

    /* The date below is held by the surname's field: the one above is
     * now the caption's only candidate. */
    ds_viz_field *s = &v.field[DS_VIZ_SURNAME];
    s->found = true;
    int sb[4] = {100, 114, 120, 24};
    memcpy(s->bbox, sb, sizeof sb);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 1);
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1980-01-02");
    /* Found: a second call keeps it. */
    v.dates[0].bbox[1] = 1000;
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 0);
    T_EQ_STR(v.field[DS_VIZ_BIRTH_DATE].norm, "1980-01-02");

    /* Another caption (place of birth, a field not compared) sits right
     * on the date: the date is its value, not the expiry caption's. */
    memset(&pg, 0, sizeof pg);
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Date of expiry", DS_VIZ_EXPIRY_DATE, 100, 100, 220, 110);
    add_seg(&pg, "Place of issue", DS_VIZ_FIELD_OTHER, 100, 140, 220, 150);
    add_date(&v, "2031-05-05", "05.05.2031", 95, 100, 152, 120, 24);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 0);
    /* A date three heights away and another column's: no place. */
    memset(&pg, 0, sizeof pg);
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Date of expiry", DS_VIZ_EXPIRY_DATE, 100, 100, 220, 110);
    add_date(&v, "2031-05-05", "05.05.2031", 95, 100, 190, 120, 24);
    add_date(&v, "2032-05-05", "05.05.2032", 95, 600, 130, 120, 24);
    T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 0);
    T_EQ_INT(ds_viz_pair_late(NULL, &v, 1.0f, 0, 0), 0);
}

/* The comparison takes a paired field as identified by its caption: a
 * clearly read changed expiry is high, the same read unclearly is
 * unverifiable. ICAO 9303's specimen: expires 2012-04-15. */
static void test_compared(void)
{
    const char *lines[2] = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    ds_mrz m;
    memset(&m, 0, sizeof m);
    T_EQ_INT(ds_mrz_parse(lines, 2, 2024, &m), DS_OK);
    for (int clear = 0; clear < 2; clear++) {
        static ds_viz_page pg;
        memset(&pg, 0, sizeof pg);
        ds_viz v;
        memset(&v, 0, sizeof v);
        add_seg(&pg, "Date of expiry", DS_VIZ_EXPIRY_DATE, 100, 134, 260, 144);
        add_date(&v, "2019-04-15", "15.04.2019", clear ? 92.0f : 40.0f, 98, 100, 140, 30);
        T_EQ_INT(ds_viz_pair_late(&pg, &v, 1.0f, 0, 0), 1);
        ds_flags fl;
        memset(&fl, 0, sizeof fl);
        int raised = ds_viz_compare(&v, &m, &fl, 0);
        ds_viz_status st = v.field[DS_VIZ_EXPIRY_DATE].status;
        T_EQ_INT(st, clear ? DS_VIZ_MISMATCH : DS_VIZ_UNVERIFIABLE);
        T_EQ_INT(raised, clear);
        if (raised)
            T_EQ_INT(fl.item[0].severity, DS_SEV_HIGH);
    }
}

/* "23 JUL" over "2004", left edges together: one date. Not when the year
 * stands above, far below, in another column, or when the first line is
 * a date already or a caption. */
static void test_wrapped_dates(void)
{
    static ds_viz_page pg;
    memset(&pg, 0, sizeof pg);
    ds_viz v;
    memset(&v, 0, sizeof v);
    add_seg(&pg, "23 JUL", -1, 100, 100, 160, 120);
    add_seg(&pg, "2004", -1, 101, 124, 150, 144);
    ds_viz_tokens_wrapped_dates(&pg, &v, 1.0f, 0, 0);
    T_EQ_INT(v.ndates, 1);
    if (v.ndates == 1) {
        T_EQ_STR(v.dates[0].key, "2004-07-23");
        T_EQ_INT(v.dates[0].bbox[1], 100);
        T_EQ_INT(v.dates[0].bbox[3], 44);
    }
    static const int places[][4] = {
        {101, 76, 150, 96},    /* above */
        {101, 170, 150, 190},  /* two lines down */
        {400, 124, 450, 144},  /* another column */
    };
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        memset(&pg, 0, sizeof pg);
        memset(&v, 0, sizeof v);
        add_seg(&pg, "23 JUL", -1, 100, 100, 160, 120);
        add_seg(&pg, "2004", -1, places[i][0], places[i][1], places[i][2], places[i][3]);
        ds_viz_tokens_wrapped_dates(&pg, &v, 1.0f, 0, 0);
        if (v.ndates != 0)
            T_FAIL_("year at %d,%d: read as %s", places[i][0], places[i][1], v.dates[0].key);
    }
    memset(&pg, 0, sizeof pg);
    memset(&v, 0, sizeof v);
    add_seg(&pg, "Birth", DS_VIZ_BIRTH_DATE, 100, 100, 160, 120);
    add_seg(&pg, "2004", -1, 101, 124, 150, 144);
    ds_viz_tokens_wrapped_dates(&pg, &v, 1.0f, 0, 0);
    T_EQ_INT(v.ndates, 0);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"captions_under", test_captions_under},
        {"above_and_row", test_above_and_row},
        {"junk_replaced", test_junk_replaced},
        {"ambiguous", test_ambiguous},
        {"compared", test_compared},
        {"wrapped_dates", test_wrapped_dates},
    };
    return T_RUN(cases);
}
