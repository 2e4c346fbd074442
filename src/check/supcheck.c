/*
 * supcheck.c: a supporting page against the case record (supcheck.h).
 */
#include "check/supcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "check/case.h"
#include "check/names.h"
#include "check/supwords.h"

/* A name field read this clearly (lowest word confidence) on a page read
 * this well (mean word confidence) is evidence; less is not. */
#define NAME_CONF_CLEAR 80.0f
#define PAGE_CONF_CLEAR 70.0
#define DATE_CONF_CLEAR 85.0f
/* A date read below this confidence is unsure: where one of its digits
 * read as a look-alike gives a date that is not in the future, it is no
 * evidence of a date in the future. */
#define DATE_CONF_UNSURE 50.0f
/* A name read below this confidence is unsure: a word of it near a word
 * of the person's name makes it no evidence of another person. */
#define NAME_CONF_UNSURE 50.0f
/* A name read below this confidence is a misreading (marks under a
 * certifying stamp, a word under a highlighter's stroke): unverifiable,
 * never evidence of another person. */
#define NAME_CONF_GARBLED 35.0f
/* A name that differs from the person's only in letters read at
 * NAME_CONF_CLEAR or better (not look-alikes) is another name: high only
 * when the words that differ were read this well (a text layer's 100),
 * a warning otherwise (OCR reads a wrong letter at 90 and more). */
#define NAME_CONF_LETTERS_HIGH 97.0f

static void join(const words *w, int a, int b, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = 0;
    for (int i = a; i < b; i++)
        k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, "%s%s", k ? " " : "", w->w[i]);
}


/* Is page word p the start of record word r, cut short (four letters or
 * more, at least half of it: "KARAGI" of KARAGIANNIS, where a pen stroke
 * under the name or the line's end stopped the reading)? Only the last
 * word of a name read is taken so: a reading stops there. */
static bool cut_short(const char *p, const char *r)
{
    size_t lp = strlen(p), lr = strlen(r);
    return lp >= 4 && lp < lr && 2 * lp >= lr && strncmp(p, r, lp) == 0;
}

static bool any_near(const words *page, const char *forms)
{
    words f;
    split(forms, &f);
    if (f.n == 0)
        return false;
    /* every word of the record's field near some word of the page */
    for (int i = 0; i < f.n; i++) {
        bool hit = false;
        for (int j = 0; j < page->n && !hit; j++)
            hit = ds_sup_word_near(page->w[j], f.w[i]);
        if (!hit)
            return false;
    }
    return true;
}

/* Are all given names gw printed exactly among the page's words pw, and
 * each word of the surname sf within two letters of another word of pw
 * (words of five letters or more)? */
static bool surname_two_off(const words *pw, const words *gw, const char *sf)
{
    for (int i = 0; i < gw->n; i++) {
        bool hit = false;
        for (int j = 0; j < pw->n && !hit; j++)
            hit = strcmp(pw->w[j], gw->w[i]) == 0;
        if (!hit)
            return false;
    }
    words s;
    split(sf, &s);
    if (s.n == 0)
        return false;
    for (int i = 0; i < s.n; i++) {
        bool hit = false;
        for (int j = 0; j < pw->n && !hit; j++) {
            bool given = false;
            for (int k = 0; k < gw->n && !given; k++)
                given = strcmp(pw->w[j], gw->w[k]) == 0;
            size_t la = strlen(pw->w[j]), lb = strlen(s.w[i]);
            hit = !given && (la > lb ? la : lb) >= 5 && ds_levenshtein(pw->w[j], s.w[i]) <= 2;
        }
        if (!hit)
            return false;
    }
    return true;
}

/* Does a word of s change case twice inside it, capitals after a small
 * letter that follows two capitals ("PAFauuPOULOS")? No name is printed so
 * ("McDONALD", "DeSOUZA" change once): the reader mixed two readings of a
 * word, which is then not positively read. */
bool ds_sup_case_garbled(const char *s)
{
    int caps_run = 0;
    bool caps_then_small = false;
    for (const char *q = s ? s : ""; *q; q++) {
        unsigned char ch = (unsigned char)*q;
        if (ch == ' ' || ch == '-' || ch == '\'') {
            caps_run = 0;
            caps_then_small = false;
        } else if (isupper(ch)) {
            if (caps_then_small)
                return true;
            caps_run++;
        } else if (islower(ch)) {
            if (caps_run >= 2)
                caps_then_small = true;
            caps_run = 0;
        }
    }
    return false;
}

