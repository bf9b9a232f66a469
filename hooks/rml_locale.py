"""Lets mkdocs-static-i18n 1.3.1 accept the ISO 639-3 tag `rml` (Baltic Romani).

mkdocs-static-i18n validates locales against a two-letter pattern (upstream issue #339), so
`locale: rml` is refused before any hook can run. Importing this module, through the
`lrp-rml-locale` plugin listed above `i18n` in mkdocs.yml, widens that pattern to three-letter
ISO 639-3 codes.

When to remove it: once a mkdocs-static-i18n release with upstream pull request #348 is pinned
in requirements.txt. `tests/unit/test_rml_locale.py` fails as soon as the upstream pattern
accepts `rml` on its own, which is the signal to delete this module, its entry point in
pyproject.toml and its line in mkdocs.yml.
"""

from __future__ import annotations

import re

import mkdocs_static_i18n
from mkdocs.plugins import BasePlugin
from mkdocs_static_i18n import config as i18n_config
from mkdocs_static_i18n import folder as i18n_folder
from mkdocs_static_i18n import suffix as i18n_suffix

PATCHED_FOR_VERSION = "1.3.1"

UPSTREAM_RE_LOCALE: re.Pattern[str] = i18n_config.RE_LOCALE

# Same shape as upstream, with the primary subtag widened from 2 to 2-3 letters.
WIDENED_RE_LOCALE = re.compile(r"(^[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2,3}_[A-Z]{2}$)")


def widen_locale_pattern() -> None:
    """Replace the pattern in every static-i18n module that imported it by name."""
    for module in (i18n_config, i18n_suffix, i18n_folder):
        module.RE_LOCALE = WIDENED_RE_LOCALE


def installed_i18n_version() -> str:
    from importlib.metadata import version

    return version(mkdocs_static_i18n.__name__.replace("_", "-"))


widen_locale_pattern()


class RmlLocalePlugin(BasePlugin):
    """Does nothing at build time: its import is the whole effect."""
