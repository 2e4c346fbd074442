/*
 * docscreen public API.
 *
 * This header is the whole contract between the screening library and the
 * programs built on it (the docscreen CLI, the daemon, tests). Everything in
 * it is versioned: error codes only ever grow, names are never reused, and a
 * struct that crosses this boundary is never reshaped in a minor version.
 * It must never expose a type of a third-party library (Leptonica, Tesseract,
 * jansson) so that callers can be built without their headers.
 */
#ifndef DOCSCREEN_H
#define DOCSCREEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DS_VERSION_MAJOR 0
#define DS_VERSION_MINOR 1
#define DS_VERSION_PATCH 0
#define DS_VERSION_STRING "0.1.0"

/*
 * The one list of error codes with their messages. New codes are appended at
 * the end; a code is never renumbered, renamed or removed. The message is a
 * sentence a user can act on and never contains document content.
 */
#define DS_ERROR_LIST(X)                                                        \
    X(OK, "success")                                                            \
    X(ERR_NOMEM, "out of memory")                                               \
    X(ERR_USAGE, "invalid arguments")                                           \
    X(ERR_IO, "the file could not be read")                                     \
    X(ERR_EMPTY, "the file is empty")                                           \
    X(ERR_TOO_LARGE, "the file is larger than the configured size limit")       \
    X(ERR_FORMAT_UNKNOWN, "the file is not a supported format (JPEG, PNG, TIFF, PDF)") \
    X(ERR_CORRUPT, "the image is corrupt or truncated and could not be decoded") \
    X(ERR_PIXEL_LIMIT, "the image has more pixels than the configured limit")   \
    X(ERR_TOO_MANY_PAGES, "the file has more pages than the configured limit")  \
    X(ERR_MODEL, "the OCR-B recognition model is missing or corrupt")           \
    X(ERR_MRZ_LENGTH, "the MRZ lines do not have a length any ICAO 9303 format allows") \
    X(ERR_MRZ_FORMAT, "the MRZ does not follow any ICAO 9303 format")           \
    X(ERR_NOT_FOUND, "no machine-readable zone was found")                      \
    X(ERR_JSON, "the JSON input is malformed")                                  \
    X(ERR_INTERNAL, "internal error")                                           \
    X(ERR_CASE_FIELD, "a field of the case record is missing, has the wrong type or an invalid value") \
    X(ERR_TRANSLIT, "the name is not valid UTF-8 or holds a character with no ICAO 9303 transliteration") \
    X(ERR_STORE, "the store could not be read or written")                   \
    X(ERR_CONFLICT, "the request conflicts with the stored state (a reused idempotency key, a duplicate name or a job not running)") \
    X(ERR_NO_RECORD, "the requested record does not exist")                     \
    X(ERR_DECODE_TIME, "decoding the file took longer than the configured time limit") \
    X(ERR_PDF_ENCRYPTED, "the PDF is encrypted with a password: send it without the password") \
    X(ERR_PDF_NO_PAGES, "the PDF has no pages")                                 \
    X(ERR_PDF_LIMIT, "the PDF exceeds a structure limit (objects, stream size, nesting or memory)") \
    X(ERR_PDF_READER, "the PDF reader could not be run or stopped without an answer")

typedef enum ds_error {
#define DS_X_(name, msg) DS_##name,
    DS_ERROR_LIST(DS_X_)
#undef DS_X_
    DS_ERROR_COUNT_
} ds_error;

#if defined(__GNUC__)
#define DS_API __attribute__((visibility("default")))
#else
#define DS_API
#endif

/* Returns a static, human-readable message for err; never NULL. */
DS_API const char *ds_error_message(ds_error err);
/* Returns the stable symbolic name of err ("ERR_CORRUPT"); never NULL. */
DS_API const char *ds_error_name(ds_error err);
/* Returns the library version string, e.g. "0.1.0". */
DS_API const char *ds_version(void);

/* ================================================================= flags */

