"""The wording the Python modules write (`labels:` in data/ui/<lang>.yml): the same keys and the
same {placeholders} in every language, so that the Romani file stays complete for its review."""

from __future__ import annotations

import string
from typing import Any

import pytest

from hooks import citations, events, feeds, reuse
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from hooks.site_data import labels


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", [code for code in LANGUAGE_CODES if code != DEFAULT_LANGUAGE])
def test_every_language_has_the_same_labels_with_the_same_placeholders(language: str) -> None:
    reference = _flatten(labels(DEFAULT_LANGUAGE))
    strings = _flatten(labels(language))
    assert set(strings) == set(reference)
    for key, text in strings.items():
        assert isinstance(text, str) and text.strip(), key
        assert _placeholders(text) == _placeholders(reference[key]), (key, text)


def test_the_modules_take_their_romani_wording_from_the_romani_file() -> None:
    rml = labels("rml")
    assert reuse.SITE_NAMES["rml"] == rml["site_name"]
    assert feeds.SAMPLE_NOTICES["rml"] == rml["sample_notice"]
    assert citations.HEADINGS["rml"] == rml["sources_heading"]
    assert events.status_label("cancelled", "rml") == rml["event_status"]["cancelled"]
    assert events.language_names(["lv"], "rml") == [rml["language_names"]["lv"]]
    assert reuse.licence_summary("CC-BY-NC-4.0", "rml") == rml["licence_summary"]["CC-BY-NC-4.0"]


def test_the_romani_strings_stay_marked_as_a_draft_awaiting_review() -> None:
    """New Romani wording (the licence summaries) joins a file that says, as a whole, that no
    native speaker has checked it; only that speaker's review may change the mark."""
    from hooks.site_data import ui_strings

    romani = ui_strings("rml")
    assert romani["review"] == "unreviewed" and not romani["reviewer"]


def test_every_language_has_every_interface_string() -> None:
    """A string missing in one language would leave an empty label on that language's pages."""
    from hooks.site_data import missing_ui_keys

    assert missing_ui_keys() == {}