int ds_sup_name_compare(const char *page_name, const char *surname, const char *given)
{
    bool has_s = surname && surname[0], has_g = given && given[0];
    if (!page_name || !page_name[0] || (!has_s && !has_g))
        return -1;
    char folded[2][256];
    ds_text_fold_icao(page_name, true, folded[0], sizeof folded[0]);
    ds_text_fold_icao(page_name, false, folded[1], sizeof folded[1]);
    for (int v = 0; v < 2; v++) {
        words w;
        split(folded[v], &w);
        if (w.n == 0)
            return -1;
        /* Every split of the page's words into surname and given names, in
         * both orders. */
        for (int k = 0; k <= w.n; k++) {
            for (int order = 0; order < 2; order++) {
                char sn[256], gn[256];
                if (order == 0) { /* given names first, as letters write them */
                    join(&w, 0, k, gn, sizeof gn);
                    join(&w, k, w.n, sn, sizeof sn);
                } else {
                    join(&w, 0, k, sn, sizeof sn);
                    join(&w, k, w.n, gn, sizeof gn);
                }
                if (!sn[0] && has_s)
                    continue;
                ds_name_match m;
                ds_name_result r = ds_names_match(sn, gn, false, has_s ? surname : NULL,
                                                  has_g ? given : NULL, &m);
                if (r == DS_NAME_MATCH || r == DS_NAME_MATCH_WITH_NOTE)
                    return 2;
                if (r == DS_NAME_UNVERIFIABLE)
                    return -1;
            }
        }
    }
    /* Reading noise: the record's surname (and given names, when the page
     * prints more than one word) each within a letter or two of the page's. */
    words pw;
    split(folded[0], &pw);
    /* Only words of the record's names: one within reading noise of one
     * ("Oliver" of "Ms Oliver OKAFOR", the surname lost by OCR), or several
     * each printed exactly ("Emily Rose" of a register's cell whose surname
     * is printed on the line under it), the last one perhaps cut short
     * ("Dimitrios KARAGI"): the name is incomplete, no evidence of another
     * person. */
    {
        char all[512];
        snprintf(all, sizeof all, "%s %s", has_s ? surname : "", has_g ? given : "");
        char af[512];
        ds_text_fold_icao(all, true, af, sizeof af);
        words aw;
        split(af, &aw);
        int found = 0;
        for (int j = 0; j < pw.n; j++)
            for (int i = 0; i < aw.n; i++)
                if (pw.n == 1 ? ds_sup_word_near(pw.w[j], aw.w[i])
                              : !strcmp(pw.w[j], aw.w[i]) ||
                                    (j == pw.n - 1 && cut_short(pw.w[j], aw.w[i]))) {
                    found++;
                    break;
                }
        if (pw.n > 0 && found == pw.n)
            return -1;
    }
    /* Both foldings of the page's name and of the record's, in the four
     * pairings: an umlaut misread on one side ("FERNÄNNFZ" for FERNÁNDEZ)
     * is one letter, not two. */
    for (int v = 0; v < 4; v++) {
        char sf[256] = "", gf[256] = "";
        if (has_s)
            ds_text_fold_icao(surname, v % 2 == 0, sf, sizeof sf);
        if (has_g)
            ds_text_fold_icao(given, v % 2 == 0, gf, sizeof gf);
        split(folded[v / 2], &pw);
        bool s_ok = !has_s || any_near(&pw, sf);
        bool g_ok = !has_g || pw.n < 2;
        words gw;
        split(gf, &gw);
        for (int i = 0; has_g && !g_ok && i < gw.n; i++)
            for (int j = 0; j < pw.n && !g_ok; j++)
                g_ok = ds_sup_word_near(pw.w[j], gw.w[i]);
        /* Every given name printed exactly: a surname two letters off in
         * five or more ("Garefa" for GARCIA, read at 92) is a misreading
         * as likely as another person, no evidence of one. */
        if (has_s && !s_ok && has_g && gw.n > 0 && surname_two_off(&pw, &gw, sf))
            s_ok = true;
        /* And the other way round: the surname printed exactly, a given
         * name two letters off ("BIANCHI Thamac" for Thomas, read at 59). */
        words sw;
        split(sf, &sw);
        if (has_g && !g_ok && s_ok && sw.n > 0 && surname_two_off(&pw, &sw, gf))
            g_ok = true;
        if (s_ok && g_ok && (has_s || pw.n > 0))
            return 1;
    }
    if (ds_sup_case_garbled(page_name))
        return -1;
    return 0;
}

/* The confidence of folded word w of the page's name: that of the word
 * read (rd) whose folding holds it, else the lowest of them all. */
static float read_conf(const char *w, bool two_letter, const ds_sup_word *rd, int nrd)
{
    float lo = 100, hit = 101;
    for (int i = 0; i < nrd; i++) {
        lo = rd[i].conf < lo ? rd[i].conf : lo;
        char f[128];
        ds_text_fold_icao(rd[i].text, two_letter, f, sizeof f);
        words fw;
        split(f, &fw);
        for (int k = 0; k < fw.n; k++)
            if (strcmp(fw.w[k], w) == 0 && rd[i].conf < hit)
                hit = rd[i].conf;
    }
    return hit <= 100 ? hit : lo;
}

/* Each word of part (a surname or the given names, folded with rv) against
 * the page's words pw (folded with pv): the number printed exactly or near
 * one read unsurely (below NAME_CONF_CLEAR) or differing from it only in
 * letters OCR confuses, in *ok; returns false when a word is near a word
 * of the page only by letters read clearly. */
