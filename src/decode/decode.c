/*
 * decode: turns the bytes of an uploaded or scanned file into 8-bit grayscale
 * pages.
 *
 * This file is the only place where untrusted image bytes meet the codec
 * libraries (libjpeg directly; libpng and libtiff through Leptonica). It
 * identifies the format from magic bytes alone, parses each page's header
 * itself to learn the claimed width and height, and refuses any page over
 * the pixel limit before a codec is asked to allocate a pixel buffer. It also walks the TIFF
 * directory chain itself so the page limit holds before any page is decoded,
 * and checks the container structure of PNG and JPEG so that truncated files
 * are refused by this code rather than half-decoded by a codec. JPEG pages
 * are decoded by libjpeg straight to 8-bit gray (Adobe CMYK and YCCK files
 * through a CMYK row that is turned to gray here), with libjpeg's fatal
 * errors caught by setjmp/longjmp.
 *
 * It must never: trust the file name or extension; allocate in proportion to
 * a size the file claims before that size has passed the limits; print
 * anything (Leptonica, libtiff and libjpeg are silenced; the caller reports
 * errors); let libjpeg call exit(); crash, hang or hand back a partial
 * result when the input is hostile.
 */
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE */
#include "decode/decode.h"

#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h> /* jpeglib.h needs FILE */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <jpeglib.h>

#include "base/base.h"
#include "decode/tint.h"

#ifndef RTLD_DEFAULT /* a GNU name in glibc before POSIX 2024 adopted it */
#define RTLD_DEFAULT ((void *)0)
#endif

/* Any side of any page may not exceed this, whatever lim->max_pixels says. */
#define DS_DECODE_MAX_SIDE 65535u
/* Declared resolutions outside [DPI_MIN, DPI_MAX] are reported as unknown. */
#define DS_DECODE_DPI_MIN 10
#define DS_DECODE_DPI_MAX 10000
/*
 * A progressive JPEG re-reads the whole coefficient buffer once per scan; a
 * tiny file with thousands of scans costs minutes of CPU. Real encoders emit
 * at most a few dozen.
 */
#define DS_DECODE_JPEG_MAX_SCANS 100

/* ---------------------------------------------------------------- silence */

typedef void (*ds_tiff_handler_fn)(const char *module, const char *fmt, va_list ap);
typedef ds_tiff_handler_fn (*ds_tiff_set_handler_fn)(ds_tiff_handler_fn);

static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;

static void drop_message(const char *msg) { (void)msg; }

/*
 * Leptonica's message threshold, its stderr handler (a few of its messages,
 * e.g. from the TIFF memory reader, ignore the threshold) and libtiff's
 * handlers are process globals. They are set once, under pthread_once, before
 * the first decode; this takes over Leptonica's messages for the whole
 * process, which is what the CLI and the daemon want. libtiff is
 * reached through the symbol table because it is loaded as Leptonica's
 * dependency rather than linked by this library; when it cannot be found the
 * handlers are left alone (libtiff may then print, nothing else changes).
 */
static void quiet_init(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler(drop_message);
    ds_tiff_set_handler_fn set_warning = NULL, set_error = NULL;
    *(void **)&set_warning = dlsym(RTLD_DEFAULT, "TIFFSetWarningHandler");
    *(void **)&set_error = dlsym(RTLD_DEFAULT, "TIFFSetErrorHandler");
    if (set_warning)
        set_warning(NULL);
    if (set_error)
        set_error(NULL);
}

static void quiet(void) { pthread_once(&quiet_once, quiet_init); }

void ds_decode_quiet(void) { quiet(); }

/* ------------------------------------------------------------------ sniff */

ds_format ds_decode_sniff(const uint8_t *data, size_t len)
{
    static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (!data)
        return DS_FORMAT_UNKNOWN;
    if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
        return DS_FORMAT_JPEG;
    if (len >= 8 && memcmp(data, png_sig, 8) == 0)
        return DS_FORMAT_PNG;
    if (len >= 4 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 42 && data[3] == 0) ||
                     (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 42)))
        return DS_FORMAT_TIFF;
    /* A PDF may have up to 1024 bytes of anything before its header. */
    for (size_t i = 0; i + 5 <= len && i < 1024; i++)
        if (data[i] == '%' && memcmp(data + i, "%PDF-", 5) == 0)
            return DS_FORMAT_PDF;
    return DS_FORMAT_UNKNOWN;
}

const char *ds_format_name(ds_format f)
{
    switch (f) {
    case DS_FORMAT_JPEG: return "jpeg";
    case DS_FORMAT_PNG: return "png";
    case DS_FORMAT_TIFF: return "tiff";
    case DS_FORMAT_PDF: return "pdf";
    default: return "unknown";
    }
}

