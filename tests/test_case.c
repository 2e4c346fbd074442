/*
 * Unit tests of the case-record parser (src/check/case.c) and the ICAO code
 * list (src/check/codes.c): a good record, every bad field, malformed and
 * hostile JSON (huge strings, wrong types, invalid UTF-8, deep nesting,
 * duplicate keys), the file loader's cap, and messages that never repeat a
 * value of the record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/case.h"
#include "check/codes.h"
#include "t.h"

static char msg[DS_CASE_MSG_MAX];

static ds_error parse(const char *json, ds_case *c)
{
    return ds_case_parse(json, strlen(json), c, msg, sizeof msg);
}

static void t_good(void)
{
    ds_case c;
    const char *j = "{\"case_id\":\"C-2025-0001\",\"surname\":\"Müller\",\"given_names\":\"Hans "
                    "Peter\",\"birth_date\":\"1974-08-12\",\"nationality\":\"D\",\"sex\":\"m\","
                    "\"document_number\":\"C01X 00T47\",\"application_date\":\"2024-02-29\","
                    "\"extra\":{\"nested\":[1,2,{\"x\":null}]},\"note\":\"anything\"}";
    T_EQ_INT(parse(j, &c), DS_OK);
    T_EQ_STR(c.case_id, "C-2025-0001");
    T_EQ_STR(c.surname, "Müller");
    T_EQ_STR(c.given_names, "Hans Peter");
    T_EQ_STR(c.birth_date, "1974-08-12");
    T_EQ_STR(c.nationality, "DEU");
    T_EQ_STR(c.sex, "M");
    T_EQ_STR(c.document_number, "C01X 00T47");
    T_EQ_STR(c.application_date, "2024-02-29");
    T_EQ_STR(msg, "");
}

static void t_minimal_and_absent(void)
{
    ds_case c;
    T_EQ_INT(parse("{\"case_id\":\"1\"}", &c), DS_OK);
    T_EQ_STR(c.case_id, "1");
    T_EQ_STR(c.surname, "");
    T_EQ_STR(c.birth_date, "");
    /* null and "" mean "not given". */
    T_EQ_INT(parse("{\"case_id\":\"1\",\"surname\":null,\"birth_date\":\"\",\"sex\":null,"
                   "\"nationality\":\"\"}",
                   &c),
             DS_OK);
    T_EQ_STR(c.surname, "");
    T_EQ_STR(c.sex, "");
    T_EQ_INT(parse("{\"case_id\":\"1\",\"nationality\":\"uto\",\"sex\":\"X\"}", &c), DS_OK);
    T_EQ_STR(c.nationality, "UTO");
    T_EQ_STR(c.sex, "X");
}

/* Each bad record fails with err and a message that names field. */
static void bad(const char *json, ds_error err, const char *field)
{
    ds_case c;
    memset(&c, 0x55, sizeof c);
    ds_error e = parse(json, &c);
    if (e != err)
        T_FAIL_("%s: %s, want %s", json, ds_error_name(e), ds_error_name(err));
    if (field && !strstr(msg, field))
        T_FAIL_("%s: message \"%s\" does not name %s", json, msg, field);
    T_EQ_STR(c.case_id, ""); /* cleared on failure */
}

static void t_case_id(void)
{
    bad("{}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":\"\"}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":null}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":17}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":[\"a\"]}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":\"a\\nb\"}", DS_ERR_CASE_FIELD, "case_id");
    bad("{\"case_id\":\"a\\u0085b\"}", DS_ERR_CASE_FIELD, "case_id"); /* C1 control */
    char j[400];
    char id[DS_CASE_ID_MAX + 2];
    memset(id, 'x', sizeof id - 1);
    id[sizeof id - 1] = '\0';
    snprintf(j, sizeof j, "{\"case_id\":\"%s\"}", id);
    bad(j, DS_ERR_CASE_FIELD, "case_id");
    id[DS_CASE_ID_MAX] = '\0';
    snprintf(j, sizeof j, "{\"case_id\":\"%s\"}", id);
    ds_case c;
    T_EQ_INT(parse(j, &c), DS_OK);
}

