/*
 * support_lines.h: the lines of a supporting page's text as the field
 * reader (support_fields.c) walks them; private to src/page.
 *
 * A line's words are folded (ds_text_fold) into tokens, so that a label
 * phrase ("date of birth") is matched token by token. A value is a span of
 * words: the words beside its label up to the second column gap, or the
 * cell of the next line that starts nearest under the label.
 */
#ifndef DS_SUPPORT_LINES_H
#define DS_SUPPORT_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "page/support.h"
#include "page/support_labels.h"
#include "page/support_values.h"

#define DS_SUP_TOK_MAX 160 /* tokens of one line */

typedef struct ds_sup_tok {
    char s[DS_SUP_WORD_MAX];
    int word;   /* index into t->w */
    bool first; /* the first token of its word */
} ds_sup_tok;

typedef struct ds_sup_line_toks {
    int n;
    ds_sup_tok t[DS_SUP_TOK_MAX];
} ds_sup_line_toks;

/* The first word index of each line (start[n] = nwords). */
typedef struct ds_sup_lines {
    int n;
    int *start;
    int *height;        /* median-ish height: the tallest word's */
    ds_sup_order order; /* how the page writes numeric dates (support_date.c) */
} ds_sup_lines;

/* The folded tokens of line `line`. */
void ds_sup_tokenize(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_line_toks *out);
/* Matches phrase at token pos: the number of tokens matched, or 0. The
 * phrase starts at a word's beginning and ends at a word's end; a word of
 * the label with "rn" read as "m" ("Sumame") still matches. */
int ds_sup_match_at(const ds_sup_line_toks *lt, int pos, const char *phrase);
/* The label of three words or more matching at token pos with one word of
 * four letters or more read one letter off ("Daie of birth", "Dane of
 * issue": a caption's letter misread), the longest; its index into
 * ds_sup_labels and its tokens in *m, or -1. Only where no label matches
 * exactly. */
int ds_sup_match_near(const ds_sup_line_toks *lt, int pos, int *m);
/* The words after word `after` on its line, up to the second column gap
 * (a gap wider than 2.5 line heights): the value beside its label. */
ds_sup_span ds_sup_value_beside(const ds_sup_text *t, const ds_sup_lines *L, int line, int after);
/* The cell of the next line (or the one after) starting nearest under the
 * label, when that line is close (within three heights of the label's
 * line or of its own); else the cell starting nearest under the label on
 * any line within that reach (lines listed out of the page's order);
 * empty when there is none. */
ds_sup_span ds_sup_value_below(const ds_sup_text *t, const ds_sup_lines *L, int line, int label_word);
/* The box around words [a, b) and their lowest confidence (0 when none). */
void ds_sup_span_box(const ds_sup_text *t, int a, int b, int box[4], float *conf);
/* The two lowest word confidences of words [a, b), merged into *lo <= *lo2. */
void ds_sup_low_two(const ds_sup_text *t, int a, int b, float *lo, float *lo2);
/* Words [a, b) joined by single spaces into out (cut at a word that does
 * not fit). */
void ds_sup_join_words(const ds_sup_text *t, int a, int b, char *out, size_t cap);

/* The words of the line's next cell after word a (past a column gap), up
 * to the gap after it; empty when there is none. */
ds_sup_span ds_sup_next_cell(const ds_sup_text *t, const ds_sup_lines *L, int line, int a);
/* A value printed right of label word lw on its row but read as a line of
 * its own: the nearest such cell (of a date or a number for those kinds). */
ds_sup_span ds_sup_value_right(const ds_sup_text *t, const ds_sup_lines *L, int lw,
                               enum ds_sup_kind vk);
/* Does a label start at the first word of v? */
bool ds_sup_labelled_at(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_span v);
/* Is the value found below a label (ds_sup_value_below) its own, printed
 * under it as in a box (see support_lines.c)? */
bool ds_sup_stacked_value(const ds_sup_text *t, const ds_sup_lines *L, int line, int lw,
                          ds_sup_span below);
/* Is the caption on line `line` printed small over its value v (its median
 * word height at most 0.8 of the value line's)? */
bool ds_sup_small_caption(const ds_sup_text *t, const ds_sup_lines *L, int line, ds_sup_span v);

/* The label that starts at word a (the first of the table that matches
 * there), or NULL. */
const struct ds_sup_label *ds_sup_label_at(const ds_sup_text *t, const ds_sup_lines *L, int a);
/* The value under the caption at word lw of line `line` (as
 * ds_sup_value_below), past the caption's gloss: a label of the same field
 * id printed under it, its translation ("Geburtsdatum" over "date of
 * birth" over the date). *k (may be NULL), a whole name's kind, becomes the
 * gloss's when the gloss names a part of a name ("Nombre" over "given
 * names"). */
