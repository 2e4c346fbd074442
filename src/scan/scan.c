/*
 * The pipeline for one file: decode, locate the MRZ, recognise it, parse it,
 * check it, and write the report.
 *
 * For each page the locator proposes candidate regions; each is cut out both
 * ways up and recognised, and the reading that parses best wins (a valid
 * MRZ first, then the recogniser's confidence). The report is the contract
 * of DESIGN.md and only ever grows. Nothing here writes to a log: document
 * content goes into the report and nowhere else.
 */
#include "scan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mrz/mrz.h"
#include "mrz/ocrb.h"
#include "base/base.h"
#include "check/check.h"
#include "check/rules.h"
#include "mrz/locate.h"
#include "forensics/forensics.h"
#include "page/viz.h"
#include "report/annotate.h"
#include "scan/barcodes.h"
#include "check/imagecheck.h"
#include "check/vizcheck.h"

struct ds_scanner {
    ds_scan_options opt;
    ds_ocrb *ocrb;
    ds_vds_trust *trust;
    ds_viz_reader *viz; /* created on first use */
};

void ds_scan_options_default(ds_scan_options *out)
{
    memset(out, 0, sizeof *out);
    ds_limits_default(&out->limits);
    out->barcodes = 1;
    out->viz = 1;
    out->forensics = 1;
}

ds_error ds_scanner_create(const ds_scan_options *opt, ds_scanner **out)
{
    ds_error err = DS_OK;
    ds_scanner *s = calloc(1, sizeof *s);
    if (!s)
        return DS_ERR_NOMEM;
    if (opt)
        s->opt = *opt;
    else
        ds_scan_options_default(&s->opt);
    if (!s->opt.today[0]) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(s->opt.today, sizeof s->opt.today, "%Y-%m-%d", &tm);
    }
    if (!ds_date_parse(s->opt.today, &s->opt.today_year, NULL, NULL)) {
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
    ds_viz_reader_free(s->viz);
    free(s);
}

/* One recognised MRZ with the evidence that ranks it among the others. */
typedef struct reading {
    ds_mrzband band;
    ds_mrz mrz;
    ds_mrz_char chars[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE];
    double mean_logp;
    float min_p;
    int parsed;
} reading;

static void recognise(const ds_scanner *s, reading *r)
{
    float feat[DS_OCRB_FEATURES];
    PIX *band = r->band.band;
    double sum = 0;
    int n = 0;
    r->min_p = 1;
    for (int l = 0; l < r->band.nlines; l++) {
        for (int k = 0; k < r->band.nchars[l]; k++) {
            const ds_cell *c = &r->band.cell[l][k];
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
            float p = r->chars[l][k].p;
            sum += log(p > 1e-6f ? p : 1e-6f);
            if (p < r->min_p)
                r->min_p = p;
            n++;
        }
    }
    r->mean_logp = n ? sum / n : -100;
}

/* Better readings sort first: valid, then sound format, then confidence. */
static int better(const reading *a, const reading *b)
{
    if (a->parsed != b->parsed)
        return a->parsed > b->parsed;
    if (a->parsed) {
        if (a->mrz.valid != b->mrz.valid)
            return a->mrz.valid;
        if (a->mrz.format_ok != b->mrz.format_ok)
            return a->mrz.format_ok;
    }
    return a->mean_logp > b->mean_logp;
}

/*
 * Finds and reads the MRZ on one page. *found is 0 when nothing that splits
 * into MRZ lines was found; otherwise best holds the reading.
 */
