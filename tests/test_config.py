"""Settings and campaign validation: bad files fail at start, naming file and key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.campaign.model import load_campaign
from bot.config import load_settings
from bot.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
CAMPAIGN = REPO / "config/campaigns/120-KH-DUK-2024.toml"


def test_example_files_are_valid():
    s = load_settings(REPO / "config/bot.example.toml")
    assert s.mailbox.port == 993 and s.mailbox.tls == "implicit"
    c = load_campaign(CAMPAIGN)
    assert [d.id for d in c.deliverables] == [
        "to_trinh",
        "bao_cao_thanh_tich",
        "tom_tat_thanh_tich",
        "quyet_dinh_khen_thuong",
        "quyet_dinh_xep_loai",
        "bao_cao_kl01",
    ]
    assert set(c.unit_kinds) == {"dang_bo_co_so", "chi_bo_co_so", "doan_the"}
    assert c.deadline_of("to_trinh").date.isoformat() == "2024-02-28"
    assert c.deadline_of("bao_cao_kl01").date.isoformat() == "2024-03-15"
    assert [m.date.isoformat() for m in c.milestones] == [
        "2024-02-29",
        "2024-03-01",
        "2024-03-10",
        "2024-06-01",
    ]


def test_deadline_is_end_of_day_local():
    import datetime as dt

    c = load_campaign(CAMPAIGN)
    tz = dt.timezone(dt.timedelta(hours=7))
    assert not c.is_late("to_trinh", dt.datetime(2024, 2, 28, 23, 59, tzinfo=tz))
    assert c.is_late("to_trinh", dt.datetime(2024, 2, 29, 0, 0, 1, tzinfo=tz))
    # 17:30 UTC on the 28th is already 00:30 on the 29th in Hà Nội.
    assert c.is_late("to_trinh", dt.datetime(2024, 2, 28, 17, 30, tzinfo=dt.UTC))
    offsets = [off for off, _ in c.reminder_moments("ho_so_khen_thuong")]
    assert offsets == [7, 3, 1, -1]


def _campaign_with(tmp_path: Path, old: str, new: str) -> Path:
    text = CAMPAIGN.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "bad.toml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_unknown_deliverable_id_names_file_and_key(tmp_path):
    p = _campaign_with(tmp_path, 'deliverable = "tom_tat_thanh_tich"', 'deliverable = "tom_tat"')
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert e.value.file == str(p)
    assert e.value.key == "rules.summary.deliverable"
    assert "unknown deliverable id 'tom_tat'" in str(e.value)


def test_unit_kind_without_quota(tmp_path):
    p = _campaign_with(tmp_path, "quota = { tap_the = 0, ca_nhan = 2, total = 2 }\n", "\n")
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert e.value.key == "unit_kinds.doan_the.quota"


def test_wrong_key_type(tmp_path):
    p = _campaign_with(tmp_path, "offsets_days = [7, 3, 1]", 'offsets_days = "seven"')
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert e.value.key == "reminders.offsets_days"


def test_unknown_deadline_reference(tmp_path):
    p = _campaign_with(tmp_path, 'deadline = "bao_cao_kl01"\nkeywords', 'deadline = "kl01"\nkeywords')
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert e.value.key == "deliverables.5.deadline"


def test_settings_refuse_password_and_unknown_keys(tmp_path):
    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    p = tmp_path / "bot.toml"
    p.write_text(
        base.replace('password_env = "INTAKE_IMAP_PASSWORD"', 'password = "hunter2"'), encoding="utf-8"
    )
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == "mailbox.password" and "hunter2" not in str(e.value)
    p.write_text(base.replace("port = 993", "port = 993\nprot = 1"), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == "mailbox.prot" and e.value.reason == "unknown key"
    p.write_text(base.replace("port = 993", 'port = "nine"'), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == "mailbox.port"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("verify_certificate = true", 'verify_certificate = "no"', "mailbox.verify_certificate"),
        ("port = 993", 'port = "39779"', "mailbox.port"),
        ("use_idle = true", "use_idle = 1", "mailbox.use_idle"),
        ("batch_size = 50", "batch_size = 50.0", "mailbox.batch_size"),
        ("max_attachment_mb = 25", 'max_attachment_mb = "25"', "storage.max_attachment_mb"),
        ("skip_weekends = true", 'skip_weekends = "true"', "schedule.skip_weekends"),
        ("digest_time = 07:30:00", 'digest_time = "07:30"', "schedule.digest_time"),
        (
            'trusted_proxies = ["127.0.0.1/32", "::1/128"]',
            'trusted_proxies = ["127.0.0.1/32", "proxy.lan"]',
            "web.trusted_proxies.1",
        ),
        (
            'trusted_proxies = ["127.0.0.1/32", "::1/128"]',
            "trusted_proxies = [2130706433]",
            "web.trusted_proxies.0",
        ),
        (
            'trusted_proxies = ["127.0.0.1/32", "::1/128"]',
            'trusted_proxies = "127.0.0.1"',
            "web.trusted_proxies",
        ),
    ],
)
def test_settings_of_the_wrong_type_are_refused_not_coerced(tmp_path, old, new, key):
    """Issue 13: "no" used to become false and "39779" a port; strict types, as documented."""
    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    assert old in base
    p = tmp_path / "bot.toml"
    p.write_text(base.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == key


def test_campaign_values_of_the_wrong_type_are_refused(tmp_path):
    p = _campaign_with(tmp_path, "offsets_days = [7, 3, 1]", 'offsets_days = ["7", "3", "1"]')
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert e.value.key.startswith("reminders.offsets_days")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://intake:hunter2@db.example/intake",
        "postgresql+psycopg://intake:@db.example/intake",
        "postgresql+psycopg://db.example/intake?user=intake&password=hunter2",
    ],
)
def test_a_password_in_the_database_url_is_refused(tmp_path, url):
    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    p = tmp_path / "bot.toml"
    p.write_text(base.replace('url = "sqlite:///var/intake.sqlite3"', f'url = "{url}"'), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == "database.url" and "password_env" in e.value.reason
    assert "hunter2" not in str(e.value)


def test_the_database_password_comes_from_the_environment(tmp_path, monkeypatch):
    from bot.app import App
    from bot.campaign.model import load_campaign as campaign

    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    p = tmp_path / "bot.toml"
    url = "postgresql+psycopg://intake@127.0.0.1:1/intake"
    p.write_text(base.replace('url = "sqlite:///var/intake.sqlite3"', f'url = "{url}"'), encoding="utf-8")
    monkeypatch.setenv("INTAKE_DATABASE_PASSWORD", "from-env")
    app = App(load_settings(p), campaign(CAMPAIGN))
    assert app.db.engine.url.password == "from-env"  # not connected: the URL is built only
    assert "from-env" not in str(app.db.engine.url)
    app.db.dispose()


def test_secrets_from_environment_then_file(tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.env"
    secrets.write_text("# comment\nINTAKE_IMAP_PASSWORD=from-file\n")
    monkeypatch.setenv("INTAKE_SECRETS_FILE", str(secrets))
    monkeypatch.delenv("INTAKE_IMAP_PASSWORD", raising=False)
    s = load_settings(REPO / "config/bot.example.toml")
    assert s.secret("INTAKE_IMAP_PASSWORD") == "from-file"
    assert "from-file" not in repr(s)
    monkeypatch.setenv("INTAKE_IMAP_PASSWORD", "from-env")
    assert s.secret("INTAKE_IMAP_PASSWORD") == "from-env"


def test_check_config_command_exits_non_zero(tmp_path):
    p = _campaign_with(tmp_path, 'deliverable = "tom_tat_thanh_tich"', 'deliverable = "nope"')
    cfg = tmp_path / "bot.toml"
    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    cfg.write_text(
        base.replace('campaign_file = "config/campaigns/120-KH-DUK-2024.toml"', f'campaign_file = "{p}"')
    )
    r = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(cfg), "check-config"], capture_output=True, text=True
    )
    assert r.returncode == 2
    assert str(p) in r.stderr and "rules.summary.deliverable" in r.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(REPO / "config/bot.example.toml"), "check-config"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert ok.returncode == 0, ok.stderr
    assert "120-KH-DUK-2024" in ok.stdout


def test_templates_directory_overrides_only_the_templates_it_holds(tmp_path, monkeypatch):
    import datetime as dt

    from bot.outgoing.render import renderer
    from bot.outgoing.samples import sample_context

    base = (REPO / "config/bot.example.toml").read_text(encoding="utf-8")
    p = tmp_path / "bot.toml"
    p.write_text(f'templates_directory = "{tmp_path / "nope"}"\n' + base, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p)
    assert e.value.key == "templates_directory"

    own = tmp_path / "templates"
    own.mkdir()
    shipped = (REPO / "mail_templates/ack.txt").read_text(encoding="utf-8")
    (own / "ack.txt").write_text(shipped.replace("Trân trọng./.", "Trân trọng cảm ơn./."), encoding="utf-8")
    p.write_text(f'templates_directory = "{own}"\n' + base, encoding="utf-8")
    monkeypatch.chdir(REPO)  # the example's campaign_file is relative to the checkout
    settings = load_settings(p)
    campaign = load_campaign(CAMPAIGN)
    now = dt.datetime(2024, 2, 26, 9, 0, tzinfo=settings.tz)
    r = renderer(campaign.timezone, settings.templates_directory)
    _, text, html = r.render("ack", sample_context("ack", settings, campaign, now))
    assert "Trân trọng cảm ơn./." in text  # the operator's ack.txt
    assert "<html" in html.lower()  # ack.html still the shipped one
    _, text, _ = r.render("reminder", sample_context("reminder", settings, campaign, now))
    assert "Trân trọng" in text
