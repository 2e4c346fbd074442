/*
 * supcheck: a supporting page's fields against the case record, and the
 * dates that cannot be (issue 15).
 *
 * - Names: the page's holder name (and the other names it prints: a spouse,
 *   a parent) must include the applicant or a related person of the case
 *   record, by the rules of names.h (ICAO transliteration, middle names,
 *   order). A name within OCR noise of the applicant's is no evidence
 *   either way ("near"): its differing letters read unsurely (word
 *   confidence under 80) or ones OCR confuses (rn/m, l/I/1, O/0, e/c ...).
 *   Letters read clearly make another name. SUPPORT_NAME_MISMATCH is high
 *   only for a labelled name field read clearly (word confidence 80, page
 *   70; 97 for a name a letter or two off) that matches no one; a name
 *   placed by the letter head alone, or read poorly, is a warning or less.
 *   No name field and the surname nowhere in the text:
 *   SUPPORT_NAME_UNVERIFIED (information).
 * - Birth date: a labelled birth date equal to no birth date of the record
 *   (applicant or related persons). High when read clearly and not one
 *   digit a reader confuses; a warning otherwise.
 * - Address: the page's address against the record's: every number of the
 *   page's (house number, postcode) must be in the record's, and half its
 *   words; otherwise SUPPORT_ADDRESS_MISMATCH (a warning: people move).
 * - Dates: an issue or statement date after the screening date
 *   (SUPPORT_DATE_FUTURE); a statement, bill or payslip dated more than
 *   window_days before the application date (or the screening date
 *   without one) (SUPPORT_STATEMENT_OLD); a birth certificate dated before
 *   the birth it records (SUPPORT_ISSUED_BEFORE_BIRTH); a date headed by
 *   a weekday it did not fall on (SUPPORT_DATE_WEEKDAY_MISMATCH,
 *   ds_check_support_weekday).
 * Only pages of a supporting type are checked in full; a page of unknown
 * kind ("other") only where it is a person's record, and only its birth
 * date, dates of issue and weekdays, mostly as warnings
 * (ds_check_support_other); an identity page not at all.
 * Each compared field gets its status in the page (ds_sup_field.status).
 * Messages never quote a name, date or address of the page: those go in
 * the flag's expected/found only where the other case flags put them.
 */
#ifndef DS_SUPCHECK_H
#define DS_SUPCHECK_H

#include "check/check.h"
#include "page/support.h"

/* The default of window_days: statements older than this before the
 * application date are flagged. */
#define DS_SUP_WINDOW_DAYS 90

/*
 * Checks page p (its text t, for the name search; may be NULL) of page
 * number page against case record c (NULL: only the date rules run) and
 * today (YYYY-MM-DD). window_days <= 0 takes DS_SUP_WINDOW_DAYS.
 */
void ds_check_support(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, const char *today,
                      int window_days, int page, ds_flags *flags);
/* The checks of a page of a known supporting type (supcheck.c), called by
 * ds_check_support (supentry.c), which sends pages of unknown kind to
 * ds_check_support_other. */
void ds_check_support_typed(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                            const char *today, int window_days, int page, ds_flags *flags);

/*
 * How the name written on a page (UTF-8, any order of surname and given
 * names) compares with a person's: 2 the same person (names.h rules), 1
 * within reading noise of it, 0 another name, -1 not comparable (no name
 * on one side).
 */
int ds_sup_name_compare(const char *page_name, const char *surname, const char *given);

/*
 * ds_sup_name_compare with the evidence of the reading: rd holds the nrd
 * words read for the name (their confidences). "Near" (1) holds only where
 * each word of the person's name the page does not print exactly is near
 * a word read unsurely (below 80) or one that differs from it only in
 * letters OCR confuses (ds_sup_letters_misread); letters read clearly give
 * another name (0): "Mario ROSSI" read at 95 for "Maria Rossi". rd NULL or
 * nrd 0: nothing is known of the reading, as ds_sup_name_compare.
 */
int ds_sup_name_compare_read(const char *page_name, const ds_sup_word *rd, int nrd,
                             const char *surname, const char *given);

/* Is read (a folded word, capitals) the word name but for letters OCR reads
 * one for the other: the look-alikes of ds_vizident_confusable, small e
 * and c, u and v, l and I; "rn" and "m", "ii" and "u", "vv" and "w"; a
 * doubled letter read once or a letter read twice? A '*' in name (see
 * ds_sup_name_wild) stands for a letter with a mark that OCR's model may
 * not know ("Miller" for MÜLLER, "Enkacz" for ŁUKASZ): any letter, none
 * or two. */
bool ds_sup_letters_misread(const char *read, const char *name);

/* A name's words in capitals as ds_text_fold_icao gives them, but every
 * letter with a mark (ü, é, ł ...) one '*'. */
