/*
 * docscreen public API.
 *
 * This header is the whole contract between the screening library and the
 * programs built on it (the docscreen CLI, the daemon, tests). Everything in
 * it is versioned: error codes only ever grow, names are never reused, and a
 * struct that crosses this boundary is never reshaped in a minor version.
 * It must never expose a type of a third-party library (Leptonica, Tesseract,
 * jansson) so that callers can be built without their headers.
 */
#ifndef DOCSCREEN_H
#define DOCSCREEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DS_VERSION_MAJOR 0
#define DS_VERSION_MINOR 1
#define DS_VERSION_PATCH 0
#define DS_VERSION_STRING "0.1.0"

/*
 * The one list of error codes with their messages. New codes are appended at
 * the end; a code is never renumbered, renamed or removed. The message is a
 * sentence a user can act on and never contains document content.
 */
#define DS_ERROR_LIST(X)                                                        \
    X(OK, "success")                                                            \
    X(ERR_NOMEM, "out of memory")                                               \
    X(ERR_USAGE, "invalid arguments")                                           \
    X(ERR_IO, "the file could not be read")                                     \
    X(ERR_EMPTY, "the file is empty")                                           \
    X(ERR_TOO_LARGE, "the file is larger than the configured size limit")       \
    X(ERR_FORMAT_UNKNOWN, "the file is not a supported image (JPEG, PNG, TIFF)") \
    X(ERR_CORRUPT, "the image is corrupt or truncated and could not be decoded") \
    X(ERR_PIXEL_LIMIT, "the image has more pixels than the configured limit")   \
    X(ERR_TOO_MANY_PAGES, "the file has more pages than the configured limit")  \
    X(ERR_MODEL, "the OCR-B recognition model is missing or corrupt")           \
    X(ERR_MRZ_LENGTH, "the MRZ lines do not have a length any ICAO 9303 format allows") \
    X(ERR_MRZ_FORMAT, "the MRZ does not follow any ICAO 9303 format")           \
    X(ERR_NOT_FOUND, "no machine-readable zone was found")                      \
    X(ERR_JSON, "the JSON input is malformed")                                  \
    X(ERR_INTERNAL, "internal error")                                           \
    X(ERR_CASE_FIELD, "a field of the case record is missing, has the wrong type or an invalid value") \
    X(ERR_TRANSLIT, "the name is not valid UTF-8 or holds a character with no ICAO 9303 transliteration") \
    X(ERR_STORE, "the store could not be read or written")                   \
    X(ERR_CONFLICT, "the request conflicts with the stored state (a reused idempotency key, a duplicate name or a job not running)") \
    X(ERR_NO_RECORD, "the requested record does not exist")

typedef enum ds_error {
#define DS_X_(name, msg) DS_##name,
    DS_ERROR_LIST(DS_X_)
#undef DS_X_
    DS_ERROR_COUNT_
} ds_error;

/* Returns a static, human-readable message for err; never NULL. */
const char *ds_error_message(ds_error err);
/* Returns the stable symbolic name of err ("ERR_CORRUPT"); never NULL. */
const char *ds_error_name(ds_error err);
/* Returns the library version string, e.g. "0.1.0". */
const char *ds_version(void);

#ifdef __cplusplus
}
#endif
#endif