typedef enum ds_severity { DS_SEV_INFO = 0, DS_SEV_WARNING, DS_SEV_HIGH } ds_severity;

/*
 * The one registry of flag codes: code, default severity, the source that
 * raises it ("mrz", "viz", "barcode", "case", "image", "store", "pdf") and what it
 * means, in one line an officer understands. Codes are appended, never
 * renamed or removed; a rule may raise a code at another severity than its
 * default where docs/flags.md says so (a warning where the evidence is
 * weaker). `docscreen flags --json` prints this table.
 */
#define DS_FLAG_LIST(X)                                                                      \
    X(MRZ_NOT_FOUND, WARNING, "mrz",                                                          \
      "No machine-readable zone could be read on the page (information when the page's data "  \
      "came from its barcodes, it is a driver licence's front, or it is ordinary text such as "  \
      "a letter or statement).")                                                              \
    X(MRZ_CHECK_DIGIT, HIGH, "mrz",                                                           \
      "A check digit of the MRZ does not match the characters it protects.")                  \
    X(MRZ_FORMAT, WARNING, "mrz",                                                             \
      "The MRZ breaks the ICAO 9303 layout: a letter where a digit belongs, an impossible "    \
      "date or a bad filler.")                                                                \
    X(MRZ_UNKNOWN_CODE, WARNING, "mrz",                                                       \
      "The issuing state or nationality is not a code on the ICAO list.")                     \
    X(VIZ_MRZ_MISMATCH, HIGH, "viz",                                                          \
      "A field printed on the data page clearly differs from the same field in the MRZ.")     \
    X(CASE_NAME_MISMATCH, HIGH, "case",                                                       \
      "The name on the document is not the name in the case record.")                         \
    X(CASE_BIRTH_DATE_MISMATCH, HIGH, "case",                                                 \
      "The date of birth on the document differs from the case record.")                      \
    X(CASE_DOCUMENT_NUMBER_MISMATCH, HIGH, "case",                                            \
      "The document number differs from the one in the case record.")                         \
    X(CASE_NATIONALITY_MISMATCH, HIGH, "case",                                                \
      "The nationality on the document differs from the case record.")                        \
    X(CASE_SEX_MISMATCH, WARNING, "case",                                                     \
      "The sex on the document differs from the case record.")                                \
    X(CASE_NAME_VARIANT, INFO, "case",                                                        \
      "The name matches the case record in a spelling ICAO 9303 allows (transliteration, "    \
      "truncation, a missing middle name).")                                                  \
    X(CASE_NAME_UNVERIFIED, INFO, "case",                                                     \
      "The case record's name is in a script with no transliteration table; compare it by "   \
      "eye.")                                                                                 \
    X(DOC_EXPIRED, WARNING, "mrz",                                                            \
      "The document had expired on the application date (or today, without one).")            \
    X(DOC_VALIDITY_ANOMALY, WARNING, "mrz",                                                   \
      "The document's dates are impossible or unusual together (validity longer than its "    \
      "type allows, expiry before birth).")                                                   \
    X(SPECIMEN_DOCUMENT, HIGH, "mrz",                                                         \
      "The document is a specimen (the word SPECIMEN or a specimen's known data), never a "   \
      "real person's document.")                                                              \
    X(IMAGE_EDITED, HIGH, "image",                                                            \
      "The image file carries traces of an editing program or of a second save.")             \
    X(IMAGE_QUALITY_LOW, WARNING, "image",                                                    \
      "The MRZ is too blurred, small or washed out to be read reliably: rescan it.")          \
    X(BARCODE_MISMATCH, HIGH, "barcode",                                                      \
      "A barcode or digital seal says something else than the MRZ, the printed page or the " \
      "case record.")                                                                         \
    X(VDS_SIGNATURE_INVALID, HIGH, "barcode",                                                 \
      "The digital seal's signature does not verify (a warning when its signer is unknown).") \
    X(DUPLICATE_DOCUMENT, HIGH, "store",                                                      \
      "The same document number was seen under another identity in another case.")            \
    X(DUPLICATE_IMAGE, WARNING, "store",                                                      \
      "The same page image was submitted in another case.")                                   \
    X(DOC_REPORTED_LOST, HIGH, "store",                                                       \
      "The document is on the office's list of lost and stolen documents.")                   \
    X(PDF_INCREMENTAL_UPDATE, WARNING, "pdf",                                                 \
      "The PDF was saved again after it was made and a later save changed a page's content "  \
      "(information when the later saves changed no page).")                                  \
    X(PDF_EDITOR_SOFTWARE, INFO, "pdf",                                                       \
      "The PDF names a program made for editing PDFs or images as its producer or creator "   \
      "(a warning together with other evidence of editing in the file).")                     \
    X(PDF_TEXT_MISMATCH, HIGH, "pdf",                                                         \
      "A number in the PDF's text layer is not what the page shows on the same spot: an "     \
      "amount or date painted over, or an edited text layer (information when the page "     \
      "reads unclearly there, a warning when it shows nothing there).")                       \
    X(PDF_FONT_MIX, WARNING, "pdf",                                                           \
      "A number is set in two fonts, or one number of a line of numbers in a font no other "  \
      "number on the page uses: a figure typed in over the original (high together with "     \
      "other evidence of editing on the page).")                                            \
    X(SUPPORT_NAME_MISMATCH, HIGH, "case",                                                    \
      "A supporting document names, where it names its holder, a person who is neither the "  \
      "applicant nor a related person of the case record (a warning when not read clearly).")  \
    X(SUPPORT_NAME_UNVERIFIED, INFO, "case",                                                  \
      "The applicant's name was not found on the supporting page (not printed there, or not "  \
      "read): compare it by eye.")                                                            \
    X(SUPPORT_BIRTH_DATE_MISMATCH, HIGH, "case",                                              \
      "A date of birth printed on a supporting document differs from the case record (a "      \
      "warning when not read clearly).")                                                      \
    X(SUPPORT_ADDRESS_MISMATCH, WARNING, "case",                                              \
      "The address on a supporting document differs from the address in the case record.")     \
    X(SUPPORT_DATE_FUTURE, HIGH, "support",                                                   \
      "A supporting document is dated after the screening date (issued in the future).")       \
    X(SUPPORT_STATEMENT_OLD, WARNING, "support",                                              \
      "A statement, bill or payslip is older than the office's window before the application " \
      "date.")                                                                                \
    X(SUPPORT_ISSUED_BEFORE_BIRTH, HIGH, "support",                                           \
      "A birth certificate is dated before the birth it records.")                          \
    X(MRZ_CLIPPED, WARNING, "mrz",                                                            \
      "The MRZ runs off the edge of the image: the characters at the cut were read as far as " \
      "they go, never repaired; rescan the whole document.")                                 \
    X(MRZ_NAME_UNREADABLE, WARNING, "mrz",                                                    \
      "A letter of the name in the MRZ could not be read reliably (no check digit protects "  \
      "the name): the name is not compared; read it on the document or rescan.")             \
    X(PDF_XREF_MISMATCH, INFO, "pdf",                                                         \
      "A later save's cross-reference data disagrees with the objects in its bytes: a "       \
      "damaged file or one edited by hand (evidence beside other evidence, never alone).")    \
    X(SUPPORT_DATE_WEEKDAY_MISMATCH, WARNING, "support",                                      \
      "A date on a supporting document is headed by a weekday it did not fall on: the day "   \
      "number edited and its weekday left (high when both were read as clearly as a text "    \
      "layer).")