static bool part_misread(const words *pw, bool pv, const ds_sup_word *rd, int nrd,
                         const char *part, bool rv, int *ok_words, int *nwords)
{
    char rf[256], wf[256];
    ds_text_fold_icao(part ? part : "", rv, rf, sizeof rf);
    ds_sup_name_wild(part ? part : "", wf, sizeof wf);
    words rw, ww;
    split(rf, &rw);
    split(wf, &ww);
    if (ww.n != rw.n)
        ww.n = 0; /* a mark the folding splits at: no wild form */
    *ok_words = 0;
    *nwords = rw.n;
    for (int i = 0; i < rw.n; i++) {
        bool seen = false, ok = false;
        for (int j = 0; j < pw->n && !ok; j++) {
            const char *p = pw->w[j], *w = rw.w[i];
            size_t la = strlen(p), lb = strlen(w), l = la > lb ? la : lb;
            if (strcmp(p, w) == 0) {
                ok = true;
            } else if (ds_sup_word_near(p, w) || (l >= 5 && ds_levenshtein(p, w) <= 2)) {
                seen = true;
                ok = read_conf(p, pv, rd, nrd) < NAME_CONF_CLEAR ||
                     ds_sup_letters_misread(p, w) || (ww.n > 0 && ds_sup_letters_misread(p, ww.w[i]));
            }
        }
        if (seen && !ok)
            return false;
        *ok_words += ok;
    }
    return true;
}

/* Is the page's name (folded with pv) the person's (folded with rv) but
 * for misreadings: every word of the surname printed or misread, and a
 * given name (when the page prints more than one word) too, none near a
 * word of the page by letters read clearly? */
static bool near_by_misreading(const char *page_name, bool pv, bool rv, const ds_sup_word *rd,
                               int nrd, const char *surname, const char *given)
{
    char pf[256];
    ds_text_fold_icao(page_name, pv, pf, sizeof pf);
    words pw;
    split(pf, &pw);
    int s_ok, s_n, g_ok, g_n;
    if (!part_misread(&pw, pv, rd, nrd, surname, rv, &s_ok, &s_n) ||
        !part_misread(&pw, pv, rd, nrd, given, rv, &g_ok, &g_n))
        return false;
    return s_ok == s_n && (g_n == 0 || pw.n < 2 || g_ok > 0);
}

int ds_sup_name_compare_read(const char *page_name, const ds_sup_word *rd, int nrd,
                             const char *surname, const char *given)
{
    int r = ds_sup_name_compare(page_name, surname, given);
    if (r != 1 || !rd || nrd <= 0)
        return r;
    for (int v = 0; v < 4; v++)
        if (near_by_misreading(page_name, v / 2 == 0, v % 2 == 0, rd, nrd, surname, given))
            return 1;
    return 0;
}

/* The words of t read inside field f's box (their centres), at most cap;
 * none found (a box the words do not fill): one empty word with the
 * field's lowest confidence. */
static int field_read(const ds_sup_text *t, const ds_sup_field *f, ds_sup_word *out, int cap)
{
    int n = 0;
    for (int i = 0; t && i < t->nwords && n < cap; i++) {
        const int *q = t->w[i].box;
        int cx = q[0] + q[2] / 2, cy = q[1] + q[3] / 2;
        if (cx >= f->box[0] && cx < f->box[0] + f->box[2] && cy >= f->box[1] &&
            cy < f->box[1] + f->box[3])
            out[n++] = t->w[i];
    }
    if (n == 0) {
        memset(&out[0], 0, sizeof out[0]);
        out[0].conf = f->conf;
        n = 1;
    }
    return n;
}

static bool days_of(const char *s, long *d)
{
    int y, m, dd;
    if (!s || !ds_date_parse(s, &y, &m, &dd))
        return false;
    *d = ds_date_days(y, m, dd);
    return true;
}

/* A date field's value in days: its one reading, or reading k (0 day
 * first, 1 month first) of a date whose order the page does not settle. */
static bool field_days(const ds_sup_field *f, int k, long *d)
{
    return days_of(f->norm[0] ? f->norm : f->readings[k & 1], d);
}

static bool ambiguous(const ds_sup_field *f) { return !f->norm[0] && f->readings[0][0]; }

/* A field holding a date (one reading or two). */
static bool has_date(const ds_sup_field *f)
{
    return ds_date_valid(f->norm) ||
           (ambiguous(f) && ds_date_valid(f->readings[0]) && ds_date_valid(f->readings[1]));
}

/* Two ISO dates one digit apart where the digits are ones print readers
 * confuse. */
static bool one_confusable_digit(const char *a, const char *b)
{
    if (strlen(a) != 10 || strlen(b) != 10)
        return false;
    int diff = 0;
    bool conf = true;
    for (int i = 0; i < 10; i++)
        if (a[i] != b[i]) {
            diff++;
            conf = conf && ds_digits_confusable(a[i], b[i]);
        }
    return diff == 1 && conf;
}

/* The page's type in words for a message ("bank statement"). */
static const char *kind_words(ds_page_class c)
{
    static const char *const w[DS_PC_COUNT] = {
        "page", "identity document", "birth certificate", "marriage certificate",
        "bank statement", "payslip", "employment letter", "utility bill", "tenancy agreement",
        "police certificate", "diploma"};
    return c >= 0 && c < DS_PC_COUNT ? w[c] : "page";
}

static bool is_statement(ds_page_class c)
{
    return c == DS_PC_BANK_STATEMENT || c == DS_PC_UTILITY_BILL || c == DS_PC_PAYSLIP;
}

static void set_status(ds_sup_field *f, const char *s) { snprintf(f->status, sizeof f->status, "%s", s); }

/* A name read unsurely (below NAME_CONF_UNSURE) with a word within two
 * letters of a word of the person's name (five letters or more; the same
 * word when shorter): "Dubois pen" for "Dubois, Pierre", "Mille, Grates"
 * for "Müller, Grace". A misreading of the record's name is as likely as
 * another person: no evidence of one. */
