/*
 * Unit tests of supporting pages placed sideways or upside down in the
 * scanner (issue 15, src/page/support.c): the page is read turned upright
 * (Tesseract's orientation test with the reading), its fields are found as
 * on the upright page, and their boxes are given on the page as it lies in
 * the image. The page is a generated employment letter (tests/data/support:
 * samples/supportdocs.py, seed 3, page 4, scaled to 150 dpi), turned here
 * by Leptonica.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "page/support.h"
#include "page/tess.h"
#include "t.h"

#define LETTER DS_SOURCE_DIR "/tests/data/support/letter_150.jpg"

/* Box (x, y, w, h) of a W x H page, where it lands when the page is
 * turned clockwise by q quarters (pixRotateOrth's turn). */
static void turned_box(const int in[4], int W, int H, int q, int out[4])
{
    int x = in[0], y = in[1], w = in[2], h = in[3];
    for (int i = 0; i < q; i++) { /* one quarter clockwise: (x, y) -> (H - 1 - y, x) */
        int nx = H - (y + h), ny = x;
        x = nx, y = ny;
        int t = w;
        w = h, h = t;
        t = W;
        W = H, H = t;
    }
    out[0] = x, out[1] = y, out[2] = w, out[3] = h;
}

/* The name field of the page read from gray (turned upright if need be),
 * its box on the page as it lies; *turned the degrees it was turned. */
static bool read_name(TessBaseAPI *api, PIX *gray, char *name, size_t cap, int box[4], int *turned)
{
    ds_sup_text t;
    if (ds_sup_read_ocr(api, gray, 150, DS_SUP_OCR_DPI, &t) != DS_OK)
        return false;
    ds_sup_class c;
    ds_sup_classify(&t, &c);
    ds_sup_page *sp = calloc(1, sizeof *sp);
    bool found = false;
    if (sp) {
        ds_sup_extract(&t, &c, sp);
        for (int i = 0; i < sp->nfields && !found; i++)
            if (sp->f[i].id == DS_SF_NAME) {
                snprintf(name, cap, "%s", sp->f[i].norm);
                memcpy(box, sp->f[i].box, sizeof sp->f[i].box);
                ds_sup_box_to_page(&t, box);
                found = true;
            }
    }
    *turned = t.turned;
    free(sp);
    ds_sup_text_free(&t);
    return found;
}

/* The letter as scanned, and turned by a half and by a quarter either way:
 * the same name read every time, the page turned back exactly as it was
 * turned, the name's box where the name lies in each image (within 4 px).
 * An upright page is never turned. */
static void t_turned_pages(void)
{
    ds_limits lim;
    ds_limits_default(&lim);
    ds_pages *pg = NULL;
    T_EQ_INT(ds_decode_file(LETTER, &lim, &pg), DS_OK);
    TessBaseAPI *api = NULL;
    T_EQ_INT(ds_tess_create("eng", &api), DS_OK);
    if (!pg || !api) {
        ds_pages_free(pg);
        ds_tess_free(api);
        return;
    }
    PIX *up = pg->page[0].gray;
    int W = (int)pixGetWidth(up), H = (int)pixGetHeight(up);
    char name0[128] = "", name[128];
    int box0[4], box[4], turned = -1;
    T_CHECK(read_name(api, up, name0, sizeof name0, box0, &turned));
    T_EQ_STR(name0, "OLIVER NOVAK");
    T_EQ_INT(turned, 0);
    for (int q = 1; q < 4; q++) {
        PIX *img = pixRotateOrth(up, q);
        T_CHECK(img != NULL);
        if (!img)
            continue;
        name[0] = 0;
        turned = -1;
        T_CHECK(read_name(api, img, name, sizeof name, box, &turned));
        T_EQ_STR(name, name0);
        T_EQ_INT(turned, (4 - q) % 4 * 90);
        int want[4];
        turned_box(box0, W, H, q, want);
        for (int k = 0; k < 4; k++)
            if (abs(box[k] - want[k]) > 4) {
                printf("  turned %d: box[%d] %d, the name lies at %d\n", q * 90, k, box[k], want[k]);
                T_CHECK(0);
            }
        pixDestroy(&img);
    }
    ds_tess_free(api);
    ds_pages_free(pg);
}

/* ds_sup_box_to_page undoes each turn of a box on a 300 x 200 page. */
static void t_box_to_page(void)
{
    const int page_box[4] = {10, 20, 50, 8};
    for (int q = 0; q < 4; q++) {
        ds_sup_text t;
        memset(&t, 0, sizeof t);
        t.turned = q * 90;
        t.page_w = q % 2 ? 200 : 300; /* the upright frame */
        t.page_h = q % 2 ? 300 : 200;
        int b[4];
        turned_box(page_box, 300, 200, q, b);
        ds_sup_box_to_page(&t, b);
        for (int k = 0; k < 4; k++)
            T_EQ_INT(b[k], page_box[k]);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"box_to_page", t_box_to_page},
        {"turned_pages", t_turned_pages},
    };
    return T_RUN(cases);
}
