/*
 * pdfev: a PDF's editing evidence (pdfev.h). Reads only what the decode
 * stage made of the file (its info, text layers and page images); never
 * parses PDF itself.
 */
#include "forensics/pdfev.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"

/*
 * Programs whose main use is changing existing PDFs or images, as they name
 * themselves in a PDF's /Producer or /Creator (matched case-insensitively
 * as a substring). Office suites, report generators, scanners' software
 * and Acrobat itself are not here: they make most genuine documents.
 */
static const char *const editors[] = {
    "Photoshop",       "GIMP",           "Illustrator",      "Inkscape",
    "PDFescape",       "Sejda",          "iLovePDF",         "Smallpdf",
    "PDF-XChange Editor", "PhantomPDF",  "Foxit PDF Editor", "Nitro Pro",
    "PDFelement",      "Wondershare",    "Master PDF Editor", "pdfFiller",
    "PDF Candy",       "Soda PDF",       "Icecream PDF",     "Able2Extract",
    "DocHub",          "PDF Buddy",      "Canva",            "Pixelmator",
};

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

void ds_pdfev_editor(const ds_pdf_info *info, ds_pdfev *ev)
{
    if (!info || !ev)
        return;
    const char *fields[2] = {info->producer, info->creator};
    const char *names[2] = {"producer", "creator"};
    for (int f = 0; f < 2; f++)
        for (size_t i = 0; i < sizeof editors / sizeof editors[0]; i++)
            if (fields[f][0] && contains_ci(fields[f], editors[i])) {
                snprintf(ev->editor, sizeof ev->editor, "%s", editors[i]);
                snprintf(ev->editor_field, sizeof ev->editor_field, "%s", names[f]);
                return;
            }
}

void ds_pdfev_family(const char *font, char *out, size_t cap)
{
    if (!cap)
        return;
    const char *p = font ? font : "";
    const char *plus = strchr(p, '+');
    if (plus && plus - p == 6)
        p = plus + 1;
    size_t n = 0;
    for (; *p && *p != '-' && *p != ',' && n + 1 < cap; p++)
        out[n++] = (char)tolower((unsigned char)*p);
    out[n] = 0;
    static const char *const cut[] = {"psmt", "mt", "ps"};
    for (size_t i = 0; i < 3; i++) {
        size_t k = strlen(cut[i]);
        if (n > k + 2 && strcmp(out + n - k, cut[i]) == 0) {
            out[n - k] = 0;
            break;
        }
    }
}

static int digits_of(const char *s, char *out, size_t cap, bool fold)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        char c = *s;
        if (fold && isalpha((unsigned char)c))
            c = ds_ocr_fold(c);
        if (isdigit((unsigned char)c))
            out[n++] = c;
    }
    out[n] = 0;
    return (int)n;
}

/* The letters (ASCII or not) of s. */
static int letters_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += isalpha((unsigned char)*s) || ((unsigned char)*s >= 0xC0);
    return n;
}

bool ds_pdfev_other_digits(const char *layer, const char *read, float conf)
{
    char got[DS_PDFEV_TEXT];
    if (!layer || !read || conf < 75.0f)
        return false;
    digits_of(read, got, sizeof got, true);
    /* A reading with more letters than the layer's text has read digits as
     * letters ("41" as "Al", "1st" as "Ist"): that is OCR, not an edit. */
    return got[0] && letters_of(read) <= letters_of(layer);
}

/* A word that is a number: a digit, and no more than two letters. */
static bool numeric(const char *s)
{
    int digits = 0, letters = 0;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s))
            digits++;
        else if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
            letters++;
    }
    return digits > 0 && letters <= 2;
}

static void font_of(const ds_text_layer *t, const ds_text_word *w, char *fam, size_t cap)
{
    ds_pdfev_family(w->font >= 0 && w->font < t->nfonts ? t->font[w->font] : "", fam, cap);
}

/* A family of symbols rather than text (mathematics, dingbats, TeX's math
 * and symbol fonts): a digit set in one is typesetting (a formula, a
 * blackboard-bold 1), and its glyphs need not be the characters its text
 * layer names. Its numbers are not compared for fonts or with OCR. */
