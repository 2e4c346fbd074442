/*
 * docscreen-pdf: the PDF reader process of libdocscreen.
 *
 * The library spawns it for every PDF, hands it the file as its standard
 * input (a memory file) and reads frames (src/decode/pdfwire.h) from its
 * standard output. Everything that parses PDF runs here, never in the
 * library's process: the structure through qpdf (Apache-2.0), rendering and
 * the text layer through MuPDF's mutool (AGPL, so only ever as a process of
 * its own, which this one spawns with the input as its standard input).
 *
 * Before it reads a byte of input it limits itself (address space, CPU
 * time, file size, open files; the children it spawns inherit them). A
 * page whose content is one image covering it is sent as the image's
 * samples as embedded (DCT bytes untouched, CCITT data with its
 * parameters, Flate/LZW samples decoded); any other page is rendered. It
 * never writes document content to stderr (which the library discards
 * anyway).
 *
 * Usage: docscreen-pdf [--max-bytes N] [--max-pages N] [--max-pixels N]
 *        [--max-total-pixels N] [--max-objects N] [--max-stream N]
 *        [--dpi N] [--cpu-seconds N] [--mutool PATH] [--no-rlimit]
 */
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "decode/pdfwire.h"
#include "pdfparse.h"

extern char **environ;

namespace {

using dspdf::clean;
using dspdf::objects_in;
using dspdf::revision_ends;

struct Opts {
    size_t max_bytes = (size_t)64 << 20;
    long max_pages = 64;
    uint64_t max_pixels = 50000000u;
    uint64_t max_total_pixels = 200000000u;
    long max_objects = 200000;
    size_t max_stream = (size_t)256 << 20; /* decoded bytes of one stream */
    int dpi = 200;                          /* render resolution of a page */
    int cpu_seconds = 120;
    std::string mutool = "/usr/bin/mutool";
    bool rlimit = true;
};

/* A failure with its FAIL word. */
struct Fail : std::runtime_error {
    std::string word;
    Fail(const char *w, const std::string &detail) : std::runtime_error(detail), word(w) {}
};

/* ------------------------------------------------------------- output */

void put_all(const void *p, size_t n)
{
    const char *c = static_cast<const char *>(p);
    while (n > 0) {
        ssize_t k = write(1, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            _exit(3);
        c += k;
        n -= (size_t)k;
    }
}

void frame(const char *tag, const std::string &payload)
{
    unsigned char h[8];
    memcpy(h, tag, 4);
    uint32_t n = (uint32_t)payload.size();
    for (int i = 0; i < 4; i++)
        h[4 + i] = (unsigned char)(n >> (8 * i));
    put_all(h, 8);
    put_all(payload.data(), payload.size());
}

std::string u32s(const std::vector<uint32_t> &v)
{
    std::string s;
    for (uint32_t x : v)
        for (int i = 0; i < 4; i++)
            s.push_back((char)(x >> (8 * i)));
    return s;
}

/* ------------------------------------------------------ capped pipeline */

struct CapPipe : Pipeline {
    std::string buf;
    size_t cap;
    bool over = false;
    explicit CapPipe(size_t c) : Pipeline("cap", nullptr), cap(c) {}
    void write(unsigned char const *d, size_t n) override
    {
        if (over || n > cap - buf.size()) {
            over = true;
            throw std::length_error("stream over its cap");
        }
        buf.append(reinterpret_cast<const char *>(d), n);
    }
    void finish() override {}
};

/* The decoded bytes of a stream (generalized filters only), capped. */
std::string stream_bytes(QPDFObjectHandle s, size_t cap, bool *ok)
{
    CapPipe p(cap);
    bool filtered = false;
    bool good = false;
    try {
        good = s.pipeStreamData(&p, &filtered, 0, qpdf_dl_generalized, true, false);
    } catch (std::length_error &) {
        throw Fail(DS_PDFWIRE_FAIL_LIMIT, "a stream decodes to more than the stream limit");
    } catch (std::exception &) {
        good = false;
    }
    if (p.over)
        throw Fail(DS_PDFWIRE_FAIL_LIMIT, "a stream decodes to more than the stream limit");
    *ok = good;
    return p.buf;
}

/* ------------------------------------------------------------ children */

/* Runs argv with the input (fd 0) inherited, its stdout captured up to cap
 * bytes; false when it fails, is killed or writes more. */
bool run_capture(const std::vector<std::string> &args, size_t cap, std::string *out)
{
    int pfd[2];
    if (pipe2(pfd, O_CLOEXEC) != 0)
        return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char *> av;
    for (auto &a : args)
        av.push_back(const_cast<char *>(a.c_str()));
    av.push_back(nullptr);
    static char *env[] = {const_cast<char *>("PATH=/usr/bin:/bin"), nullptr};
    pid_t pid;
    int rc = posix_spawn(&pid, av[0], &fa, nullptr, av.data(), env);
    posix_spawn_file_actions_destroy(&fa);
    close(pfd[1]);
    if (rc != 0) {
        close(pfd[0]);
        return false;
    }
    bool ok = true;
    char buf[65536];
    for (;;) {
        ssize_t k = read(pfd[0], buf, sizeof buf);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        if ((size_t)k > cap - out->size()) {
            ok = false;
            kill(pid, SIGKILL);
            break;
        }
        out->append(buf, (size_t)k);
    }
    close(pfd[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    return ok && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* ------------------------------------------------------------- parsing */

struct Mat {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    Mat mul(const Mat &m) const /* this then m */
    {
        Mat r;
        r.a = a * m.a + b * m.c;
        r.b = a * m.b + b * m.d;
        r.c = c * m.a + d * m.c;
        r.d = c * m.b + d * m.d;
        r.e = e * m.a + f * m.c + m.e;
        r.f = e * m.b + f * m.d + m.f;
        return r;
    }
};

/* Content-stream callbacks that see each operator with the operands
 * before it (the first 64 kept): a subclass's on_operator() reads them from ops. */
struct OpCallbacks : QPDFObjectHandle::ParserCallbacks {
    std::vector<QPDFObjectHandle> ops;
    virtual void on_operator(const std::string &op) = 0;
    void handleObject(QPDFObjectHandle o) override
    {
        if (!o.isOperator()) {
            if (ops.size() < 64)
                ops.push_back(o);
            return;
        }
        on_operator(o.getOperatorValue());
        ops.clear();
    }
    void handleEOF() override {}
};

/* What a page's content does: images drawn with their matrices, and
 * whether it shows text or paints anything else. */
struct Scan : OpCallbacks {
    std::vector<Mat> stack;
    Mat ctm;
    int text_ops = 0, visible_text = 0, paint_ops = 0, other_do = 0, depth_over = 0;
    int render_mode = 0;
    std::map<std::string, QPDFObjectHandle> images;
    std::vector<std::pair<std::string, Mat>> drawn;
    void on_operator(const std::string &op) override
    {
        auto num = [&](size_t i) {
            return i < ops.size() && ops[i].isNumber() ? ops[i].getNumericValue() : 0.0;
        };
        if (op == "q") {
            if (stack.size() < 256)
                stack.push_back(ctm);
            else
                depth_over = 1;
        } else if (op == "Q") {
            if (!stack.empty()) {
                ctm = stack.back();
                stack.pop_back();
            }
        } else if (op == "cm" && ops.size() == 6) {
            Mat m;
            m.a = num(0), m.b = num(1), m.c = num(2), m.d = num(3), m.e = num(4), m.f = num(5);
            ctm = m.mul(ctm);
        } else if (op == "Tr" && ops.size() == 1) {
            render_mode = (int)num(0);
        } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
            text_ops++;
            if (render_mode != 3)
                visible_text++;
        } else if (op == "Do" && ops.size() == 1 && ops[0].isName()) {
            std::string n = ops[0].getName();
            if (images.count(n))
                drawn.emplace_back(n, ctm);
            else
                other_do++;
        } else if (op == "f" || op == "F" || op == "f*" || op == "S" || op == "s" ||
                   op == "B" || op == "B*" || op == "b" || op == "b*" || op == "sh" ||
                   op == "BI") {
            paint_ops++;
        }
    }
};

int name_codec(const std::string &f)
{
    if (f == "/DCTDecode")
        return DS_PDFWIRE_CODEC_DCT;
    if (f == "/CCITTFaxDecode")
        return DS_PDFWIRE_CODEC_CCITT;
    if (f == "/JBIG2Decode")
        return DS_PDFWIRE_CODEC_JBIG2;
    if (f == "/JPXDecode")
        return DS_PDFWIRE_CODEC_JPX;
    return 0;
}

/* The filter left after the generalized ones (0: raw samples; -1: more
 * than one special filter or an unknown one). */
int special_filter(QPDFObjectHandle dict, QPDFObjectHandle *parms)
{
    QPDFObjectHandle f = dict.getKey("/Filter"), dp = dict.getKey("/DecodeParms");
    std::vector<QPDFObjectHandle> fs, ps;
    if (f.isName())
        fs.push_back(f), ps.push_back(dp);
    else if (f.isArray()) {
        fs = f.getArrayAsVector();
        if (dp.isArray())
            ps = dp.getArrayAsVector();
    } else if (!f.isNull())
        return -1;
    int special = 0;
    for (size_t i = 0; i < fs.size(); i++) {
        if (!fs[i].isName())
            return -1;
        int c = name_codec(fs[i].getName());
        if (c == 0)
            continue;
        if (special != 0 || i + 1 != fs.size())
            return -1;
        special = c;
        if (parms && i < ps.size())
            *parms = ps[i];
    }
    return special;
}

/* Components of an image's colour space; 0 when it is not a plain one. */
int components(QPDFObjectHandle cs)
{
    if (cs.isName()) {
        std::string n = cs.getName();
        if (n == "/DeviceGray" || n == "/CalGray" || n == "/G")
            return 1;
        if (n == "/DeviceRGB" || n == "/CalRGB" || n == "/RGB")
            return 3;
        if (n == "/DeviceCMYK" || n == "/CMYK")
            return 4;
        return 0;
    }
    if (cs.isArray() && cs.getArrayNItems() >= 2 && cs.getArrayItem(0).isName()) {
        std::string n = cs.getArrayItem(0).getName();
        if (n == "/ICCBased" && cs.getArrayItem(1).isStream()) {
            QPDFObjectHandle N = cs.getArrayItem(1).getDict().getKey("/N");
            int k = N.isInteger() ? (int)N.getIntValue() : 0;
            return k == 1 || k == 3 || k == 4 ? k : 0;
        }
        if (n == "/CalGray")
            return 1;
        if (n == "/CalRGB")
            return 3;
    }
    return 0;
}

long int_key(QPDFObjectHandle d, const char *k, long dflt)
{
    QPDFObjectHandle v = d.isDictionary() ? d.getKey(k) : QPDFObjectHandle::newNull();
    return v.isInteger() ? (long)v.getIntValue() : dflt;
}

bool bool_key(QPDFObjectHandle d, const char *k)
{
    QPDFObjectHandle v = d.isDictionary() ? d.getKey(k) : QPDFObjectHandle::newNull();
    return v.isBool() && v.getBoolValue();
}

/* What a page's resource object is to it: "page", "content", "resources",
 * "font" or "xobject", and the resource names it is listed under. */
struct Use {
    std::string kind;
    std::set<std::string> names;
};

/* The fonts (Tf) and XObjects (Do) a content stream names. */
struct Names : OpCallbacks {
    std::set<std::string> *fonts, *dos;
    void on_operator(const std::string &op) override
    {
        if (op == "Tf" && ops.size() == 2 && ops[0].isName() && fonts->size() < 4096)
            fonts->insert(ops[0].getName());
        else if (op == "Do" && ops.size() == 1 && ops[0].isName() && dos->size() < 4096)
            dos->insert(ops[0].getName());
    }
};

/* A page's content streams: its /Contents stream, or the streams of its
 * /Contents array (anything else in it is skipped). */
std::vector<QPDFObjectHandle> content_streams(QPDFPageObjectHelper &pg)
{
    QPDFObjectHandle contents = pg.getObjectHandle().getKey("/Contents");
    std::vector<QPDFObjectHandle> cs;
    if (contents.isStream())
        cs.push_back(contents);
    else if (contents.isArray())
        for (auto &c : contents.getArrayAsVector())
            if (c.isStream())
                cs.push_back(c);
    return cs;
}

/* The fonts and XObjects page pg's content names (its streams capped
 * together at cap decoded bytes); false when it cannot be read. */
bool content_uses(QPDFPageObjectHelper &pg, size_t cap, std::set<std::string> &fonts,
                  std::set<std::string> &dos)
{
    std::vector<QPDFObjectHandle> cs = content_streams(pg);
    size_t total = 0;
    try {
        for (auto &c : cs) {
            bool ok;
            total += stream_bytes(c, cap, &ok).size();
            if (!ok || total > cap)
                return false;
        }
        Names n;
        n.fonts = &fonts;
        n.dos = &dos;
        if (!cs.empty())
            pg.parseContents(&n);
    } catch (std::exception &) {
        return false;
    }
    return true;
}

/* ------------------------------------------------------------- reader */

struct Reader {
    Opts o;
    std::string input;
    uint64_t total_pixels = 0;
    int sent = 0;

    void reserve(uint64_t w, uint64_t h)
    {
        if (w == 0 || h == 0)
            throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "an image of zero size");
        if (w > 65535 || h > 65535 || w * h > o.max_pixels)
            throw Fail(DS_PDFWIRE_FAIL_PIXELS, "a page over the pixel limit");
        if (w * h > o.max_total_pixels - total_pixels)
            throw Fail(DS_PDFWIRE_FAIL_PIXELS, "the pages together over the total pixel limit");
        total_pixels += w * h;
    }

    void send_page(int index, int source, int codec, uint32_t w, uint32_t h, int dpi, long k,
                   int flags, int embedded, const std::string &data)
    {
        std::vector<uint32_t> hdr(DS_PDFWIRE_PAGE_HDR, 0);
        hdr[DS_PDFWIRE_P_INDEX] = (uint32_t)index;
        hdr[DS_PDFWIRE_P_SOURCE] = (uint32_t)source;
        hdr[DS_PDFWIRE_P_CODEC] = (uint32_t)codec;
        hdr[DS_PDFWIRE_P_WIDTH] = w;
        hdr[DS_PDFWIRE_P_HEIGHT] = h;
        hdr[DS_PDFWIRE_P_DPI] = (uint32_t)(dpi > 0 ? dpi : 0);
        hdr[DS_PDFWIRE_P_K] = (uint32_t)(int32_t)k;
        hdr[DS_PDFWIRE_P_FLAGS] = (uint32_t)flags;
        hdr[DS_PDFWIRE_P_EMBEDDED] = (uint32_t)embedded;
        frame(DS_PDFWIRE_TAG_PAGE, u32s(hdr) + data);
        sent++;
    }

    /* Renders page index (0-based) of a w_pt x h_pt page at dpi as 8-bit
     * gray, and its text layer with the words in the rendering's pixels. */
    void render(int index, double w_pt, double h_pt, int dpi, int embedded, bool text)
    {
        double scale = dpi / 72.0;
        double pw = w_pt * scale, ph = h_pt * scale;
        if (pw * ph > (double)o.max_pixels) {
            double f = std::sqrt((double)o.max_pixels / (pw * ph));
            dpi = std::max(1, (int)std::floor(dpi * f));
            pw = w_pt * dpi / 72.0, ph = h_pt * dpi / 72.0;
        }
        /* refused before the renderer allocates anything */
        if (pw * ph > (double)(o.max_total_pixels - total_pixels))
            throw Fail(DS_PDFWIRE_FAIL_PIXELS, "the pages together over the total pixel limit");
        std::string pgm;
        std::string page = std::to_string(index + 1);
        if (!run_capture({o.mutool, "draw", "-q", "-r", std::to_string(dpi), "-c", "gray", "-F",
                          "pgm", "-o", "-", "/proc/self/fd/0", page},
                         (size_t)o.max_pixels + 64, &pgm))
            throw Fail(DS_PDFWIRE_FAIL_RENDER, "the page could not be rendered");
        unsigned w = 0, h = 0, mx = 0;
        int hl = 0;
        if (sscanf(pgm.c_str(), "P5 %u %u %u%n", &w, &h, &mx, &hl) != 3 || mx != 255 ||
            (size_t)hl + 1 > pgm.size())
            throw Fail(DS_PDFWIRE_FAIL_RENDER, "the renderer's output is malformed");
        size_t off = (size_t)hl + 1;
        reserve(w, h);
        if (pgm.size() - off != (size_t)w * h)
            throw Fail(DS_PDFWIRE_FAIL_RENDER, "the renderer's output is cut");
        send_page(index, DS_PDFWIRE_SRC_RENDERED, DS_PDFWIRE_CODEC_GRAY8, w, h, dpi, 0, 0,
                  embedded, pgm.substr(off));
        rendered_w = w, rendered_h = h;
        if (text)
            text_layer(index, w_pt > 0 ? w / w_pt : scale, h_pt > 0 ? h / h_pt : scale);
    }

    unsigned rendered_w = 0, rendered_h = 0; /* the last rendering's size */
    int images_sent = 0;

    void text_layer(int index, double sx, double sy);
    void send_images(int index, const Scan &sc, double x0, double y1, double pw, double ph);
    void page(QPDFPageObjectHelper &pg, int index);
    void run();
};

/* The text layer of page index (0-based), from mutool's structured text. */
void Reader::text_layer(int index, double sx, double sy)
{
    std::string xml;
    if (!run_capture({o.mutool, "draw", "-q", "-F", "stext", "-o", "-", "/proc/self/fd/0",
                      std::to_string(index + 1)},
                     DS_PDFWIRE_TEXT_MAX * 4, &xml))
        throw Fail(DS_PDFWIRE_FAIL_RENDER, "the text layer could not be read");
    frame(DS_PDFWIRE_TAG_TEXT, dspdf::stext_payload(xml, sx, sy));
}

/* The JPEG images (DCT XObjects) the rendered page index draws, each once,
 * as IMGJ frames with their box on the rendering (a page of x0..x0+pw,
 * y1-ph..y1 points; the box is left unknown on a rotated page): a photo or
 * a pasted scan on a born-digital page gets the image forensics from its
 * own bytes. Images under 16 pixels a side, over DS_PDFWIRE_IMAGE_MAX
 * bytes or past the per-page and per-file counts are left out. */
void Reader::send_images(int index, const Scan &sc, double x0, double y1, double pw, double ph)
{
    std::set<int> done;
    int n = 0;
    for (auto &d : sc.drawn) {
        if (n >= DS_PDFWIRE_PAGE_IMAGES_MAX || images_sent >= DS_PDFWIRE_FILE_IMAGES_MAX)
            return;
        auto it = sc.images.find(d.first);
        if (it == sc.images.end())
            continue;
        QPDFObjectHandle img = it->second;
        QPDFObjectHandle dict = img.getDict();
        long w = int_key(dict, "/Width", 0), h = int_key(dict, "/Height", 0);
        if (special_filter(dict, nullptr) != DS_PDFWIRE_CODEC_DCT || w < 16 || h < 16 ||
            w > 65535 || h > 65535 || !done.insert(img.getObjectID()).second)
            continue;
        std::string data;
        bool ok = false;
        try {
            data = stream_bytes(img, std::min<size_t>(o.max_stream, DS_PDFWIRE_IMAGE_MAX), &ok);
        } catch (Fail &) {
            continue; /* over the cap: not sent */
        }
        if (!ok || data.size() < 4 || (unsigned char)data[0] != 0xff ||
            (unsigned char)data[1] != 0xd8)
            continue;
        /* the unit square through the image's matrix, in the rendering's pixels */
        const Mat &m = d.second;
        std::vector<uint32_t> hdr(DS_PDFWIRE_IMG_HDR, 0);
        if (rendered_w > 0 && rendered_h > 0 && pw > 0 && ph > 0) {
            double sx = rendered_w / pw, sy = rendered_h / ph;
            double bx0 = 1e18, by0 = 1e18, bx1 = -1e18, by1 = -1e18;
            for (int c = 0; c < 4; c++) {
                double u = c & 1, v = c >> 1;
                double x = m.a * u + m.c * v + m.e, y = m.b * u + m.d * v + m.f;
                double px = (x - x0) * sx, py = (y1 - y) * sy;
                bx0 = std::min(bx0, px), bx1 = std::max(bx1, px);
                by0 = std::min(by0, py), by1 = std::max(by1, py);
            }
            bx0 = std::max(0.0, bx0), by0 = std::max(0.0, by0);
            bx1 = std::min((double)rendered_w, bx1), by1 = std::min((double)rendered_h, by1);
            if (std::isfinite(bx0) && std::isfinite(by0) && bx1 - bx0 >= 1 && by1 - by0 >= 1) {
                hdr[DS_PDFWIRE_I_X] = (uint32_t)std::lround(bx0);
                hdr[DS_PDFWIRE_I_Y] = (uint32_t)std::lround(by0);
                hdr[DS_PDFWIRE_I_W] = (uint32_t)std::lround(bx1 - bx0);
                hdr[DS_PDFWIRE_I_H] = (uint32_t)std::lround(by1 - by0);
            }
        }
        hdr[DS_PDFWIRE_I_PAGE] = (uint32_t)index;
        hdr[DS_PDFWIRE_I_WIDTH] = (uint32_t)w;
        hdr[DS_PDFWIRE_I_HEIGHT] = (uint32_t)h;
        hdr[DS_PDFWIRE_I_OBJECT] = (uint32_t)std::max(0, img.getObjectID());
        frame(DS_PDFWIRE_TAG_IMGJ, u32s(hdr) + data);
        n++;
        images_sent++;
    }
}

void Reader::page(QPDFPageObjectHelper &pg, int index)
{
    QPDFObjectHandle mb = pg.getAttribute("/MediaBox", false);
    double x0 = 0, y0 = 0, x1 = 612, y1 = 792;
    if (mb.isArray() && mb.getArrayNItems() == 4) {
        double v[4];
        for (int i = 0; i < 4; i++) {
            QPDFObjectHandle n = mb.getArrayItem(i);
            v[i] = n.isNumber() ? n.getNumericValue() : 0;
        }
        x0 = std::min(v[0], v[2]), x1 = std::max(v[0], v[2]);
        y0 = std::min(v[1], v[3]), y1 = std::max(v[1], v[3]);
    }
    double pw = x1 - x0, ph = y1 - y0;
    if (!(pw >= 1 && ph >= 1 && pw <= 14400 && ph <= 14400))
        throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "a page has an impossible media box");
    QPDFObjectHandle rot = pg.getAttribute("/Rotate", false);
    long rotate = rot.isInteger() ? (long)rot.getIntValue() : 0;
    if (rotate % 90 != 0)
        rotate = 0;
    rotate = ((rotate % 360) + 360) % 360;
    bool swap = rotate == 90 || rotate == 270;

    /* The content streams, each capped, before qpdf parses them. */
    std::vector<QPDFObjectHandle> cs = content_streams(pg);
    size_t total = 0;
    for (auto &c : cs) {
        bool ok;
        total += stream_bytes(c, o.max_stream, &ok).size();
        if (!ok)
            throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "a content stream could not be decoded");
        if (total > o.max_stream)
            throw Fail(DS_PDFWIRE_FAIL_LIMIT, "the page's content is over the stream limit");
    }
    Scan sc;
    for (auto &kv : pg.getImages())
        sc.images[kv.first] = kv.second;
    if (!cs.empty())
        pg.parseContents(&sc);

    int embedded = 0;
    if (sc.drawn.size() == 1 && sc.visible_text == 0 && sc.paint_ops == 0 && sc.other_do == 0) {
        const Mat &m = sc.drawn[0].second;
        QPDFObjectHandle img = sc.images[sc.drawn[0].first];
        QPDFObjectHandle d = img.getDict();
        long w = int_key(d, "/Width", 0), h = int_key(d, "/Height", 0);
        long bpc = int_key(d, "/BitsPerComponent", 8);
        QPDFObjectHandle parms = QPDFObjectHandle::newNull();
        int special = special_filter(d, &parms);
        embedded = special > 0 ? special : DS_PDFWIRE_CODEC_OTHER;
        bool upright = std::fabs(m.b) < 1e-6 && std::fabs(m.c) < 1e-6 && m.a > 0 && m.d > 0;
        double iw = m.a, ih = m.d;
        bool covers = upright && iw >= 0.9 * pw && ih >= 0.9 * ph && iw <= 1.1 * pw &&
                      ih <= 1.1 * ph;
        if (w > 0 && h > 0 && covers && rotate == 0 && !bool_key(d, "/ImageMask")) {
            int dpi = (int)std::lround(std::min(w / (iw / 72.0), h / (ih / 72.0)));
            int ncomp = components(d.getKey("/ColorSpace"));
            QPDFObjectHandle dec = d.getKey("/Decode");
            bool inverted = dec.isArray() && dec.getArrayNItems() >= 2 &&
                            dec.getArrayItem(0).isNumber() &&
                            dec.getArrayItem(0).getNumericValue() > 0.5;
            if (special == DS_PDFWIRE_CODEC_DCT) {
                reserve((uint64_t)w, (uint64_t)h);
                bool ok;
                std::string data = stream_bytes(img, o.max_stream, &ok);
                if (!ok || data.empty())
                    throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "an image stream could not be read");
                send_page(index, DS_PDFWIRE_SRC_EMBEDDED, DS_PDFWIRE_CODEC_DCT, (uint32_t)w,
                          (uint32_t)h, dpi, 0, 0, 0, data);
                if (sc.text_ops > 0) /* a searchable scan's invisible words */
                    text_layer(index, w / pw, h / ph);
                return;
            }
            if (special == DS_PDFWIRE_CODEC_CCITT && !bool_key(parms, "/EncodedByteAlign") &&
                int_key(parms, "/Columns", 1728) == w) {
                reserve((uint64_t)w, (uint64_t)h);
                bool ok;
                std::string data = stream_bytes(img, o.max_stream, &ok);
                if (!ok || data.empty())
                    throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "an image stream could not be read");
                int flags = (bool_key(parms, "/BlackIs1") ? DS_PDFWIRE_F_BLACKIS1 : 0) |
                            (inverted ? DS_PDFWIRE_F_INVERT : 0);
                send_page(index, DS_PDFWIRE_SRC_EMBEDDED, DS_PDFWIRE_CODEC_CCITT, (uint32_t)w,
                          (uint32_t)h, dpi, int_key(parms, "/K", 0), flags, 0, data);
                if (sc.text_ops > 0)
                    text_layer(index, w / pw, h / ph);
                return;
            }
            if (special == 0 && ((bpc == 8 && ncomp > 0 && dec.isNull()) ||
                                 (bpc == 1 && ncomp == 1))) {
                reserve((uint64_t)w, (uint64_t)h);
                uint64_t need = bpc == 1 ? (uint64_t)((w + 7) / 8) * h : (uint64_t)w * h * ncomp;
                bool ok;
                std::string data = stream_bytes(img, std::min<uint64_t>(need + 4096, o.max_stream), &ok);
                if (!ok || data.size() < need)
                    throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "an image stream is cut or undecodable");
                data.resize(need);
                int codec = bpc == 1 ? DS_PDFWIRE_CODEC_GRAY1
                            : ncomp == 1 ? DS_PDFWIRE_CODEC_GRAY8
                            : ncomp == 3 ? DS_PDFWIRE_CODEC_RGB8
                                         : DS_PDFWIRE_CODEC_CMYK8;
                send_page(index, DS_PDFWIRE_SRC_EMBEDDED, codec, (uint32_t)w, (uint32_t)h, dpi, 0,
                          bpc == 1 && inverted ? DS_PDFWIRE_F_INVERT : 0, 0, data);
                if (sc.text_ops > 0)
                    text_layer(index, w / pw, h / ph);
                return;
            }
            /* JBIG2, JPEG 2000, indexed colour...: rendered at its own resolution. */
            render(index, swap ? ph : pw, swap ? pw : ph, std::max(72, std::min(600, dpi)),
                   embedded, sc.text_ops > 0);
            return;
        }
        embedded = 0; /* an image on a page, not a scan of it: render */
    }
    render(index, swap ? ph : pw, swap ? pw : ph, o.dpi, embedded, true);
    if (rotate == 0)
        send_images(index, sc, x0, y1, pw, ph);
    else
        send_images(index, sc, x0, y1, 0, 0); /* no box on a turned page */
}