void ds_limits_default(ds_limits *out)
{
    if (!out)
        return;
    out->max_file_bytes = (size_t)64 << 20;
    out->max_pixels = 50000000u;
    out->max_pages = 64;
    out->jpeg_min_side = 0;
    out->max_total_pixels = 200000000u;
    out->max_decode_ms = 120000;
}

/* ---------------------------------------------------------------- helpers */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

/*
 * Refuses a page whose claimed size is zero, over DS_DECODE_MAX_SIDE on a
 * side, or over lim->max_pixels in area. Zero is corruption; anything too big
 * is a pixel-limit refusal, whether a bomb or an honest huge scan.
 */
static ds_error check_dims(uint64_t w, uint64_t h, const ds_limits *lim)
{
    if (w == 0 || h == 0)
        return DS_ERR_CORRUPT;
    if (w > DS_DECODE_MAX_SIDE || h > DS_DECODE_MAX_SIDE)
        return DS_ERR_PIXEL_LIMIT;
    if (w * h > lim->max_pixels)
        return DS_ERR_PIXEL_LIMIT;
    return DS_OK;
}

/* ------------------------------------------------------------------- PNG */

static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32_png(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    pthread_once(&crc_once, crc_init);
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static int png_critical(const uint8_t *type)
{
    return memcmp(type, "IHDR", 4) == 0 || memcmp(type, "PLTE", 4) == 0 ||
           memcmp(type, "IDAT", 4) == 0 || memcmp(type, "IEND", 4) == 0;
}

/*
 * Checks the chunk structure of a PNG: IHDR first with a valid CRC and sane
 * fields, every chunk inside the data, critical chunks with valid CRCs, at
 * least one IDAT, and an IEND. Sets *w and *h from IHDR. Ancillary chunks
 * with a bad CRC are left for libpng to discard. Reading stops at IEND, so
 * trailing bytes after it are allowed.
 */
static ds_error png_scan(const uint8_t *d, size_t len, uint32_t *w, uint32_t *h)
{
    size_t pos = 8;
    int seen_idat = 0, seen_iend = 0;

    if (len < 8 + 12 + 13)
        return DS_ERR_CORRUPT;
    if (be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
        return DS_ERR_CORRUPT;
    if (crc32_png(d + 12, 4 + 13) != be32(d + 12 + 4 + 13))
        return DS_ERR_CORRUPT;
    *w = be32(d + 16);
    *h = be32(d + 20);
    {
        uint8_t depth = d[24], ctype = d[25];
        int ok = 0;
        switch (ctype) {
        case 0: ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
        case 3: ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
        case 2: case 4: case 6: ok = depth == 8 || depth == 16; break;
        default: ok = 0;
        }
        if (!ok || d[26] != 0 || d[27] != 0 || d[28] > 1)
            return DS_ERR_CORRUPT;
    }
    while (!seen_iend) {
        if (len - pos < 12)
            return DS_ERR_CORRUPT;
        uint32_t clen = be32(d + pos);
        const uint8_t *type = d + pos + 4;
        if (clen > 0x7fffffffu || clen > len - pos - 12)
            return DS_ERR_CORRUPT;
        if (png_critical(type) && crc32_png(type, 4 + (size_t)clen) != be32(type + 4 + clen))
            return DS_ERR_CORRUPT;
        if (memcmp(type, "IDAT", 4) == 0)
            seen_idat = 1;
        else if (memcmp(type, "IEND", 4) == 0)
            seen_iend = 1;
        pos += 12 + (size_t)clen;
    }
    return seen_idat ? DS_OK : DS_ERR_CORRUPT;
}

/* ------------------------------------------------------------------ JPEG */

/*
 * Walks the JPEG marker segments up to the first frame header (SOFn) and sets
 * *w and *h from it. The walk is stricter than libjpeg's: a byte that is not
 * a marker where one must be is corruption, so libjpeg cannot find a
 * different frame header than the one checked here. It then requires an EOI
 * marker after the first scan (a truncated file has none) and counts scans.
 */
static ds_error jpeg_scan(const uint8_t *d, size_t len, uint32_t *w, uint32_t *h)
{
    size_t pos = 2, sos = 0;
    int have_sof = 0;

    while (!sos) {
        if (pos >= len || d[pos] != 0xff)
            return DS_ERR_CORRUPT;
        while (pos < len && d[pos] == 0xff)
            pos++;
        if (pos >= len)
            return DS_ERR_CORRUPT;
        uint8_t m = d[pos++];
        if (m == 0x01 || (m >= 0xd0 && m <= 0xd7))
            continue; /* TEM and RSTn carry no length */
        if (m == 0x00 || m == 0xd8 || m == 0xd9)
            return DS_ERR_CORRUPT;
        if (len - pos < 2)
            return DS_ERR_CORRUPT;
        uint16_t seglen = be16(d + pos);
        if (seglen < 2 || seglen > len - pos)
            return DS_ERR_CORRUPT;
        int is_sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
        if (is_sof) {
            if (have_sof || seglen < 8)
                return DS_ERR_CORRUPT;
            *h = be16(d + pos + 3);
            *w = be16(d + pos + 5);
            have_sof = 1;
        } else if (m == 0xda) {
            if (!have_sof)
                return DS_ERR_CORRUPT;
            sos = pos;
        }
        pos += seglen;
    }

    /* Inside entropy-coded data 0xFF is always followed by 0x00 or RSTn, so
     * every FF DA / FF D9 from here on is a real SOS / EOI marker. */
    int scans = 1, eoi = 0;
    for (size_t i = pos; i + 1 < len && !eoi; i++) {
        if (d[i] != 0xff)
            continue;
        if (d[i + 1] == 0xd9)
            eoi = 1;
        else if (d[i + 1] == 0xda && ++scans > DS_DECODE_JPEG_MAX_SCANS)
            return DS_ERR_CORRUPT;
    }
    return eoi ? DS_OK : DS_ERR_CORRUPT;
}

/*
 * A libjpeg decompressor with its error manager and the buffers it fills.
 * libjpeg reports fatal errors by calling error_exit, which here jumps back
 * to jpeg_run; everything that must be released afterwards lives in this
 * struct, which outlives the jump, never in locals of the function that
 * called setjmp.
 */
typedef struct jpeg_job {
    struct jpeg_error_mgr err;
    jmp_buf jump;
    struct jpeg_decompress_struct cinfo;
    int created;   /* cinfo needs jpeg_destroy_decompress */
    PIX *gray;     /* the page being written */
    JSAMPLE *cmyk; /* one row of 4 samples per pixel, CMYK and YCCK only */
    PIX *ink;      /* a YCbCr page decoded in colour: its gray with light coloured ink
                      lifted (tint.h) */
    JSAMPLE *ycc;  /* one row of 3 samples per pixel, YCbCr in colour only */
    bool ycc_file; /* the file is YCbCr (a colour page) */
    uint64_t lifted; /* pixels of ink lifted by DS_TINT_LIFTED or more */
} jpeg_job;

static void jpeg_on_error(j_common_ptr cinfo)
{
    /* err is the first member of jpeg_job, so its address is the job's. */
    longjmp(((jpeg_job *)(void *)cinfo->err)->jump, 1);
}

/* Warnings are counted by libjpeg's emit_message; none is printed. */
static void jpeg_no_output(j_common_ptr cinfo) { (void)cinfo; }

/*
 * Turns one row of CMYK samples into gray. Files that carry an Adobe APP14
 * marker store every channel inverted (0 is full ink), which is how
 * Photoshop writes them and what libjpeg hands back for YCCK as well; files
 * without it store ink amounts. Each of R, G and B is the paper left by its
 * complementary ink times the paper left by black, and gray is their
 * luminance with the weights libjpeg uses for RGB to gray (0.299, 0.587,
 * 0.114).
 */
static void cmyk_row_to_gray(const JSAMPLE *src, int w, int adobe, uint8_t *dst)
{
    for (int x = 0; x < w; x++, src += 4) {
        uint32_t c = src[0], m = src[1], y = src[2], k = src[3];
        if (!adobe) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        uint32_t r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (y * k + 127) / 255;
        dst[x] = (uint8_t)((r * 19595 + g * 38470 + b * 7471 + 32768) >> 16);
    }
}

/*
 * Leptonica keeps the bytes of an 8 bpp row in 32-bit words, the leftmost
 * pixel in the most significant byte. libjpeg writes a row as plain bytes,
 * so on a little-endian host every word of the row is byte-swapped once
 * afterwards.
 */
static void row_bytes_to_words(l_uint32 *line, int wpl)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (int i = 0; i < wpl; i++)
        line[i] = __builtin_bswap32(line[i]);
#else
    (void)line;
    (void)wpl;
#endif
}

/*
 * A page is written once, front to back, into fresh memory; on a large page
 * the kernel's one fault per 4 KiB page costs as much as a third of the
 * decode. Asking for transparent huge pages on the 2 MiB-aligned part of the
 * buffer cuts the faults by 512. It is only a hint: pixels and results do
 * not depend on whether the kernel follows it.
 */
static void advise_huge_pages(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
    uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + len) & ~(huge - 1);
    if (e > a)
        (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)len;
#endif
}

