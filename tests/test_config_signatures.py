"""``documents.trusted_signature_roots``: PEM files read and checked when settings load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import App
from bot.campaign.model import load_campaign
from bot.config import load_settings
from bot.errors import ConfigError
from tests.signing import make_pki

REPO = Path(__file__).resolve().parents[1]


def _settings(tmp_path: Path, documents: str) -> Path:
    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    p = tmp_path / "bot.toml"
    p.write_text(base + "\n[documents]\n" + documents + "\n", encoding="utf-8")
    return p


def test_trusted_roots_are_read_at_start(tmp_path):
    pki = make_pki()
    root, other = pki.write_root(tmp_path / "root.pem"), pki.write_root(tmp_path / "other.pem", "other_root")
    s = load_settings(
        _settings(tmp_path, f'trusted_signature_roots = ["{root}", "{other}"]\ncheck_revocation = true')
    )
    policy = App(s, load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")).signature_policy
    assert len(policy.roots_der) == 2 and policy.check_revocation


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "cannot read"), (b"not a certificate", "not a PEM certificate file")],
)
def test_a_bad_root_file_names_the_key(tmp_path, content, reason):
    pem = tmp_path / "root.pem"
    if content is not None:
        pem.write_bytes(content)
    with pytest.raises(ConfigError) as e:
        load_settings(_settings(tmp_path, f'trusted_signature_roots = ["{pem}"]'))
    assert e.value.key == "documents.trusted_signature_roots" and reason in str(e.value)


def test_unknown_documents_key_is_refused(tmp_path):
    with pytest.raises(ConfigError) as e:
        load_settings(_settings(tmp_path, "trusted_roots = []"))
    assert e.value.key == "documents.trusted_roots"
