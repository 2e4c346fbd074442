/*
 * The typed report: its life cycle, the accessors of docscreen.h, and the
 * typed view of each document filled from the stages' records. A report
 * never holds more than its caps (DS_MAX_FLAGS per scan plus what callers
 * add, one document per decoded page); a flag a caller adds recomputes the
 * verdict, never the other way round.
 */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Flags a caller may add after the scan (the daemon's checks across cases). */
#define REPORT_FLAGS_MAX (DS_MAX_FLAGS * 2)

ds_report *ds_report_create(const char *file)
{
    ds_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->file = strdup(file ? file : "-");
    if (!r->file) {
        free(r);
        return NULL;
    }
    return r;
}

ds_report *ds_report_create_error(const char *file, ds_error err)
{
    ds_report *r = ds_report_create(file);
    if (r) {
        r->error = err;
        r->verdict = DS_VERDICT_ERROR;
    }
    return r;
}

void ds_report_free(ds_report *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->ndocs; i++) {
        json_decref(r->detail[i].barcodes);
        free(r->detail[i].support);
        free(r->barcodes[i]);
    }
    free(r->docs);
    free(r->detail);
    free(r->barcodes);
    for (int i = 0; i < r->nflags; i++)
        free(r->related[i]);
    free(r->related);
    free(r->nrelated);
    free(r->flags);
    free(r->file);
    json_decref(r->pdf);
    free(r);
}

ds_doc *ds_report_add_document(ds_report *r, int page, ds_doc_detail **detail)
{
    if (r->ndocs == r->docs_cap) {
        int cap = r->docs_cap ? r->docs_cap * 2 : 2;
        ds_doc *d = realloc(r->docs, (size_t)cap * sizeof *d);
        if (!d)
            return NULL;
        r->docs = d;
        ds_doc_detail *x = realloc(r->detail, (size_t)cap * sizeof *x);
        if (!x)
            return NULL;
        r->detail = x;
        ds_barcode_result **b = realloc(r->barcodes, (size_t)cap * sizeof *b);
        if (!b)
            return NULL;
        r->barcodes = b;
        r->docs_cap = cap;
    }
    ds_doc *d = &r->docs[r->ndocs];
    memset(d, 0, sizeof *d);
    memset(&r->detail[r->ndocs], 0, sizeof r->detail[r->ndocs]);
    r->barcodes[r->ndocs] = NULL;
    d->page = page;
    d->type = DS_DOC_OTHER;
    *detail = &r->detail[r->ndocs];
    r->ndocs++;
    return d;
}

static ds_digit_check digit(ds_check_state s)
{
    return s == DS_CHECK_OK ? DS_DIGIT_OK : s == DS_CHECK_FAIL ? DS_DIGIT_FAIL : DS_DIGIT_ABSENT;
}

static void copy(char *dst, size_t cap, const char *src) { ds_copy_utf8(dst, cap, src); }

static void fill_mrz(ds_mrz_result *o, const ds_mrz *m)
{
    o->parsed = 1;
    o->valid = m->valid;
    o->format_ok = m->format_ok;
    o->document_number = digit(m->checks.document_number);
    o->birth_date = digit(m->checks.birth_date);
    o->expiry_date = digit(m->checks.expiry_date);
    o->optional_data = digit(m->checks.optional_data);
    o->composite = digit(m->checks.composite);
    ds_mrz_fields *f = &o->fields;
    copy(f->document_code, sizeof f->document_code, m->document_code);
    copy(f->issuing_state, sizeof f->issuing_state, m->issuing_state);
    copy(f->surname, sizeof f->surname, m->surname);
    copy(f->given_names, sizeof f->given_names, m->given_names);
    copy(f->document_number, sizeof f->document_number, m->document_number);
    copy(f->nationality, sizeof f->nationality, m->nationality);
    copy(f->birth_date, sizeof f->birth_date, m->birth_date);
    copy(f->sex, sizeof f->sex, m->sex);
    copy(f->expiry_date, sizeof f->expiry_date, m->expiry_date);
    copy(f->optional_data, sizeof f->optional_data, m->optional_data);
    copy(f->optional_data_2, sizeof f->optional_data_2, m->optional_data2);
    o->name_truncated = m->name_truncated;
    o->clipped = m->clipped;
    o->nrepairs = 0;
    for (int i = 0; i < m->nrepairs && i < DS_REPAIRS_MAX; i++) {
        o->repairs[i].line = m->repairs[i].line;
        o->repairs[i].pos = m->repairs[i].pos;
        o->repairs[i].from = m->repairs[i].from;
        o->repairs[i].to = m->repairs[i].to;
        o->repairs[i].by_prior = m->repairs[i].prior;
        o->nrepairs++;
    }
}

