/*
 * Unit tests of where a supporting page prints the holder's address (issue
 * 15, src/page/support_labelval.c): a section's caption in a merged cell
 * of a form, its value rows right of it (the first above its middle), the
 * next section's caption under it. Pages built word by word, as OCR gives
 * them (the words and boxes of heldout10's tenancy forms).
 */
#include <stdio.h>
#include <string.h>

#include "check/supcheck.h"
#include "page/support.h"
#include "sup_page.h"
#include "t.h"

/* Words of one text line at (x, y), h pixels high, read at 95. */
static void words(page *p, int line, int x, int y, int h, const char *text)
{
    sup_words(p, line, x, y, h, text, 95, false);
}

/* One form: the section caption "PREMISES" at its merged cell's middle,
 * the address rows right of it, and under it, in the caption column,
 * under_caption (the next section's caption "RENT", or an address printed
 * under the caption). */
typedef struct section_case {
    const char *name;
    const char *under_caption; /* a line at x 230, under "PREMISES" */
    int line, y, h;            /* its line among the others (10, 20, ...; ds_sup_text_set
                                  numbers them again), its top and height */
    const char *expect;        /* the address read */
} section_case;

static void read_section(const section_case *c, ds_sup_page *sp)
{
    page p = {0};
    ds_sup_text t;
    words(&p, 10, 459, 329, 30, "PERIODIC TENANCY - MEMORANDUM OF TERMS");
    words(&p, 20, 309, 396, 28, "THIS AGREEMENT is made on the 4 April 2026 BETWEEN");
    words(&p, 30, 309, 434, 28, "Mrs Priya Kaur (the Landlord) AND Kenji Smith (the Occupier).");
    words(&p, 40, 232, 571, 28, "THE PREMISES AND THE RENT");
    words(&p, 50, 1045, 654, 28, "54 Victoria Street");
    words(&p, 60, 230, 674, 26, "PREMISES");
    words(&p, 70, 1045, 723, 28, "BRISTOL JR16 6EX");
    words(&p, 80, 545, 775, 47, "Rent");
    words(&p, 80, 1041, 792, 31, "£2,327.00 per month");
    words(&p, c->line, 227, c->y, c->h, c->under_caption);
    words(&p, 90, 545, 845, 47, "Deposit");
    words(&p, 90, 1040, 862, 29, "£2,371.00");
    sup_read_page(&p, &t, sp);
    ds_sup_text_free(&t);
}

static void t_section_caption(void)
{
    static const section_case cases[] = {
        /* heldout10's leases: "RENT" under "PREMISES" is no address; the
         * row right of the caption is (main read no address). */
        {"next section under", "RENT", 90, 837, 47, "54 VICTORIA STREET"},
        /* An address printed right under its caption stays the caption's. */
        {"address under", "12 Mill Road", 65, 706, 26, "12 MILL ROAD"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ds_sup_page sp;
        read_section(&cases[i], &sp);
        const ds_sup_field *f = ds_sup_find(&sp, DS_SF_ADDRESS);
        T_CHECK(f != NULL);
        if (!f) {
            fprintf(stderr, "  %s: no address\n", cases[i].name);
            continue;
        }
        if (strcmp(f->norm, cases[i].expect) != 0)
            fprintf(stderr, "  %s: read '%s'\n", cases[i].name, f->norm);
        T_EQ_STR(f->norm, cases[i].expect);
        T_EQ_STR(f->label, "premises");
    }
}

/* The house number read from the row differs from the case's: positive
 * evidence of another address (supcheck.c compares it). */
static void t_section_caption_compared(void)
{
    ds_sup_page sp;
    static const section_case c = {"next section under", "RENT", 90, 837, 47, "54 VICTORIA STREET"};
    read_section(&c, &sp);
    const ds_sup_field *f = ds_sup_find(&sp, DS_SF_ADDRESS);
    T_CHECK(f != NULL);
    if (f) {
        T_EQ_INT(ds_sup_address_compare(f->value, "Apartment 30, 22 Riverside Drive\nYORK WR13 8ZF"), 0);
        T_EQ_INT(ds_sup_address_compare(f->value, "54 Victoria Street\nBRISTOL JR16 6EX"), 1);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"section_caption", t_section_caption},
        {"section_caption_compared", t_section_caption_compared},
    };
    return T_RUN(cases);
}
