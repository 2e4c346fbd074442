/*
 * PDF input: the frame reader (decode/pdfwire.c) on hand-made frames, the
 * reader process end to end on the PDFs samples/pdfgen.py writes (scanned
 * DCT, Flate and CCITT pages, born-digital pages, the bad files with their
 * errors), its deadline and a missing reader, and the PDF forensics on the
 * edited files against their ground truth.
 */
#include "t.h"

#include <jansson.h>
#include <sys/stat.h>
#include <zlib.h>

#include "decode/decode.h"
#include "decode/pdf.h"
#include "decode/pdfwire.h"
#include "check/imagecheck.h"
#include "check/pdfcheck.h"
#include "forensics/forensics.h"
#include "forensics/pdfev.h"
#include "page/tess.h"
#include "wire_frames.h"

static char gen_dir[512];

/* ---------------------------------------------------------------- frames */

static void test_wire_good(void)
{
    buf b = {0};
    text_frame(&b, "HEAD", "pages\t2\nrevisions\t3\nproducer\tTest Writer\ncreator\t\n"
                           "rev\t2\t4\t1\nrevobjstm\t2\t3\t1\nrev\t3\t1\t\nunknown\tkey\n");
    wire_page_gray(&b, 0, 40, 30, DS_PDFWIRE_SRC_RENDERED, 200);
    text_frame(&b, "TEXT", "F\tHelvetica\nF\tCourier\n"
                           "W\t0\t2\t3\t10\t8\t0\t1000\t12.50\n"
                           "W\t0\t35\t3\t20\t8\t1\t1000\tEUR\n"
                           "W\t1\t500\t500\t10\t8\t0\t1000\toffpage\n");
    wire_page_gray(&b, 1, 20, 20, DS_PDFWIRE_SRC_RENDERED, 10);
    end_frame(&b, 2);
    ds_pages *pg = NULL;
    T_EQ_INT(read_frames(&b, &pg), DS_OK);
    T_CHECK(pg != NULL);
    if (pg) {
        T_EQ_INT(pg->format, DS_FORMAT_PDF);
        T_EQ_INT(pg->count, 2);
        T_EQ_INT(pixGetWidth(pg->page[0].gray), 40);
        T_EQ_INT(pg->page[0].dpi, 200);
        l_uint32 v = 0;
        pixGetPixel(pg->page[1].gray, 3, 3, &v);
        T_EQ_INT(v, 10);
        T_CHECK(pg->page[0].text != NULL);
        T_CHECK(pg->page[1].text == NULL);
        const ds_text_layer *t = pg->page[0].text;
        T_EQ_INT(t->nfonts, 2);
        T_EQ_INT(t->nwords, 2); /* the word off the page is dropped */
        T_EQ_STR(t->word[0].text, "12.50");
        T_EQ_INT(t->word[1].box[0], 35);
        T_EQ_INT(t->word[1].box[2], 5); /* clipped at the page's right edge */
        T_EQ_STR(t->font[t->word[1].font], "Courier");
        T_EQ_INT((int)t->word[0].size, 10);
        T_EQ_INT(pg->pdf->revisions, 3);
        T_EQ_STR(pg->pdf->producer, "Test Writer");
        T_EQ_INT(pg->pdf->nrev, 2);
        T_EQ_INT(pg->pdf->rev[0].npages, 1);
        T_EQ_INT(pg->pdf->rev[0].pages[0], 1);
        T_EQ_INT(pg->pdf->rev[1].npages, 0);
        T_EQ_INT(pg->pdf->rev[0].compressed, 3);
        T_EQ_INT(pg->pdf->rev[0].unread_streams, 1);
        T_EQ_INT(pg->pdf->rev[1].compressed, 0);
        T_EQ_INT(pg->pdf->page[0].words, 2);
        T_EQ_INT(pg->pdf->page[0].rendered, 1);
    }
    ds_pages_free(pg);
    free(b.p);
}

/* One broken answer and the error it must give. */
static void expect_wire(const buf *b, ds_error want, const char *what)
{
    ds_pages *pg = (ds_pages *)1;
    ds_error got = read_frames(b, &pg);
    if (got != want)
        T_FAIL_("%s: got %s, want %s", what, ds_error_name(got), ds_error_name(want));
    if (pg != NULL)
        T_FAIL_("%s: pages left set", what);
}

