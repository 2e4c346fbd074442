/*
 * support.c: the supporting-page step of the scanner (support.h).
 */
#include "scan/support.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "check/case.h"
#include "check/supcheck.h"
#include "decode/tint.h"
#include "page/support.h"
#include "page/tess.h"
#include "scan/barcodes.h"

/* Idle engines kept: a thread scanning holds at most two at once (the
 * printed page's and a supporting page's). */
#define POOL_IDLE_MAX 64

static TessBaseAPI *take(ds_sup_pool *p);
static void give(ds_sup_pool *p, TessBaseAPI *api);

struct ds_sup_pool {
    char langs[128];
    pthread_mutex_t lock;
    int nidle;
    TessBaseAPI *idle[POOL_IDLE_MAX];
};

ds_error ds_sup_pool_create(const char *langs, ds_sup_pool **out)
{
    if (!out)
        return DS_ERR_USAGE;
    *out = NULL;
    if (langs && strlen(langs) >= 128)
        return DS_ERR_USAGE;
    ds_sup_pool *p = calloc(1, sizeof *p);
    if (!p)
        return DS_ERR_NOMEM;
    snprintf(p->langs, sizeof p->langs, "%s", langs && *langs ? langs : "eng");
    if (pthread_mutex_init(&p->lock, NULL) != 0) {
        free(p);
        return DS_ERR_NOMEM;
    }
    /* One engine now: a missing language is an error at start, not a
     * page that silently goes unread. */
    TessBaseAPI *api = NULL;
    ds_error err = ds_tess_create(p->langs, &api);
    if (err != DS_OK) {
        ds_sup_pool_free(p);
        return err;
    }
    p->idle[p->nidle++] = api;
    *out = p;
    return DS_OK;
}

void ds_sup_pool_free(ds_sup_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nidle; i++)
        ds_tess_free(p->idle[i]);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

bool ds_sup_pool_is_eng(const ds_sup_pool *p)
{
    return p && strcmp(p->langs, "eng") == 0;
}

TessBaseAPI *ds_sup_pool_take(ds_sup_pool *p)
{
    return p ? take(p) : NULL;
}

void ds_sup_pool_give(ds_sup_pool *p, TessBaseAPI *api)
{
    if (p)
        give(p, api);
    else
        ds_tess_free(api);
}

static TessBaseAPI *take(ds_sup_pool *p)
{
    TessBaseAPI *api = NULL;
    pthread_mutex_lock(&p->lock);
    if (p->nidle > 0)
        api = p->idle[--p->nidle];
    pthread_mutex_unlock(&p->lock);
    if (!api && ds_tess_create(p->langs, &api) != DS_OK)
        api = NULL;
    return api;
}

static void give(ds_sup_pool *p, TessBaseAPI *api)
{
    if (!api)
        return;
    pthread_mutex_lock(&p->lock);
    if (p->nidle < POOL_IDLE_MAX) {
        p->idle[p->nidle++] = api;
        api = NULL;
    }
    pthread_mutex_unlock(&p->lock);
    ds_tess_free(api);
}

/* An identity barcode or seal read and parsed on the page. */
static bool identity_barcode(const json_t *barcodes)
{
    size_t i;
    json_t *b;
    json_array_foreach(barcodes, i, b) {
        json_t *parsed = json_object_get(b, "parsed");
        const char *type = json_string_value(json_object_get(parsed, "type"));
        const char *status = json_string_value(json_object_get(parsed, "status"));
        if (type && status && (strcmp(type, "AAMVA") == 0 || strcmp(type, "VDS") == 0) &&
            strcmp(status, "OK") == 0)
            return true;
    }
    return false;
}

/* A study switch, off unless DOCSCREEN_DEBUG_SUP_WORDS=1: each word read
 * on a supporting page to stderr ("sup-word", page, line, confidence, box,
 * text), for bench/supwords.py, which compares the reading with a generated
 * page's truth. Document text is never written otherwise. */
static void debug_words(const ds_sup_text *t, int page_no)
{
    const char *env = getenv("DOCSCREEN_DEBUG_SUP_WORDS");
    if (!env || strcmp(env, "1") != 0)
        return;
    flockfile(stderr);
    for (int i = 0; i < t->nwords; i++) {
        const ds_sup_word *w = &t->w[i];
        fprintf(stderr, "sup-word\t%d\t%d\t%.0f\t%d,%d,%d,%d\t%s\n", page_no, w->line, w->conf,
                w->box[0], w->box[1], w->box[2], w->box[3], w->text);
    }
    fprintf(stderr, "sup-read\t%d\t%d\t%.0f\t%d\t%d\n", page_no, t->nwords, t->ms,
            t->lost_letters, t->sparse_words);
    funlockfile(stderr);
}

