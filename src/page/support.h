/*
 * support: reading a page that is not an identity document's data page (a
 * birth certificate, a bank statement, a payslip ...): its words, what kind
 * of page it is, and the fields an officer compares with the case record.
 *
 * The words come from the page's text layer where a born-digital PDF has
 * one (ds_page.text, decode.h) and from full-page Tesseract otherwise; both
 * give the same ds_sup_text (words with boxes in page pixels, grouped into
 * lines). Classification (support_class.c) and extraction (support_fields.c)
 * read only that text, so a unit test builds it by hand.
 *
 * Evidence rules: a page gets a type only when its words name it (a title
 * such as "Certificate of Birth", or several cues of one type and not of
 * another); anything less is "other". A field is extracted only where its
 * label is read (or, for the holder's name and address, where the page's
 * header places them), never guessed from a value's shape alone. Nothing
 * here decides a flag (check/supcheck.c does) or logs page content.
 */
#ifndef DS_SUPPORT_H
#define DS_SUPPORT_H

#include <leptonica/allheaders.h>
#include <stdbool.h>
#include <tesseract/capi.h>

#include "decode/decode.h"
#include "docscreen/docscreen.h"

typedef enum ds_page_class {
    DS_PC_OTHER = 0,
    DS_PC_IDENTITY,
    DS_PC_BIRTH_CERTIFICATE,
    DS_PC_MARRIAGE_CERTIFICATE,
    DS_PC_BANK_STATEMENT,
    DS_PC_PAYSLIP,
    DS_PC_EMPLOYMENT_LETTER,
    DS_PC_UTILITY_BILL,
    DS_PC_TENANCY_AGREEMENT,
    DS_PC_POLICE_CERTIFICATE,
    DS_PC_DIPLOMA,
    DS_PC_COUNT
} ds_page_class;

/* "other", "identity", "birth_certificate", ...; never NULL. */
const char *ds_page_class_name(ds_page_class c);

/* ------------------------------------------------------------ the words */

#define DS_SUP_WORD_MAX 48     /* bytes of one word (longer ones are cut) */
#define DS_SUP_WORDS_MAX 6000  /* words kept of one page */

typedef struct ds_sup_word {
    char text[DS_SUP_WORD_MAX];
    int box[4];   /* x, y, w, h in page pixels */
    float conf;   /* 0..100 (100 for a text layer) */
    int line;     /* 0-based line of the page, in reading order */
} ds_sup_word;

typedef enum ds_sup_source { DS_SUP_SRC_NONE = 0, DS_SUP_SRC_OCR, DS_SUP_SRC_TEXT_LAYER } ds_sup_source;

typedef struct ds_sup_text {
    ds_sup_source source;
    int nwords, nlines;
    ds_sup_word *w;     /* nwords entries (owned), lines in order, words left to right */
    double mean_conf;   /* mean word confidence, 0..100 */
    double ms;          /* time spent reading, milliseconds */
    int scale_pct;      /* OCR: the page was read at this percentage of its size */
    int page_w, page_h; /* the page's size in pixels; 0: unknown (the words' extent is used) */
    int shaded_cells;   /* OCR: shaded cells lifted to the paper's tone (ds_sup_flatten_shade) */
    int lost_letters;   /* OCR: letters no word of the automatic reading covered
                           (ds_sup_lost_letters); -1: not counted (read turned) */
    int sparse_words;   /* OCR: words the sparse re-reading added (ds_sup_merge_words) */
    int year_now;       /* the screening date's year: places a two-digit year's century
                           (ds_sup_parse_date_yy); 0: unknown, two-digit years are no date */
    int turned;         /* OCR: the page lay turned in the scanner and was read turned
                           upright by this many degrees clockwise (0, 90, 180, 270); the
                           words' boxes and page_w, page_h are in that upright frame
                           (ds_sup_box_to_page maps a box back to the page) */
} ds_sup_text;

/* The resolution full-page OCR reads at (pixels per inch of the paper): the
 * page is scaled down to it when it is finer. 0 or less: the default. */