static bool symbol_family(const char *fam)
{
    static const char *const any[] = {"math", "symbol", "ding", "blackboard", "bbold"};
    static const char *const start[] = {"cmmi", "cmsy", "cmex", "msbm", "msam", "wasy", "stmary"};
    for (size_t i = 0; i < sizeof any / sizeof *any; i++)
        if (strstr(fam, any[i]))
            return true;
    for (size_t i = 0; i < sizeof start / sizeof *start; i++)
        if (strncmp(fam, start[i], strlen(start[i])) == 0)
            return true;
    return false;
}

static bool symbol_word(const ds_text_layer *t, const ds_text_word *w)
{
    char fam[DS_PDFEV_TEXT];
    font_of(t, w, fam, sizeof fam);
    return symbol_family(fam);
}

/* Whether w is a number set in a known text family (fam, cap bytes, gets
 * the family): the numbers the font checks compare. */
static bool text_number(const ds_text_layer *t, const ds_text_word *w, char *fam, size_t cap)
{
    if (!numeric(w->text) || w->font < 0)
        return false;
    font_of(t, w, fam, cap);
    return !symbol_family(fam);
}

/* ---------------------------------------------------------------- fonts */

static void add_font(ds_pdfev *ev, int page, const ds_text_word *a, const ds_text_word *b,
                     const char *fa, const char *fb, bool inside)
{
    if (ev->nfonts >= DS_PDFEV_MAX)
        return;
    ds_pdfev_font *f = &ev->font[ev->nfonts++];
    f->page = page;
    int x0 = a->box[0], y0 = a->box[1], x1 = a->box[0] + a->box[2], y1 = a->box[1] + a->box[3];
    if (b) {
        x0 = b->box[0] < x0 ? b->box[0] : x0;
        y0 = b->box[1] < y0 ? b->box[1] : y0;
        x1 = b->box[0] + b->box[2] > x1 ? b->box[0] + b->box[2] : x1;
        y1 = b->box[1] + b->box[3] > y1 ? b->box[1] + b->box[3] : y1;
    }
    f->box[0] = x0, f->box[1] = y0, f->box[2] = x1 - x0, f->box[3] = y1 - y0;
    char w[2 * DS_PDFEV_TEXT];
    snprintf(w, sizeof w, "%s%s", a->text, b ? b->text : "");
    ds_text_copy_utf8(f->word, sizeof f->word, w);
    ds_text_copy_utf8(f->font_a, sizeof f->font_a, fa);
    ds_text_copy_utf8(f->font_b, sizeof f->font_b, fb);
    f->inside_number = inside;
}

/* Whether a numeric word outside the line ix[0..n) uses family fam. */
static bool family_elsewhere(const ds_text_layer *t, const int *ix, int n, const char *fam)
{
    char f[DS_PDFEV_TEXT];
    for (int i = 0; i < t->nwords; i++) {
        bool in = false;
        for (int k = 0; k < n && !in; k++)
            in = ix[k] == i;
        if (in || !numeric(t->word[i].text))
            continue;
        font_of(t, &t->word[i], f, sizeof f);
        if (strcmp(f, fam) == 0)
            return true;
    }
    return false;
}