void ds_sup_name_wild(const char *in, char *out, size_t cap);

/* Does a word of s change from capitals to small letters and back
 * ("PAFauuPOULOS"), a misreading no printed name shows? */
bool ds_sup_case_garbled(const char *s);

/* Is value, read under label (a field's label, folded), a person's name as
 * a page prints one: no caption word in it, two words or more unless the
 * label names the surname alone, not one word read for both the surname
 * and the given names, no company's legal form, no document's title noun
 * ("LANDLORD'S RENT CERTIFICATE", "Earnings Certificate"), no office's
 * word ("Standesamt Köln")? Only such a name is evidence of another
 * person (supname.c). */
bool ds_sup_name_form(const char *label, const char *value);

/* Is value a name's letters read apart: three words or more, none longer
 * than three letters ("OR ACE POL" for GRACE MÜLLER written one letter per
 * box of a comb field, the boxes' ticks read between them)? Read below 80
 * it is no name at all: no evidence of another person (supname.c). */
bool ds_sup_name_fragments(const char *value);

/*
 * A weekday printed before a date ("Sunday, 15 July 1985") that the date
 * did not fall on: a forger changes the day number and leaves the weekday.
 * Evidence only where the weekday is a weekday's name read at 80 or better
 * (a misread "Sundav" is none), before a date (four-digit year) read at 80
 * or better, whose readings (both, when the order is not settled) fall on
 * another day, and (for a date read below 95) no digit of it that print
 * readers confuse gives a date on that weekday;
 * SUPPORT_DATE_WEEKDAY_MISMATCH, a warning, high when both were read at 97
 * or better (a text layer). One flag a page.
 */
void ds_check_support_weekday(const ds_sup_text *t, int page, ds_flags *flags);
/* The same; high false: at most a warning (a page of unknown kind). */
void ds_check_support_weekday_sev(const ds_sup_text *t, int page, bool high, ds_flags *flags);

/*
 * A page of unknown kind (p->cls.type DS_PC_OTHER, no identity wording)
 * that is a person's record: a labelled name of the applicant or of a
 * related person, or the applicant's surname and a given name among its
 * words, or a labelled name and a labelled birth date. Its birth date
 * (ds_sup_check_birth_date), its dates of issue under a label that says
 * so (not a bare "Date") in the future (ds_sup_check_future) and its
 * weekdays (at most a warning) are checked; high only for a field read
 * clearly on a page whose holder's label names the person (supother.c).
 */
void ds_check_support_other(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                            const char *today, int window_days, int page, ds_flags *flags);

/* The birth date fields of p against the record's (who: 0 the applicant,
 * k + 1 related person k, -1 any of them): SUPPORT_BIRTH_DATE_MISMATCH,
 * high when read clearly under a label, at most a warning when weak. */
void ds_sup_check_birth_date(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, int who,
                             bool weak, int page, ds_flags *flags);

/* Date field f (an issue or statement date) after today: SUPPORT_DATE_FUTURE,
 * high when read clearly under a label with four digits of its year, at
 * most a warning when weak. True when flagged. */
bool ds_sup_check_future(ds_sup_page *p, const ds_sup_text *t, ds_sup_field *f,
                         const char *today, bool weak, int page, ds_flags *flags);

/* Statement or issue date field f older than the office's window
 * (window_days, DS_SUP_WINDOW_DAYS when 0) before the case's application
 * date (today without one), by every reading and read clearly:
 * SUPPORT_STATEMENT_OLD, a warning. */
void ds_sup_check_statement_old(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                                ds_sup_field *f, const char *today, int window_days, int page,
                                ds_flags *flags);

/* Does the page's text hold a word near one of name's words (three
 * letters or more)? */
bool ds_sup_text_has_name_word(const ds_sup_text *t, const char *name);

/* Does a date one digit off iso (YYYY-MM-DD), at one of the npos string
 * positions pos (NULL: every digit), a digit print readers confuse with it
 * (ds_digits_confusable: 3 and 8, 1 and 7, ...), satisfy pred? Then a
 * misreading explains what the reading shows. */
bool ds_sup_date_look_alike(const char *iso, const int *pos, size_t npos,
                            bool (*pred)(const char *date, void *ctx), void *ctx);

/* The weekday of an ISO date: 0 Monday .. 6 Sunday, -1 no date. */
int ds_sup_iso_weekday(const char *iso);

/* How a page's address compares with the record's: 1 the same, 0 a
 * different one, -1 not comparable. */
int ds_sup_address_compare(const char *page_addr, const char *case_addr);


/* Page p's address field against case record c's address (supaddr.c):
 * its status, and SUPPORT_ADDRESS_MISMATCH (a warning) when the page's
 * address differs, read clearly; kind names the page's type in the
 * message ("bank statement"). */
void ds_check_support_address(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                              const char *kind, int page, ds_flags *flags);

#endif
