/*
 * Unit tests of ds_mrz_accept (issue 13, "an MRZ is an MRZ"): a real MRZ
 * reading is accepted, even badly scanned, with a name that fills its field
 * or with check digits that fail (a forged MRZ must reach the check stage),
 * or with letter/digit confusions the recogniser admits (doubted, second
 * guess fitting the field);
 * readings of a supporting document's table rows and body text are refused,
 * whatever their confidence or pitch, and say why.
 */
#include <string.h>

#include "mrz/accept.h"
#include "mrz/mrz.h"
#include "mrz_ocr.h"
#include "t.h"

/* Parses o and judges it with the given pitch error. */
static ds_mrz_acceptance judge(ocr *o, float pitch_err)
{
    ds_mrz m;
    ds_mrz_acceptance a;
    ds_error perr = ocr_parse(o, &m);
    T_EQ_INT(ds_mrz_accept(o->rows, o->lens, o->n, perr == DS_OK ? &m : NULL, pitch_err, &a),
             DS_OK);
    return a;
}

static void set_p(ocr *o, float p)
{
    for (int l = 0; l < o->n; l++)
        for (int k = 0; k < o->lens[l]; k++)
            o->ch[l][k].p = p;
}

static void real_mrz_accepted(void)
{
    ocr o;
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    ds_mrz_acceptance a = judge(&o, 0.002f);
    T_CHECK(a.accepted);
    T_CHECK(a.mrz_like);
    T_EQ_STR(a.reason, "");
    T_CHECK(a.name_fillers > 10);
    /* A bad scan: every other character doubted (mean probability about 0.6). */
    for (int l = 0; l < 2; l++)
        for (int k = 1; k < 44; k += 2)
            o.ch[l][k].p = 0.4f;
    a = judge(&o, 0.006f);
    T_CHECK(a.accepted);
}

static void forged_check_digits_still_an_mrz(void)
{
    ocr o;
    /* Birth date changed to 740813 without new check digits. */
    ocr_init(&o, TD3_L1, "L898902C36UTO7408132F1204159ZE184226B<<<<<10", NULL);
    set_p(&o, 0.99f);
    ds_mrz m;
    T_EQ_INT(ocr_parse(&o, &m), DS_OK);
    T_CHECK(!m.valid);
    T_CHECK(judge(&o, 0.001f).accepted);
}

static void name_filling_its_field_accepted(void)
{
    ocr o;
    ocr_init(&o, "I<CHEWOLFESCHLEGELSTEINHAUSENBERGERD", "UG59737652CHE6201201F2804040<<<<<<<8",
             NULL);
    ds_mrz_acceptance a = judge(&o, 0.0004f);
    T_EQ_INT(a.name_fillers, 0);
    T_CHECK(a.fillers_ok);
    T_CHECK(a.accepted);
}

/* Sets position k of line l to c read with probability p, second guess alt. */
static void set_ch(ocr *o, int l, int k, char c, float p, char alt)
{
    o->ch[l][k] = (ds_mrz_char){c, p, alt, alt ? 1.0f - p : 0.0f, 0, 0, 0.0f};
}

/* An MRZ printed in another OCR-B or at low resolution: seven digits of
 * the dates and their check digits read as the look-alike letter (7/88,
 * beyond DS_MRZ_ACCEPT_BREAK_SHARE). Doubted with the digit second, they
 * are confusions the recogniser admits and the band is an MRZ; read with
 * confidence, or with a second guess that fits no better, they are breaks. */
static void doubted_confusions_no_breaks(void)
{
    static const struct {
        int k;
        char c, alt;
    } looks[] = {{15, 'O', '0'}, {17, 'I', '1'}, {19, 'Z', '2'}, {21, 'I', '1'},
                 {23, 'O', '0'}, {25, 'I', '1'}, {27, 'S', '9'}};
    const int n = (int)(sizeof looks / sizeof looks[0]);
    ocr o;
    for (int round = 0; round < 3; round++) {
        ocr_init(&o, TD3_L1, TD3_L2, NULL);
        for (int i = 0; i < n; i++) {
            float p = round == 1 ? 0.95f : 0.6f; /* round 1: read with confidence */
            char alt = round == 2 ? 'X' : looks[i].alt; /* round 2: a letter second */
            set_ch(&o, 1, looks[i].k, looks[i].c, p, alt);
        }
        ocr before = o;
        ds_mrz m;
        T_EQ_INT(ocr_parse(&o, &m), DS_OK);
        ds_mrz_acceptance a;
        T_EQ_INT(ds_mrz_accept(o.rows, o.lens, o.n, &m, 0.002f, &a), DS_OK);
        /* Acceptance judges; it changes no character of the reading. */
        T_CHECK(memcmp(before.ch, o.ch, sizeof o.ch) == 0);
        if (round == 0) {
            T_CHECK(a.grammar_ok);
            T_CHECK(a.accepted);
            T_EQ_STR(a.reason, "");
            T_CHECK(a.break_share == 0.0f);
        } else {
            T_CHECK(!a.grammar_ok);
            T_CHECK(!a.accepted);
            T_EQ_STR(a.reason, "characters break the field grammar");
            T_CHECK(a.break_share > DS_MRZ_ACCEPT_BREAK_SHARE);
        }
    }
}

