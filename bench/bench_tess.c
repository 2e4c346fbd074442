/*
 * ds_bench_tess: the baseline the MRZ reader is measured against. Stock
 * Tesseract ("eng", whole page, default page segmentation, no whitelist, no
 * other parameter set) reads each page; the MRZ is then picked out of its
 * plain text and parsed with the project's own ds_mrz_parse, so that both
 * engines are judged by the same parser and field formatting.
 *
 * Usage: ds_bench_tess [--list FILE]... [FILE]...
 * Prints one JSON object per page (every page of a multi-page TIFF) and a
 * summary with the peak RSS (see bench_util.h). One engine is initialised
 * once and reused for every file; the per-page time covers reading the page
 * and recognising it.
 * It must never tune Tesseract: a tuned baseline would not be the baseline.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "mrz/mrz.h"
#include "base/base.h"
#include "bench_util.h"

/* Page text lines considered at most; a page has far fewer. */
#define MAX_TEXT_LINES 512
/* Candidate lines shorter or longer than this are not MRZ lines. */
#define CAND_MIN_LEN 28
#define CAND_MAX_LEN 52

typedef struct cand {
    int text_line;          /* index among the non-empty text lines */
    int len;                /* characters in s, CAND_MIN_LEN..CAND_MAX_LEN */
    char s[CAND_MAX_LEN + 1];
} cand;

static bool mrz_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

/* The MRZ line length (30, 36, 44) nearest to n; ties go to the longer. */
static int nearest_mrz_len(int n)
{
    static const int lens[] = {30, 36, 44};
    int best = lens[0];
    for (size_t i = 0; i < DS_ARRAY_LEN(lens); i++) {
        int d = abs(n - lens[i]), bd = abs(n - best);
        if (d < bd || (d == bd && lens[i] > best))
            best = lens[i];
    }
    return best;
}

/*
 * Turns one line of page text into an MRZ candidate: whitespace removed,
 * ASCII upper-cased, kept when at least 80% of its characters (UTF-8 code
 * points) are in [A-Z0-9<] and it has 28..52 of them; every other character
 * becomes '<'.
 */
static bool make_candidate(const char *line, size_t n, cand *out)
{
    int len = 0, good = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if (isspace(c))
            continue;
        if ((c & 0xC0) == 0x80)
            continue; /* a UTF-8 continuation byte: counted with its lead byte */
        if (len >= CAND_MAX_LEN)
            return false;
        if (c < 0x80)
            c = (unsigned char)toupper(c);
        if (mrz_char(c))
            good++;
        out->s[len++] = mrz_char(c) ? (char)c : '<';
    }
    if (len < CAND_MIN_LEN || good * 5 < len * 4)
        return false;
    out->s[len] = '\0';
    out->len = len;
    return true;
}