typedef enum ds_flag_code {
#define DS_X_(name, sev, source, meaning) DS_FLAG_##name,
    DS_FLAG_LIST(DS_X_)
#undef DS_X_
    DS_FLAG_COUNT_
} ds_flag_code;

/* "MRZ_CHECK_DIGIT"; "UNKNOWN" for a value outside the registry. */
DS_API const char *ds_flag_name(ds_flag_code code);
/* The registry's default severity, source and one-line meaning of code. */
DS_API ds_severity ds_flag_severity(ds_flag_code code);
DS_API const char *ds_flag_source(ds_flag_code code);
DS_API const char *ds_flag_meaning(ds_flag_code code);
/* Looks a code up by its name; DS_ERR_NO_RECORD when it is not registered. */
DS_API ds_error ds_flag_lookup(const char *name, ds_flag_code *out /* OUT */);
/* "info", "warning", "high"; never NULL. */
DS_API const char *ds_severity_name(ds_severity s);

#define DS_FLAG_FIELD_MAX 32
#define DS_FLAG_VALUE_MAX 64
#define DS_FLAG_MESSAGE_MAX 256

/* One flag with its evidence. Strings are NUL-terminated UTF-8 ("" when the
 * flag has no such evidence). */
typedef struct ds_flag {
    ds_flag_code code;
    ds_severity severity;
    int page;                              /* 0-based page of the file */
    char field[DS_FLAG_FIELD_MAX];         /* "birth_date", ... */
    char expected[DS_FLAG_VALUE_MAX];
    char found[DS_FLAG_VALUE_MAX];
    char source[16];                       /* "mrz", "viz", "barcode", "case", "image", "store",
                                              "pdf" */
    char message[DS_FLAG_MESSAGE_MAX];     /* one sentence */
    int bbox[4];                           /* x, y, w, h of the evidence on the page's image;
                                              w 0: the flag has no box */
} ds_flag;