/* The largest DCT reduction (1, 2, 4 or 8) keeping the shorter side >= min_side. */
static int jpeg_reduction(uint32_t w, uint32_t h, int min_side)
{
    uint32_t shorter = w < h ? w : h;
    int r = 1;
    if (min_side <= 0)
        return 1;
    while (r < 8 && shorter / (uint32_t)(2 * r) >= (uint32_t)min_side)
        r *= 2;
    return r;
}

/* One row of YCbCr samples: its luma (the gray libjpeg gives for the
 * file, unchanged) into gray, and into ink the luma with light coloured
 * ink lifted (ds_tint_lift), from the colour (JFIF's YCbCr to RGB). */
static void ycc_row(const JSAMPLE *src, int w, uint8_t *gray, uint8_t *ink, uint64_t *lifted)
{
    for (int x = 0; x < w; x++) {
        int y = src[3 * x], cb = src[3 * x + 1] - 128, cr = src[3 * x + 2] - 128;
        int r = y + (91881 * cr + 32768) / 65536;
        int g = y - (22554 * cb + 46802 * cr - 32768) / 65536;
        int b = y + (116130 * cb + 32768) / 65536;
        r = r < 0 ? 0 : r > 255 ? 255 : r;
        g = g < 0 ? 0 : g > 255 ? 255 : g;
        b = b < 0 ? 0 : b > 255 ? 255 : b;
        gray[x] = (uint8_t)y;
        ink[x] = ds_tint_lift(y, r, g, b);
        *lifted += ink[x] - y >= DS_TINT_LIFTED;
    }
}

