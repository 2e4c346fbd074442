/*
 * Tests of the OCR-B MRZ character classifier: the embedded model loads,
 * every malformed model is refused with DS_ERR_MODEL, features stay inside
 * any cell they are given, and real cells rendered from the font by
 * models/train_ocrb.py (tests/data/ocrb/) are read correctly.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mrz/ocrb.h"
#include "base/base.h"
#include "t.h"

#ifndef DS_SOURCE_DIR
#define DS_SOURCE_DIR "."
#endif

extern const uint8_t ds_ocrb_model_start[];
extern const uint8_t ds_ocrb_model_end[];

static size_t model_len(void) { return (size_t)(ds_ocrb_model_end - ds_ocrb_model_start); }

static uint8_t *model_copy(void)
{
    uint8_t *p = malloc(model_len());
    if (p)
        memcpy(p, ds_ocrb_model_start, model_len());
    return p;
}

static uint32_t crc32_ref(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c ^ 0xffffffffu;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* Re-seals a modified model so that only the change under test is wrong. */
static void reseal(uint8_t *p, size_t n) { put32(p + n - 4, crc32_ref(p, n - 4)); }

static int loads(const uint8_t *p, size_t n)
{
    ds_ocrb *m = NULL;
    ds_error e = ds_ocrb_create(p, n, &m);
    if (e == DS_OK) {
        float f[DS_OCRB_FEATURES] = {0};
        ds_mrz_char c;
        ds_ocrb_classify(m, f, &c);
        ds_ocrb_free(m);
        return 1;
    }
    if (e != DS_ERR_MODEL)
        T_FAIL_("ds_ocrb_create returned %s, not ERR_MODEL", ds_error_name(e));
    if (m)
        T_FAIL_("ds_ocrb_create set *out on failure");
    return 0;
}

static void test_builtin_loads(void)
{
    ds_ocrb *m = NULL;
    T_EQ_INT(ds_ocrb_create_builtin(&m), DS_OK);
    T_CHECK(m != NULL);
    T_CHECK(model_len() > 64);
    T_CHECK(model_len() < (1u << 20));
    float f[DS_OCRB_FEATURES];
    ds_ocrb_features(NULL, 0, 0, 0, 128, 20.0f, f);
    ds_mrz_char c;
    ds_ocrb_classify(m, f, &c);
    T_CHECK(c.p >= 0.0f && c.p <= 1.0f);
    T_CHECK(c.alt_p >= 0.0f && c.alt_p <= 1.0f);
    T_CHECK(c.c != 0 && strchr(ds_ocrb_alphabet, c.c) != NULL);
    T_CHECK(c.alt != 0 && c.alt != c.c);
    ds_ocrb_free(m);
    ds_ocrb_free(NULL);
    T_EQ_INT(strlen(ds_ocrb_alphabet), DS_OCRB_CLASSES);
    T_EQ_INT(ds_ocrb_create(ds_ocrb_model_start, model_len(), NULL), DS_ERR_USAGE);
}

static void test_truncated_models_refused(void)
{
    size_t n = model_len();
    uint8_t *p = model_copy();
    T_CHECK(p != NULL);
    T_CHECK(loads(p, n));
    /* Every length in the header, then a spread of lengths through the
     * weights, each in its own exact-size heap block so ASan sees overreads. */
    for (size_t len = 0; len < n; len += (len < 256 ? 1 : 997)) {
        uint8_t *q = malloc(len ? len : 1);
        memcpy(q, p, len);
        T_CHECK(!loads(q, len));
        if (len > 8) {
            reseal(q, len); /* a valid checksum does not make a short file good */
            T_CHECK(!loads(q, len));
        }
        free(q);
    }
    T_CHECK(!loads(p, n - 1));
    T_CHECK(!loads(NULL, 0));
    T_CHECK(!loads(NULL, n));
    /* Trailing garbage. */
    uint8_t *q = malloc(n + 4);
    memcpy(q, p, n);
    memset(q + n, 0, 4);
    T_CHECK(!loads(q, n + 4));
    reseal(q, n + 4);
    T_CHECK(!loads(q, n + 4));
    free(q);
    free(p);
}

