/*
 * PDF revisions and placed images: each update's cross-reference data
 * (tables, streams with /W, /Index and PNG predictors) read against its
 * bytes by the reader's own scan (tools/pdfparse.cpp), hostile xref data
 * counted as unread; changed objects several pages share reported once with
 * the pages that draw with them; JPEG images drawn on rendered pages sent
 * with their boxes and checked by the image forensics. End to end on the
 * PDFs samples/pdfgen.py writes, and on hand-made frames (decode/pdfwire.c).
 */
#include "t.h"

#include <zlib.h>

#include "check/pdfcheck.h"
#include "decode/decode.h"
#include "decode/pdf.h"
#include "decode/pdfwire.h"
#include "forensics/pdfev.h"
#include "wire_frames.h"

int ds_pdfparse_revision(const uint8_t *data, size_t size, size_t from, int counts[8]);

static char gen_dir[512];

/* ------------------------------------------------------------ raw bytes */

typedef struct raw {
    uint8_t p[1 << 16];
    size_t n;
} raw;

static void add(raw *r, const void *d, size_t n)
{
    if (r->n + n > sizeof r->p) {
        T_FAIL_("test file over %zu bytes", sizeof r->p);
        return;
    }
    memcpy(r->p + r->n, d, n);
    r->n += n;
}

static void adds(raw *r, const char *s) { add(r, s, strlen(s)); }

/* "N 0 obj BODY endobj"; returns the header's offset. */
static size_t obj(raw *r, int num, const char *body)
{
    size_t at = r->n;
    char h[32];
    snprintf(h, sizeof h, "%d 0 obj\n", num);
    adds(r, h);
    adds(r, body);
    adds(r, "\nendobj\n");
    return at;
}

/* A stream object: dict (without /Length), then data as it is. */
static size_t stream_obj(raw *r, int num, const char *dict, const uint8_t *data, size_t n)
{
    size_t at = r->n;
    char h[512];
    snprintf(h, sizeof h, "%d 0 obj\n<< %s /Length %zu >>\nstream\n", num, dict, n);
    adds(r, h);
    add(r, data, n);
    adds(r, "\nendstream\nendobj\n");
    return at;
}

/* A first revision of objects 1 and 2; offsets in o[1], o[2]. */
static void base_rev(raw *r, size_t o[3])
{
    r->n = 0;
    adds(r, "%PDF-1.5\n");
    o[1] = obj(r, 1, "<< /Type /Catalog >>");
    o[2] = obj(r, 2, "<< /B 2 >>");
    adds(r, "startxref\n0\n%%EOF\n");
}

static int rev_counts(const raw *r, size_t from, int c[8])
{
    memset(c, 0xff, 8 * sizeof *c);
    return ds_pdfparse_revision(r->p, r->n, from, c);
}

/* A classic table in an update: its entries against the objects' headers. */
static void test_xref_table(void)
{
    static raw r;
    size_t o[3], from, u2, u3;
    int c[8];
    char t[512];
    /* correct: objects 2 and 3 at their offsets */
    base_rev(&r, o);
    from = r.n;
    u2 = obj(&r, 2, "<< /B 3 >>");
    u3 = obj(&r, 3, "<< /C 1 >>");
    snprintf(t, sizeof t, "xref\n0 1\n0000000000 65535 f \n2 2\n%010zu 00000 n \n%010zu 00000 n \n"
             "trailer\n<< /Size 4 >>\nstartxref\n0\n%%%%EOF\n", u2, u3);
    adds(&r, t);
    T_EQ_INT(rev_counts(&r, from, c), 2);
    T_EQ_INT(c[0], 1); /* one section, read */
    T_EQ_INT(c[1], 0);
    T_EQ_INT(c[2], 2);
    T_EQ_INT(c[3], 0);
    T_EQ_INT(c[4], 0);
    T_EQ_INT(c[5], 0);
    /* every object listed again, the unchanged one at its old offset */
    r.n = from;
    u2 = obj(&r, 2, "<< /B 3 >>");
    snprintf(t, sizeof t, "xref\n0 3\n0000000000 65535 f \n%010zu 00000 n \n%010zu 00000 n \n"
             "trailer\n<< /Size 3 >>\nstartxref\n0\n%%%%EOF\n", o[1], u2);
    adds(&r, t);
    T_EQ_INT(rev_counts(&r, from, c), 1);
    T_EQ_INT(c[2], 2);
    T_EQ_INT(c[3], 1); /* relisted, not changed */
    T_EQ_INT(c[4], 0);
    T_EQ_INT(c[5], 0);
    /* a hand edit: object 3's entry points at object 2, object 3 is then
     * listed nowhere; object 1's entry points past the revision */
    r.n = from;
    u2 = obj(&r, 2, "<< /B 3 >>");
    obj(&r, 3, "<< /C 1 >>");
    snprintf(t, sizeof t, "xref\n1 3\n%010zu 00000 n \n%010zu 00000 n \n%010zu 00000 n \n"
             "trailer\n<< /Size 4 >>\nstartxref\n0\n%%%%EOF\n", (size_t)60000, u2, u2);
    adds(&r, t);
    T_EQ_INT(rev_counts(&r, from, c), 2);
    T_EQ_INT(c[2], 3);
    T_EQ_INT(c[4], 2); /* 1 past the revision, 3 at object 2's header */
    T_EQ_INT(c[5], 1); /* 3 */
    /* a table that is not one: counted unread, nothing said unlisted */
    r.n = from;
    obj(&r, 2, "<< /B 3 >>");
    adds(&r, "xref\n0 2\n0000000000 65535 f \nabc 00000 n \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n");
    T_EQ_INT(rev_counts(&r, from, c), 1);
    T_EQ_INT(c[0], 1);
    T_EQ_INT(c[1], 1);
    T_EQ_INT(c[5], 0);
}

