/*
 * Barcodes in the report. Each symbol becomes one entry with its symbology,
 * the decoder that read it, its payload (text when printable, else hex, both
 * capped), its position and, for AAMVA driver licences and ICAO digital
 * seals, the parsed fields. Seals are verified against the trust directory;
 * a seal that fails, or whose signer is unknown, is flagged. Fields a
 * barcode shares with the MRZ or the case record are compared, and each
 * disagreement is a BARCODE_MISMATCH with both values as evidence. Once a
 * file's pages are all reported, a driving licence's barcode is also
 * compared with the licence's printed front (dlcheck.h).
 */
#include "scan/barcodes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "barcode/barcode.h"
#include "check/identity.h"
#include "page/dlfront.h"
#include "check/dlcheck.h"
#include "base/base.h"
#include "base/text.h"
#include "check/names.h"

/* Payload bytes shown as hex when the payload is not printable text. */
#define HEX_MAX_BYTES 2048

static json_t *payload_json(json_t *o, const ds_barcode *b)
{
    json_object_set_new(o, "bytes", json_integer((json_int_t)b->len));
    if (b->printable && b->text) {
        json_object_set_new(o, "text", json_string(b->text));
        return o;
    }
    size_t n = b->len < HEX_MAX_BYTES ? b->len : HEX_MAX_BYTES;
    char *hex = malloc(2 * n + 1);
    if (!hex)
        return o;
    for (size_t i = 0; i < n; i++)
        snprintf(hex + 2 * i, 3, "%02X", b->data[i]);
    hex[2 * n] = 0;
    json_object_set_new(o, "hex", json_string(hex));
    if (n < b->len)
        json_object_set_new(o, "hex_truncated", json_true());
    free(hex);
    return o;
}

static void mismatch_flags(const ds_identity_mismatches *mm, int page, const char *what, ds_flags *flags)
{
    for (int i = 0; i < mm->n; i++) {
        const ds_identity_mismatch *x = &mm->items[i];
        ds_flags_add(flags, page, DS_FLAG_BARCODE_MISMATCH, DS_SEV_HIGH, "barcode", x->field, x->expected,
                     x->found, "The %s in the %s differs from the MRZ.", x->field, what);
    }
}

/* The barcode's name and birth date against the case record. */
static void case_flags(const ds_identity_fields *f, const ds_case *c, int page, const char *what,
                       ds_flags *flags)
{
    if (!c)
        return;
    if (f->birth_date && f->birth_date[0] && c->birth_date[0] &&
        strcmp(f->birth_date, c->birth_date) != 0)
        ds_flags_add(flags, page, DS_FLAG_BARCODE_MISMATCH, DS_SEV_HIGH, "barcode", "birth_date",
                     c->birth_date, f->birth_date,
                     "The date of birth in the %s differs from the case record.", what);
    if (f->surname && f->surname[0] && (c->surname[0] || c->given_names[0])) {
        char sur[128], giv[128];
        ds_text_fold_icao(f->surname, true, sur, sizeof sur);
        ds_text_fold_icao(f->given_names ? f->given_names : "", true, giv, sizeof giv);
        ds_name_match nm;
        if (ds_names_match(sur, giv, false, c->surname, c->given_names, &nm) == DS_NAME_MISMATCH) {
            char found[256];
            snprintf(found, sizeof found, "%.120s, %.120s", f->surname,
                     f->given_names ? f->given_names : "");
            char expected[256];
            snprintf(expected, sizeof expected, "%.120s, %.120s", c->surname, c->given_names);
            ds_flags_add(flags, page, DS_FLAG_BARCODE_MISMATCH, DS_SEV_HIGH, "barcode", nm.field,
                         expected, found, "The name in the %s differs from the case record.",
                         what);
        }
    }
}

