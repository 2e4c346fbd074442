#!/usr/bin/env bash
# Installs libdocscreen from BUILD into a temporary prefix, builds
# tests/api/consumer.c against it with pkg-config alone, and runs it on a
# sample page on several threads. Usage: install_test.sh BUILD SOURCE [CFLAGS...]
# (extra CFLAGS: the sanitizer flags of a sanitizer build).
set -euo pipefail
build=$1 src=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pc=$(find "$tmp/prefix" -name docscreen.pc | head -1)
test -n "$pc" || { echo "FAIL: docscreen.pc was not installed"; exit 1; }
test -f "$tmp/prefix/include/docscreen/docscreen.h" || { echo "FAIL: header not installed"; exit 1; }
test -x "$tmp/prefix/bin/docscreen" && test -x "$tmp/prefix/bin/docscreend" || {
  echo "FAIL: the commands were not installed"; exit 1; }
test -f "$tmp/prefix/lib/systemd/system/docscreend.service" || {
  echo "FAIL: the systemd unit was not installed"; exit 1; }
test -x "$tmp/prefix/libexec/docscreen/docscreen-pdf" || {
  echo "FAIL: the PDF reader was not installed in libexec/docscreen"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
# The installed .pc names the prefix it was configured for; point it here.
flags=$(pkg-config --define-variable=prefix="$tmp/prefix" --cflags --libs docscreen)
libdir=$(pkg-config --define-variable=prefix="$tmp/prefix" --variable=libdir docscreen)
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror "$@" "$src/tests/api/consumer.c" -o "$tmp/consumer" $flags \
  -Wl,-rpath,"$libdir" -pthread
"$tmp/consumer" "$src/samples/pages/0004-td3.jpg" 4
