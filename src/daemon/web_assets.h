/*
 * web_assets: the files of the officer's review page (web/review), compiled
 * into docscreend by cmake/embed_web.cmake so that the installed daemon
 * needs no files beside it. The table is generated at build time and is
 * read-only; nothing here touches a request, the store or the network.
 */
#ifndef DS_DAEMON_WEB_ASSETS_H
#define DS_DAEMON_WEB_ASSETS_H

#include <stddef.h>

typedef struct ds_web_asset {
    const char *name;           /* "index.html": a file name, no folder */
    const char *type;           /* the Content-Type it is served with */
    const unsigned char *data;  /* len bytes (and a NUL after them) */
    size_t len;
} ds_web_asset;

/* Every file of web/review, sorted by name. */
extern const ds_web_asset ds_web_assets[];
extern const size_t ds_web_asset_count;

#endif
