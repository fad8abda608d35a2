"""The global options wherever they are given, and the settings file: every mistake is one line."""

from __future__ import annotations

import re
import shutil
import tomllib
from importlib import resources

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from timeline.cli import cli
from timeline.config import load_settings


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.slow
def test_global_options_after_the_subcommand(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = tmp_path / "x.json"
    result = run("ingest", str(tmp_path / "seeds"), "-q", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert db.exists() and f"events in {db}" in result.output
    assert "Renault" in run("companies", "--db", str(db)).output


def test_an_option_after_the_subcommand_wins_over_one_before_and_the_environment(tmp_path):
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    env = {"TIMELINE_DB": str(tmp_path / "env.json")}
    line = one_error_line(run("--db", str(before), "export", "--db", str(after), env=env))
    assert str(after) in line and "no database yet" in line
    line = one_error_line(run("export", "--db", str(after), env=env))
    assert str(after) in line


@pytest.mark.parametrize("place", ["before", "after"])
def test_model_and_config_after_the_subcommand(tmp_path, place):
    config = tmp_path / "mine.toml"
    config.write_text('db = "%s"\n' % (tmp_path / "from-config.json"))
    options = ["--config", str(config)]
    args = [*options, "companies"] if place == "before" else ["companies", *options]
    line = one_error_line(run(*args))
    assert "from-config.json: no database yet" in line


def test_a_named_config_file_that_is_missing_is_an_error(tmp_path):
    missing = tmp_path / "missing.toml"
    assert one_error_line(run("--config", str(missing), "companies")) == f"Error: {missing}: no such config file"
    line = one_error_line(run("companies", env={"TIMELINE_CONFIG": str(missing)}))
    assert line == f"Error: {missing}: no such config file"


def test_no_config_file_at_the_default_place_is_fine(tmp_path):
    result = run("--db", str(tmp_path / "none.json"), "companies")
    assert "no database yet" in one_error_line(result)  # not a config error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('modle = "en_core_web_sm"\n', "unknown setting modle (known: db, model, max_file_mb, [companies])"),
        ('max_file_mb = "big"\n', "max_file_mb = 'big' is not a positive number of megabytes"),
        ("max_file_mb = -3\n", "max_file_mb = -3 is not a positive number of megabytes"),
        ("max_file_mb = true\n", "max_file_mb = True is not a positive number of megabytes"),
        ("db = 3\n", "db = 3 is not a file name"),
        ('[companies]\nalias = {"A" = "B"}\n', "unknown setting companies.alias (known: aliases, exclude)"),
        ('[companies]\nexclude = "Ampere"\n', "companies.exclude = 'Ampere' is not a list of names"),
        ('[companies.aliases]\n"Alphabet" = 1\n', "companies.aliases = {'Alphabet': 1} is not a table of"),
        ('companies = "Renault"\n', "[companies] must be a table"),
        ("model = \n", "not a valid TOML config file"),
    ],
)
def test_a_bad_config_file_is_one_line_naming_the_file_and_the_setting(tmp_path, content, message):
    config = tmp_path / "timeline.toml"
    config.write_text(content)
    line = one_error_line(run("--config", str(config), "--db", str(tmp_path / "db.json"), "companies"))
    assert line.startswith(f"Error: {config}: ") and message in line


def test_the_shipped_sample_config_is_valid_and_names_every_setting(tmp_path):
    from timeline.config import COMPANY_KEYS, KEYS

    sample = resources.files("timeline").joinpath("data/timeline.toml").read_text(encoding="utf-8")
    setting = re.compile(r'# (\w+|"[^"]+") = ')
    uncommented = "\n".join(line[2:] if setting.match(line) else line for line in sample.splitlines())
    data = tomllib.loads(uncommented)
    assert set(data) - {"companies"} == set(KEYS) and set(data["companies"]) == set(COMPANY_KEYS)
    config = tmp_path / "timeline.toml"
    config.write_text(uncommented)
    settings = load_settings(config)
    assert settings.company_aliases["Alphabet Inc"] == "Google" and "ampere" in settings.company_exclusions
    assert settings.max_file_bytes == 20 * 1024 * 1024


def test_the_readme_config_example_is_valid(tmp_path):
    readme = (resources.files("timeline") / ".." / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    config = tmp_path / "timeline.toml"
    config.write_text(block)
    assert load_settings(config).company_aliases