static void t_bad_fields(void)
{
    bad("{\"case_id\":\"1\",\"surname\":5}", DS_ERR_CASE_FIELD, "surname");
    bad("{\"case_id\":\"1\",\"surname\":true}", DS_ERR_CASE_FIELD, "surname");
    bad("{\"case_id\":\"1\",\"given_names\":{}}", DS_ERR_CASE_FIELD, "given_names");
    bad("{\"case_id\":\"1\",\"given_names\":\"A\\tB\"}", DS_ERR_CASE_FIELD, "given_names");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1974-02-30\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1900-02-29\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1974-13-01\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1974-00-10\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1974-1-10\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"12.08.1974\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":\"1974-08-12T00:00\"}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"birth_date\":19740812}", DS_ERR_CASE_FIELD, "birth_date");
    bad("{\"case_id\":\"1\",\"application_date\":\"2023-02-29\"}", DS_ERR_CASE_FIELD,
        "application_date");
    bad("{\"case_id\":\"1\",\"application_date\":\"0999-01-01\"}", DS_ERR_CASE_FIELD,
        "application_date");
    bad("{\"case_id\":\"1\",\"nationality\":\"DE\"}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"nationality\":\"GERMANY\"}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"nationality\":\"G1R\"}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"nationality\":\"F\"}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"nationality\":\"D<<\"}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"nationality\":276}", DS_ERR_CASE_FIELD, "nationality");
    bad("{\"case_id\":\"1\",\"sex\":\"male\"}", DS_ERR_CASE_FIELD, "sex");
    bad("{\"case_id\":\"1\",\"sex\":\"<\"}", DS_ERR_CASE_FIELD, "sex");
    bad("{\"case_id\":\"1\",\"sex\":\"U\"}", DS_ERR_CASE_FIELD, "sex");
    bad("{\"case_id\":\"1\",\"sex\":1}", DS_ERR_CASE_FIELD, "sex");
    bad("{\"case_id\":\"1\",\"document_number\":\"AB/123\"}", DS_ERR_CASE_FIELD,
        "document_number");
    bad("{\"case_id\":\"1\",\"document_number\":\"<< -\"}", DS_ERR_CASE_FIELD, "document_number");
    bad("{\"case_id\":\"1\",\"document_number\":\"Ä123\"}", DS_ERR_CASE_FIELD, "document_number");
    bad("{\"case_id\":\"1\",\"document_number\":123456789}", DS_ERR_CASE_FIELD,
        "document_number");
}

static void t_messages_hide_values(void)
{
    bad("{\"case_id\":\"1\",\"birth_date\":\"SECRET-VAL\"}", DS_ERR_CASE_FIELD, "birth_date");
    T_CHECK(strstr(msg, "SECRET") == NULL);
    bad("{\"case_id\":\"1\",\"surname\":\"SECRET\" garbage}", DS_ERR_JSON, "line 1");
    T_CHECK(strstr(msg, "SECRET") == NULL && strstr(msg, "garbage") == NULL);
    bad("{\"case_id\":\"1\",\"sex\":\"SECRET\"}", DS_ERR_CASE_FIELD, "sex");
    T_CHECK(strstr(msg, "SECRET") == NULL);
}

static void t_huge_strings(void)
{
    size_t n = 5000;
    char *j = malloc(n + 64);
    T_CHECK(j != NULL);
    int k = sprintf(j, "{\"case_id\":\"1\",\"surname\":\"");
    memset(j + k, 'A', n);
    strcpy(j + k + n, "\"}");
    bad(j, DS_ERR_CASE_FIELD, "surname");
    /* Exactly the cap, with two-byte characters: 128 x "ü" = 256 bytes. */
    k = sprintf(j, "{\"case_id\":\"1\",\"given_names\":\"");
    for (int i = 0; i < DS_CASE_STR_MAX / 2; i++)
        k += sprintf(j + k, "ü");
    strcpy(j + k, "\"}");
    ds_case c;
    T_EQ_INT(parse(j, &c), DS_OK);
    T_EQ_INT(strlen(c.given_names), DS_CASE_STR_MAX);
    k = sprintf(j, "{\"case_id\":\"1\",\"given_names\":\"a");
    for (int i = 0; i < DS_CASE_STR_MAX / 2; i++)
        k += sprintf(j + k, "ü");
    strcpy(j + k, "\"}");
    bad(j, DS_ERR_CASE_FIELD, "given_names");
    free(j);
    /* Over the input cap. */
    size_t big = DS_CASE_FILE_MAX + 1;
    char *b = malloc(big);
    memset(b, ' ', big);
    b[0] = '{';
    b[big - 1] = '}';
    T_EQ_INT(ds_case_parse(b, big, &c, msg, sizeof msg), DS_ERR_TOO_LARGE);
    T_EQ_INT(ds_case_parse(b, big - 1, &c, msg, sizeof msg), DS_ERR_JSON); /* no closing } */
    free(b);
}