static void table_rows_refused(void)
{
    ocr o;
    /* Two rows of a bank statement in a monospace font, read with
     * confidence and on a fixed pitch, 44 characters each (a "TD3"). */
    ocr_init(&o, "INV2024000123<GB29NWBK60161331926819<0000000", "REF2025004417<GB82BARC20005533149275<0000000",
             NULL);
    set_p(&o, 0.97f);
    ds_mrz_acceptance a = judge(&o, 0.0005f);
    T_CHECK(!a.accepted);
    T_CHECK(!a.grammar_ok);
    T_CHECK(!a.mrz_like);
    T_EQ_STR(a.reason, "characters break the field grammar");
    /* What the recogniser made of a bank statement's rows (a real reading,
     * 3 x 30 "TD1", mean probability 0.65). */
    ocr_init(&o, "EFOGO077S39HCSJ89I3209J9GJ7240", "XNJ22697089N48<BG732G808GIIHS7",
             "ZOB7B3ZOBORBDS7I<ISJBHIIGJ3IQ3");
    set_p(&o, 0.65f);
    a = judge(&o, 0.05f);
    T_CHECK(!a.accepted);
    T_CHECK(!a.mrz_like);
}

static void body_text_refused(void)
{
    ocr o;
    /* Body text of a letter read as OCR-B letters with fillers at the word gaps. */
    ocr_init(&o, "UIOOI<OHU0HHH<U<U<HPHHUOSUOO0<", "P<OHO<H90H<OMJHOP<OO<OHO<0<U<O",
             "OH<MOHJ<M<OHD<<HUHH<OJ<<SHOH<I");
    set_p(&o, 0.37f);
    ds_mrz_acceptance a = judge(&o, 0.08f);
    T_CHECK(!a.accepted);
    T_CHECK(!a.mrz_like);
    /* Even a grammatical text off the pitch grid (proportional type) is refused. */
    ocr_init(&o, TD3_L1, TD3_L2, NULL);
    a = judge(&o, 0.08f);
    T_CHECK(!a.accepted);
    T_CHECK(!a.pitch_ok);
    T_EQ_STR(a.reason, "the characters are not on one fixed pitch");
    /* ... and so are glyphs of another font, read with little confidence. */
    set_p(&o, 0.4f);
    a = judge(&o, 0.001f);
    T_CHECK(!a.accepted);
    T_CHECK(!a.glyphs_ok);
    T_CHECK(a.mrz_like);
}

static void lines_of_no_format_refused(void)
{
    ocr o;
    ocr_init(&o, "P<UTOERIKSSON<<ANNA<MARIA<<<", "L898902C36UTO7408122F1204159", NULL);
    ds_mrz_acceptance a = judge(&o, 0.001f);
    T_CHECK(!a.accepted);
    T_EQ_STR(a.reason, "no MRZ format fits the lines");
    ds_mrz_acceptance b;
    T_EQ_INT(ds_mrz_accept(NULL, o.lens, 2, NULL, 0, &b), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_accept(o.rows, o.lens, 0, NULL, 0, &b), DS_ERR_USAGE);
    T_EQ_INT(ds_mrz_accept(o.rows, o.lens, 2, NULL, 0, NULL), DS_ERR_USAGE);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"real_mrz_accepted", real_mrz_accepted},
        {"forged_check_digits_still_an_mrz", forged_check_digits_still_an_mrz},
        {"name_filling_its_field_accepted", name_filling_its_field_accepted},
        {"doubted_confusions_no_breaks", doubted_confusions_no_breaks},
        {"table_rows_refused", table_rows_refused},
        {"body_text_refused", body_text_refused},
        {"lines_of_no_format_refused", lines_of_no_format_refused},
    };
    return T_RUN(cases);
}
