#!/usr/bin/env bash
# Installs the Debian 12 packages docscreen needs to build, test and run,
# skipping the ones already present. Safe to run repeatedly.
set -euo pipefail
pkgs=(build-essential cmake pkg-config
      libleptonica-dev libtesseract-dev tesseract-ocr tesseract-ocr-eng
      tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-ita tesseract-ocr-por tesseract-ocr-nld
      libjansson-dev libjpeg62-turbo-dev libjpeg-turbo-progs g++ libzbar-dev libzxing-dev libssl-dev openssl
      fonts-ocr-b fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-urw-base35 fonts-noto-mono
      fonts-thai-tlwg fonts-droid-fallback fonts-breip fonts-comic-neue fonts-noto-core fonts-nanum
      fonts-freefont-ttf fonts-lato fonts-roboto-unhinted fonts-open-sans fonts-cantarell fonts-b612
      fonts-crosextra-carlito
      python3 python3-pil python3-numpy
      libmicrohttpd-dev libcurl4-openssl-dev libsqlite3-dev libpq-dev postgresql
      libqpdf-dev mupdf-tools zlib1g-dev
      chromium chromium-driver python3-selenium)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
