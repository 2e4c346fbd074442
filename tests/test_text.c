/*
 * Unit tests of text folding (src/base/text.c) beyond Latin-1 and Latin
 * Extended-A: the letters with marks of Vietnamese, Romanian and Pinyin,
 * which a case record writes and OCR reads without their marks, and what
 * the supporting-page checks make of them (a Vietnamese bank statement of
 * heldout14, 0029: "Thị Mai Anh" read "Thi Mai Anh" was another person,
 * high, and "Số 35 Ngõ 45 Phố Huế" read without its marks another address).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "check/case.h"
#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

static void t_fold_vietnamese(void)
{
    char o[128];
    ds_text_fold("Nguyễn Thị Đức Hồ Chí Minh", o, sizeof o);
    T_EQ_STR(o, "nguyen thi duc ho chi minh");
    ds_text_fold("Số 35 Ngõ 45 Phố Huế, Quận 1", o, sizeof o);
    T_EQ_STR(o, "so 35 ngo 45 pho hue quan 1");
    /* The horned O and U (Latin Extended-B). */
    ds_text_fold("Trương Ngọc Ơn", o, sizeof o);
    T_EQ_STR(o, "truong ngoc on");
    ds_text_fold_icao("Nguyễn Thị", true, o, sizeof o);
    T_EQ_STR(o, "NGUYEN THI");
    ds_text_fold_icao("Lê Đức Ưng", false, o, sizeof o);
    T_EQ_STR(o, "LE DUC UNG");
}

static void t_fold_other_latin(void)
{
    char o[128];
    /* Romanian's S and T with a comma below, Pinyin's tones. */
    ds_text_fold("Ștefănescu Țurcanu", o, sizeof o);
    T_EQ_STR(o, "stefanescu turcanu");
    ds_text_fold_icao("Ștefănescu", true, o, sizeof o);
    T_EQ_STR(o, "STEFANESCU");
    ds_text_fold_icao("Lǚ Xiǎoyǔ", true, o, sizeof o);
    T_EQ_STR(o, "LU XIAOYU");
    /* Welsh's W with a circumflex is Extended-A; with a grave, Additional. */
    ds_text_fold_icao("Ŵyn Ẁyn", true, o, sizeof o);
    T_EQ_STR(o, "WYN WYN");
    /* What has no Latin base letter stays a separator, as before: symbols,
     * other scripts (Cyrillic is transliterated elsewhere), broken bytes. */
    ds_text_fold_icao("A€B", true, o, sizeof o);
    T_EQ_STR(o, "A B");
    ds_text_fold("x\xE1\xBB", o, sizeof o); /* a cut three-byte sequence */
    T_EQ_STR(o, "x");
    ds_text_fold_icao("x\xE1\xBB", true, o, sizeof o);
    T_EQ_STR(o, "X");
    ds_text_fold_icao("\xE1", true, o, sizeof o);
    T_EQ_STR(o, "");
}

static const char *const case_le =
    "{\"case_id\":\"C-1\",\"surname\":\"L\xC3\xAA\",\"given_names\":\"Th\xE1\xBB\x8B Mai Anh\","
    "\"birth_date\":\"1987-07-27\",\"application_date\":\"2026-11-01\","
    "\"address\":\"S\xE1\xBB\x91 35 Ng\xC3\xB5 45 Ph\xE1\xBB\x91 Hu\xE1\xBA\xBF\\nQu\xE1\xBA\xADn 1, "
    "TP. H\xE1\xBB\x93 Ch\xC3\xAD Minh\"}";

/* The names compared through the fold: the given names alone, read without
 * their marks, are the applicant's in part (no other person), and the full
 * name in either order is the applicant's. */
static void t_names_without_marks(void)
{
    T_EQ_INT(ds_sup_name_compare("Thi Mai Anh", "L\xC3\xAA", "Th\xE1\xBB\x8B Mai Anh"), -1);
    T_EQ_INT(ds_sup_name_compare("Thi Mai Anh Le", "L\xC3\xAA", "Th\xE1\xBB\x8B Mai Anh"), 2);
    T_EQ_INT(ds_sup_name_compare("NGUYEN Duc Anh", "Nguy\xE1\xBB\x85n", "\xC4\x90\xE1\xBB\xA9" "c Anh"),
             2);
    /* Another person stays another person. */
    T_EQ_INT(ds_sup_name_compare("Tran Van Binh", "L\xC3\xAA", "Th\xE1\xBB\x8B Mai Anh"), 0);
}

/* A bank statement whose holder and address are printed as OCR reads them,
 * without the marks the case record writes: no name or address flag. */
static void t_statement_without_marks(void)
{
    ds_case c = sup_case(case_le);
    page *p;
    ds_sup_page *sp;
    static ds_flags flags;
    if (!sup_new(&p, &sp))
        return;
    add_line(p, "Song Hong Commercial Bank");
    add_line(p, "Account statement");
    add_line(p, "Account holder");
    add_line(p, "Thi Mai Anh");
    add_line(p, "Address");
    add_line(p, "SO 35 NGO 45 PHO HUE");
    add_line(p, "QUAN 1, TP. HO CHI MINH");
    add_line(p, "Statement date 05/11/2026");
    add_line(p, "Opening balance 6,679.77");
    add_line(p, "01/11/2026 Card payment 416.57");
    add_line(p, "Sort code account number balance");
    sup_check_read(p, &c, "2026-11-23", 0, sp, &flags);
    T_EQ_INT(sp->cls.type, DS_PC_BANK_STATEMENT);
    T_CHECK(ds_sup_find(sp, DS_SF_NAME) != NULL);
    T_CHECK(ds_sup_find(sp, DS_SF_ADDRESS) != NULL);
    T_CHECK(!sup_flag(&flags, DS_FLAG_SUPPORT_NAME_MISMATCH));
    T_CHECK(!sup_flag(&flags, DS_FLAG_SUPPORT_ADDRESS_MISMATCH));
    /* Another street is still another address. */
    free(p);
    p = calloc(1, sizeof *p);
    if (p) {
        add_line(p, "Song Hong Commercial Bank");
        add_line(p, "Account statement");
        add_line(p, "Account holder");
        add_line(p, "Thi Mai Anh Le");
        add_line(p, "Address");
        add_line(p, "SO 120 DUONG LANG");
        add_line(p, "DONG DA, HA NOI");
        add_line(p, "Statement date 05/11/2026");
        add_line(p, "Opening balance 6,679.77");
        add_line(p, "01/11/2026 Card payment 416.57");
        add_line(p, "Sort code account number balance");
        memset(sp, 0, sizeof *sp);
        sup_check_read(p, &c, "2026-11-23", 0, sp, &flags);
        T_CHECK(!sup_flag(&flags, DS_FLAG_SUPPORT_NAME_MISMATCH));
        T_CHECK(sup_flag(&flags, DS_FLAG_SUPPORT_ADDRESS_MISMATCH) != NULL);
    }
    free(p);
    free(sp);
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"fold_vietnamese", t_fold_vietnamese},
        {"fold_other_latin", t_fold_other_latin},
        {"names_without_marks", t_names_without_marks},
        {"statement_without_marks", t_statement_without_marks},
    };
    return T_RUN(cases);
}