static ds_error read_page(const ds_scanner *s, PIX *page, reading *best, int *found,
                          double *t_locate, double *t_ocr, double *t_parse)
{
    ds_error err = DS_OK;
    ds_mrz_candidate cand[DS_MRZ_MAX_CANDIDATES];
    int nc = 0;
    reading *cur = calloc(1, sizeof *cur);
    double t0 = ds_now_ms();
    *found = 0;
    if (!cur)
        return DS_ERR_NOMEM;
    err = ds_mrz_locate(page, cand, &nc);
    *t_locate += ds_now_ms() - t0;
    if (err != DS_OK)
        goto out;
    for (int i = 0; i < nc; i++) {
        for (int flip = 0; flip < 2; flip++) {
            double t1 = ds_now_ms();
            memset(cur, 0, sizeof *cur);
            if (ds_mrzband_extract(page, &cand[i], flip != 0, &cur->band) != DS_OK) {
                *t_locate += ds_now_ms() - t1;
                continue;
            }
            double t2 = ds_now_ms();
            *t_locate += t2 - t1;
            recognise(s, cur);
            double t3 = ds_now_ms();
            *t_ocr += t3 - t2;
            const ds_mrz_char *lines[DS_MRZ_MAX_LINES];
            int lens[DS_MRZ_MAX_LINES];
            for (int l = 0; l < cur->band.nlines; l++) {
                lines[l] = cur->chars[l];
                lens[l] = cur->band.nchars[l];
            }
            cur->parsed = ds_mrz_parse_ocr(lines, lens, cur->band.nlines, s->opt.today_year,
                                           &cur->mrz) == DS_OK;
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
        /* A valid, confident reading ends the search. */
        if (*found && best->parsed && best->mrz.valid && best->mean_logp > -0.1)
            break;
    }
out:
    if (cur)
        ds_mrzband_free(&cur->band);
    free(cur);
    return err;
}

static json_t *check_json(ds_check_state st)
{
    return st == DS_CHECK_ABSENT ? json_null() : json_boolean(st == DS_CHECK_OK);
}

static json_t *mrz_json(const reading *r)
{
    const ds_mrz *m = &r->mrz;
    json_t *o = json_object();
    json_t *lines = json_array();
    for (int l = 0; l < r->band.nlines; l++) {
        char text[DS_MRZ_MAX_LINE + 1];
        if (r->parsed) {
            snprintf(text, sizeof text, "%s", m->lines[l]);
        } else {
            int n = r->band.nchars[l];
            for (int k = 0; k < n; k++)
                text[k] = r->chars[l][k].c;
            text[n] = 0;
        }
        json_array_append_new(lines, json_string(text));
    }
    json_object_set_new(o, "lines", lines);
    json_object_set_new(o, "valid", json_boolean(r->parsed && m->valid));
    if (r->parsed) {
        json_t *checks = json_object();
        json_object_set_new(checks, "document_number", check_json(m->checks.document_number));
        json_object_set_new(checks, "birth_date", check_json(m->checks.birth_date));
        json_object_set_new(checks, "expiry_date", check_json(m->checks.expiry_date));
        json_object_set_new(checks, "optional_data", check_json(m->checks.optional_data));
        json_object_set_new(checks, "composite", check_json(m->checks.composite));
        json_object_set_new(o, "checks", checks);
        json_object_set_new(o, "format_ok", json_boolean(m->format_ok));

        json_t *f = json_object();
        json_object_set_new(f, "document_code", json_string(m->document_code));
        json_object_set_new(f, "issuing_state", json_string(m->issuing_state));
        json_object_set_new(f, "surname", json_string(m->surname));
        json_object_set_new(f, "given_names", json_string(m->given_names));
        json_object_set_new(f, "document_number", json_string(m->document_number));
        json_object_set_new(f, "nationality", json_string(m->nationality));
        json_object_set_new(f, "birth_date", json_string(m->birth_date));
        json_object_set_new(f, "sex", json_string(m->sex));
        json_object_set_new(f, "expiry_date", json_string(m->expiry_date));
        json_object_set_new(f, "optional_data", json_string(m->optional_data));
        if (m->optional_data2[0])
            json_object_set_new(f, "optional_data_2", json_string(m->optional_data2));
        json_object_set_new(o, "fields", f);
        json_object_set_new(o, "name_truncated", json_boolean(m->name_truncated));

        json_t *reps = json_array();
        for (int i = 0; i < m->nrepairs; i++) {
            const ds_mrz_repair *rp = &m->repairs[i];
            char from[2] = {rp->from, 0}, to[2] = {rp->to, 0};
            json_array_append_new(reps, json_pack("{s:i,s:i,s:s,s:s}", "line", rp->line, "pos",
                                                  rp->pos, "from", from, "to", to));
        }
        json_object_set_new(o, "repairs", reps);
        /* Positions no check digit protects, one mask per line ('^' = unprotected). */
        json_t *unc = json_array();
        for (int l = 0; l < m->nlines; l++) {
            char mask[DS_MRZ_MAX_LINE + 1];
            int n = (int)strlen(m->lines[l]);
            for (int k = 0; k < n; k++)
                mask[k] = m->uncovered[l][k] ? '^' : '.';
            mask[n] = 0;
            json_array_append_new(unc, json_string(mask));
        }
        json_object_set_new(o, "unchecked_positions", unc);
    }
    double conf = exp(r->mean_logp);
    json_object_set_new(o, "confidence", json_real(round(conf * 1000) / 1000));
    json_object_set_new(o, "min_char_confidence", json_real(round(r->min_p * 1000) / 1000));
    json_object_set_new(o, "bbox", json_pack("[i,i,i,i]", r->band.bbox[0], r->band.bbox[1],
                                             r->band.bbox[2], r->band.bbox[3]));
    return o;
}

static json_t *flag_json(const ds_flag *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(f->code));
    json_object_set_new(o, "severity", json_string(ds_severity_name(f->severity)));
    json_object_set_new(o, "page", json_integer(f->page));
    if (f->field[0])
        json_object_set_new(o, "field", json_string(f->field));
    if (f->expected[0])
        json_object_set_new(o, "expected", json_string(f->expected));
    if (f->found[0])
        json_object_set_new(o, "found", json_string(f->found));
    json_object_set_new(o, "source", json_string(f->source));
    json_object_set_new(o, "message", json_string(f->message));
    return o;
}