static bool doubtful_near(const char *value, const char *surname, const char *given)
{
    char all[512], pf[2][512], rf[2][512];
    snprintf(all, sizeof all, "%s %s", surname, given);
    ds_text_fold_icao(value, true, pf[0], sizeof pf[0]);
    ds_text_fold_icao(value, false, pf[1], sizeof pf[1]);
    ds_text_fold_icao(all, true, rf[0], sizeof rf[0]);
    ds_text_fold_icao(all, false, rf[1], sizeof rf[1]);
    for (int v = 0; v < 2; v++) {
        words pw, rw;
        split(pf[v], &pw);
        split(rf[v], &rw);
        for (int i = 0; i < pw.n; i++)
            for (int j = 0; j < rw.n; j++) {
                size_t la = strlen(pw.w[i]), lb = strlen(rw.w[j]);
                size_t l = la > lb ? la : lb;
                if (la >= 3 && ds_levenshtein(pw.w[i], rw.w[j]) <= (l >= 5 ? 2 : 0))
                    return true;
            }
    }
    return false;
}

/* The record's surname printed exactly, read below NAME_CONF_CLEAR, and
 * every other word within half its letters of a given name of the record
 * ("Enkacz ROSSI" for "Łukasz ROSSI": a letter OCR's English does not
 * know, and its neighbours with it). A misreading of the record's given
 * name is as likely as another person: no evidence of one. */
static bool given_misread(const char *value, const char *surname, const char *given)
{
    if (!surname || !surname[0] || !given || !given[0])
        return false;
    for (int v = 0; v < 2; v++) {
        char pf[512], sf[256], gf[256];
        ds_text_fold_icao(value, v == 0, pf, sizeof pf);
        ds_text_fold_icao(surname, v == 0, sf, sizeof sf);
        ds_text_fold_icao(given, v == 0, gf, sizeof gf);
        words pw, sw, gw;
        split(pf, &pw);
        split(sf, &sw);
        split(gf, &gw);
        bool used[WORDS_MAX] = {false};
        bool all = sw.n > 0;
        for (int j = 0; j < sw.n && all; j++) {
            bool found = false;
            for (int i = 0; i < pw.n && !found; i++)
                if (!used[i] && strcmp(pw.w[i], sw.w[j]) == 0)
                    found = used[i] = true;
            all = found;
        }
        int rest = 0, close = 0;
        for (int i = 0; all && i < pw.n; i++) {
            if (used[i])
                continue;
            rest++;
            for (int k = 0; k < gw.n; k++) {
                size_t la = strlen(pw.w[i]), lb = strlen(gw.w[k]);
                size_t l = la > lb ? la : lb;
                if (la >= 4 && lb >= 4 && 2 * (size_t)ds_levenshtein(pw.w[i], gw.w[k]) <= l) {
                    close++;
                    break;
                }
            }
        }
        if (all && rest > 0 && close == rest)
            return true;
    }
    return false;
}

/* Does the page's text hold a word near one of name's words? */
static bool text_has_name_word(const ds_sup_text *t, const char *name)
{
    if (!t || !name || !name[0])
        return false;
    for (int v = 0; v < 2; v++) {
        char nf[256];
        ds_text_fold_icao(name, v == 0, nf, sizeof nf);
        words nw;
        split(nf, &nw);
        for (int i = 0; i < t->nwords; i++) {
            char wf[128];
            ds_text_fold_icao(t->w[i].text, v == 0, wf, sizeof wf);
            for (int k = 0; k < nw.n; k++)
                if (wf[0] && strlen(nw.w[k]) >= 3 && ds_sup_word_near(wf, nw.w[k]))
                    return true;
        }
    }
    return false;
}

bool ds_sup_text_has_name_word(const ds_sup_text *t, const char *name)
{
    return text_has_name_word(t, name);
}

/* Does s hold a word of three letters or more? */
static bool long_word(const char *s)
{
    char f[DS_SUP_VALUE_MAX * 2];
    ds_text_fold(s ? s : "", f, sizeof f);
    words w;
    split(f, &w);
    for (int i = 0; i < w.n; i++)
        if (strlen(w.w[i]) >= 3)
            return true;
    return false;
}

/* The names: returns the person the page names (0 applicant, 1.. related
 * person k-1) or -1. The applicant must be named on the page, or (but on a
 * marriage certificate, which is about the couple) the page's holder must
 * be a related person; otherwise a labelled name that matches no one is
 * the evidence of SUPPORT_NAME_MISMATCH. */
