/*
 * pdfwire: the framing between libdocscreen and its PDF reader process
 * (tools/docscreen-pdf.cpp), shared by both sides.
 *
 * The reader writes a sequence of frames to its standard output. A frame is
 * a 4-byte ASCII tag, a 4-byte little-endian payload length, then the
 * payload. The library trusts nothing in them: every length is checked
 * against its tag's cap and the caller's limits before anything is
 * allocated, every count against what came before, and a stream that does
 * not end with an END frame is an error (docs/pdf.md has the whole
 * protocol).
 *
 *   HEAD  text, one "key\tvalue" per line: pages, revisions, producer,
 *         creator, encrypted, repaired, rev (one line per later revision:
 *         "rev\tK\tOBJECTS\tPAGE,PAGE,...", 1-based K, 0-based pages),
 *         after it "revobjstm\tK\tCOMPRESSED\tUNREAD", "revxref\tK\tSECTIONS\t
 *         UNREAD\tLISTED\tRELISTED\tBAD\tUNLISTED\tXREFONLY" and up to
 *         DS_PDFWIRE_SHARED_MAX "revshared\tK\tOBJECT\tKIND\tPAGE,PAGE,..."
 *   PAGE  DS_PDFWIRE_PAGE_HDR little-endian u32 fields, then the samples
 *   TEXT  the text layer of the page before it, text lines:
 *         "F\tname" per font, then "W\tline\tx\ty\tw\th\tfont\tsize100\ttext"
 *   IMGJ  a JPEG image drawn on the rendered page before it (after its TEXT):
 *         DS_PDFWIRE_IMG_HDR u32 fields, then the JPEG bytes as embedded
 *   FAIL  text: one of the DS_PDFWIRE_FAIL_* words, a tab, a detail without
 *         document content
 *   END   u32 count of PAGE frames sent
 */
#ifndef DS_PDFWIRE_H
#define DS_PDFWIRE_H

#define DS_PDFWIRE_TAG_HEAD "HEAD"
#define DS_PDFWIRE_TAG_PAGE "PAGE"
#define DS_PDFWIRE_TAG_TEXT "TEXT"
#define DS_PDFWIRE_TAG_IMGJ "IMGJ"
#define DS_PDFWIRE_TAG_FAIL "FAIL"
#define DS_PDFWIRE_TAG_END "END "

/* Caps on payloads other than PAGE (whose cap follows from its header). */
#define DS_PDFWIRE_HEAD_MAX (64u * 1024u)
#define DS_PDFWIRE_TEXT_MAX (8u * 1024u * 1024u)
#define DS_PDFWIRE_FAIL_MAX 512u
#define DS_PDFWIRE_WORDS_MAX 100000
#define DS_PDFWIRE_FONTS_MAX 1024
#define DS_PDFWIRE_REVS_MAX 64
#define DS_PDFWIRE_SHARED_MAX 8 /* shared objects listed per revision */
/* JPEG images placed on rendered pages: at most this many a page and a
 * file, each at most DS_PDFWIRE_IMAGE_MAX bytes. */
#define DS_PDFWIRE_PAGE_IMAGES_MAX 8
#define DS_PDFWIRE_FILE_IMAGES_MAX 64
#define DS_PDFWIRE_IMAGE_MAX (16u * 1024u * 1024u)

/* IMGJ header: this many u32 fields, in this order. */
enum {
    DS_PDFWIRE_I_PAGE = 0, /* the page it is drawn on (the last PAGE sent) */
    DS_PDFWIRE_I_X,        /* its box on the page image, pixels; W = H = 0 unknown */
    DS_PDFWIRE_I_Y,
    DS_PDFWIRE_I_W,
    DS_PDFWIRE_I_H,
    DS_PDFWIRE_I_WIDTH,    /* the image's own size, as its dictionary declares */
    DS_PDFWIRE_I_HEIGHT,
    DS_PDFWIRE_I_OBJECT,   /* its object number */
    DS_PDFWIRE_IMG_HDR
};

/* PAGE header: this many u32 fields, in this order. */
enum {
    DS_PDFWIRE_P_INDEX = 0, /* 0-based page of the file */
    DS_PDFWIRE_P_SOURCE,    /* DS_PDFWIRE_SRC_* */
    DS_PDFWIRE_P_CODEC,     /* DS_PDFWIRE_CODEC_*: what the samples are */
    DS_PDFWIRE_P_WIDTH,
    DS_PDFWIRE_P_HEIGHT,
    DS_PDFWIRE_P_DPI,       /* of the samples on the page, 0 when unknown */
    DS_PDFWIRE_P_K,         /* CCITT: the K parameter as int32 */
    DS_PDFWIRE_P_FLAGS,     /* DS_PDFWIRE_F_* */
    DS_PDFWIRE_P_EMBEDDED,  /* the embedded image's codec when rendered from one, else 0 */
    DS_PDFWIRE_PAGE_HDR
};

enum { DS_PDFWIRE_SRC_EMBEDDED = 1, DS_PDFWIRE_SRC_RENDERED = 2 };

enum {
    DS_PDFWIRE_CODEC_DCT = 1,   /* JPEG bytes as embedded */
    DS_PDFWIRE_CODEC_GRAY8,     /* width*height bytes */
    DS_PDFWIRE_CODEC_RGB8,      /* width*height*3 bytes */
    DS_PDFWIRE_CODEC_GRAY1,     /* rows of ceil(width/8) bytes, 0 = black unless F_INVERT */
    DS_PDFWIRE_CODEC_CCITT,     /* CCITT fax data as embedded (K, F_BLACKIS1) */
    DS_PDFWIRE_CODEC_CMYK8,     /* width*height*4 bytes */
    DS_PDFWIRE_CODEC_JBIG2,     /* only in P_EMBEDDED: rendered from a JBIG2 image */
    DS_PDFWIRE_CODEC_JPX,       /* only in P_EMBEDDED: rendered from a JPEG 2000 image */
    DS_PDFWIRE_CODEC_OTHER,     /* only in P_EMBEDDED: another image kind, rendered */
    DS_PDFWIRE_CODEC_COUNT_
};

enum { DS_PDFWIRE_F_BLACKIS1 = 1, DS_PDFWIRE_F_INVERT = 2 };

/* FAIL words: the reader's reason, mapped to a ds_error by the library. */
#define DS_PDFWIRE_FAIL_CORRUPT "corrupt"
#define DS_PDFWIRE_FAIL_ENCRYPTED "encrypted"
#define DS_PDFWIRE_FAIL_NO_PAGES "no_pages"
#define DS_PDFWIRE_FAIL_PAGES "too_many_pages"
#define DS_PDFWIRE_FAIL_PIXELS "pixel_limit"
#define DS_PDFWIRE_FAIL_LIMIT "structure_limit"
#define DS_PDFWIRE_FAIL_TOO_LARGE "too_large"
#define DS_PDFWIRE_FAIL_RENDER "render"
#define DS_PDFWIRE_FAIL_READER "reader"

#endif
