#!/usr/bin/env bash
# Print the versions of the tools and data the tests depend on, so that a failure on
# another machine can be explained (called by .ci/run before the tests).
set -u
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
line() { printf '%-22s %s\n' "$1" "$2"; }
line "debian" "$(cat /etc/debian_version 2>/dev/null || echo '?')"
line "python" "$($PY -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo missing)"
line "soffice" "$(soffice --version 2>/dev/null | head -n 1 || echo missing)"
line "tesseract" "$(tesseract --version 2>&1 | head -n 1 || echo missing)"
line "dovecot" "$(dovecot --version 2>/dev/null || echo missing)"
line "pdfium (pypdfium2)" "$($PY -c 'import pypdfium2 as p; print("pdfium", p.PDFIUM_INFO, "/ pypdfium2", p.PYPDFIUM_INFO)' 2>/dev/null || echo missing)"
line "pdfplumber" "$($PY -c 'import pdfplumber; print(pdfplumber.__version__)' 2>/dev/null || echo missing)"
line "fontconfig" "$(fc-list --version 2>&1 | head -n 1)"
for p in fonts-liberation fonts-dejavu-core fonts-dejavu-extra tesseract-ocr-vie libreoffice-writer-nogui poppler-utils; do
  line "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo 'not installed')"
done
line "fonts-liberation2" "$(ls var/test-fonts/liberation2/usr/share/doc/fonts-liberation2/ 2>/dev/null >/dev/null && \
  zcat var/test-fonts/liberation2/usr/share/doc/fonts-liberation2/changelog.Debian.gz 2>/dev/null | head -n 1 | cut -d' ' -f2 || echo 'not unpacked')"
line "TZ / LANG" "${TZ:-unset} / ${LANG:-unset}"
