/*
 * The pipeline for one file: decode, locate the MRZ, recognise it, parse it,
 * check it, and write the report.
 *
 * For each page the locator proposes candidate regions; each is cut out both
 * ways up and recognised, and the reading that parses best wins (one
 * ds_mrz_accept takes for an MRZ first, then a valid MRZ, then the
 * recogniser's confidence). A page whose best reading is refused has no
 * MRZ: nothing is checked or compared with the case record from it. The report is the contract
 * of docs/contracts.md and only ever grows. Nothing here writes to a log: document
 * content goes into the report and nowhere else.
 */
#include "scan/scan.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mrz/accept.h"
#include "mrz/clip.h"
#include "mrz/mrz.h"
#include "mrz/ocrb.h"
#include "mrz/pixops.h"
#include "base/base.h"
#include "check/check.h"
#include "check/rules.h"
#include "mrz/locate.h"
#include "forensics/forensics.h"
#include "forensics/phash.h"
#include "page/viz.h"
#include "report/annotate.h"
#include "report/report.h"
#include "scan/barcodes.h"
#include "scan/pdfscan.h"
#include "scan/support.h"
#include "check/imagecheck.h"
#include "check/vizcheck.h"

/* Idle Tesseract engines a scanner keeps for the next scans; a thread that
 * finds none creates one, and one returned beyond this is freed. */
#define SCANNER_IDLE_ENGINES 64

/* A PDF page rendered from its content with at least this many words in
 * its text layer is a document made as a file, not a scan: its missing MRZ
 * is information, and its image quality is not measured (it is a
 * rendering). A scan saved as a "searchable" PDF keeps its image as the
 * page and is not one of these. */
#define DS_SCAN_BORN_DIGITAL_WORDS 5
/* A scanned page whose text was read as this many words at this mean
 * confidence, of no known type and with no identity wording, where no
 * reading resembled an MRZ, is ordinary text: its missing MRZ is
 * information (German, French and Spanish letters and diplomas in boxed
 * layouts read as 39-91 words at 65-95 and got a rescan request). */
#define DS_SCAN_TEXT_WORDS 30
#define DS_SCAN_TEXT_CONF 65.0

struct ds_scanner {
    ds_options opt;
    int today_year;
    ds_ocrb *ocrb;         /* read-only after create: shared by every thread */
    ds_vds_trust *trust;   /* read-only after create */
    pthread_mutex_t lock;  /* guards idle */
    int nidle;
    ds_viz_reader *idle[SCANNER_IDLE_ENGINES];
    char *pdf_helper;      /* the caller's ds_options.pdf_helper, copied; NULL: default */
    ds_sup_pool *sup;      /* engines for supporting pages (scan/support.h) */
};

void ds_options_default(ds_options *out)
{
    memset(out, 0, sizeof *out);
    ds_limits_default(&out->limits);
    out->barcodes = 1;
    out->viz = 1;
    out->forensics = 1;
    out->support = 1;
}

ds_error ds_scanner_create(const ds_options *opt, ds_scanner **out)
{
    ds_error err = DS_OK;
    if (!out)
        return DS_ERR_USAGE;
    ds_scanner *s = calloc(1, sizeof *s);
    if (!s)
        return DS_ERR_NOMEM;
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        free(s);
        return DS_ERR_NOMEM;
    }
    if (opt)
        s->opt = *opt;
    else
        ds_options_default(&s->opt);
    s->opt.today[sizeof s->opt.today - 1] = 0;
    if (!s->opt.today[0]) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(s->opt.today, sizeof s->opt.today, "%Y-%m-%d", &tm);
    }
    if (!ds_date_parse(s->opt.today, &s->today_year, NULL, NULL)) {
        err = DS_ERR_USAGE;
        goto out;
    }
    err = ds_ocrb_create_builtin(&s->ocrb);
    if (err != DS_OK)
        goto out;
    if (s->opt.trust_dir) {
        err = ds_vds_trust_load(s->opt.trust_dir, &s->trust);
        if (err != DS_OK)
            goto out;
    }
    s->opt.trust_dir = NULL; /* the caller's string is not kept */
    if (s->opt.pdf_helper && !(s->pdf_helper = strdup(s->opt.pdf_helper))) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    s->opt.pdf_helper = s->pdf_helper;
    if (s->opt.support) {
        err = ds_sup_pool_create(s->opt.ocr_langs, &s->sup);
        if (err != DS_OK)
            goto out;
    }
    s->opt.ocr_langs = NULL; /* kept in the pool */
    *out = s;
    s = NULL;
out:
    ds_scanner_free(s);
    return err;
}

void ds_scanner_free(ds_scanner *s)
{
    if (!s)
        return;
    ds_ocrb_free(s->ocrb);
    ds_vds_trust_free(s->trust);
    ds_sup_pool_free(s->sup);
    for (int i = 0; i < s->nidle; i++)
        ds_viz_reader_free(s->idle[i]);
    pthread_mutex_destroy(&s->lock);
    free(s->pdf_helper);
    free(s);
}

/* An engine for this thread's scan, idle or new; NULL when none can be made.
 * When the supporting pages' engines load "eng" alone, the printed-page
 * reader's engine is one of theirs (one Tesseract set-up per scanner, not
 * two: about a tenth of a second each). */
