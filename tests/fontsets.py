"""Font sets the tests render documents with, so no result depends on the machine's fonts.

LibreOffice finds fonts through fontconfig, and which fonts a machine has decides what
its PDFs contain: on a fresh Debian 12 (fonts-liberation 1.07) Times New Roman becomes
Liberation Serif 1.07, which lacks Ả Ộ Ố Ơ ặ ư …, and the missing letters are drawn in
DejaVu Serif, in runs of their own.  Every test that renders a document points
fontconfig (``FONTCONFIG_FILE``) at a configuration built here that lists one of three
sets and nothing else:

``liberation1-dejavu``
    Liberation 1.07 with DejaVu as the fallback: the fresh-machine case.  The default
    for the whole test session (``tests/conftest.py``).
``dejavu``
    DejaVu only: every letter in one family that is not metric-compatible with Times.
``liberation2``
    Liberation 2.1, which covers Vietnamese: no fallback at all.

The font files come from Debian packages that ``scripts/install-system-deps.sh``
provides: fonts-liberation and fonts-dejavu-core installed, and fonts-liberation2
unpacked into ``var/test-fonts/`` (not installed, so the machine's own font set stays
that of a fresh Debian).  A set whose files are missing makes the tests that need it
fail with the command that provides them, never silently use other fonts.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FONT_ROOT = Path(os.environ.get("INTAKE_TEST_FONTS", REPO / "var" / "test-fonts"))

DEFAULT = "liberation1-dejavu"
FONT_SETS = ("liberation1-dejavu", "dejavu", "liberation2")

_LIBERATION1 = tuple(
    Path("/usr/share/fonts/truetype/liberation") / f"Liberation{family}-{style}.ttf"
    for family in ("Serif", "Sans", "Mono")
    for style in ("Regular", "Bold", "Italic", "BoldItalic")
)
_LIBERATION2 = tuple(
    FONT_ROOT / "liberation2/usr/share/fonts/truetype/liberation2" / p.name for p in _LIBERATION1
)
# fonts-dejavu-core only: fonts-dejavu-extra (italics, condensed) comes with some other
# packages (Java) and would change which fallback glyphs an italic line gets.
_DEJAVU = tuple(
    Path("/usr/share/fonts/truetype/dejavu") / f"DejaVu{name}.ttf"
    for name in ("Serif", "Serif-Bold", "Sans", "Sans-Bold", "SansMono", "SansMono-Bold")
)

# The font files of each set, and the families Times New Roman / Arial / Courier New and
# the generic names resolve to (LibreOffice asks fontconfig for the document's fonts).
_SETS: dict[str, tuple[tuple[Path, ...], dict[str, str]]] = {
    "liberation1-dejavu": (
        _LIBERATION1 + _DEJAVU,
        {"serif": "Liberation Serif", "sans-serif": "Liberation Sans", "monospace": "Liberation Mono"},
    ),
    "dejavu": (
        _DEJAVU,
        {"serif": "DejaVu Serif", "sans-serif": "DejaVu Sans", "monospace": "DejaVu Sans Mono"},
    ),
    "liberation2": (
        _LIBERATION2,
        {"serif": "Liberation Serif", "sans-serif": "Liberation Sans", "monospace": "Liberation Mono"},
    ),
}
_ALIASES = {"Times New Roman": "serif", "Times": "serif", "Arial": "sans-serif", "Courier New": "monospace"}


class FontSetMissing(RuntimeError):
    def __init__(self, name: str, path: Path) -> None:
        super().__init__(
            f"font set {name!r} needs {path}, which is missing: run scripts/install-system-deps.sh"
        )


def _link_fonts(name: str, fonts: Path) -> None:
    """``fonts/`` holds links to exactly the set's files (fontconfig reads whole directories)."""
    files = _SETS[name][0]
    for f in files:
        if not f.is_file():
            raise FontSetMissing(name, f)
    fonts.mkdir(parents=True, exist_ok=True)
    wanted = {f.name: f for f in files}
    for link in fonts.iterdir():
        if link.name not in wanted or link.resolve() != wanted[link.name]:
            link.unlink()
    for fname, target in wanted.items():
        if not (fonts / fname).exists():
            (fonts / fname).symlink_to(target)


def _conf(name: str, fonts: Path, cache: Path) -> str:
    families = _SETS[name][1]
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        "<fontconfig>",
        f"  <dir>{fonts}</dir>",
        f"  <cachedir>{cache}</cachedir>",
    ]
    for generic, family in families.items():
        lines.append(f"  <alias><family>{generic}</family><prefer><family>{family}</family></prefer></alias>")
    for alias, generic in _ALIASES.items():
        lines.append(
            f'  <alias binding="same"><family>{alias}</family><accept><family>{families[generic]}</family>'
            "</accept></alias>"
        )
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


def fontconfig_file(name: str = DEFAULT) -> Path:
    """The fontconfig file of set ``name`` (written under ``var/test-fonts``, reused)."""
    if name not in _SETS:
        raise ValueError(f"unknown font set {name!r}; known: {', '.join(FONT_SETS)}")
    home = FONT_ROOT / "sets" / name
    home.mkdir(parents=True, exist_ok=True)
    path = home / "fonts.conf"
    _link_fonts(name, home / "fonts")
    text = _conf(name, home / "fonts", home / "cache")
    if not path.exists() or path.read_text() != text:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text)
        tmp.replace(path)
    return path


def fontconfig_env(name: str = DEFAULT) -> dict[str, str]:
    """``os.environ`` with fontconfig pointed at set ``name`` (for a subprocess)."""
    return {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(name))}