static void test_wire_bad(void)
{
    const char *head1 = "pages\t1\n";
    buf b = {0};
    text_frame(&b, "HEAD", head1);
    wire_page_gray(&b, 0, 10, 10, DS_PDFWIRE_SRC_RENDERED, 1);
    expect_wire(&b, DS_ERR_PDF_READER, "no END");
    end_frame(&b, 2);
    expect_wire(&b, DS_ERR_PDF_READER, "END counts another number of pages");
    free(b.p);

    b = (buf){0};
    wire_page_gray(&b, 0, 10, 10, DS_PDFWIRE_SRC_RENDERED, 1);
    expect_wire(&b, DS_ERR_PDF_READER, "PAGE before HEAD");
    free(b.p);

    /* object-stream counts of a revision not listed before them, or more
     * compressed objects than the revision has */
    static const char *bad_z[] = {"pages\t1\nrevobjstm\t2\t1\t0\n",
                                  "pages\t1\nrev\t2\t4\t0\nrevobjstm\t3\t1\t0\n",
                                  "pages\t1\nrev\t2\t4\t0\nrevobjstm\t2\t5\t0\n",
                                  "pages\t1\nrev\t2\t4\t0\nrevobjstm\t2\t1\t-1\n"};
    for (size_t i = 0; i < sizeof bad_z / sizeof bad_z[0]; i++) {
        b = (buf){0};
        text_frame(&b, "HEAD", bad_z[i]);
        wire_page_gray(&b, 0, 10, 10, DS_PDFWIRE_SRC_RENDERED, 1);
        end_frame(&b, 1);
        expect_wire(&b, DS_ERR_PDF_READER, "bad revobjstm line");
        free(b.p);
    }

    b = (buf){0};
    put(&b, "HEAD", 4);
    put32(&b, 0x7fffffff);
    expect_wire(&b, DS_ERR_PDF_READER, "HEAD longer than its cap");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    wire_page_gray(&b, 1, 10, 10, DS_PDFWIRE_SRC_RENDERED, 1);
    expect_wire(&b, DS_ERR_PDF_READER, "page out of order");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    wire_page_gray(&b, 0, 400, 400, DS_PDFWIRE_SRC_RENDERED, 1);
    expect_wire(&b, DS_ERR_PIXEL_LIMIT, "page over max_pixels");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", "pages\t2\n");
    wire_page_gray(&b, 0, 300, 300, DS_PDFWIRE_SRC_RENDERED, 1);
    wire_page_gray(&b, 1, 300, 300, DS_PDFWIRE_SRC_RENDERED, 1);
    expect_wire(&b, DS_ERR_PIXEL_LIMIT, "pages over max_total_pixels");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    put(&b, "PAGE", 4);
    put32(&b, 4 * DS_PDFWIRE_PAGE_HDR + 5);
    uint32_t hdr[DS_PDFWIRE_PAGE_HDR] = {0, DS_PDFWIRE_SRC_EMBEDDED, DS_PDFWIRE_CODEC_GRAY8, 10, 10};
    for (int i = 0; i < DS_PDFWIRE_PAGE_HDR; i++)
        put32(&b, hdr[i]);
    put(&b, "xxxxx", 5);
    expect_wire(&b, DS_ERR_PDF_READER, "samples shorter than the size");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    text_frame(&b, "TEXT", "F\tHelvetica\n");
    expect_wire(&b, DS_ERR_PDF_READER, "TEXT before any PAGE");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    wire_page_gray(&b, 0, 10, 10, DS_PDFWIRE_SRC_RENDERED, 1);
    text_frame(&b, "TEXT", "W\t0\tx\t3\t10\t8\t0\t1000\tword\n");
    expect_wire(&b, DS_ERR_PDF_READER, "a word's box not a number");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", "pages\t9\n");
    expect_wire(&b, DS_ERR_TOO_MANY_PAGES, "more pages than max_pages");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", "pages\t1\nrev\t2\t3\t5\n");
    expect_wire(&b, DS_ERR_PDF_READER, "a revision naming a page that does not exist");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "XXXX", "");
    expect_wire(&b, DS_ERR_PDF_READER, "unknown tag");
    free(b.p);

    b = (buf){0};
    text_frame(&b, "HEAD", head1);
    text_frame(&b, "FAIL", "encrypted\tthe file needs a password");
    expect_wire(&b, DS_ERR_PDF_ENCRYPTED, "FAIL encrypted");
    free(b.p);

    b = (buf){0};
    expect_wire(&b, DS_ERR_PDF_READER, "nothing at all");
    T_EQ_INT(ds_pdfwire_fail_error("no_pages", 8), DS_ERR_PDF_NO_PAGES);
    T_EQ_INT(ds_pdfwire_fail_error("structure_limit", 15), DS_ERR_PDF_LIMIT);
    T_EQ_INT(ds_pdfwire_fail_error("whatever", 8), DS_ERR_PDF_READER);
}

/* ------------------------------------------------------------ end to end */

static json_t *truth(const char *name)
{
    char p[700];
    snprintf(p, sizeof p, "%s/%s.json", gen_dir, name);
    return json_load_file(p, 0, NULL);
}

static ds_error decode_gen(const char *name, const ds_limits *lim_in, ds_pages **out)
{
    char p[700];
    ds_limits lim;
    if (lim_in)
        lim = *lim_in;
    else
        ds_limits_default(&lim);
    snprintf(p, sizeof p, "%s/%s.pdf", gen_dir, name);
    uint8_t *data = NULL;
    size_t len = 0;
    ds_error err = ds_read_file(p, lim.max_file_bytes, &data, &len);
    if (err == DS_OK)
        err = ds_decode_input(data, len, &lim, NULL, out);
    free(data);
    return err;
}

static double mean_gray(PIX *g)
{
    l_float32 v = 0;
    pixGetAverageMasked(g, NULL, 0, 0, 1, L_MEAN_ABSVAL, &v);
    return v;
}