static json_t *error_report(const char *path, ds_error err)
{
    json_t *r = json_object();
    json_object_set_new(r, "file", json_string(path));
    json_object_set_new(r, "error", json_pack("{s:s,s:s}", "code", ds_error_name(err), "message",
                                              ds_error_message(err)));
    json_object_set_new(r, "documents", json_array());
    json_object_set_new(r, "flags", json_array());
    json_object_set_new(r, "verdict", json_string("error"));
    return r;
}

static double ms3(double v) { return round(v * 1000) / 1000; }

/* Maps a box of the upright frame back to the page, in place. */
static void box_to_page(PIX *page, const ds_mrzband *band, int box[4])
{
    int b[4];
    ds_viz_map_to_page(page, band, box, b);
    memcpy(box, b, sizeof b);
}

/* Reads the printed data page above the MRZ and compares it with the MRZ. */
static ds_error read_viz(ds_scanner *s, PIX *page, reading *r, ds_viz *viz, int page_no,
                         ds_flags *flags)
{
    ds_error err = DS_OK;
    PIX *upright = NULL;
    int mrz_bbox[4];
    if (!s->viz) {
        err = ds_viz_reader_create(NULL, &s->viz);
        if (err != DS_OK)
            return err;
    }
    err = ds_viz_upright(page, &r->band, &upright, mrz_bbox);
    if (err != DS_OK)
        goto out;
    err = ds_viz_read(s->viz, upright, mrz_bbox, r->band.nchars[0], &r->mrz, viz);
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

static json_t *viz_json(const ds_viz *viz, PIX *page, const ds_mrzband *band)
{
    json_t *o = json_object(), *fields = json_object();
    (void)page;
    (void)band;
    json_object_set_new(o, "read", json_boolean(viz != NULL));
    for (int i = 0; viz && i < DS_VIZ_FIELD_COUNT; i++) {
        const ds_viz_field *f = &viz->field[i];
        if (!f->found)
            continue;
        json_t *jf = json_object();
        json_object_set_new(jf, "value", json_string(f->value));
        if (f->norm[0])
            json_object_set_new(jf, "normalized", json_string(f->norm));
        json_object_set_new(jf, "confidence", json_real(round(f->confidence * 10) / 10));
        json_object_set_new(jf, "status", json_string(ds_viz_status_name(f->status)));
        if (f->placed)
            json_object_set_new(jf, "placed_by",
                                json_string(i == DS_VIZ_BIRTH_DATE || i == DS_VIZ_EXPIRY_DATE
                                                ? "date_order"
                                                : i == DS_VIZ_SURNAME     ? "given_names_line"
                                                : i == DS_VIZ_GIVEN_NAMES ? "after_surname"
                                                                          : "likeness_to_mrz"));
        if (f->reads > 1) {
            json_t *rd = json_pack("{s:i,s:i,s:i,s:i}", "total", f->reads, "same", f->same,
                                   "same_confident", f->agree, "mrz_value", f->against);
            if (rd && (i == DS_VIZ_DOCUMENT_NUMBER || i == DS_VIZ_PASSPORT_NUMBER))
                json_object_set_new(rd, "near_mrz_value", json_integer(f->near));
            if (rd)
                json_object_set_new(rd, "sure", json_integer(f->sure));
            if (rd && f->keep > 0)
                json_object_set_new(rd, "keep_digits", json_integer(f->keep));
            json_object_set_new(jf, "readings", rd);
        }
        json_object_set_new(jf, "bbox",
                            json_pack("[i,i,i,i]", f->bbox[0], f->bbox[1], f->bbox[2], f->bbox[3]));
        json_object_set_new(fields, ds_viz_field_name((ds_viz_field_id)i), jf);
    }
    json_object_set_new(o, "fields", fields);
    return o;
}

static json_t *forensics_json(const ds_forensics *f, int with_file)
{
    json_t *o = json_object();
    if (with_file) {
        if (f->software[0])
            json_object_set_new(o, "software", json_string(f->software));
        if (f->jpeg_quality > 0)
            json_object_set_new(o, "jpeg_quality", json_integer(f->jpeg_quality));
        json_t *ev = json_array();
        for (int i = 0; i < f->nevidence; i++)
            json_array_append_new(ev, json_string(f->evidence[i]));
        json_object_set_new(o, "edit_evidence", ev);
    }
    if (f->measured) {
        json_object_set_new(o, "sharpness", json_real(round(f->sharpness * 1000) / 1000));
        json_object_set_new(o, "effective_dpi", json_integer((json_int_t)lroundf(f->dpi)));
        json_object_set_new(o, "glare", json_real(round(f->glare * 1000) / 1000));
    }
    return o;
}

/* Writes the page with the MRZ, each field read and each flagged field boxed. */
static void annotate_page(const char *path, int page_no, int npages, PIX *page, const reading *r,
                          const ds_viz *viz, const ds_flags *flags, int first_flag)
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
    if (ds_annotate_write(out, page, a) != DS_OK)
        fprintf(stderr, "docscreen: could not write the annotated page %s\n", out);
    free(a);
}

