/*
 * pdfparse: docscreen-pdf's own parsing of untrusted bytes (pdfparse.h).
 * Every search is bounded by the input; nothing is allocated from a number
 * read from it; output sizes are capped by the pdfwire limits.
 */
#include "pdfparse.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include <zlib.h>

#include "decode/pdfwire.h"

namespace dspdf {

/* Printable ASCII only, at most cap bytes: metadata strings. */
std::string clean(const std::string &s, size_t cap)
{
    std::string o;
    for (unsigned char c : s) {
        if (o.size() >= cap)
            break;
        o.push_back(c >= 0x20 && c < 0x7f && c != '\t' ? (char)c : ' ');
    }
    return o;
}

/* Decodes the XML entities mutool writes in an attribute. */
std::string unxml(const std::string &s)
{
    std::string o;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] != '&') {
            o.push_back(s[i]);
            continue;
        }
        size_t e = s.find(';', i);
        if (e == std::string::npos)
            break;
        std::string ent = s.substr(i + 1, e - i - 1);
        unsigned long cp = 0;
        if (ent == "amp")
            cp = '&';
        else if (ent == "lt")
            cp = '<';
        else if (ent == "gt")
            cp = '>';
        else if (ent == "quot")
            cp = '"';
        else if (ent == "apos")
            cp = '\'';
        else if (ent.size() > 2 && ent[0] == '#' && ent[1] == 'x')
            cp = strtoul(ent.c_str() + 2, nullptr, 16);
        else if (ent.size() > 1 && ent[0] == '#')
            cp = strtoul(ent.c_str() + 1, nullptr, 10);
        i = e;
        if (cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
            cp = ' ';
        if (cp < 0x80)
            o.push_back((char)cp);
        else if (cp < 0x800) {
            o.push_back((char)(0xc0 | (cp >> 6)));
            o.push_back((char)(0x80 | (cp & 0x3f)));
        } else if (cp < 0x10000) {
            o.push_back((char)(0xe0 | (cp >> 12)));
            o.push_back((char)(0x80 | ((cp >> 6) & 0x3f)));
            o.push_back((char)(0x80 | (cp & 0x3f)));
        } else {
            o.push_back((char)(0xf0 | (cp >> 18)));
            o.push_back((char)(0x80 | ((cp >> 12) & 0x3f)));
            o.push_back((char)(0x80 | ((cp >> 6) & 0x3f)));
            o.push_back((char)(0x80 | (cp & 0x3f)));
        }
    }
    return o;
}

std::string attr(const std::string &line, const char *name)
{
    std::string key = std::string(" ") + name + "=\"";
    size_t p = line.find(key);
    if (p == std::string::npos)
        return "";
    p += key.size();
    size_t e = line.find('"', p);
    return e == std::string::npos ? "" : line.substr(p, e - p);
}

/* The words of mutool's structured text (-F stext) as a TEXT payload:
 * characters split into words at spaces and at a change of font, each with
 * its box, line, font and size; coordinates scaled from points by sx, sy
 * to the rendering's pixels and kept within +-1e6 points. */
