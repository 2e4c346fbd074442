/*
 * Webhook signing and posting with OpenSSL HMAC and libcurl. A post reads at
 * most a small, capped part of the answer (and discards it); the caller's
 * payload is never copied into an error message.
 */
#include "notify.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <curl/curl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>

#define RESPONSE_CAP (64 * 1024)

ds_error ds_notify_global_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? DS_OK : DS_ERR_INTERNAL;
}

void ds_notify_global_cleanup(void)
{
    curl_global_cleanup();
}

ds_error ds_notify_sign(const char *secret, int64_t ts, const char *body, size_t body_len,
                        char out[DS_NOTIFY_SIG_HEX + 1])
{
    if (!secret || !body || !out)
        return DS_ERR_USAGE;
    char prefix[32];
    int n = snprintf(prefix, sizeof prefix, "%lld.", (long long)ts);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    ds_error err = DS_ERR_INTERNAL;
    EVP_MAC *m = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *mctx = m ? EVP_MAC_CTX_new(m) : NULL;
    if (!mctx)
        goto out;
    {
        OSSL_PARAM params[2];
        params[0] = OSSL_PARAM_construct_utf8_string("digest", (char *)"SHA256", 0);
        params[1] = OSSL_PARAM_construct_end();
        size_t outl = 0;
        if (!EVP_MAC_init(mctx, (const unsigned char *)secret, strlen(secret), params) ||
            !EVP_MAC_update(mctx, (const unsigned char *)prefix, (size_t)n) ||
            !EVP_MAC_update(mctx, (const unsigned char *)body, body_len) ||
            !EVP_MAC_final(mctx, mac, &outl, sizeof mac) || outl != 32)
            goto out;
        mac_len = (unsigned int)outl;
    }
    for (unsigned int i = 0; i < mac_len; i++)
        snprintf(out + 2 * i, 3, "%02x", mac[i]);
    err = DS_OK;
out:
    EVP_MAC_CTX_free(mctx);
    EVP_MAC_free(m);
    return err;
}

int ds_notify_verify(const char *secret, const char *header, const char *body, size_t body_len,
                     int64_t now, int tolerance_s)
{
    if (!secret || !header || !body)
        return 0;
    const char *t = strstr(header, "t=");
    const char *v = strstr(header, "v1=");
    if (!t || !v)
        return 0;
    char *end = NULL;
    long long ts = strtoll(t + 2, &end, 10);
    if (end == t + 2)
        return 0;
    if (tolerance_s > 0 && (now - ts > tolerance_s || ts - now > tolerance_s))
        return 0;
    char want[DS_NOTIFY_SIG_HEX + 1];
    if (ds_notify_sign(secret, ts, body, body_len, want) != DS_OK)
        return 0;
    v += 3;
    size_t vl = strcspn(v, ",");
    if (vl != DS_NOTIFY_SIG_HEX)
        return 0;
    return CRYPTO_memcmp(want, v, DS_NOTIFY_SIG_HEX) == 0;
}

struct sink {
    size_t got;
};

static size_t discard(char *ptr, size_t size, size_t nmemb, void *ud)
{
    struct sink *s = ud;
    size_t n = size * nmemb;
    s->got += n;
    if (s->got > RESPONSE_CAP)
        return 0; /* aborts the transfer: an answer this long is not a webhook ack */
    (void)ptr;
    return n;
}

static bool v4_internal(uint32_t a /* host order */)
{
    return (a >> 24) == 127 || (a >> 24) == 0 || (a >> 16) == 0xa9fe /* 169.254/16 */ ||
           a == 0x646464c8 /* 100.100.100.200 */ || (a >> 28) == 0xe /* multicast */ ||
           a == 0xffffffffu;
}

