"""The Latvian rules reference: every rule has its Latvian text, and no code is lost in translation.

The translations (`data/rules.lv.yml`) live apart from the rules (`hooks/rules.py`,
`data/terminology.yml`), so these tests are what keeps the two in step.
"""

from __future__ import annotations

import re

import markdown
import pytest

from hooks import site_data
from hooks.markup import wrap_tables
from hooks.rules import all_rules, rule_by_id
from hooks.rules_reference import rules_reference_markdown
from hooks.site_data import rule_texts

_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _latvian() -> dict[str, dict[str, str]]:
    return rule_texts("lv")["rules"]


def _code_spans(text: str) -> set[str]:
    return set(_CODE_SPAN.findall(text))


def test_every_rule_has_latvian_texts_and_no_stale_ones():
    latvian = _latvian()
    registered = {rule.id for rule in all_rules()}
    assert sorted(registered - set(latvian)) == [], "rules without a Latvian text"
    assert sorted(set(latvian) - registered) == [], "Latvian texts of rules that do not exist"
    for rule in all_rules():
        entry = latvian[rule.id]
        assert set(entry) <= {"summary", "fix", "description"}, rule.id
        assert entry.get("summary", "").strip(), f"{rule.id}: no Latvian summary"
        assert entry.get("fix", "").strip(), f"{rule.id}: no Latvian fix"
        assert bool(entry.get("description", "").strip()) == bool(rule.description), (
            f"{rule.id}: a Latvian description exactly when the English rule has one"
        )


@pytest.mark.parametrize("rule_id", [rule.id for rule in all_rules()])
@pytest.mark.parametrize("part", ["summary", "fix"])
def test_the_translation_keeps_every_code_span(rule_id, part):
    # A field name, file name or value must be the one the editor types, in any language.
    english = getattr(rule_by_id(rule_id), part)
    latvian = _latvian()[rule_id][part]
    assert sorted(_code_spans(english) - _code_spans(latvian)) == []


def test_the_latvian_page_shows_the_latvian_rule_texts():
    page = rules_reference_markdown("lv")
    row = next(line for line in page.splitlines() if line.startswith("| `LRP007` "))
    assert "Aizstājiet vietturi ar īsto tekstu" in row
    assert "vietturis `TODO(…)`" in row
    assert rule_by_id("LRP007").summary not in page
    assert rule_by_id("LRP007").fix not in page
    assert '<span lang="en">' not in page


def test_the_latvian_page_says_its_rule_texts_are_not_yet_reviewed():
    page = rules_reference_markdown("lv")
    assert rule_texts("lv")["review"] == "unreviewed"
    assert "vēl nav pārbaudījis" in page
    assert "melnraksts" in page
    assert "pagaidām ir angļu valodā" not in page
    assert "`make check LANGUAGE=lv` katru problēmu paskaidro" in page


def test_the_draft_note_goes_once_an_editor_has_reviewed_the_texts(monkeypatch):
    reviewed = {**rule_texts("lv"), "review": "reviewed"}
    monkeypatch.setattr(site_data, "rule_texts", lambda language: reviewed)
    page = rules_reference_markdown("lv")
    assert "melnraksts" not in page
    assert "`make check LANGUAGE=lv` katru problēmu paskaidro" in page


def test_the_english_page_keeps_the_english_rule_texts():
    page = rules_reference_markdown("en")
    assert rule_by_id("LRP007").summary in page
    assert _latvian()["LRP007"]["summary"] not in page
    assert "melnraksts" not in page


@pytest.mark.parametrize(
    ("language", "caption"),
    [("lv", "Noteikumi grupā „Vārdu izvēle”"), ("en", "Rules in the group “Terminology”")],
)
def test_each_rules_table_has_a_caption_and_each_rule_id_heads_its_row(language, caption):
    # A screen reader jumping from table to table hears which group each one holds, and in
    # every cell which rule it is about (the ID column is the rows' header).
    html = wrap_tables(
        markdown.markdown(rules_reference_markdown(language), extensions=["attr_list", "tables"])
    )
    captions = re.findall(r"<caption>(.*?)</caption>", html)
    assert len(captions) == html.count("<table>") == len({rule.group for rule in all_rules()})
    assert caption in captions
    row_headers = re.findall(r'<th scope="row"><code>(LRP\d+)</code></th>', html)
    assert sorted(row_headers) == sorted(rule.id for rule in all_rules())
    assert "scope=row" not in html  # no attribute list left over as text
