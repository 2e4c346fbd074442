/*
 * viz.c: the VIZ reader and its one entry point, ds_viz_read (viz.h).
 *
 * The region above the MRZ is cut out, resampled to about 300 dpi (the MRZ
 * pitch, 2.54 mm by ICAO 9303, gives the resolution) and read by Tesseract
 * once in sparse-text mode; nothing else on the page is read. The steps
 * after that reading are files of their own: words into segments
 * (viz_seg.c), segments that are labels (viz_label.c), the labelled
 * fields' values (viz_field.c) and their re-reads (viz_reread.c, over
 * viz_crop.c and viz_tess.c), the page's dates and numbers
 * (viz_tokens.c) and lines of letters (viz_lines.c). This file must never
 * set tessedit_char_whitelist (it makes the LSTM engine several times
 * slower) and never trust a recognised string's length.
 *
 * The comparison with the MRZ is check/vizcheck.c: the check stage owns
 * flags and name matching, and this stage must not depend on it.
 */
#include "page/tess.h"
#include "base/base.h"
#include "base/text.h"
#include "page/viz.h"
#include "page/viz_bars.h"
#include "page/viz_caption.h"
#include "page/viz_dark.h"
#include "page/specimen.h"
#include "page/viz_field.h"
#include "page/viz_label.h"
#include "page/viz_lines.h"
#include "page/viz_page.h"
#include "page/viz_pair.h"
#include "page/viz_seg.h"
#include "page/viz_tess.h"
#include "page/viz_tokens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

#define TARGET_DPI 300.0f
#define MRZ_PITCH_INCH (2.54f / 25.4f)
/* Below this resolution captions are re-read alone (viz_label.h). */
#define SMALL_PRINT_DPI 220.0f

struct ds_viz_reader {
    TessBaseAPI *api;
    bool borrowed; /* the caller's engine (ds_viz_reader_wrap) */
};

static const char *const field_names[DS_VIZ_FIELD_COUNT] = {
    "surname", "given_names", "birth_date", "sex", "nationality",
    "document_number", "passport_number", "expiry_date", "issue_date",
};

const char *ds_viz_field_name(ds_viz_field_id id)
{
    return (id >= 0 && id < DS_VIZ_FIELD_COUNT) ? field_names[id] : "unknown";
}

const char *ds_viz_status_name(ds_viz_status s)
{
    switch (s) {
    case DS_VIZ_MATCH: return "match";
    case DS_VIZ_MISMATCH: return "mismatch";
    case DS_VIZ_UNVERIFIABLE: return "unverifiable";
    default: return "not_found";
    }
}

ds_error ds_viz_reader_create(const char *langs, ds_viz_reader **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    ds_viz_reader *r = calloc(1, sizeof *r);
    if (!r)
        return DS_ERR_NOMEM;
    ds_error err = ds_tess_create(langs, &r->api);
    if (err != DS_OK) {
        free(r);
        return err;
    }
    *out = r;
    return DS_OK;
}

TessBaseAPI *ds_viz_reader_tess(ds_viz_reader *r) { return r ? r->api : NULL; }

void ds_viz_reader_free(ds_viz_reader *r)
{
    if (!r)
        return;
    if (!r->borrowed)
        ds_tess_free(r->api);
    free(r);
}

ds_error ds_viz_reader_wrap(TessBaseAPI *api, ds_viz_reader **out)
{
    if (!api || !out)
        return DS_ERR_USAGE;
    *out = calloc(1, sizeof **out);
    if (!*out)
        return DS_ERR_NOMEM;
    (*out)->api = api;
    (*out)->borrowed = true;
    return DS_OK;
}

TessBaseAPI *ds_viz_reader_release(ds_viz_reader *r)
{
    if (!r)
        return NULL;
    TessBaseAPI *api = r->api;
    free(r);
    return api;
}