static ds_viz_reader *engine_take(ds_scanner *s, ds_error *err)
{
    ds_viz_reader *r = NULL;
    if (ds_sup_pool_is_eng(s->sup)) {
        struct TessBaseAPI *api = ds_sup_pool_take(s->sup);
        *err = api ? ds_viz_reader_wrap(api, &r) : DS_ERR_MODEL;
        if (*err != DS_OK)
            ds_sup_pool_give(s->sup, api);
        return *err == DS_OK ? r : NULL;
    }
    pthread_mutex_lock(&s->lock);
    if (s->nidle > 0)
        r = s->idle[--s->nidle];
    pthread_mutex_unlock(&s->lock);
    *err = DS_OK;
    if (!r)
        *err = ds_viz_reader_create(NULL, &r);
    return *err == DS_OK ? r : NULL;
}

static void engine_give(ds_scanner *s, ds_viz_reader *r)
{
    if (!r)
        return;
    if (ds_sup_pool_is_eng(s->sup)) {
        ds_sup_pool_give(s->sup, ds_viz_reader_release(r));
        return;
    }
    pthread_mutex_lock(&s->lock);
    if (s->nidle < SCANNER_IDLE_ENGINES) {
        s->idle[s->nidle++] = r;
        r = NULL;
    }
    pthread_mutex_unlock(&s->lock);
    ds_viz_reader_free(r);
}

const char *ds_sniff_format(const void *data, size_t len)
{
    ds_format f = data ? ds_decode_sniff(data, len) : DS_FORMAT_UNKNOWN;
    return f == DS_FORMAT_UNKNOWN ? NULL : ds_format_name(f);
}

