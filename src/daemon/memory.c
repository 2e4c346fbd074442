/*
 * Memory checks: fingerprints from a report, flags from the store's
 * queries. Flags added here have source "store" and carry the related
 * document and case ids so that an officer can open the other file.
 */
#include "memory.h"

#include "base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void ds_memory_fingerprints(const ds_report *report, ds_fingerprint *fp, int cap, int *n)
{
    *n = 0;
    /* one fingerprint per page; a valid MRZ gives it an identity */
    for (int i = 0; i < ds_report_document_count(report) && *n < cap; i++) {
        const ds_doc *d = ds_report_document(report, i);
        ds_fingerprint *f = &fp[(*n)++];
        memset(f, 0, sizeof *f);
        f->page = d->page;
        f->dhash = d->dhash;
        f->has_dhash = d->has_dhash != 0;
        if (!d->has_mrz || !d->mrz.parsed || !d->mrz.valid)
            continue;
        const ds_mrz_fields *fl = &d->mrz.fields;
        ds_identity *id = &f->identity;
        ds_text_strip_number(fl->document_number, id->document_number, sizeof id->document_number);
        ds_text_strip_number(fl->issuing_state, id->issuing_state, sizeof id->issuing_state);
        ds_text_upper_collapse(fl->surname, id->surname, sizeof id->surname);
        ds_text_upper_collapse(fl->given_names, id->given_names, sizeof id->given_names);
        snprintf(id->birth_date, sizeof id->birth_date, "%s", fl->birth_date);
        f->has_identity = id->document_number[0] != 0;
    }
}

/* Adds one flag of the store's with its related documents. */
static ds_error add_flag(ds_report *r, ds_flag_code code, int page, const char *field,
                         const char *message, const ds_memory_match *m, int count, bool image)
{
    ds_flag f;
    ds_related rel[DS_RELATED_MAX];
    int nrel = 0;
    memset(&f, 0, sizeof f);
    f.code = code;
    f.severity = DS_SEV_HIGH;
    f.page = page;
    snprintf(f.field, sizeof f.field, "%s", field ? field : "");
    snprintf(f.source, sizeof f.source, "store");
    snprintf(f.message, sizeof f.message, "%s", message);
    for (int i = 0; m && i < count && nrel < DS_RELATED_MAX; i++, nrel++) {
        memset(&rel[nrel], 0, sizeof rel[nrel]);
        rel[nrel].document_id = m[i].document_id;
        snprintf(rel[nrel].case_id, sizeof rel[nrel].case_id, "%s", m[i].case_id);
        rel[nrel].page = m[i].page;
        rel[nrel].distance = image ? m[i].distance : -1;
    }
    return ds_report_add_flag_related(r, &f, rel, nrel);
}

ds_error ds_memory_check(ds_store *s, ds_report *report, int64_t document_id, const char *case_id,
                         const ds_fingerprint *fp, int n, int max_image_distance)
{
    enum { CAP = DS_RELATED_MAX };
    ds_memory_match m[CAP];
    int count;
    ds_error err = DS_OK;
    /* Flags are gathered first: the report is unchanged when a query fails. */
    struct pending {
        ds_flag_code code;
        int page;
        const char *field;
        char msg[256];
        ds_memory_match m[CAP];
        int count;
        bool image;
    } *add = calloc((size_t)(n > 0 ? n : 1) * 3, sizeof *add);
    int nadd = 0;
    if (!add)
        return DS_ERR_NOMEM;
    for (int i = 0; i < n; i++) {
        const ds_fingerprint *f = &fp[i];
        if (f->has_identity) {
            err = ds_store_memory_find_document(s, &f->identity, document_id, CAP, m, &count);
            if (err != DS_OK)
                goto out;
            if (count > 0) {
                struct pending *a = &add[nadd++];
                a->code = DS_FLAG_DUPLICATE_DOCUMENT;
                a->page = f->page;
                a->field = "document_number";
                snprintf(a->msg, sizeof a->msg, "The same document number was presented before "
                         "under a different identity; compare the related documents.");
                memcpy(a->m, m, sizeof m);
                a->count = count;
            }
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
                struct pending *a = &add[nadd++];
                a->code = DS_FLAG_DOC_REPORTED_LOST;
                a->page = f->page;
                a->field = "document_number";
                memcpy(a->msg, msg, sizeof a->msg);
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
            if (count > 0) {
                struct pending *a = &add[nadd++];
                a->code = DS_FLAG_DUPLICATE_IMAGE;
                a->page = f->page;
                snprintf(a->msg, sizeof a->msg, "The same page image was submitted before for "
                         "another case; compare the related documents.");
                memcpy(a->m, m, sizeof m);
                a->count = count;
                a->image = true;
            }
        }
    }
    for (int i = 0; i < nadd && err == DS_OK; i++)
        err = add_flag(report, add[i].code, add[i].page, add[i].field, add[i].msg,
                       add[i].count ? add[i].m : NULL, add[i].count, add[i].image);
out:
    free(add);
    return err;
}