ds_error ds_scan_file(ds_scanner *s, const char *path, json_t **out_report)
{
    return ds_scan_file_case(s, path, NULL, out_report);
}

ds_error ds_scan_file_case(ds_scanner *s, const char *path, const ds_case *case_record,
                           json_t **out_report)
{
    ds_error err = DS_OK;
    ds_pages *pages = NULL;
    ds_flags *flags = NULL;
    reading *best = NULL;
    json_t *report = NULL, *docs = NULL;
    double t_start = ds_now_ms(), t_locate = 0, t_ocr = 0, t_parse = 0, t_decode = 0;
    double t_barcodes = 0, t_viz = 0;
    uint8_t *bytes = NULL;
    size_t nbytes = 0;
    ds_forensics file_forensics;
    ds_viz *viz = NULL;

    memset(&file_forensics, 0, sizeof file_forensics);
    if (!s || !path || !out_report)
        return DS_ERR_USAGE;
    err = ds_read_file(path, s->opt.limits.max_file_bytes, &bytes, &nbytes);
    if (err == DS_OK)
        err = ds_decode_mem(bytes, nbytes, &s->opt.limits, &pages);
    t_decode = ds_now_ms() - t_start;
    if (err != DS_OK) {
        free(bytes);
        *out_report = error_report(path, err);
        return err;
    }
    if (s->opt.forensics)
        ds_forensics_scan_bytes(bytes, nbytes, &file_forensics);
    flags = calloc(1, sizeof *flags);
    best = calloc(1, sizeof *best);
    viz = calloc(1, sizeof *viz);
    report = json_object();
    docs = json_array();
    if (!flags || !best || !viz || !report || !docs) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    json_object_set_new(report, "file", json_string(path));
    json_object_set_new(report, "format", json_string(ds_format_name(pages->format)));
    json_object_set_new(report, "pages", json_integer(pages->count));
    json_object_set_new(report, "screened_on", json_string(s->opt.today));
    if (case_record)
        json_object_set_new(report, "case_id", json_string(case_record->case_id));
    for (int p = 0; p < pages->count; p++) {
        int found = 0;
        memset(best, 0, sizeof *best);
        err = read_page(s, pages->page[p].gray, best, &found, &t_locate, &t_ocr, &t_parse);
        if (err != DS_OK)
            goto out;
        json_t *doc = json_object();
        json_object_set_new(doc, "page", json_integer(p));
        int usable = found && best->parsed;
        json_object_set_new(doc, "type",
                            json_string(usable ? ds_mrz_type_name(best->mrz.type) : "OTHER"));
        json_object_set_new(doc, "width", json_integer(pixGetWidth(pages->page[p].gray)));
        json_object_set_new(doc, "height", json_integer(pixGetHeight(pages->page[p].gray)));
        if (pages->page[p].dpi > 0)
            json_object_set_new(doc, "dpi", json_integer(pages->page[p].dpi));
        if (found) {
            json_object_set_new(doc, "mrz", mrz_json(best));
            json_object_set_new(doc, "orientation",
                                json_pack("{s:i,s:f}", "rotation", best->band.rotation, "skew_deg",
                                          round(best->band.skew_deg * 10) / 10));
        } else {
            json_object_set_new(doc, "mrz", json_null());
        }
        int first_flag = flags->count;
        if (usable) {
            ds_check_mrz(&best->mrz, p, flags);
            ds_check_case(&best->mrz, case_record, s->opt.today, p, flags);
        }
        memset(viz, 0, sizeof *viz);
        int viz_read = 0;
        if (usable && s->opt.viz) {
            double t_v = ds_now_ms();
            viz_read = read_viz(s, pages->page[p].gray, best, viz, p, flags) == DS_OK;
            t_viz += ds_now_ms() - t_v;
        }
        json_object_set_new(doc, "viz", viz_json(viz_read ? viz : NULL, pages->page[p].gray,
                                                 &best->band));
        if (s->opt.forensics) {
            ds_forensics f = file_forensics;
            if (found)
                ds_forensics_quality(pages->page[p].gray, best->band.bbox, best->band.nchars[0],
                                     best->band.rotation == 90 || best->band.rotation == 270, NULL,
                                     &f);
            /* Evidence in the file is reported once, on its first page. */
            if (p > 0)
                f.edited = false, f.nevidence = 0;
            ds_forensics_check(&f, p, flags);
            json_object_set_new(doc, "image", forensics_json(&f, p == 0));
        }
        double t_bc = ds_now_ms();
        json_t *bcs = s->opt.barcodes
                          ? ds_report_barcodes(pages->page[p].gray, p, usable ? &best->mrz : NULL,
                                               case_record, s->trust, s->opt.today_year, flags)
                          : json_array();
        t_barcodes += ds_now_ms() - t_bc;
        if (!usable && json_array_size(bcs) > 0)
            ds_flags_add(flags, p, "MRZ_NOT_FOUND", DS_SEV_INFO, "mrz", NULL, NULL, NULL,
                         "This page has no machine-readable zone; its data was read from its "
                         "barcodes.");
        else if (!usable)
            ds_check_mrz(NULL, p, flags);
        json_object_set_new(doc, "barcodes", bcs);
        json_array_append_new(docs, doc);
        if (s->opt.annotate_path)
            annotate_page(s->opt.annotate_path, p, pages->count, pages->page[p].gray,
                          found ? best : NULL, viz_read ? viz : NULL, flags, first_flag);
        ds_mrzband_free(&best->band);
    }
    /* A driver licence's printed front against its barcode, across pages. */
    if (s->opt.barcodes && s->opt.viz) {
        double t_p = ds_now_ms();
        ds_report_barcodes_printed(docs, pages, flags);
        t_barcodes += ds_now_ms() - t_p;
    }
    json_object_set(report, "documents", docs);
    json_t *fl = json_array();
    for (int i = 0; i < flags->count; i++)
        json_array_append_new(fl, flag_json(&flags->item[i]));
    json_object_set_new(report, "flags", fl);
    json_object_set_new(report, "verdict", json_string(ds_check_verdict(flags)));
    json_object_set_new(report, "timing_ms",
                        json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "total",
                                  ms3(ds_now_ms() - t_start), "decode", ms3(t_decode), "locate",
                                  ms3(t_locate), "ocr", ms3(t_ocr), "parse", ms3(t_parse),
                                  "viz", ms3(t_viz), "barcodes", ms3(t_barcodes)));
    *out_report = report;
    report = NULL;
out:
    if (err != DS_OK && report) {
        json_decref(report);
        report = NULL;
        *out_report = error_report(path, err);
    }
    json_decref(report);
    json_decref(docs);
    if (best)
        ds_mrzband_free(&best->band);
    free(best);
    free(viz);
    free(flags);
    free(bytes);
    ds_pages_free(pages);
    return err;
}