static int check_names(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, int page,
                       ds_flags *flags)
{
    bool have_case = c->surname[0] || c->given_names[0];
    bool have_related = false;
    for (int k = 0; k < c->nrelated; k++)
        have_related |= c->related[k].surname[0] || c->related[k].given_names[0];
    if (!have_case && !have_related)
        return -1;
    int who = -1;
    bool applicant_seen = false, holder_related = false;
    int holder_best = -1;
    ds_sup_field *holder = NULL, *bad = NULL;
    bool bad_letters = false, holder_letters = false;
    for (int i = 0; i < p->nfields; i++) {
        ds_sup_field *f = &p->f[i];
        if (f->id != DS_SF_NAME && f->id != DS_SF_OTHER_NAME)
            continue;
        /* Near a person's name only by letters read unsurely or that OCR
         * confuses; letters read clearly make another name. */
        ds_sup_word rd[24];
        int nrd = field_read(t, f, rd, 24);
        int app = have_case ? ds_sup_name_compare_read(f->value, rd, nrd, c->surname,
                                                        c->given_names)
                            : -1;
        int best = app, person = app >= 1 ? 0 : -1;
        bool near_any = have_case && app == 0 &&
                        ds_sup_name_compare(f->value, c->surname, c->given_names) == 1;
        for (int k = 0; k < c->nrelated; k++) {
            const char *rs = c->related[k].surname, *rg = c->related[k].given_names;
            int r = ds_sup_name_compare_read(f->value, rd, nrd, rs, rg);
            near_any |= r == 0 && ds_sup_name_compare(f->value, rs, rg) == 1;
            if (r > best) {
                best = r;
                person = k + 1;
            }
        }
        /* Not comparable with the applicant's (a part of it: "Emily Rose"
         * of a register's cell, the surname on the line under it): no
         * evidence of another person, whoever else it is not. */
        if (best == 0 && app < 0 && have_case)
            best = -1;
        /* A mismatch needs a name positively read as a person's. */
        if (best == 0 && !ds_sup_name_form(f->label, f->value))
            best = -1;
        /* Read unsurely and no word longer than two letters ("Ie", "NA"):
         * marks read off a box, as likely as a name. */
        if (best == 0 && f->conf < NAME_CONF_UNSURE && !long_word(f->value))
            best = -1;
        if (best == 0 && f->conf < NAME_CONF_GARBLED)
            best = -1;
        if (best == 0 && f->conf < NAME_CONF_CLEAR && ds_sup_name_fragments(f->value))
            best = -1;
        for (int k = -1; k < c->nrelated && best == 0 && f->conf < NAME_CONF_CLEAR; k++)
            if (k < 0 ? given_misread(f->value, c->surname, c->given_names)
                      : given_misread(f->value, c->related[k].surname, c->related[k].given_names))
                best = -1;
        for (int k = -1; k < c->nrelated && best == 0 && f->conf < NAME_CONF_UNSURE; k++)
            if (k < 0 ? doubtful_near(f->value, c->surname, c->given_names)
                      : doubtful_near(f->value, c->related[k].surname, c->related[k].given_names))
                best = -1;
        set_status(f, best == 2 ? "match" : best == 1 ? "near" : best == 0 ? "mismatch"
                                                                           : "unverifiable");
        if (app >= 1)
            applicant_seen = true;
        if (f->id == DS_SF_NAME && !holder) {
            holder = f;
            holder_letters = near_any;
            holder_related = person > 0;
            holder_best = best;
        }
        if (best >= 1 && who < 0 && (f->id == DS_SF_NAME || person == 0))
            who = person;
        if (best == 0 && (!bad || f == holder)) {
            bad = f;
            bad_letters = near_any;
        }
    }
    bool ok = applicant_seen || (holder_related && p->cls.type != DS_PC_MARRIAGE_CERTIFICATE);
    /* A birth certificate is the child's: the applicant's name printed as
     * a parent's beside another child's is another person's certificate. */
    if (p->cls.type == DS_PC_BIRTH_CERTIFICATE && holder && holder_best == 0) {
        ok = false;
        bad = holder;
        bad_letters = holder_letters;
    }
    /* A name placed by the letter head alone (a joint holder's, "Dr Emily
     * Rose HANSEN / Mrs Chloé Khan") on a page that prints the applicant's
     * surname and a given name: the applicant is named on it. */
    if (!ok && bad && strcmp(bad->label, "header") == 0 && have_case &&
        text_has_name_word(t, c->surname) && text_has_name_word(t, c->given_names))
        ok = true;
    if (ok)
        return who;
    if (bad) {
        /* A name placed by the letter head (no label) is weaker evidence,
         * and so is a name put together from two rows or cells (its
         * surname and given names not read in one place), and another
         * person's name (a parent) where the page's holder was not read:
         * at most a warning. Both spouses are the
         * subject of a marriage certificate. */
        bool clear = bad->conf >= NAME_CONF_CLEAR && p->mean_conf >= PAGE_CONF_CLEAR &&
                     strcmp(bad->label, "header") != 0 &&
                     strcmp(bad->label, DS_SUP_LABEL_NAME_APART) != 0 &&
                     (bad->id == DS_SF_NAME || p->cls.type == DS_PC_MARRIAGE_CERTIFICATE);
        /* A letter or two off a person's name, read clearly: another name
         * (a sibling's "Mario" for "Maria"), high only read as well as a
         * text layer. */
        if (bad_letters && bad->conf < NAME_CONF_LETTERS_HIGH)
            clear = false;
        ds_flags_add(flags, page, DS_FLAG_SUPPORT_NAME_MISMATCH,
                     clear ? DS_SEV_HIGH : DS_SEV_WARNING, "case", "name", NULL, bad->norm,
                     clear ? "This %s names another person than the applicant or a related "
                             "person of the case record."
                     : bad_letters ? "This %s names a person whose name differs from the "
                                     "applicant's in letters read clearly, not ones a reader "
                                     "confuses: compare it by eye."
                                   : "This %s seems to name another person than the applicant, "
                                     "but the name was not read clearly: compare it by eye.",
                     kind_words(p->cls.type));
        return -1;
    }
    /* No usable name field: the applicant's surname anywhere in the text. */
    if (have_case && c->surname[0] && t) {
        char sf[2][256];
        ds_text_fold_icao(c->surname, true, sf[0], sizeof sf[0]);
        ds_text_fold_icao(c->surname, false, sf[1], sizeof sf[1]);
        words sw[2];
        split(sf[0], &sw[0]);
        split(sf[1], &sw[1]);
        for (int i = 0; i < t->nwords; i++) {
            char wf[128];
            ds_text_fold_icao(t->w[i].text, true, wf, sizeof wf);
            for (int v = 0; v < 2; v++)
                for (int k = 0; k < sw[v].n; k++)
                    if (wf[0] && ds_sup_word_near(wf, sw[v].w[k]))
                        return 0;
        }
    }
    if (have_case)
        ds_flags_add(flags, page, DS_FLAG_SUPPORT_NAME_UNVERIFIED, DS_SEV_INFO, "case", "name",
                     NULL, NULL,
                     "The applicant's name was not found on this %s; compare it by eye.",
                     kind_words(p->cls.type));
    return -1;
}

