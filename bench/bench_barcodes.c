/*
 * ds_bench_barcodes: reads the real barcode set (../shared/realdata/barcodes:
 * qr/, pdf417/, datamatrix/) with three readers in one run and prints, per
 * symbology folder, the share of images decoded exactly right:
 *   zbar      zbar alone, one pass over the page as given;
 *   zxing     zxing-cpp alone, one pass (its own rotations and downscaling on);
 *   docscreen ds_barcode_scan: zbar and zxing merged, with the retries.
 * "Exactly right" means some symbol's text equals X.txt byte for byte, or its
 * raw bytes equal X.bin (X.refdecode.txt counts as X.txt; a Macro PDF417
 * part "NN-01.png" belongs to "NN.txt|bin"). Images without any expected
 * file are skipped. It only observes; it changes nothing the readers do.
 *
 * Usage: ds_bench_barcodes [-v] DIR
 * Output: one line per image with -v, then the table.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barcode/barcode.h"
#include "barcode/zxing_shim.h"
#include "base/base.h"
#include "decode/decode.h"

#define MAX_EXPECT (1u << 20)

typedef struct expect {
    uint8_t *txt;
    size_t ntxt;
    uint8_t *bin;
    size_t nbin;
} expect;

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static bool is_image(const char *name)
{
    return ends_with(name, ".png") || ends_with(name, ".jpg") || ends_with(name, ".jpeg");
}

static void read_opt(const char *path, uint8_t **data, size_t *n)
{
    if (ds_read_file(path, MAX_EXPECT, data, n) != DS_OK) {
        *data = NULL;
        *n = 0;
    }
}

/* Finds the expected files of dir/name (an image). */
static bool load_expect(const char *dir, const char *name, expect *e)
{
    memset(e, 0, sizeof *e);
    char stem[1024], path[4096];
    snprintf(stem, sizeof stem, "%s", name);
    char *dot = strrchr(stem, '.');
    if (dot)
        *dot = '\0';
    for (int attempt = 0; attempt < 2; attempt++) {
        snprintf(path, sizeof path, "%s/%s.txt", dir, stem);
        read_opt(path, &e->txt, &e->ntxt);
        if (!e->txt) {
            snprintf(path, sizeof path, "%s/%s.refdecode.txt", dir, stem);
            read_opt(path, &e->txt, &e->ntxt);
        }
        snprintf(path, sizeof path, "%s/%s.bin", dir, stem);
        read_opt(path, &e->bin, &e->nbin);
        if (e->txt || e->bin)
            return true;
        /* Macro PDF417: "NN-01" belongs to "NN". */
        if (!ends_with(stem, "-01"))
            break;
        stem[strlen(stem) - 3] = '\0';
    }
    return false;
}

static bool hit(const expect *e, const uint8_t *data, size_t len, const char *text)
{
    if (e->txt && text && strlen(text) == e->ntxt && memcmp(text, e->txt, e->ntxt) == 0)
        return true;
    if (e->bin && len == e->nbin && memcmp(data, e->bin, len) == 0)
        return true;
    return false;
}

static bool hit_any(const expect *e, const ds_barcodes *b)
{
    for (int i = 0; i < b->n; i++)
        if (hit(e, b->items[i].data, b->items[i].len, b->items[i].text))
            return true;
    return false;
}

typedef struct zx_ctx {
    const expect *e;
    bool hit;
} zx_ctx;

static int zx_cb(void *ctx, const ds_zx_symbol *s)
{
    zx_ctx *c = ctx;
    char *t = malloc(s->ntext + 1);
    if (!t)
        return 1;
    memcpy(t, s->text, s->ntext);
    t[s->ntext] = '\0';
    if (hit(c->e, s->bytes, s->nbytes, strlen(t) == s->ntext ? t : NULL))
        c->hit = true;
    free(t);
    return 0;
}

static bool zxing_alone(PIX *pix, const expect *e)
{
    uint8_t *buf = NULL;
    int w = 0, h = 0;
    if (ds_barcode_gray_buffer(pix, &buf, &w, &h) != DS_OK)
        return false;
    zx_ctx c = {e, false};
    ds_zx_read(buf, w, h, w, 0xFFFFu, 1, DS_BARCODE_MAX, zx_cb, &c);
    free(buf);
    return c.hit;
}