/*
 * The part of the decode that libjpeg may leave by longjmp: reads the header
 * of d[0..len), checks it against the w x h that jpeg_scan found, and
 * decodes the page at 1/reduction of its size into job->gray, and with
 * colour a YCbCr page's ink lifted into job->ink as well. Returns
 * DS_ERR_CORRUPT for anything libjpeg refuses or warns about, including a
 * colour space it cannot turn into gray; sets *dpi from the JFIF density
 * and job->ycc_file for a YCbCr page.
 */
static ds_error jpeg_run(jpeg_job *job, const uint8_t *d, size_t len, uint32_t w, uint32_t h,
                         int reduction, bool colour, int *dpi)
{
    struct jpeg_decompress_struct *ci = &job->cinfo;

    if (setjmp(job->jump))
        return DS_ERR_CORRUPT;
    ci->err = jpeg_std_error(&job->err);
    job->err.error_exit = jpeg_on_error;
    job->err.output_message = jpeg_no_output;
    jpeg_create_decompress(ci);
    job->created = 1;
    jpeg_mem_src(ci, d, (unsigned long)len);
    if (jpeg_read_header(ci, TRUE) != JPEG_HEADER_OK || ci->image_width != w ||
        ci->image_height != h)
        return DS_ERR_CORRUPT;

    /* Gray and RGB go to gray inside libjpeg; CMYK and YCCK come out as
     * CMYK; YCbCr as gray too (its luma), or with colour as it is, its
     * luma the gray (what libjpeg's gray output is) and its colour kept
     * only as the page with its light coloured ink lifted (ds_page_ink).
     * Any other colour space makes libjpeg fail, which is corruption
     * here. */
    int cmyk = ci->jpeg_color_space == JCS_CMYK || ci->jpeg_color_space == JCS_YCCK;
    job->ycc_file = ci->jpeg_color_space == JCS_YCbCr && ci->num_components == 3;
    int ycc = colour && job->ycc_file;
    ci->out_color_space = cmyk ? JCS_CMYK : ycc ? JCS_YCbCr : JCS_GRAYSCALE;
    ci->scale_num = 1;
    ci->scale_denom = (unsigned int)reduction;
    jpeg_start_decompress(ci);
    uint32_t ow = ci->output_width, oh = ci->output_height;
    if (ow != (w + (uint32_t)reduction - 1) / (uint32_t)reduction ||
        oh != (h + (uint32_t)reduction - 1) / (uint32_t)reduction ||
        ci->output_components != (cmyk ? 4 : ycc ? 3 : 1))
        return DS_ERR_CORRUPT;

    job->gray = pixCreateNoInit((l_int32)ow, (l_int32)oh, 8);
    if (!job->gray)
        return DS_ERR_NOMEM;
    if (cmyk && !(job->cmyk = malloc((size_t)ow * 4)))
        return DS_ERR_NOMEM;
    if (ycc && (!(job->ycc = malloc((size_t)ow * 3)) ||
                !(job->ink = pixCreateNoInit((l_int32)ow, (l_int32)oh, 8))))
        return DS_ERR_NOMEM;
    l_uint32 *data = pixGetData(job->gray);
    l_uint32 *idata = ycc ? pixGetData(job->ink) : NULL;
    int wpl = pixGetWpl(job->gray);
    advise_huge_pages(data, (size_t)wpl * 4 * oh);
    while (ci->output_scanline < oh) {
        l_uint32 *line = data + (size_t)ci->output_scanline * (size_t)wpl;
        line[wpl - 1] = 0; /* the padding past the last pixel */
        JSAMPROW row = cmyk ? job->cmyk : ycc ? job->ycc : (JSAMPROW)line;
        l_uint32 *iline = idata ? idata + (size_t)ci->output_scanline * (size_t)wpl : NULL;
        if (jpeg_read_scanlines(ci, &row, 1) != 1)
            return DS_ERR_CORRUPT;
        if (cmyk)
            cmyk_row_to_gray(job->cmyk, (int)ow, ci->saw_Adobe_marker, (uint8_t *)line);
        if (iline) {
            iline[wpl - 1] = 0;
            ycc_row(job->ycc, (int)ow, (uint8_t *)line, (uint8_t *)iline, &job->lifted);
            row_bytes_to_words(iline, wpl);
        }
        row_bytes_to_words(line, wpl);
    }
    /* Damaged entropy-coded data makes libjpeg warn and fill in gray; that is
     * a refusal here. Warnings raised by jpeg_finish_decompress (bytes after
     * the last scan) are not counted: such files decode completely. */
    if (job->err.num_warnings > 0)
        return DS_ERR_CORRUPT;
    *dpi = 0;
    if (ci->density_unit == 1)
        *dpi = ci->X_density;
    else if (ci->density_unit == 2) /* dots per cm, rounded as Leptonica does */
        *dpi = (int)((float)ci->X_density * 2.54 + 0.5);
    jpeg_finish_decompress(ci);
    return DS_OK;
}