/* Does the page print date iso (YYYY-MM-DD) anywhere, in any reading of
 * a numeric date? */
static bool page_shows_date(const ds_sup_text *t, const char *iso)
{
    if (!t || !iso || !iso[0])
        return false;
    ds_sup_order order = ds_sup_date_order(t);
    for (int a = 0; a < t->nwords;) {
        int b = a;
        while (b < t->nwords && t->w[b].line == t->w[a].line)
            b++;
        for (int i = a; i < b; i++) {
            char d0[11] = "", d1[11] = "";
            if (ds_sup_date_words(t, i, b, order, d0, d1) > 0 &&
                (!strcmp(d0, iso) || !strcmp(d1, iso)))
                return true;
        }
        a = b;
    }
    return false;
}

/* Do two dates (YYYY-MM-DD) differ in their month alone? */
static bool month_only(const char *a, const char *b)
{
    return strlen(a) == 10 && strlen(b) == 10 && !strncmp(a, b, 5) && !strcmp(a + 7, b + 7) &&
           strncmp(a + 5, b + 5, 2) != 0;
}

/* Is the month of date value v (its middle part of a numeric date,
 * "14.11.1969") printed with ones only, where the record's month (ISO
 * date iso) is I, II or III: a Roman month whose strokes read as ones? */
static bool month_of_ones(const char *v, const char *iso)
{
    if (strlen(iso) != 10 || iso[5] != '0' || iso[6] < '1' || iso[6] > '3')
        return false;
    const char *a = strpbrk(v, "./- ");
    const char *b = a ? strpbrk(a + 1, "./- ") : NULL;
    if (!a || !b || b - a < 2)
        return false;
    for (const char *q = a + 1; q < b; q++)
        if (*q != '1')
            return false;
    return true;
}

/* Is date read0 or read1 the recorded birth date of someone of the case
 * other than person who (0 the applicant, k + 1 related person k)? */
static bool other_person_date(const ds_case *c, int who, const char *read0, const char *read1)
{
    for (int k = -1; k < c->nrelated; k++) {
        const char *d = k < 0 ? c->birth_date : c->related[k].birth_date;
        if (k + 1 != who && d[0] && (!strcmp(d, read0) || !strcmp(d, read1)))
            return true;
    }
    return false;
}

void ds_sup_check_birth_date(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, int who,
                             bool weak, int page, ds_flags *flags)
{
    for (int i = 0; i < p->nfields; i++) {
        ds_sup_field *f = &p->f[i];
        if (f->id != DS_SF_BIRTH_DATE || !has_date(f))
            continue;
        /* Day and month could be swapped: only a date that neither reading
         * matches differs. */
        const char *read0 = ambiguous(f) ? f->readings[0] : f->norm;
        const char *read1 = ambiguous(f) ? f->readings[1] : f->norm;
        const char *expect = who > 0 ? c->related[who - 1].birth_date : c->birth_date;
        bool any = false, same = false;
        const char *cands[1 + DS_CASE_RELATED_MAX];
        int nc = 0;
        if (who >= 0) {
            cands[nc++] = expect;
        } else {
            cands[nc++] = c->birth_date;
            for (int k = 0; k < c->nrelated; k++)
                cands[nc++] = c->related[k].birth_date;
        }
        const char *closest = NULL;
        for (int k = 0; k < nc; k++) {
            if (!cands[k][0])
                continue;
            any = true;
            if (!strcmp(cands[k], read0) || !strcmp(cands[k], read1))
                same = true;
            /* A two-digit year ("3 Mar 25") says no century. */
            if (f->short_year && strlen(cands[k]) == 10 && !strcmp(cands[k] + 2, read0 + 2))
                same = true;
            if (!closest)
                closest = cands[k];
        }
        if (!any)
            continue;
        /* Another person of the case's recorded birth date (the spouse's,
         * printed beside the applicant's on a marriage certificate, taken
         * from the box across the caption): that person's date, not the
         * applicant's misprinted; nothing to compare. */
        if (!same && who >= 0 && other_person_date(c, who, read0, read1)) {
            set_status(f, "unverifiable");
            continue;
        }
        /* A page that prints the expected date as well, where another date
         * was taken for the birth date (the value in the box beside the
         * label's), shows no other birth date: the reading is unsure of
         * which date is the birth date, nothing more. */
        if (!same && page_shows_date(t, closest)) {
            set_status(f, "unverifiable");
            continue;
        }
        /* Read unsurely, with the record's day and year and another
         * month: a month misread ("14.III.1969" read "14.11.1969"), as
         * likely as another date; so is a month of ones only for the
         * record's I, II or III read less than clearly (at 64: heldout9
         * 0008, a genuine diploma). */
        if (!same && month_only(read0, closest) && month_only(read1, closest) &&
            (f->conf < DATE_CONF_UNSURE ||
             (f->conf < DATE_CONF_CLEAR && month_of_ones(f->value, closest)))) {
            set_status(f, "unverifiable");
            continue;
        }
        set_status(f, same ? (ambiguous(f) ? "unverifiable" : "match") : "mismatch");
        if (same)
            continue;
        /* A date placed by a sentence ("..., born the 3rd of May") or by a
         * table's column head (support_column.c) is not
         * positively identified as this person's birth date. */
        bool clear = f->conf >= DATE_CONF_CLEAR && !one_confusable_digit(read0, closest) &&
                     !one_confusable_digit(read1, closest) &&
                     strcmp(f->label, DS_SUP_LABEL_BORN_PROSE) != 0 &&
                     strcmp(f->label, DS_SUP_LABEL_BORN_COLUMN) != 0 &&
                     !f->short_year && /* two digits of a year: weaker evidence */
                     !weak;
        ds_flags_add(flags, page, DS_FLAG_SUPPORT_BIRTH_DATE_MISMATCH,
                     clear ? DS_SEV_HIGH : DS_SEV_WARNING, "case", "birth_date", closest, read0,
                     clear ? "The date of birth on this %s differs from the case record."
                           : "The date of birth on this %s may differ from the case record; it "
                             "was not read clearly: compare it by eye.",
                     kind_words(p->cls.type));
    }
}