int main(int argc, char **argv)
{
    bool verbose = false;
    int a = 1;
    if (a < argc && strcmp(argv[a], "-v") == 0) {
        verbose = true;
        a++;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: ds_bench_barcodes [-v] DIR\n");
        return 2;
    }
    static const char *const folders[] = {"qr", "pdf417", "datamatrix"};
    ds_limits lim;
    ds_limits_default(&lim);
    int total[3] = {0}, ok_zbar[3] = {0}, ok_zx[3] = {0}, ok_ds[3] = {0};
    double ms_zbar = 0, ms_zx = 0, ms_ds = 0;
    char missed[3][4096];
    for (int f = 0; f < 3; f++) {
        missed[f][0] = '\0';
        char dir[2048];
        snprintf(dir, sizeof dir, "%s/%s", argv[a], folders[f]);
        struct dirent **names = NULL;
        int n = scandir(dir, &names, NULL, alphasort);
        if (n < 0) {
            fprintf(stderr, "bench: cannot read %s\n", dir);
            return 2;
        }
        for (int i = 0; i < n; i++) {
            const char *name = names[i]->d_name;
            expect e;
            char path[4096];
            if (!is_image(name) || !load_expect(dir, name, &e)) {
                free(names[i]);
                continue;
            }
            snprintf(path, sizeof path, "%s/%s", dir, name);
            ds_pages *pages = NULL;
            if (ds_decode_file(path, &lim, &pages) != DS_OK || pages->count < 1) {
                fprintf(stderr, "bench: cannot decode %s\n", name);
                ds_pages_free(pages);
                free(e.txt), free(e.bin), free(names[i]);
                continue;
            }
            PIX *pix = pages->page[0].gray;
            ds_barcodes b;
            double t0 = ds_now_ms();
            ds_barcodes_init(&b);
            /* zbar alone, every line (its full effort). */
            ds_barcode_image bi;
            bool z = ds_barcode_image_make(pix, &bi) == DS_OK &&
                     ds_barcode_zbar.scan(&bi, DS_SYM_ALL, true, &b) == DS_OK && hit_any(&e, &b);
            ds_barcode_image_free(&bi);
            ds_barcodes_clear(&b);
            double t1 = ds_now_ms();
            bool x = zxing_alone(pix, &e);
            double t2 = ds_now_ms();
            bool d = ds_barcode_scan(pix, &b) == DS_OK && hit_any(&e, &b);
            int passes = b.passes;
            ds_barcodes_clear(&b);
            double t3 = ds_now_ms();
            ms_zbar += t1 - t0, ms_zx += t2 - t1, ms_ds += t3 - t2;
            total[f]++;
            ok_zbar[f] += z;
            ok_zx[f] += x;
            ok_ds[f] += d;
            if (!d && strlen(missed[f]) + strlen(name) + 3 < sizeof missed[f]) {
                strcat(missed[f], " ");
                strcat(missed[f], name);
            }
            if (verbose)
                printf("%-11s %-55s zbar=%d zxing=%d docscreen=%d passes=%d %.0fms\n", folders[f], name, z, x,
                       d, passes, t3 - t2);
            ds_pages_free(pages);
            free(e.txt);
            free(e.bin);
            free(names[i]);
        }
        free(names);
    }
    printf("barcodes decoded exactly right (real set, %s)\n", argv[a]);
    printf("%-11s %6s %16s %16s %20s\n", "symbology", "images", "zbar alone", "zxing alone", "docscreen (both)");
    int T = 0, Z = 0, X = 0, D = 0;
    for (int f = 0; f < 3; f++) {
        int t = total[f] ? total[f] : 1;
        printf("%-11s %6d %7d (%3.0f%%) %7d (%3.0f%%) %11d (%3.0f%%)\n", folders[f], total[f], ok_zbar[f],
               100.0 * ok_zbar[f] / t, ok_zx[f], 100.0 * ok_zx[f] / t, ok_ds[f], 100.0 * ok_ds[f] / t);
        T += total[f], Z += ok_zbar[f], X += ok_zx[f], D += ok_ds[f];
    }
    int t = T ? T : 1;
    printf("%-11s %6d %7d (%3.0f%%) %7d (%3.0f%%) %11d (%3.0f%%)\n", "all", T, Z, 100.0 * Z / t, X,
           100.0 * X / t, D, 100.0 * D / t);
    printf("time: zbar %.0f ms, zxing %.0f ms, docscreen %.0f ms (%.0f ms/image)\n", ms_zbar, ms_zx, ms_ds,
           ms_ds / t);
    for (int f = 0; f < 3; f++)
        if (missed[f][0])
            printf("docscreen missed (%s):%s\n", folders[f], missed[f]);
    return 0;
}
