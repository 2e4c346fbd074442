/*
 * mrz/grammar: the formats of an ICAO 9303 MRZ for the parser and its
 * repairs: where each field sits (TD1, TD2, TD3, MRV-A, MRV-B), the grammar
 * class of every position, the check digits and the positions each reads,
 * and the YYMMDD date rules. Private to src/mrz (parse.c, repair.c).
 */
#ifndef DS_MRZ_GRAMMAR_H
#define DS_MRZ_GRAMMAR_H

#include <stdbool.h>
#include "mrz/mrz.h"

/* Grammar classes of an MRZ position. */
enum {
    CL_ANY = 0, /* A-Z, 0-9, '<' (document number, optional data) */
    CL_ALPHA,   /* A-Z, '<' (names, codes) */
    CL_LETTER,  /* A-Z (first character of the document code) */
    CL_NUM,     /* 0-9, '<' (dates: '<' marks an unknown part) */
    CL_DIGIT,   /* 0-9 (check digits) */
    CL_CHECK,   /* 0-9, '<' (check digits that may be '<') */
    CL_SEX      /* M, F, X, '<' */
};

typedef struct span {
    signed char line, start, len;
} span;

/* Where the fields of one format sit. A len of 0 or a pos of -1 marks a
 * field or check the format lacks. */
typedef struct layout {
    ds_mrz_type type;
    int nlines, width;
    span code, state, name, doc, nat, birth, expiry, sex, opt, opt2;
    int doc_cd, birth_cd, expiry_cd, opt_cd, comp_cd; /* positions */
    int doc_line, comp_line;
    bool long_doc; /* a '<' check digit may continue the number into opt */
    int ncomp;
    span comp[4];
} layout;

#define DS_MRZ_NLAYOUTS 5
extern const layout ds_mrz_layouts[DS_MRZ_NLAYOUTS];

typedef char mrz_lines[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE + 1];

/* The checks in repair order; indexes into eval.state. */
enum { K_DOC, K_BIRTH, K_EXPIRY, K_OPT, K_COMP, K_COUNT };

/* The result of verifying the check digits of one set of lines. */
typedef struct eval {
    ds_check_state state[K_COUNT];
    bool is_long;    /* the document number continues into opt */
    int ext_len;     /* characters of the continuation */
    int long_cd;     /* position of its check digit, -1 when there is none */
} eval;

/* Bounded list of (line, pos) pairs a check covers. */
#define MAX_COVER 64
typedef struct cover {
    int n;
    signed char line[MAX_COVER], pos[MAX_COVER];
} cover;

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Whether c may stand at a position of grammar class cls. */
bool ds_mrz_fits_class(int cls, char c);
/* Sets the grammar class of every position of the format. */
void ds_mrz_build_classes(const layout *L, unsigned char cls[DS_MRZ_MAX_LINES][DS_MRZ_MAX_LINE]);
/* Verifies every check the format carries over the lines as they stand. */
void ds_mrz_evaluate(const layout *L, const mrz_lines ln, eval *e /* OUT */);
/* The positions check k reads, its check digit included. */
void ds_mrz_coverage(const layout *L, const eval *e, int k, cover *c /* OUT */);
int ds_mrz_days_in_month(int year, int month);
/* Decodes a YYMMDD date into ISO form, or copies the raw six characters when
 * a part is unknown ('<<') or the date is invalid. Returns whether the date
 * follows the grammar. */
bool ds_mrz_decode_date(const char *raw, int today_year, bool birth, char out[11]);

#endif
