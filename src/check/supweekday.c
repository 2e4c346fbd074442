/*
 * supweekday.c: a printed weekday against the date it heads (supcheck.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "check/case.h"
#include "check/supcheck.h"

/* A weekday read this clearly, before a date read this clearly (its
 * lowest word), is evidence; less is a misreading as likely. */
#define WEEKDAY_CONF_CLEAR 80.0f
#define WEEKDAY_DATE_CONF_CLEAR 80.0f
/* A date read this surely (its lowest word) is no look-alike misreading
 * of another date: a weekday it did not fall on is a warning. */
#define WEEKDAY_DATE_CONF_SURE 96.0f
/* Both read this well (a text layer's 100): high. */
#define WEEKDAY_CONF_HIGH 97.0f

static const char *const day_names[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};

int ds_sup_iso_weekday(const char *iso)
{
    int y, m, d;
    if (!iso || !ds_date_parse(iso, &y, &m, &d))
        return -1;
    long days = ds_date_days(y, m, d); /* 0 is 1970-01-01, a Thursday */
    return (int)(((days + 3) % 7 + 7) % 7);
}

static bool falls_on(const char *date, void *ctx)
{
    return ds_sup_iso_weekday(date) == *(const int *)ctx;
}

/* Does a date one look-alike digit off iso, in its day or the year's last
 * digit (a misread that keeps a date plausible), fall on weekday wd? Then
 * a misreading explains the weekday. */
static bool look_alike_on(const char *iso, int wd)
{
    static const int pos[] = {3, 8, 9};
    return ds_sup_date_look_alike(iso, pos, sizeof pos / sizeof pos[0], falls_on, &wd);
}

/* Is word, a weekday's name, one that heads a date: written in full, or
 * abbreviated with a capital ("Sun 14 Jul", not "were wed 12 June")? */
static bool heading_weekday(const char *word)
{
    size_t n = 0;
    while (isalpha((unsigned char)word[n]))
        n++;
    return n >= 6 || isupper((unsigned char)word[0]);
}

void ds_check_support_weekday(const ds_sup_text *t, int page, ds_flags *flags)
{
    ds_check_support_weekday_sev(t, page, true, flags);
}

void ds_check_support_weekday_sev(const ds_sup_text *t, int page, bool allow_high, ds_flags *flags)
{
    if (!t || !flags || t->nwords <= 0)
        return;
    ds_sup_order order = ds_sup_date_order(t);
    for (int i = 0, b = 0; i < t->nwords; i++) {
        if (i >= b)
            for (b = i; b < t->nwords && t->w[b].line == t->w[i].line;)
                b++;
        int wd = ds_sup_weekday_of(t->w[i].text);
        if (wd < 0 || !heading_weekday(t->w[i].text))
            continue;
        char iso[11], alt[11] = "";
        bool short_year = false;
        int n = ds_sup_date_words_yy(t, i, b, order, false, iso, alt, &short_year);
        /* A two-digit year's century was placed, not read. */
        if (n < 2 || short_year || !iso[0])
            continue;
        if (ds_sup_iso_weekday(iso) == wd || (alt[0] && ds_sup_iso_weekday(alt) == wd))
            continue;
        float wc = t->w[i].conf, dc = 100;
        int box[4] = {t->w[i].box[0], t->w[i].box[1], t->w[i].box[0] + t->w[i].box[2],
                      t->w[i].box[1] + t->w[i].box[3]};
        for (int k = i + 1; k < i + n; k++) {
            const ds_sup_word *w = &t->w[k];
            dc = w->conf < dc ? w->conf : dc;
            box[0] = w->box[0] < box[0] ? w->box[0] : box[0];
            box[1] = w->box[1] < box[1] ? w->box[1] : box[1];
            box[2] = w->box[0] + w->box[2] > box[2] ? w->box[0] + w->box[2] : box[2];
            box[3] = w->box[1] + w->box[3] > box[3] ? w->box[1] + w->box[3] : box[3];
        }
        if (wc < WEEKDAY_CONF_CLEAR || dc < WEEKDAY_DATE_CONF_CLEAR)
            continue;
        bool high = wc >= WEEKDAY_CONF_HIGH && dc >= WEEKDAY_CONF_HIGH && !alt[0];
        /* A digit of the date misread ("16" for "15") is as likely as an
         * edit where the date was read less than surely; read surely, a
         * misread digit is no likelier than the edit: a warning. */
        if (!high && dc < WEEKDAY_DATE_CONF_SURE &&
            (look_alike_on(iso, wd) || (alt[0] && look_alike_on(alt, wd))))
            continue;
        high = high && allow_high;
        int wd_date = ds_sup_iso_weekday(iso);
        ds_flag *fl = ds_flags_add(
            flags, page, DS_FLAG_SUPPORT_DATE_WEEKDAY_MISMATCH, high ? DS_SEV_HIGH : DS_SEV_WARNING,
            "support", "date", day_names[wd_date], day_names[wd],
            high ? "A date on this page is headed by a weekday it did not fall on: the date was "
                   "edited."
                 : "A date on this page seems headed by a weekday it did not fall on (the date "
                   "edited, or misread): compare it by eye.");
        if (fl) {
            int bb[4] = {box[0], box[1], box[2] - box[0], box[3] - box[1]};
            ds_sup_box_to_page(t, bb);
            memcpy(fl->bbox, bb, sizeof bb);
        }
        return; /* one such date says it */
    }
}