std::string stext_payload(const std::string &xml, double sx, double sy)
{
    std::vector<std::string> fonts;
    std::map<std::string, int> font_ix;
    std::string out;
    int line_no = -1, font = -1, nwords = 0;
    double size = 0;
    struct W {
        std::string t;
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        int font = -1;
        double size = 0;
    } w;
    auto flush = [&]() {
        if (!w.t.empty() && nwords < DS_PDFWIRE_WORDS_MAX && out.size() < DS_PDFWIRE_TEXT_MAX / 2) {
            char b[160];
            snprintf(b, sizeof b, "W\t%d\t%ld\t%ld\t%ld\t%ld\t%d\t%ld\t", line_no,
                     std::lround(w.x0 * sx), std::lround(w.y0 * sy),
                     std::max(1L, std::lround((w.x1 - w.x0) * sx)),
                     std::max(1L, std::lround((w.y1 - w.y0) * sy)), w.font,
                     std::lround(w.size * 100));
            out += b;
            out += w.t.substr(0, 256);
            out += "\n";
            nwords++;
        }
        w = W();
    };
    size_t pos = 0;
    while (pos < xml.size()) {
        size_t e = xml.find('\n', pos);
        if (e == std::string::npos)
            e = xml.size();
        std::string ln = xml.substr(pos, e - pos);
        pos = e + 1;
        if (ln.compare(0, 6, "<line ") == 0) {
            flush();
            line_no++;
        } else if (ln.compare(0, 6, "<font ") == 0) {
            flush();
            std::string n = clean(unxml(attr(ln, "name")), 63);
            if (!font_ix.count(n) && (int)fonts.size() < DS_PDFWIRE_FONTS_MAX) {
                font_ix[n] = (int)fonts.size();
                fonts.push_back(n);
            }
            font = font_ix.count(n) ? font_ix[n] : -1;
            size = atof(attr(ln, "size").c_str());
            size = std::isfinite(size) ? std::max(0.0, std::min(10000.0, size)) : 0.0;
        } else if (ln.compare(0, 6, "<char ") == 0) {
            std::string c = unxml(attr(ln, "c"));
            for (char &ch : c)
                if (ch == '\t' || ch == '\n' || ch == '\r')
                    ch = ' ';
            double q[8] = {0};
            if (sscanf(attr(ln, "quad").c_str(), "%lf %lf %lf %lf %lf %lf %lf %lf", &q[0], &q[1],
                       &q[2], &q[3], &q[4], &q[5], &q[6], &q[7]) != 8)
                continue;
            if (c.empty() || c == " ") {
                flush();
                continue;
            }
            for (double &v : q)
                v = std::isfinite(v) ? std::max(-1e6, std::min(1e6, v)) : 0.0;
            for (int i = 0; i < 8; i += 2) {
                w.x0 = std::min(w.x0, q[i]), w.x1 = std::max(w.x1, q[i]);
                w.y0 = std::min(w.y0, q[i + 1]), w.y1 = std::max(w.y1, q[i + 1]);
            }
            w.t += c;
            w.font = font;
            w.size = size;
        } else if (ln.compare(0, 7, "</line>") == 0) {
            flush();
        }
    }
    flush();
    std::string payload;
    for (auto &f : fonts)
        payload += "F\t" + f + "\n";
    payload += out;
    return payload;
}

/* ---------------------------------------------------------- revisions */

static bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0; }

/* The byte ranges of the file's revisions: each ends after a %%EOF that
 * follows a startxref. A linearized file's first-page section is not a
 * revision of its own. */
std::vector<size_t> revision_ends(const std::string &s)
{
    std::vector<size_t> ends;
    size_t p = 0;
    while ((p = s.find("startxref", p)) != std::string::npos) {
        size_t e = s.find("%%EOF", p);
        if (e == std::string::npos)
            break;
        ends.push_back(e + 5);
        p = e + 5;
    }
    bool linearized = s.find("/Linearized", 0) != std::string::npos &&
                      s.find("/Linearized") < 1024;
    if (linearized && ends.size() >= 2)
        ends.erase(ends.begin());
    /* Trailing %%EOF markers with nothing between them are one revision; a
     * section with objects or an xref table is one (a cross-reference
     * stream update has no "xref" keyword, only objects). */
    std::vector<size_t> out;
    size_t last = 0;
    for (size_t e : ends) {
        bool empty = true;
        for (size_t i = last; i < e && empty; i++)
            if (s.compare(i, 9, "startxref") == 0)
                break;
            else if (s.compare(i, 3, "obj") == 0 || s.compare(i, 4, "xref") == 0)
                empty = false;
        if (!empty || out.empty())
            out.push_back(e);
        else
            out.back() = e;
        last = e;
    }
    return out;
}

/* Object numbers defined ("N G obj") in s[from, to); with heads, also
 * where each header's "obj" keyword ends. */
static std::set<int> object_heads(const std::string &s, size_t from, size_t to,
                                  std::vector<std::pair<int, size_t>> *heads)
{
    std::set<int> objs;
    size_t p = from;
    while ((p = s.find("obj", p)) != std::string::npos && p < to) {
        size_t q = p;
        p += 3;
        if (p < s.size() && !is_ws(s[p]) && s[p] != '<' && s[p] != '[')
            continue;
        while (q > from && is_ws(s[q - 1]))
            q--;
        size_t g = q;
        while (g > from && isdigit((unsigned char)s[g - 1]))
            g--;
        if (g == q)
            continue;
        size_t n1 = g;
        while (n1 > from && is_ws(s[n1 - 1]))
            n1--;
        size_t n0 = n1;
        while (n0 > from && isdigit((unsigned char)s[n0 - 1]))
            n0--;
        if (n0 == n1 || n1 - n0 > 9)
            continue;
        int num = atoi(s.substr(n0, n1 - n0).c_str());
        objs.insert(num);
        if (heads && heads->size() < DS_OBJSTM_SCAN_MAX)
            heads->push_back({num, p});
        if (objs.size() > 1000000)
            break;
    }
    return objs;
}

