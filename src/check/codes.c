/*
 * The ICAO code list as one sorted string table searched by bsearch, and the
 * specimen marks. The list must stay sorted (a unit test proves it); a code
 * is added when ISO or ICAO assigns it and is never removed, because a
 * document issued under a withdrawn code can still be presented.
 */
#include "codes.h"

#include <stdlib.h>
#include <string.h>

/* ISO 3166-1 alpha-3 (the 249 current codes) merged with ICAO 9303's own
 * codes, sorted. */
static const char codes[][4] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF",
    "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
    "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF",
    "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
    "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA",
    "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "EUE", "FIN", "FJI", "FLK", "FRA", "FRO",
    "FSM", "GAB", "GBD", "GBN", "GBO", "GBP", "GBR", "GBS", "GEO", "GGY", "GHA", "GIB", "GIN",
    "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD",
    "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR",
    "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT",
    "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF",
    "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG",
    "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM", "NCL", "NER", "NFK",
    "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
    "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "RKS",
    "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV",
    "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC",
    "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR",
    "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "UNA", "UNK", "UNO", "URY", "USA", "UTO", "UZB",
    "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "XBA", "XCC", "XCE", "XCO",
    "XDC", "XEC", "XES", "XIM", "XMP", "XOM", "XPO", "XXA", "XXB", "XXC", "XXX", "YEM", "ZAF",
    "ZMB", "ZWE",
};

int ds_icao_code_count(void) { return (int)(sizeof codes / sizeof codes[0]); }

const char *ds_icao_code_at(int i)
{
    return i >= 0 && i < ds_icao_code_count() ? codes[i] : NULL;
}

char *ds_icao_code_normalise(const char *code, char out[4])
{
    out[0] = '\0';
    if (!code)
        return NULL;
    char t[4];
    int n = 0;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (c == '<' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z' || n == 3)
            return NULL;
        t[n++] = c;
    }
    if (n == 0)
        return NULL;
    t[n] = '\0';
    if (n == 1 && t[0] == 'D')
        memcpy(t, "DEU", 4);
    memcpy(out, t, 4);
    return out;
}

static int cmp(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

bool ds_icao_code_known(const char *code)
{
    char n[4];
    if (!ds_icao_code_normalise(code, n) || strlen(n) != 3)
        return false;
    return bsearch(n, codes, sizeof codes / sizeof codes[0], sizeof codes[0], cmp) != NULL;
}

bool ds_icao_code_is_specimen(const char *code)
{
    char n[4];
    return ds_icao_code_normalise(code, n) && strcmp(n, "UTO") == 0;
}

bool ds_specimen_name(const char *name)
{
    static const char *const words[] = {"SPECIMEN", "SPECIMENS", "MUSTERMANN", "MUSTERFRAU",
                                        "MUSTERMAN", "SAMPLE",    "MODELE",     "MUESTRA",
                                        "SPECIMINE"};
    if (!name)
        return false;
    const char *p = name;
    while (*p) {
        while (*p == ' ' || *p == '<')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '<')
            p++;
        size_t n = (size_t)(p - w);
        if (n == 0)
            continue;
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            if (strlen(words[i]) != n)
                continue;
            size_t k = 0;
            while (k < n) {
                char c = w[k];
                if (c >= 'a' && c <= 'z')
                    c = (char)(c - 'a' + 'A');
                if (c != words[i][k])
                    break;
                k++;
            }
            if (k == n)
                return true;
        }
    }
    return false;
}

bool ds_specimen_document_number(const char *number)
{
    /* Doc 9303 Utopia TD3/TD1/TD2 and visa specimens; German specimen
     * passport, identity card and the older identity card. */
    static const char *const known[] = {"L898902C3", "D23145890", "L8988901C",
                                        "C01X00T47", "T22000129", "C01X0006H",
                                        "L01X00T47"};
    if (!number)
        return false;
    char t[40];
    size_t n = 0;
    for (const char *p = number; *p; p++) {
        char c = *p;
        if (c == '<' || c == ' ' || c == '-')
            continue;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (n + 1 >= sizeof t)
            return false;
        t[n++] = c;
    }
    t[n] = '\0';
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(t, known[i]) == 0)
            return true;
    return false;
}