static void t_malformed_json(void)
{
    bad("", DS_ERR_JSON, NULL);
    bad("{", DS_ERR_JSON, NULL);
    bad("{\"case_id\":\"1\",}", DS_ERR_JSON, NULL);
    bad("{\"case_id\":\"1\"} trailing", DS_ERR_JSON, NULL);
    bad("{'case_id':'1'}", DS_ERR_JSON, NULL);
    bad("[{\"case_id\":\"1\"}]", DS_ERR_JSON, "object");
    bad("\"case\"", DS_ERR_JSON, NULL);
    bad("null", DS_ERR_JSON, NULL);
    bad("{\"case_id\":\"1\",\"case_id\":\"2\"}", DS_ERR_JSON, NULL); /* duplicate key */
    bad("{\"case_id\":\"a\\u0000b\"}", DS_ERR_JSON, NULL);            /* NUL escape */
    bad("{\"case_id\":\"\\ud800\"}", DS_ERR_JSON, NULL);              /* lone surrogate */
    /* A NUL byte inside the input. */
    ds_case c;
    T_EQ_INT(ds_case_parse("{\"case_id\":\"1\"}\0junk", 20, &c, msg, sizeof msg), DS_ERR_JSON);
    T_EQ_INT(ds_case_parse(NULL, 0, &c, msg, sizeof msg), DS_ERR_USAGE);
    T_EQ_INT(ds_case_parse("{}", 2, NULL, msg, sizeof msg), DS_ERR_USAGE);
    /* No message buffer is fine. */
    T_EQ_INT(ds_case_parse("{}", 2, &c, NULL, 0), DS_ERR_CASE_FIELD);
}

static void t_non_utf8(void)
{
    bad("{\"case_id\":\"1\",\"surname\":\"M\xfcller\"}", DS_ERR_JSON, NULL); /* Latin-1 */
    bad("{\"case_id\":\"1\",\"surname\":\"\xc0\xaf\"}", DS_ERR_JSON, NULL);   /* overlong */
    bad("{\"case_id\":\"1\",\"surname\":\"\xed\xa0\x80\"}", DS_ERR_JSON, NULL);
    bad("{\"case_id\":\"1\",\"surname\":\"\xc3\"}", DS_ERR_JSON, NULL);
    bad("{\"case_id\":\"1\",\"\xff\":\"x\"}", DS_ERR_JSON, NULL);
}

static void t_deep_nesting(void)
{
    size_t depth = 100000;
    char *j = malloc(2 * depth + 64);
    int k = sprintf(j, "{\"case_id\":\"1\",\"x\":");
    memset(j + k, '[', depth);
    memset(j + k + depth, ']', depth);
    strcpy(j + k + 2 * depth, "}");
    ds_case c;
    ds_error e = ds_case_parse(j, strlen(j), &c, msg, sizeof msg);
    T_CHECK(e == DS_ERR_JSON || e == DS_ERR_TOO_LARGE);
    free(j);
    /* A modest nesting of unknown keys is ignored. */
    T_EQ_INT(parse("{\"x\":[[[[{\"y\":[1]}]]]],\"case_id\":\"1\"}", &c), DS_OK);
}

static void t_load(void)
{
    char path[] = "/tmp/ds_case_XXXXXX";
    int fd = mkstemp(path);
    T_CHECK(fd >= 0);
    const char *j = "{\"case_id\":\"F-1\",\"surname\":\"Øster\"}";
    T_EQ_INT(write(fd, j, strlen(j)), (long long)strlen(j));
    close(fd);
    ds_case c;
    T_EQ_INT(ds_case_load(path, &c, msg, sizeof msg), DS_OK);
    T_EQ_STR(c.surname, "Øster");
    /* Over 64 KiB. */
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < DS_CASE_FILE_MAX + 10; i++)
        fputc(' ', f);
    fclose(f);
    T_EQ_INT(ds_case_load(path, &c, msg, sizeof msg), DS_ERR_TOO_LARGE);
    f = fopen(path, "wb");
    fclose(f);
    T_EQ_INT(ds_case_load(path, &c, msg, sizeof msg), DS_ERR_EMPTY);
    unlink(path);
    T_EQ_INT(ds_case_load(path, &c, msg, sizeof msg), DS_ERR_IO);
    T_EQ_INT(ds_case_load("/tmp", &c, msg, sizeof msg), DS_ERR_IO);
    T_EQ_INT(ds_case_load(NULL, &c, msg, sizeof msg), DS_ERR_USAGE);
    T_CHECK(strcmp(ds_error_name(DS_ERR_CASE_FIELD), "ERR_CASE_FIELD") == 0);
}