static void fill_printed(ds_doc *d, const ds_doc_detail *x)
{
    for (int i = 0; i < DS_VIZ_FIELD_COUNT && d->nprinted < DS_PRINTED_FIELDS_MAX; i++) {
        const ds_viz_field *f = &x->viz[i];
        if (!f->found)
            continue;
        ds_printed_field *o = &d->printed[d->nprinted++];
        o->name = ds_viz_field_name((ds_viz_field_id)i);
        copy(o->value, sizeof o->value, f->value);
        copy(o->normalized, sizeof o->normalized, f->norm);
        o->confidence = round(f->confidence * 10) / 10;
        o->status = f->status == DS_VIZ_MATCH          ? DS_FIELD_MATCH
                    : f->status == DS_VIZ_MISMATCH     ? DS_FIELD_MISMATCH
                    : f->status == DS_VIZ_UNVERIFIABLE ? DS_FIELD_UNVERIFIABLE
                                                       : DS_FIELD_NOT_FOUND;
        memcpy(o->bbox, f->bbox, sizeof o->bbox);
    }
}

static void fill_image(ds_image_evidence *o, const ds_doc_detail *x)
{
    const ds_forensics *f = &x->image;
    o->present = x->image_ran;
    o->jpeg_quality = -1;
    if (x->image_with_file) {
        copy(o->software, sizeof o->software, f->software);
        o->jpeg_quality = f->jpeg_quality > 0 ? f->jpeg_quality : -1;
        for (int i = 0; i < f->nevidence && i < DS_EVIDENCE_MAX; i++)
            copy(o->evidence[o->nevidence++], sizeof o->evidence[0], f->evidence[i]);
    }
    if (f->measured) {
        o->measured = 1;
        o->sharpness = f->sharpness;
        o->glare = f->glare;
        o->effective_dpi = (int)lroundf(f->dpi);
    }
}

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static ds_error fill_barcodes(ds_report *r, int k)
{
    json_t *arr = r->detail[k].barcodes;
    size_t n = json_array_size(arr);
    ds_doc *d = &r->docs[k];
    d->nbarcodes = 0;
    d->barcodes = NULL;
    if (n == 0)
        return DS_OK;
    ds_barcode_result *b = calloc(n, sizeof *b);
    if (!b)
        return DS_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(arr, i), *p = json_object_get(o, "parsed");
        copy(b[i].symbology, sizeof b[i].symbology, jstr(o, "symbology"));
        copy(b[i].decoder, sizeof b[i].decoder, jstr(o, "decoder"));
        b[i].bytes = (size_t)json_integer_value(json_object_get(o, "bytes"));
        if (strlen(jstr(o, "text")) < sizeof b[i].text)
            copy(b[i].text, sizeof b[i].text, jstr(o, "text"));
        json_t *bb = json_object_get(o, "bbox");
        for (int j = 0; j < 4; j++)
            b[i].bbox[j] = (int)json_integer_value(json_array_get(bb, (size_t)j));
        copy(b[i].parsed_type, sizeof b[i].parsed_type, jstr(p, "type"));
        copy(b[i].parsed_status, sizeof b[i].parsed_status, jstr(p, "status"));
    }
    free(r->barcodes[k]);
    r->barcodes[k] = b;
    d->nbarcodes = (int)n;
    d->barcodes = b;
    return DS_OK;
}

