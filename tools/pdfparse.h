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
} // namespace dspdf

extern "C" {
#endif

/* For the fuzz target: runs the revision scan and the structured-text
 * parser over data; returns the number of revisions. */
int ds_pdfparse_fuzz(const uint8_t *data, size_t size);

#ifdef __cplusplus
}
#endif
#endif
