/*
 * pdfjson: the report's "pdf" object for a PDF input (docs/contracts.md).
 */
#include <jansson.h>

#include "report/report.h"

json_t *ds_report_pdf_json(const ds_pdf_info *info, const ds_pdfev *ev)
{
    if (!info)
        return NULL;
    json_t *o = json_object();
    json_t *updates = json_array();
    json_t *pages = json_array();
    if (!o || !updates || !pages) {
        json_decref(o);
        json_decref(updates);
        json_decref(pages);
        return NULL;
    }
    json_object_set_new(o, "revisions", json_integer(info->revisions));
    for (int i = 0; i < info->nrev; i++) {
        json_t *pl = json_array();
        for (int j = 0; j < info->rev[i].npages; j++)
            json_array_append_new(pl, json_integer(info->rev[i].pages[j]));
        json_array_append_new(updates, json_pack("{s:i,s:i,s:o,s:i,s:i}", "revision",
                                                 info->rev[i].number, "objects",
                                                 info->rev[i].objects, "pages", pl,
                                                 "compressed_objects", info->rev[i].compressed,
                                                 "unread_object_streams",
                                                 info->rev[i].unread_streams));
    }
    json_object_set_new(o, "updates", updates);
    json_object_set_new(o, "producer", info->producer[0] ? json_string(info->producer) : json_null());
    json_object_set_new(o, "creator", info->creator[0] ? json_string(info->creator) : json_null());
    json_object_set_new(o, "encrypted", json_boolean(info->encrypted));
    json_object_set_new(o, "repaired", json_boolean(info->repaired));
    for (int i = 0; i < info->npages; i++) {
        const ds_pdf_page_src *p = &info->page[i];
        json_array_append_new(
            pages, json_pack("{s:i,s:s,s:o,s:i,s:i}", "page", i, "source",
                             p->rendered ? "rendered" : "embedded", "codec",
                             p->codec && p->codec[0] ? json_string(p->codec) : json_null(), "dpi",
                             p->dpi, "text_words", p->words));
    }
    json_object_set_new(o, "pages", pages);
    json_object_set_new(o, "text_words_checked", json_integer(ev ? ev->words_checked : 0));
    return o;
}
