import pytest
from mkdocs.config.base import ValidationError

from hooks import rml_locale


def test_upstream_still_refuses_rml_so_the_shim_is_still_needed() -> None:
    # When this fails, mkdocs-static-i18n accepts three-letter codes by itself (upstream PR
    # #348): delete hooks/rml_locale.py, its entry point and its line in mkdocs.yml.
    assert rml_locale.UPSTREAM_RE_LOCALE.match("rml") is None


def test_shim_targets_the_pinned_version() -> None:
    assert rml_locale.installed_i18n_version() == rml_locale.PATCHED_FOR_VERSION


def test_i18n_config_accepts_rml_and_still_refuses_nonsense() -> None:
    from mkdocs_static_i18n.config import Locale

    option = Locale(str)
    assert option.run_validation("rml") == "rml"
    assert option.run_validation("en") == "en"
    with pytest.raises(ValidationError):
        option.run_validation("Romani")
