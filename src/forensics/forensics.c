/*
 * forensics.c: metadata traces, quantisation tables, double JPEG
 * compression and image quality (see forensics.h for what counts as
 * evidence).
 *
 * The parsers walk untrusted bytes with an explicit remaining length and
 * must never read past it, loop without progress, or trust a count: JPEG
 * segments are capped at MAX_SEGMENTS, IFD entries at MAX_IFD_ENTRIES, PNG
 * chunks at MAX_CHUNKS. zTXt and compressed iTXt are not inflated: their
 * keyword and the raw bytes are searched, which is enough for "Software"
 * keywords and stays free of decompression bombs.
 */
#include "forensics/forensics.h"
#include "forensics/dqdct.h"

#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

#define MAX_SEGMENTS 512
#define MAX_IFD_ENTRIES 256
#define MAX_CHUNKS 4096

/* Names of image editors as they appear in Software tags and XMP. Lower
 * case; a value containing one is evidence. Scanner drivers, cameras and
 * libraries that only encode (libjpeg, PIL, ImageMagick's convert when
 * scanning software calls it) are deliberately absent. */
static const char *const editors[] = {
    "photoshop", "gimp", "paint.net", "paintshop", "paint shop", "affinity photo", "pixelmator",
    "lightroom", "snapseed", "canva", "krita", "corel", "acdsee", "fotor", "picsart", "photopea",
    "photoscape", "luminar", "capture one", "darktable", "rawtherapee", "photo editor",
    "facetune", "inpaint", "image editor", "adobe imageready", "adobe fireworks",
    "microsoft paint", "mspaint", "photofiltre", "irfanview", "xnview", "preview",
};

static void add_evidence(ds_forensics *f, const char *fmt, const char *what, const char *value)
{
    if (f->nevidence >= DS_FORENSICS_MAX_EVIDENCE)
        return;
    char clean[96];
    size_t o = 0;
    for (const char *p = value ? value : ""; *p && o + 1 < sizeof clean; p++)
        clean[o++] = (*p >= 0x20 && *p < 0x7F) ? *p : '?';
    clean[o] = 0;
    snprintf(f->evidence[f->nevidence], DS_FORENSICS_EVIDENCE_LEN, fmt, what, clean);
    f->nevidence++;
    f->edited = true;
}

/* The editor named in s[0..n), or NULL. */
static const char *find_editor(const uint8_t *s, size_t n)
{
    char low[256];
    size_t m = n < sizeof low - 1 ? n : sizeof low - 1;
    for (size_t i = 0; i < m; i++)
        low[i] = (char)tolower(s[i] ? s[i] : ' ');
    low[m] = 0;
    for (size_t i = 0; i < sizeof editors / sizeof editors[0]; i++) {
        const char *e = editors[i];
        if (strcmp(e, "preview") == 0) {
            /* macOS Preview writes "Preview" alone; the word inside other
             * names ("Print Preview") is no editor. */
            if (strncmp(low, "preview", 7) == 0 && (m == 7 || !isalpha((unsigned char)low[7])))
                return e;
            continue;
        }
        if (strstr(low, e))
            return e;
    }
    return NULL;
}

static void note_software(ds_forensics *f, const char *what, const uint8_t *s, size_t n)
{
    while (n > 0 && (s[n - 1] == 0 || s[n - 1] == ' '))
        n--;
    if (n == 0)
        return;
    char v[64];
    size_t m = n < sizeof v - 1 ? n : sizeof v - 1;
    for (size_t i = 0; i < m; i++)
        v[i] = (s[i] >= 0x20 && s[i] < 0x7F) ? (char)s[i] : '?';
    v[m] = 0;
    if (!f->software[0])
        snprintf(f->software, sizeof f->software, "%s", v);
    if (find_editor(s, n))
        add_evidence(f, "%s names an image editor: %s", what, v);
}

