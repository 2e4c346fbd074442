/*
 * Fuzz target for the PDF reader's answer as the library reads it
 * (decode/pdfwire.c): any bytes as frames under small limits (1 Mpx a page,
 * 2 Mpx in all, 4 pages). A successful result must be well formed: as many
 * pages as the reader announced, each 8 bpp within the limits, every text
 * word inside its page with a valid font, every revision's pages existing
 * (and no more of its objects in object streams than it has), a page's
 * kept JPEG bytes only on an embedded JPEG page.
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
        if (v->compressed < 0 || v->compressed > v->objects || v->unread_streams < 0)
            abort();
    }
    for (int r = 0; r < pages->pdf->nrev; r++)
        for (int k = 0; k < pages->pdf->rev[r].npages; k++)
            if (pages->pdf->rev[r].pages[k] < 0 || pages->pdf->rev[r].pages[k] >= pages->count)
                abort();
    ds_pages_free(pages);
    return 0;
}