static void t_dates(void)
{
    int y, m, d;
    T_CHECK(ds_date_parse("2000-02-29", &y, &m, &d) && y == 2000 && m == 2 && d == 29);
    T_CHECK(!ds_date_parse("2100-02-29", NULL, NULL, NULL));
    T_CHECK(ds_date_parse("2024-12-31", NULL, NULL, NULL));
    T_CHECK(!ds_date_parse("2024-04-31", NULL, NULL, NULL));
    T_CHECK(!ds_date_parse("2024-04-3", NULL, NULL, NULL));
    T_CHECK(!ds_date_parse(NULL, NULL, NULL, NULL));
    T_EQ_INT(ds_date_days(1970, 1, 1), 0);
    T_EQ_INT(ds_date_days(2000, 3, 1) - ds_date_days(2000, 2, 28), 2);
    T_EQ_INT(ds_date_days(1969, 12, 31), -1);
}

static void t_codes(void)
{
    char n[4];
    T_EQ_INT(ds_icao_code_count(), 249 + 26);
    for (int i = 1; i < ds_icao_code_count(); i++)
        T_CHECK(strcmp(ds_icao_code_at(i - 1), ds_icao_code_at(i)) < 0);
    for (int i = 0; i < ds_icao_code_count(); i++)
        T_CHECK(ds_icao_code_known(ds_icao_code_at(i)));
    T_CHECK(ds_icao_code_at(-1) == NULL && ds_icao_code_at(ds_icao_code_count()) == NULL);
    T_EQ_STR(ds_icao_code_normalise("D<<", n), "DEU");
    T_EQ_STR(ds_icao_code_normalise("D", n), "DEU");
    T_EQ_STR(ds_icao_code_normalise("deu", n), "DEU");
    T_EQ_STR(ds_icao_code_normalise("GB<", n), "GB");
    T_CHECK(ds_icao_code_normalise("<<<", n) == NULL && n[0] == '\0');
    T_CHECK(ds_icao_code_normalise("ABCD", n) == NULL);
    T_CHECK(ds_icao_code_normalise("A1B", n) == NULL);
    T_CHECK(ds_icao_code_normalise(NULL, n) == NULL);
    static const char *const known[] = {"D", "D<<", "DEU", "GBR", "GBD", "GBN", "GBO", "GBP",
                                        "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX",
                                        "EUE", "XOM", "XPO", "XCC", "XES", "XMP", "XBA", "XIM",
                                        "RKS", "UTO", "ZWE", "SSD", "BES", "CUW", "SXM", "TWN",
                                        "ABW", "ZMB"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!ds_icao_code_known(known[i]))
            T_FAIL_("%s should be known", known[i]);
    static const char *const unknown[] = {"ZIM", "GER", "UK", "EU", "XYZ", "DE", "", "AAA",
                                          "USAA", "123"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        if (ds_icao_code_known(unknown[i]))
            T_FAIL_("%s should be unknown", unknown[i]);
    T_CHECK(ds_icao_code_is_specimen("UTO"));
    T_CHECK(ds_icao_code_is_specimen("uto"));
    T_CHECK(!ds_icao_code_is_specimen("DEU"));
    T_CHECK(ds_specimen_name("ERIKA MUSTERMANN"));
    T_CHECK(ds_specimen_name("SPECIMEN"));
    T_CHECK(ds_specimen_name("specimen<<test"));
    T_CHECK(!ds_specimen_name("SPECIMENSON"));
    T_CHECK(!ds_specimen_name("ERIKSSON"));
    T_CHECK(!ds_specimen_name(NULL));
    T_CHECK(ds_specimen_document_number("L898902C3"));
    T_CHECK(ds_specimen_document_number("D23145890"));
    T_CHECK(ds_specimen_document_number("C01X0006H"));
    T_CHECK(ds_specimen_document_number("c01x 0006h<<"));
    T_CHECK(!ds_specimen_document_number("L898902C4"));
    T_CHECK(!ds_specimen_document_number(NULL));
}

/* address and related_persons (issue 15): parsed when good, each bad form
 * refused with the field (and entry) named, never its value. */
static void t_address_and_related(void)
{
    ds_case c;
    const char *j = "{\"case_id\":\"C-1\",\"surname\":\"Nowak\",\"address\":\"12 Mill Road\\n"
                    "LEEDS LS1 4AB\",\"related_persons\":[{\"surname\":\"Nowak\",\"given_names\":"
                    "\"Ewa\",\"birth_date\":\"1950-03-01\",\"relation\":\"mother\"},{\"given_names\":"
                    "\"Jan\",\"relation\":\"father\",\"note\":1}]}";
    T_EQ_INT(parse(j, &c), DS_OK);
    T_EQ_STR(c.address, "12 Mill Road\nLEEDS LS1 4AB");
    T_EQ_INT(c.nrelated, 2);
    T_EQ_STR(c.related[0].surname, "Nowak");
    T_EQ_STR(c.related[0].given_names, "Ewa");
    T_EQ_STR(c.related[0].birth_date, "1950-03-01");
    T_EQ_STR(c.related[0].relation, "mother");
    T_EQ_STR(c.related[1].surname, "");
    T_EQ_STR(c.related[1].relation, "father");
    /* Absent, null and empty lists mean none. */
    T_EQ_INT(parse("{\"case_id\":\"C-1\",\"related_persons\":[],\"address\":null}", &c), DS_OK);
    T_EQ_INT(c.nrelated, 0);
    T_EQ_STR(c.address, "");

    static const struct {
        const char *json, *names;
    } bad[] = {
        {"{\"case_id\":\"1\",\"address\":12}", "\"address\""},
        {"{\"case_id\":\"1\",\"address\":\"a\\u0001b\"}", "\"address\""},
        {"{\"case_id\":\"1\",\"related_persons\":{}}", "\"related_persons\""},
        {"{\"case_id\":\"1\",\"related_persons\":[\"SECRETNAME\"]}", "\"related_persons[0]\""},
        {"{\"case_id\":\"1\",\"related_persons\":[{\"relation\":\"mother\"}]}",
         "\"related_persons[0]\""},
        {"{\"case_id\":\"1\",\"related_persons\":[{\"surname\":\"A\"},{\"surname\":7}]}",
         "\"related_persons[1].surname\""},
        {"{\"case_id\":\"1\",\"related_persons\":[{\"surname\":\"A\",\"birth_date\":"
         "\"1990-02-30\"}]}", "\"related_persons[0].birth_date\""},
        {"{\"case_id\":\"1\",\"related_persons\":[{\"surname\":\"A\",\"relation\":\"SECRETREL\"}]}",
         "\"related_persons[0].relation\""},
        {"{\"case_id\":\"1\",\"related_persons\":[{\"surname\":\"A\",\"relation\":3}]}",
         "\"related_persons[0].relation\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&c, 0x55, sizeof c);
        T_EQ_INT(parse(bad[i].json, &c), DS_ERR_CASE_FIELD);
        if (!strstr(msg, bad[i].names))
            T_FAIL_("case %zu: message \"%s\" does not name %s", i, msg, bad[i].names);
        T_CHECK(!strstr(msg, "SECRET"));
        T_EQ_STR(c.case_id, ""); /* cleared on failure */
    }
    /* Too many entries, and an address over its cap. */
    char big[2048];
    size_t k = (size_t)snprintf(big, sizeof big, "{\"case_id\":\"1\",\"related_persons\":[");
    for (int i = 0; i <= DS_CASE_RELATED_MAX; i++)
        k += (size_t)snprintf(big + k, sizeof big - k, "%s{\"surname\":\"A\"}", i ? "," : "");
    snprintf(big + k, sizeof big - k, "]}");
    T_EQ_INT(parse(big, &c), DS_ERR_CASE_FIELD);
    T_CHECK(strstr(msg, "more than") != NULL);
    char *addr = malloc(DS_CASE_ADDRESS_MAX + 64);
    T_CHECK(addr != NULL);
    if (addr) {
        int n = snprintf(addr, DS_CASE_ADDRESS_MAX + 64, "{\"case_id\":\"1\",\"address\":\"");
        memset(addr + n, 'x', DS_CASE_ADDRESS_MAX + 1);
        snprintf(addr + n + DS_CASE_ADDRESS_MAX + 1, 8, "\"}");
        T_EQ_INT(parse(addr, &c), DS_ERR_CASE_FIELD);
        T_CHECK(strstr(msg, "\"address\"") != NULL);
        free(addr);
    }
}

int main(int argc, char **argv)
{
    static const t_case cases[] = {
        {"good", t_good},
        {"minimal_and_absent", t_minimal_and_absent},
        {"case_id", t_case_id},
        {"bad_fields", t_bad_fields},
        {"messages_hide_values", t_messages_hide_values},
        {"huge_strings", t_huge_strings},
        {"malformed_json", t_malformed_json},
        {"non_utf8", t_non_utf8},
        {"deep_nesting", t_deep_nesting},
        {"load", t_load},
        {"dates", t_dates},
        {"codes", t_codes},
        {"address_and_related", t_address_and_related},
    };
    return T_RUN(cases);
}
