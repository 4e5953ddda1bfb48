"""Every real-world message in ../shared/realmail goes through parse_message.

``expected.json`` lists what Python's standard library extracts.  The bot must return the
same bytes (sha256) for every attachment, except where it deliberately differs; each
difference is listed below, per file, with the reason.  A stale entry (a deviation that
no longer happens) fails the test too, so the table stays true.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bot.intake.containers import rar_backend
from bot.intake.mime import parse_message
from bot.intake.sanitize import safe_filename

SHARED = Path(__file__).parents[2].parent / "shared"
REALMAIL = SHARED / "realmail"
pytestmark = pytest.mark.skipif(
    not (REALMAIL / "expected.json").is_file(),
    reason=f"shared test data not found at {REALMAIL} (clone outside the project workspace)",
)

TNEF = "winmail.dat unpacked with tnefparse; its files (if any) are listed instead, origin tnef:winmail.dat"
CID = "inline image shown in the HTML body via cid: (decoration, listed in skipped_parts)"
SMIME = "S/MIME signature, not a document (skipped_parts)"
ARCHIVE = "archive unpacked; its members are listed instead (here refused scripts/executables, data empty)"

# Expected attachments (by the file name stdlib reports) that the bot does not return
# with the same bytes.  "*" means every expected attachment of that file.
ABSENT: dict[str, tuple[str, set[str | None] | str]] = {
    "001-outlook16-tnef-richtext.eml": (TNEF, {"winmail.dat"}),
    "002-exchange-online-tnef-koi8r.eml": (TNEF + "; none here, body taken from it", {"winmail.dat"}),
    "003-exchange-tnef-gb2312-patch.eml": (TNEF + "; none here", {"winmail.dat"}),
    "007-outlook-inline-img-newline-filename.eml": (CID, {"Outlook-Text\n\nDesc.png"}),
    "017-mdaemon-outlook-fwd-atthtm.eml": (
        "imageNNN.jpg under 16 KB are Outlook signature pictures; attNNNNN.htm are Exchange body "
        "fragments whose text goes to body_text",
        "*",
    ),
    "018-windows-mail-zip-noname.eml": (ARCHIVE + "; the nameless zip is called attachment-1.zip", {None}),
    "019-exchange-korean-truncated-b64.eml": (
        "stdlib returns the still-encoded base64 text; the bot decodes the 232 usable characters and "
        "flags the photo unreadable_file; ATT00001.txt is an Exchange body fragment (text in body)",
        "*",
    ),
    "022-cdo-inline-jpgs-pdf.eml": (CID, {"intestazione.jpg", "logometeo.jpg"}),
    "024-gmail-cyrillic-inline-images.eml": (CID + "; Gmail pasted screenshots", "*"),
    "029-gmail-related-inline-jpeg.eml": (CID, "*"),
    "033-applemail-smime-truncated-png.eml": (SMIME, {"smime.p7s"}),
    "040-thunderbird-alt-related-attach-cp1252.eml": (CID, {"kigaaldcbanejcbi.png"}),
    "041-thunderbird102-html-600k-txt.eml": (CID, {"IntM6gnXFm00FEV5.png"}),
    "043-thunderbird-smime-signed-jpeg.eml": (SMIME, {"smime.p7s"}),
    "045-netscape47-backslash-paths.eml": (
        CID + "; the other nsmail picture has the same bytes as redball.png, which is kept",
        {"C:TEMPnsmailEG.png"},
    ),
    "051-emclient-ten-attachments-cte-lie.eml": (
        "declared base64 but the parts are plain text; stdlib decodes garbage, the bot keeps the text",
        "*",
    ),
    "058-yahoo-blob-jpg-declared-png.eml": (CID, "*"),
    "059-nodemailer-rfc2231-emoji-cid.eml": (CID, {"image.png", "nyan cat ✔.gif"}),
    "066-multi-ew-in-quoted-filename.eml": (ARCHIVE + "; a zip named .pdf holding a zip with a .js", "*"),
    "067-raw-utf8-filename-missing-close.eml": (ARCHIVE + "; zip holding a zip with a .js", "*"),
    "068-x-uuencode-zip-spam.eml": (ARCHIVE + "; zip with an .exe", "*"),
    "078-spam-rar-attachment.eml": (ARCHIVE + "; rar with a .vbs (needs unrar/unar)", "*"),
}

# Files where the bot returns attachments stdlib does not see (different bytes).
EXTRA: dict[str, str] = {
    "001-outlook16-tnef-richtext.eml": "the picture inside winmail.dat",
    "010-outlook2000-uuencode-in-text.eml": "three uuencoded PNGs inside the text/plain body",
    "018-windows-mail-zip-noname.eml": "zip member sexy.scr, refused_type",
    "019-exchange-korean-truncated-b64.eml": "leniently decoded truncated JPEG, unreadable_file",
    "051-emclient-ten-attachments-cte-lie.eml": "the ten text files as sent",
    "066-multi-ew-in-quoted-filename.eml": "nested zip member doc_uvedoml.js, refused_type",
    "067-raw-utf8-filename-missing-close.eml": "nested zip member doc_uvedoml.js, refused_type",
    "068-x-uuencode-zip-spam.eml": "zip member REQUEST FOR QUOTE.exe, refused_type",
    "078-spam-rar-attachment.eml": "rar member Transferencia desde ING.vbs, refused_type",
}

# Messages the bot quarantines on purpose (none: every real message parses).
REJECTED: dict[str, str] = {}


def _expected() -> list[dict]:
    path = REALMAIL / "expected.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


EXPECTED = _expected()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("record", EXPECTED, ids=[r["file"] for r in EXPECTED])
def test_realmail_message(record: dict) -> None:
    raw = (REALMAIL / record["file"]).read_bytes()
    msg = parse_message(raw)
    if record["file"] == "078-spam-rar-attachment.eml" and rar_backend() is None:
        # Without unrar/unar the bot keeps the .rar and says it cannot open it.
        assert [a.problem for a in msg.attachments] == ["unsupported_archive"]
        return

    ours = {_sha(a.data) for a in msg.attachments}
    absent_reason, absent_names = ABSENT.get(record["file"], ("", set()))
    missing = [a for a in record["attachments"] if a.get("sha256") not in ours or "error" in a]
    for att in missing:
        assert absent_names == "*" or att["filename"] in absent_names, (
            f"{record['file']}: expected attachment {att['filename']!r} not returned and not documented"
        )
    if record["file"] in ABSENT:
        assert missing, f"{record['file']}: documented deviation no longer happens ({absent_reason})"

    expected_shas = {a.get("sha256") for a in record["attachments"] if "error" not in a}
    extra = [a for a in msg.attachments if _sha(a.data) not in expected_shas]
    if record["file"] in EXTRA:
        assert extra, f"{record['file']}: documented extra attachments no longer appear"
    else:
        assert not extra, f"{record['file']}: undocumented extra attachments {[a.filename for a in extra]}"

    for att in msg.attachments:
        assert att.filename == safe_filename(att.filename)
        if att.problem in ("refused_type", "too_large"):
            assert att.data == b""
    assert msg.subject == msg.subject.strip()


def test_realmail_headers_decoded() -> None:
    by_file = {r["file"]: r for r in EXPECTED}
    for name, record in by_file.items():
        msg = parse_message((REALMAIL / name).read_bytes())
        if record["subject"] and "\ufffd" not in record["subject"]:
            assert msg.subject == " ".join(record["subject"].split()), name


def test_realmail_specifics() -> None:
    def parse(name: str):
        return parse_message((REALMAIL / name).read_bytes())

    bounce = parse("021-office365-ndr-rfc822.eml")
    assert bounce.bounce and bounce.bounced_recipients == ["noname@example.com"]
    ses = parse("064-ses-dsn-rfc822-8bit.eml")
    assert ses.bounce and ses.bounced_recipients == ["xxxx@xxxx.com"]
    links = parse("077-gmail-drive-links-no-attachment.eml")
    assert links.drive_links == [
        "https://drive.google.com/drive/folders/1eWsUBHDLizLjEx7R1b6ukjQISOPl_TNK?usp=sharing"
    ]
    fwd = parse("034-applemail-fwd-rfc822-pdf.eml")
    assert [a.origin for a in fwd.attachments] == ["rfc822:Another PDF"]
    assert "Forwarded message" in fwd.body_text
    tnef = parse("001-outlook16-tnef-richtext.eml")
    assert [(a.filename, a.origin) for a in tnef.attachments] == [
        ("kitten-playing-with-a-christmas-tree.jpg", "tnef:winmail.dat")
    ]
    koi8 = parse("002-exchange-online-tnef-koi8r.eml")
    assert koi8.attachments == [] and "шостий" in koi8.body_text
    nfd = parse("023-gmail-vietnamese-nfd-mailman.eml")
    assert "vào lúc" in nfd.body_text and nfd.auto_reply  # Precedence: list
    yahoo = parse("057-yahoo-8bit-truncated-cyrillic-name.eml")
    assert yahoo.attachments[0].filename.startswith("Картинка с очень")
    truncated = parse("019-exchange-korean-truncated-b64.eml")
    assert truncated.attachments[0].problem == "unreadable_file"
    repaired = parse("074-content-type-tab-no-semicolon.eml")
    assert any("image001.png" in s for s in repaired.skipped_parts)  # stdlib never sees this part
    swift = parse("060-swiftmailer-rfc2231-rfc822.eml")
    assert "From: guest@localhost" in swift.body_text  # base64-encoded message/rfc822 decoded
    empty_doc = parse("069-enron-x-uuencode-msword.eml")
    assert empty_doc.attachments[0].problem == "unreadable_file"
    assert parse("066-multi-ew-in-quoted-filename.eml").date_header is None
    assert parse("009-outlook2000-three-png.eml").date_header.utcoffset() is not None


def test_rejections_are_documented() -> None:
    assert set(REJECTED) <= {r["file"] for r in EXPECTED}
