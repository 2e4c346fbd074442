/*
 * supentry.c: which checks a supporting page gets (supcheck.h). A page of
 * a known supporting type gets them all (supcheck.c); a page of unknown
 * kind only where it is a person's record (supother.c): on a bad scan of a
 * passport or a leaflet no field says whose it is. Kept apart so that
 * supother.c may use supcheck.c's checks without the two calling each other.
 */
#include "check/supcheck.h"

void ds_check_support(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, const char *today,
                      int window_days, int page, ds_flags *flags)
{
    if (p && flags && p->read && p->cls.type == DS_PC_OTHER) {
        ds_check_support_other(p, t, c, today, window_days, page, flags);
        return;
    }
    ds_check_support_typed(p, t, c, today, window_days, page, flags);
}
