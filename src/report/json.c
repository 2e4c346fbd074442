/*
 * The report as JSON: the one serializer of ds_report, writing the contract
 * of docs/contracts.md key by key in its fixed order. It reads the typed
 * documents and the stages' records kept beside them; it never changes the
 * report. Reals are written with six significant digits.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

static json_t *check_json(ds_digit_check st)
{
    return st == DS_DIGIT_ABSENT ? json_null() : json_boolean(st == DS_DIGIT_OK);
}

static json_t *box_json(const int b[4]) { return json_pack("[i,i,i,i]", b[0], b[1], b[2], b[3]); }

static json_t *mrz_json(const ds_doc *d, const ds_doc_detail *x)
{
    const ds_mrz_result *r = &d->mrz;
    const ds_mrz *m = &x->mrz;
    json_t *o = json_object();
    json_t *lines = json_array();
    for (int l = 0; l < r->nlines; l++)
        json_array_append_new(lines, json_string(r->lines[l]));
    json_object_set_new(o, "lines", lines);
    json_object_set_new(o, "valid", json_boolean(r->parsed && r->valid));
    if (r->parsed) {
        json_t *checks = json_object();
        json_object_set_new(checks, "document_number", check_json(r->document_number));
        json_object_set_new(checks, "birth_date", check_json(r->birth_date));
        json_object_set_new(checks, "expiry_date", check_json(r->expiry_date));
        json_object_set_new(checks, "optional_data", check_json(r->optional_data));
        json_object_set_new(checks, "composite", check_json(r->composite));
        json_object_set_new(o, "checks", checks);
        json_object_set_new(o, "format_ok", json_boolean(r->format_ok));

        const ds_mrz_fields *fl = &r->fields;
        json_t *f = json_object();
        json_object_set_new(f, "document_code", json_string(fl->document_code));
        json_object_set_new(f, "issuing_state", json_string(fl->issuing_state));
        json_object_set_new(f, "surname", json_string(fl->surname));
        json_object_set_new(f, "given_names", json_string(fl->given_names));
        json_object_set_new(f, "document_number", json_string(fl->document_number));
        json_object_set_new(f, "nationality", json_string(fl->nationality));
        json_object_set_new(f, "birth_date", json_string(fl->birth_date));
        json_object_set_new(f, "sex", json_string(fl->sex));
        json_object_set_new(f, "expiry_date", json_string(fl->expiry_date));
        json_object_set_new(f, "optional_data", json_string(fl->optional_data));
        if (fl->optional_data_2[0])
            json_object_set_new(f, "optional_data_2", json_string(fl->optional_data_2));
        json_object_set_new(o, "fields", f);
        json_object_set_new(o, "name_truncated", json_boolean(r->name_truncated));
        /* Only on an MRZ that runs off the image: which ends of its lines. */
        if (r->clipped)
            json_object_set_new(o, "clipped",
                                json_string(r->clipped == 3 ? "both"
                                            : r->clipped == 1 ? "start" : "end"));

        json_t *reps = json_array();
        for (int i = 0; i < r->nrepairs; i++) {
            const ds_mrz_fix *rp = &r->repairs[i];
            char from[2] = {rp->from, 0}, to[2] = {rp->to, 0};
            json_t *jr = json_pack("{s:i,s:i,s:s,s:s}", "line", rp->line, "pos", rp->pos, "from",
                                   from, "to", to);
            /* Only where no check decided: the field prior did. */
            if (rp->by_prior)
                json_object_set_new(jr, "decided_by", json_string("field_prior"));
            json_array_append_new(reps, jr);
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
    json_object_set_new(o, "confidence", json_real(r->confidence));
    json_object_set_new(o, "min_char_confidence", json_real(r->min_char_confidence));
    json_object_set_new(o, "bbox", box_json(r->bbox));
    return o;
}