static int extract_candidates(const char *text, cand *c, int max)
{
    int nc = 0, text_line = 0;
    const char *p = text;
    while (*p && text_line < MAX_TEXT_LINES) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool blank = true;
        for (size_t i = 0; i < n; i++)
            if (!isspace((unsigned char)p[i]))
                blank = false;
        if (!blank) {
            if (nc < max && make_candidate(p, n, &c[nc])) {
                c[nc].text_line = text_line;
                nc++;
            }
            text_line++;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return nc;
}

typedef struct pick {
    int count; /* lines picked; 0: none */
    char lines[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1];
    ds_error parse_rc;
    ds_mrz mrz;
} pick;

/*
 * Writes k's text as exactly want characters. OCR most often drops or
 * invents filler, so filler is added after the longest run of '<' (the last
 * of equal runs; at the end without one), and removed from that run first,
 * then from the other '<' right to left (never the last character, a check
 * digit in most lines), and only then cut from the end.
 */
static void fit_length(const cand *k, int want, char *out)
{
    int run_start = k->len, run_len = 0;
    for (int j = 0; j < k->len;) {
        int e = j;
        while (e < k->len && k->s[e] == '<')
            e++;
        if (e > j && e - j >= run_len) {
            run_start = j;
            run_len = e - j;
        }
        j = e > j ? e : j + 1;
    }
    bool keep[CAND_MAX_LEN];
    for (int j = 0; j < k->len; j++)
        keep[j] = true;
    int excess = k->len - want;
    for (int j = run_start; excess > 0 && j < run_start + run_len; j++, excess--)
        keep[j] = false;
    for (int j = k->len - 2; excess > 0 && j >= 0; j--)
        if (keep[j] && k->s[j] == '<') {
            keep[j] = false;
            excess--;
        }
    int add = want - k->len, o = 0;
    for (int j = 0; j < k->len && o < want; j++) {
        if (add > 0 && j == run_start + run_len)
            for (; add > 0 && o < want; add--)
                out[o++] = '<';
        if (keep[j])
            out[o++] = k->s[j];
    }
    while (o < want)
        out[o++] = '<';
    out[want] = '\0';
}

/*
 * A window is count candidates on consecutive text lines that fit a format:
 * 3 lines nearest to 30 characters (TD1), or 2 lines whose longer one is
 * nearest to 36 or 44 (TD2, TD3, MRV). Each line is padded with '<' or cut
 * at its end to that length, written to out. Returns the length, 0 if none.
 */
static int window_lines(const cand *c, int nc, int first, int count,
                        char out[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1])
{
    if (first < 0 || first + count > nc || count > DS_MRZ_MAX_LINES)
        return 0;
    int maxlen = 0;
    for (int i = 0; i < count; i++) {
        if (c[first + i].text_line != c[first].text_line + i)
            return 0;
        if (count == 3 && nearest_mrz_len(c[first + i].len) != 30)
            return 0;
        if (c[first + i].len > maxlen)
            maxlen = c[first + i].len;
    }
    int want = nearest_mrz_len(maxlen);
    if ((count == 3) != (want == 30))
        return 0;
    for (int i = 0; i < count; i++)
        fit_length(&c[first + i], want, out[i]);
    return want;
}

/*
 * Picks the MRZ among the candidates: windows are tried from the end of the
 * page backwards; the first that parses with every check valid wins, else
 * the last that parses, else the last window of any kind. When no window
 * fits a format, the last two or three candidates are still reported as
 * lines (they score as wrong lines) with no parse.
 */
static void pick_mrz(const cand *c, int nc, int today_year, pick *best)
{
    memset(best, 0, sizeof *best);
    best->parse_rc = DS_ERR_NOT_FOUND;
    bool have_parsed = false;
    for (int last = nc - 1; last >= 0; last--) {
        for (int count = 3; count >= 2; count--) {
            char w[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1];
            if (!window_lines(c, nc, last - count + 1, count, w))
                continue;
            const char *lines[DS_MRZ_MAX_LINES] = {w[0], w[1], w[2]};
            ds_mrz m;
            ds_error rc = ds_mrz_parse(lines, count, today_year, &m);
            bool take = (rc == DS_OK && m.valid) || (rc == DS_OK && !have_parsed) ||
                        (!have_parsed && best->count == 0);
            if (take) {
                best->count = count;
                memcpy(best->lines, w, sizeof w);
                best->parse_rc = rc;
                if (rc == DS_OK)
                    best->mrz = m;
            }
            if (rc == DS_OK && m.valid)
                return;
            if (rc == DS_OK)
                have_parsed = true;
        }
    }
    if (best->count == 0 && nc > 0) {
        int count = nc >= 3 && nearest_mrz_len(c[nc - 1].len) == 30 ? 3 : (nc >= 2 ? 2 : 1);
        best->count = count;
        for (int i = 0; i < count; i++) {
            const cand *k = &c[nc - count + i];
            int n = k->len < DS_MRZ_MAX_LINE ? k->len : DS_MRZ_MAX_LINE;
            memcpy(best->lines[i], k->s, (size_t)n);
            best->lines[i][n] = '\0';
        }
    }
}

static json_t *fields_json(const ds_mrz *m)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
                     "document_code", m->document_code, "issuing_state", m->issuing_state,
                     "surname", m->surname, "given_names", m->given_names,
                     "document_number", m->document_number, "nationality", m->nationality,
                     "birth_date", m->birth_date, "sex", m->sex, "expiry_date", m->expiry_date,
                     "optional_data", m->optional_data);
}

static json_t *checks_json(const ds_mrz_checks *k)
{
    const ds_check_state st[] = {k->document_number, k->birth_date, k->expiry_date,
                                 k->optional_data, k->composite};
    const char *names[] = {"document_number", "birth_date", "expiry_date", "optional_data",
                           "composite"};
    json_t *o = json_object();
    for (size_t i = 0; o && i < DS_ARRAY_LEN(st); i++)
        if (st[i] != DS_CHECK_ABSENT)
            json_object_set_new(o, names[i], json_boolean(st[i] == DS_CHECK_OK));
    return o;
}

/* Pages in the file: the TIFF directory count for a TIFF, else 1. */
static int page_count(const char *path)
{
    l_int32 fmt = IFF_UNKNOWN;
    if (findFileFormat(path, &fmt) != 0)
        return 1;
    bool tiff = fmt == IFF_TIFF || fmt == IFF_TIFF_PACKBITS || fmt == IFF_TIFF_RLE ||
                fmt == IFF_TIFF_G3 || fmt == IFF_TIFF_G4 || fmt == IFF_TIFF_LZW ||
                fmt == IFF_TIFF_ZIP || fmt == IFF_TIFF_JPEG;
    if (!tiff)
        return 1;
    FILE *fp = fopen(path, "rb");
    l_int32 n = 1;
    if (fp) {
        if (tiffGetCount(fp, &n) != 0 || n < 1)
            n = 1;
        fclose(fp);
    }
    return n;
}