#define DS_SUP_OCR_DPI 150

/* A page OCR reads as fewer words than this is read once more with its
 * background flattened (ds_sup_read_ocr), the reading with more words
 * kept: unevenly lit paper can be lost whole by Tesseract's threshold. */
#define DS_SUP_REREAD_WORDS 20
/* So is a page read at a mean word confidence under this (a grey
 * photocopy whose shaded column and body Tesseract's one threshold lost
 * in part): the reading with more words read at this confidence or
 * better is kept. */
#define DS_SUP_REREAD_CONF 70.0

/*
 * Text the automatic reading lost: letter-sized marks of ink (0.04 to 0.35
 * in tall, at most 0.5 in wide; DS_SUP_LOST_INK darker than the paper, the
 * page's median) in img (8-bit gray at dpi) whose middle no word of w (n
 * words, boxes in page pixels, times scale in img pixels) covers, with a
 * margin of 0.02 in. Returns their number; *letters (may be NULL) all such
 * marks. ds_sup_text_lost: that many lost letters (at least DS_SUP_LOST_MIN
 * and DS_SUP_LOST_PCT per cent of them all) mean a block was lost, and
 * ds_sup_read_ocr reads the page once more as sparse text
 * (PSM_SPARSE_TEXT: no block taken for a picture).
 */
#define DS_SUP_LOST_INK 60
#define DS_SUP_LOST_MIN 15
#define DS_SUP_LOST_PCT 20
int ds_sup_lost_letters(PIX *img, double dpi, const ds_sup_word *w, int n, double scale,
                        int *letters /* OUT, may be NULL */);
bool ds_sup_text_lost(int lost, int letters);

/*
 * Adds to w (n words of a first reading, room for cap) the words of a
 * second reading of the same page (add, nadd) read at DS_SUP_MERGE_CONF or
 * better, with a letter or a digit, whose box neither holds the middle of
 * a first-reading word nor has its own middle in one: the second reading
 * fills the places the first left empty and never replaces a word. The
 * first reading's lines keep their order (numbers multiplied by
 * DS_SUP_MERGE_GAP); an added word's line goes after the first reading's
 * line whose middle is nearest above its own (ds_sup_text_set renumbers).
 * Returns the number of words in w.
 */
#define DS_SUP_MERGE_CONF 60.0f
#define DS_SUP_MERGE_GAP 1000
int ds_sup_merge_words(ds_sup_word *w, int n, int cap, const ds_sup_word *add, int nadd);

/*
 * Reads the whole page with Tesseract (api made by ds_tess_create) at about
 * ocr_dpi (the declared dpi, else the width of an A4/Letter page, tells the
 * scale; a page is never scaled up). Boxes are in page pixels. A page read
 * poorly (DS_SUP_REREAD_WORDS, DS_SUP_REREAD_CONF) whose text stands
 * sideways or upside down (placed so in the scanner: the ascenders and
 * descenders of its letters, Leptonica's orientation test for Roman text,
 * tell it with confidence) is read again turned upright, and the reading
 * with more words read clearly is kept (out->turned). Fails with
 * DS_ERR_NOMEM or DS_ERR_INTERNAL (Tesseract refused the page).
 */
ds_error ds_sup_read_ocr(TessBaseAPI *api, PIX *gray, int dpi, int ocr_dpi,
                         ds_sup_text *out /* OUT */);

/* Maps box (x, y, w, h), in the upright frame t was read in, back to the
 * page as it lies in the image (t->turned undone); unchanged when t was
 * read as it lies. */
void ds_sup_box_to_page(const ds_sup_text *t, int box[4]);

/*
 * Ruling lines: box borders and table rules, long thin runs of ink
 * (DS_SUP_RULE_MIN_IN inches or longer, at most about 0.04 in thick plus a
 * few degrees of skew, ink at least DS_SUP_RULE_INK darker than the
 * paper, the page's median, on average at most DS_SUP_RULE_MEAN_IN thick
 * and with paper on both sides: at most
 * DS_SUP_RULE_SIDE_INK of ink in the band of its own thickness beside it),
 * found in a gray page of dpi pixels per inch.
 * Returns a copy of the 8-bit gray page with them painted over in the
 * paper's gray (a letter's stroke is shorter than that and stays),
 * and their number in *nrules; NULL on a bad argument or no memory.
 * ds_sup_read_ocr reads the page without them.
 */