static void test_corrupt_models_refused(void)
{
    size_t n = model_len();
    uint8_t *p = model_copy();
    /* Any flipped byte breaks the checksum. */
    size_t spots[] = {0, 7, 8, 12, 16, 20, 24, 28, 40, 100, n / 2, n - 5, n - 4, n - 1};
    for (size_t i = 0; i < DS_ARRAY_LEN(spots); i++) {
        p[spots[i]] ^= 0x40;
        T_CHECK(!loads(p, n));
        p[spots[i]] ^= 0x40;
    }
    T_CHECK(loads(p, n));

    /* Header fields each made absurd, with a valid checksum. */
    struct {
        size_t off;
        uint32_t v;
    } bad[] = {
        {8, 2},           {8, 0},           {12, 0},          {12, 999},
        {16, 0},          {16, 327},        {16, 0xffffffffu}, {20, 36},
        {20, 0xffffffffu}, {24, 0},          {24, 5},          {24, 0x7fffffffu},
        {28, 0},          {28, 0xffffffffu}, {28, 100000},     {28, 161},
    };
    for (size_t i = 0; i < DS_ARRAY_LEN(bad); i++) {
        uint8_t *q = model_copy();
        put32(q + bad[i].off, bad[i].v);
        reseal(q, n);
        if (loads(q, n))
            T_FAIL_("model with u32 %u at offset %zu loaded", (unsigned)bad[i].v, bad[i].off);
        free(q);
    }
    /* Wrong magic; a wrong alphabet; a NaN weight. */
    uint8_t *q = model_copy();
    memcpy(q, "DSOCRX\r\n", 8);
    reseal(q, n);
    T_CHECK(!loads(q, n));
    free(q);
    q = model_copy();
    uint32_t nl = (uint32_t)q[24];
    size_t alpha = 28 + 4 * (size_t)nl;
    q[alpha + 3] = 'Z';
    reseal(q, n);
    T_CHECK(!loads(q, n));
    free(q);
    q = model_copy();
    put32(q + alpha + 40 + 4 * 10, 0x7fc00000u);
    reseal(q, n);
    T_CHECK(!loads(q, n));
    free(q);
    /* An empty or all-zero buffer. */
    uint8_t zero[256] = {0};
    T_CHECK(!loads(zero, 0));
    T_CHECK(!loads(zero, sizeof zero));
    free(p);
}

/* Runs ds_ocrb_features on a cell held in an exact-size heap block. */
static void features_on(int w, int h, int stride, uint8_t fill, int pattern, int thr, float cap)
{
    size_t n = (size_t)stride * (size_t)(h - 1) + (size_t)w;
    uint8_t *g = malloc(n);
    for (size_t i = 0; i < n; i++)
        g[i] = pattern ? (uint8_t)((i * 2654435761u) >> 13) : fill;
    float f[DS_OCRB_FEATURES + 1];
    f[DS_OCRB_FEATURES] = 12345.0f;
    ds_ocrb_features(g, w, h, stride, thr, cap, f);
    for (int i = 0; i < DS_OCRB_FEATURES; i++)
        if (!isfinite(f[i]) || fabsf(f[i]) > 8.0f) {
            T_FAIL_("feature %d = %g for %dx%d fill %d pattern %d", i, f[i], w, h, fill, pattern);
            break;
        }
    T_CHECK(f[DS_OCRB_FEATURES] == 12345.0f);
    free(g);
}

static void test_features_any_cell(void)
{
    int sizes[][2] = {{1, 1}, {1, 40}, {40, 1}, {2, 3}, {13, 18}, {25, 35}, {65, 90},
                      {96, 128}, {97, 129}, {300, 20}, {20, 400}, {700, 900}, {4000, 3}};
    float caps[] = {0.0f, -5.0f, 1.0f, 14.0f, 60.0f, 1e9f, NAN, INFINITY};
    for (size_t i = 0; i < DS_ARRAY_LEN(sizes); i++) {
        int w = sizes[i][0], h = sizes[i][1];
        for (size_t c = 0; c < DS_ARRAY_LEN(caps); c++) {
            features_on(w, h, w, 255, 0, 128, caps[c]);
            features_on(w, h, w, 0, 0, 128, caps[c]);
            features_on(w, h, w + 7, 0, 1, 128, caps[c]);
            features_on(w, h, w, 0, 1, 0, caps[c]);
            features_on(w, h, w, 0, 1, 300, caps[c]);
        }
    }
    float f[DS_OCRB_FEATURES];
    uint8_t px = 0;
    ds_ocrb_features(&px, 1, 1, 0, 128, 10.0f, f); /* stride < w */
    ds_ocrb_features(&px, -1, 1, 1, 128, 10.0f, f);
    ds_ocrb_features(&px, 1, -1, 1, 128, 10.0f, f);
    ds_ocrb_features(&px, 1, 1, 1, 128, 10.0f, NULL);
    T_CHECK(f[DS_OCRB_FEATURES - 1] == 1.0f); /* the "empty" flag */
}