/* Bounded search of needle in hay[0..n). */
static const uint8_t *memfind(const uint8_t *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || n < k)
        return NULL;
    for (size_t i = 0; i + k <= n; i++)
        if (hay[i] == (uint8_t)needle[0] && memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* EXIF                                                                      */

static unsigned rd16(const uint8_t *p, bool le)
{
    return le ? (unsigned)(p[0] | (p[1] << 8)) : (unsigned)((p[0] << 8) | p[1]);
}

static uint32_t rd32(const uint8_t *p, bool le)
{
    return le ? (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24)
              : ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Parses a TIFF structure (EXIF payload after "Exif\0\0") and looks at the
 * ASCII tags of IFD0 that name software. */
static void parse_exif(const uint8_t *t, size_t n, ds_forensics *f)
{
    if (n < 8)
        return;
    bool le;
    if (t[0] == 'I' && t[1] == 'I')
        le = true;
    else if (t[0] == 'M' && t[1] == 'M')
        le = false;
    else
        return;
    if (rd16(t + 2, le) != 42)
        return;
    uint32_t ifd = rd32(t + 4, le);
    if (ifd < 8 || ifd > n - 2)
        return;
    unsigned count = rd16(t + ifd, le);
    if (count > MAX_IFD_ENTRIES)
        count = MAX_IFD_ENTRIES;
    for (unsigned i = 0; i < count; i++) {
        size_t e = (size_t)ifd + 2 + (size_t)i * 12;
        if (e + 12 > n)
            break;
        unsigned tag = rd16(t + e, le), type = rd16(t + e + 2, le);
        uint32_t cnt = rd32(t + e + 4, le);
        if (type != 2 || (tag != 0x0131 && tag != 0x000B))
            continue;
        const uint8_t *val;
        if (cnt <= 4) {
            val = t + e + 8;
        } else {
            uint32_t off = rd32(t + e + 8, le);
            if (off > n || cnt > n - off)
                continue;
            val = t + off;
        }
        note_software(f, tag == 0x0131 ? "EXIF Software" : "EXIF ProcessingSoftware", val, cnt);
    }
}

/* ------------------------------------------------------------------------ */
/* XMP                                                                       */

/* Finds `key` followed by '="value"' or '>value<' and checks the value. */
static void xmp_value(const uint8_t *x, size_t n, const char *key, const char *what,
                      ds_forensics *f)
{
    const uint8_t *p = x, *end = x + n;
    for (int guard = 0; guard < 32 && p < end; guard++) {
        const uint8_t *k = memfind(p, (size_t)(end - p), key);
        if (!k)
            return;
        const uint8_t *v = k + strlen(key);
        while (v < end && (*v == ' ' || *v == '=' || *v == '"' || *v == '\'' || *v == '>'))
            v++;
        const uint8_t *ve = v;
        while (ve < end && *ve != '"' && *ve != '\'' && *ve != '<' && ve - v < 120)
            ve++;
        if (ve > v)
            note_software(f, what, v, (size_t)(ve - v));
        p = ve > k ? ve : k + 1;
    }
}

static void parse_xmp(const uint8_t *x, size_t n, ds_forensics *f)
{
    xmp_value(x, n, "xmp:CreatorTool", "XMP CreatorTool", f);
    xmp_value(x, n, "stEvt:softwareAgent", "XMP history softwareAgent", f);
    if (memfind(x, n, "xmlns:photoshop=") || memfind(x, n, "<photoshop:"))
        add_evidence(f, "%s%s", "XMP holds Photoshop properties (photoshop: namespace)", "");
}

/* ------------------------------------------------------------------------ */
/* JPEG                                                                      */

static const uint8_t zigzag[64] = {
    0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,  12, 19, 26, 33, 40, 48,
    41, 34, 27, 20, 13, 6,  7,  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23,
    30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
};

/* ITU-T T.81 Annex K tables, natural order. */
static const uint8_t std_lum[64] = {
    16, 11, 10, 16, 24,  40,  51,  61,  12, 12, 14, 19, 26,  58,  60,  55,
    14, 13, 16, 24, 40,  57,  69,  56,  14, 17, 22, 29, 51,  87,  80,  62,
    18, 22, 37, 56, 68,  109, 103, 77,  24, 35, 55, 64, 81,  104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
};
static const uint8_t std_chr[64] = {
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99,
    99, 99, 47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
};

static void scaled_table(const uint8_t *base, int quality, uint16_t out[64])
{
    int s = quality < 50 ? 5000 / quality : 200 - 2 * quality;
    for (int i = 0; i < 64; i++) {
        long v = ((long)base[i] * s + 50) / 100;
        out[i] = (uint16_t)(v < 1 ? 1 : v > 255 ? 255 : v);
    }
}

static int table_quality(const uint8_t *base, const uint16_t q[64], bool *exact)
{
    int best = -1;
    long bestd = -1;
    *exact = false;
    for (int quality = 1; quality <= 100; quality++) {
        uint16_t t[64];
        scaled_table(base, quality, t);
        long d = 0;
        for (int i = 0; i < 64; i++)
            d += labs((long)t[i] - (long)q[i]);
        if (bestd < 0 || d < bestd) {
            bestd = d;
            best = quality;
        }
    }
    *exact = bestd == 0;
    return best;
}

int ds_forensics_jpeg_quality(const uint16_t q[64], bool *exact)
{
    bool ex = false;
    int r = q ? table_quality(std_lum, q, &ex) : -1;
    if (exact)
        *exact = ex;
    return r;
}

/*
 * Quantisation tables of Adobe Photoshop, natural (row-major) order,
 * luminance then chrominance. Photoshop does not scale libjpeg's table: each
 * of its settings has tables of its own, so an exact match of both is a
 * trace of the editor. Only tables that two independent public sources
 * agree on are listed:
 *  - Pillow, src/PIL/JpegPresets.py ("JPEG quality settings equivalent to
 *    the Photoshop settings"; presets maximum, high, medium, low, web_maximum,
 *    web_very_high, web_high, web_medium, web_low), which gives the values;
 *  - GIMP, plug-ins/file-jpeg/jpegqual.c (quant_info[], R. Quinet 2007),
 *    which names the setting of each as "Adobe Photoshop CS2" "quality 10",
 *    "quality 8", "quality 5", "quality 3", "save for web 100", "80", "60",
 *    "30", "10" by a 32-bit hash of the tables (h = 11; h = h * 4177 + q over
 *    luminance then chrominance) and the sum of each table: the values below
 *    give exactly GIMP's hash and both sums for each of the nine settings.
 * Other settings (quality 0-2, 4, 6, 7, 9, 11, 12 and the rest of the Save
 * for Web scale) have no table in a source we could check, so they are not
 * recognised. None of these is a libjpeg standard table at any quality
 * (test_forensics checks jpeg_set_quality 1..100).
 */
typedef struct editor_tables {
    const char *setting;
    uint8_t lum[64];
    uint8_t chr[64];
} editor_tables;

static const editor_tables photoshop_tables[] = {
    {"quality 10",
        {
           2,   2,   2,   2,   3,   4,   5,   6,   2,   2,   2,   2,   3,   4,   5,   6,
           2,   2,   2,   2,   4,   5,   7,   9,   2,   2,   2,   4,   5,   7,   9,  12,
           3,   3,   4,   5,   8,  10,  12,  12,   4,   4,   5,   7,  10,  12,  12,  12,
           5,   5,   7,   9,  12,  12,  12,  12,   6,   6,   9,  12,  12,  12,  12,  12,
        },
        {
           3,   3,   5,   9,  13,  15,  15,  15,   3,   4,   6,  10,  14,  12,  12,  12,
           5,   6,   9,  14,  12,  12,  12,  12,   9,  10,  14,  12,  12,  12,  12,  12,
          13,  14,  12,  12,  12,  12,  12,  12,  15,  12,  12,  12,  12,  12,  12,  12,
          15,  12,  12,  12,  12,  12,  12,  12,  15,  12,  12,  12,  12,  12,  12,  12,
        }},
    {"quality 8",
        {
           6,   4,   4,   6,   9,  11,  12,  16,   4,   5,   5,   6,   8,  10,  12,  12,
           4,   5,   5,   6,  10,  12,  12,  12,   6,   6,   6,  11,  12,  12,  12,  12,
           9,   8,  10,  12,  12,  12,  12,  12,  11,  10,  12,  12,  12,  12,  12,  12,
          12,  12,  12,  12,  12,  12,  12,  12,  16,  12,  12,  12,  12,  12,  12,  12,
        },
        {
           7,   7,  13,  24,  20,  20,  17,  17,   7,  12,  16,  14,  14,  12,  12,  12,
          13,  16,  14,  14,  12,  12,  12,  12,  24,  14,  14,  12,  12,  12,  12,  12,
          20,  14,  12,  12,  12,  12,  12,  12,  20,  12,  12,  12,  12,  12,  12,  12,
          17,  12,  12,  12,  12,  12,  12,  12,  17,  12,  12,  12,  12,  12,  12,  12,
        }},
    {"quality 5",
        {
          12,   8,   8,  12,  17,  21,  24,  17,   8,   9,   9,  11,  15,  19,  12,  12,
           8,   9,  10,  12,  19,  12,  12,  12,  12,  11,  12,  21,  12,  12,  12,  12,
          17,  15,  19,  12,  12,  12,  12,  12,  21,  19,  12,  12,  12,  12,  12,  12,
          24,  12,  12,  12,  12,  12,  12,  12,  17,  12,  12,  12,  12,  12,  12,  12,
        },
        {
          13,  11,  13,  16,  20,  20,  17,  17,  11,  14,  14,  14,  14,  12,  12,  12,
          13,  14,  14,  14,  12,  12,  12,  12,  16,  14,  14,  12,  12,  12,  12,  12,
          20,  14,  12,  12,  12,  12,  12,  12,  20,  12,  12,  12,  12,  12,  12,  12,
          17,  12,  12,  12,  12,  12,  12,  12,  17,  12,  12,  12,  12,  12,  12,  12,
        }},
    {"quality 3",
        {
          18,  14,  14,  21,  30,  35,  34,  17,  14,  16,  16,  19,  26,  23,  12,  12,
          14,  16,  17,  21,  23,  12,  12,  12,  21,  19,  21,  23,  12,  12,  12,  12,
          30,  26,  23,  12,  12,  12,  12,  12,  35,  23,  12,  12,  12,  12,  12,  12,
          34,  12,  12,  12,  12,  12,  12,  12,  17,  12,  12,  12,  12,  12,  12,  12,
        },
        {
          20,  19,  22,  27,  20,  20,  17,  17,  19,  25,  23,  14,  14,  12,  12,  12,
          22,  23,  14,  14,  12,  12,  12,  12,  27,  14,  14,  12,  12,  12,  12,  12,
          20,  14,  12,  12,  12,  12,  12,  12,  20,  12,  12,  12,  12,  12,  12,  12,
          17,  12,  12,  12,  12,  12,  12,  12,  17,  12,  12,  12,  12,  12,  12,  12,
        }},
    {"Save for Web quality 100",
        {
           1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,   1,
           1,   1,   1,   1,   1,   1,   1,   2,   1,   1,   1,   1,   1,   1,   2,   2,
           1,   1,   1,   1,   1,   2,   2,   3,   1,   1,   1,   1,   2,   2,   3,   3,
           1,   1,   1,   2,   2,   3,   3,   3,   1,   1,   2,   2,   3,   3,   3,   3,
        },
        {
           1,   1,   1,   2,   2,   3,   3,   3,   1,   1,   1,   2,   3,   3,   3,   3,
           1,   1,   1,   3,   3,   3,   3,   3,   2,   2,   3,   3,   3,   3,   3,   3,
           2,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,
           3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,   3,
        }},
    {"Save for Web quality 80",
        {
           2,   2,   2,   2,   3,   4,   5,   6,   2,   2,   2,   2,   3,   4,   5,   6,
           2,   2,   2,   2,   4,   5,   7,   9,   2,   2,   2,   4,   5,   7,   9,  12,
           3,   3,   4,   5,   8,  10,  12,  12,   4,   4,   5,   7,  10,  12,  12,  12,
           5,   5,   7,   9,  12,  12,  12,  12,   6,   6,   9,  12,  12,  12,  12,  12,
        },
        {
           3,   3,   5,   9,  13,  15,  15,  15,   3,   4,   6,  11,  14,  12,  12,  12,
           5,   6,   9,  14,  12,  12,  12,  12,   9,  11,  14,  12,  12,  12,  12,  12,
          13,  14,  12,  12,  12,  12,  12,  12,  15,  12,  12,  12,  12,  12,  12,  12,
          15,  12,  12,  12,  12,  12,  12,  12,  15,  12,  12,  12,  12,  12,  12,  12,
        }},
    {"Save for Web quality 60",
        {
           6,   4,   4,   6,   9,  11,  12,  16,   4,   5,   5,   6,   8,  10,  12,  12,
           4,   5,   5,   6,  10,  12,  14,  19,   6,   6,   6,  11,  12,  15,  19,  28,
           9,   8,  10,  12,  16,  20,  27,  31,  11,  10,  12,  15,  20,  27,  31,  31,
          12,  12,  14,  19,  27,  31,  31,  31,  16,  12,  19,  28,  31,  31,  31,  31,
        },
        {
           7,   7,  13,  24,  26,  31,  31,  31,   7,  12,  16,  21,  31,  31,  31,  31,
          13,  16,  17,  31,  31,  31,  31,  31,  24,  21,  31,  31,  31,  31,  31,  31,
          26,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,
          31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,  31,
        }},
    {"Save for Web quality 30",
        {
          16,  11,  11,  16,  23,  27,  31,  30,  11,  12,  12,  15,  20,  23,  23,  30,
          11,  12,  13,  16,  23,  26,  35,  47,  16,  15,  16,  23,  26,  37,  47,  64,
          23,  20,  23,  26,  39,  51,  64,  64,  27,  23,  26,  37,  51,  64,  64,  64,
          31,  23,  35,  47,  64,  64,  64,  64,  30,  30,  47,  64,  64,  64,  64,  64,
        },
        {
          17,  15,  17,  21,  20,  26,  38,  48,  15,  19,  18,  17,  20,  26,  35,  43,
          17,  18,  20,  22,  26,  30,  46,  53,  21,  17,  22,  28,  30,  39,  53,  64,
          20,  20,  26,  30,  39,  48,  64,  64,  26,  26,  30,  39,  48,  63,  64,  64,
          38,  35,  46,  53,  64,  64,  64,  64,  48,  43,  53,  64,  64,  64,  64,  64,
        }},
    {"Save for Web quality 10",
        {
          20,  16,  25,  39,  50,  46,  62,  68,  16,  18,  23,  38,  38,  53,  65,  68,
          25,  23,  31,  38,  53,  65,  68,  68,  39,  38,  38,  53,  65,  68,  68,  68,
          50,  38,  53,  65,  68,  68,  68,  68,  46,  53,  65,  68,  68,  68,  68,  68,
          62,  65,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,
        },
        {
          21,  25,  32,  38,  54,  68,  68,  68,  25,  28,  24,  38,  54,  68,  68,  68,
          32,  24,  32,  43,  66,  68,  68,  68,  38,  38,  43,  53,  68,  68,  68,  68,
          54,  54,  66,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,
          68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,  68,
        }},

};

/* The Photoshop setting whose luminance and chrominance tables both equal
 * lum and chr exactly, or NULL. */
static const char *photoshop_setting(const uint16_t lum[64], const uint16_t chr[64])
{
    for (size_t k = 0; k < sizeof photoshop_tables / sizeof photoshop_tables[0]; k++) {
        const editor_tables *e = &photoshop_tables[k];
        int i = 0;
        while (i < 64 && lum[i] == e->lum[i] && chr[i] == e->chr[i])
            i++;
        if (i == 64)
            return e->setting;
    }
    return NULL;
}

typedef struct jpeg_info {
    uint16_t qt[4][64]; /* natural order */
    bool have[4];
    int lum_table;      /* table of the first component, -1 unknown */
    int chr_table[2];   /* tables of the second and third components, -1 unknown */
    int ncomp;
} jpeg_info;

static void parse_dqt(const uint8_t *p, size_t n, jpeg_info *ji)
{
    size_t i = 0;
    for (int guard = 0; guard < 8 && i < n; guard++) {
        int pq = p[i] >> 4, tq = p[i] & 15;
        i++;
        if (tq > 3 || pq > 1)
            return;
        size_t need = pq ? 128 : 64;
        if (need > n - i)
            return;
        for (int k = 0; k < 64; k++) {
            unsigned v = pq ? (unsigned)((p[i + 2 * k] << 8) | p[i + 2 * k + 1]) : p[i + k];
            ji->qt[tq][zigzag[k]] = (uint16_t)v;
        }
        ji->have[tq] = true;
        i += need;
    }
}

static void parse_jpeg(const uint8_t *d, size_t n, ds_forensics *f, jpeg_info *ji)
{
    memset(ji, 0, sizeof *ji);
    ji->lum_table = -1;
    ji->chr_table[0] = ji->chr_table[1] = -1;
    size_t i = 2;
    for (int seg = 0; seg < MAX_SEGMENTS && i + 4 <= n; seg++) {
        if (d[i] != 0xFF)
            return;
        uint8_t m = d[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
            i += 2;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)
            return; /* image data: no metadata after the scan header matters */
        size_t len = ((size_t)d[i + 2] << 8) | d[i + 3];
        if (len < 2 || len > n - i - 2)
            return;
        const uint8_t *p = d + i + 4;
        size_t pl = len - 2;
        if (m == 0xE1 && pl >= 6 && memcmp(p, "Exif\0\0", 6) == 0) {
            parse_exif(p + 6, pl - 6, f);
        } else if (m == 0xE1 && pl >= 29 && memcmp(p, "http://ns.adobe.com/xap/1.0/", 29) == 0) {
            parse_xmp(p + 29, pl - 29, f);
        } else if (m == 0xED && pl >= 14 && memcmp(p, "Photoshop 3.0", 14) == 0) {
            add_evidence(f, "%s%s", "a Photoshop resource block (APP13 \"Photoshop 3.0\")", "");
        } else if (m == 0xDB) {
            parse_dqt(p, pl, ji);
        } else if ((m == 0xC0 || m == 0xC1 || m == 0xC2) && pl >= 6) {
            ji->ncomp = p[5];
            if (pl >= 9)
                ji->lum_table = p[8] & 3;
            if (pl >= 15) {
                ji->chr_table[0] = p[11] & 3;
                ji->chr_table[1] = p[14] & 3;
            }
        } else if (m == 0xFE) {
            /* A comment naming an editor ("Created with GIMP"). */
            if (find_editor(p, pl))
                note_software(f, "JPEG comment", p, pl);
        }
        i += 2 + len;
    }
}

/* ------------------------------------------------------------------------ */
/* Double JPEG compression                                                   */
/*
 * A JPEG saved once holds, for each DCT frequency, integers k whose
 * dequantised values k * Q2 follow the smooth distribution of the image's
 * coefficients. A JPEG decoded and saved again was quantised twice: first
 * with step Q1, then with Q2, so its integers are round(round(x / Q1) * Q1 /
 * Q2) of the original coefficients x: some values of k collect more
 * multiples of Q1 than their neighbours (periodic peaks when Q2 > Q1) or
 * none at all (gaps when Q2 < Q1); when Q2 > Q1 the zero bin is also wider
 * or narrower than a single save's.
 *
 * The test compares two predictions of the observed histogram of |k| =
 * 0..DQ_BINS for the first DQ_NPOS AC coefficients (zig-zag order) of the
 * luminance. The distribution of x is estimated from the decoded image
 * itself, cut four pixels off the JPEG block grid so that the blocks no
 * longer align with the quantisation (the calibration of Lukas and
 * Fridrich, 2003). That estimate is blurred by the second save's own
 * error, most of all when Q2 is coarse, so every prediction may stretch it
 * by a factor s (DQ_NSCALE values DQ_SCALE_STEP apart around 1), the best s
 * per frequency and prediction. The single-save prediction is round(s x /
 * Q2); each double-save prediction quantises s x with a candidate primary
 * table (libjpeg's standard table at one quality), adds Gaussian noise of
 * sd DQ_NOISE for decoding to 8-bit pixels and saving again, and quantises
 * with Q2. Candidates whose steps all divide Q2's leave no trace and join
 * the single-save family. D is a Hellinger-type distance between observed
 * and predicted histograms (sum over bins of |sqrt(o) - sqrt(p)|), summed
 * over the frequencies; the score is 1 - D_double / D_single (the share of
 * the single-save misfit the best candidate explains) and the gain
 * (D_single - D_double) per frequency. A single save has both near 0; the
 * thresholds are in forensics.h.
 *
 * The first quality reported is the best candidate of a second fit that
 * neither stretches x nor looks at the zero bin (|k| = 1..DQ_BINS, the
 * first DQ_EST_NPOS coefficients, noise DQ_EST_NOISE): with a coarse second
 * save the main fit often prefers a first table of about half the true
 * steps, which the second fit does not.
 */

#define DQ_MAX_PIXELS (40L * 1000 * 1000) /* larger files are not analysed */
#define DQ_MAX_MEMORY (320L * 1024 * 1024) /* libjpeg's allocation cap */
#define DQ_MAX_SCANS 64                    /* progressive scans allowed */
#define DQ_MAX_SHIFTED 60000               /* off-grid blocks sampled */
#define DQ_NPOS 35                         /* AC coefficients compared: zig-zag 1..DQ_NPOS */
_Static_assert(DQ_NPOS <= 35, "dq_fdct computes the zig-zag positions with r + c <= 7");
#define DQ_BINS 12                         /* |k| = 0..DQ_BINS compared */
#define DQ_FINE 4                          /* fine histogram of |x|: 1/4 unit */
#define DQ_RANGE 1024                      /* |x| < DQ_RANGE (orthonormal DCT) */
#define DQ_NFINE (DQ_RANGE * DQ_FINE)
#define DQ_MIN_COUNT 400                   /* counts in bins 1..DQ_BINS for a frequency to count */
#define DQ_MIN_FREQS 3                     /* such frequencies among the first DQ_EST_NPOS, or no test */
#define DQ_NOISE 0.3                       /* sd of the noise of decoding and saving again */
#define DQ_NSCALE 7                        /* stretches of the calibration tried */
#define DQ_SCALE_STEP 0.05                 /* ... at 1 + i * DQ_SCALE_STEP, |i| <= 3 */
#define DQ_EST_NPOS 20                     /* first-quality fit: coefficients */
#define DQ_EST_NOISE 0.6                   /* first-quality fit: noise */
#define DQ_PHI_STEPS 128                   /* normal CDF table: steps per unit, over [-8, 8] */
#define DQ_PHI_N (16 * DQ_PHI_STEPS + 1)
#define DQ_MAX_Q 255                       /* quantisation steps are 1..DQ_MAX_Q */

#define dq_pos(k) zigzag[(k) + 1]

typedef struct dq_err {
    struct jpeg_error_mgr pub;
    jmp_buf jb;
} dq_err;

static void dq_error_exit(j_common_ptr c)
{
    longjmp(((dq_err *)c->err)->jb, 1);
}

static void dq_output_message(j_common_ptr c)
{
    (void)c;
}

static void dq_progress(j_common_ptr c)
{
    if (c->is_decompressor && ((j_decompress_ptr)c)->input_scan_number > DQ_MAX_SCANS)
        (*c->err->error_exit)(c);
}

/* The fit: which bins and coefficients are compared, the noise, and how
 * many stretches of the calibration are tried. */
typedef struct dq_model {
    int lo, hi;
    int npos;
    double sigma;
    int nscale;
} dq_model;

/* Scratch of one test, on the heap (worker threads have small stacks). */
typedef struct dq_work {
    double phi[DQ_PHI_N];                /* normal CDF at -8 + i / DQ_PHI_STEPS */
    double best[DQ_NPOS][DQ_MAX_Q + 1];  /* per frequency and first step (0: single
                                            save), the best distance; < 0: not yet */
} dq_work;

/* Normal CDF, from the table (linear between entries). */
static double dq_phi(const dq_work *w, double z)
{
    double u = (z + 8) * DQ_PHI_STEPS;
    if (u <= 0)
        return 0;
    if (u >= DQ_PHI_N - 1)
        return 1;
    long i = (long)u;
    return w->phi[i] + (u - (double)i) * (w->phi[i + 1] - w->phi[i]);
}

/* The share of |x| below t for the cumulative fine histogram cdf[0..DQ_NFINE]
 * (cdf[i]: share of |x| < i / DQ_FINE), linear within a fine bin. */
static double dq_cdf(const double *cdf, double t)
{
    if (t <= 0)
        return 0;
    double u = t * DQ_FINE;
    if (u >= DQ_NFINE)
        return 1;
    long i = (long)u;
    return cdf[i] + (u - (double)i) * (cdf[i + 1] - cdf[i]);
}

/*
 * The predicted folded histogram p[0..m->hi] (not normalised) of |round(X /
 * q2)|, X being s times a coefficient distributed as cdf, after a first
 * quantisation with step q1 plus rounding noise (q1 == 0: none).
 */
static void dq_predict(const dq_work *w, const dq_model *m, const double *cdf, int q1, int q2,
                       double s, double *p)
{
    /* Each bin's or step's lower edge is the last one's upper edge, the
     * same double ((b - 1) + 0.5 and b - 0.5 are the same half-integer,
     * exact): its CDF or normal CDF is taken once and used by both, the
     * same values in the same sums. */
    for (int b = 0; b <= m->hi; b++)
        p[b] = 0;
    if (q1 <= 0) {
        double below = dq_cdf(cdf, 0 / s);
        for (int b = 0; b <= m->hi; b++) {
            double hi = (b + 0.5) * q2;
            double above = dq_cdf(cdf, hi / s);
            p[b] = above - below;
            below = above;
        }
        return;
    }
    /* Multiples of q1 beyond the compared bins or the calibrated range hold
     * nothing here (a 16-bit q2 of a hostile file must not make this long). */
    double sg = m->sigma, top = (m->hi + 0.5) * q2 + 6 * sg;
    top = top < DQ_RANGE * s ? top : DQ_RANGE * s;
    double below = dq_cdf(cdf, 0 / s);
    for (int j = 0; ((double)j - 0.5) * q1 < top; j++) {
        double hi = (j + 0.5) * q1;
        double above = dq_cdf(cdf, hi / s);
        double mass = above - below;
        below = above;
        if (mass <= 0)
            continue;
        double y = (double)j * q1;
        long b0 = lround(y / q2);
        long blo = b0 - 2 < 0 ? 0 : b0 - 2, bhi = b0 + 2 < m->hi ? b0 + 2 : m->hi;
        if (blo > bhi)
            continue;
        /* pos[i], neg[i]: the normal CDF at (+-e q2 - y) / sg for the edge
         * e = blo + i - 0.5 (the lower edge of bin blo + i). */
        double pos[6], neg[6];
        for (long e = blo > 0 ? blo : 1; e <= bhi + 1; e++) {
            double edge = (e - 0.5) * q2;
            pos[e - blo] = dq_phi(w, (edge - y) / sg);
            neg[e - blo] = dq_phi(w, (-edge - y) / sg);
        }
        for (long b = blo; b <= bhi; b++) {
            double pr;
            long i = b - blo;
            if (b == 0) /* (0.5 q2 - y) and (-0.5 q2 - y): the edge 0.5 */
                pr = pos[i + 1] - neg[i + 1];
            else /* |k| = b from either sign */
                pr = pos[i + 1] - pos[i] + neg[i] - neg[i + 1];
            p[b] += mass * pr;
        }
    }
}

/* Sum over bins m->lo..m->hi of |sqrt(o) - sqrt(p)|, each histogram
 * normalised to sum 1 there; 2 (the most) when either is empty. */
static double dq_dist(const dq_model *m, const double *o, const double *p)
{
    double so = 0, sp = 0, d = 0;
    for (int b = m->lo; b <= m->hi; b++)
        so += o[b], sp += p[b];
    if (so <= 0 || sp <= 0)
        return 2;
    for (int b = m->lo; b <= m->hi; b++)
        d += fabs(sqrt(o[b] / so) - sqrt(p[b] / sp));
    return d;
}

/* The distance of frequency k's histogram to the prediction with first
 * step q1 (0: single save), at the best stretch; memoised in w->best. */
static double dq_best(dq_work *w, const dq_model *m, const double obs[DQ_NPOS][DQ_BINS + 1],
                      const double *fine, const uint16_t q2[64], int k, int q1)
{
    if (w->best[k][q1] >= 0)
        return w->best[k][q1];
    double bd = 1e30, p[DQ_BINS + 1];
    const double *cdf = fine + (size_t)k * (DQ_NFINE + 1);
    for (int si = 0; si < m->nscale; si++) {
        double s = 1 + (si - (m->nscale - 1) / 2) * DQ_SCALE_STEP;
        dq_predict(w, m, cdf, q1, q2[dq_pos(k)], s, p);
        double dk = dq_dist(m, obs[k], p);
        bd = dk < bd ? dk : bd;
    }
    w->best[k][q1] = bd;
    return bd;
}

/* Fits model m: *dsingle and *ddouble are the summed distances of the best
 * single-save and double-save predictions, *qbest the quality of the best
 * first table (-1 when no double save fits better than a single one). */
static void dq_fit(dq_work *w, const dq_model *m, const double obs[DQ_NPOS][DQ_BINS + 1],
                   const double *fine, const uint16_t q2[64], const bool use[DQ_NPOS],
                   double *dsingle, double *ddouble, int *qbest)
{
    for (int k = 0; k < DQ_NPOS; k++)
        for (int q = 0; q <= DQ_MAX_Q; q++)
            w->best[k][q] = -1;
    double ds = 0, db = 1e30;
    int qb = -1;
    for (int k = 0; k < m->npos; k++)
        if (use[k])
            ds += dq_best(w, m, obs, fine, q2, k, 0);
    for (int quality = 20; quality <= 100; quality++) {
        uint16_t q1[64];
        scaled_table(std_lum, quality, q1);
        /* A first step that divides the second leaves no trace: such
         * candidates belong to the single-save family. */
        bool divides = true;
        double dd = 0;
        for (int k = 0; k < m->npos; k++) {
            if (!use[k])
                continue;
            divides = divides && q2[dq_pos(k)] % q1[dq_pos(k)] == 0;
            dd += dq_best(w, m, obs, fine, q2, k, q1[dq_pos(k)]);
        }
        if (divides) {
            if (dd < ds)
                ds = dd;
        } else if (dd < db) {
            db = dd;
            qb = quality;
        }
    }
    if (db > ds) {
        db = ds;
        qb = -1;
    }
    *dsingle = ds;
    *ddouble = db;
    *qbest = qb;
}

/* Runs the test on the JPEG in data[0..len); sets the double-save fields. */
static void detect_double_jpeg(const uint8_t *data, size_t len, ds_forensics *out)
{
    struct jpeg_decompress_struct d;
    dq_err jerr;
    struct jpeg_progress_mgr prog;
    /* Everything released below is set before setjmp can return twice. */
    double *volatile fine = NULL;
    uint8_t *volatile strip = NULL;
    dq_work *volatile work = NULL;

    memset(&d, 0, sizeof d);
    d.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = dq_error_exit;
    jerr.pub.output_message = dq_output_message;
    if (setjmp(jerr.jb)) {
        jpeg_destroy_decompress(&d);
        free(fine);
        free(strip);
        free(work);
        return;
    }
    jpeg_create_decompress(&d);
    d.mem->max_memory_to_use = DQ_MAX_MEMORY;
    prog.progress_monitor = dq_progress;
    d.progress = &prog;
    jpeg_mem_src(&d, (const unsigned char *)data, (unsigned long)len);
    if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK || d.num_components < 1 ||
        d.num_components > 4 || (long)d.image_width * (long)d.image_height > DQ_MAX_PIXELS ||
        d.image_width < 64 || d.image_height < 64)
        longjmp(jerr.jb, 1);
    jvirt_barray_ptr *coefs = jpeg_read_coefficients(&d);
    jpeg_component_info *c0 = &d.comp_info[0];
    if (!coefs || !c0->quant_table)
        longjmp(jerr.jb, 1);
    uint16_t q2[64];
    for (int i = 0; i < 64; i++)
        q2[i] = c0->quant_table->quantval[i] ? c0->quant_table->quantval[i] : 1;
    int bw = (int)c0->width_in_blocks, bh = (int)c0->height_in_blocks;
    if (bw < 4 || bh < 4)
        longjmp(jerr.jb, 1);
    double cb[8][8];
    ds_dq_basis(cb);

    fine = calloc((size_t)DQ_NPOS * (DQ_NFINE + 1), sizeof *fine);
    size_t stride = (size_t)bw * 8;
    strip = malloc(stride * 16);
    work = malloc(sizeof *work);
    if (!fine || !strip || !work)
        longjmp(jerr.jb, 1);
    for (int i = 0; i < DQ_PHI_N; i++)
        work->phi[i] = 0.5 * erfc((8.0 - (double)i / DQ_PHI_STEPS) / sqrt(2.0));
    double obs[DQ_NPOS][DQ_BINS + 1];
    memset(obs, 0, sizeof obs);

    /* Observed histograms over every block; calibration on off-grid blocks
     * from pairs of block rows, every step-th pair. */
    long pairs = (long)(bh - 1) * (bw - 1);
    int step = (int)((pairs + DQ_MAX_SHIFTED - 1) / DQ_MAX_SHIFTED);
    step = step < 1 ? 1 : step;
    for (int r = 0; r < bh; r++) {
        JBLOCKARRAY row =
            (*d.mem->access_virt_barray)((j_common_ptr)&d, coefs[0], (JDIMENSION)r, 1, FALSE);
        for (int c = 0; c < bw; c++)
            for (int k = 0; k < DQ_NPOS; k++) {
                int v = abs((int)row[0][c][dq_pos(k)]);
                if (v <= DQ_BINS)
                    obs[k][v] += 1;
            }
    }
    int lower = -1; /* the block row whose pixels are in the strip's lower half */
    for (int r = 0; r + 1 < bh; r += step) {
        /* One row per access: a one-component image allows no more. With
         * every pair taken, the last pair's lower row is this one's upper
         * row: its pixels are moved up, not decoded again. */
        for (int rr = 0; rr < 2; rr++) {
            if (rr == 0 && lower == r) {
                memcpy(strip, strip + 8 * stride, 8 * stride);
                continue;
            }
            JBLOCKARRAY row = (*d.mem->access_virt_barray)((j_common_ptr)&d, coefs[0],
                                                           (JDIMENSION)(r + rr), 1, FALSE);
            for (int c = 0; c < bw; c++)
                ds_dq_idct((const double(*)[8])cb, row[0][c], q2,
                        strip + (size_t)rr * 8 * stride + (size_t)c * 8, stride);
        }
        lower = r + 1;
        for (int c = 0; c + 1 < bw; c++) {
            double v[DQ_NPOS];
            ds_dq_fdct((const double(*)[8])cb, strip + 4 * stride + (size_t)c * 8 + 4, stride,
                       zigzag + 1, DQ_NPOS, v);
            for (int k = 0; k < DQ_NPOS; k++) {
                double a = fabs(v[k]) * DQ_FINE;
                size_t i = a < DQ_NFINE - 1 ? (size_t)a : DQ_NFINE - 1;
                fine[(size_t)k * (DQ_NFINE + 1) + i + 1] += 1;
            }
        }
    }
    /* Cumulative and normalised: fine[k][i] = share of |x| < i / DQ_FINE
     * (the last fine bin also holds everything beyond DQ_RANGE). */
    for (int k = 0; k < DQ_NPOS; k++) {
        double *f = fine + (size_t)k * (DQ_NFINE + 1);
        for (int i = 1; i <= DQ_NFINE; i++)
            f[i] += f[i - 1];
        double t = f[DQ_NFINE];
        for (int i = 0; i <= DQ_NFINE && t > 0; i++)
            f[i] /= t;
    }

    /* Enough data: DQ_MIN_FREQS of the first DQ_EST_NPOS frequencies have
     * DQ_MIN_COUNT non-zero values; those are the first-quality fit's. */
    bool all[DQ_NPOS], est[DQ_NPOS];
    int nest = 0;
    for (int k = 0; k < DQ_NPOS; k++) {
        double s = 0;
        for (int b = 1; b <= DQ_BINS; b++)
            s += obs[k][b];
        all[k] = true;
        est[k] = k < DQ_EST_NPOS && s >= DQ_MIN_COUNT;
        nest += est[k];
    }
    if (nest < DQ_MIN_FREQS)
        longjmp(jerr.jb, 1);

    const dq_model detect = {0, DQ_BINS, DQ_NPOS, DQ_NOISE, DQ_NSCALE};
    const dq_model estimate = {1, DQ_BINS, DQ_EST_NPOS, DQ_EST_NOISE, 1};
    double dsingle, ddouble;
    int qbest;
    dq_fit(work, &detect, (const double(*)[DQ_BINS + 1])obs, fine, q2, all, &dsingle, &ddouble,
           &qbest);
    out->jpeg_double_score = dsingle > 0 ? (float)(1.0 - ddouble / dsingle) : 0;
    out->jpeg_double_gain = (float)((dsingle - ddouble) / DQ_NPOS);
    if (qbest > 0) {
        double es, ed;
        int qe;
        dq_fit(work, &estimate, (const double(*)[DQ_BINS + 1])obs, fine, q2, est, &es, &ed, &qe);
        if (qe > 0)
            qbest = qe;
    }
    out->jpeg_first_quality = qbest;
    jpeg_destroy_decompress(&d);
    free(fine);
    free(strip);
    free(work);
}

/* ------------------------------------------------------------------------ */
/* PNG                                                                       */

static void parse_png(const uint8_t *d, size_t n, ds_forensics *f)
{
    size_t i = 8;
    for (int c = 0; c < MAX_CHUNKS && i + 12 <= n; c++) {
        uint32_t len = rd32(d + i, false);
        const uint8_t *type = d + i + 4;
        if (len > n - i - 12)
            return;
        const uint8_t *p = d + i + 8;
        bool text = memcmp(type, "tEXt", 4) == 0, ztxt = memcmp(type, "zTXt", 4) == 0,
             itxt = memcmp(type, "iTXt", 4) == 0;
        if (text || ztxt || itxt) {
            size_t kl = 0;
            while (kl < len && kl < 80 && p[kl])
                kl++;
            if (kl < len) {
                char key[81];
                memcpy(key, p, kl);
                key[kl] = 0;
                const uint8_t *v = p + kl + 1;
                size_t vl = len - kl - 1;
                if (itxt) {
                    /* compression flag, method, language\0, translated keyword\0 */
                    bool compressed = vl >= 1 && v[0] != 0;
                    size_t k = 2;
                    for (int z = 0; z < 2 && k < vl; z++) {
                        while (k < vl && v[k])
                            k++;
                        k++;
                    }
                    if (k > vl || compressed)
                        vl = 0;
                    else {
                        v += k;
                        vl -= k;
                    }
                } else if (ztxt) {
                    vl = 0; /* compressed: only the keyword is looked at */
                }
                char what[100];
                snprintf(what, sizeof what, "PNG %.4s %s", (const char *)type, key);
                if (strcmp(key, "Software") == 0 || strcmp(key, "Comment") == 0 ||
                    strcmp(key, "Description") == 0 || strcmp(key, "Source") == 0) {
                    if (vl)
                        note_software(f, what, v, vl < 200 ? vl : 200);
                } else if (strcmp(key, "XML:com.adobe.xmp") == 0 && vl) {
                    parse_xmp(v, vl, f);
                }
            }
        }
        if (memcmp(type, "IEND", 4) == 0)
            return;
        i += 12 + (size_t)len;
    }
}

/* ------------------------------------------------------------------------ */

ds_error ds_forensics_scan_metadata(const uint8_t *data, size_t len, ds_forensics *out)
{
    if (!out || (!data && len))
        return DS_ERR_USAGE;
    memset(out, 0, sizeof *out);
    out->jpeg_quality = -1;
    out->jpeg_first_quality = -1;
    out->jpeg_double_score = -1;
    if (len >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        jpeg_info ji;
        parse_jpeg(data, len, out, &ji);
        int t = ji.lum_table >= 0 ? ji.lum_table : 0;
        if (ji.have[t]) {
            bool exact = false;
            out->jpeg_quality = table_quality(std_lum, ji.qt[t], &exact);
            bool all = exact;
            for (int k = 0; k < 4; k++) {
                if (!ji.have[k] || k == t)
                    continue;
                bool ex2 = false;
                if (table_quality(std_chr, ji.qt[k], &ex2) < 0 || !ex2)
                    all = false;
            }
            out->jpeg_standard_tables = all;
            /* Colour only: both chroma components on one table that is not
             * the luminance's (Photoshop's layout). */
            int c = ji.chr_table[0];
            if (ji.ncomp == 3 && c >= 0 && c != t && ji.chr_table[1] == c && ji.have[c]) {
                const char *ps = photoshop_setting(ji.qt[t], ji.qt[c]);
                if (ps) {
                    out->jpeg_editor_tables = true;
                    add_evidence(out, "%s(%s)", "quantisation tables of Adobe Photoshop ", ps);
                }
            }
        }
    } else if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
        parse_png(data, len, out);
    }
    return DS_OK;
}