static json_t *aamva_json(const ds_barcode *b, int page, const ds_mrz *mrz, const ds_case *c,
                          ds_flags *flags)
{
    ds_aamva *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    json_t *o = json_object();
    ds_aamva_status st = ds_aamva_parse(b->data, b->len, a);
    json_object_set_new(o, "type", json_string("AAMVA"));
    json_object_set_new(o, "status", json_string(ds_aamva_status_name(st)));
    if (st == DS_AAMVA_OK) {
        json_object_set_new(o, "version", json_integer(a->version));
        json_object_set_new(o, "iin", json_string(a->iin));
        json_object_set_new(o, "subfile", json_string(a->subfile_type));
        json_t *f = json_object();
        json_object_set_new(f, "surname", json_string(a->family_name));
        json_object_set_new(f, "given_names", json_string(a->given_names));
        json_object_set_new(f, "birth_date", json_string(a->birth_date));
        json_object_set_new(f, "expiry_date", json_string(a->expiry_date));
        json_object_set_new(f, "issue_date", json_string(a->issue_date));
        json_object_set_new(f, "sex", json_string(a->sex));
        json_object_set_new(f, "document_number", json_string(a->document_number));
        json_object_set_new(f, "country", json_string(a->country));
        json_object_set_new(f, "jurisdiction", json_string(a->jurisdiction));
        json_object_set_new(o, "fields", f);
        ds_identity_fields bf;
        ds_identity_from_aamva(a, &bf);
        /* A licence number is not a passport number: only the person is compared. */
        bf.document_number = NULL;
        bf.expiry_date = NULL;
        if (mrz) {
            ds_identity_mismatches mm;
            ds_identity_compare(mrz, &bf, &mm);
            mismatch_flags(&mm, page, "driver licence barcode", flags);
        }
        case_flags(&bf, c, page, "driver licence barcode", flags);
    }
    free(a);
    return o;
}

static json_t *vds_json(const ds_barcode *b, int page, const ds_mrz *mrz, const ds_case *c,
                        const ds_vds_trust *trust, int today_year, ds_flags *flags)
{
    ds_vds *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    json_t *o = json_object();
    ds_vds_status st = ds_vds_parse(b->data, b->len, v);
    bool expired = false;
    ds_vds_verdict verdict = ds_vds_verify(st == DS_VDS_OK ? v : NULL, trust, &expired);
    json_object_set_new(o, "type", json_string("VDS"));
    json_object_set_new(o, "status", json_string(ds_vds_status_name(st)));
    json_object_set_new(o, "signature", json_string(ds_vds_verdict_name(verdict)));
    if (st == DS_VDS_OK) {
        json_object_set_new(o, "document", json_string(ds_vds_doc_name(v->doc)));
        json_object_set_new(o, "issuing_country", json_string(v->issuing_country));
        json_object_set_new(o, "signer", json_string(v->signer_id));
        json_object_set_new(o, "certificate_reference", json_string(v->cert_ref));
        json_object_set_new(o, "issue_date", json_string(v->issue_date));
        if (v->passport_number[0])
            json_object_set_new(o, "passport_number", json_string(v->passport_number));
        if (expired)
            json_object_set_new(o, "signer_certificate_expired", json_true());
    }
    switch (verdict) {
    case DS_VDS_VALID:
        break;
    case DS_VDS_UNKNOWN_SIGNER:
        ds_flags_add(flags, page, DS_FLAG_VDS_SIGNATURE_INVALID, DS_SEV_WARNING, "barcode", "signature",
                     NULL, v->signer_id,
                     "The digital seal's signer is not in the trust directory, so its signature "
                     "could not be verified.");
        break;
    case DS_VDS_INVALID:
        ds_flags_add(flags, page, DS_FLAG_VDS_SIGNATURE_INVALID, DS_SEV_HIGH, "barcode", "signature",
                     NULL, v->signer_id,
                     "The digital seal's signature does not verify: its content was changed or it "
                     "was not signed by the named signer.");
        break;
    default:
        ds_flags_add(flags, page, DS_FLAG_VDS_SIGNATURE_INVALID, DS_SEV_HIGH, "barcode", "signature",
                     NULL, NULL, "The digital seal is damaged or malformed and cannot be verified.");
        break;
    }
    if (st == DS_VDS_OK && v->mrz_lines == 2) {
        const char *lines[2] = {v->mrz[0], v->mrz[1]};
        ds_mrz seal;
        if (ds_mrz_parse(lines, 2, today_year, &seal) == DS_OK) {
            json_t *ml = json_array();
            json_array_append_new(ml, json_string(v->mrz[0]));
            json_array_append_new(ml, json_string(v->mrz[1]));
            json_object_set_new(o, "mrz", ml);
            ds_identity_fields bf;
            ds_identity_from_mrz(&seal, &bf);
            if (mrz) {
                ds_identity_mismatches mm;
                ds_identity_compare(mrz, &bf, &mm);
                mismatch_flags(&mm, page, "digital seal", flags);
            }
            case_flags(&bf, c, page, "digital seal", flags);
        }
    }
    free(v);
    return o;
}