std::set<int> objects_in(const std::string &s, size_t from, size_t to)
{
    return object_heads(s, from, to, nullptr);
}

/* ------------------------------------------------------ object streams */

/* The top-level entries of the dictionary that starts at s[p] ("<<"), up to
 * its closing ">>" within s[p, to) and DS_OBJSTM_DICT_MAX bytes: each key
 * with its value's first token (a nested dictionary or array as "<<" or
 * "["). Strings, hex strings and comments are skipped; nesting deeper than
 * DS_OBJSTM_NEST_MAX, an unclosed dictionary or too many entries: false. */
static bool dict_entries(const std::string &s, size_t p, size_t to,
                         std::map<std::string, std::string> &out, size_t *end,
                         std::map<std::string, size_t> *at = nullptr)
{
    size_t lim = std::min(to, p + DS_OBJSTM_DICT_MAX);
    *end = lim; /* where the scan stopped, unless the dictionary closes */
    if (p + 1 >= lim || s[p] != '<' || s[p + 1] != '<')
        return false;
    int depth = 0;
    std::string key;
    bool want_value = false;
    size_t i = p;
    while (i < lim) {
        char c = s[i];
        if (is_ws(c)) {
            i++;
        } else if (c == '%') {
            while (i < lim && s[i] != '\n' && s[i] != '\r')
                i++;
        } else if (c == '<' && i + 1 < lim && s[i + 1] == '<') {
            if (depth == 1 && want_value) {
                out[key] = "<<", want_value = false;
                if (at)
                    (*at)[key] = i;
            }
            if (++depth > DS_OBJSTM_NEST_MAX)
                return false;
            i += 2;
        } else if (c == '>' && i + 1 < lim && s[i + 1] == '>') {
            i += 2;
            if (--depth == 0) {
                *end = i;
                return true;
            }
        } else if (c == '[' || c == ']') {
            if (depth == 1 && want_value && c == '[') {
                out[key] = "[", want_value = false;
                if (at)
                    (*at)[key] = i;
            }
            depth += c == '[' ? 1 : -1;
            if (depth > DS_OBJSTM_NEST_MAX || depth < 1)
                return false;
            i++;
        } else if (c == '(') {
            int par = 0;
            for (; i < lim; i++) {
                if (s[i] == '\\') {
                    i++;
                    continue;
                }
                par += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
                if (par == 0)
                    break;
            }
            if (depth == 1 && want_value)
                out[key] = "(", want_value = false;
            i++;
        } else if (c == '<') {
            while (i < lim && s[i] != '>')
                i++;
            if (depth == 1 && want_value)
                out[key] = "<", want_value = false;
            i++;
        } else {
            size_t b = i++;
            while (i < lim && !is_ws(s[i]) && !strchr("/<>[]()%", s[i]))
                i++;
            std::string tok = s.substr(b, i - b);
            if (depth != 1)
                continue;
            if (want_value) {
                /* "N G R": a reference's first token is enough here. */
                out[key] = tok;
                want_value = false;
            } else if (tok[0] == '/') {
                key = tok;
                want_value = true;
                if (out.size() >= 256)
                    return false;
            }
        }
    }
    return false;
}

/* The start of a stream's data after its dictionary ends at s[p]: "stream"
 * and its end of line, or npos. */
static size_t stream_data(const std::string &s, size_t p, size_t to)
{
    while (p < to && is_ws(s[p]))
        p++;
    if (p + 6 > to || s.compare(p, 6, "stream") != 0)
        return std::string::npos;
    p += 6;
    if (p < to && s[p] == '\r')
        p++;
    if (p < to && s[p] == '\n')
        p++;
    return p;
}

/* Inflates at most want bytes from s[p, to) (a zlib stream): the output
 * can never exceed want, whatever the input claims (a bomb stops there). */
