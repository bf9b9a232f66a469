"""Editable data files in `data/`: interface strings, funding wording, contacts, rule texts.

They are plain YAML so that editors can correct wording without touching templates.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hooks.languages import LANGUAGE_CODES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


# libyaml's loader when PyYAML has it: the same safe subset of YAML, read about ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.load(handle, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return loaded


@cache
def ui_strings(language: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Interface strings for one language (`data/ui/<lang>.yml`)."""
    return _load(data_dir / "ui" / f"{language}.yml")


def labels(language: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The `labels:` section of `data/ui/<lang>.yml`: the wording that the plain-Python modules
    (republished copies, feeds, calendars, events, citations, results) write."""
    return ui_strings(language, data_dir)["labels"]


def label_by_language(key: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """One `labels:` entry in every language of the site: {"lv": …, "en": …, "rml": …}."""
    return {code: labels(code, data_dir)[key] for code in LANGUAGE_CODES}


@cache
def funding(language: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Funding statement and emblem wording for one language (`data/funding/<lang>.yml`)."""
    return _load(data_dir / "funding" / f"{language}.yml")


@cache
def rule_texts(language: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The content rules' texts in a language other than English (`data/rules.<lang>.yml`):
    `review:` and, under `rules:`, each rule ID's `summary`, `fix` and `description`."""
    return _load(data_dir / f"rules.{language}.yml")


@cache
def contacts(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    return _load(data_dir / "contacts.yml")


def missing_ui_keys(data_dir: Path = DATA_DIR) -> dict[str, set[str]]:
    """Keys present in some language's strings but missing in another's."""
    site_keys = {code: set(ui_strings(code, data_dir)["site"]) for code in LANGUAGE_CODES}
    every_key = set().union(*site_keys.values())
    return {code: every_key - keys for code, keys in site_keys.items() if every_key - keys}


@cache
def themes(data_dir: Path = DATA_DIR) -> dict[str, dict[str, str]]:
    """Story themes: slug -> {language: name} (`data/themes.yml`)."""
    return _load(data_dir / "themes.yml")


@cache
def regions(data_dir: Path = DATA_DIR) -> dict[str, dict[str, str]]:
    """Latvia's planning regions: slug -> {language: name} (`data/regions.yml`)."""
    return _load(data_dir / "regions.yml")


def names_in(language: str, table: dict[str, dict[str, str]]) -> dict[str, str]:
    return {slug: names.get(language) or names.get("lv") or slug for slug, names in table.items()}
