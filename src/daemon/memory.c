/*
 * Memory checks: fingerprints from a report, flags from the store's
 * queries. Flags added here have source "store" and carry the related
 * document and case ids so that an officer can open the other file.
 */
#include "memory.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "forensics/phash.h"

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* Upper case, runs of spaces and '<' collapsed to one space, trimmed. */
static void norm_name(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    int space = 0;
    for (; *in && o + 1 < cap; in++) {
        unsigned char ch = (unsigned char)*in;
        if (ch == ' ' || ch == '<') {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < cap)
            out[o++] = ' ';
        space = 0;
        out[o++] = (char)toupper(ch);
    }
    out[o] = 0;
}

static void copy_docno(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (; *in && o + 1 < cap; in++)
        if (*in != '<' && *in != ' ')
            out[o++] = (char)toupper((unsigned char)*in);
    out[o] = 0;
}

/* The report's document for page p, or NULL. */
static json_t *report_doc(json_t *report, int p)
{
    size_t i;
    json_t *doc;
    json_array_foreach(json_object_get(report, "documents"), i, doc)
        if (json_integer_value(json_object_get(doc, "page")) == p)
            return doc;
    return NULL;
}

/*
 * The part of page that shows the document, upright: around the MRZ when
 * one was read (the data page is above it and about as wide), else the
 * bounding box of everything that is not blank paper. A scanner bed or a
 * white margin would otherwise dominate the fingerprint and make two
 * different small documents look alike.
 */
static PIX *document_region(PIX *page, json_t *doc)
{
    json_t *mrz = doc ? json_object_get(doc, "mrz") : NULL;
    json_t *bb = json_is_object(mrz) ? json_object_get(mrz, "bbox") : NULL;
    if (json_array_size(bb) == 4) {
        int x = (int)json_integer_value(json_array_get(bb, 0));
        int y = (int)json_integer_value(json_array_get(bb, 1));
        int w = (int)json_integer_value(json_array_get(bb, 2));
        int h = (int)json_integer_value(json_array_get(bb, 3));
        int rot = (int)json_integer_value(
            json_object_get(json_object_get(doc, "orientation"), "rotation"));
        int quads = ((rot / 90) % 4 + 4) % 4;
        PIX *up = pixRotateOrth(page, quads);
        if (!up)
            return NULL;
        int W = pixGetWidth(page), H = pixGetHeight(page);
        for (int q = 0; q < quads; q++) {
            int nx = H - (y + h), ny = x, t;
            x = nx, y = ny;
            t = w, w = h, h = t;
            t = W, W = H, H = t;
        }
        /* Lines run along the longer side of the MRZ box. */
        int len = w > h ? w : h;
        BOX *box = boxCreate(x - len / 20, y + h + len / 40 - (len * 4) / 5, w + len / 10,
                             (len * 4) / 5);
        PIX *crop = box ? pixClipRectangle(up, box, NULL) : NULL;
        boxDestroy(&box);
        pixDestroy(&up);
        if (crop && pixGetWidth(crop) >= 32 && pixGetHeight(crop) >= 32)
            return crop;
        pixDestroy(&crop);
        return NULL;
    }
    PIX *bin = pixThresholdToBinary(page, 200);
    BOX *fg = NULL;
    if (bin)
        pixClipToForeground(bin, NULL, &fg);
    PIX *crop = fg ? pixClipRectangle(page, fg, NULL) : NULL;
    boxDestroy(&fg);
    pixDestroy(&bin);
    return crop;
}

void ds_memory_fingerprints(json_t *report, const ds_pages *pages, ds_fingerprint *fp, int cap,
                            int *n)
{
    *n = 0;
    int npages = pages ? pages->count : 0;
    size_t i;
    json_t *doc;
    /* one fingerprint per decoded page; report documents fill identities */
    for (int p = 0; p < npages && *n < cap; p++) {
        ds_fingerprint *f = &fp[(*n)++];
        memset(f, 0, sizeof *f);
        f->page = p;
        if (!pages->page[p].gray)
            continue;
        PIX *region = document_region(pages->page[p].gray, report_doc(report, p));
        if (ds_image_dhash(region ? region : pages->page[p].gray, &f->dhash) == DS_OK)
            f->has_dhash = true;
        pixDestroy(&region);
    }
    json_array_foreach(json_object_get(report, "documents"), i, doc)
    {
        json_t *mrz = json_object_get(doc, "mrz");
        if (!json_is_object(mrz) || !json_is_true(json_object_get(mrz, "valid")))
            continue;
        json_t *fl = json_object_get(mrz, "fields");
        if (!json_is_object(fl))
            continue;
        int page = (int)json_integer_value(json_object_get(doc, "page"));
        ds_fingerprint *f = NULL;
        for (int k = 0; k < *n; k++)
            if (fp[k].page == page)
                f = &fp[k];
        if (!f) {
            if (*n >= cap)
                continue;
            f = &fp[(*n)++];
            memset(f, 0, sizeof *f);
            f->page = page;
        }
        if (f->has_identity)
            continue;
        ds_identity *id = &f->identity;
        copy_docno(jstr(fl, "document_number"), id->document_number, sizeof id->document_number);
        copy_docno(jstr(fl, "issuing_state"), id->issuing_state, sizeof id->issuing_state);
        norm_name(jstr(fl, "surname"), id->surname, sizeof id->surname);
        norm_name(jstr(fl, "given_names"), id->given_names, sizeof id->given_names);
        snprintf(id->birth_date, sizeof id->birth_date, "%s", jstr(fl, "birth_date"));
        f->has_identity = id->document_number[0] != 0;
    }
}