ds_sup_span ds_sup_value_under(const ds_sup_text *t, const ds_sup_lines *L, int line, int lw,
                               ds_sup_field_id id, enum ds_sup_kind *k);
/* Is a given-names caption printed right of word lw on its row (its
 * middle within the taller word's height of lw's)? */
bool ds_sup_given_beside(const ds_sup_text *t, const ds_sup_lines *L, int lw);
/* The first cell of the line printed next under word lw (the next line or
 * the one after, starting below lw's middle and within three line
 * heights of it); empty when there is none. */
ds_sup_span ds_sup_line_under(const ds_sup_text *t, const ds_sup_lines *L, int lw);
/* Does word w end its cell (the last of its line, or a column gap after
 * it)? */
bool ds_sup_cell_ends(const ds_sup_text *t, const ds_sup_lines *L, int w);

/* Is v a caption alone: its last word ends with a colon ("Place of
 * birth:")? */
bool ds_sup_caption_cell(const ds_sup_text *t, ds_sup_span v);

/* support_place.c. A line "Place, date" ("Lisboa, 3 de novembro de
 * 2026", "Fait à Lyon, le 14 juillet 2026", "Given at Wyvern on 2027.01.28"):
 * the date ends the line, after a place of one to three words without
 * digits (a lead such as "Given at", "Fait à" before it) ending with a
 * comma or followed by "on", "le", "lì" ...; never right under a sworn
 * translator's words (the translation's date). Returns the date's word
 * count and its first word in *da (iso, alt, *short_year as
 * ds_sup_date_words_yy), or 0. */
int ds_sup_place_date(const ds_sup_text *t, const ds_sup_lines *L, int line, int *da,
                      char iso[11], char alt[11], bool *short_year);
/* A birth date's value that starts with the place of birth ("at Athens on
 * 22nd of October, 2000", "a Milano il 14 luglio 1985"): the first word of
 * the date after it; else a. */
int ds_sup_skip_birthplace(const ds_sup_text *t, int a, int b);
/* Adds the date of a "Place, date" line (the first) as the page's issue
 * date (label "place and date") where no label gave one; it replaces a
 * letter's date line. */
void ds_sup_put_place_date(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_page *out);

/* A letter's date line: a line that is one date alone (or a period's end),
 * in the top 40% of the page height page_h, no label on it or ending the
 * line right above it, added as the issue date (label "date line") when
 * no label gave an issue or statement date (support_place.c). */
void ds_sup_put_date_line(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_page *out,
                          int page_h);

/* Fills *f as a date field of id with label lab, read from words [a, b): iso,
 * or both readings iso and alt where alt is set (support_place.c). */
void ds_sup_set_date(const ds_sup_text *t, int a, int b, ds_sup_field_id id, const char *lab,
                     const char iso[11], const char alt[11], bool short_year, ds_sup_field *f);

/* support_party.c. Whose section of a form each line is in: role[line]
 * (L->n entries) -1 under a heading naming another party than the holder
 * ("1. Landlord", "Employer", "Locateur"), 1 under the holder's ("2.
 * Tenant", "Employee"), 0 elsewhere and on pages with no other party's
 * heading. lt is scratch. */
void ds_sup_party_sections(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_line_toks *lt,
                           signed char *role);

/* Names printed as a surname and given names in two fields, for up to
 * DS_SUP_NAME_PEOPLE people (the parties of an entry, each on a row of
 * their own: "Surname: SMITH  Forename(s): John"; a co-tenant's row under
 * the tenant's). part 0 is the surname, 1 the given names. */
#define DS_SUP_NAME_PEOPLE 3
typedef struct ds_sup_name_parts {
    char v[DS_SUP_NAME_PEOPLE][2][DS_SUP_VALUE_MAX];
    int box[DS_SUP_NAME_PEOPLE][2][4];
    float conf[DS_SUP_NAME_PEOPLE][2];
    int line[DS_SUP_NAME_PEOPLE][2]; /* the line each part was read on */
    bool other[DS_SUP_NAME_PEOPLE];  /* read on a row another party's role heads */
    int unread[2]; /* 1 + the line of a part's caption (not another party's)
                      whose value was no name ("loana"), 0: none */
} ds_sup_name_parts;

/* support_party.c. Which person a surname or given names read on line
 * `line` belong to: on another party's row (other) the first later person
 * with that part free; else the first not another party's with it free, a
 * second one only below the first one's row. -1: no room, or value
 * (as read) is already a person's part read on that line. */