json_t *ds_scan_barcodes(PIX *page, int page_no, const ds_mrz *mrz, const ds_case *case_record,
                           const ds_vds_trust *trust, int today_year, ds_flags *flags)
{
    /* A page whose MRZ was read gets one quick pass; a page without one
     * gets every fallback. */
    return ds_scan_barcodes_pass(page, page_no, mrz, case_record, trust, today_year,
                                 mrz ? DS_SCAN_BC_QUICK : DS_SCAN_BC_FULL, flags);
}

json_t *ds_scan_barcodes_pass(PIX *page, int page_no, const ds_mrz *mrz,
                              const ds_case *case_record, const ds_vds_trust *trust,
                              int today_year, ds_scan_bc_pass pass, ds_flags *flags)
{
    static const ds_barcode_backend *const zxing_only[] = {&ds_barcode_zxing};
    json_t *arr = json_array();
    ds_barcodes bc;
    ds_barcodes_init(&bc);
    ds_error err = DS_ERR_NOMEM;
    if (arr)
        err = pass == DS_SCAN_BC_QUICK   ? ds_barcode_scan_quick(page, &bc)
              : pass == DS_SCAN_BC_ZXING ? ds_barcode_scan_quick_with(page, zxing_only, 1, &bc)
                                         : ds_barcode_scan(page, &bc);
    if (err != DS_OK)
        goto out;
    for (int i = 0; i < bc.n; i++) {
        const ds_barcode *b = &bc.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "symbology", json_string(ds_symbology_name(b->symbology)));
        json_object_set_new(o, "decoder", json_string(b->decoder));
        payload_json(o, b);
        json_object_set_new(o, "bbox",
                            json_pack("[i,i,i,i]", b->bbox[0], b->bbox[1], b->bbox[2], b->bbox[3]));
        json_t *parsed = NULL;
        if (ds_aamva_sniff(b->data, b->len))
            parsed = aamva_json(b, page_no, mrz, case_record, flags);
        else if (b->len > 0 && b->data[0] == 0xDC)
            parsed = vds_json(b, page_no, mrz, case_record, trust, today_year, flags);
        if (parsed)
            json_object_set_new(o, "parsed", parsed);
        json_array_append_new(arr, o);
    }
out:
    ds_barcodes_clear(&bc);
    return arr;
}

/* ---------------------------------------------------------------------------
 * The printed front of a driving licence
 * ------------------------------------------------------------------------- */

/* Boxes of every barcode the report lists for one page (at most cap). */
static int barcode_boxes(json_t *doc, int (*boxes)[4], int cap)
{
    int n = 0;
    size_t i;
    json_t *b;
    json_array_foreach(json_object_get(doc, "barcodes"), i, b) {
        json_t *bb = json_object_get(b, "bbox");
        if (n >= cap || json_array_size(bb) != 4)
            continue;
        for (int k = 0; k < 4; k++)
            boxes[n][k] = (int)json_integer_value(json_array_get(bb, (size_t)k));
        n++;
    }
    return n;
}

static const char *str_field(json_t *fields, const char *key)
{
    const char *s = json_string_value(json_object_get(fields, key));
    return s ? s : "";
}

/* The words an officer reads for a field. */
static const char *field_words(int id)
{
    switch (id) {
    case DS_DLF_SURNAME: return "family name";
    case DS_DLF_GIVEN_NAMES: return "given names";
    case DS_DLF_BIRTH_DATE: return "date of birth";
    case DS_DLF_ISSUE_DATE: return "issue date";
    case DS_DLF_EXPIRY_DATE: return "expiry date";
    case DS_DLF_DOCUMENT_NUMBER: return "licence number";
    case DS_DLF_SEX: return "sex";
    default: return "height";
    }
}