static json_t *viz_json(const ds_doc_detail *x, bool read)
{
    json_t *o = json_object(), *fields = json_object();
    json_object_set_new(o, "read", json_boolean(read));
    for (int i = 0; read && i < DS_VIZ_FIELD_COUNT; i++) {
        const ds_viz_field *f = &x->viz[i];
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
            if (rd && f->first_off > 0)
                json_object_set_new(rd, "first_reading_off", json_integer(f->first_off));
            json_object_set_new(jf, "readings", rd);
        }
        json_object_set_new(jf, "bbox", box_json(f->bbox));
        json_object_set_new(fields, ds_viz_field_name((ds_viz_field_id)i), jf);
    }
    json_object_set_new(o, "fields", fields);
    return o;
}

static json_t *image_json(const ds_doc_detail *x)
{
    const ds_forensics *f = &x->image;
    json_t *o = json_object();
    if (x->image_with_file) {
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

/* A string of page text, or "" when it is not valid UTF-8 (jansson
 * refuses such strings). */
static json_t *text_json(const char *s)
{
    json_t *j = json_string(s);
    return j ? j : json_string("");
}

static json_t *class_json(const ds_doc *d, const ds_doc_detail *x)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(d->page_class[0] ? d->page_class : "other"));
    json_object_set_new(o, "confidence", json_real(round(d->page_class_confidence * 100) / 100));
    json_object_set_new(o, "decided_by", json_string(x->class_by));
    json_t *ev = json_array();
    const ds_sup_class *c = x->support ? &x->support->cls : NULL;
    for (int i = 0; c && i < c->nevidence; i++)
        json_array_append_new(ev, text_json(c->evidence[i]));
    if (!c && strcmp(x->class_by, "mrz") == 0)
        json_array_append_new(ev, json_string("machine-readable zone accepted"));
    if (!c && strcmp(x->class_by, "barcode") == 0)
        json_array_append_new(ev, json_string("identity barcode or digital seal parsed"));
    json_object_set_new(o, "evidence", ev);
    return o;
}

static json_t *support_json(const ds_sup_page *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "source",
                        json_string(p->source == DS_SUP_SRC_TEXT_LAYER ? "text_layer" : "ocr"));
    json_object_set_new(o, "words", json_integer(p->nwords));
    json_object_set_new(o, "mean_confidence", json_real(round(p->mean_conf * 10) / 10));
    json_object_set_new(o, "ms", json_real(round(p->ms * 10) / 10));
    if (p->turned)
        json_object_set_new(o, "turned", json_integer(p->turned));
    json_t *fields = json_array();
    for (int i = 0; i < p->nfields; i++) {
        const ds_sup_field *f = &p->f[i];
        json_t *jf = json_object();
        json_object_set_new(jf, "name", json_string(ds_sup_field_name(f->id)));
        json_object_set_new(jf, "value", text_json(f->value));
        json_object_set_new(jf, "normalized", text_json(f->norm));
        if (f->readings[0][0]) /* a date whose day and month could be swapped */
            json_object_set_new(jf, "readings",
                                json_pack("[ss]", f->readings[0], f->readings[1]));
        json_object_set_new(jf, "label", text_json(f->label));
        json_object_set_new(jf, "confidence", json_real(round(f->conf * 10) / 10));
        json_object_set_new(jf, "status", json_string(f->status[0] ? f->status : "not_compared"));
        json_object_set_new(jf, "bbox", box_json(f->box));
        json_array_append_new(fields, jf);
    }
    json_object_set_new(o, "fields", fields);
    return o;
}

static json_t *doc_json(const ds_doc *d, const ds_doc_detail *x)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "page", json_integer(d->page));
    json_object_set_new(doc, "type", json_string(ds_doc_type_name(d->type)));
    json_object_set_new(doc, "width", json_integer(d->width));
    json_object_set_new(doc, "height", json_integer(d->height));
    if (d->dpi > 0)
        json_object_set_new(doc, "dpi", json_integer(d->dpi));
    if (d->has_mrz) {
        json_object_set_new(doc, "mrz", mrz_json(d, x));
        json_object_set_new(doc, "orientation",
                            json_pack("{s:i,s:f}", "rotation", d->mrz.rotation, "skew_deg",
                                      d->mrz.skew_deg));
    } else {
        json_object_set_new(doc, "mrz", json_null());
    }
    json_object_set_new(doc, "viz", viz_json(x, d->printed_read));
    if (x->image_ran)
        json_object_set_new(doc, "image", image_json(x));
    json_object_set_new(doc, "barcodes", x->barcodes ? json_incref(x->barcodes) : json_array());
    if (d->has_dhash) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)d->dhash);
        json_object_set_new(doc, "dhash", json_string(hex));
        json_object_set_new(doc, "fingerprint", json_string(x->text_fingerprint ? "text" : "image"));
    }
    json_object_set_new(doc, "page_class", class_json(d, x));
    if (x->support && x->support->read)
        json_object_set_new(doc, "support", support_json(x->support));
    return doc;
}

