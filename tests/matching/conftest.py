"""Fixtures for the pure matching tests: the real campaign file and the example units."""

from __future__ import annotations

import pytest

from bot.campaign.model import Campaign, load_campaign
from bot.campaign.units import UnitInfo, read_units

from .samples import REPO


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    return load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")


@pytest.fixture(scope="session")
def units(campaign: Campaign) -> list[UnitInfo]:
    return read_units(REPO / "config/units.example.csv", set(campaign.unit_kinds))
