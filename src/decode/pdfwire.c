/*
 * pdfwire: reads the PDF reader process's frames (pdfwire.h) into pages.
 *
 * Everything here comes from a process that parsed a hostile file, so it is
 * treated as hostile too: a frame's length is checked against its tag's cap
 * and, for a page, against the size its header declares and the caller's
 * pixel limits before a byte of payload is allocated; pages must arrive in
 * order, each text layer right after its page, and the stream must end with
 * an END frame that counts them. JPEG pages go through ds_decode_mem (the
 * same checks as a JPEG file), CCITT data through a minimal TIFF wrapper
 * that Leptonica's libtiff decodes, raw samples straight into the page.
 */
#include "decode/pdfwire.h"

#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "decode/pdf.h"

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static const char *codec_name(uint32_t c)
{
    switch (c) {
    case DS_PDFWIRE_CODEC_DCT: return "dct";
    case DS_PDFWIRE_CODEC_GRAY8:
    case DS_PDFWIRE_CODEC_RGB8:
    case DS_PDFWIRE_CODEC_GRAY1:
    case DS_PDFWIRE_CODEC_CMYK8: return "flate";
    case DS_PDFWIRE_CODEC_CCITT: return "ccitt";
    case DS_PDFWIRE_CODEC_JBIG2: return "jbig2";
    case DS_PDFWIRE_CODEC_JPX: return "jpx";
    case DS_PDFWIRE_CODEC_OTHER: return "other";
    default: return "";
    }
}

ds_error ds_pdfwire_fail_error(const char *word, size_t n)
{
    static const struct {
        const char *word;
        ds_error err;
    } map[] = {
        {DS_PDFWIRE_FAIL_CORRUPT, DS_ERR_CORRUPT},
        {DS_PDFWIRE_FAIL_ENCRYPTED, DS_ERR_PDF_ENCRYPTED},
        {DS_PDFWIRE_FAIL_NO_PAGES, DS_ERR_PDF_NO_PAGES},
        {DS_PDFWIRE_FAIL_PAGES, DS_ERR_TOO_MANY_PAGES},
        {DS_PDFWIRE_FAIL_PIXELS, DS_ERR_PIXEL_LIMIT},
        {DS_PDFWIRE_FAIL_LIMIT, DS_ERR_PDF_LIMIT},
        {DS_PDFWIRE_FAIL_TOO_LARGE, DS_ERR_TOO_LARGE},
        {DS_PDFWIRE_FAIL_RENDER, DS_ERR_CORRUPT},
        {DS_PDFWIRE_FAIL_READER, DS_ERR_PDF_READER},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i].word) == n && memcmp(map[i].word, word, n) == 0)
            return map[i].err;
    return DS_ERR_PDF_READER;
}

/* ------------------------------------------------------------- samples */

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* CCITT fax data as a one-strip little-endian TIFF that libtiff decodes. */
static PIX *ccitt_page(const uint8_t *data, size_t len, uint32_t w, uint32_t h, int32_t k,
                       uint32_t flags)
{
    enum { NTAGS = 10 };
    size_t ifd = 8, hdr = ifd + 2 + NTAGS * 12 + 4;
    uint8_t *t = malloc(hdr + len);
    if (!t)
        return NULL;
    memset(t, 0, hdr);
    memcpy(t, "II*\0", 4);
    put32(t + 4, (uint32_t)ifd);
    put16(t + ifd, NTAGS);
    int black1 = (flags & DS_PDFWIRE_F_BLACKIS1) != 0, inv = (flags & DS_PDFWIRE_F_INVERT) != 0;
    const uint32_t tags[NTAGS][3] = {
        {256, 4, w}, {257, 4, h}, {258, 3, 1}, {259, 3, k < 0 ? 4u : 3u},
        {262, 3, black1 == inv ? 0u : 1u}, {273, 4, (uint32_t)hdr}, {277, 3, 1},
        {278, 4, h}, {279, 4, (uint32_t)len}, {292, 4, k > 0 ? 1u : 0u},
    };
    for (int i = 0; i < NTAGS; i++) {
        uint8_t *e = t + ifd + 2 + 12 * i;
        put16(e, (uint16_t)tags[i][0]);
        put16(e + 2, (uint16_t)tags[i][1]);
        put32(e + 4, 1);
        if (tags[i][1] == 3)
            put16(e + 8, (uint16_t)tags[i][2]);
        else
            put32(e + 8, tags[i][2]);
    }
    memcpy(t + hdr, data, len);
    PIX *one = pixReadMemTiff(t, hdr + len, 0);
    free(t);
    PIX *g = NULL;
    if (one && pixGetWidth(one) == (l_int32)w && pixGetHeight(one) == (l_int32)h &&
        pixGetDepth(one) == 1)
        g = pixConvert1To8(NULL, one, 255, 0);
    pixDestroy(&one);
    return g;
}