/* Rows of cols bytes behind PNG "Up" filter bytes (/Predictor 12). */
static size_t png_up(const uint8_t *rows, size_t nrows, size_t cols, uint8_t *out)
{
    size_t k = 0;
    for (size_t r = 0; r < nrows; r++) {
        out[k++] = 2;
        for (size_t i = 0; i < cols; i++)
            out[k++] = (uint8_t)(rows[r * cols + i] - (r ? rows[(r - 1) * cols + i] : 0));
    }
    return k;
}

/* The same with each row's filter chosen in turn from Sub, Average and
 * Paeth (/Predictor 15: any filter, row by row). */
static size_t png_mixed(const uint8_t *rows, size_t nrows, size_t cols, uint8_t *out)
{
    size_t k = 0;
    for (size_t r = 0; r < nrows; r++) {
        int f = (int)(r % 3) == 0 ? 1 : (int)(r % 3) == 1 ? 3 : 4;
        out[k++] = (uint8_t)f;
        const uint8_t *row = rows + r * cols, *up = r ? rows + (r - 1) * cols : NULL;
        for (size_t i = 0; i < cols; i++) {
            int a = i ? row[i - 1] : 0, b = up ? up[i] : 0, c = up && i ? up[i - 1] : 0, pr;
            if (f == 1)
                pr = a;
            else if (f == 3)
                pr = (a + b) / 2;
            else {
                int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
                pr = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            }
            out[k++] = (uint8_t)(row[i] - pr);
        }
    }
    return k;
}

static size_t deflate_to(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
    uLongf zn = cap;
    T_EQ_INT(compress2(out, &zn, in, n, 9), Z_OK);
    return zn;
}

/* A cross-reference stream (/W [1 2 1], Flate behind the PNG predictor)
 * whose type 2 entries name an object stream the scan cannot read (it has
 * a predictor): the xref tells what the stream holds. */