/* The font changes of one visual line: ix[0..n), left to right. */
static void line_fonts(const ds_text_layer *t, int page, const int *ix, int n, ds_pdfev *ev)
{
    char fa[DS_PDFEV_TEXT], fb[DS_PDFEV_TEXT];
    /* Touching fragments of one number in two families. */
    for (int k = 0; k + 1 < n; k++) {
        const ds_text_word *a = &t->word[ix[k]], *b = &t->word[ix[k + 1]];
        if (!text_number(t, a, fa, sizeof fa) || !text_number(t, b, fb, sizeof fb))
            continue;
        int h = a->box[3] > b->box[3] ? a->box[3] : b->box[3];
        int gap = b->box[0] - (a->box[0] + a->box[2]);
        if (gap > h / 5 + 1 || gap < -h)
            continue;
        if (fa[0] && fb[0] && strcmp(fa, fb) != 0)
            add_font(ev, page, a, b, fa, fb, true);
    }
    /* One number in a family the line's other numbers (two or more, all in
     * one family) do not use, and that no number elsewhere on the page uses. */
    int nnum = 0;
    for (int k = 0; k < n; k++)
        nnum += text_number(t, &t->word[ix[k]], fa, sizeof fa);
    if (nnum < 3)
        return;
    for (int k = 0; k < n; k++) {
        const ds_text_word *w = &t->word[ix[k]];
        if (!text_number(t, w, fa, sizeof fa))
            continue;
        int same = 0, other = 0;
        fb[0] = 0;
        for (int j = 0; j < n; j++) {
            const ds_text_word *o = &t->word[ix[j]];
            char f[DS_PDFEV_TEXT];
            if (j == k || !text_number(t, o, f, sizeof f))
                continue;
            if (strcmp(f, fa) == 0)
                same++;
            else if (!fb[0] || strcmp(f, fb) == 0)
                snprintf(fb, sizeof fb, "%s", f), other++;
            else
                other = -1000; /* a third family: no one odd one out */
        }
        if (same != 0 || other < 2 || !fa[0] || family_elsewhere(t, ix, n, fa))
            continue;
        /* already reported as the second half of one number */
        bool done = false;
        for (int e = 0; e < ev->nfonts; e++) {
            const ds_pdfev_font *f = &ev->font[e];
            done = done || (f->page == page && f->inside_number && w->box[0] >= f->box[0] &&
                            w->box[0] < f->box[0] + f->box[2] && w->box[1] < f->box[1] + f->box[3] &&
                            w->box[1] + w->box[3] > f->box[1]);
        }
        if (!done)
            add_font(ev, page, w, NULL, fb, fa, false);
    }
}

/* A word's place for sorting: twice its vertical centre, its left edge. */
typedef struct place {
    int cy, x, i;
} place;

static int by_y(const void *a, const void *b)
{
    const place *p = a, *q = b;
    return p->cy != q->cy ? (p->cy > q->cy) - (p->cy < q->cy) : (p->x > q->x) - (p->x < q->x);
}

static int by_x(const void *a, const void *b)
{
    const place *p = a, *q = b;
    return (p->x > q->x) - (p->x < q->x);
}

/* Words on one visual line: vertical centres within half a word's height
 * (a reader's line is often one text object, so a number typed in later is
 * a line of its own there). Pages of more words are left out. */
#define DS_PDFEV_FONT_WORDS 20000

void ds_pdfev_fonts(const ds_pages *pages, ds_pdfev *ev)
{
    if (!pages || !ev)
        return;
    for (int p = 0; p < pages->count; p++) {
        const ds_text_layer *t = pages->page[p].text;
        if (!t || t->nwords == 0 || t->nwords > DS_PDFEV_FONT_WORDS)
            continue;
        place *pl = malloc((size_t)t->nwords * sizeof *pl);
        int *ix = malloc((size_t)t->nwords * sizeof *ix);
        if (!pl || !ix) {
            free(pl);
            free(ix);
            return;
        }
        for (int i = 0; i < t->nwords; i++)
            pl[i] = (place){2 * t->word[i].box[1] + t->word[i].box[3], t->word[i].box[0], i};
        qsort(pl, (size_t)t->nwords, sizeof *pl, by_y);
        int i0 = 0;
        for (int i = 1; i <= t->nwords; i++) {
            if (i < t->nwords && pl[i].cy - pl[i0].cy <= t->word[pl[i0].i].box[3])
                continue; /* centres within half a height */
            qsort(pl + i0, (size_t)(i - i0), sizeof *pl, by_x);
            for (int k = i0; k < i; k++)
                ix[k - i0] = pl[k].i;
            line_fonts(t, p, ix, i - i0, ev);
            i0 = i;
        }
        free(pl);
        free(ix);
    }
}

/* ----------------------------------------------------------------- text */