void Reader::run()
{
    size_t start = input.find("%PDF-");
    if (start == std::string::npos || start > 1024)
        throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "no PDF header");
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("input", input.data(), input.size());
    } catch (QPDFExc &e) {
        if (e.getErrorCode() == qpdf_e_password)
            throw Fail(DS_PDFWIRE_FAIL_ENCRYPTED, "the file needs a password");
        throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "the file's structure could not be read");
    }
    bool repaired = pdf.anyWarnings();
    if ((long)pdf.getObjectCount() > o.max_objects)
        throw Fail(DS_PDFWIRE_FAIL_LIMIT, "more objects than the object limit");
    QPDFObjectHandle pages_root = pdf.getRoot().getKey("/Pages");
    QPDFObjectHandle count = pages_root.getKey("/Count");
    if (count.isInteger() && count.getIntValue() > 100 * o.max_pages + 1000)
        throw Fail(DS_PDFWIRE_FAIL_PAGES, "more pages than the page limit");
    if (access(o.mutool.c_str(), X_OK) != 0)
        throw Fail(DS_PDFWIRE_FAIL_READER, "the renderer is not installed");
    std::vector<QPDFPageObjectHelper> pages;
    try {
        pages = QPDFPageDocumentHelper(pdf).getAllPages();
    } catch (QPDFExc &) {
        throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "the page tree is broken");
    }
    if (pages.empty())
        throw Fail(DS_PDFWIRE_FAIL_NO_PAGES, "no pages");
    if ((long)pages.size() > o.max_pages)
        throw Fail(DS_PDFWIRE_FAIL_PAGES, "more pages than the page limit");

    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    std::string producer, creator;
    if (info.isDictionary()) {
        if (info.getKey("/Producer").isString())
            producer = clean(info.getKey("/Producer").getUTF8Value(), 63);
        if (info.getKey("/Creator").isString())
            creator = clean(info.getKey("/Creator").getUTF8Value(), 63);
    }
    /* Revisions: the objects each later one defines, and the pages whose
     * dictionary, content streams or images are among them. */
    std::vector<size_t> ends = revision_ends(input);
    std::string head = "pages\t" + std::to_string(pages.size()) + "\n";
    head += "revisions\t" + std::to_string(std::max<size_t>(1, ends.size())) + "\n";
    head += "producer\t" + producer + "\ncreator\t" + creator + "\n";
    head += std::string("encrypted\t") + (pdf.isEncrypted() ? "1" : "0") + "\n";
    head += std::string("repaired\t") + (repaired ? "1" : "0") + "\n";
    /* Each page's objects, and what each is to it: a resource listed in
     * several pages' dictionaries (a font every page names) is shared. */
    std::vector<std::map<int, Use>> page_objs(pages.size());
    for (size_t i = 0; i < pages.size(); i++) {
        std::map<int, Use> &po = page_objs[i];
        auto add = [&](QPDFObjectHandle h, const char *kind, const std::string &name) {
            if (!h.isIndirect() || h.getObjectID() <= 0)
                return;
            Use &u = po[h.getObjectID()];
            if (u.kind.empty())
                u.kind = kind;
            if (!name.empty() && u.names.size() < 16)
                u.names.insert(name);
        };
        QPDFObjectHandle ph = pages[i].getObjectHandle();
        add(ph, "page", "");
        QPDFObjectHandle c = ph.getKey("/Contents");
        add(c, "content", "");
        if (c.isArray())
            for (auto &x : c.getArrayAsVector())
                add(x, "content", "");
        /* What the page draws with: its resources, fonts and forms (a
         * font or an overlay swapped in changes the page as well). */
        QPDFObjectHandle res = pages[i].getAttribute("/Resources", false);
        add(res, "resources", "");
        if (res.isDictionary())
            for (const char *kind : {"/Font", "/XObject"}) {
                QPDFObjectHandle d = res.getKey(kind);
                add(d, "resources", "");
                if (!d.isDictionary())
                    continue;
                int n = 0;
                for (auto &kv : d.ditems())
                    if (kv.second.isIndirect() && n++ < 4096)
                        add(kv.second, kind[1] == 'F' ? "font" : "xobject", kv.first);
            }
        for (auto &kv : pages[i].getImages())
            add(kv.second, "xobject", kv.first);
    }
    std::map<int, int> users; /* object -> pages that list it */
    for (auto &po : page_objs)
        for (auto &kv : po)
            users[kv.first]++;
    std::vector<int> uses_read(pages.size(), 0); /* 1 read, -1 not readable */
    std::vector<std::set<std::string>> uses_font(pages.size()), uses_do(pages.size());
    /* Whether page i draws with object id (a font it sets, a form or image
     * it paints): read from its content when first asked; a page whose
     * content cannot be read is taken to use everything it lists. */
    auto really_uses = [&](size_t i, int id) {
        const Use &u = page_objs[i].at(id);
        if (u.kind != "font" && u.kind != "xobject")
            return true;
        if (uses_read[i] == 0)
            uses_read[i] = content_uses(pages[i], o.max_stream, uses_font[i], uses_do[i]) ? 1 : -1;
        if (uses_read[i] < 0)
            return true;
        const std::set<std::string> &names = u.kind == "font" ? uses_font[i] : uses_do[i];
        for (auto &n : u.names)
            if (names.count(n))
                return true;
        return false;
    };
    size_t objstm_budget = DS_OBJSTM_BUDGET;
    for (size_t k = 1; k < ends.size() && k < DS_PDFWIRE_REVS_MAX; k++) {
        dspdf::RevObjects ro = dspdf::revision_objects(input, ends[k - 1], ends[k], &objstm_budget);
        const std::set<int> &objs = ro.defined;
        size_t compressed = 0;
        for (int id : ro.stm.objects)
            if (!ro.found.count(id))
                compressed++;
        std::set<size_t> changed;
        std::map<int, std::string> shared; /* shared objects it redefines, and their kind */
        for (size_t i = 0; i < pages.size(); i++)
            for (auto &kv : page_objs[i])
                if (objs.count(kv.first)) {
                    if (users[kv.first] == 1)
                        changed.insert(i);
                    else
                        shared[kv.first] = kv.second.kind;
                }
        /* A shared object changes the pages that draw with it: one such
         * page is that page's change; several are reported once, as a
         * shared change (not as an edit of each page's own content). */
        std::string shared_lines;
        int nshared = 0;
        for (auto &kv : shared) {
            std::vector<size_t> by;
            for (size_t i = 0; i < pages.size(); i++)
                if (page_objs[i].count(kv.first) && really_uses(i, kv.first))
                    by.push_back(i);
            if (by.size() == 1) {
                changed.insert(by[0]);
                continue;
            }
            if (nshared++ >= DS_PDFWIRE_SHARED_MAX)
                continue;
            std::string pl;
            for (size_t i : by)
                pl += (pl.empty() ? "" : ",") + std::to_string(i);
            shared_lines += "revshared\t" + std::to_string(k + 1) + "\t" + std::to_string(kv.first) +
                            "\t" + kv.second + "\t" + pl + "\n";
        }
        std::string pl;
        for (size_t i : changed)
            pl += (pl.empty() ? "" : ",") + std::to_string(i);
        head += "rev\t" + std::to_string(k + 1) + "\t" + std::to_string(objs.size()) + "\t" + pl +
                "\n";
        head += "revobjstm\t" + std::to_string(k + 1) + "\t" + std::to_string(compressed) + "\t" +
                std::to_string(ro.stm.unread) + "\n";
        head += "revxref\t" + std::to_string(k + 1) + "\t" + std::to_string(ro.xref.sections) + "\t" +
                std::to_string(ro.xref.unread) + "\t" + std::to_string(ro.listed) + "\t" +
                std::to_string(ro.relisted) + "\t" + std::to_string(ro.bad) + "\t" +
                std::to_string(ro.unlisted) + "\t" + std::to_string(ro.xref_only) + "\n";
        /* (a file of many pages and revisions could fill HEAD: the shared
         * lines are the ones left out) */
        if (head.size() + shared_lines.size() < DS_PDFWIRE_HEAD_MAX - 8192)
            head += shared_lines;
    }
    frame(DS_PDFWIRE_TAG_HEAD, head);
    /* Renderings share max_total_pixels with every other page: a long file
     * is rendered at a lower resolution (not under 72 dpi) so that all its
     * pages at their media size fit it together. */
    double area = 0;
    for (auto &pg : pages) {
        QPDFObjectHandle mb = pg.getAttribute("/MediaBox", false);
        double a = 612.0 * 792.0;
        if (mb.isArray() && mb.getArrayNItems() == 4) {
            double v[4] = {0, 0, 0, 0};
            for (int i = 0; i < 4; i++)
                if (mb.getArrayItem(i).isNumber())
                    v[i] = mb.getArrayItem(i).getNumericValue();
            a = std::fabs((v[2] - v[0]) * (v[3] - v[1]));
        }
        area += std::min(a, 14400.0 * 14400.0);
    }
    if (area > 0) {
        double fit = 72.0 * std::sqrt((double)o.max_total_pixels / area);
        if (fit < o.dpi)
            o.dpi = std::max(72, (int)std::floor(fit));
    }
    for (size_t i = 0; i < pages.size(); i++) {
        try {
            page(pages[i], (int)i);
        } catch (QPDFExc &) {
            throw Fail(DS_PDFWIRE_FAIL_CORRUPT, "a page could not be read");
        }
    }
    unsigned char n[4];
    for (int i = 0; i < 4; i++)
        n[i] = (unsigned char)((uint32_t)sent >> (8 * i));
    frame(DS_PDFWIRE_TAG_END, std::string(reinterpret_cast<char *>(n), 4));
}

