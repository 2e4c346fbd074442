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
        const ds_pdf_revision *v = &info->rev[i];
        json_t *sh = json_array();
        for (int k = 0; k < v->nshared; k++) {
            json_t *sp = json_array();
            for (int j = 0; j < v->shared[k].npages; j++)
                json_array_append_new(sp, json_integer(v->shared[k].pages[j]));
            json_array_append_new(sh, json_pack("{s:i,s:s,s:o}", "object", v->shared[k].object,
                                                "kind", v->shared[k].kind, "pages", sp));
        }
        json_t *u = json_pack("{s:i,s:i,s:o,s:i,s:i,s:o}", "revision", v->number, "objects",
                              v->objects, "pages", pl, "compressed_objects", v->compressed,
                              "unread_object_streams", v->unread_streams, "shared_objects", sh);
        json_t *x = json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i}", "sections", v->xref_sections,
                              "unread", v->xref_unread, "entries", v->xref_listed, "relisted",
                              v->xref_relisted, "misplaced", v->xref_bad, "unlisted",
                              v->xref_unlisted, "only_in_xref", v->xref_only);
        if (u && x)
            json_object_set_new(u, "xref", x);
        else
            json_decref(x);
        json_array_append_new(updates, u);
    }
    json_object_set_new(o, "updates", updates);
    json_object_set_new(o, "producer", info->producer[0] ? json_string(info->producer) : json_null());
    json_object_set_new(o, "creator", info->creator[0] ? json_string(info->creator) : json_null());
    json_object_set_new(o, "encrypted", json_boolean(info->encrypted));
    json_object_set_new(o, "repaired", json_boolean(info->repaired));
    for (int i = 0; i < info->npages; i++) {
        const ds_pdf_page_src *p = &info->page[i];
        /* the JPEG images drawn on a rendered page, with their forensics */
        json_t *imgs = json_array();
        for (int k = 0; ev && k < ev->nimages; k++) {
            const ds_pdfev_image *im = &ev->image[k];
            if (im->page != i)
                continue;
            json_t *evd = json_array();
            for (int e = 0; e < im->f.nevidence; e++)
                json_array_append_new(evd, json_string(im->f.evidence[e]));
            json_array_append_new(
                imgs, json_pack("{s:i,s:[iiii],s:i,s:i,s:o,s:i,s:b,s:o}", "object", im->object,
                                "box", im->box[0], im->box[1], im->box[2], im->box[3], "width",
                                im->width, "height", im->height, "software",
                                im->f.software[0] ? json_string(im->f.software) : json_null(),
                                "jpeg_quality", im->f.jpeg_quality, "edited", im->f.edited,
                                "edit_evidence", evd));
        }
        json_array_append_new(
            pages, json_pack("{s:i,s:s,s:o,s:i,s:i,s:o}", "page", i, "source",
                             p->rendered ? "rendered" : "embedded", "codec",
                             p->codec && p->codec[0] ? json_string(p->codec) : json_null(), "dpi",
                             p->dpi, "text_words", p->words, "images", imgs));
    }
    json_object_set_new(o, "pages", pages);
    json_object_set_new(o, "text_words_checked", json_integer(ev ? ev->words_checked : 0));
    return o;
}