static json_t *related(const ds_memory_match *m, int count, bool image)
{
    json_t *a = json_array();
    for (int i = 0; i < count; i++) {
        json_t *o = json_pack("{s:I,s:s,s:i}", "document_id", (json_int_t)m[i].document_id,
                              "case_id", m[i].case_id, "page", m[i].page);
        if (image && o)
            json_object_set_new(o, "distance", json_integer(m[i].distance));
        json_array_append_new(a, o);
    }
    return a;
}

static void add_flag(json_t *flags, const char *code, const char *severity, int page,
                     const char *field, const char *message, json_t *rel)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(code));
    json_object_set_new(o, "severity", json_string(severity));
    json_object_set_new(o, "page", json_integer(page));
    if (field)
        json_object_set_new(o, "field", json_string(field));
    json_object_set_new(o, "source", json_string("store"));
    json_object_set_new(o, "message", json_string(message));
    if (rel)
        json_object_set_new(o, "related", rel);
    json_array_append_new(flags, o);
}

ds_error ds_memory_check(ds_store *s, json_t *report, int64_t document_id, const char *case_id,
                         const ds_fingerprint *fp, int n, int max_image_distance)
{
    enum { CAP = 8 };
    ds_memory_match m[CAP];
    int count;
    json_t *add = json_array();
    ds_error err = DS_OK;
    if (!add)
        return DS_ERR_NOMEM;
    for (int i = 0; i < n; i++) {
        const ds_fingerprint *f = &fp[i];
        if (f->has_identity) {
            err = ds_store_memory_find_document(s, &f->identity, document_id, CAP, m, &count);
            if (err != DS_OK)
                goto out;
            if (count > 0)
                add_flag(add, "DUPLICATE_DOCUMENT", "high", f->page, "document_number",
                         "The same document number was presented before under a different "
                         "identity; compare the related documents.",
                         related(m, count, false));
            ds_lost_entry le;
            bool found = false;
            err = ds_store_lost_lookup(s, f->identity.document_number, f->identity.issuing_state,
                                       &le, &found);
            if (err != DS_OK)
                goto out;
            if (found) {
                char msg[256];
                size_t k = (size_t)snprintf(msg, sizeof msg, "The document is on the lost-and-stolen list");
                if (le.source[0])
                    k += (size_t)snprintf(msg + k, sizeof msg - k, " (%s)", le.source);
                if (le.reported_on[0])
                    k += (size_t)snprintf(msg + k, sizeof msg - k, ", reported on %s", le.reported_on);
                snprintf(msg + k, sizeof msg - k, ".");
                add_flag(add, "DOC_REPORTED_LOST", "high", f->page, "document_number", msg, NULL);
            }
        }
        if (f->has_dhash) {
            err = ds_store_memory_find_image(s, f->dhash, max_image_distance, case_id, CAP, m,
                                             &count);
            if (err != DS_OK)
                goto out;
            /* Two documents of one design from different people hash a few
             * bits apart; a reused scan, even with its text edited, stays
             * within a bit. Beyond that, a page whose MRZ names another
             * person is not the same image. */
            int kept = 0;
            for (int k = 0; k < count; k++) {
                const ds_identity *o = &m[k].identity;
                bool other_person = f->has_identity && o->document_number[0] &&
                                    (strcmp(o->document_number, f->identity.document_number) ||
                                     strcmp(o->surname, f->identity.surname) ||
                                     strcmp(o->birth_date, f->identity.birth_date));
                if (!other_person || m[k].distance <= 1)
                    m[kept++] = m[k];
            }
            count = kept;
            if (count > 0)
                add_flag(add, "DUPLICATE_IMAGE", "high", f->page, NULL,
                         "The same page image was submitted before for another case; compare "
                         "the related documents.",
                         related(m, count, true));
        }
    }
    if (json_array_size(add) > 0) {
        json_t *flags = json_object_get(report, "flags");
        if (!json_is_array(flags)) {
            flags = json_array();
            json_object_set_new(report, "flags", flags);
        }
        json_array_extend(flags, add);
        if (strcmp(jstr(report, "verdict"), "error") != 0)
            json_object_set_new(report, "verdict", json_string("review"));
    }
out:
    json_decref(add);
    return err;
}