void limit(int res, rlim_t v)
{
    struct rlimit r;
    r.rlim_cur = r.rlim_max = v;
    setrlimit(res, &r);
}

} // namespace

int main(int argc, char **argv)
{
    Reader rd;
    Opts &o = rd.o;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : nullptr;
        if (a == "--no-rlimit") {
            o.rlimit = false;
            continue;
        }
        if (!v) {
            fprintf(stderr, "docscreen-pdf: %s needs a value\n", a.c_str());
            return 2;
        }
        i++;
        if (a == "--max-bytes")
            o.max_bytes = strtoull(v, nullptr, 10);
        else if (a == "--max-pages")
            o.max_pages = strtol(v, nullptr, 10);
        else if (a == "--max-pixels")
            o.max_pixels = strtoull(v, nullptr, 10);
        else if (a == "--max-total-pixels")
            o.max_total_pixels = strtoull(v, nullptr, 10);
        else if (a == "--max-objects")
            o.max_objects = strtol(v, nullptr, 10);
        else if (a == "--max-stream")
            o.max_stream = strtoull(v, nullptr, 10);
        else if (a == "--dpi")
            o.dpi = std::max(36, std::min(600, atoi(v)));
        else if (a == "--cpu-seconds")
            o.cpu_seconds = std::max(1, atoi(v));
        else if (a == "--mutool")
            o.mutool = v;
        else {
            fprintf(stderr, "docscreen-pdf: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    signal(SIGPIPE, SIG_DFL);
    if (o.rlimit) {
        /* Address space: the pixels of one page several times over, the
         * input, and room for qpdf and the renderer. Sanitizer builds
         * reserve terabytes of shadow memory and cannot run under it. */
#if !defined(__SANITIZE_ADDRESS__)
        limit(RLIMIT_AS, (rlim_t)(1024ull << 20) + (rlim_t)o.max_bytes * 4 +
                             (rlim_t)o.max_pixels * 8);
#endif
        limit(RLIMIT_CPU, (rlim_t)o.cpu_seconds);
        limit(RLIMIT_FSIZE, 0);
        limit(RLIMIT_NOFILE, 64);
        limit(RLIMIT_CORE, 0);
    }
    /* The input is a regular file at fd 0 (the renderer reopens it). */
    char buf[65536];
    for (;;) {
        ssize_t k = read(0, buf, sizeof buf);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            frame(DS_PDFWIRE_TAG_FAIL, std::string(DS_PDFWIRE_FAIL_CORRUPT) + "\tinput unreadable");
            return 1;
        }
        if (k == 0)
            break;
        if ((size_t)k > o.max_bytes - rd.input.size()) {
            frame(DS_PDFWIRE_TAG_FAIL, std::string(DS_PDFWIRE_FAIL_TOO_LARGE) + "\tinput too large");
            return 1;
        }
        rd.input.append(buf, (size_t)k);
    }
    try {
        rd.run();
    } catch (Fail &f) {
        frame(DS_PDFWIRE_TAG_FAIL, f.word + "\t" + f.what());
        return 1;
    } catch (std::bad_alloc &) {
        frame(DS_PDFWIRE_TAG_FAIL, std::string(DS_PDFWIRE_FAIL_LIMIT) + "\tout of memory");
        return 1;
    } catch (std::exception &) {
        frame(DS_PDFWIRE_TAG_FAIL, std::string(DS_PDFWIRE_FAIL_CORRUPT) + "\tunreadable structure");
        return 1;
    }
    return 0;
}
