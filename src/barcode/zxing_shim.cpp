/*
 * zxing_shim: the only C++ file of docscreen. It wraps zxing-cpp's
 * ReadBarcodes and MultiFormatWriter behind the C functions of zxing_shim.h.
 *
 * It must never let an exception cross into C, keep a pointer into a zxing
 * object after the callback returns, or hold any state between calls (it is
 * safe to call from several threads at once because zxing-cpp's readers are).
 */
/* zxing-cpp 1.4 returns text() as UTF-8 with this set (its announced default). */
#define ZX_USE_UTF8 1
#include "barcode/zxing_shim.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

namespace {

struct FormatPair {
    unsigned ds;
    ZXing::BarcodeFormat zx;
};

const FormatPair kFormats[] = {
    {DS_ZX_QR, ZXing::BarcodeFormat::QRCode},
    {DS_ZX_DATAMATRIX, ZXing::BarcodeFormat::DataMatrix},
    {DS_ZX_PDF417, ZXing::BarcodeFormat::PDF417},
    {DS_ZX_AZTEC, ZXing::BarcodeFormat::Aztec},
    {DS_ZX_MICROQR, ZXing::BarcodeFormat::MicroQRCode},
    {DS_ZX_EAN13, ZXing::BarcodeFormat::EAN13},
    {DS_ZX_EAN8, ZXing::BarcodeFormat::EAN8},
    {DS_ZX_UPCA, ZXing::BarcodeFormat::UPCA},
    {DS_ZX_UPCE, ZXing::BarcodeFormat::UPCE},
    {DS_ZX_CODE128, ZXing::BarcodeFormat::Code128},
    {DS_ZX_CODE39, ZXing::BarcodeFormat::Code39},
    {DS_ZX_CODE93, ZXing::BarcodeFormat::Code93},
    {DS_ZX_ITF, ZXing::BarcodeFormat::ITF},
    {DS_ZX_CODABAR, ZXing::BarcodeFormat::Codabar},
    {DS_ZX_DATABAR, ZXing::BarcodeFormat::DataBar},
    {DS_ZX_DATABAR_EXP, ZXing::BarcodeFormat::DataBarExpanded},
};

ZXing::BarcodeFormats to_zx(unsigned formats)
{
    ZXing::BarcodeFormats out;
    for (const FormatPair &p : kFormats)
        if (formats & p.ds)
            out |= p.zx;
    return out;
}

unsigned from_zx(ZXing::BarcodeFormat f)
{
    for (const FormatPair &p : kFormats)
        if (p.zx == f)
            return p.ds;
    return 0;
}

} // namespace

extern "C" int ds_zx_read(const uint8_t *gray, int w, int h, int stride, unsigned formats,
                          int try_harder, int max_symbols, ds_zx_symbol_fn fn, void *ctx)
{
    if (!gray || w <= 0 || h <= 0 || stride < w || !fn || max_symbols <= 0 || max_symbols > 255)
        return DS_ZX_ERR_USAGE;
    ZXing::BarcodeFormats zf = to_zx(formats);
    if (zf.empty())
        return DS_ZX_OK;
    try {
        ZXing::ImageView view(gray, w, h, ZXing::ImageFormat::Lum, stride, 1);
        ZXing::DecodeHints hints;
        hints.setFormats(zf);
        hints.setTryHarder(try_harder != 0);
        hints.setTryRotate(try_harder != 0);
        hints.setTryDownscale(true);
        hints.setMaxNumberOfSymbols((uint8_t)max_symbols);
        ZXing::Results results = ZXing::ReadBarcodes(view, hints);
        /* The parts of a structured-append sequence (Macro PDF417, QR) are
         * also reported joined, as one symbol. */
        bool parts = false;
        for (const ZXing::Result &r : results)
            parts = parts || (r.isValid() && r.isPartOfSequence());
        if (parts) {
            ZXing::Results merged = ZXing::MergeStructuredAppendSequences(results);
            for (ZXing::Result &m : merged)
                if (m.isValid() && (int)results.size() < max_symbols)
                    results.push_back(std::move(m));
        }
        for (const ZXing::Result &r : results) {
            if (!r.isValid())
                continue;
            unsigned f = from_zx(r.format());
            if (!f)
                continue;
            const ZXing::ByteArray &bytes = r.bytes();
            std::string text = r.text();
            ds_zx_symbol sym;
            std::memset(&sym, 0, sizeof sym);
            sym.format = f;
            sym.bytes = bytes.data();
            sym.nbytes = bytes.size();
            sym.text = text.c_str();
            sym.ntext = text.size();
            const ZXing::Position &pos = r.position();
            for (int i = 0; i < 4; i++) {
                sym.x[i] = pos[i].x;
                sym.y[i] = pos[i].y;
            }
            if (fn(ctx, &sym) != 0)
                break;
        }
    } catch (const std::bad_alloc &) {
        return DS_ZX_ERR_NOMEM;
    } catch (...) {
        return DS_ZX_ERR_INTERNAL;
    }
    return DS_ZX_OK;
}

extern "C" int ds_zx_write(unsigned format, const uint8_t *bytes, size_t n, int side,
                           uint8_t **out_pixels, int *out_w, int *out_h)
{
    if (!bytes || !out_pixels || !out_w || !out_h || side <= 0 || side > 8192 || n > 4096)
        return DS_ZX_ERR_USAGE;
    ZXing::BarcodeFormat zf = ZXing::BarcodeFormat::None;
    for (const FormatPair &p : kFormats)
        if (p.ds == format)
            zf = p.zx;
    if (zf == ZXing::BarcodeFormat::None)
        return DS_ZX_ERR_USAGE;
    try {
        std::wstring content;
        content.reserve(n);
        for (size_t i = 0; i < n; i++)
            content.push_back((wchar_t)bytes[i]);
        ZXing::MultiFormatWriter writer(zf);
        writer.setMargin(side / 10 + 4);
        if (zf != ZXing::BarcodeFormat::DataMatrix)
            writer.setEncoding(ZXing::CharacterSet::ISO8859_1);
        ZXing::BitMatrix m = writer.encode(content, side, side);
        int w = m.width(), h = m.height();
        if (w <= 0 || h <= 0)
            return DS_ZX_ERR_INTERNAL;
        uint8_t *px = (uint8_t *)std::malloc((size_t)w * (size_t)h);
        if (!px)
            return DS_ZX_ERR_NOMEM;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                px[(size_t)y * (size_t)w + (size_t)x] = m.get(x, y) ? 0 : 255;
        *out_pixels = px;
        *out_w = w;
        *out_h = h;
    } catch (const std::bad_alloc &) {
        return DS_ZX_ERR_NOMEM;
    } catch (...) {
        return DS_ZX_ERR_INTERNAL;
    }
    return DS_ZX_OK;
}
