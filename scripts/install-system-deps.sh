#!/usr/bin/env bash
# Install the Debian packages the bot and its tests use, only those that are missing.
# Needs root (or sudo) for apt-get; prints what is missing otherwise.
set -euo pipefail

PACKAGES=(
  dovecot-imapd          # the real IMAP server for tests and `make demo`
  libreoffice-writer-nogui  # builds test documents; converts legacy .doc
  img2pdf poppler-utils  # scanned-PDF test documents
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd  # OCR for scanned submissions; osd: page orientation
  antiword catdoc        # fast text of legacy .doc
  qpdf                   # encrypted-PDF test documents
  unar                   # .rar bundles
  zip p7zip-full         # zip bundles with folders, locked zip/7z archives (test documents)
  fonts-liberation fonts-dejavu-core  # the fresh-machine font set of the tests (tests/fontsets.py)
  chromium               # the staff dashboard's browser tests (Playwright drives it)
  openssl                # certificates for the TLS tests
)
# PostgreSQL is optional for `make test` (the second run happens when it is installed);
# CI asks for it.
if [ "${WITH_POSTGRES:-0}" = 1 ]; then PACKAGES+=(postgresql); fi

# Fonts the tests render with but that must not be installed (installing them would change
# the machine's own font set): unpacked from their Debian package into the project.
UNPACKED_FONTS=(fonts-liberation2)  # Liberation 2.1: full Vietnamese coverage
FONT_DIR="$(cd "$(dirname "$0")/.." && pwd)/var/test-fonts"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

SUDO=""
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "missing Debian packages (run as root): apt-get install ${missing[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian package enables and starts a system-wide Dovecot; ours run privately on loopback.
  if printf '%s\n' "${missing[@]}" | grep -qx dovecot-imapd; then
    ($SUDO systemctl disable --now dovecot 2>/dev/null || $SUDO service dovecot stop 2>/dev/null || true) >/dev/null
  fi
fi

for p in "${UNPACKED_FONTS[@]}"; do
  [ -d "$FONT_DIR/${p#fonts-}" ] && continue
  tmp=$(mktemp -d)
  # apt-get download needs no root; refresh the lists once if the package is unknown.
  if ! (cd "$tmp" && apt-get download -qq "$p" >/dev/null 2>&1); then
    $SUDO apt-get update -qq && (cd "$tmp" && apt-get download -qq "$p" >/dev/null)
  fi
  mkdir -p "$FONT_DIR"
  dpkg-deb -x "$tmp"/"$p"_*.deb "$FONT_DIR/${p#fonts-}.partial"
  mv "$FONT_DIR/${p#fonts-}.partial" "$FONT_DIR/${p#fonts-}"
  rm -rf "$tmp"
  echo "unpacked $p into $FONT_DIR/${p#fonts-}"
done