static void test_scanned(void)
{
    static const char *codecs[] = {"dct", "flate", "ccitt", "jbig2"};
    for (int i = 0; i < 4; i++) {
        char name[64];
        snprintf(name, sizeof name, "scanned-%s-0", codecs[i]);
        json_t *t = truth(name);
        T_CHECK(t != NULL);
        int dpi = (int)json_integer_value(json_object_get(t, "dpi"));
        ds_pages *pg = NULL;
        T_EQ_INT(decode_gen(name, NULL, &pg), DS_OK);
        if (pg) {
            T_EQ_INT(pg->count, 1);
            T_EQ_INT(pg->format, DS_FORMAT_PDF);
            /* JBIG2 is rendered (by MuPDF's decoder) at the image's own resolution */
            T_EQ_INT(pg->pdf->page[0].rendered, i == 3);
            T_EQ_STR(pg->pdf->page[0].codec, codecs[i]);
            T_EQ_INT(pg->page[0].dpi, dpi);
            /* the image at its own size: 8.27 x 11.69 inches at its dpi */
            T_EQ_INT(pixGetWidth(pg->page[0].gray), (int)(8.27 * dpi));
            T_EQ_INT(pixGetHeight(pg->page[0].gray), (int)(11.69 * dpi));
            /* a light page with dark text, the right way round */
            double m = mean_gray(pg->page[0].gray);
            if (m < 200)
                T_FAIL_("%s: mean gray %.1f, a light page expected", name, m);
            l_int32 dark = 0;
            pixGetExtremeValue(pg->page[0].gray, 1, L_SELECT_MIN, NULL, NULL, NULL, &dark);
            if (dark > 80)
                T_FAIL_("%s: darkest pixel %d, printed text expected", name, dark);
            T_CHECK(pg->page[0].text == NULL);
        }
        ds_pages_free(pg);
        json_decref(t);
    }
}

static void test_born(void)
{
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("born-0", NULL, &pg), DS_OK);
    if (!pg)
        return;
    T_EQ_INT(pg->pdf->page[0].rendered, 1);
    T_EQ_INT(pg->page[0].dpi, 200);
    /* A4 at 200 dpi */
    T_EQ_INT(pixGetWidth(pg->page[0].gray), 1653);
    const ds_text_layer *t = pg->page[0].text;
    T_CHECK(t != NULL && t->nwords > 50);
    int found = 0;
    for (int i = 0; t && i < t->nwords; i++)
        if (strcmp(t->word[i].text, "Statement") == 0) {
            found = 1;
            /* 56 pt from the left at 200 dpi, 10 pt text */
            T_CHECK(abs(t->word[i].box[0] - 156) <= 3);
            T_CHECK(t->word[i].box[3] > 20 && t->word[i].box[3] < 45);
            T_EQ_STR(t->font[t->word[i].font], "Helvetica");
        }
    T_CHECK(found);
    T_EQ_STR(pg->pdf->producer, "Northbank statements 4.2");
    T_EQ_INT(pg->pdf->revisions, 1);
    ds_pages_free(pg);
}

/* Renderings share max_total_pixels: with a small budget the page is drawn
 * at the resolution that fits it, not refused. */
static void test_render_fits_total(void)
{
    ds_limits lim;
    ds_limits_default(&lim);
    lim.max_total_pixels = 2000000;
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("born-0", &lim, &pg), DS_OK);
    if (!pg)
        return;
    uint64_t px = (uint64_t)pixGetWidth(pg->page[0].gray) * pixGetHeight(pg->page[0].gray);
    T_CHECK(px <= lim.max_total_pixels);
    /* 72 * sqrt(2e6 / (595 * 842)) = 143 dpi */
    T_CHECK(pg->page[0].dpi >= 130 && pg->page[0].dpi < 200);
    T_CHECK(pg->page[0].text != NULL && pg->page[0].text->nwords > 50);
    ds_pages_free(pg);
}

static void test_bad_files(void)
{
    static const char *names[] = {"encrypted", "broken", "truncated", "no-pages", "flate-bomb",
                                  "content-bomb", "page-loop", "many-pages", "huge-image"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "bad/%s", names[i]);
        json_t *t = truth(name);
        const char *want = json_string_value(json_object_get(t, "error"));
        ds_pages *pg = NULL;
        ds_error err = decode_gen(name, NULL, &pg);
        if (!want || strcmp(ds_error_name(err), want) != 0)
            T_FAIL_("%s: got %s, want %s", name, ds_error_name(err), want ? want : "?");
        T_CHECK(pg == NULL);
        json_decref(t);
    }
}

static void test_updated(void)
{
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("updated-0", NULL, &pg), DS_OK);
    if (!pg)
        return;
    T_EQ_INT(pg->pdf->revisions, 2);
    T_EQ_INT(pg->pdf->nrev, 1);
    T_EQ_INT(pg->pdf->rev[0].npages, 1);
    T_EQ_INT(pg->pdf->rev[0].pages[0], 0);
    ds_pages_free(pg);
    /* the genuine file it was made from: one revision */
    T_EQ_INT(decode_gen("born-0", NULL, &pg), DS_OK);
    if (pg)
        T_EQ_INT(pg->pdf->nrev, 0);
    ds_pages_free(pg);
}