/*
 * Decodes the JPEG page d[0..len) of w x h pixels (already checked against
 * the limits) to an 8 bpp gray PIX at 1/reduction of its size; with ink,
 * a YCbCr page in colour, its light coloured ink lifted into *ink (NULL
 * when too little was lifted). *colour tells a YCbCr page. *out, *ink,
 * *colour and *dpi are set on success only.
 */
static ds_error jpeg_decode(const uint8_t *d, size_t len, uint32_t w, uint32_t h, int reduction,
                            PIX **out /* OUT */, PIX **ink /* OUT, may be NULL */,
                            bool *colour /* OUT */, int *dpi /* OUT */)
{
    ds_error err = DS_OK;
    int xdpi = 0;
    jpeg_job *job = calloc(1, sizeof *job);

    if (!job)
        return DS_ERR_NOMEM;
    err = jpeg_run(job, d, len, w, h, reduction, ink != NULL, &xdpi);
    if (err != DS_OK)
        goto out;
    *dpi = xdpi >= DS_DECODE_DPI_MIN && xdpi <= DS_DECODE_DPI_MAX ? xdpi : 0;
    *colour = job->ycc_file;
    *out = job->gray;
    job->gray = NULL;
    if (ink) {
        ds_tint_keep(&job->ink, job->lifted);
        *ink = job->ink;
        job->ink = NULL;
    }
out:
    if (job->created)
        jpeg_destroy_decompress(&job->cinfo);
    pixDestroy(&job->gray);
    pixDestroy(&job->ink);
    free(job->cmyk);
    free(job->ycc);
    free(job);
    return err;
}

/* ------------------------------------------------------------------ TIFF */

typedef struct tiff_reader {
    const uint8_t *d;
    size_t len;
    int big_endian;
} tiff_reader;

static int tiff_u16(const tiff_reader *t, uint64_t off, uint32_t *v)
{
    if (off > t->len || t->len - off < 2)
        return 0;
    const uint8_t *p = t->d + off;
    *v = t->big_endian ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
    return 1;
}

static int tiff_u32(const tiff_reader *t, uint64_t off, uint32_t *v)
{
    if (off > t->len || t->len - off < 4)
        return 0;
    const uint8_t *p = t->d + off;
    *v = t->big_endian ? be32(p)
                       : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
    return 1;
}

/*
 * Counts the image file directories of a classic TIFF by walking the chain of
 * next-IFD offsets, stopping at an offset of 0, an offset outside the data or
 * an offset already visited (a cycle). Fails with DS_ERR_TOO_MANY_PAGES as
 * soon as more than max_pages directories are found, so the walk is bounded
 * by max_pages whatever the file says, and with DS_ERR_CORRUPT when even the
 * first directory is unreadable or when directories overlap (more of them
 * than the data has room for).
 */
