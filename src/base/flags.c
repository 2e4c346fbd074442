/*
 * The flag registry: names, default severities, sources and meanings of
 * every flag code, all generated from DS_FLAG_LIST in docscreen.h. This is
 * the only list of codes in the tree; nothing here raises a flag.
 */
#include <string.h>

#include "docscreen/docscreen.h"

typedef struct flag_entry {
    const char *name;
    ds_severity severity;
    const char *source;
    const char *meaning;
} flag_entry;

static const flag_entry registry[] = {
#define DS_X_(name, sev, source, meaning) {#name, DS_SEV_##sev, source, meaning},
    DS_FLAG_LIST(DS_X_)
#undef DS_X_
};

static const flag_entry *entry(ds_flag_code code)
{
    return (unsigned)code < DS_FLAG_COUNT_ ? &registry[code] : NULL;
}

const char *ds_flag_name(ds_flag_code code)
{
    const flag_entry *e = entry(code);
    return e ? e->name : "UNKNOWN";
}

ds_severity ds_flag_severity(ds_flag_code code)
{
    const flag_entry *e = entry(code);
    return e ? e->severity : DS_SEV_INFO;
}

const char *ds_flag_source(ds_flag_code code)
{
    const flag_entry *e = entry(code);
    return e ? e->source : "";
}

const char *ds_flag_meaning(ds_flag_code code)
{
    const flag_entry *e = entry(code);
    return e ? e->meaning : "";
}

ds_error ds_flag_lookup(const char *name, ds_flag_code *out)
{
    if (!name || !out)
        return DS_ERR_USAGE;
    for (int i = 0; i < DS_FLAG_COUNT_; i++)
        if (strcmp(registry[i].name, name) == 0) {
            *out = (ds_flag_code)i;
            return DS_OK;
        }
    return DS_ERR_NO_RECORD;
}

const char *ds_severity_name(ds_severity s)
{
    switch (s) {
    case DS_SEV_HIGH:
        return "high";
    case DS_SEV_WARNING:
        return "warning";
    default:
        return "info";
    }
}

const char *ds_verdict_name(ds_verdict v)
{
    switch (v) {
    case DS_VERDICT_REVIEW:
        return "review";
    case DS_VERDICT_ERROR:
        return "error";
    default:
        return "clear";
    }
}