static void test_xref_stream(void)
{
    static raw r;
    size_t o[3], from;
    int c[8];
    uint8_t body[256], z[1024], rows[64], pred[128];
    base_rev(&r, o);
    from = r.n;
    /* object stream 5 holding 6 and 7, its data behind a predictor */
    static const char os[] = "6 0 7 10\n<< /X 1 >><< /Y 2 >>";
    size_t bn = 0;
    for (size_t i = 0; i < sizeof os - 1; i++)
        body[bn++] = 0, body[bn++] = (uint8_t)os[i]; /* PNG "None" rows of one byte */
    size_t zn = deflate_to(body, bn, z, sizeof z);
    size_t u5 = stream_obj(&r, 5, "/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode /DecodeParms "
                           "<< /Predictor 12 /Columns 1 >>", z, zn);
    size_t u8 = r.n;
    /* rows: 5 at u5, 6 in 5 (0), 7 in 5 (1), 8 at u8 */
    const uint8_t e[16] = {1, (uint8_t)(u5 >> 8), (uint8_t)u5, 0, 2, 0, 5, 0,
                           2, 0, 5, 1, 1, (uint8_t)(u8 >> 8), (uint8_t)u8, 0};
    memcpy(rows, e, sizeof e);
    size_t pn = png_up(rows, 4, 4, pred);
    zn = deflate_to(pred, pn, z, sizeof z);
    stream_obj(&r, 8, "/Type /XRef /Size 9 /W [1 2 1] /Index [5 4] /Filter /FlateDecode "
               "/DecodeParms << /Columns 4 /Predictor 12 >>", z, zn);
    adds(&r, "startxref\n0\n%%EOF\n");
    T_EQ_INT(rev_counts(&r, from, c), 4); /* 5, 8, and 6, 7 from the xref */
    T_EQ_INT(c[0], 1);
    T_EQ_INT(c[1], 0);
    T_EQ_INT(c[2], 4);
    T_EQ_INT(c[4], 0);
    T_EQ_INT(c[5], 0);
    T_EQ_INT(c[6], 2); /* 6 and 7: only the xref tells */
    T_EQ_INT(c[7], 1); /* the object stream is not read */

    /* the same without predictors: the object stream is read, and an
     * entry that places 9 in it, which it does not hold, is misplaced */
    r.n = from;
    zn = deflate_to((const uint8_t *)os, sizeof os - 1, z, sizeof z);
    u5 = stream_obj(&r, 5, "/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode", z, zn);
    u8 = r.n;
    const uint8_t e2[20] = {1, (uint8_t)(u5 >> 8), (uint8_t)u5, 0, 2, 0, 5, 0, 2, 0, 5, 1,
                            1, (uint8_t)(u8 >> 8), (uint8_t)u8, 0, 2, 0, 5, 2};
    zn = deflate_to(e2, sizeof e2, z, sizeof z);
    stream_obj(&r, 8, "/Type /XRef /Size 10 /W [1 2 1] /Index [5 5] /Filter /FlateDecode", z, zn);
    adds(&r, "startxref\n0\n%%EOF\n");
    T_EQ_INT(rev_counts(&r, from, c), 4);
    T_EQ_INT(c[2], 5);
    T_EQ_INT(c[4], 1);
    T_EQ_INT(c[6], 0);
    T_EQ_INT(c[7], 0);

    /* Sub, Average and Paeth rows: every offset decoded right (a wrong
     * byte would point away from its header: misplaced) */
    r.n = from;
    size_t at[6];
    for (int i = 0; i < 6; i++)
        at[i] = obj(&r, 3 + i, "<< /K 1 >>");
    uint8_t mrows[6 * 4];
    for (int i = 0; i < 6; i++) {
        mrows[4 * i] = 1;
        mrows[4 * i + 1] = (uint8_t)(at[i] >> 8);
        mrows[4 * i + 2] = (uint8_t)at[i];
        mrows[4 * i + 3] = 0;
    }
    pn = png_mixed(mrows, 6, 4, pred);
    zn = deflate_to(pred, pn, z, sizeof z);
    stream_obj(&r, 9, "/Type /XRef /Size 10 /W [1 2 1] /Index [3 6] /Filter /FlateDecode "
               "/DecodeParms << /Columns 4 /Predictor 15 >>", z, zn);
    adds(&r, "startxref\n0\n%%EOF\n");
    T_EQ_INT(rev_counts(&r, from, c), 7);
    T_EQ_INT(c[1], 0);
    T_EQ_INT(c[2], 6);
    T_EQ_INT(c[4], 0);
    T_EQ_INT(c[5], 0);
}

/* Hostile cross-reference streams: each is counted as one section not
 * read, and no object is then said to be unlisted. */