static ds_error tiff_count(const uint8_t *d, size_t len, int max_pages, int *out)
{
    tiff_reader t = {d, len, d[0] == 'M'};
    uint32_t off = 0, n = 0;
    uint32_t *seen = NULL;
    int count = 0;
    ds_error err = DS_OK;

    /* An IFD takes at least 18 bytes, so the file bounds the walk too. */
    size_t cap = len / 18 < (size_t)max_pages ? len / 18 : (size_t)max_pages;
    seen = malloc(sizeof *seen * (cap + 1));
    if (!seen) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    if (!tiff_u32(&t, 4, &off) || off < 8) {
        err = DS_ERR_CORRUPT;
        goto out;
    }
    while (off != 0) {
        int cycle = 0;
        for (int i = 0; i < count; i++)
            cycle |= seen[i] == off;
        if (cycle || !tiff_u16(&t, off, &n) || n == 0 ||
            !tiff_u32(&t, (uint64_t)off + 2 + 12 * (uint64_t)n, &(uint32_t){0}))
            break;
        if (count == max_pages) {
            err = DS_ERR_TOO_MANY_PAGES;
            goto out;
        }
        if ((size_t)count > cap) { /* directories overlap each other */
            err = DS_ERR_CORRUPT;
            goto out;
        }
        seen[count++] = off;
        tiff_u32(&t, (uint64_t)off + 2 + 12 * (uint64_t)n, &off);
    }
    if (count == 0) {
        err = DS_ERR_CORRUPT;
        goto out;
    }
    *out = count;
out:
    free(seen);
    return err;
}

/* ------------------------------------------------------------ conversion */

/*
 * Returns a new 8 bpp grayscale PIX with no colormap made from src, or NULL.
 * Transparent pixels are composited over white first: a document scan saved
 * with transparency must not turn into a black page.
 */
static PIX *to_gray8(PIX *src)
{
    PIX *a = NULL, *b = NULL, *g = NULL;

    if (pixGetColormap(src))
        a = pixRemoveColormap(src, REMOVE_CMAP_BASED_ON_SRC);
    else
        a = pixClone(src);
    if (!a)
        goto out;
    if (pixGetDepth(a) == 32 && pixGetSpp(a) == 4)
        b = pixAlphaBlendUniform(a, 0xffffff00);
    else
        b = pixClone(a);
    if (!b)
        goto out;
    switch (pixGetDepth(b)) {
    case 8: g = pixCopy(NULL, b); break;
    case 16: g = pixConvert16To8(b, L_MS_BYTE); break;
    case 32: g = pixConvertRGBToLuminance(b); break;
    default: g = pixConvertTo8(b, FALSE); break;
    }
    if (g && (pixGetDepth(g) != 8 || pixGetColormap(g)))
        pixDestroy(&g);
out:
    pixDestroy(&b);
    pixDestroy(&a);
    return g;
}

static int sane_dpi(PIX *pix)
{
    l_int32 x = pixGetXRes(pix);
    return x >= DS_DECODE_DPI_MIN && x <= DS_DECODE_DPI_MAX ? (int)x : 0;
}

/* ---------------------------------------------------------------- decode */

/*
 * Reads the width and height that page n of data, already identified as
 * format f, declares in its header, without decoding its pixels. A header
 * that cannot be read is DS_ERR_CORRUPT.
 */
static ds_error page_dims(const uint8_t *data, size_t len, ds_format f, int n, uint32_t *w,
                          uint32_t *h)
{
    ds_error err = DS_OK;

    switch (f) {
    case DS_FORMAT_PNG:
        err = png_scan(data, len, w, h);
        break;
    case DS_FORMAT_JPEG:
        err = jpeg_scan(data, len, w, h);
        break;
    case DS_FORMAT_TIFF: {
        l_int32 tw = 0, th = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
        if (readHeaderMemTiff(data, len, n, &tw, &th, &bps, &spp, &res, &cmap, &fmt) != 0 ||
            tw < 0 || th < 0)
            err = DS_ERR_CORRUPT;
        *w = (uint32_t)tw;
        *h = (uint32_t)th;
        break;
    }
    default:
        err = DS_ERR_FORMAT_UNKNOWN;
    }
    return err;
}

/* A colour page's source for ds_page_ink: the file's bytes, copied once
 * for all its pages (*shared, NULL before its first colour page). */
static ds_error keep_colour(const uint8_t *data, size_t len, ds_format f, int n,
                            ds_page_colour **shared, ds_page *out)
{
    if (!*shared) {
        ds_page_colour *c = calloc(1, sizeof *c);
        uint8_t *copy = c && len > 0 ? malloc(len) : NULL;
        if (!copy) {
            free(c);
            return DS_ERR_NOMEM;
        }
        memcpy(copy, data, len);
        c->format = f;
        c->data = copy;
        c->len = len;
        *shared = c;
    }
    (*shared)->refs++;
    out->colour = *shared;
    out->colour_page = n;
    return DS_OK;
}