static const char *bc_value(const ds_dlcheck_barcode *bc, int id)
{
    switch (id) {
    case DS_DLF_SURNAME: return bc->surname;
    case DS_DLF_GIVEN_NAMES: return bc->given_names;
    case DS_DLF_BIRTH_DATE: return bc->birth_date;
    case DS_DLF_ISSUE_DATE: return bc->issue_date;
    case DS_DLF_EXPIRY_DATE: return bc->expiry_date;
    case DS_DLF_DOCUMENT_NUMBER: return bc->document_number;
    case DS_DLF_SEX: return bc->sex;
    default: return "";
    }
}

static json_t *printed_json(const ds_dlfront *f, int page, const ds_dlcheck_status *st, double ms)
{
    json_t *o = json_object(), *fields = json_object();
    json_object_set_new(o, "page", page >= 0 ? json_integer(page) : json_null());
    for (int i = 0; i < DS_DLF_FIELD_COUNT; i++) {
        json_t *jf = json_object();
        json_object_set_new(jf, "status", json_string(ds_dlcheck_status_name(st[i])));
        if (f && f->field[i].found) {
            const ds_dlfront_field *x = &f->field[i];
            json_object_set_new(jf, "value", json_string(x->value));
            if (x->norm[0])
                json_object_set_new(jf, "normalized", json_string(x->norm));
            json_object_set_new(jf, "confidence", json_real(round(x->confidence * 10) / 10));
            json_object_set_new(jf, "bbox", json_pack("[i,i,i,i]", x->bbox[0], x->bbox[1],
                                                      x->bbox[2], x->bbox[3]));
        }
        json_object_set_new(fields, ds_dlfront_field_name((ds_dlfront_field_id)i), jf);
    }
    json_object_set_new(o, "fields", fields);
    json_object_set_new(o, "ms", json_real(round(ms)));
    return o;
}

/* Ranks a front reading for one barcode: matching fields, then fields read. */
static int front_score(const ds_dlfront *f, const ds_dlcheck_status *st)
{
    int m = 0;
    for (int i = 0; i < DS_DLF_FIELD_COUNT; i++)
        m += st[i] == DS_DLC_MATCH;
    return m * 16 + f->nfound;
}

bool ds_scan_barcodes_any_licence(json_t *documents)
{
    size_t ndocs = json_is_array(documents) ? json_array_size(documents) : 0;
    for (size_t d = 0; d < ndocs; d++) {
        size_t i;
        json_t *b;
        json_array_foreach(json_object_get(json_array_get(documents, d), "barcodes"), i, b) {
            json_t *parsed = json_object_get(b, "parsed");
            if (strcmp(str_field(parsed, "type"), "AAMVA") == 0 &&
                strcmp(str_field(parsed, "status"), "OK") == 0)
                return true;
        }
    }
    return false;
}

void ds_scan_barcodes_printed(json_t *documents, const ds_pages *pages, ds_flags *flags)
{
    ds_scan_barcodes_printed_with(NULL, documents, pages, flags);
}