/* Share of dark pixels (< 128) in box of gray. */
static double ink(PIX *gray, const int box[4])
{
    l_int32 w = pixGetWidth(gray), h = pixGetHeight(gray), wpl = pixGetWpl(gray);
    l_uint32 *data = pixGetData(gray);
    long dark = 0, all = 0;
    for (int y = box[1]; y < box[1] + box[3] && y < h; y++)
        for (int x = box[0]; x < box[0] + box[2] && x < w; x++) {
            all++;
            dark += GET_DATA_BYTE(data + (size_t)y * (size_t)wpl, x) < 128;
        }
    return all ? (double)dark / (double)all : 0;
}

/* Tesseract's reading of box of gray as one line, scaled so the word is
 * about 48 pixels tall. */
static void read_box(TessBaseAPI *api, PIX *gray, const int box[4], char *out, size_t cap,
                     float *conf)
{
    out[0] = 0;
    *conf = 0;
    int pad = box[3] / 6 + 1;
    BOX *b = boxCreate(box[0] - 2 < 0 ? 0 : box[0] - 2, box[1] - pad < 0 ? 0 : box[1] - pad,
                       box[2] + 4, box[3] + 2 * pad);
    PIX *crop = b ? pixClipRectangle(gray, b, NULL) : NULL;
    boxDestroy(&b);
    if (!crop)
        return;
    float s = 48.0f / (float)(box[3] > 0 ? box[3] : 1);
    s = s < 0.5f ? 0.5f : s > 4.0f ? 4.0f : s;
    PIX *scaled = pixScale(crop, s, s);
    PIX *framed = scaled ? pixAddBorder(scaled, 16, 255) : NULL;
    if (framed) {
        TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
        TessBaseAPISetImage2(api, framed);
        TessBaseAPISetSourceResolution(api, 300);
        if (TessBaseAPIRecognize(api, NULL) == 0) {
            char *t = TessBaseAPIGetUTF8Text(api);
            if (t) {
                size_t n = strcspn(t, "\n");
                while (n > 0 && t[n - 1] == ' ')
                    n--;
                t[n] = 0;
                ds_text_copy_utf8(out, cap, t);
                TessDeleteText(t);
            }
            *conf = (float)TessBaseAPIMeanTextConf(api);
        }
        TessBaseAPIClear(api);
    }
    pixDestroy(&framed);
    pixDestroy(&scaled);
    pixDestroy(&crop);
}

/* Two digit strings of one length that differ in one digit a reader
 * confuses (OCR noise); more than one difference is not noise. */
static bool confusable_only(const char *a, const char *b)
{
    if (strlen(a) != strlen(b))
        return false;
    int diff = 0;
    for (; *a; a++, b++)
        if (*a != *b && (!ds_digits_confusable(*a, *b) || ++diff > 1))
            return false;
    return true;
}

/* The words of t that continue word i on its right on the same visual line
 * without a space (a number written in two runs, e.g. in two fonts):
 * their indices in ix (word i first, left to right), their count returned. */
static int touching_run(const ds_text_layer *t, int i, int *ix, int cap)
{
    int n = 0;
    ix[n++] = i;
    for (;;) {
        const ds_text_word *w = &t->word[ix[n - 1]];
        int h = w->box[3], right = w->box[0] + w->box[2], cy = 2 * w->box[1] + w->box[3];
        int next = -1;
        for (int j = 0; j < t->nwords && n < cap; j++) {
            const ds_text_word *v = &t->word[j];
            int vcy = 2 * v->box[1] + v->box[3];
            if (j == ix[n - 1] || abs(vcy - cy) > h || v->box[0] < right - h / 2 ||
                v->box[0] > right + h / 5 + 1)
                continue;
            next = j;
            break;
        }
        if (next < 0 || n >= cap)
            return n;
        ix[n++] = next;
    }
}