/* Reads a binary PGM (P5, maxval 255) of at most 256 KB. */
static uint8_t *read_pgm(const char *path, int *w, int *h)
{
    uint8_t *data = NULL, *img = NULL;
    size_t len = 0;
    if (ds_read_file(path, 256 * 1024, &data, &len) != DS_OK)
        return NULL;
    int maxval = 0, n = 0;
    if (sscanf((const char *)data, "P5 %d %d %d%n", w, h, &maxval, &n) == 3 && maxval == 255 &&
        *w > 0 && *h > 0 && (size_t)n + 1 + (size_t)*w * (size_t)*h <= len) {
        img = malloc((size_t)*w * (size_t)*h);
        memcpy(img, data + n + 1, (size_t)*w * (size_t)*h);
    }
    free(data);
    return img;
}

static void classify_strip(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/ocrb/cells.tsv", DS_SOURCE_DIR);
    FILE *tsv = fopen(path, "r");
    if (!tsv)
        T_SKIP("%s missing", path);
    snprintf(path, sizeof path, "%s/tests/data/ocrb/%s", DS_SOURCE_DIR, file);
    int w = 0, h = 0;
    uint8_t *img = read_pgm(path, &w, &h);
    T_CHECK(img != NULL);
    ds_ocrb *m = NULL;
    T_EQ_INT(ds_ocrb_create_builtin(&m), DS_OK);
    if (!img || !m)
        goto out;
    int rows = 0, right = 0;
    char line[256];
    int ch = h / DS_OCRB_CLASSES;
    double t0 = ds_now_ms();
    while (fgets(line, sizeof line, tsv)) {
        char name[64], label[8];
        int row, thr;
        float cap;
        if (line[0] == '#' || sscanf(line, "%63s %d %7s %d %f", name, &row, label, &thr, &cap) != 5)
            continue;
        if (strcmp(name, file) != 0 || row < 0 || row >= DS_OCRB_CLASSES)
            continue;
        float f[DS_OCRB_FEATURES];
        ds_mrz_char c;
        ds_ocrb_features(img + (size_t)row * (size_t)ch * (size_t)w, w, ch, w, thr, cap, f);
        ds_ocrb_classify(m, f, &c);
        rows++;
        if (c.c == label[0]) {
            right++;
        } else {
            printf("  %s row %d: '%c' read as '%c' (p %.3f, alt '%c' %.3f)\n", file, row,
                   label[0], c.c, c.p, c.alt ? c.alt : ' ', c.alt_p);
        }
    }
    double dt = ds_now_ms() - t0;
    printf("  %s: %d/%d right, %.3f ms per cell\n", file, right, rows, rows ? dt / rows : 0.0);
    T_EQ_INT(rows, DS_OCRB_CLASSES);
    T_CHECK(right >= DS_OCRB_CLASSES - 1);
out:
    fclose(tsv);
    free(img);
    ds_ocrb_free(m);
}

static void test_classify_150dpi(void) { classify_strip("cells_150.pgm"); }
static void test_classify_300dpi(void) { classify_strip("cells_300.pgm"); }

/* 150 cells (a full page) through features and classification give the same
 * features and the same answer every time: nothing is carried from one cell
 * to the next. (How long it takes is measured by make bench, not here.) */
static void test_classify_repeatable(void)
{
    ds_ocrb *m = NULL;
    T_EQ_INT(ds_ocrb_create_builtin(&m), DS_OK);
    enum { W = 30, H = 40 };
    uint8_t cell[W * H];
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            cell[y * W + x] = (x > 8 && x < 20 && y > 8 && y < 32 && (x < 12 || y < 12 || y > 28)) ? 20 : 230;
    float f0[DS_OCRB_FEATURES], f[DS_OCRB_FEATURES];
    ds_mrz_char c0, c;
    ds_ocrb_features(cell, W, H, W, 128, 24.0f, f0);
    ds_ocrb_classify(m, f0, &c0);
    int same = 0;
    for (int i = 0; i < 150; i++) {
        ds_ocrb_features(cell, W, H, W, 128, 24.0f, f);
        ds_ocrb_classify(m, f, &c);
        same += memcmp(f, f0, sizeof f) == 0 && c.c == c0.c && c.p == c0.p && c.alt == c0.alt;
    }
    T_EQ_INT(same, 150);
    ds_ocrb_free(m);
}

/* A cell of ink shaped like a C: whatever the model makes of it. */
static void c_cell_features(float *f)
{
    enum { W = 30, H = 40 };
    uint8_t cell[W * H];
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            cell[y * W + x] = (x > 8 && x < 20 && y > 8 && y < 32 && (x < 12 || y < 12 || y > 28)) ? 20 : 230;
    ds_ocrb_features(cell, W, H, W, 128, 24.0f, f);
}