ds_page_class ds_scan_support(ds_sup_pool *pool, const ds_options *opt, const ds_page *pg,
                              int page_no, int usable_mrz, const json_t *barcodes,
                              const ds_case *c, ds_flags *flags, ds_doc *doc, ds_doc_detail *x,
                              double *ms)
{
    if (usable_mrz) {
        snprintf(x->class_by, sizeof x->class_by, "mrz");
        return DS_PC_IDENTITY;
    }
    if (barcodes && identity_barcode(barcodes)) {
        snprintf(x->class_by, sizeof x->class_by, "barcode");
        return DS_PC_IDENTITY;
    }
    if (!opt->support || !pool)
        return DS_PC_OTHER;
    double t0 = ds_now_ms();
    ds_sup_text text;
    memset(&text, 0, sizeof text);
    ds_error err = DS_ERR_INTERNAL;
    if (pg->text && pg->text->nwords > 0) {
        err = ds_sup_read_layer(pg->text, &text);
        text.page_w = pg->gray ? (int)pixGetWidth(pg->gray) : 0;
        text.page_h = pg->gray ? (int)pixGetHeight(pg->gray) : 0;
    } else {
        TessBaseAPI *api = take(pool);
        int dpi = pg->dpi > 0 ? pg->dpi / (pg->reduction > 1 ? pg->reduction : 1) : 0;
        /* A colour page's stamps and highlighter strokes, lifted toward
         * the paper where its colour shows such ink (ds_page_ink, decoded
         * here, on demand), leave the print under them to be read; a
         * title band keeps its gray. */
        PIX *lifted = ds_page_ink(pg);
        PIX *ink = lifted ? ds_tint_bands_kept(pg->gray, lifted) : NULL;
        pixDestroy(&lifted);
        if (api)
            err = ds_sup_read_ocr(api, ink ? ink : pg->gray, dpi, DS_SUP_OCR_DPI, &text);
        pixDestroy(&ink);
        give(pool, api);
    }
    if (err == DS_OK)
        debug_words(&text, page_no);
    /* Two-digit years ("3 Mar 85") are placed by the screening year. */
    if (err == DS_OK && !ds_date_parse(opt->today, &text.year_now, NULL, NULL))
        text.year_now = 0;
    ds_page_class type = DS_PC_OTHER;
    ds_sup_page *sp = err == DS_OK ? calloc(1, sizeof *sp) : NULL;
    if (sp) {
        ds_sup_class cls;
        ds_sup_classify(&text, &cls);
        ds_sup_extract(&text, &cls, sp);
        type = cls.type;
        uint64_t fp;
        if (opt->fingerprints && type != DS_PC_OTHER && type != DS_PC_IDENTITY &&
            ds_sup_text_fingerprint(&text, &fp)) {
            doc->dhash = fp;
            doc->has_dhash = 1;
            x->text_fingerprint = true;
        }
        ds_check_support(sp, &text, c, opt->today, opt->statement_window_days, page_no, flags);
        /* A page read turned upright reports its boxes on the page as
         * it lies in the image. */
        sp->turned = text.turned;
        for (int i = 0; i < sp->nfields; i++)
            ds_sup_box_to_page(&text, sp->f[i].box);
        free(x->support);
        x->support = sp;
        snprintf(x->class_by, sizeof x->class_by, "text");
    }
    ds_sup_text_free(&text);
    *ms += ds_now_ms() - t0;
    return type;
}

void ds_scan_support_identity(ds_doc_detail *x, const json_t *barcodes)
{
    if (!x || !barcodes || !identity_barcode(barcodes))
        return;
    if (x->support) {
        memset(&x->support->cls, 0, sizeof x->support->cls);
        x->support->cls.type = DS_PC_IDENTITY;
        x->support->cls.confidence = 0.99;
        x->support->cls.nevidence = 1;
        snprintf(x->support->cls.evidence[0], DS_SUP_EVIDENCE_LEN,
                 "identity barcode or digital seal parsed");
    }
    snprintf(x->class_by, sizeof x->class_by, "barcode");
}

bool ds_scan_text_regions(int mrz_like, int nregions, ds_page_class pclass,
                          const struct ds_sup_page *sp)
{
    if (mrz_like || nregions < DS_SCAN_TEXT_REGIONS || pclass == DS_PC_IDENTITY)
        return false;
    return !sp || (sp->read && !ds_sup_identity_wording(&sp->cls) &&
                   sp->mean_conf >= DS_SCAN_REGION_CONF);
}