/*
 * Reads page `page` of the file and recognises it; returns its record. The
 * time covers reading that page and recognising it.
 */
static json_t *scan_page(TessBaseAPI *api, const char *path, int page, int npages, int today_year)
{
    json_t *r = json_pack("{s:s,s:i,s:s}", "file", path, "page", page, "engine", "tesseract");
    if (!r)
        return NULL;
    double c0 = bench_cpu_ms(), t0 = ds_now_ms();
    PIX *pix = npages > 1 ? pixReadTiff(path, page) : pixRead(path);
    double t1 = ds_now_ms();
    if (!pix) {
        json_object_set_new(r, "status", json_string("ERR_IO"));
        json_object_set_new(r, "ms", json_real(t1 - t0));
        json_object_set_new(r, "found", json_false());
        json_object_set_new(r, "lines", json_array());
        json_object_set_new(r, "valid", json_false());
        return r;
    }
    TessBaseAPISetImage2(api, pix);
    char *text = TessBaseAPIGetUTF8Text(api);
    double t2 = ds_now_ms(), c2 = bench_cpu_ms();
    TessBaseAPIClear(api);
    pixDestroy(&pix);

    json_object_set_new(r, "status", json_string(text ? "OK" : "ERR_INTERNAL"));
    json_object_set_new(r, "ms", json_real(t2 - t0));
    json_object_set_new(r, "cpu_ms", json_real(c2 - c0));
    json_object_set_new(r, "read_ms", json_real(t1 - t0));
    json_object_set_new(r, "ocr_ms", json_real(t2 - t1));

    static cand c[MAX_TEXT_LINES];
    int nc = text ? extract_candidates(text, c, MAX_TEXT_LINES) : 0;
    json_t *all = json_array();
    for (int i = 0; all && i < nc; i++)
        json_array_append_new(all, json_string(c[i].s));
    json_object_set_new(r, "candidates", all);

    pick p;
    pick_mrz(c, nc, today_year, &p);
    json_t *lines = json_array();
    for (int i = 0; lines && i < p.count; i++)
        json_array_append_new(lines, json_string(p.lines[i]));
    json_object_set_new(r, "found", json_boolean(p.count > 0));
    json_object_set_new(r, "lines", lines);
    json_object_set_new(r, "parse", json_string(ds_error_name(p.parse_rc)));
    if (p.count > 0 && p.parse_rc == DS_OK) {
        json_object_set_new(r, "type", json_string(ds_mrz_type_name(p.mrz.type)));
        json_object_set_new(r, "valid", json_boolean(p.mrz.valid));
        json_object_set_new(r, "checks", checks_json(&p.mrz.checks));
        json_object_set_new(r, "fields", fields_json(&p.mrz));
    } else {
        json_object_set_new(r, "valid", json_false());
    }
    if (text)
        TessDeleteText(text);
    return r;
}

int main(int argc, char **argv)
{
    int rc = 2;
    bench_files files = {0, NULL};
    TessBaseAPI *api = NULL;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list") == 0 && i + 1 < argc) {
            if (bench_files_add_list(&files, argv[++i]) != 0) {
                fprintf(stderr, "ds_bench_tess: cannot read list %s\n", argv[i]);
                goto out;
            }
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: ds_bench_tess [--list FILE]... [FILE]...\n");
            goto out;
        } else if (bench_files_add(&files, argv[i]) != 0) {
            goto out;
        }
    }

    time_t now = time(NULL);
    struct tm tm_now;
    gmtime_r(&now, &tm_now);
    int today_year = tm_now.tm_year + 1900;

    double t0 = ds_now_ms();
    api = TessBaseAPICreate();
    if (!api || TessBaseAPIInit3(api, NULL, "eng") != 0) {
        fprintf(stderr, "ds_bench_tess: cannot initialise Tesseract with eng\n");
        goto out;
    }
    double init_ms = ds_now_ms() - t0;

    for (int i = 0; i < files.count; i++) {
        int npages = page_count(files.path[i]);
        for (int pg = 0; pg < npages; pg++) {
            json_t *r = scan_page(api, files.path[i], pg, npages, today_year);
            if (r)
                bench_emit(r);
        }
        fflush(stdout);
    }
    bench_emit_summary("tesseract", files.count, init_ms);
    rc = 0;
out:
    if (api) {
        TessBaseAPIEnd(api);
        TessBaseAPIDelete(api);
    }
    bench_files_free(&files);
    return rc;
}