/* Several models must agree: the same model twice reads as itself; a second
 * model that reads another character with confidence makes the reading
 * doubted, with both characters as the two choices; bad counts and a bad
 * second model are refused. */
static void test_ensemble_agreement(void)
{
    size_t n = model_len();
    uint8_t *other = model_copy();
    T_CHECK(other != NULL);
    if (!other)
        return;
    float f[DS_OCRB_FEATURES];
    c_cell_features(f);
    ds_ocrb *one = NULL, *two = NULL, *mixed = NULL;
    ds_mrz_char c1, c2, cm;
    T_EQ_INT(ds_ocrb_create(ds_ocrb_model_start, n, &one), DS_OK);
    const uint8_t *same[2] = {ds_ocrb_model_start, ds_ocrb_model_start};
    size_t lens[2] = {n, n};
    T_EQ_INT(ds_ocrb_create_ensemble(same, lens, 2, &two), DS_OK);
    ds_ocrb_classify(one, f, &c1);
    ds_ocrb_classify(two, f, &c2);
    T_EQ_INT(c2.c, c1.c);
    T_EQ_INT(c2.alt, c1.alt);
    T_CHECK(fabsf(c2.p - c1.p) < 1e-6f && fabsf(c2.alt_p - c1.alt_p) < 1e-6f);

    /* The other model: the last layer's bias of a class the first model does
     * not read here raised far above the rest (the biases end the file just
     * before the CRC). */
    int k = (int)(strchr(ds_ocrb_alphabet, c1.c == 'H' ? 'M' : 'H') - ds_ocrb_alphabet);
    float big = 60.0f;
    uint32_t u;
    memcpy(&u, &big, sizeof u);
    put32(other + n - 4 - 4 * (DS_OCRB_CLASSES - (size_t)k), u);
    reseal(other, n);
    const uint8_t *pair[2] = {ds_ocrb_model_start, other};
    T_EQ_INT(ds_ocrb_create_ensemble(pair, lens, 2, &mixed), DS_OK);
    ds_ocrb_classify(mixed, f, &cm);
    T_CHECK(c1.p > 0.5f); /* the first model's 'C', so the other's 'H' ranks first */
    T_EQ_INT(cm.c, ds_ocrb_alphabet[k]);
    T_EQ_INT(cm.alt, c1.c);
    T_CHECK(cm.p < 0.05f);                      /* the first model gives it almost nothing */
    T_CHECK(fabsf(cm.alt_p - c1.p / 2) < 0.02f); /* the second choice keeps the mean */
    printf("  alone '%c' %.3f; beside a model reading '%c': '%c' %.3f, alt '%c' %.3f\n", c1.c,
           c1.p, ds_ocrb_alphabet[k], cm.c, cm.p, cm.alt, cm.alt_p);

    ds_ocrb *bad = (ds_ocrb *)1;
    T_EQ_INT(ds_ocrb_create_ensemble(pair, lens, 0, &bad), DS_ERR_USAGE);
    T_CHECK(bad == NULL);
    T_EQ_INT(ds_ocrb_create_ensemble(pair, lens, DS_OCRB_MAX_MODELS + 1, &bad), DS_ERR_USAGE);
    T_EQ_INT(ds_ocrb_create_ensemble(NULL, lens, 2, &bad), DS_ERR_USAGE);
    T_EQ_INT(ds_ocrb_create_ensemble(pair, lens, 2, NULL), DS_ERR_USAGE);
    other[40] ^= 1; /* breaks the CRC of the second model only */
    bad = (ds_ocrb *)1;
    T_EQ_INT(ds_ocrb_create_ensemble(pair, lens, 2, &bad), DS_ERR_MODEL);
    T_CHECK(bad == NULL);
    size_t short_lens[2] = {n, 20};
    T_EQ_INT(ds_ocrb_create_ensemble(pair, short_lens, 2, &bad), DS_ERR_MODEL);
    ds_ocrb_free(one);
    ds_ocrb_free(two);
    ds_ocrb_free(mixed);
    free(other);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"builtin_loads", test_builtin_loads},
        {"truncated_models_refused", test_truncated_models_refused},
        {"corrupt_models_refused", test_corrupt_models_refused},
        {"features_any_cell", test_features_any_cell},
        {"classify_150dpi", test_classify_150dpi},
        {"classify_300dpi", test_classify_300dpi},
        {"classify_repeatable", test_classify_repeatable},
        {"ensemble_agreement", test_ensemble_agreement},
    };
    return T_RUN(cases);
}