ds_error ds_viz_read(ds_viz_reader *r, PIX *upright, const int mrz_bbox[4], int mrz_chars,
                     const ds_mrz *expect, ds_viz *out)
{
    if (!r || !upright || !mrz_bbox || !out || mrz_bbox[2] <= 0 || mrz_bbox[3] <= 0)
        return DS_ERR_USAGE;
    double t0 = ds_now_ms();
    ds_error err = DS_OK;
    PIX *gray = NULL, *crop = NULL, *scaled = NULL;
    BOX *box = NULL;
    ds_viz_page *pg = NULL;
    ds_viz v;
    memset(&v, 0, sizeof v);

    int pw = (int)pixGetWidth(upright), ph = (int)pixGetHeight(upright);
    int mx = mrz_bbox[0], my = mrz_bbox[1], mw = mrz_bbox[2];
    if (mrz_chars != 30 && mrz_chars != 36 && mrz_chars != 44)
        mrz_chars = 44;
    float pitch = (float)mw / (float)mrz_chars;
    float dpi = pitch / MRZ_PITCH_INCH;
    int margin = (int)(0.12f * (float)mw);
    int x0 = mx - margin, x1 = mx + mw + margin;
    int y1 = my - (int)(pitch * 0.3f);
    int y0 = my - (int)(1.5f * (float)mw);
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > pw ? pw : x1;
    y1 = y1 > ph ? ph : y1;
    if (x1 - x0 < 16 || y1 - y0 < 16)
        goto done; /* nothing above the MRZ: no data page on this side */

    gray = pixGetDepth(upright) == 8 ? pixClone(upright) : pixConvertTo8(upright, 0);
    if (!gray) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    box = boxCreate(x0, y0, x1 - x0, y1 - y0);
    crop = box ? pixClipRectangle(gray, box, NULL) : NULL;
    if (!crop) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    float scale = TARGET_DPI / dpi;
    if (scale > 2.5f)
        scale = 2.5f;
    if (scale < 0.25f)
        scale = 0.25f;
    if (fabsf(scale - 1.0f) < 0.1f) {
        scale = 1.0f;
        scaled = pixClone(crop);
    } else {
        scaled = pixScaleGrayLI(crop, scale, scale);
    }
    if (!scaled) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    pg = calloc(1, sizeof *pg);
    if (!pg) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    TessBaseAPISetPageSegMode(r->api, PSM_SPARSE_TEXT);
    TessBaseAPISetImage2(r->api, scaled);
    TessBaseAPISetSourceResolution(r->api, (int)lroundf(dpi * scale));
    if (TessBaseAPIRecognize(r->api, NULL) == 0)
        ds_viz_tess_words(r->api, pg);
    TessBaseAPIClear(r->api);
    /* Captions printed light on dark tabs read as blots: the tabs are
     * read again alone, made dark on light, and the region read from
     * then on is that copy. The sparse reading keeps the page as it is
     * (without the tabs' dark mass Tesseract's threshold of the whole
     * region can fall into a tinted page's paper). */
    int bars[DS_VIZ_BARS_MAX][4];
    {
        PIX *inv = pixCopy(NULL, scaled);
        v.bars = inv ? ds_viz_bars_invert(inv, dpi * scale, bars, DS_VIZ_BARS_MAX) : 0;
        if (v.bars > 0) {
            v.rereads += ds_viz_bars_read(r->api, inv, bars, v.bars, pg);
            pixDestroy(&scaled);
            scaled = inv;
            inv = NULL;
        }
        pixDestroy(&inv);
    }

    v.nwords = pg->nw;
    /* A specimen says so on its face, in the office's language. */
    for (int i = 0; i < pg->nw && !v.specimen_printed; i++) {
        static const char *const marks[] = {"SPECIMEN", "MUSTER", "ESPECIMEN", "MODELO",
                                            "CAMPIONE", "SPECIMENS", "SPESIMEN", "VZOR", "WZOR"};
        char f[DS_VIZ_WORD_MAX];
        ds_text_fold(pg->w[i].text, f, sizeof f);
        for (char *c = f; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 32);
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
            if (pg->w[i].conf >= 60 && strcmp(f, marks[k]) == 0) {
                v.specimen_printed = true;
                snprintf(v.specimen_word, sizeof v.specimen_word, "%s", marks[k]);
            }
    }
    /* The word printed large across the page at an angle: looked for only
     * when a row of bold letter-sized blobs exists (specimen.h). */
    if (!v.specimen_printed && pixGetDepth(scaled) == 8)
        v.specimen_printed = ds_specimen_find(r->api, scaled, dpi * scale, v.specimen_word,
                                              sizeof v.specimen_word, NULL);
    ds_viz_seg_build(pg);
    ds_viz_label_classify(pg);
    /* Values drowned in microtext or guilloche, no caption read: the
     * region read again with only its darkest print (viz_dark.h). */
    {
        bool merged = false;
        v.rereads += ds_viz_dark_reread(r->api, scaled, (int)lroundf(dpi * scale), pg, &merged);
        if (merged)
            v.nwords = pg->nw;
    }
    /* Captions under 220 dpi are too small for the sparse reading; at 300
     * dpi it reads them, and reading rows again cost 11 % of the reader's
     * time for nothing measured. */
    if (dpi < SMALL_PRINT_DPI)
        v.rereads += ds_viz_label_reread_small(r->api, scaled, pg);
    if (v.bars > 0)
        ds_viz_bars_captions(pg, bars, v.bars);
    /* Captions no reading saw (light grey, a few pixels tall): looked for
     * over the values of a page with few captions read. */
    v.rereads += ds_viz_caption_above(r->api, scaled, pg);
    ds_viz_field_assign(pg, &v, 1.0f / scale, x0, y0, r->api, scaled, expect);
    ds_viz_tokens_dates(pg, &v, 1.0f / scale, x0, y0);
    if (!ds_viz_tokens_mrz_read(&v, expect))
        ds_viz_tokens_reread_broken(r->api, scaled, pg, &v, 1.0f / scale, x0, y0);
    ds_viz_tokens_reread_dates(r->api, scaled, &v, 1.0f / scale, x0, y0, expect);
    ds_viz_tokens_numbers(pg, &v, 1.0f / scale, x0, y0);
    /* Captions whose value no step above found, paired with the dates
     * and numbers read since, by layout alone. */
    ds_viz_pair_late(pg, &v, 1.0f / scale, x0, y0);
    ds_viz_lines_collect(pg, &v, 1.0f / scale, x0, y0);
    ds_viz_lines_reread_name(r->api, scaled, &v, 1.0f / scale, x0, y0, expect, DS_VIZ_SURNAME);
    ds_viz_lines_reread_name(r->api, scaled, &v, 1.0f / scale, x0, y0, expect, DS_VIZ_GIVEN_NAMES);
    v.scale = scale;
done:
    v.region[0] = x0;
    v.region[1] = y0;
    v.region[2] = x1 - x0 > 0 ? x1 - x0 : 0;
    v.region[3] = y1 - y0 > 0 ? y1 - y0 : 0;
    v.ms = ds_now_ms() - t0;
    *out = v;
out:
    free(pg);
    pixDestroy(&scaled);
    pixDestroy(&crop);
    pixDestroy(&gray);
    boxDestroy(&box);
    return err;
}