ds_error ds_pdfev_text(const ds_pages *pages, TessBaseAPI *api, int max_words, ds_pdfev *ev)
{
    if (!pages || !api || !ev)
        return DS_ERR_USAGE;
    for (int p = 0; p < pages->count && ev->words_checked < max_words; p++) {
        const ds_text_layer *t = pages->page[p].text;
        PIX *gray = pages->page[p].gray;
        /* Only a rendering shows the text layer's own glyphs: a scan's
         * invisible words are its scanner's OCR, with that OCR's errors. */
        if (!t || !gray || !pages->pdf || p >= pages->pdf->npages || !pages->pdf->page[p].rendered)
            continue;
        char *done = calloc((size_t)t->nwords, 1);
        if (!done)
            return DS_ERR_NOMEM;
        for (int i = 0; i < t->nwords && ev->words_checked < max_words; i++) {
            char want[DS_PDFEV_TEXT], got[DS_PDFEV_TEXT], plain[DS_PDFEV_TEXT];
            char read[DS_PDFEV_TEXT];
            char text[DS_PDFEV_TEXT];
            int run[8], box[4];
            if (done[i] || !numeric(t->word[i].text) || symbol_word(t, &t->word[i]))
                continue;
            /* A number in touching runs is read as one: a box cut between
             * its runs would read part of the other. */
            int n = touching_run(t, i, run, 8);
            text[0] = 0;
            memcpy(box, t->word[i].box, sizeof box);
            for (int k = 0; k < n; k++) {
                const ds_text_word *v = &t->word[run[k]];
                done[run[k]] = 1;
                if (strlen(text) + strlen(v->text) < sizeof text)
                    strcat(text, v->text);
                int x1 = box[0] + box[2], y1 = box[1] + box[3];
                box[0] = v->box[0] < box[0] ? v->box[0] : box[0];
                box[1] = v->box[1] < box[1] ? v->box[1] : box[1];
                x1 = v->box[0] + v->box[2] > x1 ? v->box[0] + v->box[2] : x1;
                y1 = v->box[1] + v->box[3] > y1 ? v->box[1] + v->box[3] : y1;
                box[2] = x1 - box[0], box[3] = y1 - box[1];
            }
            if (!numeric(text) || digits_of(text, want, sizeof want, false) < 2 ||
                strlen(text) > 32 || box[3] < 8)
                continue;
            ev->words_checked++;
            float conf = 0;
            bool blank = ink(gray, box) < 0.01;
            if (!blank) {
                read_box(api, gray, box, read, sizeof read, &conf);
                /* Its digits as read, and with letters taken for the
                 * digits they resemble (O for 0): a number with letters in
                 * it (AB158246864) keeps them in both, so either reading may
                 * be the right one. */
                digits_of(read, plain, sizeof plain, false);
                digits_of(read, got, sizeof got, true);
                if (strcmp(got, want) == 0 || confusable_only(got, want) ||
                    strcmp(plain, want) == 0 || confusable_only(plain, want))
                    continue;
            } else {
                read[0] = 0;
            }
            if (ev->nwords >= DS_PDFEV_MAX)
                continue;
            ds_pdfev_word *m = &ev->word[ev->nwords++];
            m->page = p;
            memcpy(m->box, box, sizeof m->box);
            ds_text_copy_utf8(m->layer, sizeof m->layer, text);
            ds_text_copy_utf8(m->printed, sizeof m->printed, read);
            m->confidence = conf;
            m->strong = !blank && ds_pdfev_other_digits(text, read, conf);
        }
        free(done);
    }
    return DS_OK;
}

/* --------------------------------------------------------------- images */

void ds_pdfev_images(const ds_pages *pages, ds_pdfev *ev)
{
    if (!pages || !pages->pdf || !ev)
        return;
    const ds_pdf_info *info = pages->pdf;
    for (int p = 0; p < info->npages; p++)
        for (int k = 0; k < info->page[p].nimages && ev->nimages < DS_PDFEV_IMAGES; k++) {
            const ds_pdf_image *im = &info->page[p].images[k];
            ds_pdfev_image *e = &ev->image[ev->nimages];
            memset(e, 0, sizeof *e);
            if (ds_forensics_scan_bytes(im->dct, im->dct_len, &e->f) != DS_OK)
                continue; /* not read: no evidence either way */
            e->page = p;
            memcpy(e->box, im->box, sizeof e->box);
            e->object = im->object;
            e->width = im->width;
            e->height = im->height;
            ev->nimages++;
        }
}
