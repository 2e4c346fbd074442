/*
 * Transliteration tables and the UTF-8 reader. A strict decoder (no overlong
 * forms, no surrogates, nothing above U+10FFFF) turns the name into code
 * points; each is case-folded and looked up in the Latin, Cyrillic or Greek
 * table; Greek digraphs are looked up before single letters. The tables are
 * written from Doc 9303 Part 3 and ELOT 743 (see translit.h). Nothing here
 * allocates; every array is bounded.
 */
#include "translit.h"

#include <stdint.h>
#include <string.h>

#define A1(a) 1, {a}
#define A2(a, b) 2, {a, b}
#define A3(a, b, c) 3, {a, b, c}
#define A4(a, b, c, d) 4, {a, b, c, d}

typedef struct spell {
    unsigned char n;
    const char *s[DS_TL_MAX_ALTS];
} spell;

/* ---- UTF-8 ---------------------------------------------------------- */

/* Decodes one code point at s[*i..n); returns -1 on invalid UTF-8. */
static int32_t next_cp(const unsigned char *s, size_t n, size_t *i)
{
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    int len;
    int32_t cp, min;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    if (*i + (size_t)len > n)
        return -1;
    for (int k = 1; k < len; k++) {
        unsigned char b = s[*i + (size_t)k];
        if ((b & 0xc0) != 0x80)
            return -1;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    *i += (size_t)len;
    return cp;
}

/* ---- Latin (Doc 9303 Part 3 Table A) --------------------------------- */

static const spell S_A = {A1("A")}, S_C = {A1("C")}, S_D = {A1("D")}, S_E = {A1("E")},
                   S_G = {A1("G")}, S_H = {A1("H")}, S_I = {A1("I")}, S_J = {A1("J")},
                   S_K = {A1("K")}, S_L = {A1("L")}, S_N = {A1("N")}, S_O = {A1("O")},
                   S_R = {A1("R")}, S_S = {A1("S")}, S_T = {A1("T")}, S_U = {A1("U")},
                   S_W = {A1("W")}, S_Y = {A1("Y")}, S_Z = {A1("Z")};
static const spell S_AUML = {A2("AE", "A")}, S_ARING = {A2("AA", "A")}, S_AE = {A1("AE")},
                   S_NTILDE = {A2("N", "NXX")}, S_OUML = {A2("OE", "O")}, S_OE = {A1("OE")},
                   S_UUML = {A3("UE", "UXX", "U")}, S_TH = {A1("TH")}, S_SS = {A1("SS")},
                   S_IJ = {A1("IJ")};

static const spell *const ascii_letters[26] = {
    &(const spell){A1("A")}, &(const spell){A1("B")}, &(const spell){A1("C")},
    &(const spell){A1("D")}, &(const spell){A1("E")}, &(const spell){A1("F")},
    &(const spell){A1("G")}, &(const spell){A1("H")}, &(const spell){A1("I")},
    &(const spell){A1("J")}, &(const spell){A1("K")}, &(const spell){A1("L")},
    &(const spell){A1("M")}, &(const spell){A1("N")}, &(const spell){A1("O")},
    &(const spell){A1("P")}, &(const spell){A1("Q")}, &(const spell){A1("R")},
    &(const spell){A1("S")}, &(const spell){A1("T")}, &(const spell){A1("U")},
    &(const spell){A1("V")}, &(const spell){A1("W")}, &(const spell){A1("X")},
    &(const spell){A1("Y")}, &(const spell){A1("Z")},
};

/* Base letters of Latin Extended-B (U+0180-U+024F) and Latin Extended
 * Additional (U+1E00-U+1EFF, Vietnamese among others), from the Unicode
 * canonical decompositions; '.' where a code point has no single base letter.
 * Doc 9303 Part 3 drops diacritics not in its tables, which these are. */
static const char latin_ext_b[] =
        "................................OO.............UU..............."
        ".............AAIIOOUUUUUUUUUU.AAAA....GGKKOOOO..J...GG..NNAA...."
        "AAAAEEEEIIIIOOOORRRRUUUUSSTT..HH......AAEEOOOOOOOOYY............"
        "................";
static const char latin_ext_add[] =
        "AABBBBBBCCDDDDDDDDDDEEEEEEEEEEFFGGHHHHHHHHHHIIIIKKKKKKLLLLLLLLMM"
        "MMMMNNNNNNNNOOOOOOOOPPPPRRRRRRRRSSSSSSSSSSTTTTTTTTUUUUUUUUUUVVVV"
        "WWWWWWWWWWXXXXYYZZZZZZHTWY.S....AAAAAAAAAAAAAAAAAAAAAAAAEEEEEEEE"
        "EEEEEEEEIIIIOOOOOOOOOOOOOOOOOOOOOOOOUUUUUUUUUUUUUUYYYYYYYY......";

static const spell *latin(int32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        cp -= 32;
    if (cp >= 'A' && cp <= 'Z')
        return ascii_letters[cp - 'A'];
    if (cp == 0xdf || cp == 0x1e9e)
        return &S_SS;
    if (cp == 0xff)
        return &S_Y;
    if (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7)
        cp -= 0x20;
    if (cp >= 0xc0 && cp <= 0xde) {
        switch (cp) {
        case 0xc4: return &S_AUML;
        case 0xc5: return &S_ARING;
        case 0xc6: return &S_AE;
        case 0xc7: return &S_C;
        case 0xd0: return &S_D;
        case 0xd1: return &S_NTILDE;
        case 0xd6: return &S_OUML;
        case 0xd7: return NULL; /* multiplication sign */
        case 0xd8: return &S_OE;
        case 0xdc: return &S_UUML;
        case 0xdd: return &S_Y;
        case 0xde: return &S_TH;
        default: break;
        }
        if (cp <= 0xc3)
            return &S_A;
        if (cp <= 0xcb)
            return &S_E;
        if (cp <= 0xcf)
            return &S_I;
        if (cp <= 0xd5)
            return &S_O;
        return &S_U; /* D9..DB */
    }
    static const struct {
        int32_t lo, hi;
        const spell *s;
    } ranges[] = {
        {0x100, 0x105, &S_A}, {0x106, 0x10d, &S_C}, {0x10e, 0x111, &S_D}, {0x112, 0x11b, &S_E},
        {0x11c, 0x123, &S_G}, {0x124, 0x127, &S_H}, {0x128, 0x131, &S_I}, {0x132, 0x133, &S_IJ},
        {0x134, 0x135, &S_J}, {0x136, 0x138, &S_K}, {0x139, 0x142, &S_L}, {0x143, 0x14b, &S_N},
        {0x14c, 0x151, &S_O}, {0x152, 0x153, &S_OE}, {0x154, 0x159, &S_R}, {0x15a, 0x161, &S_S},
        {0x162, 0x167, &S_T}, {0x168, 0x173, &S_U}, {0x174, 0x175, &S_W}, {0x176, 0x178, &S_Y},
        {0x179, 0x17e, &S_Z}, {0x17f, 0x17f, &S_S}, {0x218, 0x219, &S_S}, {0x21a, 0x21b, &S_T},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (cp >= ranges[i].lo && cp <= ranges[i].hi)
            return ranges[i].s;
    char base = 0;
    _Static_assert(sizeof latin_ext_b == 0x24f - 0x180 + 2, "one letter per code point");
    _Static_assert(sizeof latin_ext_add == 0x1eff - 0x1e00 + 2, "one letter per code point");
    if (cp >= 0x180 && cp <= 0x24f)
        base = latin_ext_b[cp - 0x180];
    else if (cp >= 0x1e00 && cp <= 0x1eff)
        base = latin_ext_add[cp - 0x1e00];
    if (base >= 'A' && base <= 'Z')
        return ascii_letters[base - 'A'];
    return NULL;
}

/* ---- Cyrillic (Doc 9303 Part 3 Table B, national alternatives after) -- */

static const spell cyr_0400[16] = {
    {A1("E")},          /* Ѐ */
    {A1("E")},          /* Ё */
    {A2("D", "DJ")},    /* Ђ */
    {A2("G", "GJ")},    /* Ѓ */
    {A2("IE", "YE")},   /* Є */
    {A1("DZ")},         /* Ѕ */
    {A1("I")},          /* І */
    {A2("I", "YI")},    /* Ї */
    {A1("J")},          /* Ј */
    {A1("LJ")},         /* Љ */
    {A1("NJ")},         /* Њ */
    {A1("C")},          /* Ћ */
    {A2("K", "KJ")},    /* Ќ */
    {A1("I")},          /* Ѝ */
    {A1("U")},          /* Ў */
    {A1("DZ")},         /* Џ */
};

static const spell cyr_0410[32] = {
    {A1("A")},               /* А */
    {A1("B")},               /* Б */
    {A1("V")},               /* В */
    {A2("G", "H")},          /* Г */
    {A1("D")},               /* Д */
    {A1("E")},               /* Е */
    {A2("ZH", "Z")},         /* Ж */
    {A1("Z")},               /* З */
    {A2("I", "Y")},          /* И */
    {A2("I", "Y")},          /* Й */
    {A1("K")},               /* К */
    {A1("L")},               /* Л */
    {A1("M")},               /* М */
    {A1("N")},               /* Н */
    {A1("O")},               /* О */
    {A1("P")},               /* П */
    {A1("R")},               /* Р */
    {A1("S")},               /* С */
    {A1("T")},               /* Т */
    {A1("U")},               /* У */
    {A1("F")},               /* Ф */
    {A2("KH", "H")},         /* Х */
    {A2("TS", "C")},         /* Ц */
    {A2("CH", "C")},         /* Ч */
    {A2("SH", "S")},         /* Ш */
    {A2("SHCH", "SHT")},     /* Щ */
    {A3("IE", "A", "")},     /* Ъ */
    {A1("Y")},               /* Ы */
    {A1("")},                /* Ь */
    {A1("E")},               /* Э */
    {A2("IU", "YU")},        /* Ю */
    {A2("IA", "YA")},        /* Я */
};

static const spell S_GHE_UP = {A1("G")}; /* Ґ */

static const spell *cyrillic(int32_t cp)
{
    if (cp >= 0x430 && cp <= 0x44f)
        cp -= 0x20;
    else if (cp >= 0x450 && cp <= 0x45f)
        cp -= 0x50;
    else if (cp == 0x491)
        cp = 0x490;
    if (cp >= 0x400 && cp <= 0x40f)
        return &cyr_0400[cp - 0x400];
    if (cp >= 0x410 && cp <= 0x42f)
        return &cyr_0410[cp - 0x410];
    if (cp == 0x490)
        return &S_GHE_UP;
    return NULL;
}

/* ---- Greek (ELOT 743) ----------------------------------------------- */

/* Folds a Greek code point to its capital without accent; *dia is set when
 * it carries a dialytika. Returns 0 for a code point outside Greek. */
static int32_t greek_fold(int32_t cp, int *dia)
{
    *dia = 0;
    switch (cp) {
    case 0x386: case 0x3ac: return 0x391;
    case 0x388: case 0x3ad: return 0x395;
    case 0x389: case 0x3ae: return 0x397;
    case 0x38a: case 0x3af: return 0x399;
    case 0x38c: case 0x3cc: return 0x39f;
    case 0x38e: case 0x3cd: return 0x3a5;
    case 0x38f: case 0x3ce: return 0x3a9;
    case 0x390: case 0x3aa: case 0x3ca: *dia = 1; return 0x399;
    case 0x3b0: case 0x3ab: case 0x3cb: *dia = 1; return 0x3a5;
    case 0x3c2: return 0x3a3;
    default: break;
    }
    if (cp >= 0x3b1 && cp <= 0x3c9)
        cp -= 0x20;
    if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2)
        return cp;
    return 0;
}

static const spell greek_0391[25] = {
    {A1("A")},            /* Α */
    {A1("V")},            /* Β */
    {A1("G")},            /* Γ */
    {A1("D")},            /* Δ */
    {A1("E")},            /* Ε */
    {A1("Z")},            /* Ζ */
    {A1("I")},            /* Η */
    {A1("TH")},           /* Θ */
    {A1("I")},            /* Ι */
    {A1("K")},            /* Κ */
    {A1("L")},            /* Λ */
    {A1("M")},            /* Μ */
    {A1("N")},            /* Ν */
    {A2("X", "KS")},      /* Ξ */
    {A1("O")},            /* Ο */
    {A1("P")},            /* Π */
    {A1("R")},            /* Ρ */
    {0, {0}},             /* U+03A2 is unassigned */
    {A1("S")},            /* Σ */
    {A1("T")},            /* Τ */
    {A2("Y", "I")},       /* Υ */
    {A1("F")},            /* Φ */
    {A3("CH", "X", "H")}, /* Χ */
    {A1("PS")},           /* Ψ */
    {A1("O")},            /* Ω */
};

static const struct {
    int32_t a, b;
    spell s;
} greek_digraphs[] = {
    {0x391, 0x3a5, {A3("AV", "AF", "AY")}},     /* ΑΥ */
    {0x395, 0x3a5, {A3("EV", "EF", "EY")}},     /* ΕΥ */
    {0x39f, 0x3a5, {A1("OU")}},                 /* ΟΥ */
    {0x393, 0x393, {A2("NG", "GG")}},           /* ΓΓ */
    {0x393, 0x39a, {A3("GK", "NK", "G")}},      /* ΓΚ */
    {0x39c, 0x3a0, {A2("MP", "B")}},            /* ΜΠ */
    {0x39d, 0x3a4, {A2("NT", "D")}},            /* ΝΤ */
};

/* ---- the parser ------------------------------------------------------ */

static int sep_kind(int32_t cp)
{
    switch (cp) {
    case ' ': case ',': case '<': case 0xa0:
        return DS_TL_SEP_HARD;
    case '-': case '.': case 0x2010: case 0x2011: case 0x2012: case 0x2013:
        return DS_TL_SEP_SOFT;
    case '\'': case '`': case 0xb4: case 0x2bc: case 0x2018: case 0x2019:
        return DS_TL_SEP_APOS;
    default:
        return -1;
    }
}

static void set_unit(ds_tl_unit *u, const spell *s)
{
    memset(u, 0, sizeof *u);
    u->kind = DS_TL_LETTERS;
    u->nalt = s->n;
    for (int k = 0; k < s->n; k++)
        u->alt[k] = s->s[k];
}

ds_error ds_translit_parse(const char *utf8, size_t len, ds_tl_name *out)
{
    if (!utf8 || !out)
        return DS_ERR_USAGE;
    if (len > DS_TL_MAX_INPUT)
        return DS_ERR_TOO_LARGE;
    /* Decode first, so digraphs can look one code point ahead. */
    int32_t cps[DS_TL_MAX_INPUT];
    size_t ncp = 0, i = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    while (i < len) {
        int32_t cp = next_cp(s, len, &i);
        if (cp < 0)
            return DS_ERR_TRANSLIT;
        cps[ncp++] = cp;
    }
    ds_tl_name r;
    r.n = 0;
    int32_t prev_base = 0; /* the ASCII letter of the previous unit, for combining marks */
    for (size_t k = 0; k < ncp; k++) {
        int32_t cp = cps[k];
        if (cp >= 0x300 && cp <= 0x36f) {
            /* A combining mark: joins the letter before it. */
            if (r.n == 0 || r.u[r.n - 1].kind != DS_TL_LETTERS)
                return DS_ERR_TRANSLIT;
            const spell *comp = NULL;
            if (cp == 0x308 && prev_base == 'A')
                comp = &S_AUML;
            else if (cp == 0x308 && prev_base == 'O')
                comp = &S_OUML;
            else if (cp == 0x308 && prev_base == 'U')
                comp = &S_UUML;
            else if (cp == 0x30a && prev_base == 'A')
                comp = &S_ARING;
            else if (cp == 0x303 && prev_base == 'N')
                comp = &S_NTILDE;
            if (comp)
                set_unit(&r.u[r.n - 1], comp);
            prev_base = 0;
            continue;
        }
        if (r.n >= DS_TL_MAX_UNITS)
            return DS_ERR_TOO_LARGE;
        ds_tl_unit *u = &r.u[r.n];
        int sk = sep_kind(cp);
        prev_base = 0;
        if (sk >= 0) {
            memset(u, 0, sizeof *u);
            u->kind = (unsigned char)sk;
            u->nalt = 1;
            u->alt[0] = "";
            r.n++;
            continue;
        }
        const spell *sp = latin(cp);
        if (sp) {
            if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
                prev_base = cp & ~0x20;
        } else {
            sp = cyrillic(cp);
        }
        if (!sp) {
            int dia;
            int32_t g = greek_fold(cp, &dia);
            if (g) {
                int dia2 = 1;
                int32_t g2 = k + 1 < ncp ? greek_fold(cps[k + 1], &dia2) : 0;
                if (g2 && !dia2) {
                    for (size_t d = 0; d < sizeof greek_digraphs / sizeof greek_digraphs[0];
                         d++) {
                        if (greek_digraphs[d].a == g && greek_digraphs[d].b == g2) {
                            sp = &greek_digraphs[d].s;
                            k++;
                            break;
                        }
                    }
                }
                if (!sp)
                    sp = &greek_0391[g - 0x391];
            }
        }
        if (!sp || sp->n == 0)
            return DS_ERR_TRANSLIT;
        set_unit(u, sp);
        r.n++;
    }
    memcpy(out, &r, sizeof r);
    return DS_OK;
}

/* ---- whole forms ---------------------------------------------------- */

/* Writes the form for the choice vector; returns false when it is too long. */
static bool render(const ds_tl_name *nm, const unsigned char *choice, char *dst)
{
    size_t k = 0;
    bool gap = false;
    for (int i = 0; i < nm->n; i++) {
        const ds_tl_unit *u = &nm->u[i];
        if (u->kind == DS_TL_SEP_HARD || u->kind == DS_TL_SEP_SOFT) {
            gap = k > 0;
            continue;
        }
        if (u->kind == DS_TL_SEP_APOS)
            continue;
        const char *a = u->alt[choice[i]];
        size_t n = strlen(a);
        if (n == 0)
            continue;
        if (gap) {
            if (k + 1 > DS_TRANSLIT_FORM_MAX)
                return false;
            dst[k++] = ' ';
            gap = false;
        }
        if (k + n > DS_TRANSLIT_FORM_MAX)
            return false;
        memcpy(dst + k, a, n);
        k += n;
    }
    dst[k] = '\0';
    return true;
}

/* Adds the form for choice unless present; returns false when it is too long. */
static bool add_form(ds_translit *t, const ds_tl_name *nm, const unsigned char *choice)
{
    char buf[DS_TRANSLIT_FORM_MAX + 1];
    if (!render(nm, choice, buf))
        return false;
    for (int i = 0; i < t->count; i++)
        if (strcmp(t->form[i], buf) == 0)
            return true;
    if (t->count == DS_TRANSLIT_MAX_FORMS) {
        t->complete = false;
        return true;
    }
    memcpy(t->form[t->count++], buf, strlen(buf) + 1);
    return true;
}

ds_error ds_translit_forms(const char *utf8, size_t len, ds_translit *out)
{
    if (!utf8 || !out)
        return DS_ERR_USAGE;
    ds_tl_name nm;
    ds_error err = ds_translit_parse(utf8, len, &nm);
    if (err)
        return err;
    ds_translit t;
    memset(&t, 0, sizeof t);
    t.complete = true;
    unsigned char choice[DS_TL_MAX_UNITS];
    /* One style throughout: every unit its k-th spelling (or its last). */
    for (int k = 0; k < DS_TL_MAX_ALTS; k++) {
        for (int i = 0; i < nm.n; i++)
            choice[i] = (unsigned char)(k < nm.u[i].nalt ? k : nm.u[i].nalt - 1);
        if (!add_form(&t, &nm, choice))
            return DS_ERR_TOO_LARGE;
    }
    /* Then every combination, odometer order, until the list is full. */
    memset(choice, 0, sizeof choice);
    for (int steps = 0;; steps++) {
        if (steps == 4096) { /* duplicates only so far: stop, say so */
            t.complete = false;
            break;
        }
        if (!add_form(&t, &nm, choice))
            return DS_ERR_TOO_LARGE;
        if (!t.complete)
            break;
        int i = nm.n - 1;
        while (i >= 0) {
            if (choice[i] + 1 < nm.u[i].nalt) {
                choice[i]++;
                break;
            }
            choice[i] = 0;
            i--;
        }
        if (i < 0)
            break;
    }
    *out = t;
    return DS_OK;
}