static void test_reader_missing_and_deadline(void)
{
    ds_limits lim;
    ds_limits_default(&lim);
    static const char pdf[] = "%PDF-1.4\n%%EOF\n";
    ds_pages *pg = NULL;
    T_EQ_INT(ds_pdf_decode((const uint8_t *)pdf, sizeof pdf - 1, &lim, "/nonexistent/docscreen-pdf",
                           &pg),
             DS_ERR_PDF_READER);
    T_CHECK(pg == NULL);
    /* a reader that never answers is killed at the deadline */
    char path[700];
    snprintf(path, sizeof path, "%s/hang.sh", gen_dir);
    FILE *f = fopen(path, "w");
    T_CHECK(f != NULL);
    if (!f)
        return;
    fputs("#!/bin/sh\nexec sleep 60\n", f);
    fclose(f);
    chmod(path, 0755);
    lim.max_decode_ms = 300;
    T_EQ_INT(ds_pdf_decode((const uint8_t *)pdf, sizeof pdf - 1, &lim, path, &pg),
             DS_ERR_DECODE_TIME);
    /* a reader that writes nonsense */
    snprintf(path, sizeof path, "%s/noise.sh", gen_dir);
    f = fopen(path, "w");
    fputs("#!/bin/sh\nhead -c 5000 /dev/zero\n", f);
    fclose(f);
    chmod(path, 0755);
    lim.max_decode_ms = 10000;
    T_EQ_INT(ds_pdf_decode((const uint8_t *)pdf, sizeof pdf - 1, &lim, path, &pg),
             DS_ERR_PDF_READER);
    T_CHECK(pg == NULL);
}

/* -------------------------------------------------------------- forensics */

static void test_fonts(void)
{
    ds_pages *pg = NULL;
    ds_pdfev ev;
    T_EQ_INT(decode_gen("fontswap-0", NULL, &pg), DS_OK);
    memset(&ev, 0, sizeof ev);
    ds_pdfev_fonts(pg, &ev);
    json_t *t = truth("fontswap-0");
    const char *number = json_string_value(
        json_object_get(json_array_get(json_object_get(t, "defects"), 0), "number"));
    T_EQ_INT(ev.nfonts, 1);
    if (ev.nfonts == 1 && number) {
        T_EQ_STR(ev.font[0].word, number);
        T_CHECK(ev.font[0].inside_number);
    }
    json_decref(t);
    ds_pages_free(pg);
    pg = NULL;
    T_EQ_INT(decode_gen("born-0", NULL, &pg), DS_OK);
    memset(&ev, 0, sizeof ev);
    ds_pdfev_fonts(pg, &ev);
    T_EQ_INT(ev.nfonts, 0);
    ds_pages_free(pg);
    char fam[48];
    ds_pdfev_family("ABCDEF+Arial-BoldMT", fam, sizeof fam);
    T_EQ_STR(fam, "arial");
    ds_pdfev_family("TimesNewRomanPSMT", fam, sizeof fam);
    T_EQ_STR(fam, "timesnewroman");
}

static void test_text_against_print(void)
{
    TessBaseAPI *api = NULL;
    if (ds_tess_create("eng", &api) != DS_OK)
        T_SKIP("no Tesseract eng traineddata");
    ds_pages *pg = NULL;
    ds_pdfev ev;
    T_EQ_INT(decode_gen("overwritten-0", NULL, &pg), DS_OK);
    memset(&ev, 0, sizeof ev);
    T_EQ_INT(ds_pdfev_text(pg, api, 300, &ev), DS_OK);
    json_t *t = truth("overwritten-0");
    const char *old = json_string_value(
        json_object_get(json_array_get(json_object_get(t, "defects"), 0), "layer"));
    T_CHECK(ev.words_checked > 20);
    T_EQ_INT(ev.nwords, 1);
    if (ev.nwords == 1 && old) {
        T_EQ_STR(ev.word[0].layer, old);
        T_CHECK(ev.word[0].strong);
    }
    json_decref(t);
    ds_pages_free(pg);
    pg = NULL;
    T_EQ_INT(decode_gen("born-0", NULL, &pg), DS_OK);
    memset(&ev, 0, sizeof ev);
    T_EQ_INT(ds_pdfev_text(pg, api, 300, &ev), DS_OK);
    T_CHECK(ev.words_checked > 20);
    T_EQ_INT(ev.nwords, 0);
    ds_pages_free(pg);
    /* a scanned page has no text layer to compare */
    pg = NULL;
    T_EQ_INT(decode_gen("scanned-dct-0", NULL, &pg), DS_OK);
    memset(&ev, 0, sizeof ev);
    T_EQ_INT(ds_pdfev_text(pg, api, 300, &ev), DS_OK);
    T_EQ_INT(ev.words_checked, 0);
    ds_pages_free(pg);
    ds_tess_free(api);
}

/* What counts as the page showing other digits (found on Debian's own
 * manuals: OCR reading letters for a text layer's digits is no edit). */