static void test_xref_hostile(void)
{
    static raw r;
    size_t o[3], from;
    int c[8];
    uint8_t z[4096];
    uint8_t rows[8] = {1, 0, 9, 0, 1, 0, 9, 0};
    size_t zn = deflate_to(rows, sizeof rows, z, sizeof z);
    const char *dicts[] = {
        "/Type /XRef /Size 3 /W [1 9 1] /Filter /FlateDecode",            /* a field over 8 bytes */
        "/Type /XRef /Index [0 2000000] /W [1 2 1] /Filter /FlateDecode", /* too many rows */
        "/Type /XRef /Size 3 /W [8 8 8] /Index [0 900000] /Filter /FlateDecode", /* over 16 MiB */
        "/Type /XRef /Size 3 /W [1 2 1] /Filter /LZWDecode",              /* another filter */
        "/Type /XRef /Size 3 /W [1 2 1] /Filter /FlateDecode /DecodeParms << /Predictor 2 >>",
        "/Type /XRef /Size 3 /W [1 2 1] /Filter /FlateDecode /DecodeParms "
        "<< /Predictor 12 /Columns 3 >>",                                 /* columns not /W's */
        "/Type /XRef /Size 9 /W [1 2 1] /Filter /FlateDecode",            /* the data is cut */
        "/Type /XRef /Size 2 /W [1 2] /Filter /FlateDecode",              /* /W of two fields */
        "/Type /XRef /W [1 2 1] /Filter /FlateDecode",                    /* no /Size, no /Index */
        "/Type /XRef /Size 2 /W [1 2 1] /Index [0 1 5] /Filter /FlateDecode", /* odd /Index */
    };
    for (size_t i = 0; i < sizeof dicts / sizeof dicts[0]; i++) {
        base_rev(&r, o);
        from = r.n;
        obj(&r, 3, "<< /C 1 >>");
        stream_obj(&r, 4, dicts[i], z, zn);
        adds(&r, "startxref\n0\n%%EOF\n");
        int n = rev_counts(&r, from, c);
        if (n != 2 || c[0] != 1 || c[1] != 1 || c[2] != 0 || c[5] != 0)
            T_FAIL_("hostile xref %zu: defined %d, sections %d, unread %d, listed %d, unlisted %d",
                    i, n, c[0], c[1], c[2], c[5]);
    }
    /* an unknown PNG row filter (7) */
    uint8_t bad[5] = {7, 1, 0, 9, 0};
    zn = deflate_to(bad, sizeof bad, z, sizeof z);
    base_rev(&r, o);
    from = r.n;
    stream_obj(&r, 4, "/Type /XRef /Size 1 /W [1 2 1] /Filter /FlateDecode /DecodeParms "
               "<< /Predictor 12 /Columns 4 >>", z, zn);
    T_EQ_INT(rev_counts(&r, from, c), 1);
    T_EQ_INT(c[1], 1);
    /* a stream that inflates to far more than its rows: only the rows are
     * ever decoded (the rest is never inflated) */
    size_t big = (size_t)32 << 20;
    uint8_t *zeros = calloc(1, big);
    uLongf bz = compressBound(big);
    uint8_t *comp = malloc(bz);
    T_CHECK(zeros && comp);
    if (zeros && comp) {
        zeros[0] = 1, zeros[2] = 9; /* row 0: object 0 (not counted); rows of zeros: type 0 */
        T_EQ_INT(compress2(comp, &bz, zeros, big, 9), Z_OK);
        static raw rb;
        base_rev(&rb, o);
        from = rb.n;
        size_t cap = sizeof rb.p - rb.n - 256;
        if (bz < cap) {
            stream_obj(&rb, 4, "/Type /XRef /Size 3 /W [1 2 1] /Filter /FlateDecode", comp, bz);
            T_EQ_INT(rev_counts(&rb, from, c), 1);
            T_EQ_INT(c[0], 1);
            T_EQ_INT(c[1], 0); /* the three rows it declares are read */
        } else {
            T_FAIL_("bomb stream %lu bytes: over the test buffer", (unsigned long)bz);
        }
    }
    free(zeros);
    free(comp);
}

/* ----------------------------------------------------------- end to end */