bool ds_notify_addr_internal(const void *sockaddr)
{
    const struct sockaddr *sa = sockaddr;
    if (sa->sa_family == AF_INET)
        return v4_internal(ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr));
    if (sa->sa_family != AF_INET6)
        return true;
    const uint8_t *b = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
    static const uint8_t zero[16], mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const uint8_t metadata[16] = {0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0,
                                         0,    0,    0,    0,    0, 0, 0x02, 0x54};
    if (!memcmp(b, mapped, 12))
        return v4_internal((uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 |
                           b[15]);
    if (!memcmp(b, zero, 15) && (b[15] == 0 || b[15] == 1)) /* :: and ::1 */
        return true;
    return (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) /* fe80::/10 */ || b[0] == 0xff ||
           !memcmp(b, metadata, 16);
}

/* What the socket callback of one post needs and tells. */
typedef struct open_check {
    unsigned flags;
    bool refused;
} open_check;

/* libcurl's socket opener: refuses internal addresses unless allowed. */
static curl_socket_t open_socket(void *clientp, curlsocktype purpose,
                                 struct curl_sockaddr *address)
{
    open_check *oc = clientp;
    (void)purpose;
    if (!(oc->flags & DS_NOTIFY_ALLOW_INTERNAL) && ds_notify_addr_internal(&address->addr)) {
        oc->refused = true;
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

ds_error ds_notify_post(const char *url, const char *secret, int64_t delivery_id, int64_t ts,
                        const char *body, size_t body_len, long timeout_ms, unsigned flags,
                        ds_notify_result *res)
{
    if (!url || !secret || !body || !res)
        return DS_ERR_USAGE;
    memset(res, 0, sizeof *res);
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
        snprintf(res->error, sizeof res->error, "only http and https URLs are allowed");
        return DS_ERR_USAGE;
    }
    char sig[DS_NOTIFY_SIG_HEX + 1];
    ds_error err = ds_notify_sign(secret, ts, body, body_len, sig);
    if (err != DS_OK) {
        snprintf(res->error, sizeof res->error, "signing failed");
        return err;
    }
    char h_sig[128], h_id[64], h_ts[64];
    snprintf(h_sig, sizeof h_sig, "X-Docscreen-Signature: t=%lld,v1=%s", (long long)ts, sig);
    snprintf(h_id, sizeof h_id, "X-Docscreen-Delivery: %lld", (long long)delivery_id);
    snprintf(h_ts, sizeof h_ts, "X-Docscreen-Timestamp: %lld", (long long)ts);

    struct curl_slist *hdrs = NULL;
    CURL *c = curl_easy_init();
    struct sink sink = {0};
    err = DS_ERR_IO;
    if (!c) {
        snprintf(res->error, sizeof res->error, "curl_easy_init failed");
        err = DS_ERR_NOMEM;
        goto out;
    }
    const char *lines[] = {"Content-Type: application/json", "User-Agent: docscreend/" DS_VERSION_STRING,
                           "Expect:", h_sig, h_id, h_ts};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        struct curl_slist *n = curl_slist_append(hdrs, lines[i]);
        if (!n) {
            err = DS_ERR_NOMEM;
            goto out;
        }
        hdrs = n;
    }
    if (timeout_ms <= 0)
        timeout_ms = 10000;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 5000 ? timeout_ms : 5000L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    open_check oc = {flags, false};
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &oc);
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK && oc.refused) {
        snprintf(res->error, sizeof res->error,
                 "the receiver's address is loopback, link-local or a cloud metadata address "
                 "(allowed only with webhook_allow_internal)");
        err = DS_ERR_USAGE;
        goto out;
    }
    if (rc != CURLE_OK) {
        snprintf(res->error, sizeof res->error, "%s", curl_easy_strerror(rc));
        goto out;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->http_status);
    if (res->http_status >= 200 && res->http_status < 300) {
        err = DS_OK;
    } else {
        snprintf(res->error, sizeof res->error, "the receiver answered HTTP %ld",
                 res->http_status);
    }
out:
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(c);
    return err;
}