static bool inflate_prefix(const std::string &s, size_t p, size_t to, size_t want, std::string &out,
                           size_t *used)
{
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return false;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(s.data() + p));
    /* A header of want bytes is never stored in much more than want bytes
     * (deflate's worst case is a few bytes per 16 KiB): reading no further
     * keeps empty blocks from making each stream cost the whole file. */
    z.avail_in = (uInt)std::min<size_t>(to - p, want + want / 4 + 4096);
    *used = z.avail_in;
    /* The output grows as it comes (a stream that claims much and holds
     * little costs what it holds), never past want. */
    size_t got = 0;
    int rc = Z_OK;
    out.clear();
    while (got < want && rc == Z_OK) {
        out.resize(std::min(want, std::max<size_t>(2 * got, 65536)));
        z.next_out = reinterpret_cast<Bytef *>(&out[got]);
        z.avail_out = (uInt)(out.size() - got);
        while (z.avail_out > 0 && rc == Z_OK)
            rc = inflate(&z, Z_NO_FLUSH);
        got = out.size() - z.avail_out;
    }
    inflateEnd(&z);
    out.resize(got);
    return got == want || rc == Z_STREAM_END;
}

Objstm objstm_members(const std::string &s, size_t from, size_t to, size_t *budget)
{
    Objstm r;
    std::vector<std::pair<int, size_t>> heads;
    object_heads(s, from, to, &heads);
    bool truncated = heads.size() >= DS_OBJSTM_SCAN_MAX;
    /* Each "/ObjStm" in the range belongs to the object whose header comes
     * last before it; that object's dictionary is read once. Every byte
     * read beyond the linear searches (dictionaries, compressed and
     * decoded headers) is taken from *budget: when it runs out, the rest
     * is counted as one unread stream. */
    size_t done = std::string::npos;
    for (size_t t = s.find("/ObjStm", from); t != std::string::npos && t < to;
         t = s.find("/ObjStm", t + 7)) {
        auto it = std::upper_bound(heads.begin(), heads.end(), t,
                                   [](size_t v, const std::pair<int, size_t> &h) { return v < h.second; });
        if (it == heads.begin())
            continue; /* before any object */
        --it;
        if (truncated && it + 1 == heads.end()) {
            r.unread++; /* past the object headers looked at */
            break;
        }
        size_t p = it->second;
        if (p == done)
            continue;
        done = p;
        while (p < to && is_ws(s[p]))
            p++;
        if (t - p >= DS_OBJSTM_DICT_MAX)
            continue; /* too far from its object to be in its dictionary */
        std::map<std::string, std::string> d;
        size_t dend = 0;
        bool ok = p < to && s[p] == '<' && dict_entries(s, p, to, d, &dend);
        size_t cost = (ok ? dend : std::max(dend, p)) - p;
        if (cost > *budget) {
            r.unread++;
            *budget = 0;
            break;
        }
        *budget -= cost;
        if (!ok) {
            r.unread++; /* an object stream's dictionary we cannot read */
            r.unread_ids.insert(it->first);
            continue;
        }
        auto type = d.find("/Type");
        if (type == d.end() || type->second != "/ObjStm")
            continue;
        r.streams++;
        int stm = it->first;
        /* counted unread below unless its header is read whole */
        r.unread_ids.insert(stm);
        auto val = [&](const char *k) -> long {
            auto e = d.find(k);
            if (e == d.end() || e->second.empty() || e->second.size() > 10)
                return -1;
            for (char c : e->second)
                if (!isdigit((unsigned char)c))
                    return -1;
            return atol(e->second.c_str());
        };
        long n = val("/N"), first = val("/First");
        auto filter = d.find("/Filter");
        bool flate = filter != d.end() && filter->second == "/FlateDecode";
        bool plain = filter == d.end();
        size_t data = stream_data(s, dend, to);
        /* A filter chain, predictors, an unknown filter, a header bigger
         * than the cap or the file's budget: counted, not read. */
        if (n < 0 || first < 0 || n > DS_OBJSTM_OBJECTS_MAX || (size_t)first > DS_OBJSTM_HEADER_MAX ||
            (!flate && !plain) || d.count("/DecodeParms") || data == std::string::npos ||
            (size_t)first > *budget) {
            r.unread++;
            continue;
        }
        *budget -= (size_t)first;
        std::string hdr;
        size_t used = 0;
        if (plain) {
            if (to - data < (size_t)first) {
                r.unread++;
                continue;
            }
            hdr = s.substr(data, (size_t)first);
        } else {
            bool read = inflate_prefix(s, data, to, (size_t)first, hdr, &used);
            *budget -= std::min(*budget, used);
            if (!read) {
                r.unread++;
                continue;
            }
        }
        /* N pairs "object-number offset"; stops at the first non-number. */
        size_t q = 0;
        long got = 0;
        for (; got < n; got++) {
            long v[2];
            bool num = true;
            for (int k = 0; k < 2 && num; k++) {
                while (q < hdr.size() && is_ws(hdr[q]))
                    q++;
                size_t b = q;
                while (q < hdr.size() && isdigit((unsigned char)hdr[q]) && q - b < 10)
                    q++;
                num = q > b && q - b < 10;
                v[k] = num ? atol(hdr.substr(b, q - b).c_str()) : 0;
            }
            if (!num)
                break;
            r.objects.insert((int)v[0]);
            r.members.push_back({stm, (int)v[0]});
            if (r.objects.size() > 1000000)
                return r;
        }
        if (got < n)
            r.unread++;
        else
            r.unread_ids.erase(stm);
    }
    std::sort(r.members.begin(), r.members.end());
    return r;
}

