"""Reading TOML into frozen, validated models: what settings and the campaign share.

Both files are parsed once at start into pydantic models that refuse unknown keys and
cannot be changed afterwards (:class:`Frozen`); a problem becomes a
:class:`~bot.errors.ConfigError` naming the file and the dotted key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from bot.errors import ConfigError


class Frozen(BaseModel):
    """A validated, immutable piece of configuration; unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


def _known_zone(v: str) -> str:
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ValueError(f"unknown time zone {v!r}") from e
    return v


TimeZoneName = Annotated[str, AfterValidator(_known_zone)]
"""An IANA time-zone name (``Asia/Ho_Chi_Minh``), checked when the file is read."""


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning syntax errors into a ConfigError naming the file."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as e:
        raise ConfigError(str(path), "(file)", "file not found") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), "(syntax)", str(e)) from e


def raise_validation(path: str, err: ValidationError) -> NoReturn:
    """Turn a pydantic error into a ConfigError with dotted key paths."""
    problems = []
    for item in err.errors():
        key = ".".join(str(p) for p in item["loc"]) or "(root)"
        msg = item["msg"]
        if item["type"] == "extra_forbidden":
            msg = "unknown key"
        elif item["type"] == "missing":
            msg = "required key is missing"
        problems.append((key, msg))
    first, *rest = problems
    raise ConfigError(path, first[0], first[1], rest) from None
