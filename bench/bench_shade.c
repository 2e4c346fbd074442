/*
 * ds_bench_shade: how often the shaded-cell test of supporting pages
 * (ds_sup_flatten_shade, src/page/support.c) fires, and what it costs.
 * Each image is scaled as ds_sup_read_ocr scales it (to 150 dpi, the
 * resolution from the file or an A4/Letter width) and tested; one line per
 * file: cells found and milliseconds. With --out DIR the lifted pages are
 * written there (PNG) to be looked at.
 *
 * Usage: ds_bench_shade [--out DIR] IMAGE...
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "base/base.h"
#include "page/support.h"

int main(int argc, char **argv)
{
    const char *out = NULL;
    int first = 1, files = 0, fired = 0, cells = 0;
    double total_ms = 0;
    setMsgSeverity(L_SEVERITY_ERROR); /* pixScaleGrayLI's advice on small factors */
    if (argc > 2 && strcmp(argv[1], "--out") == 0) {
        out = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: ds_bench_shade [--out DIR] IMAGE...\n");
        return 2;
    }
    for (int i = first; i < argc; i++) {
        PIX *pix = pixRead(argv[i]);
        PIX *gray = pix ? pixConvertTo8(pix, 0) : NULL;
        pixDestroy(&pix);
        if (!gray) {
            fprintf(stderr, "%s: not an image\n", argv[i]);
            continue;
        }
        int w = (int)pixGetWidth(gray), h = (int)pixGetHeight(gray);
        int xres = pixGetXRes(gray);
        double page_dpi = xres > 30 ? xres : (w < h ? w : h) / 8.3;
        double scale = page_dpi > DS_SUP_OCR_DPI ? DS_SUP_OCR_DPI / page_dpi : 1.0;
        PIX *img = scale < 0.95 ? pixScaleGrayLI(gray, (float)scale, (float)scale) : pixClone(gray);
        if (scale >= 0.95)
            scale = 1.0;
        pixDestroy(&gray);
        double t0 = ds_now_ms();
        int n = 0;
        PIX *flat = img ? ds_sup_flatten_shade(img, page_dpi * scale, &n) : NULL;
        double ms = ds_now_ms() - t0;
        printf("%s\t%d\t%.1f\n", argv[i], n, ms);
        files++;
        fired += n > 0;
        cells += n;
        total_ms += ms;
        if (flat && out) {
            const char *base = strrchr(argv[i], '/');
            char path[4096];
            snprintf(path, sizeof path, "%s/%s.png", out, base ? base + 1 : argv[i]);
            pixWrite(path, flat, IFF_PNG);
        }
        pixDestroy(&flat);
        pixDestroy(&img);
    }
    printf("files %d, fired on %d, cells %d, mean %.1f ms\n", files, fired, cells,
           files ? total_ms / files : 0.0);
    return 0;
}