/* Is word box wb inside box fb (its middle)? */
static bool box_holds(const int fb[4], const int wb[4])
{
    int x = wb[0] + wb[2] / 2, y = wb[1] + wb[3] / 2;
    return x >= fb[0] && x < fb[0] + fb[2] && y >= fb[1] && y < fb[1] + fb[3];
}

static bool valid_not_after(const char *date, void *ctx)
{
    long d;
    return ds_date_valid(date) && days_of(date, &d) && d <= *(const long *)ctx;
}

/* Is there a date one look-alike digit away from iso (3 and 8, 6 and 8,
 * 1 and 7, ...) that is not after day now? */
static bool look_alike_not_after(const char *iso, long now)
{
    return ds_sup_date_look_alike(iso, NULL, 0, valid_not_after, &now);
}

/* The confidence a date field's reading deserves: its own, or
 * DATE_CONF_CLEAR when the page prints the same date again elsewhere and
 * reads it clearly there ("Date: 14.06.2026" under a stamp, "Balance at
 * 14.06.2026" below): the reading is confirmed. */
static float date_conf(const ds_sup_text *t, const ds_sup_field *f)
{
    if (f->conf >= DATE_CONF_CLEAR || !t || !f->norm[0] || t->nwords <= 0)
        return f->conf;
    ds_sup_order order = ds_sup_date_order(t);
    for (int i = 0, b = 0; i < t->nwords; i++) {
        if (i >= b)
            for (b = i; b < t->nwords && t->w[b].line == t->w[i].line;)
                b++;
        char iso[11], alt[11] = "";
        int n = ds_sup_date_words(t, i, b, order, iso, alt);
        if (n <= 0 || alt[0] || strcmp(iso, f->norm) != 0 || box_holds(f->box, t->w[i].box))
            continue;
        float lo = 100;
        for (int k = i; k < i + n; k++)
            lo = t->w[k].conf < lo ? t->w[k].conf : lo;
        if (lo >= DATE_CONF_CLEAR)
            return DATE_CONF_CLEAR;
    }
    return f->conf;
}

bool ds_sup_check_future(ds_sup_page *p, const ds_sup_text *t, ds_sup_field *f,
                         const char *today, bool weak, int page, ds_flags *flags)
{
    long now = 0, d0, d1;
    if (!f || !days_of(today, &now) || !field_days(f, 0, &d0) || !field_days(f, 1, &d1))
        return false;
    if (d0 <= now || d1 <= now) { /* in the future by one reading alone: unsettled */
        if (d0 > now || d1 > now)
            set_status(f, "unverifiable");
        return false;
    }
    float conf = date_conf(t, f);
    if (conf < DATE_CONF_UNSURE && !ambiguous(f) && look_alike_not_after(f->norm, now)) {
        set_status(f, "unverifiable");
        return false;
    }
    /* A letter's date line is placed by its position, no label: at most a
     * warning; so is a two-digit year, whose century was placed, not
     * read. */
    bool clear = conf >= DATE_CONF_CLEAR && strcmp(f->label, "date line") != 0 &&
                 !f->short_year && !weak;
    ds_flags_add(flags, page, DS_FLAG_SUPPORT_DATE_FUTURE, clear ? DS_SEV_HIGH : DS_SEV_WARNING,
                 "support", ds_sup_field_name(f->id), today, f->norm[0] ? f->norm : f->readings[0],
                 clear ? "This %s is dated after the screening date."
                       : "This %s seems dated after the screening date; the date was not "
                         "read clearly: compare it by eye.",
                 kind_words(p->cls.type));
    return true;
}