static json_t *flag_json(const ds_flag *f, const ds_related *rel, int nrel)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(ds_flag_name(f->code)));
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
    if (f->bbox[2] > 0 && f->bbox[3] > 0)
        json_object_set_new(o, "bbox", box_json(f->bbox));
    if (nrel > 0) {
        json_t *a = json_array();
        for (int i = 0; i < nrel; i++) {
            json_t *x = json_pack("{s:I,s:s,s:i}", "document_id", (json_int_t)rel[i].document_id,
                                  "case_id", rel[i].case_id, "page", rel[i].page);
            if (x && rel[i].distance >= 0)
                json_object_set_new(x, "distance", json_integer(rel[i].distance));
            json_array_append_new(a, x);
        }
        json_object_set_new(o, "related", a);
    }
    return o;
}

static double ms3(double v) { return round(v * 1000) / 1000; }

static json_t *report_json(const ds_report *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(r->file));
    if (r->error != DS_OK) {
        json_object_set_new(o, "error", json_pack("{s:s,s:s}", "code", ds_error_name(r->error),
                                                  "message", ds_error_message(r->error)));
    } else {
        json_object_set_new(o, "format", json_string(r->format ? r->format : ""));
        json_object_set_new(o, "pages", json_integer(r->pages));
        json_object_set_new(o, "screened_on", json_string(r->screened_on));
        if (r->has_case)
            json_object_set_new(o, "case_id", json_string(r->case_id));
        if (r->pdf)
            json_object_set(o, "pdf", r->pdf);
    }
    json_t *docs = json_array();
    for (int i = 0; i < r->ndocs; i++)
        json_array_append_new(docs, doc_json(&r->docs[i], &r->detail[i]));
    json_object_set_new(o, "documents", docs);
    json_t *fl = json_array();
    for (int i = 0; i < r->nflags; i++)
        json_array_append_new(fl, flag_json(&r->flags[i], r->related[i], r->nrelated[i]));
    json_object_set_new(o, "flags", fl);
    json_object_set_new(o, "verdict", json_string(ds_verdict_name(r->verdict)));
    if (r->timed) {
        const ds_timings *t = &r->timing;
        json_object_set_new(o, "timing_ms",
                            json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "total", ms3(t->total),
                                      "decode", ms3(t->decode), "locate", ms3(t->locate), "ocr",
                                      ms3(t->ocr), "parse", ms3(t->parse), "viz", ms3(t->viz),
                                      "barcodes", ms3(t->barcodes), "support",
                                      ms3(t->support)));
    }
    if (r->has_refs) {
        json_object_set_new(o, "job_id", json_integer(r->job_id));
        json_object_set_new(o, "document_id", json_integer(r->document_id));
    }
    if (r->case_late)
        json_object_set_new(o, "case_id", json_string(r->case_id));
    return o;
}

ds_error ds_report_json(const ds_report *r, int style, char **out)
{
    if (!r || !out)
        return DS_ERR_USAGE;
    json_t *o = report_json(r);
    if (!o)
        return DS_ERR_NOMEM;
    size_t jf = JSON_REAL_PRECISION(6) | (style == DS_JSON_COMPACT ? JSON_COMPACT : JSON_INDENT(2));
    char *text = json_dumps(o, jf);
    json_decref(o);
    if (!text)
        return DS_ERR_NOMEM;
    *out = text;
    return DS_OK;
}
