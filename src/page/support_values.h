/*
 * support_values.h: the shapes of values on supporting pages (private to
 * src/page: support_values.c holds them, support_fields.c reads with them).
 * A span is words [a, b) of a ds_sup_text.
 */
#ifndef DS_SUPPORT_VALUES_H
#define DS_SUPPORT_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "page/support.h"

typedef struct ds_sup_span {
    int a, b;
} ds_sup_span;

bool ds_sup_has_digit(const char *s);
/* A word of marks only ("—=", "|"): false when it has no ASCII letter or
 * digit and is at most four bytes long. */
bool ds_sup_has_alnum(const char *s);
/* A number: the first word of [a, b) with three digits or more, with the
 * digit groups that follow it ("1234 5678"). */
ds_sup_span ds_sup_number_span(const ds_sup_text *t, int a, int b);
void ds_sup_number_norm(const char *in, char *out, size_t cap);
/* An IBAN (norm: its letters and digits, upper case). */
ds_sup_span ds_sup_iban_span(const ds_sup_text *t, int a, int b, char *norm, size_t cap);
/* An amount with a decimal part of two, norm "1234.56". */
ds_sup_span ds_sup_amount_span(const ds_sup_text *t, int a, int b, char *norm, size_t cap);
/* Folded words that hold a street word ("road", "strasse", "rue" ...). */
bool ds_sup_streetish(const char *folded);

/* Is word a house's, a flat's or a floor's number caption with its colon
 * ("No:", "Nr:", "D:" of a Turkish "No: 79 D: 15", "Apt:"): part of an
 * address, not a caption before it? */
bool ds_sup_number_caption(const char *word);

/* A word of a sentence, not of an address: three letters or more, the
 * first small, no street's word ("rue", "via" are). */
bool ds_sup_prose_word(const char *w);

/* Is folded token tok a surname's caption ("surname", "apellidos",
 * "family" of "family name"), as a bracket after a person's caption
 * writes it ("Name of child (Surname)")? */
bool ds_sup_surname_caption(const char *tok);
/* A postcode's shape ("BN4", "7JL", "10115"). */
bool ds_sup_postcode_word(const char *w);

#endif
