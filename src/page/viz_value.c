/*
 * viz_value.c: values, their normal forms and boxes (viz_value.h). Every
 * value is cut to its fixed size at a UTF-8 boundary; this file never
 * trusts a recognised string's length and never changes a value while
 * normalising it.
 */
#include "page/viz_value.h"
#include "base/text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The box x0..x1, y0..y1 of the OCR image (scaled by 1/inv, cut at ox, oy)
 * as x, y, w, h in the caller's frame. */
void ds_viz_caller_box(int x0, int y0, int x1, int y1, float inv, int ox, int oy, int out[4])
{
    out[0] = ox + (int)lroundf((float)x0 * inv);
    out[1] = oy + (int)lroundf((float)y0 * inv);
    out[2] = (int)lroundf((float)(x1 - x0) * inv);
    out[3] = (int)lroundf((float)(y1 - y0) * inv);
}

void ds_viz_value_set(ds_viz_field *f, const ds_viz_word *ws, int n, int xlimit, const int lab[4],
                      float inv, int ox, int oy)
{
    char text[DS_VIZ_SEG_TEXT_MAX] = "";
    size_t tl = 0;
    float conf = 100.0f, cmin = 100.0f;
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    for (int i = 0; i < n; i++) {
        const ds_viz_word *w = &ws[i];
        if (xlimit > 0 && w->x0 >= xlimit)
            break;
        size_t wl = strlen(w->text);
        if (tl + wl + 2 >= sizeof text)
            break;
        if (tl)
            text[tl++] = ' ';
        memcpy(text + tl, w->text, wl + 1);
        tl += wl;
        if (w->conf < conf)
            conf = w->conf;
        if (w->cmin < cmin)
            cmin = w->cmin;
        x0 = w->x0 < x0 ? w->x0 : x0;
        y0 = w->y0 < y0 ? w->y0 : y0;
        x1 = w->x1 > x1 ? w->x1 : x1;
        y1 = w->y1 > y1 ? w->y1 : y1;
    }
    if (!tl)
        return;
    f->found = true;
    ds_text_copy_utf8(f->value, sizeof f->value, text);
    f->confidence = conf < 0 ? 0 : conf;
    f->char_conf = cmin;
    ds_viz_caller_box(x0, y0, x1, y1, inv, ox, oy, f->bbox);
    memcpy(f->label_bbox, lab, sizeof(int) * 4);
}
void ds_viz_value_normalise(ds_viz_field *f, int id)
{
    f->norm[0] = 0;
    switch (id) {
    case DS_VIZ_BIRTH_DATE:
    case DS_VIZ_EXPIRY_DATE:
    case DS_VIZ_ISSUE_DATE: {
        char iso[11];
        if (ds_viz_parse_date(f->value, iso) || ds_viz_parse_date_short(f->value, iso))
            snprintf(f->norm, sizeof f->norm, "%s", iso);
        break;
    }
    case DS_VIZ_SURNAME:
    case DS_VIZ_GIVEN_NAMES: {
        /* Names keep their letters; stray punctuation from OCR goes. */
        char tmp[DS_VIZ_VALUE_MAX];
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof tmp; p++) {
            unsigned char c = (unsigned char)*p;
            if (c >= 0x80 || isalpha(c) || c == ' ' || c == '-' || c == '\'')
                tmp[o++] = (char)c;
            else
                tmp[o++] = ' ';
        }
        tmp[o] = 0;
        ds_text_upper_utf8(tmp, f->norm, sizeof f->norm);
        break;
    }
    case DS_VIZ_SEX: {
        char up[8] = "";
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof up; p++)
            if (isalpha((unsigned char)*p))
                up[o++] = (char)toupper((unsigned char)*p);
        up[o] = 0;
        /* "M", "F", "X", and bilingual forms like "F/F" or "M/H". */
        if (up[0] == 'M' || up[0] == 'F' || up[0] == 'X') {
            f->norm[0] = up[0];
            f->norm[1] = 0;
        } else if (up[0] == 'W') {
            snprintf(f->norm, sizeof f->norm, "F");
        }
        break;
    }
    default: {
        size_t o = 0;
        for (const char *p = f->value; *p && o + 1 < sizeof f->norm; p++)
            if (isalnum((unsigned char)*p))
                f->norm[o++] = (char)toupper((unsigned char)*p);
        f->norm[o] = 0;
        break;
    }
    }
}
/* bbox (the caller's page frame) in the frame of the scaled region the
 * reader works in: ds_viz_caller_box the other way. */
void ds_viz_region_box(const int bbox[4], float inv, int ox, int oy, int sb[4])
{
    float sc = 1.0f / inv;
    sb[0] = (int)lroundf((float)(bbox[0] - ox) * sc);
    sb[1] = (int)lroundf((float)(bbox[1] - oy) * sc);
    sb[2] = (int)lroundf((float)bbox[2] * sc);
    sb[3] = (int)lroundf((float)bbox[3] * sc);
}

bool ds_viz_is_date_field(int id)
{
    return id == DS_VIZ_BIRTH_DATE || id == DS_VIZ_EXPIRY_DATE || id == DS_VIZ_ISSUE_DATE;
}

bool ds_viz_boxes_meet(const int a[4], const int b[4])
{
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/* Keeps a reading of key in list (*n entries of cap): a new entry, or the
 * entry of the same key when this reading is more confident. With
 * by_place, the same key printed elsewhere (boxes apart) is another entry:
 * a visa prints its start date twice, as "Valid from" and as the date of
 * issue. bbox is in the caller's frame. */
void ds_viz_token_keep(ds_viz_token *list, int *n, int cap, const char *key, const char *value,
                       float conf, const int bbox[4], bool by_place)
{
    int j = 0;
    while (j < *n && (strcmp(list[j].key,
           key) != 0 || (by_place && !ds_viz_boxes_meet(list[j].bbox, bbox))))
        j++;
    if (j == *n) {
        if (*n >= cap)
            return;
        (*n)++;
    } else if (list[j].confidence >= conf) {
        return;
    }
    ds_viz_token *t = &list[j];
    snprintf(t->key, sizeof t->key, "%s", key);
    ds_text_copy_utf8(t->value, sizeof t->value, value);
    t->confidence = conf < 0 ? 0 : conf;
    memcpy(t->bbox, bbox, sizeof t->bbox);
}
