/*
 * Error names and messages, generated from the single list in docscreen.h.
 * This file must never grow logic: it only maps codes to static strings.
 */
#include "docscreen/docscreen.h"

static const char *const messages[] = {
#define DS_X_(name, msg) msg,
    DS_ERROR_LIST(DS_X_)
#undef DS_X_
};

static const char *const names[] = {
#define DS_X_(name, msg) #name,
    DS_ERROR_LIST(DS_X_)
#undef DS_X_
};

const char *ds_error_message(ds_error err)
{
    if ((unsigned)err >= (unsigned)DS_ERROR_COUNT_)
        return "unknown error";
    return messages[err];
}

const char *ds_error_name(ds_error err)
{
    if ((unsigned)err >= (unsigned)DS_ERROR_COUNT_)
        return "ERR_UNKNOWN";
    return names[err];
}

const char *ds_version(void) { return DS_VERSION_STRING; }
