/*
 * support_labels.h: the field labels supporting pages print (private to
 * src/page: support_words.c holds the table, support_fields.c reads it).
 */
#ifndef DS_SUPPORT_LABELS_H
#define DS_SUPPORT_LABELS_H

#include <stdbool.h>

#include "page/support.h"

typedef enum ds_sup_kind {
    K_NAME = 0, K_SURNAME, K_GIVEN, K_DATE, K_PERIOD, K_NUMBER, K_IBAN, K_AMOUNT, K_ADDRESS, K_TEXT,
    K_EVENT /* a date of what the page records (a marriage): a label, no field */
} kind;

typedef struct ds_sup_label {
    const char *phrase; /* folded tokens */
    ds_sup_field_id id;
    kind k;
} label;

extern const label ds_sup_labels[];
extern const int ds_sup_nlabels;

/* Labels too common to trust in running text ("date", "name", "tenant"):
 * taken only at a line's start or after a column gap (support_words.c). */
bool ds_sup_generic_label(const char *phrase);

#endif