/* ========================================================== case records */

#define DS_CASE_ID_MAX 128           /* bytes of UTF-8 in case_id */
#define DS_CASE_STR_MAX 256          /* bytes of UTF-8 in surname and given_names */
#define DS_CASE_DOCNO_MAX 64         /* bytes in document_number */
#define DS_CASE_FILE_MAX (64 * 1024) /* the largest case record accepted, in bytes */
#define DS_CASE_MSG_MAX 160          /* a message buffer of this size is never cut */
#define DS_CASE_ADDRESS_MAX 256      /* bytes of UTF-8 in address */
#define DS_CASE_RELATED_MAX 8        /* entries of related_persons */
#define DS_CASE_RELATION_MAX 16      /* bytes in a relation ("mother", "spouse", ...) */

/*
 * A person related to the applicant, named on a certificate (a parent on a
 * birth certificate, the spouse on a marriage certificate). relation is one
 * of "mother", "father", "parent", "spouse", "child", "sibling", "other".
 */
typedef struct ds_case_person {
    char surname[DS_CASE_STR_MAX + 1];
    char given_names[DS_CASE_STR_MAX + 1];
    char birth_date[11];
    char relation[DS_CASE_RELATION_MAX + 1];
} ds_case_person;

/*
 * The applicant's case record (contract in docs/contracts.md). An empty
 * string means the record does not give the field. Names are kept as
 * written (valid UTF-8, no control characters); dates are YYYY-MM-DD;
 * nationality is the ICAO 3-letter code ("D" is stored as "DEU"); sex is
 * "M", "F" or "X".
 */
typedef struct ds_case {
    char case_id[DS_CASE_ID_MAX + 1];
    char surname[DS_CASE_STR_MAX + 1];
    char given_names[DS_CASE_STR_MAX + 1];
    char birth_date[11];
    char nationality[4];
    char sex[2];
    char document_number[DS_CASE_DOCNO_MAX + 1];
    char application_date[11];
    char address[DS_CASE_ADDRESS_MAX + 1];     /* as written, one line or several */
    int nrelated;                              /* entries of related below */
    ds_case_person related[DS_CASE_RELATED_MAX];
} ds_case;