int ds_sup_name_person(const ds_sup_name_parts *np, int part, int line, bool other,
                       const char *value);
/* Was person k's name put together from places that are not one row or
 * cell group: a part's own caption read with no name under it and the part
 * taken from a later caption, or another person's part read between its
 * two parts (or on the row of one of them)? Such a name is evidence for a
 * warning at most (DS_SUP_LABEL_NAME_APART). */
bool ds_sup_name_apart(const ds_sup_name_parts *np, int k);
/* The role a name caption at token pos of line lt belongs to, by the
 * nearest role word before it in its own cell or, failing that, in the
 * row's first cell: -1 another party's ("Co-tenant - Surname", "Father",
 * "Garant", "Witness"), 1 the holder's ("Tenant", "Child"), 0 none. A
 * spouse's word names another party except on a marriage certificate,
 * whose two spouses are its subject. */
int ds_sup_row_role(const ds_sup_text *t, const ds_sup_lines *L, const ds_sup_line_toks *lt,
                    int pos, bool marriage);

/* support_party.c. A holder's role alone on a line as the caption of the
 * name printed under it ("Student" over "Dmytro Kovalenko", "Tenant",
 * "Account holder"): the name's words in *s and the role (folded) in
 * role; false when the page prints none. lt is scratch. */
bool ds_sup_role_caption_name(const ds_sup_text *t, const ds_sup_lines *L, ds_sup_line_toks *lt,
                              ds_sup_span *s, char *role, size_t cap);

/* support_column.c. Where no label gave a birth date: the date in the first
 * line under a table's column head that names a birth ("When and where
 * born", "Date of birth" over a row read apart from it; on a birth
 * certificate also "When and where"), as a field labelled
 * DS_SUP_LABEL_BORN_COLUMN. */
void ds_sup_put_column_birth(const ds_sup_text *t, const ds_sup_lines *L, bool birth_cert,
                             ds_sup_page *out);

/* support_namespan.c. The name in words [a, b): the run of name words after
 * a caption's words (titles skipped), at most six, all in lower case no
 * name. */
ds_sup_span ds_sup_name_span(const ds_sup_text *t, int a, int b);
/* The end of the words from a that carry on a caption ("du compte"): a
 * when none does. */
int ds_sup_caption_run(const ds_sup_text *t, int a, int b);
/* Is w a word of a name? 1: yes, 0: skip it (a title), -1: the name ends. */
int ds_sup_name_word(const char *w, bool started);
/* Is a folded word a title ("mr", "frau", "mme")? */
bool ds_sup_title_word(const char *folded);
/* Is w (as read) a name word whose capital I was read as a small l before
 * a vowel ("loana" for Ioana)? */
bool ds_sup_l_for_capital_i(const char *w);
/* In a name's value, each such word's l made the capital I it stands for. */
void ds_sup_name_fix_l(char *value);

/* support_labelval.c. Does a label phrase end with a conjunction a
 * certifying sentence puts before the person's name ("certify that",
 * "certifica que", "bestätigt, dass")? */
bool ds_sup_certifying(const char *phrase);

/* What the label loop does with a label found on a line. */
typedef enum ds_sup_value_use {
    DS_SUP_VALUE_TAKE = 0, /* read the value found (maybe empty: then under it) */
    DS_SUP_VALUE_NONE,     /* no label here after all: try the next token */
    DS_SUP_VALUE_SKIP      /* a label with no value: go on after its caption */
} ds_sup_value_use;

/* Where the value of label *lb is printed: its caption starts at word lw
 * on line `line` (tokens lt) and ends at word last; running: the caption
 * is inside running text, whose words after it are flow (wrapped as the
 * text wraps). *v gets the value's words: beside the caption (in running
 * text the flow for a name or date), under a small caption in a box's
 * corner, in the next cell past a translation or another caption, on the
 * line under a certifying sentence that ends its line, past a place of
 * birth; with nothing beside it, under it (not the next caption) or right
 * of it on a line of its own, where lb->k may become a whole name's kind
 * (ds_sup_value_under). *named gets the words beside it before they are
 * moved (where "A and B" names a second party). */
ds_sup_value_use ds_sup_label_value(const ds_sup_text *t, const ds_sup_lines *L,
                                    const ds_sup_line_toks *lt, int line, int lw, int last,
                                    struct ds_sup_label *lb, bool running, ds_sup_span flow,
                                    ds_sup_span *v, ds_sup_span *named);

#endif