static void test_other_digits(void)
{
    T_CHECK(ds_pdfev_other_digits("1,250.00", "1,750.00", 91.0f));
    T_CHECK(ds_pdfev_other_digits("2024-03-01", "2024-08-01", 88.0f));
    T_CHECK(!ds_pdfev_other_digits("1,250.00", "1,750.00", 60.0f)); /* unclear */
    T_CHECK(!ds_pdfev_other_digits("41", "Al", 90.0f));
    T_CHECK(!ds_pdfev_other_digits("2000)1st", "2000) Ist", 90.0f));
    T_CHECK(!ds_pdfev_other_digits("12", "", 90.0f));
    /* a reference with letters keeps them: other digits are still evidence */
    T_CHECK(ds_pdfev_other_digits("AB158246864", "AB158246964", 90.0f));
}

/* One synthetic born-digital page: words (text, font index, x) on one line. */
static ds_pages *layer_page(const char *const *fonts, int nfonts, const char *const *text,
                            const int *font, const int *x, int n)
{
    ds_pages *pg = calloc(1, sizeof *pg);
    pg->count = 1;
    pg->page = calloc(1, sizeof *pg->page);
    ds_text_layer *t = calloc(1, sizeof *t);
    pg->page[0].text = t;
    t->nfonts = nfonts;
    t->font = calloc((size_t)nfonts, sizeof *t->font);
    for (int i = 0; i < nfonts; i++)
        t->font[i] = strdup(fonts[i]);
    t->nwords = n;
    t->word = calloc((size_t)n, sizeof *t->word);
    for (int i = 0; i < n; i++) {
        t->word[i].text = strdup(text[i]);
        t->word[i].font = font[i];
        t->word[i].line = 0;
        int w = 14 * (int)strlen(text[i]);
        t->word[i].box[0] = x[i], t->word[i].box[1] = 100, t->word[i].box[2] = w;
        t->word[i].box[3] = 30;
    }
    return pg;
}

static void test_symbol_fonts(void)
{
    /* "12" typed as "1" in one family and "2" in another, touching: a mix */
    const char *text[] = {"1", "2"};
    const int font[] = {0, 1}, x[] = {100, 114};
    const char *plain[] = {"ABCDEF+Palatino-Roman", "GHIJKL+Arial-BoldMT"};
    ds_pages *pg = layer_page(plain, 2, text, font, x, 2);
    ds_pdfev ev;
    memset(&ev, 0, sizeof ev);
    ds_pdfev_fonts(pg, &ev);
    T_EQ_INT(ev.nfonts, 1);
    ds_pages_free(pg);
    /* the same with a math font (a blackboard-bold 1 beside Palatino) */
    const char *math[] = {"ABCDEF+Palatino-Roman", "GHIJKL+PazoMathBlackboardBold"};
    pg = layer_page(math, 2, text, font, x, 2);
    memset(&ev, 0, sizeof ev);
    ds_pdfev_fonts(pg, &ev);
    T_EQ_INT(ev.nfonts, 0);
    ds_pages_free(pg);
    const char *tex[] = {"CMR10", "CMMI10"};
    pg = layer_page(tex, 2, text, font, x, 2);
    memset(&ev, 0, sizeof ev);
    ds_pdfev_fonts(pg, &ev);
    T_EQ_INT(ev.nfonts, 0);
    ds_pages_free(pg);
}

/* The severity of the PDF_FONT_MIX flag in flags, -1 when there is none. */
static int font_mix_severity(const ds_flags *flags)
{
    int sev = -1;
    for (int i = 0; i < flags->count; i++)
        if (flags->item[i].code == DS_FLAG_PDF_FONT_MIX)
            sev = (int)flags->item[i].severity;
    return sev;
}

/* A font mix is high only beside a clear reading of other digits on its
 * page (or a revision that changed it); an unclear reading is no evidence. */
static void test_font_mix_severity(void)
{
    ds_pdf_info info;
    memset(&info, 0, sizeof info);
    info.npages = 1;
    ds_pdfev ev;
    memset(&ev, 0, sizeof ev);
    ev.nfonts = 1;
    snprintf(ev.font[0].word, sizeof ev.font[0].word, "12");
    snprintf(ev.font[0].font_a, sizeof ev.font[0].font_a, "palatino");
    snprintf(ev.font[0].font_b, sizeof ev.font[0].font_b, "arial");
    ev.font[0].inside_number = true;
    ev.nwords = 1;
    snprintf(ev.word[0].layer, sizeof ev.word[0].layer, "7.4");
    snprintf(ev.word[0].printed, sizeof ev.word[0].printed, "7A");
    ev.word[0].confidence = 40;
    ev.word[0].strong = false;
    static ds_flags flags;
    memset(&flags, 0, sizeof flags);
    ds_check_pdf(&info, &ev, &flags);
    T_EQ_INT(font_mix_severity(&flags), DS_SEV_WARNING);
    ev.word[0].strong = true;
    memset(&flags, 0, sizeof flags);
    ds_check_pdf(&info, &ev, &flags);
    T_EQ_INT(font_mix_severity(&flags), DS_SEV_HIGH);
}

int ds_pdfparse_fuzz(const uint8_t *data, size_t size); /* tools/pdfparse.cpp */

static int revisions(const char *s) { return ds_pdfparse_fuzz((const uint8_t *)s, strlen(s)); }

