/*
 * ocrb_blob: the OCR-B model file (models/ocrb-mrz.bin) embedded into the
 * library with the assembler's .incbin, between the symbols
 * ds_ocrb_model_start and ds_ocrb_model_end, and the second model
 * (DS_OCRB_MODEL2_FILE, when given) between ds_ocrb_model2_start and
 * ds_ocrb_model2_end. The build passes the file's
 * absolute path as DS_OCRB_MODEL_FILE and makes this object depend on it, so
 * a retrained model is picked up by the next build. The path must not
 * contain a double quote or a backslash. The bytes are validated by
 * ds_ocrb_create like any other model; nothing else may live here.
 */
#include <stdint.h>

#ifndef DS_OCRB_MODEL_FILE
#error "DS_OCRB_MODEL_FILE must name the model file to embed"
#endif

/* The second model (models/README.md, "Two models that must agree"):
 * optional, an empty blob without it. */
#ifdef DS_OCRB_MODEL2_FILE
#define DS_BLOB_MODEL2_ ".incbin \"" DS_OCRB_MODEL2_FILE "\"\n"
#else
#define DS_BLOB_MODEL2_ ""
#endif

#if defined(__APPLE__)
#define DS_BLOB_SECTION_ "__TEXT,__const"
#define DS_BLOB_SYM_(name) "_" name
#define DS_BLOB_HIDDEN_(name) ".private_extern _" name "\n"
#define DS_BLOB_TYPE_(name) ""
#else
#define DS_BLOB_SECTION_ ".rodata.ds_ocrb_model, \"a\""
#define DS_BLOB_SYM_(name) name
#define DS_BLOB_HIDDEN_(name) ".hidden " name "\n"
#define DS_BLOB_TYPE_(name) ".type " name ", %object\n"
#endif

__asm__(".pushsection " DS_BLOB_SECTION_ "\n"
        ".balign 16\n"
        ".globl " DS_BLOB_SYM_("ds_ocrb_model_start") "\n"
        DS_BLOB_HIDDEN_("ds_ocrb_model_start")
        DS_BLOB_TYPE_("ds_ocrb_model_start")
        DS_BLOB_SYM_("ds_ocrb_model_start") ":\n"
        ".incbin \"" DS_OCRB_MODEL_FILE "\"\n"
        ".globl " DS_BLOB_SYM_("ds_ocrb_model_end") "\n"
        DS_BLOB_HIDDEN_("ds_ocrb_model_end")
        DS_BLOB_TYPE_("ds_ocrb_model_end")
        DS_BLOB_SYM_("ds_ocrb_model_end") ":\n"
        ".globl " DS_BLOB_SYM_("ds_ocrb_model2_start") "\n"
        DS_BLOB_HIDDEN_("ds_ocrb_model2_start")
        DS_BLOB_TYPE_("ds_ocrb_model2_start")
        ".balign 16\n"
        DS_BLOB_SYM_("ds_ocrb_model2_start") ":\n"
        DS_BLOB_MODEL2_
        ".globl " DS_BLOB_SYM_("ds_ocrb_model2_end") "\n"
        DS_BLOB_HIDDEN_("ds_ocrb_model2_end")
        DS_BLOB_TYPE_("ds_ocrb_model2_end")
        DS_BLOB_SYM_("ds_ocrb_model2_end") ":\n"
        ".popsection\n");

/* Keeps the translation unit non-empty for -Wpedantic and gives the linker a
 * reason to pull this object out of the static library: ocrb.c refers to
 * the symbols above. */
extern const uint8_t ds_ocrb_model_start[];
