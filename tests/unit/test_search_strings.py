"""The search page's wording (`pagefind:` in data/ui/<lang>.yml), read by assets/js/search.js."""

from __future__ import annotations

import pytest

from hooks.languages import LANGUAGE_CODES
from hooks.site_data import ui_strings

# Every key assets/js/search.js and overrides/search.html use, and the placeholders the script
# fills in.
KEYS = {
    "search_label": set(),
    "submit": set(),
    "load_more": set(),
    "searching": {"[SEARCH_TERM]"},
    "zero_results": {"[SEARCH_TERM]"},
    "one_result": {"[COUNT]", "[SEARCH_TERM]"},
    "many_results": {"[COUNT]", "[SEARCH_TERM]"},
    "error": set(),
}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_language_has_every_search_string_with_its_placeholders(language: str) -> None:
    strings = ui_strings(language)["pagefind"]
    assert set(strings) == set(KEYS)
    for key, placeholders in KEYS.items():
        text = strings[key]
        assert isinstance(text, str) and text.strip(), key
        used = {p for p in ("[COUNT]", "[SEARCH_TERM]") if p in text}
        assert used == placeholders, (key, text)