bool ds_scan_support_double_jpeg(ds_forensics *f)
{
    if (!f || !f->jpeg_double || f->jpeg_double_score >= DS_SCAN_TEXT_DOUBLE_SCORE)
        return false;
    static const char prefix[] = "saved twice as JPEG";
    int k = 0;
    for (int i = 0; i < f->nevidence; i++)
        if (strncmp(f->evidence[i], prefix, sizeof prefix - 1) != 0) {
            if (k != i)
                memcpy(f->evidence[k], f->evidence[i], sizeof f->evidence[k]);
            k++;
        }
    f->nevidence = k;
    f->edited = k > 0;
    f->jpeg_double = false;
    return true;
}

/* A page of at least this many words read at this mean confidence is
 * running text. */
#define SCAN_PROSE_WORDS 120
#define SCAN_PROSE_CONF 75.0

json_t *ds_scan_page_kind(ds_sup_pool *pool, const ds_options *opt, const ds_page *pg,
                          int page_no, const ds_mrz *mrz, const ds_case *c,
                          const ds_vds_trust *trust, int today_year, ds_flags *flags,
                          ds_doc *doc, ds_doc_detail *x, ds_timings *t, ds_page_class *pclass)
{
    /* The barcode passes' flags wait apart: a first pass's are dropped
     * when a later one reads the same page again. */
    ds_flags *bflags = calloc(1, sizeof *bflags);
    if (!bflags)
        return NULL;
    /* Every page is first looked at by zxing alone, which reads every
     * identity barcode (PDF417, DataMatrix; zbar reads neither), so that
     * a page's kind is known before zbar's look, the costly one (a large
     * page of text, a guilloche border that keeps its 1D decoders busy;
     * about a tenth of a passport page's time). A page with an MRZ gets no
     * more: what zbar alone would add there (a QR or 1D code zxing's look
     * misses) is listed, never checked. */
    ds_scan_bc_pass first = DS_SCAN_BC_ZXING;
    double t0 = ds_now_ms();
    json_t *bcs = opt->barcodes ? ds_scan_barcodes_pass(pg->gray, page_no, mrz, c, trust,
                                                        today_year, first, bflags)
                                : json_array();
    t->barcodes += ds_now_ms() - t0;
    if (!bcs) {
        free(bflags);
        return NULL;
    }
    *pclass = ds_scan_support(pool, opt, pg, page_no, mrz != NULL, bcs, c, flags, doc, x,
                              &t->support);
    /* The fallbacks (other scales, a quarter turn, cut-out regions) are for
     * pages that may be an identity document's barcode side; a page read
     * clearly as running text (a letter of an unknown kind) or as a
     * supporting document of a known kind has had its look (zxing's: the
     * symbols zbar alone would add there are listed, never checked). An
     * identity page found by its barcode (a driving licence's back, no
     * MRZ) gets zbar's look as well (its 1D code beside its PDF417). */
    bool prose = x->support && x->support->read && x->support->nwords >= SCAN_PROSE_WORDS &&
                 x->support->mean_conf >= SCAN_PROSE_CONF;
    ds_scan_bc_pass again = DS_SCAN_BC_ZXING; /* none */
    if (opt->barcodes && !mrz && *pclass == DS_PC_OTHER && !prose)
        again = DS_SCAN_BC_FULL;
    else if (opt->barcodes && !mrz && *pclass == DS_PC_IDENTITY)
        again = DS_SCAN_BC_QUICK;
    if (again != DS_SCAN_BC_ZXING) {
        t0 = ds_now_ms();
        memset(bflags, 0, sizeof *bflags);
        json_t *more = ds_scan_barcodes_pass(pg->gray, page_no, NULL, c, trust, today_year,
                                             again, bflags);
        t->barcodes += ds_now_ms() - t0;
        if (more) {
            json_decref(bcs);
            bcs = more;
            if (again == DS_SCAN_BC_FULL) {
                ds_scan_support_identity(x, bcs);
                if (x->support && x->support->cls.type == DS_PC_IDENTITY)
                    *pclass = DS_PC_IDENTITY;
            }
        }
    }
    flags->dropped += bflags->dropped;
    for (int k = 0; k < bflags->count; k++) {
        if (flags->count < DS_MAX_FLAGS)
            flags->item[flags->count++] = bflags->item[k];
        else
            flags->dropped++;
    }
    free(bflags);
    return bcs;
}