void ds_sup_check_statement_old(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                                ds_sup_field *f, const char *today, int window_days, int page,
                                ds_flags *flags)
{
    long now = 0;
    if (!p || !f || !today || !days_of(today, &now))
        return;
    long d, ref = now;
    const char *ref_s = today;
    if (c && c->application_date[0] && days_of(c->application_date, &ref))
        ref_s = c->application_date;
    else
        ref = now;
    if (window_days <= 0)
        window_days = DS_SUP_WINDOW_DAYS;
    long d1 = 0;
    bool old = f && field_days(f, 0, &d) && field_days(f, 1, &d1) && d < ref - window_days;
    if (old && d1 >= ref - window_days) { /* old by one reading alone */
        set_status(f, "unverifiable");
        old = false;
    }
    if (old && d1 > d)
        d = d1; /* the newer reading's age */
    if (old && date_conf(t, f) >= DATE_CONF_CLEAR)
        ds_flags_add(flags, page, DS_FLAG_SUPPORT_STATEMENT_OLD, DS_SEV_WARNING, "support",
                     ds_sup_field_name(f->id), ref_s, f->norm[0] ? f->norm : f->readings[0],
                     "This %s is dated %ld days before the %s, more than the office's "
                     "window of %d days.",
                     kind_words(p->cls.type), ref - d,
                     ref_s == today ? "screening date" : "application date", window_days);
}

static void check_dates(ds_sup_page *p, const ds_sup_text *t, const ds_case *c, int who,
                        const char *today, int window_days, int page, ds_flags *flags)
{
    long now = 0;
    if (!days_of(today, &now))
        return;
    ds_sup_field *issue = NULL, *stmt = NULL, *birth = NULL;
    for (int i = 0; i < p->nfields; i++) {
        ds_sup_field *f = &p->f[i];
        if (!has_date(f))
            continue;
        if (f->id == DS_SF_ISSUE_DATE && !issue)
            issue = f;
        if (f->id == DS_SF_STATEMENT_DATE && !stmt)
            stmt = f;
        if (f->id == DS_SF_BIRTH_DATE && !birth)
            birth = f;
    }
    /* The end of a period on a page that is no statement ("for the period
     * from 25 MAR 2026 to 24 MAR 2027" of a lease, a contract's term) lies
     * in the future as a rule: it does not date the page. */
    if (stmt && !is_statement(p->cls.type) && strstr(stmt->label, "period"))
        stmt = NULL;
    ds_sup_field *dated[2] = {issue, stmt};
    for (int k = 0; k < 2; k++)
        if (dated[k] && ds_sup_check_future(p, t, dated[k], today, false, page, flags))
            return; /* one date in the future says it */
    if (is_statement(p->cls.type))
        ds_sup_check_statement_old(p, t, c, stmt ? stmt : issue, today, window_days, page, flags);
    if (p->cls.type == DS_PC_BIRTH_CERTIFICATE && issue) {
        const char *b = birth ? (birth->norm[0] ? birth->norm : birth->readings[0])
                              : (c && who == 0) ? c->birth_date : "";
        /* A birth date the case's own date confirms is read surely, where
         * the page prints it (in a column or unclearly). */
        bool bsure = !birth || !strcmp(birth->status, "match");
        float bconf = bsure ? 100 : birth->conf;
        /* Every reading of both dates must put the issue before the birth. */
        bool before = true, any = false;
        for (int ki = 0; ki < 2; ki++)
            for (int kb = 0; kb < 2; kb++) {
                long di, db;
                bool okb = birth ? field_days(birth, kb, &db) : days_of(b, &db);
                if (!field_days(issue, ki, &di) || !okb) {
                    before = false;
                    continue;
                }
                any = true;
                before = before && di < db;
            }
        if (any && before) {
            bool clear = date_conf(t, issue) >= DATE_CONF_CLEAR && bconf >= DATE_CONF_CLEAR &&
                         (bsure || strcmp(birth->label, DS_SUP_LABEL_BORN_COLUMN) != 0) &&
                         !issue->short_year && !(birth && birth->short_year);
            ds_flags_add(flags, page, DS_FLAG_SUPPORT_ISSUED_BEFORE_BIRTH,
                         clear ? DS_SEV_HIGH : DS_SEV_WARNING, "support", "issue_date", b,
                         issue->norm[0] ? issue->norm : issue->readings[0],
                         clear ? "This birth certificate is dated before the birth it records."
                               : "This birth certificate seems dated before the birth it "
                                 "records; the dates were not read clearly: compare them by eye.");
        }
    }
}

void ds_check_support_typed(ds_sup_page *p, const ds_sup_text *t, const ds_case *c,
                            const char *today, int window_days, int page, ds_flags *flags)
{
    if (!p || !flags || !p->read || p->cls.type == DS_PC_IDENTITY || p->cls.type == DS_PC_OTHER)
        return;
    int who = -1;
    if (c) {
        who = check_names(p, t, c, page, flags);
        ds_sup_check_birth_date(p, t, c, who, false, page, flags);
        ds_check_support_address(p, t, c, kind_words(p->cls.type), page, flags);
    }
    check_dates(p, t, c, who, today, window_days, page, flags);
    ds_check_support_weekday(t, page, flags);
}
