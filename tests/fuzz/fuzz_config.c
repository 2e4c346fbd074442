/*
 * Fuzz target for the daemon's configuration parser (src/daemon/config.c):
 * any bytes are a configuration file. The parser must never read or write
 * outside its buffers, whatever the lines hold; its message must be one
 * NUL-terminated string within its buffer, empty only on success; and what
 * it applied must keep the limits of ds_conf (counts of hot folders and
 * webhooks within their caps, every text field NUL-terminated within its
 * array). A file that parses is checked further with ds_conf_validate,
 * whose message must keep the same bounds. It must never print or touch
 * anything but memory (ds_conf_validate only stats the hot-folder paths).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/config.h"

static void bounded(const char *s, size_t cap)
{
    if (strnlen(s, cap) == cap)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ds_conf c; /* large: kept off the stack */
    char msg[DS_CONF_MSG_MAX];
    memset(msg, 'x', sizeof msg);
    ds_conf_default(&c);
    ds_error err = ds_conf_parse(&c, (const char *)data, size, msg, sizeof msg);
    bounded(msg, sizeof msg);
    if ((err == DS_OK) != (msg[0] == 0))
        abort();
    if (c.hotfolder_count < 0 || c.hotfolder_count > DS_CONF_HOTFOLDERS_MAX ||
        c.webhook_count < 0 || c.webhook_count > DS_CONF_WEBHOOKS_MAX)
        abort();
    for (int i = 0; i < c.hotfolder_count; i++) {
        bounded(c.hotfolder[i].station, sizeof c.hotfolder[i].station);
        bounded(c.hotfolder[i].path, sizeof c.hotfolder[i].path);
    }
    for (int i = 0; i < c.webhook_count; i++) {
        bounded(c.webhook[i].name, sizeof c.webhook[i].name);
        bounded(c.webhook[i].url, sizeof c.webhook[i].url);
        bounded(c.webhook[i].secret, sizeof c.webhook[i].secret);
    }
    bounded(c.store, sizeof c.store);
    bounded(c.admin_token, sizeof c.admin_token);
    bounded(c.today, sizeof c.today);
    bounded(c.listen_address, sizeof c.listen_address);
    if (err == DS_OK) {
        memset(msg, 'x', sizeof msg);
        msg[0] = 0;
        (void)ds_conf_validate(&c, msg, sizeof msg);
        bounded(msg, sizeof msg);
    }
    return 0;
}