ds_error ds_report_finish_documents(ds_report *r)
{
    for (int k = 0; k < r->ndocs; k++) {
        ds_doc *d = &r->docs[k];
        const ds_doc_detail *x = &r->detail[k];
        if (x->parsed)
            fill_mrz(&d->mrz, &x->mrz);
        d->nprinted = 0;
        fill_printed(d, x);
        memset(&d->image, 0, sizeof d->image);
        fill_image(&d->image, x);
        if (x->support) {
            snprintf(d->page_class, sizeof d->page_class, "%s",
                     ds_page_class_name(x->support->cls.type));
            d->page_class_confidence = x->support->cls.confidence;
        } else if (!strcmp(x->class_by, "mrz") || !strcmp(x->class_by, "barcode")) {
            snprintf(d->page_class, sizeof d->page_class, "identity");
            d->page_class_confidence = 0.99;
        } else if (!d->page_class[0]) {
            snprintf(d->page_class, sizeof d->page_class, "other");
        }
        ds_error err = fill_barcodes(r, k);
        if (err != DS_OK)
            return err;
    }
    return DS_OK;
}

static void recompute_verdict(ds_report *r)
{
    if (r->error != DS_OK) {
        r->verdict = DS_VERDICT_ERROR;
        return;
    }
    r->verdict = r->dropped ? DS_VERDICT_REVIEW : DS_VERDICT_CLEAR;
    for (int i = 0; i < r->nflags; i++)
        if (r->flags[i].severity >= DS_SEV_WARNING)
            r->verdict = DS_VERDICT_REVIEW;
}

static ds_error push_flag(ds_report *r, const ds_flag *f, const ds_related *rel, int nrel)
{
    if (r->nflags >= REPORT_FLAGS_MAX) {
        r->dropped++;
        return DS_OK;
    }
    if (r->nflags == r->flags_cap) {
        int cap = r->flags_cap ? r->flags_cap * 2 : 8;
        ds_flag *n = realloc(r->flags, (size_t)cap * sizeof *n);
        if (!n)
            return DS_ERR_NOMEM;
        r->flags = n;
        ds_related **rl = realloc(r->related, (size_t)cap * sizeof *rl);
        if (!rl)
            return DS_ERR_NOMEM;
        r->related = rl;
        int *nr = realloc(r->nrelated, (size_t)cap * sizeof *nr);
        if (!nr)
            return DS_ERR_NOMEM;
        r->nrelated = nr;
        r->flags_cap = cap;
    }
    ds_related *copy = NULL;
    if (nrel > 0) {
        copy = malloc((size_t)nrel * sizeof *copy);
        if (!copy)
            return DS_ERR_NOMEM;
        for (int i = 0; i < nrel; i++) {
            copy[i] = rel[i];
            copy[i].case_id[sizeof copy[i].case_id - 1] = 0;
        }
    }
    r->related[r->nflags] = copy;
    r->nrelated[r->nflags] = nrel > 0 ? nrel : 0;
    r->flags[r->nflags++] = *f;
    return DS_OK;
}

ds_error ds_report_set_flags(ds_report *r, const ds_flags *flags)
{
    for (int i = 0; i < r->nflags; i++)
        free(r->related[i]);
    r->nflags = 0;
    r->dropped = flags->dropped;
    for (int i = 0; i < flags->count; i++) {
        ds_error err = push_flag(r, &flags->item[i], NULL, 0);
        if (err != DS_OK)
            return err;
    }
    recompute_verdict(r);
    return DS_OK;
}

ds_error ds_report_add_flag(ds_report *r, const ds_flag *f)
{
    return ds_report_add_flag_related(r, f, NULL, 0);
}

