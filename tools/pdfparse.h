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
/* Cross-reference data: at most 1,000,000 entries a revision, a stream's
 * rows decoded up to 16 MiB (taken from the same file budget). */
#define DS_XREF_ENTRIES_MAX 1000000u
#define DS_XREF_DATA_MAX ((size_t)16 << 20)

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
    std::vector<std::pair<int, int>> members; /* (stream, object) of the streams read, sorted */
    std::set<int> unread_ids; /* object numbers of the streams not read (those known) */
};
Objstm objstm_members(const std::string &s, size_t from, size_t to, size_t *budget);

/* The object number of an "N G obj" header at s[p], -1 when none is there. */
int object_at(const std::string &s, size_t p);

/* The in-use entries of a revision's cross-reference data: classic tables
 * ("xref", subsections of "OFFSET GEN n") and cross-reference streams
 * (/Type /XRef: /W, /Index or /Size, Flate with or without PNG
 * predictors); type 1 (f2 the offset) and 2 (f2 the object stream, f3 the
 * index in it). Sections that could not be read are counted in unread. */
struct XrefEntry {
    int num;
    int type;
    uint64_t f2, f3;
};
struct Xref {
    std::vector<XrefEntry> entries;
    int sections = 0;
    int unread = 0;
    std::set<int> streams; /* object numbers of the cross-reference streams */
};
Xref xref_sections(const std::string &s, size_t from, size_t to, size_t *budget);

/* What revision s[from, to) defines, by three readings that check each
 * other: the object headers in its bytes, its object streams' headers and
 * its cross-reference data. defined is their union (an object the xref
 * places in an object stream that could not be read counts: xref_only).
 * listed counts the xref's in-use entries, relisted those pointing into an
 * earlier revision (unchanged objects listed again), bad those pointing
 * where their object is not (an offset without its header, an object
 * stream that does not hold it), unlisted the objects its bytes define
 * that its xref (read whole) does not list. */
struct RevObjects {
    std::set<int> found, defined, unlisted_ids;
    Objstm stm;
    Xref xref;
    int listed = 0, relisted = 0, bad = 0, unlisted = 0, xref_only = 0;
};
RevObjects revision_objects(const std::string &s, size_t from, size_t to, size_t *budget);
} // namespace dspdf

extern "C" {
#endif

/* For the fuzz target: runs the revision scan and the structured-text
 * parser over data; returns the number of revisions. */
int ds_pdfparse_fuzz(const uint8_t *data, size_t size);
/* For the tests: the objects the object streams in data hold (data taken
 * as one revision); *unread the streams that could not be read. */
int ds_pdfparse_objstm(const uint8_t *data, size_t size, int *unread);
/* For the tests: data[from, size) read as one revision of data; counts
 * gets xref sections, of them unread, entries listed, relisted, bad,
 * objects unlisted, objects only the xref tells, object streams unread.
 * Returns the number of objects it defines. */
int ds_pdfparse_revision(const uint8_t *data, size_t size, size_t from, int counts[8]);

#ifdef __cplusplus
}
#endif
#endif