ds_error ds_forensics_scan_bytes(const uint8_t *data, size_t len, ds_forensics *out)
{
    ds_error err = ds_forensics_scan_metadata(data, len, out);
    if (err != DS_OK || out->jpeg_quality < 0)
        return err;
    detect_double_jpeg(data, len, out);
    if (out->jpeg_double_score >= DS_FORENSICS_MIN_DOUBLE_SCORE &&
        out->jpeg_double_gain >= DS_FORENSICS_MIN_DOUBLE_GAIN && out->jpeg_first_quality > 0) {
        char what[96];
        snprintf(what, sizeof what, "first at about quality %d, then %d",
                 out->jpeg_first_quality, out->jpeg_quality);
        out->jpeg_double = true;
        add_evidence(out, "%s%s", "saved twice as JPEG: ", what);
    }
    return DS_OK;
}

/* ------------------------------------------------------------------------ */
/* Quality                                                                   */

ds_error ds_forensics_quality(PIX *page, const int mrz_bbox[4], int mrz_chars, bool vertical,
                              const int *doc_box, ds_forensics *out)
{
    if (!page || !mrz_bbox || !out || pixGetDepth(page) != 8)
        return DS_ERR_USAGE;
    int pw = (int)pixGetWidth(page), ph = (int)pixGetHeight(page), wpl = pixGetWpl(page);
    const l_uint32 *data = pixGetData(page);
    int x0 = mrz_bbox[0], y0 = mrz_bbox[1], x1 = x0 + mrz_bbox[2], y1 = y0 + mrz_bbox[3];
    x0 = x0 < 1 ? 1 : x0;
    y0 = y0 < 1 ? 1 : y0;
    x1 = x1 > pw - 1 ? pw - 1 : x1;
    y1 = y1 > ph - 1 ? ph - 1 : y1;
    if (x1 - x0 < 8 || y1 - y0 < 8)
        return DS_ERR_USAGE;
    if (mrz_chars != 30 && mrz_chars != 36 && mrz_chars != 44)
        mrz_chars = 44;
    float length = (float)(vertical ? mrz_bbox[3] : mrz_bbox[2]);
    out->dpi = length / (float)mrz_chars / (2.54f / 25.4f);

    /* Sharpness: variance of the 4-neighbour Laplacian over the MRZ divided
     * by the intensity variance, so contrast and lighting cancel out; the
     * Laplacian is taken at a resolution of about 150 dpi (step pixels), so
     * that a sharp scan at 600 dpi is not called blurred. */
    int st = (int)lroundf(out->dpi / 150.0f);
    st = st < 1 ? 1 : st > 4 ? 4 : st;
    double s1 = 0, s2 = 0, l1 = 0, l2 = 0;
    long n = 0;
    for (int y = y0 + st; y < y1 - st; y += st) {
        const l_uint32 *row = data + (size_t)y * wpl, *up = row - (size_t)st * wpl,
                       *dn = row + (size_t)st * wpl;
        for (int x = x0 + st; x < x1 - st; x += st) {
            double c = GET_DATA_BYTE(row, x);
            double lap = GET_DATA_BYTE(up, x) + GET_DATA_BYTE(dn, x) + GET_DATA_BYTE(row, x - st) +
                         GET_DATA_BYTE(row, x + st) - 4 * c;
            s1 += c;
            s2 += c * c;
            l1 += lap;
            l2 += lap * lap;
            n++;
        }
    }
    if (n > 16) {
        double vi = s2 / n - (s1 / n) * (s1 / n), vl = l2 / n - (l1 / n) * (l1 / n);
        out->sharpness = vi > 1 ? (float)(vl / vi / 16.0) : 0;
    }

    /* Glare: a reflection washes the ink out. Every stretch of two
     * characters along an MRZ line holds ink (fillers included), so the
     * share of such stretches, in the middle 90 % of the MRZ, where no pixel
     * is darker than the ink bound measures glare over the MRZ. The ink bound
     * is halfway between the darkest and the median pixel of the MRZ box. */
    (void)doc_box;
    int hist[256] = {0};
    long cnt = 0;
    for (int y = y0; y < y1; y++) {
        const l_uint32 *row = data + (size_t)y * wpl;
        for (int x = x0; x < x1; x++) {
            hist[GET_DATA_BYTE(row, x)]++;
            cnt++;
        }
    }
    int dark = 0, med = 0;
    long acc = 0;
    for (int v = 0; v < 256; v++) {
        acc += hist[v];
        if (acc <= cnt / 200)
            dark = v;
        if (acc <= cnt / 2)
            med = v;
    }
    int ink = (dark + med) / 2;
    float pitch = length / (float)mrz_chars;
    int stripe = (int)(2 * pitch) > 2 ? (int)(2 * pitch) : 2;
    int a0 = vertical ? y0 : x0, a1 = vertical ? y1 : x1;
    int margin = (a1 - a0) / 20;
    long sat = 0, tot = 0;
    for (int s0 = a0 + margin; s0 + stripe <= a1 - margin; s0 += stripe) {
        bool has_ink = false;
        for (int t = s0; t < s0 + stripe && !has_ink; t++) {
            if (vertical) {
                const l_uint32 *row = data + (size_t)t * wpl;
                for (int x = x0; x < x1 && !has_ink; x++)
                    has_ink = (int)GET_DATA_BYTE(row, x) <= ink;
            } else {
                for (int y = y0; y < y1 && !has_ink; y++)
                    has_ink = (int)GET_DATA_BYTE(data + (size_t)y * wpl, t) <= ink;
            }
        }
        sat += !has_ink;
        tot++;
    }
    out->glare = tot ? (float)sat / (float)tot : 0;
    out->measured = true;

    /* One reason, the measure that puts the reading most at risk first: too
     * few pixels per character, then blur, then glare. Each sentence names
     * the measure in an officer's words and what to do about it. */
    out->quality_low = false;
    out->quality_reason[0] = 0;
    if (out->dpi < DS_FORENSICS_MIN_DPI) {
        out->quality_low = true;
        snprintf(out->quality_reason, sizeof out->quality_reason,
                 "The scan resolution is too low to read the machine-readable zone reliably "
                 "(about %.0f dpi); rescan at 300 dpi.", out->dpi);
    } else if (out->sharpness < DS_FORENSICS_MIN_SHARPNESS) {
        out->quality_low = true;
        snprintf(out->quality_reason, sizeof out->quality_reason,
                 "The scan is too blurred to read the machine-readable zone reliably; "
                 "rescan with the document flat on the glass.");
    } else if (out->glare > DS_FORENSICS_MAX_GLARE) {
        out->quality_low = true;
        snprintf(out->quality_reason, sizeof out->quality_reason,
                 "Glare washes out part of the machine-readable zone; rescan without reflections.");
    }
    return DS_OK;
}
