/*
 * pdfparse: the parts of docscreen-pdf that read bytes by our own code
 * rather than qpdf's: the revision scan of the raw file and mutool's
 * structured-text output. Separate from the reader so a fuzz target
 * (tests/fuzz/fuzz_pdfparse.c) can drive them without qpdf or mutool.
 */
#ifndef DS_TOOLS_PDFPARSE_H
#define DS_TOOLS_PDFPARSE_H

#include <stddef.h>
#include <stdint.h>

/* Object-stream limits: headers of N pairs are decoded up to 4 MiB each;
 * 64 MiB per file of dictionary bytes, compressed input and decoded
 * headers together; 1,000,000 pairs a stream, 100,000 object headers
 * looked at per revision, dictionaries up to 64 KiB nested 32 deep. */
#define DS_OBJSTM_HEADER_MAX ((size_t)4 << 20)
#define DS_OBJSTM_BUDGET ((size_t)64 << 20)
#define DS_OBJSTM_OBJECTS_MAX 1000000
#define DS_OBJSTM_SCAN_MAX 100000u
#define DS_OBJSTM_DICT_MAX ((size_t)64 << 10)
#define DS_OBJSTM_NEST_MAX 32

#ifdef __cplusplus
#include <set>
#include <string>
#include <vector>

namespace dspdf {
/* Printable ASCII only (tab and controls become spaces), at most cap bytes. */
std::string clean(const std::string &s, size_t cap);
/* An attribute's value in one line of XML ("" when absent), entities decoded by unxml. */
std::string attr(const std::string &line, const char *name);
std::string unxml(const std::string &s);
/* mutool's structured text as the TEXT payload of src/decode/pdfwire.h. */
std::string stext_payload(const std::string &xml, double sx, double sy);
/* Where each revision of the file ends (after its %%EOF); one entry per
 * revision, a linearized file's first-page section not counted. */
std::vector<size_t> revision_ends(const std::string &s);
/* The object numbers defined ("N G obj") in s[from, to). */
std::set<int> objects_in(const std::string &s, size_t from, size_t to);

/* Objects stored in the object streams (PDF 1.5 /Type /ObjStm) that
 * s[from, to) defines, from each stream's header of N pairs "number
 * offset": only its first /First bytes are decoded (Flate or none; a
 * filter chain or predictor is not read), at most DS_OBJSTM_HEADER_MAX per
 * stream; the bytes read and decoded are taken from *budget (the file's),
 * so a bomb decodes no more than that. Streams that could not be read are counted in unread;
 * /Extends is not followed (a stream lists its own objects). */
struct Objstm {
    std::set<int> objects;
    int streams = 0; /* object streams found */
    int unread = 0;  /* of them, or unparsable ones, not read */
};
Objstm objstm_members(const std::string &s, size_t from, size_t to, size_t *budget);
} // namespace dspdf

extern "C" {
#endif

/* For the fuzz target: runs the revision scan and the structured-text
 * parser over data; returns the number of revisions. */
int ds_pdfparse_fuzz(const uint8_t *data, size_t size);
/* For the tests: the objects the object streams in data hold (data taken
 * as one revision); *unread the streams that could not be read. */
int ds_pdfparse_objstm(const uint8_t *data, size_t size, int *unread);

#ifdef __cplusplus
}
#endif
#endif