#define DS_SUP_RULE_MIN_IN 0.3
#define DS_SUP_RULE_INK 30
/* A run thicker on average than this (inches, plus 1.5 px) is letters
 * merged into a band, not a rule. */
#define DS_SUP_RULE_MEAN_IN 0.03
/* A run with more than this share of ink in the band of its own thickness
 * beside it (either side) is the edge of a line of merged letters, kept. */
#define DS_SUP_RULE_SIDE_INK 0.3
PIX *ds_sup_erase_rules(PIX *gray, double dpi, int *nrules /* OUT, may be NULL */);

/*
 * Shaded cells: header rows and label cells printed on a gray ground (10
 * to 45 % gray), which OCR reads as noise and ds_sup_erase_rules would take
 * for thick rules. A cell is an area DS_SUP_SHADE_MIN to DS_SUP_SHADE_MAX
 * gray levels darker than the paper around it (the brighter of a closing
 * half an inch tall and one three inches wide), of even height between
 * DS_SUP_SHADE_MIN_H_IN and DS_SUP_SHADE_MAX_H_IN across at least
 * DS_SUP_SHADE_MIN_W_IN, level within 6 degrees (a watermark's slanted
 * stroke is not), clear of the image's edges by 0.1 in (a scanner's
 * dark margin, a shadow or a tinted scan is larger than the closings or
 * touches the edge, and is no cell). Returns a copy of the 8-bit gray page
 * with each cell's ground lifted to the paper's tone (its text kept in
 * proportion), and their number in *ncells; NULL when no cell was found,
 * on a bad argument or no memory. ds_sup_read_ocr does this before the
 * rules are erased.
 */
#define DS_SUP_SHADE_MIN 12
#define DS_SUP_SHADE_MAX 120
#define DS_SUP_SHADE_MIN_W_IN 0.5
#define DS_SUP_SHADE_MIN_H_IN 0.12
#define DS_SUP_SHADE_MAX_H_IN 1.0
PIX *ds_sup_flatten_shade(PIX *gray, double dpi, int *ncells /* OUT, may be NULL */);

/* The words of a text layer, grouped into lines by their boxes (words whose
 * vertical centres lie within one another's box height form a line). */
ds_error ds_sup_read_layer(const ds_text_layer *layer, ds_sup_text *out /* OUT */);

/* Builds a text from words already in lines (tests, and the two readers
 * above): copies n words, sorts them by line then x, and sets nlines and
 * mean_conf. */
ds_error ds_sup_text_set(ds_sup_text *t, const ds_sup_word *words, int n);

void ds_sup_text_free(ds_sup_text *t);

/*
 * A 64-bit fingerprint of what the page says. A page with numbers (at
 * least DS_SUP_FP_MIN_NUMBERS different ones of two digits or more, two of
 * them of four or more: dates, references, amounts) gets a one-bit MinHash
 * of the set of its numbers (their digits, OCR's O and l inside a number
 * read as 0 and 1): a re-scan reads the same numbers even where it loses
 * or misreads words (measured: the same digits on 5 of 5 re-scans whose
 * word sets differed by up to half), while two pages of one template (the
 * same bank's statements for two people) share few numbers and differ in
 * about 32 * (1 - shared share) bits. A page with three long numbers or
 * more (four digits or more, no amount: dates, references, account and
 * meter numbers) is hashed on those alone, read down to half
 * DS_SUP_FP_MIN_CONF: the re-scan of a fax or a photocopy loses a table's
 * rows of small amounts, a day, a house number, and reads a long number
 * poorly far more often than it loses the number. Other pages get a SimHash of their
 * confidently read words (folded, numbers weighted double). A picture hash
 * of two text pages hardly differs at all. Returns false when neither can
 * be made (under 20 words).
 */