/*
 * Parses len bytes of JSON into *out (cleared on failure). DS_ERR_TOO_LARGE
 * over DS_CASE_FILE_MAX, DS_ERR_JSON for malformed JSON, DS_ERR_CASE_FIELD
 * for a missing case_id or a bad field. msg (when not NULL) receives one
 * sentence naming the field or the JSON position, never a value.
 */
DS_API ds_error ds_case_parse(const char *json, size_t len, ds_case *out /* OUT */, char *msg,
                              size_t msg_cap);
/* Reads the file at path and parses it with ds_case_parse. */
DS_API ds_error ds_case_load(const char *path, ds_case *out /* OUT */, char *msg, size_t msg_cap);

/* ============================================================== scanner */

/* Input limits, checked before anything is allocated for the input. */
typedef struct ds_limits {
    size_t max_file_bytes; /* whole input file (default 64 MiB) */
    uint64_t max_pixels;   /* width * height of any one page (default 50 million) */
    int max_pages;         /* pages decoded from one file (default 64) */
    /*
     * 0 (the default) decodes JPEG pages at full size. A positive value lets
     * libjpeg's DCT scaling decode a JPEG page at 1/2, 1/4 or 1/8 of its
     * size, the smallest that keeps the shorter side at or above this many
     * pixels; the limits above still apply to the full size the header
     * declares. Reports depend on the page size (the MRZ band and the
     * printed page are read at full resolution), so the scanner's default
     * leaves it off.
     */
    int jpeg_min_side;
    /*
     * The sum of width * height over all pages of one file (default 200
     * million). Every page's header is read and added up before the first
     * page is decoded (TIFF), and again before each page, so a file of many
     * pages each under max_pixels is refused with DS_ERR_PIXEL_LIMIT before
     * its pages are allocated.
     */
    uint64_t max_total_pixels;
    /*
     * Wall-clock milliseconds one file's decode may take (default 120000;
     * 0: no limit). It is checked between pages: a file whose pages are
     * still being decoded past it is refused with DS_ERR_DECODE_TIME.
     */
    int max_decode_ms;
} ds_limits;

DS_API void ds_limits_default(ds_limits *out /* OUT */);

typedef struct ds_options {
    ds_limits limits;
    char today[11];        /* "YYYY-MM-DD" that expiry is judged against; "": the clock */
    const char *trust_dir; /* certificates of digital-seal signers (read at create); NULL: none */
    int barcodes;          /* 1: read barcodes and seals (default) */
    int viz;               /* 1: read the printed data page and compare it with the MRZ (default) */
    int forensics;         /* 1: editing traces and image quality (default) */
    int fingerprints;      /* 1: a perceptual hash of every page (ds_doc.dhash); default 0 */
    /* The PDF reader program (docscreen-pdf); NULL: $DOCSCREEN_PDF_HELPER, else the one
     * beside the running program, else the installed one (docs/pdf.md). */
    const char *pdf_helper;
    /* 1: read every page without an MRZ or identity barcode as a possible
     * supporting document (classify it, extract its fields, check them
     * against the case record); default 1. */
    int support;
    /* Tesseract languages for supporting pages, "+"-separated ("eng+deu+fra");
     * NULL or "": "eng". Each needs its traineddata (Debian tesseract-ocr-XXX);
     * ds_scanner_create fails with DS_ERR_MODEL when one is missing. */
    const char *ocr_langs;
    /* A statement, bill or payslip dated more than this many days before
     * the application date is flagged (SUPPORT_STATEMENT_OLD); 0: 90. */
    int statement_window_days;
} ds_options;

DS_API void ds_options_default(ds_options *out /* OUT */);

/*
 * A scanner holds what is expensive to set up: the OCR-B model, the seal
 * signers, and a pool of Tesseract engines that grows to the number of
 * threads scanning at once. Create it once; any number of threads may call
 * ds_scan_mem / ds_scan_file on one scanner at the same time. Free it after
 * the last scan returned.
 */
typedef struct ds_scanner ds_scanner;

