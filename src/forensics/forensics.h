/*
 * forensics: evidence that an image was edited, and measures of whether it
 * can be read at all, without any trained model.
 *
 * Editing evidence comes from the file bytes: the Software tag (0x0131) and
 * ProcessingSoftware (0x000B) of EXIF IFD0, XMP CreatorTool and history
 * agents, a Photoshop resource block (APP13 "Photoshop 3.0"), PNG tEXt,
 * zTXt and iTXt chunks naming an editor, and a JPEG comment naming one.
 * A JPEG saved twice at different qualities is evidence too: the quantised
 * DCT coefficients of the luminance (read with libjpeg) are compared with a
 * single-save and a double-save model (forensics.c, docs/viz.md); it is
 * reported with the estimated quality of the first save. The test is
 * calibrated for zero false positives, so about one second save in five at
 * a lower quality than the first is missed. The JPEG quantisation tables are reported
 * with the quality they correspond to; standard libjpeg tables are what
 * scanners' software, PIL and most editors write, so they are never
 * evidence of editing. Adobe Photoshop's own tables are: a colour JPEG
 * whose luminance and chrominance tables both equal exactly those of one
 * of the nine Photoshop settings with published, cross-checked values
 * (Save As quality 3, 5, 8, 10; Save for Web 10, 30, 60, 80, 100; sources
 * in forensics.c) is reported as "quantisation tables of Adobe Photoshop
 * (quality N)". Other Photoshop settings and grayscale files are not
 * recognised. Image quality comes from the decoded page: blur
 * (normalised variance of the Laplacian over the MRZ), resolution (the
 * MRZ's pitch, 2.54 mm by ICAO 9303) and glare (stretches of the MRZ whose
 * ink is washed out).
 *
 * Every parser here reads untrusted bytes: each length is checked against
 * what remains, segment and entry counts are capped, and nothing is
 * allocated from a length read from the file except by libjpeg, whose
 * image size (40 megapixels), memory (320 MB) and progressive scans (64)
 * are capped and whose errors end the double-save test without evidence. Strings found in the file
 * are reported cut to a fixed size and with non-printable bytes replaced.
 */
#ifndef DS_FORENSICS_H
#define DS_FORENSICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <leptonica/allheaders.h>
#include "docscreen/docscreen.h"

#define DS_FORENSICS_MAX_EVIDENCE 8
#define DS_FORENSICS_EVIDENCE_LEN 128

typedef struct ds_forensics {
    /* From the file bytes (ds_forensics_scan_bytes). */
    bool edited;       /* at least one item of evidence below */
    int nevidence;
    char evidence[DS_FORENSICS_MAX_EVIDENCE][DS_FORENSICS_EVIDENCE_LEN];
    char software[64]; /* the first Software / CreatorTool value seen, "" when none */
    int jpeg_quality;  /* libjpeg quality (1..100) the luminance table matches, or
                          the nearest estimate; -1 when not a JPEG / no table */
    bool jpeg_standard_tables; /* every table is a libjpeg standard table scaled */
    bool jpeg_editor_tables;   /* luminance and chrominance tables are exactly those of
                                  an editor's own setting (Photoshop; evidence) */
    bool jpeg_double;          /* saved twice as JPEG at different qualities (evidence) */
    int jpeg_first_quality;    /* the first save's libjpeg quality, best estimate; -1 none */
    float jpeg_double_score;   /* 0..1: share of the single-save model's misfit that the best
                                  double-save model explains; -1 when not measured */
    float jpeg_double_gain;    /* the same as an absolute gain: mean Hellinger-type distance
                                  per frequency, single minus double model */

    /* From the decoded page (ds_forensics_quality). */
    bool measured;
    float sharpness;  /* normalised variance of the Laplacian over the MRZ */
    float dpi;        /* effective resolution from the MRZ pitch */
    float glare;      /* share (0..1) of the MRZ whose ink is washed out */
    bool quality_low;
    char quality_reason[128]; /* one sentence for the rescan request */

    /* From the whole page where no MRZ was read (ds_forensics_page_quality). */
    bool page_measured;
    float page_dpi_max;  /* the most the page's pixels allow a passport page (125 mm) */
    int page_dpi_file;   /* the resolution the file declares, 0 when none */
} ds_forensics;