#define DS_SUP_FP_MIN_NUMBERS 3
#define DS_SUP_FP_MIN_CONF 20.0f
bool ds_sup_text_fingerprint(const ds_sup_text *t, uint64_t *out /* OUT */);

/* ------------------------------------------------------- classification */

#define DS_SUP_EVIDENCE_MAX 6
#define DS_SUP_EVIDENCE_LEN 48

typedef struct ds_sup_class {
    ds_page_class type;
    double confidence;  /* 0..1; 0 for "other" */
    int score, runner_up; /* the cue scores of the type and of the next best */
    int identity_score;   /* the identity-document cues' score, whatever the type */
    int nevidence;
    char evidence[DS_SUP_EVIDENCE_MAX][DS_SUP_EVIDENCE_LEN]; /* the cues that decided it */
} ds_sup_class;

/* Classifies a page from its words alone (the MRZ and barcodes are judged
 * by the caller before this). */
void ds_sup_classify(const ds_sup_text *t, ds_sup_class *out /* OUT */);

/* At least this many identity captions ("nationality", "date of expiry",
 * "surname", "sex", ...) make a page's wording an identity document's. Two
 * or fewer are what a certificate, a form or a letter prints as well
 * ("Surname", "Place of birth" on a birth entry). */
#define DS_SUP_IDENTITY_WORDS 3

/* Whether the page reads like an identity document: an identity title
 * ("passport", "residence permit") or DS_SUP_IDENTITY_WORDS of its captions.
 * A page of text that does not is no identity page whose MRZ was missed. */
bool ds_sup_identity_wording(const ds_sup_class *c);

/* ------------------------------------------------------------- fields */

typedef enum ds_sup_field_id {
    DS_SF_NAME = 0,        /* the person the page is about (holder, employee, child, tenant) */
    DS_SF_OTHER_NAME,      /* another person it names (spouse, parent) */
    DS_SF_BIRTH_DATE,
    DS_SF_ADDRESS,
    DS_SF_ISSUE_DATE,
    DS_SF_STATEMENT_DATE,  /* statement or bill date, the end of its period, a pay date */
    DS_SF_ACCOUNT_NUMBER,
    DS_SF_IBAN,
    DS_SF_REFERENCE,       /* certificate, policy, customer or other reference number */
    DS_SF_ISSUER,
    DS_SF_AMOUNT,          /* closing balance, net pay, amount due, rent */
    DS_SF_COUNT
} ds_sup_field_id;

/* "name", "other_name", "birth_date", ...; never NULL. */
const char *ds_sup_field_name(ds_sup_field_id id);

#define DS_SUP_FIELDS_MAX 24
/* The label of a birth date read after "born" inside a sentence ("Kenji
 * Hansen, born the 14th day of March 1999"): placed by the sentence, not by
 * a label, so a difference from the case is a warning, never high. */
#define DS_SUP_LABEL_BORN_PROSE "born, in a sentence"
/* The label of a birth date placed by a table's column head ("When and where
 * born" over the entry's row; support_column.c). */
#define DS_SUP_LABEL_BORN_COLUMN "born, in a column"
/* The label of a name whose surname and given names were read in places
 * that are not one row or cell group (support_party.c,
 * ds_sup_name_apart): put together, not read whole, so a difference from
 * the case is a warning, never high. */
#define DS_SUP_LABEL_NAME_APART "surname, given names apart"
#define DS_SUP_VALUE_MAX 128