/* ------------------------------------------------- cross-reference data */

/* The object number of an "N G obj" header at s[p] (after at most 4 bytes
 * of white space), -1 when there is none. */
int object_at(const std::string &s, size_t p)
{
    for (int k = 0; k < 4 && p < s.size() && is_ws(s[p]); k++)
        p++;
    long v[2];
    for (int k = 0; k < 2; k++) {
        size_t b = p;
        while (p < s.size() && isdigit((unsigned char)s[p]) && p - b < 10)
            p++;
        if (p == b || p - b >= 10 || p >= s.size() || !is_ws(s[p]))
            return -1;
        v[k] = atol(s.substr(b, p - b).c_str());
        while (p < s.size() && is_ws(s[p]))
            p++;
    }
    if (s.compare(p, 3, "obj") != 0 || v[0] > 0x7fffffffL)
        return -1;
    return (int)v[0];
}

/* The integers of the array that starts at s[p] ("["), at most max of
 * them, within s[p, to); false when it is not such an array. */
static bool int_array(const std::string &s, size_t p, size_t to, size_t max, std::vector<long> &out)
{
    if (p >= to || s[p] != '[')
        return false;
    p++;
    while (p < to) {
        while (p < to && is_ws(s[p]))
            p++;
        if (p < to && s[p] == ']')
            return true;
        size_t b = p;
        while (p < to && isdigit((unsigned char)s[p]) && p - b < 12)
            p++;
        if (p == b || p - b >= 12 || out.size() >= max)
            return false;
        out.push_back(atol(s.substr(b, p - b).c_str()));
    }
    return false;
}

/* A value of d that is a plain non-negative integer, else dflt (-1 when
 * present but not one). */
static long dict_int(const std::map<std::string, std::string> &d, const char *k, long dflt)
{
    auto e = d.find(k);
    if (e == d.end())
        return dflt;
    if (e->second.empty() || e->second.size() > 10)
        return -1;
    for (char c : e->second)
        if (!isdigit((unsigned char)c))
            return -1;
    return atol(e->second.c_str());
}

/* Undoes the PNG predictors (10-15: a filter byte before each row) of
 * rows of cols bytes, one byte a sample, in place into out; false on an
 * unknown row filter or a cut row. */
static bool png_unpredict(const std::string &in, size_t cols, std::string &out)
{
    size_t row = cols + 1, n = in.size() / row;
    if (in.size() % row != 0)
        return false;
    out.assign(n * cols, '\0');
    std::vector<unsigned char> prev(cols, 0);
    for (size_t r = 0; r < n; r++) {
        unsigned t = (unsigned char)in[r * row];
        const unsigned char *src = reinterpret_cast<const unsigned char *>(in.data()) + r * row + 1;
        unsigned char *dst = reinterpret_cast<unsigned char *>(&out[r * cols]);
        for (size_t i = 0; i < cols; i++) {
            unsigned a = i ? dst[i - 1] : 0, b = prev[i], c = i ? prev[i - 1] : 0, v = src[i];
            switch (t) {
            case 0: break;
            case 1: v += a; break;
            case 2: v += b; break;
            case 3: v += (a + b) / 2; break;
            case 4: {
                int p = (int)a + (int)b - (int)c, pa = abs(p - (int)a), pb = abs(p - (int)b),
                    pc = abs(p - (int)c);
                v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                break;
            }
            default: return false;
            }
            dst[i] = (unsigned char)v;
        }
        memcpy(prev.data(), dst, cols);
    }
    return true;
}

/* One cross-reference stream whose dictionary starts at s[p]: its in-use
 * entries appended to x. False when it cannot be read (the caller counts
 * it): a filter other than Flate, a predictor other than PNG's, /W fields
 * over 8 bytes, more than DS_XREF_ENTRIES_MAX rows, decoded data over
 * DS_XREF_DATA_MAX or the budget, a cut stream. */