DS_API ds_error ds_scanner_create(const ds_options *opt, ds_scanner **out /* OUT */);
DS_API void ds_scanner_free(ds_scanner *s);

/* What one scan is about; every member may be NULL. */
typedef struct ds_scan_params {
    const char *name;           /* the report's "file" (ds_scan_file: the path when NULL) */
    const ds_case *case_record; /* compare the document with this applicant */
    const char *annotate_path;  /* write the annotated page here (NAME-N.EXT per page) */
} ds_scan_params;

typedef struct ds_report ds_report;

/*
 * Screens every page of len bytes at data (ds_scan_mem) or of the file at
 * path (ds_scan_file); the pages are decoded once. An input error (too
 * large, corrupt, not an image) returns its code and still sets *out to a
 * report naming the error (verdict "error"), so every input gets an answer;
 * only DS_ERR_USAGE and DS_ERR_NOMEM leave *out NULL.
 */
DS_API ds_error ds_scan_mem(ds_scanner *s, const void *data, size_t len, const ds_scan_params *p,
                            ds_report **out /* OUT */);
DS_API ds_error ds_scan_file(ds_scanner *s, const char *path, const ds_scan_params *p,
                             ds_report **out /* OUT */);

/* The format of an input, sniffed from its first bytes ("jpeg", "png",
 * "tiff", "pdf"), or NULL when it is no supported format. */
DS_API const char *ds_sniff_format(const void *data, size_t len);

/*
 * Decodes every page of len bytes at data within lim (NULL: the defaults)
 * and discards them, setting *pages to their count: a caller's check that
 * an input is readable, and the decode floor of the benchmarks.
 */
DS_API ds_error ds_decode_pages(const void *data, size_t len, const ds_limits *lim,
                                int *pages /* OUT */);

/* =============================================================== report */

typedef enum ds_doc_type {
    DS_DOC_OTHER = 0, DS_DOC_TD1, DS_DOC_TD2, DS_DOC_TD3, DS_DOC_MRVA, DS_DOC_MRVB
} ds_doc_type;

typedef enum ds_verdict { DS_VERDICT_CLEAR = 0, DS_VERDICT_REVIEW, DS_VERDICT_ERROR } ds_verdict;

/* One check digit: absent from the format, passed, failed. */
typedef enum ds_digit_check { DS_DIGIT_ABSENT = 0, DS_DIGIT_OK, DS_DIGIT_FAIL } ds_digit_check;

#define DS_MRZ_LINES_MAX 3
#define DS_MRZ_LINE_MAX 44
#define DS_REPAIRS_MAX 16

/* The MRZ's fields, as ICAO 9303 defines them; dates as YYYY-MM-DD. */
typedef struct ds_mrz_fields {
    char document_code[3];
    char issuing_state[4];
    char surname[48];
    char given_names[48];
    char document_number[16];
    char nationality[4];
    char birth_date[11];
    char sex[2];
    char expiry_date[11];
    char optional_data[32];
    char optional_data_2[32]; /* TD1 line 1's second optional field; "" when none */
} ds_mrz_fields;

typedef struct ds_mrz_fix {
    int line, pos;  /* 0-based */
    char from, to;  /* read, then proven */
    /* 1: no check decided it (every check passed both ways): the field prior
     * that a look-alike letter amid digits is a misread digit did. */
    int by_prior;
} ds_mrz_fix;

typedef struct ds_mrz_result {
    int nlines;
    char lines[DS_MRZ_LINES_MAX][DS_MRZ_LINE_MAX + 1];
    int parsed;          /* the lines split into a known format's fields */
    int valid;           /* parsed and every check digit passes */
    int format_ok;
    ds_digit_check document_number, birth_date, expiry_date, optional_data, composite;
    ds_mrz_fields fields;
    int name_truncated;
    int nrepairs;
    ds_mrz_fix repairs[DS_REPAIRS_MAX];
    double confidence, min_char_confidence;
    int bbox[4];         /* x, y, w, h on the page */
    int rotation;        /* 0, 90, 180, 270 */
    double skew_deg;
    /* The lines run off the image: 1 at their start, 2 at their end, 3 both. */
    int clipped;
} ds_mrz_result;

