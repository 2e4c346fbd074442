/*
 * pdfcheck: a PDF's evidence of editing as flags.
 *
 * Strength decides the severity. A later revision that changed a page is a
 * warning (a signature or a filled form is saved that way too, but it does
 * not change a page's content); one that changed none is information. An
 * editing program named in the metadata is information alone and a warning
 * beside any other evidence. A number the page does not show where the text
 * layer has it is high when Tesseract reads other digits there with
 * confidence, a warning when it reads unclearly or sees nothing. A font
 * change inside a line of numbers is a warning, high when the same page
 * also has a mismatched number or was changed by a later revision.
 */
#include "check/pdfcheck.h"

#include <stdio.h>
#include <string.h>

#define PDFCHECK_MAX_WORD_FLAGS 5

/* The evidence's box on the page image, on a flag just added (NULL: the
 * list was full). */
static void put_box(ds_flag *f, const int box[4])
{
    if (f && box[2] > 0 && box[3] > 0)
        memcpy(f->bbox, box, sizeof f->bbox);
}

static bool page_changed(const ds_pdf_info *info, int page)
{
    for (int i = 0; i < info->nrev; i++)
        for (int j = 0; j < info->rev[i].npages; j++)
            if (info->rev[i].pages[j] == page)
                return true;
    return false;
}