void ds_scan_barcodes_printed_with(struct TessBaseAPI *api, json_t *documents,
                                   const ds_pages *pages, ds_flags *flags)
{
    ds_dlfront_reader *reader = NULL;
    ds_dlfront *front = NULL;
    signed char *state = NULL; /* per page: 0 not read, 1 read, -1 not a candidate */
    if (!json_is_array(documents) || !pages || pages->count <= 0 || !flags)
        return;
    size_t ndocs = json_array_size(documents);
    if (!ds_scan_barcodes_any_licence(documents))
        return;
    front = calloc((size_t)pages->count, sizeof *front);
    state = calloc((size_t)pages->count, 1);
    if (!front || !state)
        goto out;
    ds_error rerr = api ? ds_dlfront_reader_wrap(api, &reader)
                        : ds_dlfront_reader_create(NULL, &reader);
    double t_read = 0;
    for (size_t d = 0; d < ndocs; d++) {
        json_t *doc = json_array_get(documents, d);
        int p = (int)json_integer_value(json_object_get(doc, "page"));
        size_t i;
        json_t *b;
        json_array_foreach(json_object_get(doc, "barcodes"), i, b) {
            json_t *parsed = json_object_get(b, "parsed");
            if (strcmp(str_field(parsed, "type"), "AAMVA") != 0 ||
                strcmp(str_field(parsed, "status"), "OK") != 0)
                continue;
            json_t *bf = json_object_get(parsed, "fields");
            ds_dlcheck_barcode bc = {
                str_field(bf, "surname"),     str_field(bf, "given_names"),
                str_field(bf, "birth_date"),  str_field(bf, "expiry_date"),
                str_field(bf, "issue_date"),  str_field(bf, "document_number"),
                str_field(bf, "sex"),
            };
            int best = -1, best_score = -1;
            ds_dlcheck_status best_st[DS_DLF_FIELD_COUNT] = {0};
            for (size_t q = 0; rerr == DS_OK && q < ndocs; q++) {
                json_t *qd = json_array_get(documents, q);
                int qp = (int)json_integer_value(json_object_get(qd, "page"));
                if (qp < 0 || qp >= pages->count || state[qp] < 0)
                    continue;
                if (state[qp] == 0) {
                    /* A page with a passport's or visa's MRZ is no licence front. */
                    if (strcmp(str_field(qd, "type"), "OTHER") != 0) {
                        state[qp] = -1;
                        continue;
                    }
                    int boxes[32][4];
                    int nb = barcode_boxes(qd, boxes, 32);
                    double t0 = ds_now_ms();
                    if (ds_dlfront_read(reader, pages->page[qp].gray, (const int(*)[4])boxes, nb,
                                        &front[qp]) != DS_OK) {
                        state[qp] = -1;
                        continue;
                    }
                    t_read += ds_now_ms() - t0;
                    state[qp] = 1;
                }
                if (front[qp].nfound == 0)
                    continue;
                ds_dlcheck_status st[DS_DLF_FIELD_COUNT];
                ds_dlcheck_compare(&front[qp], &bc, st);
                /* Ties go to another page than the barcode's (the front of a
                 * two-page scan rather than the back's small print). */
                int score = front_score(&front[qp], st) * 2 + (qp != p);
                if (score > best_score) {
                    best_score = score;
                    best = qp;
                    memcpy(best_st, st, sizeof st);
                }
            }
            json_t *pj = printed_json(best >= 0 ? &front[best] : NULL, best, best_st, t_read);
            if (rerr != DS_OK)
                json_object_set_new(pj, "error", json_string(ds_error_name(rerr)));
            json_object_set_new(parsed, "printed", pj);
            if (best < 0)
                continue;
            for (int k = 0; k < DS_DLF_FIELD_COUNT; k++) {
                if (best_st[k] != DS_DLC_MISMATCH)
                    continue;
                const ds_dlfront_field *x = &front[best].field[k];
                ds_flags_add(flags, p, DS_FLAG_BARCODE_MISMATCH, DS_SEV_HIGH, "barcode",
                             ds_dlfront_field_name((ds_dlfront_field_id)k), x->norm,
                             bc_value(&bc, k),
                             "The %s printed on the driving licence (page %d) differs from the "
                             "one in its barcode.",
                             field_words(k), best);
            }
            /* The front was expected to have no MRZ. */
            if (best != p) {
                for (int k = 0; k < flags->count; k++) {
                    ds_flag *fl = &flags->item[k];
                    if (fl->page == best && fl->code == DS_FLAG_MRZ_NOT_FOUND &&
                        fl->severity == DS_SEV_WARNING) {
                        fl->severity = DS_SEV_INFO;
                        snprintf(fl->message, sizeof fl->message,
                                 "This page has no machine-readable zone; it was read as the "
                                 "printed front of the driving licence whose barcode is on page "
                                 "%d.",
                                 p);
                    }
                }
            }
        }
    }
out:
    ds_dlfront_reader_free(reader);
    free(front);
    free(state);
}