static bool xref_stream(const std::string &s, size_t p, size_t to, size_t *budget, Xref &x)
{
    std::map<std::string, std::string> d;
    std::map<std::string, size_t> at;
    size_t dend = 0;
    if (!dict_entries(s, p, to, d, &dend, &at))
        return false;
    size_t cost = dend - p;
    if (cost > *budget)
        return false;
    *budget -= cost;
    std::vector<long> w, index;
    if (!at.count("/W") || !int_array(s, at["/W"], dend, 3, w) || w.size() != 3)
        return false;
    long size = dict_int(d, "/Size", -1);
    if (at.count("/Index")) {
        if (!int_array(s, at["/Index"], dend, 2 * 4096, index) || index.size() % 2 != 0)
            return false;
    } else if (size >= 0) {
        index = {0, size};
    } else {
        return false;
    }
    size_t cols = 0;
    for (long v : w) {
        if (v < 0 || v > 8)
            return false;
        cols += (size_t)v;
    }
    uint64_t rows = 0;
    for (size_t i = 1; i < index.size(); i += 2)
        rows += (uint64_t)index[i];
    if (cols == 0 || rows > DS_XREF_ENTRIES_MAX - std::min<size_t>(x.entries.size(), DS_XREF_ENTRIES_MAX))
        return false; /* over the revision's entries */
    /* the filter and its parameters */
    auto f = d.find("/Filter");
    bool flate = f != d.end() && f->second == "/FlateDecode";
    if (f != d.end() && !flate)
        return false;
    long predictor = 1;
    if (at.count("/DecodeParms")) {
        std::map<std::string, std::string> dp;
        size_t pend = 0;
        if (!dict_entries(s, at["/DecodeParms"], dend, dp, &pend))
            return false;
        predictor = dict_int(dp, "/Predictor", 1);
        long colors = dict_int(dp, "/Colors", 1), bpc = dict_int(dp, "/BitsPerComponent", 8);
        long columns = dict_int(dp, "/Columns", 1);
        if (!(predictor == 1 || (predictor >= 10 && predictor <= 15)) || colors != 1 || bpc != 8 ||
            (predictor != 1 && columns != (long)cols))
            return false;
    } else if (d.count("/DecodeParms")) {
        return false; /* an array of parameters, or a reference */
    }
    size_t want = (size_t)rows * (cols + (predictor >= 10 ? 1 : 0));
    if (want > DS_XREF_DATA_MAX || want > *budget)
        return false;
    size_t data = stream_data(s, dend, to);
    if (data == std::string::npos)
        return false;
    std::string raw;
    if (flate) {
        size_t used = 0;
        bool read = inflate_prefix(s, data, to, want, raw, &used);
        *budget -= std::min(*budget, used + want);
        if (!read || raw.size() != want)
            return false;
    } else {
        if (to - data < want)
            return false;
        raw = s.substr(data, want);
        *budget -= want;
    }
    std::string rowsd;
    if (predictor >= 10) {
        if (!png_unpredict(raw, cols, rowsd))
            return false;
    } else {
        rowsd.swap(raw);
    }
    size_t r = 0;
    for (size_t i = 0; i + 1 < index.size(); i += 2)
        for (long k = 0; k < index[i + 1]; k++, r++) {
            const unsigned char *q = reinterpret_cast<const unsigned char *>(rowsd.data()) + r * cols;
            uint64_t v[3] = {1, 0, 0}; /* a type field of width 0 is type 1 */
            for (int j = 0; j < 3; j++) {
                if (w[j] == 0)
                    continue;
                v[j] = 0;
                for (long b = 0; b < w[j]; b++)
                    v[j] = v[j] << 8 | *q++;
            }
            long num = index[i] + k;
            if ((v[0] == 1 || v[0] == 2) && num > 0 && num <= 0x7fffffffL)
                x.entries.push_back({(int)num, (int)v[0], v[1], v[2]});
        }
    return true;
}

/* A classic cross-reference table whose "xref" keyword ends at s[p]:
 * subsections "START COUNT" of entries "OFFSET GEN n|f"; up to "trailer". */
