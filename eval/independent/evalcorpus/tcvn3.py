"""Old documents typed with the ABC keyboard in the TCVN3 (.VnTime / .VnTimeH) fonts.

TCVN3 puts the lowercase Vietnamese letters at byte values 0xA1-0xFF; a Word file stores those
bytes as the Windows-1252 characters they look like ("Quy\u00d5t \u00aeÞnh" for "Quyết định").  All-capital
lines were typed in lowercase with the .VnTimeH font, whose glyphs are capitals.  Capital letters with
a tone mark in running text have no code: typists wrote the bare capital followed by the toned
lowercase code (what converters such as Unikey produce too).
"""
from __future__ import annotations

import unicodedata

LOWER = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
}
UPPER_PLAIN = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}


def encode(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in LOWER:
            out.append(LOWER[ch])
        elif ch in UPPER_PLAIN:
            out.append(UPPER_PLAIN[ch])
        elif ch.lower() in LOWER and ch.isupper():
            low = ch.lower()
            base = unicodedata.normalize("NFD", low)[0].upper()
            # Ấ -> base of the hat letter when there is one (Â -> ¢), then the toned lowercase code
            hat = unicodedata.normalize("NFD", low)
            if len(hat) > 2 or (len(hat) == 2 and hat[1] in "\u0302\u0306\u031b"):
                plain = unicodedata.normalize("NFC", hat[:2]).upper()
                base = UPPER_PLAIN.get(plain, base)
            out.append(base + LOWER[low])
        elif ch == "“" or ch == "”":
            out.append('"')
        else:
            out.append(ch)
    return "".join(out)


def is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def convert_docx(path):
    """Rewrite every run of a .docx into TCVN3 codes with the .VnTime / .VnTimeH fonts."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(path)

    def runs():
        for p in doc.paragraphs:
            yield from p.runs
        for t in doc.tables:
            for row in t.rows:
                for c in row.cells:
                    for p in c.paragraphs:
                        yield from p.runs

    for run in runs():
        t = run.text
        if not t:
            continue
        if is_caps_line(t):
            new, font = encode(t.lower()), ".VnTimeH"
        else:
            new, font = encode(t), ".VnTime"
        run.text = new
        run.font.name = font
        rfonts = run._element.get_or_add_rPr().find(qn("w:rFonts"))
        if rfonts is not None:
            for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(a), font)
    doc.save(path)