typedef struct ds_sup_field {
    ds_sup_field_id id;
    char value[DS_SUP_VALUE_MAX];  /* as read */
    char norm[DS_SUP_VALUE_MAX];   /* dates YYYY-MM-DD, numbers without spaces, names upper case */
    char label[32];                /* the label that identified it ("date of birth"), or
                                      "header" for a name or address placed by the layout,
                                      "date line" for a letter's date on a line of its own,
                                      DS_SUP_LABEL_BORN_PROSE for a birth date read after
                                      "born" in a sentence, DS_SUP_LABEL_BORN_COLUMN for one
                                      found under a table's column head */
    float conf;                    /* the lowest word confidence of the value, 0..100 */
    float conf2;                   /* an address's second-lowest (one misread word aside) */
    int box[4];                    /* x, y, w, h in page pixels */
    char status[16];               /* set by the checks (check/supcheck.h): "match",
                                      "near", "mismatch", "unverifiable", "" not compared */
    char readings[2][11];          /* a numeric date the page's order does not settle
                                      (03/04/2025): norm is empty, readings[0] is the
                                      day-first reading, readings[1] the month-first one;
                                      or a date with a bar glued before its day ("|3 May
                                      1980"): [0] without the bar, [1] the bar read as 1;
                                      both "" otherwise */
    bool short_year;               /* a date printed with a two-digit year ("3 Mar 85"): its
                                      century was placed by the screening year, not read */
} ds_sup_field;

typedef struct ds_sup_page {
    bool read;                     /* the page's words were read */
    ds_sup_source source;
    int turned;                    /* ds_sup_text's turned: read turned upright by this */
    int nwords;
    double mean_conf, ms;
    ds_sup_class cls;
    int nfields;
    ds_sup_field f[DS_SUP_FIELDS_MAX];
} ds_sup_page;

/* Extracts the fields of a page of type cls->type (any type, "other"
 * included) into out->f; out->cls is set to *cls. */
void ds_sup_extract(const ds_sup_text *t, const ds_sup_class *cls, ds_sup_page *out /* OUT */);

/* ------------------------------------------------------------- dates */

typedef enum ds_sup_order {
    DS_SUP_ORDER_UNKNOWN = 0, /* nothing on the page says */
    DS_SUP_ORDER_DMY,         /* day first (03/04/2025 is 3 April) */
    DS_SUP_ORDER_MDY          /* month first (03/04/2025 is 4 March) */
} ds_sup_order;

typedef enum ds_sup_date_result {
    DS_SUP_DATE_NONE = 0,  /* no date */
    DS_SUP_DATE_OK,        /* iso holds it */
    DS_SUP_DATE_AMBIGUOUS  /* iso holds the day-first reading, alt the month-first one */
} ds_sup_date_result;

/*
 * Reads a date written as supporting pages write them (support_date.c):
 * "22.04.2025", "22/04/2025", "22-04-2025", "2025-04-22", "22 April 2025",
 * "22-Apr-2025", "5. März 1980", "1er mars 1980", "5 de marzo de 1980",
 * "April 22, 2025"; month names in English, German, French and Spanish,
 * full or abbreviated; four-digit years only. text must be the date alone.
 * A numeric date whose day and month could be swapped is read in order
 * (dotted dates are always day first); with DS_SUP_ORDER_UNKNOWN it is
 * DS_SUP_DATE_AMBIGUOUS. iso and alt are 11 bytes.
 */
ds_sup_date_result ds_sup_parse_date(const char *text, ds_sup_order order, char iso[11],
                                     char alt[11]);

/*
 * As ds_sup_parse_date, and also a date with a two-digit year beside a
 * month's name ("3 Mar 21", "3-Mar-21", "Mar 3, 21"; a numeric date's two
 * digits are too often something else). Its century is placed by
 * year_now (0: two-digit years are no date): a birth date is the latest
 * year not after year_now (a birth in the future is last century), any
 * other date the latest not more than 20 years after it (as the MRZ's
 * expiry dates). *short_year (may be NULL) says a two-digit year was read.
 */
ds_sup_date_result ds_sup_parse_date_yy(const char *text, ds_sup_order order, int year_now,
                                        bool birth, char iso[11], char alt[11], bool *short_year);

/* A numeric date with a two-digit year ("14/03/23", "06.07.85"), read
 * only where a date's label stands before it (ds_sup_parse_date_yy reads
 * two-digit years beside a month's name alone: elsewhere such a number is
 * too often something else). The century is placed by year_now as there;
 * day and month as ds_sup_parse_date's numeric dates. */