static void test_revision_scan(void)
{
    /* saved once; twice (an appended section); a linearized file's
     * first-page section is no revision of its own; empty %%EOF repeats */
    T_EQ_INT(revisions("%PDF-1.4\n1 0 obj<<>>endobj\nxref\nstartxref\n9\n%%EOF\n"), 1);
    T_EQ_INT(revisions("%PDF-1.4\n1 0 obj<<>>endobj\nstartxref\n9\n%%EOF\n"
                       "2 0 obj<<>>endobj\nxref\nstartxref\n30\n%%EOF\n"), 2);
    T_EQ_INT(revisions("%PDF-1.4\n1 0 obj<</Linearized 1>>endobj\nxref\nstartxref\n0\n%%EOF\n"
                       "2 0 obj<<>>endobj\nxref\nstartxref\n9\n%%EOF\n"), 1);
    T_EQ_INT(revisions("%PDF-1.4\n1 0 obj<</Linearized 1>>endobj\nxref\nstartxref\n0\n%%EOF\n"
                       "2 0 obj<<>>endobj\nxref\nstartxref\n9\n%%EOF\n"
                       "3 0 obj<<>>endobj\nxref\nstartxref\n60\n%%EOF\n"), 2);
    T_EQ_INT(revisions("%PDF-1.4\n1 0 obj<<>>endobj\nstartxref\n9\n%%EOF\n%%EOF\n"), 1);
    /* an update with a cross-reference stream has objects and no "xref" */
    T_EQ_INT(revisions("%PDF-1.5\n1 0 obj<<>>endobj\nstartxref\n9\n%%EOF\n"
                       "2 0 obj<</Type/XRef>>stream\nendstream endobj\nstartxref\n30\n%%EOF\n"), 2);
    T_EQ_INT(revisions("no pdf at all"), 0);
}

int ds_pdfparse_objstm(const uint8_t *data, size_t size, int *unread); /* tools/pdfparse.cpp */

/* An object stream "N 0 obj DICT stream DATA endstream endobj" as text. */
static size_t objstm(char *out, size_t cap, const char *dict, const uint8_t *data, size_t n)
{
    int h = snprintf(out, cap, "%%PDF-1.5\n12 0 obj\n%s\nstream\n", dict);
    if (h < 0 || (size_t)h + n + 32 > cap)
        return 0;
    memcpy(out + h, data, n);
    return (size_t)h + n + (size_t)snprintf(out + h + n, cap - h - n, "\nendstream\nendobj\n");
}

static int objstm_count(const char *dict, const uint8_t *data, size_t n, int *unread)
{
    static char b[1 << 20];
    size_t len = objstm(b, sizeof b, dict, data, n);
    T_CHECK(len > 0);
    return ds_pdfparse_objstm((const uint8_t *)b, len, unread);
}

/* The object streams of a revision (PDF 1.5): the objects their headers
 * list, read with limits; what cannot be read is counted, never guessed. */
