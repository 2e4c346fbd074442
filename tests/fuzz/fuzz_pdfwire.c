/*
 * Fuzz target for the PDF reader's answer as the library reads it
 * (decode/pdfwire.c): any bytes as frames under small limits (1 Mpx a page,
 * 2 Mpx in all, 4 pages). A successful result must be well formed: as many
 * pages as the reader announced, each 8 bpp within the limits, every text
 * word inside its page with a valid font, every revision's pages existing
 * (and no more of its objects in object streams than it has, consistent
 * cross-reference counts, shared objects' pages existing), a page's kept
 * JPEG bytes only on an embedded JPEG page, placed JPEGs only on rendered
 * pages with their boxes inside the page.
 */
#include <stdint.h>
#include <stdlib.h>

#include "decode/decode.h"
#include "decode/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_limits lim = {.max_file_bytes = 1u << 20, .max_pixels = 1000000u, .max_pages = 4,
                     .max_total_pixels = 2000000u};
    ds_pages *pages = NULL;
    if (ds_pdfwire_read_mem(data, size, &lim, &pages) != DS_OK) {
        if (pages)
            abort();
        return 0;
    }
    if (!pages || !pages->pdf || pages->count < 1 || pages->count > lim.max_pages ||
        pages->pdf->npages != pages->count || pages->format != DS_FORMAT_PDF)
        abort();
    for (int i = 0; i < pages->count; i++) {
        PIX *g = pages->page[i].gray;
        if (!g || pixGetDepth(g) != 8 ||
            (uint64_t)pixGetWidth(g) * (uint64_t)pixGetHeight(g) > lim.max_pixels)
            abort();
        const ds_text_layer *t = pages->page[i].text;
        for (int k = 0; t && k < t->nwords; k++) {
            const ds_text_word *w = &t->word[k];
            if (!w->text || !w->text[0] || w->font >= t->nfonts || w->font < -1 ||
                w->box[0] < 0 || w->box[1] < 0 || w->box[2] < 1 || w->box[3] < 1 ||
                w->box[0] + w->box[2] > pixGetWidth(g) || w->box[1] + w->box[3] > pixGetHeight(g))
                abort();
        }
    }
    /* a page's kept JPEG is the one it was decoded from */
    for (int i = 0; i < pages->count; i++) {
        const ds_pdf_page_src *s = &pages->pdf->page[i];
        if (s->dct && (s->dct_len < 4 || s->dct_len > lim.max_file_bytes || s->dct[0] != 0xff ||
                       s->dct[1] != 0xd8 || s->rendered))
            abort();
        if (!s->dct && s->dct_len)
            abort();
    }
    for (int r = 0; r < pages->pdf->nrev; r++) {
        const ds_pdf_revision *v = &pages->pdf->rev[r];
        if (v->compressed < 0 || v->compressed > v->objects || v->unread_streams < 0 ||
            v->xref_unread > v->xref_sections || v->xref_relisted + v->xref_bad > v->xref_listed ||
            v->xref_only > v->objects || v->nshared < 0 || v->nshared > DS_PDF_SHARED_MAX)
            abort();
        for (int k = 0; k < v->nshared; k++) {
            if (v->shared[k].object < 1 || !v->shared[k].kind[0])
                abort();
            for (int j = 0; j < v->shared[k].npages; j++)
                if (v->shared[k].pages[j] < 0 || v->shared[k].pages[j] >= pages->count)
                    abort();
        }
    }
    /* placed JPEGs: only on rendered pages, JPEG bytes, boxes inside the page */
    for (int i = 0; i < pages->count; i++) {
        const ds_pdf_page_src *s = &pages->pdf->page[i];
        PIX *g = pages->page[i].gray;
        if (s->nimages < 0 || s->nimages > 8 || (s->nimages > 0 && !s->rendered))
            abort();
        for (int k = 0; k < s->nimages; k++) {
            const ds_pdf_image *im = &s->images[k];
            if (!im->dct || im->dct_len < 4 || im->dct[0] != 0xff || im->dct[1] != 0xd8 ||
                im->width < 1 || im->height < 1 || im->box[0] < 0 || im->box[1] < 0 ||
                im->box[2] < 0 || im->box[3] < 0 || im->box[0] + im->box[2] > pixGetWidth(g) ||
                im->box[1] + im->box[3] > pixGetHeight(g))
                abort();
        }
    }
    for (int r = 0; r < pages->pdf->nrev; r++)
        for (int k = 0; k < pages->pdf->rev[r].npages; k++)
            if (pages->pdf->rev[r].pages[k] < 0 || pages->pdf->rev[r].pages[k] >= pages->count)
                abort();
    ds_pages_free(pages);
    return 0;
}