static bool xref_table(const std::string &s, size_t p, size_t to, Xref &x)
{
    auto token = [&](std::string &t) {
        while (p < to && is_ws(s[p]))
            p++;
        size_t b = p;
        while (p < to && !is_ws(s[p]) && p - b < 16)
            p++;
        t = s.substr(b, p - b);
        return !t.empty();
    };
    auto number = [](const std::string &t, long *v) {
        if (t.empty() || t.size() > 10)
            return false;
        for (char c : t)
            if (!isdigit((unsigned char)c))
                return false;
        *v = atol(t.c_str());
        return true;
    };
    std::string t;
    size_t listed = x.entries.size(); /* the revision's entries so far */
    for (;;) {
        long start, count;
        if (!token(t))
            return false;
        if (t.compare(0, 7, "trailer") == 0)
            return true;
        if (!number(t, &start) || !token(t) || !number(t, &count))
            return false;
        for (long k = 0; k < count; k++) {
            long off, gen;
            std::string a, b, c;
            if (!token(a) || !token(b) || !token(c) || !number(a, &off) || !number(b, &gen) ||
                (c != "n" && c != "f") || ++listed > DS_XREF_ENTRIES_MAX)
                return false;
            long num = start + k;
            if (c == "n" && num > 0 && num <= 0x7fffffffL)
                x.entries.push_back({(int)num, 1, (uint64_t)off, (uint64_t)gen});
        }
    }
}

Xref xref_sections(const std::string &s, size_t from, size_t to, size_t *budget)
{
    Xref x;
    /* classic tables: "xref" at the start of a line ("startxref" is not one) */
    for (size_t t = s.find("xref", from); t != std::string::npos && t < to; t = s.find("xref", t + 4)) {
        if (t > from && !is_ws(s[t - 1]))
            continue;
        x.sections++;
        if (!xref_table(s, t + 4, to, x))
            x.unread++;
        if (x.sections > 64)
            break;
    }
    /* cross-reference streams: an object whose dictionary has /Type /XRef */
    std::vector<std::pair<int, size_t>> heads;
    object_heads(s, from, to, &heads);
    size_t done = std::string::npos;
    for (size_t t = s.find("/XRef", from); t != std::string::npos && t < to; t = s.find("/XRef", t + 5)) {
        if (t + 5 < s.size() && !is_ws(s[t + 5]) && !strchr("/<>[]()%", s[t + 5]))
            continue; /* /XRefStm, a name that starts so */
        auto it = std::upper_bound(heads.begin(), heads.end(), t,
                                   [](size_t v, const std::pair<int, size_t> &h) { return v < h.second; });
        if (it == heads.begin())
            continue;
        --it;
        size_t p = it->second;
        if (p == done)
            continue;
        done = p;
        while (p < to && is_ws(s[p]))
            p++;
        if (t - p >= DS_OBJSTM_DICT_MAX || p >= to || s[p] != '<')
            continue;
        std::map<std::string, std::string> d;
        size_t dend = 0;
        if (!dict_entries(s, p, to, d, &dend))
            continue;
        auto type = d.find("/Type");
        if (type == d.end() || type->second != "/XRef")
            continue;
        x.sections++;
        x.streams.insert(it->first);
        if (!xref_stream(s, p, to, budget, x))
            x.unread++;
        if (x.sections > 64)
            break;
    }
    return x;
}

RevObjects revision_objects(const std::string &s, size_t from, size_t to, size_t *budget)
{
    RevObjects r;
    std::vector<std::pair<int, size_t>> heads;
    r.found = object_heads(s, from, to, &heads);
    r.stm = objstm_members(s, from, to, budget);
    r.xref = xref_sections(s, from, to, budget);
    r.defined = r.found;
    r.defined.insert(r.stm.objects.begin(), r.stm.objects.end());
    size_t base = s.find("%PDF-");
    if (base == std::string::npos || base > 1024)
        base = 0;
    std::set<int> here; /* the xref's entries that point into this revision */
    for (const XrefEntry &e : r.xref.entries) {
        r.listed++;
        if (e.type == 1) {
            uint64_t at = base + e.f2;
            if (e.f2 > s.size() || at >= to || object_at(s, at) != e.num) {
                r.bad++; /* an offset that holds no header of that object */
                continue;
            }
            if (at >= from)
                here.insert(e.num);
            else
                r.relisted++;
            continue;
        }
        /* type 2: object e.num is in object stream f2 */
        if (e.f2 > 0x7fffffffULL || !r.found.count((int)e.f2)) {
            r.relisted++; /* a stream of an earlier revision */
            continue;
        }
        int stm = (int)e.f2;
        if (r.stm.unread_ids.count(stm)) {
            here.insert(e.num); /* the stream is not read: the xref tells */
            if (r.defined.insert(e.num).second)
                r.xref_only++;
            continue;
        }
        if (!std::binary_search(r.stm.members.begin(), r.stm.members.end(),
                                std::make_pair(stm, e.num))) {
            r.bad++; /* the stream (read, or no object stream) does not hold it */
            continue;
        }
        here.insert(e.num);
    }
    r.defined.insert(here.begin(), here.end());
    /* Objects the revision's bytes define that its cross-reference data
     * (read whole) does not list: a reader never sees them. Headers count
     * only at the start of a line (a header-like text inside a stream's
     * data mostly is not), the cross-reference streams themselves not. */
    if (r.xref.sections > 0 && r.xref.unread == 0) {
        for (auto &h : heads) {
            size_t q = h.second - 3; /* back over the two numbers before "obj" */
            for (int k = 0; k < 2; k++) {
                while (q > from && is_ws(s[q - 1]) && s[q - 1] != '\n' && s[q - 1] != '\r')
                    q--;
                while (q > from && !is_ws(s[q - 1]))
                    q--;
            }
            bool line_start = q == from || s[q - 1] == '\n' || s[q - 1] == '\r';
            if (line_start && !here.count(h.first) && !r.xref.streams.count(h.first) &&
                r.unlisted_ids.insert(h.first).second)
                r.unlisted++;
        }
        for (int id : r.stm.objects)
            if (!here.count(id) && r.unlisted_ids.insert(id).second)
                r.unlisted++;
    }
    return r;
}

} // namespace dspdf