typedef enum ds_field_status {
    DS_FIELD_NOT_FOUND = 0, DS_FIELD_MATCH, DS_FIELD_MISMATCH, DS_FIELD_UNVERIFIABLE
} ds_field_status;

#define DS_VALUE_MAX 96

/* One field read on the printed page, with its status against the MRZ. */
typedef struct ds_printed_field {
    const char *name;            /* "surname", "birth_date", ... (static) */
    char value[DS_VALUE_MAX];
    char normalized[DS_VALUE_MAX];
    double confidence;           /* 0..100 */
    ds_field_status status;
    int bbox[4];
} ds_printed_field;

#define DS_PRINTED_FIELDS_MAX 16
#define DS_EVIDENCE_MAX 8

/* What the image file and the page show of editing and quality. */
typedef struct ds_image_evidence {
    int present;                 /* forensics ran on this page */
    char software[64];
    int jpeg_quality;            /* -1: not measured */
    int nevidence;
    char evidence[DS_EVIDENCE_MAX][128];
    int measured;                /* the quality of the MRZ region below was measured */
    double sharpness, glare;
    int effective_dpi;
} ds_image_evidence;

#define DS_BARCODE_TEXT_MAX 512

typedef struct ds_barcode_result {
    char symbology[16];          /* "QR", "PDF417", "DATAMATRIX", ... */
    char decoder[8];             /* "zbar", "zxing" */
    size_t bytes;
    char text[DS_BARCODE_TEXT_MAX]; /* "" when binary or cut (the JSON has the whole) */
    int bbox[4];
    char parsed_type[8];         /* "AAMVA", "VDS", "" */
    char parsed_status[32];      /* "OK", ... */
} ds_barcode_result;

/* One page of the input and what was read on it. */
typedef struct ds_doc {
    int page;
    ds_doc_type type;
    int width, height, dpi;      /* dpi 0: the file declares none */
    int has_mrz;                 /* something that splits into MRZ lines was found */
    ds_mrz_result mrz;
    int printed_read;            /* the printed page was read */
    int nprinted;
    ds_printed_field printed[DS_PRINTED_FIELDS_MAX];
    ds_image_evidence image;
    int nbarcodes;
    const ds_barcode_result *barcodes;
    uint64_t dhash;              /* with ds_options.fingerprints: the page's 64-bit dHash */
    int has_dhash;
    /* What kind of page this is (the report's "page_class"): "identity",
     * "birth_certificate", "marriage_certificate", "bank_statement",
     * "payslip", "employment_letter", "utility_bill", "tenancy_agreement",
     * "police_certificate", "diploma" or "other". */
    char page_class[24];
    double page_class_confidence; /* 0..1; 0 for "other" */
} ds_doc;

typedef struct ds_timings {
    double total, decode, locate, ocr, parse, viz, barcodes; /* milliseconds */
    double support;              /* reading supporting pages (full-page OCR or text layer) */
} ds_timings;

DS_API void ds_report_free(ds_report *r);
/* The input error, DS_OK when the input was screened. */
DS_API ds_error ds_report_error(const ds_report *r);
DS_API ds_verdict ds_report_verdict(const ds_report *r);
/* "clear", "review", "error". */
DS_API const char *ds_verdict_name(ds_verdict v);
DS_API const char *ds_report_file(const ds_report *r);
DS_API const char *ds_report_format(const ds_report *r); /* "jpeg", ...; NULL on error */
DS_API int ds_report_page_count(const ds_report *r);
DS_API int ds_report_document_count(const ds_report *r);
DS_API const ds_doc *ds_report_document(const ds_report *r, int i);
DS_API int ds_report_flag_count(const ds_report *r);
DS_API const ds_flag *ds_report_flag(const ds_report *r, int i);
DS_API const ds_timings *ds_report_timings(const ds_report *r);
/* "TD1", "TD2", "TD3", "MRVA", "MRVB", "OTHER". */
DS_API const char *ds_doc_type_name(ds_doc_type t);

