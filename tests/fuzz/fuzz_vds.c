/*
 * Fuzz target for the ICAO digital seal parser (src/barcode/vds.c). Any
 * bytes are a seal. Checks: a status in range; on success offsets and
 * lengths inside the seal, NUL-terminated texts, a bounded feature list,
 * and verification without a trust store answering UNKNOWN_SIGNER (a seal
 * that does not parse answers MALFORMED). The C40 decoder is also fed the
 * raw bytes. It must never read outside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "barcode/vds.h"

static void check_nul(const char *s, size_t cap)
{
    if (strnlen(s, cap) == cap)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ds_vds v;
    ds_vds_status st = ds_vds_parse(data, size, &v);
    if ((unsigned)st >= DS_VDS_STATUS_COUNT_)
        abort();
    if (st == DS_VDS_OK) {
        if (v.nfeatures < 0 || v.nfeatures > DS_VDS_MAX_FEATURES || v.signed_len > v.len || v.len != size ||
            v.sig_len == 0 || v.sig_len > DS_VDS_MAX_SIG || v.header_len > v.signed_len)
            abort();
        for (int i = 0; i < v.nfeatures; i++) {
            const ds_vds_feature *f = &v.features[i];
            if (f->offset > v.len || f->len > v.len - f->offset || !f->name)
                abort();
            check_nul(f->text, sizeof f->text);
        }
        check_nul(v.issuing_country, sizeof v.issuing_country);
        check_nul(v.signer_id, sizeof v.signer_id);
        check_nul(v.cert_ref, sizeof v.cert_ref);
        check_nul(v.mrz[0], sizeof v.mrz[0]);
        check_nul(v.mrz[1], sizeof v.mrz[1]);
        check_nul(v.surname, sizeof v.surname);
        check_nul(v.address, sizeof v.address);
        if (ds_vds_verify(&v, NULL, NULL) != DS_VDS_UNKNOWN_SIGNER)
            abort();
    } else if (ds_vds_verify(&v, NULL, NULL) != DS_VDS_MALFORMED) {
        abort();
    }
    char out[64];
    int k = ds_vds_c40_decode(data, size, out, sizeof out);
    if (k >= (int)sizeof out || (k >= 0 && strlen(out) != (size_t)k))
        abort();
    return 0;
}