/* Raw samples (sizes already checked) to an 8-bit gray page. */
static PIX *raw_page(const uint8_t *d, uint32_t codec, uint32_t w, uint32_t h, uint32_t flags)
{
    PIX *g = pixCreate((l_int32)w, (l_int32)h, 8);
    if (!g)
        return NULL;
    l_uint32 *data = pixGetData(g);
    l_int32 wpl = pixGetWpl(g);
    size_t rb = (w + 7) / 8;
    int inv = (flags & DS_PDFWIRE_F_INVERT) != 0;
    for (uint32_t y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        for (uint32_t x = 0; x < w; x++) {
            unsigned v;
            size_t i = (size_t)y * w + x;
            switch (codec) {
            case DS_PDFWIRE_CODEC_GRAY8: v = d[i]; break;
            case DS_PDFWIRE_CODEC_RGB8:
                v = (299u * d[3 * i] + 587u * d[3 * i + 1] + 114u * d[3 * i + 2] + 500u) / 1000u;
                break;
            case DS_PDFWIRE_CODEC_CMYK8: {
                unsigned ink = (30u * d[4 * i] + 59u * d[4 * i + 1] + 11u * d[4 * i + 2]) / 100u +
                               d[4 * i + 3];
                v = ink >= 255 ? 0 : 255 - ink;
                break;
            }
            default: { /* GRAY1 */
                int bit = (d[(size_t)y * rb + x / 8] >> (7 - x % 8)) & 1;
                v = (bit ^ inv) ? 255 : 0;
                break;
            }
            }
            SET_DATA_BYTE(line, (l_int32)x, v);
        }
    }
    return g;
}

/* -------------------------------------------------------------- frames */

typedef struct wire {
    const ds_pdfwire_src *src;
    const ds_limits *lim;
    ds_pages *pages;
    ds_pdf_info *pdf;
    int expected;      /* pages HEAD announced */
    int got;           /* PAGE frames so far */
    int text_for;      /* page a TEXT frame may follow, -1 none */
    uint64_t total;
    int images;        /* IMGJ frames so far */
    uint64_t image_bytes;
} wire;

/* Splits the next line off [*p, end); NULL at the end. */
static char *next_line(char **p, char *end)
{
    if (*p >= end)
        return NULL;
    char *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl)
        nl = end;
    *nl = 0;
    *p = nl + (nl < end ? 1 : 0);
    return s;
}