static void colour_release(ds_page_colour **c)
{
    if (*c && --(*c)->refs <= 0) {
        free((*c)->data);
        free(*c);
    }
    *c = NULL;
}

PIX *ds_page_ink(const ds_page *pg)
{
    const ds_page_colour *c = pg ? pg->colour : NULL;
    uint32_t w = 0, h = 0;
    if (!c || !pg->gray || page_dims(c->data, c->len, c->format, pg->colour_page, &w, &h) != DS_OK)
        return NULL;
    PIX *gray = NULL, *ink = NULL;
    if (c->format == DS_FORMAT_JPEG) {
        bool colour = false;
        int dpi = 0;
        if (jpeg_decode(c->data, c->len, w, h, pg->reduction > 1 ? pg->reduction : 1, &gray, &ink,
                        &colour, &dpi) != DS_OK)
            return NULL;
    } else {
        PIX *raw = c->format == DS_FORMAT_PNG    ? pixReadMemPng(c->data, c->len)
                   : c->format == DS_FORMAT_TIFF ? pixReadMemTiff(c->data, c->len, pg->colour_page)
                                                 : NULL;
        gray = raw ? to_gray8(raw) : NULL;
        if (gray && pixGetDepth(raw) == 32 && !pixGetColormap(raw))
            ink = ds_tint_from_rgb(raw, gray);
        pixDestroy(&raw);
    }
    /* The page decoded again is the page: anything else is no ink of it. */
    if (ink && (pixGetWidth(ink) != pixGetWidth(pg->gray) ||
                pixGetHeight(ink) != pixGetHeight(pg->gray)))
        pixDestroy(&ink);
    pixDestroy(&gray);
    return ink;
}

/*
 * Decodes page n of data, already identified as format f, after checking its
 * header against lim and adding its pixels to *total, which may not pass
 * lim->max_total_pixels. *out is set to an 8 bpp page on success; a colour
 * page keeps the file's bytes (*shared, see keep_colour) for ds_page_ink,
 * which decodes its colour only when asked: the passport reader never
 * needs it.
 */
static ds_error decode_page(const uint8_t *data, size_t len, ds_format f, int n,
                            const ds_limits *lim, uint64_t *total, ds_page_colour **shared,
                            ds_page *out)
{
    ds_error err = DS_OK;
    PIX *raw = NULL, *gray = NULL;
    uint32_t w = 0, h = 0;

    err = page_dims(data, len, f, n, &w, &h);
    if (err == DS_OK)
        err = check_dims(w, h, lim);
    if (err == DS_OK && (uint64_t)w * h > lim->max_total_pixels - *total)
        err = DS_ERR_PIXEL_LIMIT;
    if (err != DS_OK)
        goto out;
    *total += (uint64_t)w * h;

    /* JPEG goes straight to gray without Leptonica's reader: one decode, no
     * 8 bpp copy, and CMYK files are understood. */
    if (f == DS_FORMAT_JPEG) {
        int reduction = jpeg_reduction(w, h, lim->jpeg_min_side);
        bool colour = false;
        err = jpeg_decode(data, len, w, h, reduction, &gray, NULL, &colour, &out->dpi);
        if (err == DS_OK && colour)
            err = keep_colour(data, len, f, n, shared, out);
        if (err != DS_OK)
            goto out;
        out->reduction = reduction;
        out->gray = gray;
        gray = NULL;
        goto out;
    }

    switch (f) {
    case DS_FORMAT_PNG: raw = pixReadMemPng(data, len); break;
    case DS_FORMAT_TIFF: raw = pixReadMemTiff(data, len, n); break;
    default: break;
    }
    /* A codec may apply an orientation tag, so the sides may come back
     * swapped; any other size is not the image the header described. */
    if (!raw ||
        !(((uint32_t)pixGetWidth(raw) == w && (uint32_t)pixGetHeight(raw) == h) ||
          ((uint32_t)pixGetWidth(raw) == h && (uint32_t)pixGetHeight(raw) == w))) {
        err = DS_ERR_CORRUPT;
        goto out;
    }
    gray = to_gray8(raw);
    if (!gray) {
        err = DS_ERR_CORRUPT;
        goto out;
    }
    if (pixGetDepth(raw) == 32 && !pixGetColormap(raw) &&
        (err = keep_colour(data, len, f, n, shared, out)) != DS_OK)
        goto out;
    out->dpi = sane_dpi(raw);
    out->reduction = 1;
    out->gray = gray;
    gray = NULL;
out:
    pixDestroy(&gray);
    pixDestroy(&raw);
    return err;
}