/*
 * Adds a flag a caller raised (the daemon's checks across cases) and
 * recomputes the verdict: review once any flag is a warning or high. The
 * flag is copied; strings are cut at a UTF-8 boundary. DS_ERR_USAGE for a
 * code outside the registry or a report of an input error.
 */
DS_API ds_error ds_report_add_flag(ds_report *r, const ds_flag *f);

/* Another document a flag points to (the daemon's checks across cases). */
typedef struct ds_related {
    int64_t document_id;
    char case_id[DS_CASE_ID_MAX + 1];
    int page;
    int distance;                /* bits between two page fingerprints; -1: not an image match */
} ds_related;

#define DS_RELATED_MAX 8

/* As ds_report_add_flag, with up to DS_RELATED_MAX related documents
 * (written as the flag's "related" array when nrel > 0). */
DS_API ds_error ds_report_add_flag_related(ds_report *r, const ds_flag *f, const ds_related *rel,
                                           int nrel);
/* The related documents of flag i (count returned, *out set; 0 when none). */
DS_API int ds_report_flag_related(const ds_report *r, int i, const ds_related **out /* OUT */);

/* Names the report's input (the report's "file"). */
DS_API ds_error ds_report_set_file(ds_report *r, const char *name);
/* Sets the report's "case_id" (kept in place when already there). */
DS_API ds_error ds_report_set_case_id(ds_report *r, const char *case_id);
/* The daemon's references, written after the timings: "job_id", "document_id". */
DS_API ds_error ds_report_set_refs(ds_report *r, int64_t job_id, int64_t document_id);

enum { DS_JSON_PRETTY = 0, DS_JSON_COMPACT = 1 };
/*
 * Writes the report as the JSON of docs/contracts.md into a new
 * NUL-terminated string (*out, the caller free()s it), compact on one line
 * or indented by two spaces.
 */
DS_API ds_error ds_report_json(const ds_report *r, int style, char **out /* OUT */);


const char *ds_error_message(ds_error err);
/* Returns the stable symbolic name of err ("ERR_CORRUPT"); never NULL. */
const char *ds_error_name(ds_error err);
/* Returns the library version string, e.g. "0.1.0". */
const char *ds_version(void);

/* ============================================================ utilities */

/*
 * Reads the whole file at path into a fresh heap buffer. Fails with
 * DS_ERR_TOO_LARGE before reading more than max_bytes, DS_ERR_EMPTY for an
 * empty file and DS_ERR_IO when it cannot be opened or read (a directory,
 * a missing file). On success *out_data (caller frees) and *out_len are set.
 */
DS_API ds_error ds_read_file(const char *path, size_t max_bytes, uint8_t **out_data /* OUT */,
                             size_t *out_len /* OUT */);

/*
 * Tesseract's OpenMP threads only spin against the process's own workers
 * and make each page several times slower. The limit is read when the
 * runtime loads, so unless OMP_THREAD_LIMIT is already set this restarts
 * the process (same pid, same argv) with it set to 1. Call it first thing
 * in main; without /proc it returns and the program runs, only slower.
 * With the limit at 1 the library runs Tesseract's OpenMP regions as plain
 * calls on the calling thread (no libgomp team of one per LSTM step).
 */
DS_API void ds_limit_omp_threads(char **argv);

/* Milliseconds from an arbitrary fixed point, monotonic. */
DS_API double ds_now_ms(void);

/* True (1) when s is exactly YYYY-MM-DD naming a real Gregorian date with a
 * year from 1000 to 9999. */
DS_API int ds_date_valid(const char *s);

#ifdef __cplusplus
}
#endif
#endif
