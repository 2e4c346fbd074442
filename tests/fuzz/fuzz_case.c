/*
 * Fuzz target for the case-record parser (src/check/case.c) and what runs
 * on its output: the input is one case record as bytes. On a successful
 * parse the target checks the record's contracts (every field
 * NUL-terminated within its cap, dates real, codes and sex normalised),
 * transliterates both names, matches them against a fixed MRZ name with and
 * without truncation, and runs every rule with a fixed MRZ reading. Any
 * broken contract aborts; the sanitizers catch the rest.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/case.h"
#include "check/names.h"
#include "check/rules.h"
#include "check/translit.h"

static void bounded(const char *s, size_t cap)
{
    if (strnlen(s, cap) == cap)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ds_case c;
    char msg[DS_CASE_MSG_MAX];
    ds_error err = ds_case_parse((const char *)data, size, &c, msg, sizeof msg);
    bounded(msg, sizeof msg);
    if (err != DS_OK)
        return 0;
    bounded(c.case_id, sizeof c.case_id);
    bounded(c.surname, sizeof c.surname);
    bounded(c.given_names, sizeof c.given_names);
    bounded(c.document_number, sizeof c.document_number);
    if (!c.case_id[0])
        abort();
    if (c.birth_date[0] && !ds_date_parse(c.birth_date, NULL, NULL, NULL))
        abort();
    if (c.application_date[0] && !ds_date_parse(c.application_date, NULL, NULL, NULL))
        abort();
    if (c.sex[0] && !strchr("MFX", c.sex[0]))
        abort();
    if (c.nationality[0] && strlen(c.nationality) != 3)
        abort();

    ds_translit t;
    if (ds_translit_forms(c.surname, strlen(c.surname), &t) == DS_OK)
        for (int i = 0; i < t.count; i++)
            bounded(t.form[i], sizeof t.form[i]);
    if (ds_translit_forms(c.given_names, strlen(c.given_names), &t) == DS_OK &&
        (t.count < 1 || t.count > DS_TRANSLIT_MAX_FORMS))
        abort();

    ds_name_match r;
    for (int trunc = 0; trunc < 2; trunc++) {
        ds_names_match("ERIKSSON", "ANNA MARIA", trunc, c.surname, c.given_names, &r);
        bounded(r.reason, sizeof r.reason);
        if (r.result > DS_NAME_NOT_COMPARED)
            abort();
    }

    ds_mrz m;
    const char *lines[2] = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
    if (ds_mrz_parse(lines, 2, 2025, &m) != DS_OK)
        abort();
    ds_flags flags;
    memset(&flags, 0, sizeof flags);
    ds_check_case(&m, &c, "2025-06-01", 0, &flags);
    ds_check_case(&m, &c, NULL, 0, &flags);
    if (flags.count > DS_MAX_FLAGS)
        abort();
    for (int i = 0; i < flags.count; i++) {
        bounded(flags.item[i].expected, sizeof flags.item[i].expected);
        bounded(flags.item[i].found, sizeof flags.item[i].found);
        bounded(flags.item[i].message, sizeof flags.item[i].message);
    }
    return 0;
}