void ds_check_pdf(const ds_pdf_info *info, const ds_pdfev *ev, ds_flags *flags)
{
    if (!info || !flags)
        return;
    int first_changed = -1, changed_revs = 0, unread = 0;
    char pages[96] = "";
    for (int i = 0; i < info->nrev; i++) {
        if (info->rev[i].npages > 0)
            changed_revs++;
        unread += info->rev[i].unread_streams;
        for (int j = 0; j < info->rev[i].npages; j++) {
            int pg = info->rev[i].pages[j];
            if (first_changed < 0 || pg < first_changed)
                first_changed = pg;
            char one[16];
            snprintf(one, sizeof one, "%s%d", pages[0] ? ", " : "", pg + 1);
            if (!strstr(pages, one) && strlen(pages) + strlen(one) + 1 < sizeof pages)
                strcat(pages, one);
        }
    }
    /* Objects several pages share (a font every page names) that a later
     * save changed: reported once, with the pages that draw with them. */
    int shared_revs = 0, first_shared = -1, shared_obj = 0, nshared = 0;
    char shared[160] = "", kind[12] = "";
    for (int i = 0; i < info->nrev; i++) {
        int used = 0;
        for (int k = 0; k < info->rev[i].nshared; k++) {
            const struct ds_pdf_shared *sh = &info->rev[i].shared[k];
            if (sh->npages == 0)
                continue; /* listed by pages, drawn by none */
            used++;
            nshared++;
            if (shared_obj == 0) {
                shared_obj = sh->object;
                snprintf(kind, sizeof kind, "%s", sh->kind);
            }
            for (int j = 0; j < sh->npages; j++) {
                char one[16];
                if (first_shared < 0 || sh->pages[j] < first_shared)
                    first_shared = sh->pages[j];
                snprintf(one, sizeof one, "%s%d", shared[0] ? ", " : "", sh->pages[j] + 1);
                if (!strstr(shared, one) && strlen(shared) + strlen(one) + 1 < sizeof shared)
                    strcat(shared, one);
            }
        }
        shared_revs += used > 0 && info->rev[i].npages == 0;
    }
    bool other = changed_revs > 0 || shared_revs > 0 ||
                 (ev && (ev->nwords > 0 || ev->nfonts > 0));
    for (int i = 0; ev && i < ev->nimages; i++)
        other = other || ev->image[i].f.jpeg_double;
    if (info->nrev > 0) {
        char found[16];
        snprintf(found, sizeof found, "%d", info->revisions);
        char also[288] = "", more[48] = "";
        static const char *const kinds[][2] = {{"font", "font"}, {"xobject", "form or image"},
                                               {"resources", "resource dictionary"},
                                               {"content", "content stream"},
                                               {"page", "page object"}};
        const char *what = "object";
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            if (strcmp(kind, kinds[k][0]) == 0)
                what = kinds[k][1];
        if (nshared > 1)
            snprintf(more, sizeof more, " and %d more shared object(s)", nshared - 1);
        if (shared_obj > 0)
            snprintf(also, sizeof also, "%sthe %s (object %d) that page(s) %s share%s",
                     changed_revs > 0 ? ", and " : "", what, shared_obj, shared, more);
        if (changed_revs > 0)
            ds_flags_add(flags, first_changed, DS_FLAG_PDF_INCREMENTAL_UPDATE, DS_SEV_WARNING, "pdf",
                         "revisions", "1", found,
                         "The PDF was saved %d times; a later save changed page(s) %s%s.",
                         info->revisions, pages, also);
        else if (shared_revs > 0)
            /* What a shared object looked like before is not known: the
             * pages that draw with it may look otherwise now. */
            ds_flags_add(flags, first_shared, DS_FLAG_PDF_INCREMENTAL_UPDATE, DS_SEV_WARNING, "pdf",
                         "revisions", "1", found,
                         "The PDF was saved %d times; a later save changed %s, not any page's own "
                         "content.",
                         info->revisions, also);
        else if (unread > 0)
            /* What the unread object streams hold is not known: no
             * evidence either way. */
            ds_flags_add(flags, 0, DS_FLAG_PDF_INCREMENTAL_UPDATE, DS_SEV_INFO, "pdf", "revisions",
                         "1", found,
                         "The PDF was saved %d times; the later saves changed no page that could "
                         "be read, but %d of their object streams could not be read.",
                         info->revisions, unread);
        else
            ds_flags_add(flags, 0, DS_FLAG_PDF_INCREMENTAL_UPDATE, DS_SEV_INFO, "pdf", "revisions",
                         "1", found,
                         "The PDF was saved %d times; the later saves changed no page (a "
                         "signature, a filled form or new metadata).",
                         info->revisions);
    }
    /* A later revision whose cross-reference data disagrees with its bytes
     * (entries pointing where their object is not, objects no entry
     * lists): a damaged or hand-edited file, evidence beside other
     * evidence, never more than information by itself. */
    int bad = 0, unlisted = 0, xrev = 0;
    for (int i = 0; i < info->nrev; i++) {
        bad += info->rev[i].xref_bad;
        unlisted += info->rev[i].xref_unlisted;
        if (info->rev[i].xref_bad + info->rev[i].xref_unlisted > 0 && xrev == 0)
            xrev = info->rev[i].number;
    }
    if (xrev > 0) {
        char found[48];
        snprintf(found, sizeof found, "%d misplaced, %d unlisted", bad, unlisted);
        ds_flags_add(flags, 0, DS_FLAG_PDF_XREF_MISMATCH, DS_SEV_INFO, "pdf", "xref", NULL, found,
                     "The cross-reference data of the PDF's save %d disagrees with its bytes "
                     "(entries pointing where their object is not: %d; objects no entry lists: %d): "
                     "the file was damaged or edited by hand%s.",
                     xrev, bad, unlisted, info->repaired ? " and had to be repaired" : "");
    }
    if (!ev)
        return;
    /* JPEG images drawn on born-digital pages, from their own bytes. */
    for (int i = 0; i < ev->nimages; i++) {
        const ds_pdfev_image *im = &ev->image[i];
        if (!im->f.edited || im->f.nevidence == 0)
            continue;
        char found[256] = "";
        for (int k = 0; k < im->f.nevidence; k++) {
            size_t l = strlen(found);
            snprintf(found + l, sizeof found - l, "%s%s", k ? "; " : "", im->f.evidence[k]);
        }
        /* A second JPEG save is an edit of the image itself; an editor's
         * traces alone (its name, its tables) are how logos and artwork
         * are made: information. */
        bool twice = im->f.jpeg_double;
        put_box(ds_flags_add(flags, im->page, DS_FLAG_IMAGE_EDITED,
                             twice ? DS_SEV_WARNING : DS_SEV_INFO, "image", "image", NULL, found,
                             "A JPEG image drawn on page %d (%dx%d pixels, at (%d, %d)) %s: %s.",
                             im->page + 1, im->width, im->height, im->box[0], im->box[1],
                             twice ? "shows signs of editing"
                                   : "was made or saved with an image editor (common for logos "
                                     "and artwork; no sign of an edit of its content)",
                             found),
                im->box);
    }
    if (ev->editor[0])
        ds_flags_add(flags, 0, DS_FLAG_PDF_EDITOR_SOFTWARE, other ? DS_SEV_WARNING : DS_SEV_INFO,
                     "pdf", ev->editor_field, NULL, ev->editor,
                     "The PDF's %s names %s, a program for editing PDFs or images%s.",
                     ev->editor_field, ev->editor,
                     other ? ", and the file shows other evidence of editing" : "");
    for (int i = 0; i < ev->nwords && i < PDFCHECK_MAX_WORD_FLAGS; i++) {
        const ds_pdfev_word *w = &ev->word[i];
        if (w->printed[0])
            put_box(ds_flags_add(flags, w->page, DS_FLAG_PDF_TEXT_MISMATCH,
                         /* A clear reading of other digits is evidence; an unclear one
                          * (a digit lost at the box's edge, a symbol for a letter) is
                          * OCR noise until an officer looks: information only. */
                         w->strong ? DS_SEV_HIGH : DS_SEV_INFO, "pdf", "text_layer", w->layer,
                         w->printed,
                         "Page %d shows other digits than its text layer at (%d, %d)%s.",
                         w->page + 1, w->box[0], w->box[1],
                         w->strong ? "" : " (read with low confidence)"), w->box);
        else
            put_box(ds_flags_add(flags, w->page, DS_FLAG_PDF_TEXT_MISMATCH, DS_SEV_WARNING, "pdf",
                         "text_layer", w->layer, "",
                         "Page %d shows nothing where its text layer has a number, at (%d, %d).",
                         w->page + 1, w->box[0], w->box[1]), w->box);
    }
    for (int i = 0; i < ev->nfonts; i++) {
        const ds_pdfev_font *f = &ev->font[i];
        bool more = page_changed(info, f->page);
        /* other evidence: a revision that changed the page, or a number
         * the page clearly shows otherwise (an unclear reading is none) */
        for (int k = 0; k < ev->nwords; k++)
            more = more || (ev->word[k].page == f->page && ev->word[k].strong);
        char fonts[2 * DS_PDFEV_TEXT + 4];
        snprintf(fonts, sizeof fonts, "%s / %s", f->font_a, f->font_b);
        put_box(ds_flags_add(flags, f->page, DS_FLAG_PDF_FONT_MIX, more ? DS_SEV_HIGH : DS_SEV_WARNING,
                     "pdf", "font", f->word, fonts,
                     f->inside_number
                         ? "A number on page %d is set in two fonts (%s) at (%d, %d)."
                         : "One number of a line on page %d is set in a font no other number "
                           "on the page uses (%s) at (%d, %d).",
                     f->page + 1, fonts, f->box[0], f->box[1]), f->box);
    }
}