static ds_error decode_gen(const char *name, ds_pages **out)
{
    char p[700];
    ds_limits lim;
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

/* The flag of code in flags, NULL when there is none. */
static const ds_flag *find_flag(const ds_flags *flags, ds_flag_code code)
{
    for (int i = 0; i < flags->count; i++)
        if (flags->item[i].code == code)
            return &flags->item[i];
    return NULL;
}

/* A font every page lists, set by pages 1 and 2 only, redefined by an
 * update: one shared change with those two pages, no page's own change;
 * a font every page lists and only page 3 sets: page 3's change. */
static void test_shared_font(void)
{
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("sharedfont-0", &pg), DS_OK);
    if (pg) {
        T_EQ_INT(pg->count, 3);
        T_EQ_INT(pg->pdf->nrev, 1);
        const ds_pdf_revision *v = &pg->pdf->rev[0];
        T_EQ_INT(v->npages, 0); /* before: pages 0, 1 and 2 */
        T_EQ_INT(v->nshared, 1);
        if (v->nshared == 1) {
            T_EQ_STR(v->shared[0].kind, "font");
            T_EQ_INT(v->shared[0].npages, 2);
            if (v->shared[0].npages == 2) {
                T_EQ_INT(v->shared[0].pages[0], 0);
                T_EQ_INT(v->shared[0].pages[1], 1);
            }
        }
        ds_flags flags;
        memset(&flags, 0, sizeof flags);
        ds_check_pdf(pg->pdf, NULL, &flags);
        T_EQ_INT(flags.count, 1);
        const ds_flag *f = find_flag(&flags, DS_FLAG_PDF_INCREMENTAL_UPDATE);
        T_CHECK(f != NULL);
        if (f) {
            T_EQ_INT(f->severity, DS_SEV_WARNING);
            T_EQ_INT(f->page, 0);
            T_CHECK(strstr(f->message, "the font (object ") != NULL);
            T_CHECK(strstr(f->message, "that page(s) 1, 2 share") != NULL);
            T_CHECK(strstr(f->message, "not any page's own content") != NULL);
        }
    }
    ds_pages_free(pg);
    pg = NULL;
    T_EQ_INT(decode_gen("onefont-0", &pg), DS_OK);
    if (pg) {
        const ds_pdf_revision *v = &pg->pdf->rev[0];
        T_EQ_INT(v->npages, 1);
        if (v->npages == 1)
            T_EQ_INT(v->pages[0], 2);
        T_EQ_INT(v->nshared, 0);
    }
    ds_pages_free(pg);
}

/* Updates' cross-reference data end to end: an update that lists every
 * object again is no disagreement; a hand edit is information; an object
 * stream behind a predictor is told by the xref stream, so the page it
 * changed is found (before: "no page that could be read"). */
static void test_xref_files(void)
{
    static const struct {
        const char *name;
        int page;      /* the page changed */
        int relisted, bad, unlisted, only;
        bool mismatch; /* PDF_XREF_MISMATCH expected */
    } want[] = {
        {"relisted-0", 0, 12, 0, 0, 0, false},
        {"handedit-0", 0, 11, 1, 1, 0, true},
        {"restyled-predictor-0", 0, 0, 0, 0, 2, false},
        {"updated-objstm-0", 1, 0, 0, 0, 0, false},
        {"updated-0", 0, 0, 0, 0, 0, false},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ds_pages *pg = NULL;
        T_EQ_INT(decode_gen(want[i].name, &pg), DS_OK);
        if (!pg)
            continue;
        const ds_pdf_revision *v = &pg->pdf->rev[0];
        if (pg->pdf->nrev != 1 || v->xref_sections != 1 || v->xref_unread != 0 ||
            v->xref_relisted != want[i].relisted || v->xref_bad != want[i].bad ||
            v->xref_unlisted != want[i].unlisted || v->xref_only != want[i].only ||
            v->npages != 1 || v->pages[0] != want[i].page)
            T_FAIL_("%s: nrev %d sections %d unread %d relisted %d bad %d unlisted %d only %d "
                    "pages %d", want[i].name, pg->pdf->nrev, v->xref_sections, v->xref_unread,
                    v->xref_relisted, v->xref_bad, v->xref_unlisted, v->xref_only, v->npages);
        ds_flags flags;
        memset(&flags, 0, sizeof flags);
        ds_check_pdf(pg->pdf, NULL, &flags);
        const ds_flag *u = find_flag(&flags, DS_FLAG_PDF_INCREMENTAL_UPDATE);
        const ds_flag *x = find_flag(&flags, DS_FLAG_PDF_XREF_MISMATCH);
        T_CHECK(u && u->severity == DS_SEV_WARNING && u->page == want[i].page);
        if ((x != NULL) != want[i].mismatch)
            T_FAIL_("%s: PDF_XREF_MISMATCH %s", want[i].name, x ? "raised" : "missing");
        if (x)
            T_EQ_INT(x->severity, DS_SEV_INFO); /* never more by itself */
        ds_pages_free(pg);
    }
    /* files saved once, and updates, with nothing to disagree about */
    static const char *clean[] = {"born-0", "born-objstm-0", "born-three-0", "metadata-objstm-0",
                                  "sharedfont-0", "photo-0"};
    for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
        ds_pages *pg = NULL;
        T_EQ_INT(decode_gen(clean[i], &pg), DS_OK);
        if (!pg)
            continue;
        for (int k = 0; k < pg->pdf->nrev; k++)
            if (pg->pdf->rev[k].xref_bad || pg->pdf->rev[k].xref_unlisted ||
                pg->pdf->rev[k].xref_unread)
                T_FAIL_("%s: revision %d disagrees with its xref", clean[i], k + 2);
        ds_pages_free(pg);
    }
}