ds_error ds_report_add_flag_related(ds_report *r, const ds_flag *f, const ds_related *rel,
                                    int nrel)
{
    if (!r || !f || (unsigned)f->code >= DS_FLAG_COUNT_ || r->error != DS_OK ||
        (unsigned)f->severity > DS_SEV_HIGH || nrel < 0 || nrel > DS_RELATED_MAX ||
        (nrel > 0 && !rel))
        return DS_ERR_USAGE;
    ds_flag c;
    memset(&c, 0, sizeof c);
    c.code = f->code;
    c.severity = f->severity;
    c.page = f->page;
    /* The caller's strings may be unterminated within their arrays. */
    char tmp[DS_FLAG_MESSAGE_MAX + 1];
#define COPY_(m)                                                  \
    memcpy(tmp, f->m, sizeof f->m);                              \
    tmp[sizeof f->m] = 0;                                         \
    ds_copy_utf8(c.m, sizeof c.m, tmp);
    COPY_(field)
    COPY_(expected)
    COPY_(found)
    COPY_(source)
    COPY_(message)
#undef COPY_
    if (!c.source[0])
        ds_copy_utf8(c.source, sizeof c.source, ds_flag_source(c.code));
    ds_error err = push_flag(r, &c, rel, nrel);
    recompute_verdict(r);
    return err;
}

ds_error ds_report_set_file(ds_report *r, const char *name)
{
    if (!r || !name)
        return DS_ERR_USAGE;
    char *n = strdup(name);
    if (!n)
        return DS_ERR_NOMEM;
    free(r->file);
    r->file = n;
    return DS_OK;
}

ds_error ds_report_set_case_id(ds_report *r, const char *case_id)
{
    if (!r || !case_id || strlen(case_id) > DS_CASE_ID_MAX)
        return DS_ERR_USAGE;
    if (!r->has_case)
        r->case_late = true;
    ds_copy_utf8(r->case_id, sizeof r->case_id, case_id);
    return DS_OK;
}

ds_error ds_report_set_refs(ds_report *r, int64_t job_id, int64_t document_id)
{
    if (!r)
        return DS_ERR_USAGE;
    r->has_refs = true;
    r->job_id = job_id;
    r->document_id = document_id;
    return DS_OK;
}

ds_error ds_report_error(const ds_report *r) { return r ? r->error : DS_ERR_USAGE; }
ds_verdict ds_report_verdict(const ds_report *r) { return r ? r->verdict : DS_VERDICT_ERROR; }
const char *ds_report_file(const ds_report *r) { return r ? r->file : NULL; }
const char *ds_report_format(const ds_report *r) { return r ? r->format : NULL; }
int ds_report_page_count(const ds_report *r) { return r ? r->pages : 0; }
int ds_report_document_count(const ds_report *r) { return r ? r->ndocs : 0; }
int ds_report_flag_count(const ds_report *r) { return r ? r->nflags : 0; }

const ds_doc *ds_report_document(const ds_report *r, int i)
{
    return r && i >= 0 && i < r->ndocs ? &r->docs[i] : NULL;
}

const ds_flag *ds_report_flag(const ds_report *r, int i)
{
    return r && i >= 0 && i < r->nflags ? &r->flags[i] : NULL;
}

int ds_report_flag_related(const ds_report *r, int i, const ds_related **out)
{
    if (!r || !out || i < 0 || i >= r->nflags)
        return 0;
    *out = r->related[i];
    return r->nrelated[i];
}

const ds_timings *ds_report_timings(const ds_report *r) { return r ? &r->timing : NULL; }

const char *ds_doc_type_name(ds_doc_type t)
{
    switch (t) {
    case DS_DOC_TD1:
        return "TD1";
    case DS_DOC_TD2:
        return "TD2";
    case DS_DOC_TD3:
        return "TD3";
    case DS_DOC_MRVA:
        return "MRVA";
    case DS_DOC_MRVB:
        return "MRVB";
    default:
        return "OTHER";
    }
}