int ds_pdfparse_fuzz(const uint8_t *data, size_t size)
{
    std::string s(reinterpret_cast<const char *>(data), size);
    std::vector<size_t> ends = dspdf::revision_ends(s);
    for (size_t k = 1; k < ends.size(); k++)
        if (ends[k - 1] > ends[k] || ends[k] > s.size() ||
            dspdf::objects_in(s, ends[k - 1], ends[k]).size() > s.size())
            abort();
    size_t budget = DS_OBJSTM_BUDGET;
    for (size_t k = 1; k < ends.size(); k++) {
        dspdf::Objstm z = dspdf::objstm_members(s, ends[k - 1], ends[k], &budget);
        if (z.objects.size() > s.size() || budget > DS_OBJSTM_BUDGET)
            abort();
    }
    /* The whole reading of each revision (its bytes, object streams and
     * cross-reference data); the whole file as one revision as well, so
     * that an input without startxref reaches the xref readers. */
    budget = DS_OBJSTM_BUDGET;
    int revisions = (int)ends.size();
    ends.insert(ends.begin(), 0);
    if (ends.back() != s.size())
        ends.push_back(s.size());
    for (size_t k = 1; k < ends.size(); k++) {
        size_t before = budget;
        dspdf::RevObjects r = dspdf::revision_objects(s, ends[k - 1], ends[k], &budget);
        if (budget > before || r.relisted + r.bad > r.listed || r.listed < 0 ||
            (size_t)r.listed > r.xref.entries.size() || r.xref.unread > r.xref.sections ||
            r.defined.size() < r.found.size() || (size_t)r.unlisted != r.unlisted_ids.size() ||
            r.xref_only > (int)r.defined.size())
            abort();
        for (int id : r.found)
            if (!r.defined.count(id))
                abort();
    }
    std::string p = dspdf::stext_payload(s, 2.5, 2.5);
    if (p.size() > DS_PDFWIRE_TEXT_MAX)
        abort();
    return revisions;
}

int ds_pdfparse_objstm(const uint8_t *data, size_t size, int *unread)
{
    std::string s(reinterpret_cast<const char *>(data), size);
    size_t budget = DS_OBJSTM_BUDGET;
    dspdf::Objstm z = dspdf::objstm_members(s, 0, s.size(), &budget);
    if (unread)
        *unread = z.unread;
    return (int)z.objects.size();
}

int ds_pdfparse_revision(const uint8_t *data, size_t size, size_t from, int counts[8])
{
    std::string s(reinterpret_cast<const char *>(data), size);
    size_t budget = DS_OBJSTM_BUDGET;
    dspdf::RevObjects r = dspdf::revision_objects(s, std::min(from, size), size, &budget);
    if (counts) {
        counts[0] = r.xref.sections, counts[1] = r.xref.unread, counts[2] = r.listed;
        counts[3] = r.relisted, counts[4] = r.bad, counts[5] = r.unlisted;
        counts[6] = r.xref_only, counts[7] = r.stm.unread;
    }
    return (int)r.defined.size();
}