/* A JPEG photo drawn on a born-digital letter: sent with its box on the
 * rendering; the genuine one (saved once) raises nothing, the pasted one
 * (saved twice) IMAGE_EDITED with that box. */
static void test_placed_jpeg(void)
{
    for (int edited = 0; edited < 2; edited++) {
        ds_pages *pg = NULL;
        T_EQ_INT(decode_gen(edited ? "pasted-0" : "photo-0", &pg), DS_OK);
        if (!pg)
            continue;
        const ds_pdf_page_src *s = &pg->pdf->page[0];
        T_EQ_INT(s->rendered, 1);
        T_CHECK(s->dct == NULL); /* the page is no scan */
        T_EQ_INT(s->nimages, 1);
        if (s->nimages == 1) {
            const ds_pdf_image *im = &s->images[0];
            T_EQ_INT(im->width, 480);
            T_EQ_INT(im->height, 600);
            /* drawn at 400 x 130 points from the top left, 120 x 150 points: at 200 dpi */
            int want[4] = {1111, 361, 333, 417};
            for (int k = 0; k < 4; k++)
                if (abs(im->box[k] - want[k]) > 2)
                    T_FAIL_("box[%d] %d, want %d", k, im->box[k], want[k]);
            T_CHECK(im->dct_len > 1000 && im->dct[0] == 0xff && im->dct[1] == 0xd8);
        }
        ds_pdfev *ev = calloc(1, sizeof *ev);
        T_CHECK(ev != NULL);
        if (ev) {
            ds_pdfev_images(pg, ev);
            T_EQ_INT(ev->nimages, 1);
            ds_flags flags;
            memset(&flags, 0, sizeof flags);
            ds_check_pdf(pg->pdf, ev, &flags);
            const ds_flag *f = find_flag(&flags, DS_FLAG_IMAGE_EDITED);
            if (!edited) {
                T_CHECK(f == NULL);
            } else {
                T_CHECK(f != NULL);
                if (f) {
                    T_EQ_INT(f->severity, DS_SEV_WARNING);
                    T_EQ_INT(f->page, 0);
                    T_EQ_INT(f->bbox[0], s->images[0].box[0]);
                    T_EQ_INT(f->bbox[2], s->images[0].box[2]);
                    T_CHECK(strstr(f->found, "saved twice as JPEG") != NULL);
                }
            }
            free(ev);
        }
        ds_pages_free(pg);
    }
    /* a page that is one embedded JPEG (a scan) sends no placed image */
    ds_pages *pg = NULL;
    T_EQ_INT(decode_gen("scanned-dct-0", &pg), DS_OK);
    if (pg)
        T_EQ_INT(pg->pdf->page[0].nimages, 0);
    ds_pages_free(pg);
}

/* The severity of a placed image's evidence: a second save is a warning;
 * an editor's traces alone (how logos are made) are information. */
static void test_placed_severity(void)
{
    ds_pdf_info info;
    memset(&info, 0, sizeof info);
    ds_pdfev *ev = calloc(1, sizeof *ev);
    T_CHECK(ev != NULL);
    if (!ev)
        return;
    ev->nimages = 2;
    ev->image[0].page = 0;
    ev->image[0].f.edited = true;
    ev->image[0].f.nevidence = 1;
    snprintf(ev->image[0].f.evidence[0], DS_FORENSICS_EVIDENCE_LEN,
             "EXIF Software names an image editor: GIMP");
    ev->image[1] = ev->image[0];
    ev->image[1].page = 1;
    ev->image[1].f.jpeg_double = true;
    snprintf(ev->image[1].f.evidence[0], DS_FORENSICS_EVIDENCE_LEN,
             "saved twice as JPEG: first at about quality 70, then 92");
    int box[4] = {10, 20, 30, 40};
    memcpy(ev->image[1].box, box, sizeof box);
    ds_flags flags;
    memset(&flags, 0, sizeof flags);
    ds_check_pdf(&info, ev, &flags);
    T_EQ_INT(flags.count, 2);
    if (flags.count == 2) {
        T_EQ_INT(flags.item[0].severity, DS_SEV_INFO);
        T_EQ_INT(flags.item[0].bbox[2], 0); /* no box known: none given */
        T_EQ_INT(flags.item[1].severity, DS_SEV_WARNING);
        T_EQ_INT(flags.item[1].page, 1);
        T_EQ_INT(flags.item[1].bbox[3], 40);
    }
    free(ev);
}