/* One recognised MRZ with the evidence that ranks it among the others. */
typedef struct reading {
    ds_mrzband band;
    ds_mrz mrz;
    ds_mrz_char chars[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    double mean_logp;
    float min_p;
    int parsed;
    ds_mrz_acceptance acc; /* whether the reading is an MRZ at all (mrz/accept.h) */
    int washed44; /* two lines of 36 framed as 44 washed out at one end (read_page) */
    int descreened; /* read on the page descreened (read_page) */
} reading;

/* A glyph off its cell's centre by more than this share of the pitch is read
 * again in a cell moved onto it (snap_cell); by more than SNAP_MAX its
 * cell is taken to hold a neighbour's glyph as much as its own. */
#define SNAP_MIN 0.15f
#define SNAP_MAX 0.4f
#define SNAP_RUN 0.35f

/*
 * Moves cell c onto its glyph when the line's grid put it off the glyph's
 * centre (a phone's lens bends the lines, and the grid fitted to them drifts
 * by a third of a pitch at their ends, where the cell cuts the glyph), and
 * returns how far off the glyph lies after, as a share of the cell's width
 * (ds_mrz_char.offgrid beyond DS_MRZ_OFFGRID). The grids of flatbed scans
 * put every glyph within 0.1: their cells stay as they are.
 */
static float snap_cell(PIX *band, ds_cell *c, int t)
{
    int run = 0;
    float off = ds_mrz_cell_offset(band, c->x, c->y, c->w, c->h, t, &run);
    /* a run narrower than SNAP_RUN of the cell may be a piece of a glyph */
    if (fabsf(off) <= SNAP_MIN || fabsf(off) > SNAP_MAX || (float)run < SNAP_RUN * (float)c->w)
        return off;
    ds_cell m = *c;
    m.x += (int)lroundf(off * (float)c->w);
    if (m.x < 0 || m.x + m.w > (int)pixGetWidth(band))
        return off;
    float after = ds_mrz_cell_offset(band, m.x, m.y, m.w, m.h, t, NULL);
    if (fabsf(after) >= fabsf(off))
        return off;
    *c = m;
    return after;
}

static void recognise(const ds_scanner *s, reading *r)
{
    float feat[DS_OCRB_FEATURES];
    PIX *band = r->band.band;
    double sum = 0;
    int n = 0;
    r->min_p = 1;
    for (int l = 0; l < r->band.nlines; l++) {
        for (int k = 0; k < r->band.nchars[l]; k++) {
            ds_cell cell = r->band.cell[l][k];
            const ds_cell *c = &cell;
            if (c->w <= 0) {
                /* beyond the image's edge (ds_mrzband.missing) */
                r->chars[l][k] = (ds_mrz_char){.c = DS_MRZ_CUT_CHAR, .cut = 1};
                continue;
            }
            float off = snap_cell(band, &cell, r->band.ink_threshold[l]);
            /* Leptonica stores 8 bpp pixels in 32-bit words, most significant
             * byte first; ds_ocrb_features wants plain bytes, so the cell is
             * copied out row by row. */
            uint8_t buf[160 * 200];
            int w = c->w < 160 ? c->w : 160, h = c->h < 200 ? c->h : 200;
            const l_uint32 *data = pixGetData(band);
            int wpl = pixGetWpl(band);
            for (int y = 0; y < h; y++) {
                const l_uint32 *line = data + (size_t)(c->y + y) * wpl;
                for (int x = 0; x < w; x++)
                    buf[y * w + x] = (uint8_t)GET_DATA_BYTE(line, c->x + x);
            }
            ds_ocrb_features(buf, w, h, w, r->band.ink_threshold[l], r->band.cap_height[l], feat);
            ds_ocrb_classify(s->ocrb, feat, &r->chars[l][k]);
            r->chars[l][k].offgrid = fabsf(off) > DS_MRZ_OFFGRID;
            r->chars[l][k].ink_h = ds_mrz_cell_ink_height(band, c->x, c->y, c->w, c->h, r->band.ink_threshold[l]);
            float p = r->chars[l][k].p;
            sum += log(p > 1e-6f ? p : 1e-6f);
            if (p < r->min_p)
                r->min_p = p;
            n++;
        }
    }
    r->mean_logp = n ? sum / n : -100;
}

/* Better readings sort first: accepted as an MRZ, then valid, then sound
 * format, then confidence. */
static int better(const reading *a, const reading *b)
{
    if (a->acc.accepted != b->acc.accepted)
        return a->acc.accepted;
    if (a->parsed != b->parsed)
        return a->parsed > b->parsed;
    if (a->parsed) {
        if (a->mrz.valid != b->mrz.valid)
            return a->mrz.valid;
        /* The same two lines read whole as 36 long and as 44 long washed
         * out at one end: the framing whose document code fits its format
         * (a P on lines of 36 is a TD3 cut short, an I on lines of 44 a TD2
         * framed too long). Before the format: the cut characters of the
         * 44 framing break it. */
        if (b->parsed && a->washed44 != b->washed44 && a->mrz.type != b->mrz.type) {
            int fa = ds_mrz_clip_code_fits(&a->mrz), fb = ds_mrz_clip_code_fits(&b->mrz);
            if (fa != fb)
                return fa > fb;
        }
        if (a->mrz.format_ok != b->mrz.format_ok)
            return a->mrz.format_ok;
        /* two framings of lines cut by the edge: the one the code implies */
        if (b->parsed && a->mrz.clipped && b->mrz.clipped && a->mrz.type != b->mrz.type) {
            if (a->acc.break_share != b->acc.break_share)
                return a->acc.break_share < b->acc.break_share;
            int fa = ds_mrz_clip_code_fits(&a->mrz), fb = ds_mrz_clip_code_fits(&b->mrz);
            if (fa != fb)
                return fa > fb;
        }
    }
    return a->mean_logp > b->mean_logp;
}

/*
 * Finds and reads the MRZ on one page. *found is 0 when nothing that splits
 * into MRZ lines was found; otherwise best holds the best reading, which is
 * an MRZ only when best->acc.accepted. *mrz_like is 1 when some reading
 * resembled an MRZ (ds_mrz_acceptance.mrz_like), accepted or not;
 * *nregions counts the candidate regions that split into lines of an MRZ
 * length (on a page of ordinary text, its paragraphs and tables).
 */
static ds_error search_page(const ds_scanner *s, PIX *page, reading *best, int *found,
                            int *mrz_like, int *nregions, double *t_locate, double *t_ocr,
                            double *t_parse)
{
    ds_error err = DS_OK;
    ds_mrz_candidate cand[DS_MRZ_MAX_CANDIDATES];
    int nc = 0;
    reading *cur = calloc(1, sizeof *cur);
    double t0 = ds_now_ms();
    *found = 0;
    *mrz_like = 0;
    *nregions = 0;
    if (!cur)
        return DS_ERR_NOMEM;
    err = ds_mrz_locate(page, cand, &nc);
    *t_locate += ds_now_ms() - t0;
    if (err != DS_OK)
        goto out;
    int tilted = 0;
candidates:
    for (int i = 0; i < nc; i++) {
        int split = 0;
        /* Passes 2 and 3 frame two lines cut by the edge to 36 characters
         * or fewer as 36 long, where passes 0 and 1 (either way up) took
         * them as 44 (mrz/clip.h); the reading that parses better is kept.
         * Passes 4 and 5 frame two whole lines of 36 that read as no valid
         * MRZ as 44 long washed out by a glare at one end, when one end
         * fades (ds_mrzband_extract_washed44). */
        int reframe[2] = {0, 0}, washed44[2] = {0, 0};
        for (int pass = 0; pass < 6; pass++) {
            int flip = pass & 1;
            if ((pass >= 2 && pass < 4 && !reframe[flip]) || (pass >= 4 && !washed44[flip]))
                continue;
            double t1 = ds_now_ms();
            memset(cur, 0, sizeof *cur);
            ds_error ex = pass >= 4 ? ds_mrzband_extract_washed44(page, &cand[i], flip != 0, &cur->band)
                                    : ds_mrzband_extract(page, &cand[i], flip != 0, &cur->band);
            if (ex != DS_OK) {
                *t_locate += ds_now_ms() - t1;
                continue;
            }
            if (pass < 2) {
                ds_mrzband probe = cur->band;
                reframe[flip] = ds_mrzband_reframe(&probe, 36);
            } else if (pass < 4) {
                ds_mrzband_reframe(&cur->band, 36);
            }
            double t2 = ds_now_ms();
            *t_locate += t2 - t1;
            /* lines washed out by a glare are an MRZ's, not a paragraph's */
            split = split || !cur->band.washed;
            recognise(s, cur);
            double t3 = ds_now_ms();
            *t_ocr += t3 - t2;
            const ds_mrz_char *lines[DS_MRZ_MAX_LINES];
            int lens[DS_MRZ_MAX_LINES];
            for (int l = 0; l < cur->band.nlines; l++) {
                lines[l] = cur->chars[l];
                lens[l] = cur->band.nchars[l];
            }
            /* On an MRZ that runs off the image nothing is repaired into the
             * cut characters, and a failing check is a misreading. */
            ds_mrz_char clip[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
            const ds_mrz_char *plines[DS_MRZ_MAX_LINES];
            ds_mrz_clip_chars(cur->band.clipped, lines, lens, cur->band.nlines, clip);
            for (int l = 0; l < cur->band.nlines; l++)
                plines[l] = clip[l];
            cur->parsed = ds_mrz_parse_ocr(plines, lens, cur->band.nlines, s->today_year,
                                           &cur->mrz) == DS_OK;
            if (cur->parsed)
                ds_mrz_clip_mark(&cur->mrz, cur->band.clipped);
            ds_mrz_accept(lines, lens, cur->band.nlines, cur->parsed ? &cur->mrz : NULL,
                          cur->band.pitch_err, &cur->acc);
            /* A band split strictly is a second guess at its lines: its
             * reading is taken only when every check digit confirms it, and
             * one refused is no MRZ's layout either (its band, cut on a
             * guess, is not where the image quality is measured). */
            if (cur->band.strict && !(cur->parsed && cur->mrz.valid)) {
                if (cur->acc.accepted)
                    cur->acc.reason = "split strictly, checks not all valid";
                cur->acc.accepted = false;
                cur->acc.mrz_like = false;
            }
            if (cur->acc.mrz_like)
                *mrz_like = 1;
            if (pass < 2)
                washed44[flip] = cur->band.nlines == 2 && cur->band.nchars[0] == 36 &&
                                 !cur->band.clipped && !(cur->parsed && cur->mrz.valid);
            cur->washed44 = pass >= 4;
            *t_parse += ds_now_ms() - t3;
            if (!*found || better(cur, best)) {
                ds_mrzband_free(&best->band);
                *best = *cur;
                memset(&cur->band, 0, sizeof cur->band);
                *found = 1;
            } else {
                ds_mrzband_free(&cur->band);
            }
        }
        *nregions += split;
        /* A valid, confident reading ends the search. */
        if (*found && best->parsed && best->mrz.valid && best->mean_logp > -0.1)
            break;
    }
    /* A page laid crooked on the platen (beyond the skew the upright search
     * covers) is searched once more at a slant, only when the upright
     * search found no region that splits into lines: a slanted page has
     * no long upright lines of text, while a page of ordinary text, or an
     * MRZ that is upright but misread, has (and is not searched again, which
     * would cost a page of text about three times its search), or when
     * the best reading is not valid and was cut at a steep skew, where the
     * upright search is at its limit. Its candidates go through the same
     * loop. */
    if (!tilted && (*nregions == 0 || (*found && !(best->parsed && best->mrz.valid) &&
                                       fabsf(best->band.skew_deg) > 8.0f))) {
        tilted = 1;
        t0 = ds_now_ms();
        err = ds_mrz_locate_tilted(page, cand, &nc);
        *t_locate += ds_now_ms() - t0;
        if (err != DS_OK)
            goto out;
        goto candidates;
    }
out:
    if (cur)
        ds_mrzband_free(&cur->band);
    free(cur);
    return err;
}

/*
 * Finds and reads the MRZ on one page (search_page, which says what found,
 * mrz_like and nregions are). A colour laser print-out of a scan, scanned
 * again, prints every gray as a halftone's dots: they break the strokes and
 * join the lines' characters into no bar, and its MRZ is not found even at
 * 300 dpi (heldout10). When the page shows such dots
 * (ds_mrz_halftone_share at DS_MRZ_HALFTONE or more) and no valid MRZ
 * was read, the page is searched again descreened (ds_mrz_descreen), and
 * the better reading kept (reading.descreened: the printed page is read
 * descreened too); a page without dots is searched once.
 */
static ds_error read_page(const ds_scanner *s, PIX *page, reading *best, int *found,
                          int *mrz_like, int *nregions, double *t_locate, double *t_ocr,
                          double *t_parse)
{
    ds_error err = search_page(s, page, best, found, mrz_like, nregions, t_locate, t_ocr, t_parse);
    if (err != DS_OK || (*found && best->acc.accepted && best->parsed && best->mrz.valid))
        return err;
    double t0 = ds_now_ms();
    if (ds_mrz_halftone_share(page) < DS_MRZ_HALFTONE) {
        *t_locate += ds_now_ms() - t0;
        return DS_OK;
    }
    PIX *smooth = ds_mrz_descreen(page);
    reading *alt = smooth ? calloc(1, sizeof *alt) : NULL;
    *t_locate += ds_now_ms() - t0;
    if (!alt) {
        pixDestroy(&smooth);
        return DS_ERR_NOMEM;
    }
    int afound = 0, alike = 0, aregions = 0;
    err = search_page(s, smooth, alt, &afound, &alike, &aregions, t_locate, t_ocr, t_parse);
    if (err == DS_OK && afound && (!*found || better(alt, best))) {
        ds_mrzband_free(&best->band);
        alt->descreened = 1;
        *best = *alt;
        memset(&alt->band, 0, sizeof alt->band);
        *found = 1;
    }
    *mrz_like |= alike;
    if (aregions > *nregions)
        *nregions = aregions;
    ds_mrzband_free(&alt->band);
    free(alt);
    pixDestroy(&smooth);
    return err;
}

/* Maps a box of the upright frame back to the page, in place. */
static void box_to_page(PIX *page, const ds_mrzband *band, int box[4])
{
    int b[4];
    ds_viz_map_to_page(page, band, box, b);
    memcpy(box, b, sizeof b);
}

/* Reads the printed data page above the MRZ and compares it with the MRZ.
 * shift, when not NULL, moves the MRZ's box in the upright frame by dx, dy,
 * dw, dh first (ds_scan_viz_shifted). */
static ds_error read_viz(ds_viz_reader *engine, PIX *page, reading *r, ds_viz *viz, int page_no,
                         ds_flags *flags, const int shift[4])
{
    ds_error err = DS_OK;
    PIX *upright = NULL;
    int mrz_bbox[4];
    err = ds_viz_upright(page, &r->band, &upright, mrz_bbox);
    if (err != DS_OK)
        goto out;
    for (int i = 0; shift && i < 4; i++)
        mrz_bbox[i] += shift[i];
    err = ds_viz_read(engine, upright, mrz_bbox, r->band.nchars[0], &r->mrz, viz);
    if (err != DS_OK)
        goto out;
    /* Compared in the upright frame (rows and lines of the page are
     * horizontal there); then the boxes go back to page coordinates for
     * the report and the annotation. */
    ds_viz_compare(viz, &r->mrz, flags, page_no);
    for (int i = 0; i < DS_VIZ_FIELD_COUNT; i++)
        if (viz->field[i].found)
            box_to_page(page, &r->band, viz->field[i].bbox);
    for (int i = 0; i < viz->ndates; i++)
        box_to_page(page, &r->band, viz->dates[i].bbox);
    for (int i = 0; i < viz->nnumbers; i++)
        box_to_page(page, &r->band, viz->numbers[i].bbox);
    for (int i = 0; i < viz->nlines; i++)
        box_to_page(page, &r->band, viz->lines[i].bbox);
out:
    pixDestroy(&upright);
    return err;
}

/* Writes the page with the MRZ, each field read and each flagged field boxed. */
static void annotate_page(const char *path, int page_no, int npages, PIX *page, const reading *r,
                          const ds_viz *viz, const ds_sup_page *sup, const ds_flags *flags,
                          int first_flag)
{
    ds_annotate *a = calloc(1, sizeof *a);
    char out[4096];
    if (!a)
        return;
    if (npages > 1) {
        const char *dot = strrchr(path, '.');
        int stem = dot && !strchr(dot, '/') ? (int)(dot - path) : (int)strlen(path);
        snprintf(out, sizeof out, "%.*s-%d%s", stem, path, page_no, dot && !strchr(dot, '/') ? dot : "");
    } else {
        snprintf(out, sizeof out, "%s", path);
    }
    int mrz_flagged = 0;
    for (int i = first_flag; i < flags->count; i++)
        if (flags->item[i].page == page_no && strcmp(flags->item[i].source, "mrz") == 0 &&
            flags->item[i].severity >= DS_SEV_WARNING)
            mrz_flagged = 1;
    if (r)
        ds_annotate_add(a, r->band.bbox[0], r->band.bbox[1], r->band.bbox[2], r->band.bbox[3],
                        mrz_flagged ? DS_ANNOTATE_FLAGGED : DS_ANNOTATE_MRZ,
                        mrz_flagged ? "MRZ: flagged" : "MRZ");
    for (int i = 0; viz && i < DS_VIZ_FIELD_COUNT; i++) {
        const ds_viz_field *f = &viz->field[i];
        if (!f->found)
            continue;
        const char *name = ds_viz_field_name((ds_viz_field_id)i);
        int flagged = f->status == DS_VIZ_MISMATCH;
        for (int k = first_flag; k < flags->count && !flagged; k++)
            flagged = flags->item[k].page == page_no && flags->item[k].severity >= DS_SEV_WARNING &&
                      strcmp(flags->item[k].field, name) == 0;
        char label[DS_ANNOTATE_LABEL_MAX];
        snprintf(label, sizeof label, "%s: %s", name, ds_viz_status_name(f->status));
        ds_annotate_add(a, f->bbox[0], f->bbox[1], f->bbox[2], f->bbox[3],
                        flagged ? DS_ANNOTATE_FLAGGED : DS_ANNOTATE_FIELD, label);
    }
    ds_annotate_support(a, sup, flags->item + first_flag, flags->count - first_flag, page_no);
    if (ds_annotate_write(out, page, a) != DS_OK)
        fprintf(stderr, "docscreen: could not write the annotated page %s\n", out);
    free(a);
}

/* The typed MRZ of the best reading: its lines (as parsed, else as read),
 * confidences and placement; the parse's fields are filled by the report. */
static void mrz_result(const reading *r, ds_mrz_result *o)
{
    o->nlines = r->band.nlines < DS_MRZ_LINES_MAX ? r->band.nlines : DS_MRZ_LINES_MAX;
    for (int l = 0; l < o->nlines; l++) {
        if (r->parsed) {
            snprintf(o->lines[l], sizeof o->lines[l], "%s", r->mrz.lines[l]);
        } else {
            int n = r->band.nchars[l] < DS_MRZ_LINE_MAX ? r->band.nchars[l] : DS_MRZ_LINE_MAX;
            for (int k = 0; k < n; k++)
                o->lines[l][k] = r->chars[l][k].c;
            o->lines[l][n] = 0;
        }
    }
    o->confidence = round(exp(r->mean_logp) * 1000) / 1000;
    o->min_char_confidence = round(r->min_p * 1000) / 1000;
    memcpy(o->bbox, r->band.bbox, sizeof o->bbox);
    o->rotation = r->band.rotation;
    o->skew_deg = round(r->band.skew_deg * 10) / 10;
}

/* Every page of the decoded file into r; file_bytes for the file's own
 * evidence. */
static ds_error scan_pages(ds_scanner *s, const ds_pages *pages, const uint8_t *bytes,
                           size_t nbytes, const ds_scan_params *p, ds_report *r, double t_start)
{
    ds_error err = DS_OK;
    const ds_case *case_record = p ? p->case_record : NULL;
    const char *annotate = p ? p->annotate_path : NULL;
    ds_flags *flags = calloc(1, sizeof *flags);
    reading *best = calloc(1, sizeof *best);
    ds_viz *viz = calloc(1, sizeof *viz);
    json_t *bdocs = json_array();
    ds_viz_reader *engine = NULL;
    ds_forensics file_forensics;
    ds_timings *t = &r->timing;

    memset(&file_forensics, 0, sizeof file_forensics);
    if (!flags || !best || !viz || !bdocs) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    /* A PDF's own evidence is read by ds_scan_pdf, not as an image file's. */
    if (s->opt.forensics && pages->format != DS_FORMAT_PDF)
        ds_forensics_scan_bytes(bytes, nbytes, &file_forensics);
    r->format = ds_format_name(pages->format);
    r->pages = pages->count;
    memcpy(r->screened_on, s->opt.today, sizeof r->screened_on);
    if (case_record) {
        r->has_case = true;
        ds_copy_utf8(r->case_id, sizeof r->case_id, case_record->case_id);
    }
    for (int pg = 0; pg < pages->count; pg++) {
        PIX *gray = pages->page[pg].gray;
        int found = 0, mrz_like = 0, nregions = 0;
        ds_doc_detail *x = NULL;
        memset(best, 0, sizeof *best);
        err = read_page(s, gray, best, &found, &mrz_like, &nregions, &t->locate, &t->ocr,
                        &t->parse);
        if (err != DS_OK)
            goto out;
        /* A reading ds_mrz_accept refused is not an MRZ: it is not reported,
         * and nothing (check digits, the case record, the printed page,
         * barcodes) is compared with it. */
        /* A refused reading that still has the layout of an MRZ (a bad scan
         * of a real one) is where the image quality is measured, so that the
         * rescan request says why. */
        int quality_region = found;
        if (found && !best->acc.accepted) {
            found = 0;
            /* (a band split strictly and refused was cut on a guess) */
            quality_region = (best->acc.mrz_like || nregions < 2) && !best->band.strict;
        }
        ds_doc *doc = ds_report_add_document(r, pg, &x);
        if (!doc) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        int usable = found && best->parsed;
        doc->type = usable ? (ds_doc_type)best->mrz.type : DS_DOC_OTHER;
        doc->width = (int)pixGetWidth(gray);
        doc->height = (int)pixGetHeight(gray);
        doc->dpi = pages->page[pg].dpi > 0 ? pages->page[pg].dpi : 0;
        doc->has_mrz = found;
        if (found) {
            mrz_result(best, &doc->mrz);
            x->parsed = best->parsed;
            if (best->parsed)
                x->mrz = best->mrz;
        }
        if (s->opt.fingerprints) {
            doc->has_dhash = ds_page_dhash(gray, found ? best->band.bbox : NULL, found ? best->band.rotation : 0, &doc->dhash) == DS_OK;
        }
        int first_flag = flags->count;
        if (usable) {
            ds_check_mrz(&best->mrz, pg, flags);
            ds_check_case(&best->mrz, case_record, s->opt.today, pg, flags);
        }
        memset(viz, 0, sizeof *viz);
        int viz_read = 0;
        if (usable && s->opt.viz) {
            double t_v = ds_now_ms();
            if (!engine)
                engine = engine_take(s, &err);
            if (!engine)
                goto out;
            /* A halftone's dots cost the printed-page reader a minute a
             * page: it reads the page as its MRZ was read. */
            PIX *smooth = best->descreened ? ds_mrz_descreen(gray) : NULL;
            viz_read = read_viz(engine, smooth ? smooth : gray, best, viz, pg, flags, NULL) == DS_OK;
            pixDestroy(&smooth);
            t->viz += ds_now_ms() - t_v;
        }
        doc->printed_read = viz_read;
        if (viz_read)
            memcpy(x->viz, viz->field, sizeof x->viz);
        /* Barcodes, and what kind of page it is: a supporting page is read
         * and checked against the case (scan/support.h). */
        ds_page_class pclass = DS_PC_OTHER;
        json_t *bcs = ds_scan_page_kind(s->sup, &s->opt, &pages->page[pg], pg,
                                        usable ? &best->mrz : NULL, case_record, s->trust,
                                        s->today_year, flags, doc, x, t, &pclass);
        if (!bcs) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        bool supporting = pclass != DS_PC_OTHER && pclass != DS_PC_IDENTITY;
        /* A born-digital PDF page (made as a file, with its own text) is no
         * scan: no rescan request about its MRZ or its image quality. */
        bool born_digital = pages->page[pg].text &&
                            pages->page[pg].text->nwords >= DS_SCAN_BORN_DIGITAL_WORDS;
        /* A page read clearly as text of no known type, without the
         * wording of an identity document (no "passport", at most two
         * captions such as "surname" or "place of birth", which a birth
         * entry or a form prints too: ds_sup_identity_wording), is no
         * identity page whose MRZ was missed: a page of an unknown kind. */
        const ds_sup_page *sp = x->support;
        bool plain_text = sp && sp->read && sp->cls.type == DS_PC_OTHER &&
                          !ds_sup_identity_wording(&sp->cls) && sp->nwords >= DS_SCAN_TEXT_WORDS &&
                          sp->mean_conf >= DS_SCAN_TEXT_CONF;
        /* Regions of long text lines (ds_scan_text_regions). */
        bool text_regions = ds_scan_text_regions(mrz_like, nregions, pclass, sp);
        x->barcodes = bcs;
        /* What a page with no usable MRZ is, said once for the quality
         * measure and the flag below: read from its barcodes, a page of
         * text (no identity document), or an identity page whose MRZ was
         * missed (MRZ_NOT_FOUND a warning, and the page's own quality says
         * whether it could hold a readable MRZ at all). */
        enum { MRZ_READ, NO_MRZ_BARCODES, NO_MRZ_TEXT, NO_MRZ_MISSED } no_mrz = NO_MRZ_MISSED;
        if (usable)
            no_mrz = MRZ_READ;
        else if (json_array_size(bcs) > 0)
            no_mrz = NO_MRZ_BARCODES;
        else if (text_regions || (!mrz_like && plain_text) || supporting || born_digital)
            no_mrz = NO_MRZ_TEXT;
        if (s->opt.forensics) {
            ds_forensics f = file_forensics;
            /* A PDF page that is an embedded JPEG (a scan) is checked from
             * its own JPEG bytes, as a JPEG file is; a rendered page is no
             * photograph and has none. */
            const ds_pdf_page_src *src =
                pages->pdf && pg < pages->pdf->npages ? &pages->pdf->page[pg] : NULL;
            bool own_jpeg = src && src->dct && src->dct_len > 0;
            if (own_jpeg)
                ds_forensics_scan_bytes(src->dct, src->dct_len, &f);
            /* A text page's double-JPEG test needs stronger evidence. */
            if (supporting || plain_text)
                ds_scan_support_double_jpeg(&f);
            /* A page read as a supporting document had its text read: the
             * MRZ's rescan request is not about it. */
            if (quality_region && !supporting && !born_digital)
                ds_forensics_quality(gray, best->band.bbox, best->band.nchars[0],
                                     best->band.rotation == 90 || best->band.rotation == 270, NULL,
                                     &f);
            else if (no_mrz == NO_MRZ_MISSED)
                ds_forensics_page_quality(gray, pages->page[pg].dpi, &f);
            /* Evidence in the file is reported once, on its first page. */
            if (pg > 0 && !own_jpeg)
                f.edited = false, f.nevidence = 0;
            ds_forensics_check(&f, pg, flags);
            x->image_ran = true;
            x->image_with_file = pg == 0 || own_jpeg;
            x->image = f;
        }
        if (no_mrz == NO_MRZ_BARCODES)
            ds_flags_add(flags, pg, DS_FLAG_MRZ_NOT_FOUND, DS_SEV_INFO, "mrz", NULL, NULL, NULL,
                         "This page has no machine-readable zone; its data was read from its "
                         "barcodes.");
        else if (no_mrz == NO_MRZ_TEXT)
            ds_flags_add(flags, pg, DS_FLAG_MRZ_NOT_FOUND, DS_SEV_INFO, "mrz", NULL, NULL, NULL,
                         "This page has no machine-readable zone and reads as ordinary text (a "
                         "letter, statement or form), not as an identity document.");
        else if (no_mrz == NO_MRZ_MISSED)
            ds_check_mrz(NULL, pg, flags);
        /* What the driver-licence front reader needs of each page. */
        json_array_append_new(bdocs, json_pack("{s:i,s:s,s:O}", "page", pg, "type",
                                               ds_doc_type_name(doc->type), "barcodes", bcs));
        if (annotate)
            annotate_page(annotate, pg, pages->count, gray, found ? best : NULL,
                          viz_read ? viz : NULL, x->support, flags, first_flag);
        ds_mrzband_free(&best->band);
    }
    if (pages->pdf) {
        if (s->opt.forensics && !engine && ds_scan_pdf_has_text(pages) &&
            !(engine = engine_take(s, &err)))
            goto out;
        int pdf_first = flags->count;
        err = ds_scan_pdf(pages, engine ? ds_viz_reader_tess(engine) : NULL, s->opt.forensics,
                          flags, r);
        if (err != DS_OK)
            goto out;
        /* The PDF's evidence boxes on the pages annotated above. */
        if (annotate && ds_annotate_flag_boxes(annotate, pages->count, flags->item + pdf_first,
                                               flags->count - pdf_first) != DS_OK)
            fprintf(stderr, "docscreen: could not add the PDF's evidence to the annotated pages\n");
    }
    /* A driver licence's printed front against its barcode, across pages,
     * read by the printed-page reader's engine. */
    if (s->opt.barcodes && s->opt.viz && ds_scan_barcodes_any_licence(bdocs)) {
        double t_p = ds_now_ms();
        if (!engine)
            engine = engine_take(s, &err);
        /* Without one the call tries its own and says in the report why it
         * could not read the front. */
        err = DS_OK;
        ds_scan_barcodes_printed_with(engine ? ds_viz_reader_tess(engine) : NULL, bdocs, pages,
                                      flags);
        t->barcodes += ds_now_ms() - t_p;
    }
    err = ds_report_finish_documents(r);
    if (err == DS_OK)
        err = ds_report_set_flags(r, flags);
    r->timed = true;
    t->total = ds_now_ms() - t_start;
out:
    engine_give(s, engine);
    json_decref(bdocs);
    if (best)
        ds_mrzband_free(&best->band);
    free(best);
    free(viz);
    free(flags);
    return err;
}

/* Screens bytes (owned by the caller) as the input named name. */
static ds_error scan_bytes(ds_scanner *s, const uint8_t *bytes, size_t nbytes, const char *name,
                           const ds_scan_params *p, double t_start, ds_report **out)
{
    ds_pages *pages = NULL;
    ds_error err = ds_decode_input(bytes, nbytes, &s->opt.limits, s->opt.pdf_helper, &pages);
    double t_decode = ds_now_ms() - t_start;
    if (err != DS_OK) {
        *out = ds_report_create_error(name, err);
        return *out ? err : DS_ERR_NOMEM;
    }
    ds_report *r = ds_report_create(name);
    if (!r) {
        ds_pages_free(pages);
        return DS_ERR_NOMEM;
    }
    r->timing.decode = t_decode;
    err = scan_pages(s, pages, bytes, nbytes, p, r, t_start);
    ds_pages_free(pages);
    if (err != DS_OK) {
        ds_report_free(r);
        r = ds_report_create_error(name, err);
        if (!r)
            return DS_ERR_NOMEM;
    }
    *out = r;
    return err;
}

ds_error ds_scan_mem(ds_scanner *s, const void *data, size_t len, const ds_scan_params *p,
                     ds_report **out)
{
    if (!s || !out || (!data && len))
        return DS_ERR_USAGE;
    *out = NULL;
    double t_start = ds_now_ms();
    const char *name = p && p->name ? p->name : "-";
    if (len > s->opt.limits.max_file_bytes) {
        *out = ds_report_create_error(name, DS_ERR_TOO_LARGE);
        return *out ? DS_ERR_TOO_LARGE : DS_ERR_NOMEM;
    }
    return scan_bytes(s, data, len, name, p, t_start, out);
}

ds_error ds_scan_file(ds_scanner *s, const char *path, const ds_scan_params *p, ds_report **out)
{
    if (!s || !path || !out)
        return DS_ERR_USAGE;
    *out = NULL;
    double t_start = ds_now_ms();
    const char *name = p && p->name ? p->name : path;
    uint8_t *bytes = NULL;
    size_t nbytes = 0;
    ds_error err = ds_read_file(path, s->opt.limits.max_file_bytes, &bytes, &nbytes);
    if (err != DS_OK) {
        *out = ds_report_create_error(name, err);
        return *out ? err : DS_ERR_NOMEM;
    }
    err = scan_bytes(s, bytes, nbytes, name, p, t_start, out);
    free(bytes);
    return err;
}

ds_error ds_decode_pages(const void *data, size_t len, const ds_limits *lim, int *pages)
{
    ds_limits def;
    ds_pages *pg = NULL;
    if (!data || !pages)
        return DS_ERR_USAGE;
    if (!lim) {
        ds_limits_default(&def);
        lim = &def;
    }
    ds_error err = ds_decode_input(data, len, lim, NULL, &pg);
    if (err == DS_OK)
        *pages = pg->count;
    ds_pages_free(pg);
    return err;
}

ds_error ds_scan_viz_shifted(ds_scanner *s, PIX *gray, int nshift, const int (*shift)[4],
                             ds_viz *viz, ds_flags *flags)
{
    if (!s || !gray || pixGetDepth(gray) != 8 || nshift < 0 || (nshift && !shift))
        return DS_ERR_USAGE;
    ds_error err = DS_OK;
    reading *best = calloc(1, sizeof *best);
    ds_viz *v = calloc(1, sizeof *v);
    ds_flags *f = calloc(1, sizeof *f);
    ds_viz_reader *engine = NULL;
    int found = 0, mrz_like = 0, nregions = 0;
    double t_locate = 0, t_ocr = 0, t_parse = 0;
    if (!best || !v || !f) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    err = read_page(s, gray, best, &found, &mrz_like, &nregions, &t_locate, &t_ocr, &t_parse);
    if (err == DS_OK && !(found && best->acc.accepted && best->parsed))
        err = DS_ERR_NOT_FOUND;
    if (err == DS_OK && !(engine = engine_take(s, &err)))
        goto out;
    for (int k = 0; err == DS_OK && k < nshift; k++) {
        memset(v, 0, sizeof *v);
        memset(f, 0, sizeof *f);
        err = read_viz(engine, gray, best, v, 0, f, shift[k]);
        if (viz)
            viz[k] = *v;
        if (flags)
            flags[k] = *f;
    }
out:
    if (engine)
        engine_give(s, engine);
    if (best)
        ds_mrzband_free(&best->band);
    free(best);
    free(v);
    free(f);
    return err;
}
