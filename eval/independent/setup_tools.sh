#!/bin/sh
# Installs the Debian tools build.py drives (run as root on Debian 12); gcc builds the small LD_PRELOAD
# shim (evalcorpus/detrand.c) that makes encryption salts repeatable, setarch (util-linux) runs
# LibreOffice without address randomisation.  No fonts are installed:
# the corpus is meant to be built with the machine's stock Liberation 1.07 + DejaVu fonts.
set -e
apt-get install -y --no-install-recommends \
    libreoffice-writer-nogui chromium poppler-utils img2pdf qpdf faketime \
    mutt s-nail mpack swaks zip p7zip-full unar gcc libc6-dev util-linux
# `rar` (to make .rar bundles) is in Debian's non-free component.  Fetch the .deb with a private apt
# state (the system's sources are left alone) and unpack it under /opt/eval-tools/rar.
if ! command -v rar >/dev/null 2>&1 && [ ! -x /opt/eval-tools/rar/usr/bin/rar ]; then
    d=$(mktemp -d)
    mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
    echo "deb http://deb.debian.org/debian bookworm non-free" > "$d/sources.list"
    o="-o Dir::Etc::SourceList=$d/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$d/lists -o Dir::Cache=$d/cache"
    apt-get $o update
    (cd "$d" && apt-get $o download rar)
    mkdir -p /opt/eval-tools
    dpkg -x "$d"/rar_*.deb /opt/eval-tools/rar
    rm -rf "$d"
fi
echo "tools ready"