static void test_objstm_scan(void)
{
    static const char body[] = "5 0 6 11\n<< /A 1 >>\n<< /B 2 >>\n";
    const size_t first = 9;
    uint8_t z[4096];
    uLongf zn = sizeof z;
    T_EQ_INT(compress2(z, &zn, (const Bytef *)body, sizeof body - 1, 9), Z_OK);
    char d[256];
    int unread = -1;
    /* unfiltered and Flate: objects 5 and 6 */
    snprintf(d, sizeof d, "<< /Type /ObjStm /N 2 /First %zu /Length %zu >>", first, sizeof body - 1);
    T_EQ_INT(objstm_count(d, (const uint8_t *)body, sizeof body - 1, &unread), 2);
    T_EQ_INT(unread, 0);
    snprintf(d, sizeof d, "<</Type/ObjStm/N 2/First %zu/Filter/FlateDecode/Length %lu>>", first,
             (unsigned long)zn);
    T_EQ_INT(objstm_count(d, z, zn, &unread), 2);
    T_EQ_INT(unread, 0);
    /* nested entries and strings do not confuse the keys */
    snprintf(d, sizeof d, "<< /X << /N 99 /First 1 >> /S (a >> b \\) /N 7) /Type /ObjStm /N 2 "
             "/First %zu /Filter /FlateDecode /Length 9 0 R >>", first);
    T_EQ_INT(objstm_count(d, z, zn, &unread), 2);
    T_EQ_INT(unread, 0);
    /* not an object stream (a cross-reference stream): nothing, nothing unread */
    T_EQ_INT(objstm_count("<< /Type /XRef /N 2 /First 9 /Filter /FlateDecode >>", z, zn, &unread), 0);
    T_EQ_INT(unread, 0);
    /* filters and predictors not read, a header over 4 MiB, a cut stream,
     * a header with fewer pairs than /N, a dictionary nested 40 deep: unread */
    const char *bad[] = {
        "<< /Type /ObjStm /N 2 /First 9 /Filter [/FlateDecode] >>",
        "<< /Type /ObjStm /N 2 /First 9 /Filter /FlateDecode /DecodeParms << /Predictor 12 >> >>",
        "<< /Type /ObjStm /N 2 /First 9 /Filter /LZWDecode >>",
        "<< /Type /ObjStm /N 2 /First 4194305 /Filter /FlateDecode >>",
        "<< /Type /ObjStm /N 2 /First 99999999999 /Filter /FlateDecode >>",
        "<< /Type /ObjStm /N -2 /First 9 /Filter /FlateDecode >>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        unread = -1;
        if (objstm_count(bad[i], z, zn, &unread) != 0 || unread != 1)
            T_FAIL_("bad object stream %zu: unread %d", i, unread);
    }
    T_EQ_INT(objstm_count("<< /Type /ObjStm /N 2 /First 9 /Filter /FlateDecode >>", z, 3,
                          &unread), 0);
    T_EQ_INT(unread, 1);
    T_EQ_INT(objstm_count("<< /Type /ObjStm /N 3 /First 9 /Filter /FlateDecode >>", z, zn, &unread),
             2);
    T_EQ_INT(unread, 1);
    char deep[400] = "<< /Type /ObjStm /N 2 /First 9 /X ";
    for (int i = 0; i < 40; i++)
        strcat(deep, "<<");
    T_EQ_INT(objstm_count(deep, z, zn, &unread), 0);
    T_EQ_INT(unread, 1);
    /* a bomb: a 9-byte header then 64 MiB of zeros; only /First bytes are
     * ever decoded, so the header is read and the rest never inflated */
    size_t big = (size_t)64 << 20;
    uint8_t *raw = calloc(1, big);
    uLongf bn = compressBound(big);
    uint8_t *bz = malloc(bn);
    T_CHECK(raw && bz);
    if (raw && bz) {
        memcpy(raw, "5 0 6 11\n", 9);
        T_EQ_INT(compress2(bz, &bn, raw, big, 9), Z_OK);
        T_CHECK(bn < 200000);
        T_EQ_INT(objstm_count("<< /Type /ObjStm /N 2 /First 9 /Filter /FlateDecode >>", bz, bn,
                              &unread),
                 2);
        T_EQ_INT(unread, 0);
        /* a header said to be 4 MiB of pairs that inflates to zeros: unread */
        T_EQ_INT(objstm_count("<< /Type /ObjStm /N 9 /First 4194304 /Filter /FlateDecode >>", bz,
                              bn, &unread),
                 2);
        T_EQ_INT(unread, 1);
    }
    free(raw);
    free(bz);
    /* 200,000 object streams whose dictionaries never close: each would be
     * read 64 KiB far (13 GB in all); the file's budget stops it after
     * 64 MiB, the rest counted as unread, nothing found */
    static const char one[] = "1 0 obj << /Type /ObjStm /N 1 /First 4 /X [ ";
    size_t n = 200000, len = 9 + n * (sizeof one - 1);
    char *many = malloc(len + 1);
    T_CHECK(many != NULL);
    if (many) {
        memcpy(many, "%PDF-1.5\n", 9);
        for (size_t i = 0; i < n; i++)
            memcpy(many + 9 + i * (sizeof one - 1), one, sizeof one - 1);
        unread = 0;
        T_EQ_INT(ds_pdfparse_objstm((const uint8_t *)many, len, &unread), 0);
        T_CHECK(unread >= 1 && unread < 2000);
        free(many);
    }
}

/* Incremental updates saved with object and cross-reference streams (PDF
 * 1.5): the revision is found (it has no "xref" keyword) and the pages it
 * changed are found inside its object streams. */
static void test_objstm_revisions(void)
{
    static const struct {
        const char *name;
        int changed; /* the page changed, -1: none */
        int compressed;
    } want[] = {{"updated-objstm-0", 1, 1}, {"restyled-objstm-0", 0, 2}, {"metadata-objstm-0", -1, 1}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ds_pages *pg = NULL;
        T_EQ_INT(decode_gen(want[i].name, NULL, &pg), DS_OK);
        if (!pg)
            continue;
        T_EQ_INT(pg->count, 2);
        T_EQ_INT(pg->pdf->repaired, 0);
        T_EQ_INT(pg->pdf->revisions, 2);
        T_EQ_INT(pg->pdf->nrev, 1);
        T_EQ_INT(pg->pdf->rev[0].compressed, want[i].compressed);
        T_EQ_INT(pg->pdf->rev[0].unread_streams, 0);
        T_EQ_INT(pg->pdf->rev[0].npages, want[i].changed < 0 ? 0 : 1);
        if (want[i].changed >= 0 && pg->pdf->rev[0].npages == 1)
            T_EQ_INT(pg->pdf->rev[0].pages[0], want[i].changed);
        /* the flag: a warning on the changed page; information otherwise */
        ds_flags flags;
        memset(&flags, 0, sizeof flags);
        ds_check_pdf(pg->pdf, NULL, &flags);
        T_EQ_INT(flags.count, 1);
        if (flags.count == 1) {
            T_EQ_STR(ds_flag_name(flags.item[0].code), "PDF_INCREMENTAL_UPDATE");
            T_EQ_INT(flags.item[0].severity, want[i].changed >= 0 ? DS_SEV_WARNING : DS_SEV_INFO);
            T_EQ_INT(flags.item[0].page, want[i].changed >= 0 ? want[i].changed : 0);
        }
        ds_pages_free(pg);
    }
    /* the genuine file they were made from: saved once */
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("born-objstm-0", NULL, &pg), DS_OK);
    if (pg) {
        T_EQ_INT(pg->pdf->revisions, 1);
        T_EQ_INT(pg->pdf->nrev, 0);
    }
    ds_pages_free(pg);
}