/* Milliseconds of the monotonic clock since *t0. */
static int64_t ds_decode_ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

ds_error ds_decode_mem(const uint8_t *data, size_t len, const ds_limits *lim, ds_pages **out)
{
    ds_error err = DS_OK;
    ds_pages *pages = NULL;
    ds_format f;
    int count = 1;
    uint64_t total = 0;
    struct timespec t0;
    ds_page_colour *shared = NULL;

    if (!lim || !out || (!data && len > 0) || lim->max_pages < 1)
        return DS_ERR_USAGE;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    quiet();
    if (len == 0) {
        err = DS_ERR_EMPTY;
        goto out;
    }
    if (len > lim->max_file_bytes) {
        err = DS_ERR_TOO_LARGE;
        goto out;
    }
    f = ds_decode_sniff(data, len);
    if (f == DS_FORMAT_UNKNOWN || f == DS_FORMAT_PDF) { /* PDF: ds_decode_input */
        err = DS_ERR_FORMAT_UNKNOWN;
        goto out;
    }
    if (f == DS_FORMAT_TIFF && (err = tiff_count(data, len, lim->max_pages, &count)) != DS_OK)
        goto out;

    pages = calloc(1, sizeof *pages);
    if (!pages || !(pages->page = calloc((size_t)count, sizeof *pages->page))) {
        err = DS_ERR_NOMEM;
        goto out;
    }
    /* Every page's declared size is added up before any page is decoded, so
     * a file of many pages that are each under max_pixels is refused before
     * its first page is allocated. decode_page adds them up again from the
     * headers it checks itself. */
    for (int i = 0; i < count; i++) {
        uint32_t w = 0, h = 0;
        if ((err = page_dims(data, len, f, i, &w, &h)) != DS_OK ||
            (err = check_dims(w, h, lim)) != DS_OK)
            goto out;
        if ((uint64_t)w * h > lim->max_total_pixels - total) {
            err = DS_ERR_PIXEL_LIMIT;
            goto out;
        }
        total += (uint64_t)w * h;
    }
    total = 0;
    pages->format = f;
    for (int i = 0; i < count; i++) {
        if (lim->max_decode_ms > 0 && i > 0 && ds_decode_ms_since(&t0) > lim->max_decode_ms) {
            err = DS_ERR_DECODE_TIME;
            goto out;
        }
        if ((err = decode_page(data, len, f, i, lim, &total, &shared, &pages->page[i])) != DS_OK)
            goto out;
        pages->count = i + 1;
    }
    if (lim->max_decode_ms > 0 && ds_decode_ms_since(&t0) > lim->max_decode_ms) {
        err = DS_ERR_DECODE_TIME;
        goto out;
    }
    *out = pages;
    pages = NULL;
out:
    ds_pages_free(pages);
    return err;
}

ds_error ds_decode_file(const char *path, const ds_limits *lim, ds_pages **out)
{
    ds_error err = DS_OK;
    uint8_t *data = NULL;
    size_t len = 0;

    if (!path || !lim || !out)
        return DS_ERR_USAGE;
    err = ds_read_file(path, lim->max_file_bytes, &data, &len);
    if (err == DS_OK)
        err = ds_decode_mem(data, len, lim, out);
    free(data);
    return err;
}

void ds_text_layer_free(ds_text_layer *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nwords; i++)
        free(t->word[i].text);
    for (int i = 0; i < t->nfonts; i++)
        free(t->font[i]);
    free(t->word);
    free(t->font);
    free(t);
}

void ds_pdf_info_free(ds_pdf_info *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nrev && i < DS_PDF_REVS_MAX; i++) {
        free(p->rev[i].pages);
        for (int k = 0; k < p->rev[i].nshared && k < DS_PDF_SHARED_MAX; k++)
            free(p->rev[i].shared[k].pages);
    }
    for (int i = 0; p->page && i < p->npages; i++) {
        free(p->page[i].dct);
        for (int k = 0; k < p->page[i].nimages; k++)
            free(p->page[i].images[k].dct);
        free(p->page[i].images);
    }
    free(p->page);
    free(p);
}

void ds_pages_free(ds_pages *pages)
{
    if (!pages)
        return;
    ds_pdf_info_free(pages->pdf);
    if (pages->page) {
        for (int i = 0; i < pages->count; i++) {
            pixDestroy(&pages->page[i].gray);
            colour_release(&pages->page[i].colour);
            ds_text_layer_free(pages->page[i].text);
        }
        free(pages->page);
    }
    free(pages);
}