/* ----------------------------------------------------------------- wire */

/* An IMGJ frame: page, box x y w h, size, object; then n bytes of "JPEG". */
static void imgj(buf *b, uint32_t page, const uint32_t box[4], uint32_t w, uint32_t h,
                 const uint8_t *jpeg, size_t n)
{
    put(b, "IMGJ", 4);
    put32(b, (uint32_t)(4 * DS_PDFWIRE_IMG_HDR + n));
    put32(b, page);
    for (int i = 0; i < 4; i++)
        put32(b, box[i]);
    put32(b, w);
    put32(b, h);
    put32(b, 7);
    put(b, jpeg, n);
}

static const uint8_t fake_jpeg[8] = {0xff, 0xd8, 0xff, 0xe0, 0, 2, 0xff, 0xd9};

/* The new HEAD lines and IMGJ frames as the library reads them. */
static void test_wire(void)
{
    buf b = {0};
    text_frame(&b, "HEAD", "pages\t2\nrevisions\t2\nrev\t2\t5\t\nrevobjstm\t2\t0\t0\n"
                           "revxref\t2\t1\t0\t7\t4\t1\t2\t0\nrevshared\t2\t12\tfont\t0,1\n"
                           "revshared\t2\t13\tresources\t\n");
    wire_page_gray(&b, 0, 40, 30, DS_PDFWIRE_SRC_RENDERED, 0xf0);
    uint32_t box[4] = {30, 20, 50, 50}; /* runs off the page: clipped */
    imgj(&b, 0, box, 64, 48, fake_jpeg, sizeof fake_jpeg);
    uint32_t none[4] = {0, 0, 0, 0};
    imgj(&b, 0, none, 16, 16, fake_jpeg, sizeof fake_jpeg);
    wire_page_gray(&b, 1, 20, 20, DS_PDFWIRE_SRC_RENDERED, 0xf0);
    end_frame(&b, 2);
    ds_pages *pg = NULL;
    T_EQ_INT(read_frames(&b, &pg), DS_OK);
    if (pg) {
        const ds_pdf_revision *v = &pg->pdf->rev[0];
        T_EQ_INT(v->xref_sections, 1);
        T_EQ_INT(v->xref_listed, 7);
        T_EQ_INT(v->xref_relisted, 4);
        T_EQ_INT(v->xref_bad, 1);
        T_EQ_INT(v->xref_unlisted, 2);
        T_EQ_INT(v->nshared, 2);
        T_EQ_INT(v->shared[0].object, 12);
        T_EQ_INT(v->shared[0].npages, 2);
        T_EQ_STR(v->shared[1].kind, "resources");
        T_EQ_INT(v->shared[1].npages, 0);
        const ds_pdf_page_src *s = &pg->pdf->page[0];
        T_EQ_INT(s->nimages, 2);
        if (s->nimages == 2) {
            T_EQ_INT(s->images[0].box[0], 30);
            T_EQ_INT(s->images[0].box[2], 10); /* clipped at x = 40 */
            T_EQ_INT(s->images[0].box[3], 10); /* and y = 30 */
            T_EQ_INT(s->images[0].width, 64);
            T_EQ_INT(s->images[0].object, 7);
            T_EQ_INT(s->images[1].box[2], 0);
            T_EQ_INT((int)s->images[1].dct_len, (int)sizeof fake_jpeg);
        }
        T_EQ_INT(pg->pdf->page[1].nimages, 0);
    }
    ds_pages_free(pg);
    free(b.p);

    /* broken answers: each an error, nothing returned */
    struct {
        const char *head;
        int source;      /* the page's */
        uint32_t page;   /* the IMGJ's */
        int jpeg;        /* 1: JPEG bytes, 0: not */
        int count;       /* IMGJ frames */
        const char *what;
    } bad[] = {
        {"pages\t1\nrev\t2\t1\t\nrevshared\t2\t5\tfont\t3\n", 2, 0, 1, 0, "a shared page past the last"},
        {"pages\t1\nrev\t2\t1\t\nrevshared\t3\t5\tfont\t0\n", 2, 0, 1, 0, "a shared line of another revision"},
        {"pages\t1\nrev\t2\t1\t\nrevshared\t2\t0\tfont\t0\n", 2, 0, 1, 0, "object 0"},
        {"pages\t1\nrev\t2\t1\t\nrevshared\t2\t5\t\t0\n", 2, 0, 1, 0, "no kind"},
        {"pages\t1\nrev\t2\t1\t\nrevxref\t2\t1\t2\t0\t0\t0\t0\t0\n", 2, 0, 1, 0, "more unread than sections"},
        {"pages\t1\nrev\t2\t1\t\nrevxref\t2\t1\t0\t3\t2\t2\t0\t0\n", 2, 0, 1, 0, "more relisted and bad than listed"},
        {"pages\t1\nrev\t2\t1\t\nrevxref\t2\t1\t0\t3\t0\t0\t0\t9\n", 2, 0, 1, 0, "more xref-only than objects"},
        {"pages\t1\n", 1, 0, 1, 1, "an image on an embedded page"},
        {"pages\t1\n", 2, 1, 1, 1, "an image for another page"},
        {"pages\t1\n", 2, 0, 0, 1, "an image that is no JPEG"},
        {"pages\t1\n", 2, 0, 1, 9, "nine images on a page"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        buf c = {0};
        text_frame(&c, "HEAD", bad[i].head);
        wire_page_gray(&c, 0, 10, 10, bad[i].source, 0xf0);
        uint8_t notj[8] = {'n', 'o', 't', ' ', 'j', 'p', 'e', 'g'};
        for (int k = 0; k < bad[i].count; k++)
            imgj(&c, bad[i].page, box, 16, 16, bad[i].jpeg ? fake_jpeg : notj, 8);
        end_frame(&c, 1);
        ds_pages *p = (ds_pages *)1;
        ds_error err = read_frames(&c, &p);
        if (err == DS_OK || p != NULL)
            T_FAIL_("%s: accepted", bad[i].what);
        if (err == DS_OK)
            ds_pages_free(p);
        free(c.p);
    }
    /* an IMGJ whose declared length is cut short, or over the image cap */
    buf c = {0};
    text_frame(&c, "HEAD", "pages\t1\n");
    wire_page_gray(&c, 0, 10, 10, 2, 0xf0);
    put(&c, "IMGJ", 4);
    put32(&c, DS_PDFWIRE_IMAGE_MAX + 4 * DS_PDFWIRE_IMG_HDR + 1);
    ds_pages *p = (ds_pages *)1;
    T_CHECK(read_frames(&c, &p) != DS_OK && p == NULL);
    free(c.p);
}

int main(int argc, char **argv)
{
    setenv("DOCSCREEN_PDF_HELPER", DS_BUILD_DIR "/docscreen-pdf", 1);
    /* its own sample directory (test_pdf writes another at the same time) */
    snprintf(gen_dir, sizeof gen_dir, "%s/tests/pdfgen-rev", DS_BUILD_DIR);
    char probe[700];
    snprintf(probe, sizeof probe, "%s/pasted-0.json", gen_dir);
    if (access(probe, R_OK) != 0) {
        char cmd[1600];
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 %s/samples/pdfgen.py --out %s --count 1 --seed 7 --no-bad",
                 DS_SOURCE_DIR, gen_dir);
        if (system(cmd) != 0) {
            fprintf(stderr, "test_pdfrev: samples/pdfgen.py failed\n");
            return 1;
        }
    }
    static const t_case cases[] = {
        {"xref_table", test_xref_table},
        {"xref_stream", test_xref_stream},
        {"xref_hostile", test_xref_hostile},
        {"shared_font", test_shared_font},
        {"xref_files", test_xref_files},
        {"placed_jpeg", test_placed_jpeg},
        {"placed_severity", test_placed_severity},
        {"wire", test_wire},
    };
    return T_RUN(cases);
}
