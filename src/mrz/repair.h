/*
 * mrz/repair: repairs of a recognised MRZ that its check digits or grammar
 * prove, and the assessment of what is left unsure. Private to src/mrz.
 */
#ifndef DS_MRZ_REPAIR_H
#define DS_MRZ_REPAIR_H

#include "mrz/grammar.h"

/* Rules 1-4 of parse.c on m->lines, read as src: grammar repairs, check-digit
 * repairs, joint repairs, then unproven repairs taken back. */
void ds_mrz_repair_read(const layout *L, const ds_mrz_char *const *src, ds_mrz *m);
/* After the fields are decoded: marks the failing checks a misreading may
 * explain (m->misread) and whether the name was read reliably. */
void ds_mrz_assess_read(const layout *L, const ds_mrz_char *const *src, ds_mrz *m);

#endif