ds_sup_date_result ds_sup_parse_numeric_yy(const char *text, ds_sup_order order, int year_now,
                                           bool birth, char iso[11], char alt[11]);

/* Numbers spelt out in English words written in digits into out
 * ("fourteenth day of July, nineteen hundred and eighty-five" -> "14 day
 * of July, 1985"; "Twenty-fifth July 1979" -> "25 July 1979"); other
 * text as it is. False when nothing was spelt out (support_numwords.c). */
bool ds_sup_spell_numbers(const char *in, char *out, size_t cap);

/* Is word a weekday's name, full or abbreviated ("Saturday,", "Sat")? */
bool ds_sup_weekday_word(const char *word);
/* The day word names: 0 Monday .. 6 Sunday, -1 none (a misread "Sundav"
 * is none). */
int ds_sup_weekday_of(const char *word);

/* The month (1..12) a word names in those languages, or 0. */
int ds_sup_month_word(const char *word);

/* The order the page writes numeric dates in: shown by a date of its own
 * with a day over 12, else by its country (a UK postcode, pounds or euros:
 * day first; dollars: month first), else by German, French or Spanish
 * words (day first); unknown when nothing says or the page is mixed. */
ds_sup_order ds_sup_date_order(const ds_sup_text *t);

/* A date in the words [a, b) starting at word a, up to nine words of one
 * line: returns the number of words it takes (0: none) and fills iso (and
 * alt when ambiguous, see ds_sup_parse_date). */
int ds_sup_date_words(const ds_sup_text *t, int a, int b, ds_sup_order order, char iso[11],
                      char alt[11]);
/* The same, reading two-digit years too with t->year_now (see
 * ds_sup_parse_date_yy; birth: the date is a birth date). */
int ds_sup_date_words_yy(const ds_sup_text *t, int a, int b, ds_sup_order order, bool birth,
                         char iso[11], char alt[11], bool *short_year);

/* Is the word a caption word: a word field labels are made of in English,
 * German, French or Spanish ("Name", "Titulaire", "compte", "Prénom(s)",
 * "Apellidos"; support_words.c), never a word of a holder's name? False
 * for NULL. */
bool ds_sup_caption_word(const char *word);

/* Is the word a word of a form's captions: a caption word
 * (ds_sup_caption_word) or a word of another field's caption that no
 * person's name holds ("Tax" of "Tax code", "Contact", "AMOUNT DUE",
 * "MIDDLE NAME"; support_words.c), though a name read past its box or
 * taken off a caption row may? A name does not stop at such a word (the
 * field extraction knows only caption words), but a value holding one is
 * no name. False for NULL. */
bool ds_sup_form_word(const char *word);

/* Is the word (as printed) a company's legal form ("GmbH", "Ltd", "S.A.",
 * "SARL")? A value holding one names an organisation, never a person. */
bool ds_sup_company_word(const char *word);

/* Is the word (as printed) a noun a document's title names it by, of six
 * letters or more ("CERTIFICATE", "Statement", "Verdienstbescheinigung";
 * support_class.c)? A line holding one is a title, never a person's
 * name; shorter nouns ("Bill", "Nota", "Acta") are names too. */
bool ds_sup_document_word(const char *word);

/* Is the word (as printed) an office's or institution's ("Standesamt",
 * "Registry", "University", "Ministry"; German compounds ending in -amt or
 * -behörde)? A value holding one names an organisation, never a person. */
bool ds_sup_office_word(const char *word);

/* Does the label (as a field records it: a label phrase of support_words.c's
 * table, or "surname, given names") hold a phrase of that table that
 * labels the surname ("surname", "familienname", "locataire nom" ...), so
 * that one word under it may be a whole name? False for NULL. */
bool ds_sup_surname_label(const char *label);

/* The first field of id, or NULL. */
const ds_sup_field *ds_sup_find(const ds_sup_page *p, ds_sup_field_id id);

#endif