/* Thresholds of IMAGE_QUALITY_LOW, calibrated on how often the MRZ is misread
 * (bench/quality.py, bench/README.md "Image quality"): the real specimens read
 * as well at 80-140 dpi as above, generated pages at 75 dpi are misread one time
 * in five and at 100 dpi one in sixty; the sharpness of well-read pages is
 * 0.018 and more, a page blurred by 9-15 % of the character pitch 0.005. */
#define DS_FORENSICS_MIN_DPI 80.0f          /* below: MRZ characters too few pixels to read reliably */
#define DS_FORENSICS_MIN_SHARPNESS 0.015f   /* below: blurred beyond reliable reading */
#define DS_FORENSICS_MAX_GLARE 0.04f        /* above: glare over the MRZ (never seen on a read
                                               page; not calibrated: no page with glare) */
/* Saved twice when both the relative and the absolute gain of the double-save
 * model reach these (calibrated on 1760 single saves at q35..98, docs/viz.md:
 * none reaches both; the highest score is 0.093 and the highest gain 0.0073,
 * both of one file, so the score threshold carries the margin). */
#define DS_FORENSICS_MIN_DOUBLE_SCORE 0.15f
#define DS_FORENSICS_MIN_DOUBLE_GAIN 0.008f

/*
 * Looks for editing traces in the file bytes data[0..len) (JPEG or PNG;
 * other formats give no evidence): the metadata of scan_metadata and, for a
 * JPEG, the double-save test (about 30-70 ms for a page of a few megapixels). Fills *out (previous content discarded).
 * Never fails on malformed input: what cannot be parsed gives no evidence.
 * Fails with DS_ERR_USAGE for NULL pointers.
 */
ds_error ds_forensics_scan_bytes(const uint8_t *data, size_t len, ds_forensics *out /* OUT */);

/* The metadata and quantisation tables only, without the double-save test
 * (what the fuzz target exercises). */
ds_error ds_forensics_scan_metadata(const uint8_t *data, size_t len, ds_forensics *out /* OUT */);

/*
 * Measures image quality on page (8 bpp) given the MRZ's bbox in page
 * coordinates (x, y, w, h), the number of characters per MRZ line (30, 36,
 * 44) and whether the MRZ runs vertically on the page (rotation 90 or 270).
 * doc_box is reserved (pass NULL): glare is measured on the MRZ, where ink
 * is known to be. Sets the quality fields of out, leaving the rest as they
 * are.
 */
ds_error ds_forensics_quality(PIX *page, const int mrz_bbox[4], int mrz_chars, bool vertical,
                              const int *doc_box, ds_forensics *out /* OUT */);

/* Bounds of the page measure where no MRZ was read (ds_forensics_page_quality):
 * the longest identity document with an MRZ (a TD3 passport page, an MRV-B
 * visa) is 125 mm long, so an image whose longer side holds fewer pixels
 * than DS_FORENSICS_MIN_DPI over 125 mm cannot hold a readable MRZ; and a
 * page whose file declares less than DS_FORENSICS_MIN_DPI, in an image of at
 * most DS_FORENSICS_PAGE_SMALL_DPI over 125 mm (so the declaration is a
 * scanner's, not a camera's default 72 dpi on a large photo), was scanned too
 * coarsely. Generated pages at 72 dpi (defects10 0032, 0041) are both;
 * bench/README.md "tidy13". */
#define DS_FORENSICS_PASSPORT_IN (125.0f / 25.4f)
#define DS_FORENSICS_PAGE_SMALL_DPI 120.0f

/*
 * Measures, on a page where no MRZ was read and an identity document was
 * expected, whether its pixels could hold a readable MRZ at all: the
 * resolution a passport page filling the image's longer side would have,
 * and the file's declared resolution (file_dpi, 0 when none) where the
 * image is small enough to be a scan at it. Sets page_measured,
 * page_dpi_max, page_dpi_file and, where reading is at risk, quality_low
 * and quality_reason; leaves the MRZ measures as they are. Fails with
 * DS_ERR_USAGE for NULL pointers.
 */
ds_error ds_forensics_page_quality(PIX *page, int file_dpi, ds_forensics *out /* OUT */);

/* The libjpeg quality (1..100) whose scaled standard table is closest to
 * the 64 luminance entries q (natural order); *exact is set when one
 * matches exactly. */
int ds_forensics_jpeg_quality(const uint16_t q[64], bool *exact);

#endif