/* A scanned page embedded as JPEG keeps its bytes for the image forensics;
 * an edited and re-saved scan shows a double save, the clean scan and a
 * rendered page do not. */
static void test_embedded_jpeg(void)
{
    ds_pages *pg = NULL;
    ds_forensics f;
    T_EQ_INT(decode_gen("scanned-resaved-0", NULL, &pg), DS_OK);
    if (pg) {
        const ds_pdf_page_src *s = &pg->pdf->page[0];
        T_CHECK(s->dct != NULL && s->dct_len > 1000);
        if (s->dct) {
            /* the bytes as embedded: a JPEG from SOI to EOI */
            T_CHECK(s->dct[0] == 0xff && s->dct[1] == 0xd8);
            T_CHECK(s->dct[s->dct_len - 2] == 0xff && s->dct[s->dct_len - 1] == 0xd9);
            T_EQ_INT(ds_forensics_scan_bytes(s->dct, s->dct_len, &f), DS_OK);
            T_CHECK(f.jpeg_double);
            T_EQ_INT(f.jpeg_quality, 92);
            T_CHECK(f.jpeg_first_quality >= 60 && f.jpeg_first_quality <= 80);
            ds_flags flags;
            memset(&flags, 0, sizeof flags);
            T_EQ_INT(ds_forensics_check(&f, 0, &flags), 1);
            T_EQ_STR(ds_flag_name(flags.item[0].code), "IMAGE_EDITED");
            T_EQ_INT(flags.item[0].severity, DS_SEV_WARNING);
        }
    }
    ds_pages_free(pg);
    pg = NULL;
    T_EQ_INT(decode_gen("scanned-dct-0", NULL, &pg), DS_OK);
    if (pg && pg->pdf->page[0].dct) {
        T_EQ_INT(ds_forensics_scan_bytes(pg->pdf->page[0].dct, pg->pdf->page[0].dct_len, &f), DS_OK);
        T_CHECK(!f.edited && !f.jpeg_double);
        T_EQ_INT(f.jpeg_quality, 88);
    } else {
        T_FAIL_("scanned-dct-0: no embedded JPEG kept");
    }
    ds_pages_free(pg);
    /* pages that are not an embedded JPEG keep nothing */
    static const char *none[] = {"scanned-flate-0", "scanned-jbig2-0", "born-0"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        pg = NULL;
        T_EQ_INT(decode_gen(none[i], NULL, &pg), DS_OK);
        if (pg && (pg->pdf->page[0].dct || pg->pdf->page[0].dct_len))
            T_FAIL_("%s: a JPEG kept for a page that is not one", none[i]);
        ds_pages_free(pg);
    }
}

static void test_editor_table(void)
{
    ds_pdf_info info;
    ds_pdfev ev;
    memset(&info, 0, sizeof info);
    memset(&ev, 0, sizeof ev);
    snprintf(info.producer, sizeof info.producer, "Microsoft Word for Microsoft 365");
    ds_pdfev_editor(&info, &ev);
    T_EQ_STR(ev.editor, "");
    snprintf(info.creator, sizeof info.creator, "Sejda PDF Desktop 7");
    ds_pdfev_editor(&info, &ev);
    T_EQ_STR(ev.editor, "Sejda");
    T_EQ_STR(ev.editor_field, "creator");
}

int main(int argc, char **argv)
{
    /* The reader from this build; the sample PDFs written once for all cases. */
    setenv("DOCSCREEN_PDF_HELPER", DS_BUILD_DIR "/docscreen-pdf", 1);
    snprintf(gen_dir, sizeof gen_dir, "%s/tests/pdfgen", DS_BUILD_DIR);
    char probe[700];
    /* (written again when a kind the generator gained is missing) */
    char probe2[700];
    snprintf(probe, sizeof probe, "%s/bad/huge-image.json", gen_dir);
    snprintf(probe2, sizeof probe2, "%s/metadata-objstm-0.json", gen_dir);
    if (access(probe, R_OK) != 0 || access(probe2, R_OK) != 0) {
        char cmd[1600];
        snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/samples/pdfgen.py --out %s --count 1 --seed 7",
                 DS_SOURCE_DIR, gen_dir);
        if (system(cmd) != 0) {
            fprintf(stderr, "test_pdf: samples/pdfgen.py failed\n");
            return 1;
        }
    }
    static const t_case cases[] = {
        {"wire_good", test_wire_good},
        {"wire_bad", test_wire_bad},
        {"scanned", test_scanned},
        {"born", test_born},
        {"bad_files", test_bad_files},
        {"render_fits_total", test_render_fits_total},
        {"updated", test_updated},
        {"reader_missing_and_deadline", test_reader_missing_and_deadline},
        {"fonts", test_fonts},
        {"text_against_print", test_text_against_print},
        {"editor_table", test_editor_table},
        {"revision_scan", test_revision_scan},
        {"other_digits", test_other_digits},
        {"symbol_fonts", test_symbol_fonts},
        {"font_mix_severity", test_font_mix_severity},
        {"objstm_scan", test_objstm_scan},
        {"objstm_revisions", test_objstm_revisions},
        {"embedded_jpeg", test_embedded_jpeg},
    };
    return T_RUN(cases);
}