/* Splits tab-separated fields of s into f[0..max); returns how many. */
static int fields(char *s, char **f, int max)
{
    int n = 0;
    while (n < max) {
        f[n++] = s;
        char *t = strchr(s, '\t');
        if (!t)
            break;
        *t = 0;
        s = t + 1;
    }
    return n;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *e;
    if (!*s)
        return 0;
    long v = strtol(s, &e, 10);
    if (*e || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

static void copy_meta(char *dst, const char *src)
{
    size_t n = 0;
    for (; src[n] && n + 1 < DS_PDF_META_MAX; n++)
        dst[n] = src[n] >= 0x20 && src[n] < 0x7f ? src[n] : ' ';
    dst[n] = 0;
}

/* A list "PAGE,PAGE,..." (each checked against the page count later). */
static ds_error page_list(char *s, int **pages, int *npages)
{
    while (*s) {
        char *c = strchr(s, ',');
        if (c)
            *c = 0;
        long pg;
        if (!parse_int(s, 0, 1L << 30, &pg) || *npages >= 4096)
            return DS_ERR_PDF_READER;
        int *np = realloc(*pages, (size_t)(*npages + 1) * sizeof *np);
        if (!np)
            return DS_ERR_NOMEM;
        *pages = np;
        (*pages)[(*npages)++] = (int)pg;
        if (!c)
            break;
        s = c + 1;
    }
    return DS_OK;
}

/* The revision line K refers to: the last one listed, with that number. */
static ds_pdf_revision *last_rev(wire *w, const char *k)
{
    long num;
    int i = w->pdf->nrev - 1;
    if (!parse_int(k, 2, 1L << 20, &num) || i < 0 || w->pdf->rev[i].number != num)
        return NULL;
    return &w->pdf->rev[i];
}

static ds_error on_head(wire *w, char *p, char *end)
{
    char *ln, *f[10];
    long pages = -1, v;
    ds_error err;
    while ((ln = next_line(&p, end))) {
        int n = fields(ln, f, 10);
        if (n < 2)
            continue;
        if (strcmp(f[0], "pages") == 0) {
            if (!parse_int(f[1], 0, 1L << 30, &pages))
                return DS_ERR_PDF_READER;
        } else if (strcmp(f[0], "revisions") == 0 && parse_int(f[1], 1, 1L << 20, &v)) {
            w->pdf->revisions = (int)v;
        } else if (strcmp(f[0], "producer") == 0) {
            copy_meta(w->pdf->producer, f[1]);
        } else if (strcmp(f[0], "creator") == 0) {
            copy_meta(w->pdf->creator, f[1]);
        } else if (strcmp(f[0], "encrypted") == 0) {
            w->pdf->encrypted = strcmp(f[1], "1") == 0;
        } else if (strcmp(f[0], "repaired") == 0) {
            w->pdf->repaired = strcmp(f[1], "1") == 0;
        } else if (strcmp(f[0], "revobjstm") == 0 && n == 4) {
            /* The object streams of a revision listed before it. */
            long z, u;
            ds_pdf_revision *r = last_rev(w, f[1]);
            if (!r || !parse_int(f[2], 0, 1L << 30, &z) || !parse_int(f[3], 0, 1L << 30, &u) ||
                z > r->objects)
                return DS_ERR_PDF_READER;
            r->compressed = (int)z;
            r->unread_streams = (int)u;
        } else if (strcmp(f[0], "revxref") == 0 && n == 9) {
            /* Its cross-reference data against its bytes. */
            long x[7];
            ds_pdf_revision *r = last_rev(w, f[1]);
            if (!r)
                return DS_ERR_PDF_READER;
            for (int i = 0; i < 7; i++)
                if (!parse_int(f[2 + i], 0, 1L << 30, &x[i]))
                    return DS_ERR_PDF_READER;
            /* sections read of those found; entries relisted or bad of
             * those listed; objects only the xref tells among its objects */
            if (x[1] > x[0] || x[3] + x[4] > x[2] || x[6] > r->objects)
                return DS_ERR_PDF_READER;
            r->xref_sections = (int)x[0], r->xref_unread = (int)x[1];
            r->xref_listed = (int)x[2], r->xref_relisted = (int)x[3], r->xref_bad = (int)x[4];
            r->xref_unlisted = (int)x[5], r->xref_only = (int)x[6];
        } else if (strcmp(f[0], "revshared") == 0 && (n == 5 || n == 4)) {
            /* An object several pages share that the revision redefines. */
            long obj;
            ds_pdf_revision *r = last_rev(w, f[1]);
            if (!r || r->nshared >= DS_PDF_SHARED_MAX || !parse_int(f[2], 1, 0x7fffffffL, &obj) ||
                !*f[3] || strlen(f[3]) >= sizeof r->shared[0].kind)
                return DS_ERR_PDF_READER;
            struct ds_pdf_shared *sh = &r->shared[r->nshared++];
            sh->object = (int)obj;
            for (size_t i = 0; f[3][i]; i++)
                sh->kind[i] = f[3][i] >= 'a' && f[3][i] <= 'z' ? f[3][i] : '?';
            if (n == 5 && (err = page_list(f[4], &sh->pages, &sh->npages)) != DS_OK)
                return err;
        } else if (strcmp(f[0], "rev") == 0 && n == 4 && w->pdf->nrev < DS_PDF_REVS_MAX) {
            ds_pdf_revision *r = &w->pdf->rev[w->pdf->nrev];
            long num, objs;
            if (!parse_int(f[1], 2, 1L << 20, &num) || !parse_int(f[2], 0, 1L << 30, &objs))
                return DS_ERR_PDF_READER;
            r->number = (int)num;
            r->objects = (int)objs;
            w->pdf->nrev++;
            /* The pages are checked against the page count below. */
            if ((err = page_list(f[3], &r->pages, &r->npages)) != DS_OK)
                return err;
        }
    }
    if (pages < 0)
        return DS_ERR_PDF_READER;
    if (pages == 0)
        return DS_ERR_PDF_NO_PAGES;
    if (pages > w->lim->max_pages)
        return DS_ERR_TOO_MANY_PAGES;
    for (int i = 0; i < w->pdf->nrev; i++) {
        for (int j = 0; j < w->pdf->rev[i].npages; j++)
            if (w->pdf->rev[i].pages[j] >= pages)
                return DS_ERR_PDF_READER;
        for (int k = 0; k < w->pdf->rev[i].nshared; k++)
            for (int j = 0; j < w->pdf->rev[i].shared[k].npages; j++)
                if (w->pdf->rev[i].shared[k].pages[j] >= pages)
                    return DS_ERR_PDF_READER;
    }
    if (w->pdf->revisions < 1 + w->pdf->nrev)
        w->pdf->revisions = 1 + w->pdf->nrev;
    w->expected = (int)pages;
    w->pages->page = calloc((size_t)pages, sizeof *w->pages->page);
    w->pdf->page = calloc((size_t)pages, sizeof *w->pdf->page);
    if (!w->pages->page || !w->pdf->page)
        return DS_ERR_NOMEM;
    w->pdf->npages = (int)pages;
    return DS_OK;
}

/* The bytes a PAGE's samples must have (0: any, up to the file limit). */
static uint64_t samples_len(uint32_t codec, uint64_t w, uint64_t h)
{
    switch (codec) {
    case DS_PDFWIRE_CODEC_GRAY8: return w * h;
    case DS_PDFWIRE_CODEC_RGB8: return 3 * w * h;
    case DS_PDFWIRE_CODEC_CMYK8: return 4 * w * h;
    case DS_PDFWIRE_CODEC_GRAY1: return (w + 7) / 8 * h;
    default: return 0;
    }
}

static ds_error on_page(wire *w, uint32_t len)
{
    uint8_t hb[4 * DS_PDFWIRE_PAGE_HDR];
    uint32_t h[DS_PDFWIRE_PAGE_HDR];
    ds_error err;

    if (w->expected < 0 || len < sizeof hb)
        return DS_ERR_PDF_READER;
    if ((err = w->src->read(w->src->ctx, hb, sizeof hb)) != DS_OK)
        return err;
    for (int i = 0; i < DS_PDFWIRE_PAGE_HDR; i++)
        h[i] = le32(hb + 4 * i);
    uint32_t n = len - (uint32_t)sizeof hb, codec = h[DS_PDFWIRE_P_CODEC];
    uint32_t pw = h[DS_PDFWIRE_P_WIDTH], ph = h[DS_PDFWIRE_P_HEIGHT];
    if (h[DS_PDFWIRE_P_INDEX] != (uint32_t)w->got || w->got >= w->expected)
        return DS_ERR_PDF_READER;
    if (h[DS_PDFWIRE_P_SOURCE] != DS_PDFWIRE_SRC_EMBEDDED &&
        h[DS_PDFWIRE_P_SOURCE] != DS_PDFWIRE_SRC_RENDERED)
        return DS_ERR_PDF_READER;
    if (codec < DS_PDFWIRE_CODEC_DCT || codec > DS_PDFWIRE_CODEC_CMYK8 ||
        h[DS_PDFWIRE_P_EMBEDDED] >= DS_PDFWIRE_CODEC_COUNT_)
        return DS_ERR_PDF_READER;
    if (pw == 0 || ph == 0)
        return DS_ERR_CORRUPT;
    if (pw > 65535 || ph > 65535 || (uint64_t)pw * ph > w->lim->max_pixels)
        return DS_ERR_PIXEL_LIMIT;
    if ((uint64_t)pw * ph > w->lim->max_total_pixels - w->total)
        return DS_ERR_PIXEL_LIMIT;
    uint64_t need = samples_len(codec, pw, ph);
    if (need ? n != need : (n == 0 || n > w->lim->max_file_bytes))
        return DS_ERR_PDF_READER;
    uint8_t *data = malloc(n);
    if (!data)
        return DS_ERR_NOMEM;
    if ((err = w->src->read(w->src->ctx, data, n)) != DS_OK) {
        free(data);
        return err;
    }
    PIX *g = NULL;
    uint8_t *keep = NULL;
    ds_page *pg = &w->pages->page[w->got];
    if (codec == DS_PDFWIRE_CODEC_DCT) {
        ds_pages *jp = NULL;
        err = ds_decode_mem(data, n, w->lim, &jp);
        if (err == DS_OK && (jp->count != 1 || jp->format != DS_FORMAT_JPEG))
            err = DS_ERR_CORRUPT;
        if (err == DS_OK) {
            l_int32 jw = pixGetWidth(jp->page[0].gray), jh = pixGetHeight(jp->page[0].gray);
            int red = jp->page[0].reduction > 0 ? jp->page[0].reduction : 1;
            /* The JPEG's own size is the page's (at 1/red when reduced). */
            if (jw < 1 || jh < 1 || (uint64_t)(jw - 1) * red >= pw || (uint64_t)jw * red < pw ||
                (uint64_t)(jh - 1) * red >= ph || (uint64_t)jh * red < ph)
                err = DS_ERR_CORRUPT; /* the JPEG is not the image the page declares */
            else {
                g = pixClone(jp->page[0].gray);
                /* Its colour source (ds_page_ink) moves to the page. */
                pg->colour = jp->page[0].colour;
                pg->colour_page = jp->page[0].colour_page;
                jp->page[0].colour = NULL;
                pg->reduction = red;
                /* An embedded page's JPEG, for its forensics (a rendering
                 * is no scan, whatever its codec). */
                if (h[DS_PDFWIRE_P_SOURCE] == DS_PDFWIRE_SRC_EMBEDDED) {
                    keep = data;
                    data = NULL;
                }
            }
        }
        ds_pages_free(jp);
    } else if (codec == DS_PDFWIRE_CODEC_CCITT) {
        g = ccitt_page(data, n, pw, ph, (int32_t)h[DS_PDFWIRE_P_K], h[DS_PDFWIRE_P_FLAGS]);
        if (!g)
            err = DS_ERR_CORRUPT;
    } else {
        g = raw_page(data, codec, pw, ph, h[DS_PDFWIRE_P_FLAGS]);
        if (!g)
            err = DS_ERR_NOMEM;
    }
    free(data);
    if (err != DS_OK) {
        pixDestroy(&g);
        free(keep);
        return err;
    }
    w->total += (uint64_t)pw * ph;
    uint32_t dpi = h[DS_PDFWIRE_P_DPI];
    pg->gray = g;
    pg->dpi = dpi >= 10 && dpi <= 10000 ? (int)dpi : 0;
    if (pg->reduction < 1)
        pg->reduction = 1;
    pixSetResolution(g, pg->dpi, pg->dpi);
    ds_pdf_page_src *s = &w->pdf->page[w->got];
    s->rendered = h[DS_PDFWIRE_P_SOURCE] == DS_PDFWIRE_SRC_RENDERED;
    s->codec = codec_name(s->rendered ? h[DS_PDFWIRE_P_EMBEDDED] : codec);
    s->dpi = pg->dpi;
    s->dct = keep;
    s->dct_len = keep ? n : 0;
    w->text_for = w->got;
    w->got++;
    w->pages->count = w->got;
    return DS_OK;
}

/* A JPEG image drawn on the rendered page just sent: kept with its box for
 * the image forensics, its bytes as embedded (checked as a JPEG file is,
 * later, by the forensics' own parser). */
static ds_error on_imgj(wire *w, uint32_t len)
{
    uint8_t hb[4 * DS_PDFWIRE_IMG_HDR];
    uint32_t h[DS_PDFWIRE_IMG_HDR];
    ds_error err;
    if (w->got < 1 || len < sizeof hb + 4)
        return DS_ERR_PDF_READER;
    uint32_t n = len - (uint32_t)sizeof hb;
    if (n > DS_PDFWIRE_IMAGE_MAX || n > w->lim->max_file_bytes ||
        n > w->lim->max_file_bytes - w->image_bytes || w->images >= DS_PDFWIRE_FILE_IMAGES_MAX)
        return DS_ERR_PDF_READER;
    if ((err = w->src->read(w->src->ctx, hb, sizeof hb)) != DS_OK)
        return err;
    for (int i = 0; i < DS_PDFWIRE_IMG_HDR; i++)
        h[i] = le32(hb + 4 * i);
    ds_pdf_page_src *s = &w->pdf->page[w->got - 1];
    if (h[DS_PDFWIRE_I_PAGE] != (uint32_t)(w->got - 1) || !s->rendered ||
        s->nimages >= DS_PDFWIRE_PAGE_IMAGES_MAX || h[DS_PDFWIRE_I_WIDTH] < 1 ||
        h[DS_PDFWIRE_I_WIDTH] > 65535 || h[DS_PDFWIRE_I_HEIGHT] < 1 ||
        h[DS_PDFWIRE_I_HEIGHT] > 65535 || h[DS_PDFWIRE_I_OBJECT] > 0x7fffffffu)
        return DS_ERR_PDF_READER;
    uint8_t *data = malloc(n);
    if (!data)
        return DS_ERR_NOMEM;
    if ((err = w->src->read(w->src->ctx, data, n)) != DS_OK || data[0] != 0xff || data[1] != 0xd8) {
        free(data);
        return err != DS_OK ? err : DS_ERR_PDF_READER;
    }
    ds_pdf_image *ni = realloc(s->images, (size_t)(s->nimages + 1) * sizeof *ni);
    if (!ni) {
        free(data);
        return DS_ERR_NOMEM;
    }
    s->images = ni;
    ds_pdf_image *im = &ni[s->nimages++];
    memset(im, 0, sizeof *im);
    im->width = (int)h[DS_PDFWIRE_I_WIDTH], im->height = (int)h[DS_PDFWIRE_I_HEIGHT];
    im->object = (int)h[DS_PDFWIRE_I_OBJECT];
    im->dct = data;
    im->dct_len = n;
    /* The box clipped to the page image; unknown (or off the page): zeros. */
    PIX *g = w->pages->page[w->got - 1].gray;
    uint64_t pw = (uint64_t)pixGetWidth(g), ph = (uint64_t)pixGetHeight(g);
    uint64_t x0 = h[DS_PDFWIRE_I_X], y0 = h[DS_PDFWIRE_I_Y];
    uint64_t x1 = x0 + h[DS_PDFWIRE_I_W], y1 = y0 + h[DS_PDFWIRE_I_H];
    x1 = x1 > pw ? pw : x1, y1 = y1 > ph ? ph : y1;
    if (h[DS_PDFWIRE_I_W] > 0 && h[DS_PDFWIRE_I_H] > 0 && x1 > x0 && y1 > y0) {
        im->box[0] = (int)x0, im->box[1] = (int)y0;
        im->box[2] = (int)(x1 - x0), im->box[3] = (int)(y1 - y0);
    }
    w->images++;
    w->image_bytes += n;
    return DS_OK;
}

/* Copies s, replacing bytes that do not form valid UTF-8 with '?'. */
static char *utf8_dup(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    if (!o)
        return NULL;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 && c >= 0xc2 ? 1 : (c & 0xf0) == 0xe0 ? 2
                : (c & 0xf8) == 0xf0 && c <= 0xf4 ? 3 : -1;
        int ok = k >= 0 && i + (size_t)k < n;
        for (int j = 1; ok && j <= k; j++)
            ok = ((unsigned char)s[i + (size_t)j] & 0xc0) == 0x80;
        if (!ok || c < 0x20) {
            o[i] = '?';
            i++;
            continue;
        }
        memcpy(o + i, s + i, (size_t)k + 1);
        i += (size_t)k + 1;
    }
    o[n] = 0;
    return o;
}

static ds_error on_text(wire *w, char *p, char *end)
{
    if (w->text_for < 0)
        return DS_ERR_PDF_READER;
    ds_page *pg = &w->pages->page[w->text_for];
    w->text_for = -1;
    ds_text_layer *t = calloc(1, sizeof *t);
    if (!t)
        return DS_ERR_NOMEM;
    pg->text = t;
    l_int32 pw = pixGetWidth(pg->gray) * pg->reduction, ph = pixGetHeight(pg->gray) * pg->reduction;
    int red = pg->reduction;
    char *ln, *f[9];
    int capw = 0, capf = 0;
    while ((ln = next_line(&p, end))) {
        int n = fields(ln, f, 9);
        if (n == 2 && strcmp(f[0], "F") == 0) {
            if (t->nwords > 0 || t->nfonts >= DS_PDFWIRE_FONTS_MAX)
                return DS_ERR_PDF_READER;
            if (t->nfonts == capf) {
                capf = capf ? 2 * capf : 8;
                char **nf = realloc(t->font, (size_t)capf * sizeof *nf);
                if (!nf)
                    return DS_ERR_NOMEM;
                t->font = nf;
            }
            if (!(t->font[t->nfonts] = utf8_dup(f[1])))
                return DS_ERR_NOMEM;
            t->nfonts++;
        } else if (n == 9 && strcmp(f[0], "W") == 0) {
            long v[7];
            long lo[7] = {-1, -100000, -100000, 1, 1, -1, 0};
            long hi[7] = {1L << 24, 100000, 100000, 100000, 100000, DS_PDFWIRE_FONTS_MAX, 1000000};
            for (int i = 0; i < 7; i++)
                if (!parse_int(f[1 + i], lo[i], hi[i], &v[i]))
                    return DS_ERR_PDF_READER;
            if (!*f[8] || t->nwords >= DS_PDFWIRE_WORDS_MAX)
                return DS_ERR_PDF_READER;
            /* The box clipped to the page, in page (maybe reduced) pixels. */
            long x0 = v[1] < 0 ? 0 : v[1], y0 = v[2] < 0 ? 0 : v[2];
            long x1 = v[1] + v[3] > pw ? pw : v[1] + v[3], y1 = v[2] + v[4] > ph ? ph : v[2] + v[4];
            if (x1 <= x0 || y1 <= y0)
                continue; /* off the page */
            if (t->nwords == capw) {
                capw = capw ? 2 * capw : 64;
                ds_text_word *nw = realloc(t->word, (size_t)capw * sizeof *nw);
                if (!nw)
                    return DS_ERR_NOMEM;
                t->word = nw;
            }
            ds_text_word *wd = &t->word[t->nwords];
            if (!(wd->text = utf8_dup(f[8])))
                return DS_ERR_NOMEM;
            wd->box[0] = (int)(x0 / red), wd->box[1] = (int)(y0 / red);
            wd->box[2] = (int)((x1 - x0) / red) > 0 ? (int)((x1 - x0) / red) : 1;
            wd->box[3] = (int)((y1 - y0) / red) > 0 ? (int)((y1 - y0) / red) : 1;
            wd->font = v[5] < t->nfonts ? (int)v[5] : -1;
            wd->size = (float)v[6] / 100.0f;
            wd->line = (int)v[0];
            t->nwords++;
        } else if (*ln) {
            return DS_ERR_PDF_READER;
        }
    }
    w->pdf->page[w->pages->count - 1].words = t->nwords;
    return DS_OK;
}

ds_error ds_pdfwire_read(const ds_pdfwire_src *src, const ds_limits *lim, ds_pages **out)
{
    ds_error err = DS_OK;
    wire w = {src, lim, NULL, NULL, -1, 0, -1, 0, 0, 0};
    int head = 0;
    char *buf = NULL;

    if (!src || !src->read || !lim || !out)
        return DS_ERR_USAGE;
    *out = NULL;
    w.pages = calloc(1, sizeof *w.pages);
    if (!w.pages || !(w.pdf = calloc(1, sizeof *w.pdf))) {
        free(w.pages);
        return DS_ERR_NOMEM;
    }
    w.pages->format = DS_FORMAT_PDF;
    w.pages->pdf = w.pdf;
    w.pdf->revisions = 1;
    for (;;) {
        uint8_t fh[8];
        if ((err = src->read(src->ctx, fh, sizeof fh)) != DS_OK)
            break;
        uint32_t len = le32(fh + 4);
        if (memcmp(fh, DS_PDFWIRE_TAG_PAGE, 4) == 0) {
            if ((err = on_page(&w, len)) != DS_OK)
                break;
            continue;
        }
        if (memcmp(fh, DS_PDFWIRE_TAG_IMGJ, 4) == 0) {
            if ((err = on_imgj(&w, len)) != DS_OK)
                break;
            continue;
        }
        if (memcmp(fh, DS_PDFWIRE_TAG_END, 4) == 0) {
            uint8_t c[4];
            if (len != 4 || (err = src->read(src->ctx, c, 4)) != DS_OK)
                err = err != DS_OK ? err : DS_ERR_PDF_READER;
            else if (!head || le32(c) != (uint32_t)w.got || w.got != w.expected)
                err = DS_ERR_PDF_READER;
            break;
        }
        uint32_t cap = memcmp(fh, DS_PDFWIRE_TAG_HEAD, 4) == 0   ? DS_PDFWIRE_HEAD_MAX
                       : memcmp(fh, DS_PDFWIRE_TAG_TEXT, 4) == 0 ? DS_PDFWIRE_TEXT_MAX
                       : memcmp(fh, DS_PDFWIRE_TAG_FAIL, 4) == 0 ? DS_PDFWIRE_FAIL_MAX
                                                                 : 0;
        if (cap == 0 || len > cap) {
            err = DS_ERR_PDF_READER;
            break;
        }
        buf = malloc((size_t)len + 1);
        if (!buf) {
            err = DS_ERR_NOMEM;
            break;
        }
        if ((err = src->read(src->ctx, buf, len)) != DS_OK)
            break;
        buf[len] = 0;
        if (memchr(buf, 0, len)) {
            err = DS_ERR_PDF_READER;
            break;
        }
        if (memcmp(fh, DS_PDFWIRE_TAG_FAIL, 4) == 0) {
            char *tab = memchr(buf, '\t', len);
            err = ds_pdfwire_fail_error(buf, tab ? (size_t)(tab - buf) : len);
            break;
        }
        if (memcmp(fh, DS_PDFWIRE_TAG_HEAD, 4) == 0) {
            if (head) {
                err = DS_ERR_PDF_READER;
                break;
            }
            head = 1;
            err = on_head(&w, buf, buf + len);
        } else {
            err = on_text(&w, buf, buf + len);
        }
        free(buf);
        buf = NULL;
        if (err != DS_OK)
            break;
    }
    free(buf);
    if (err != DS_OK) {
        ds_pages_free(w.pages);
        return err;
    }
    *out = w.pages;
    return DS_OK;
}

/* ----------------------------------------------------------- in memory */

typedef struct mem_src {
    const uint8_t *p;
    size_t left;
} mem_src;

static ds_error mem_read(void *ctx, void *buf, size_t n)
{
    mem_src *m = ctx;
    if (n > m->left)
        return DS_ERR_PDF_READER;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return DS_OK;
}

ds_error ds_pdfwire_read_mem(const uint8_t *data, size_t len, const ds_limits *lim,
                             ds_pages **out)
{
    mem_src m = {data, data ? len : 0};
    ds_pdfwire_src src = {mem_read, &m};
    return ds_pdfwire_read(&src, lim, out);
}
