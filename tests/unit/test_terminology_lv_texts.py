"""The Latvian texts of the wording rules (LRP101-LRP127) stay in step with data/terminology.yml.

`data/rules.lv.yml` holds hand-written Latvian versions of each wording rule's label,
suggestion and source. An editor who changes the words a rule looks for, what it suggests or
where the guidance comes from in `data/terminology.yml` must change the Latvian text too, or
the Latvian rules reference would describe a different rule from the one `make check` runs.
"""

from __future__ import annotations

import re

import pytest
import yaml

from hooks import site_data
from hooks.site_data import rule_texts

_QUOTED = re.compile(r"„([^”]*)”")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LANGUAGE_PREFIX = {"en": "Angļu tekstā:", "lv": "Latviešu tekstā:"}


def _terms() -> list[dict]:
    data = yaml.safe_load((site_data.DATA_DIR / "terminology.yml").read_text(encoding="utf-8"))
    return data["rules"]


def _latvian(rule_id: str) -> dict[str, str]:
    return rule_texts("lv")["rules"][rule_id]


def _label_words(label: str) -> list[str]:
    """The words a rule looks for, without its gloss "(to cheat)" or "next to Roma"."""
    looked_for = _PARENTHESES.sub("", label.split(" next to ")[0])
    return [word.strip().strip('"') for word in re.split(r"[,/]", looked_for) if word.strip()]


def _quoted_outside_parentheses(text: str) -> list[str]:
    return _QUOTED.findall(_PARENTHESES.sub("", text))


TERMS = _terms()
IDS = [term["id"] for term in TERMS]


def test_the_label_splitter_reads_the_labels_as_an_editor_would():
    assert _label_words("gyp, gypped, gypping (to cheat)") == ["gyp", "gypped", "gypping"]
    assert _label_words("zīlniec…, zag… next to romi / čigāni") == ["zīlniec…", "zag…"]
    assert _label_words('Romany, Romanies, Roms, "a Roma"') == [
        "Romany",
        "Romanies",
        "Roms",
        "a Roma",
    ]


@pytest.mark.parametrize("term", TERMS, ids=IDS)
def test_the_latvian_summary_names_the_words_the_rule_looks_for(term):
    summary = _latvian(term["id"])["summary"]
    assert summary.startswith(_LANGUAGE_PREFIX[term["lang"]]), (
        f"{term['id']} checks {term['lang']} texts; its Latvian summary must say so"
    )
    missing = [word for word in _label_words(term["label"]) if word not in summary]
    assert missing == [], f"{term['id']}: label words missing from the Latvian summary"
    extra = [
        word
        for word in _quoted_outside_parentheses(summary)
        if word.rstrip("…") not in term["label"]
    ]
    assert extra == [], f"{term['id']}: the Latvian summary quotes words the rule no longer has"
    assert ("minēti romi" in summary) == bool(term.get("near_roma")), (
        f"{term['id']}: the Latvian summary must say 'next to Roma' exactly when the rule does"
    )


@pytest.mark.parametrize("term", TERMS, ids=IDS)
def test_the_latvian_fix_suggests_what_the_rule_suggests(term):
    fix = _latvian(term["id"])["fix"]
    assert fix.startswith("Ieteikums:"), term["id"]
    stale = [word for word in _QUOTED.findall(fix) if word not in term["suggestion"]]
    assert stale == [], f"{term['id']}: the Latvian fix suggests words the rule does not"


def test_each_source_has_one_latvian_name_and_rules_cite_their_own():
    latvian_source_by_key: dict[str, set[str]] = {}
    for term in TERMS:
        description = " ".join(_latvian(term["id"])["description"].split())
        assert "Avots: " in description, f"{term['id']}: the Latvian description names no source"
        latvian_source_by_key.setdefault(term["source"], set()).add(
            description.split("Avots: ")[-1]
        )
    for key, names in latvian_source_by_key.items():
        assert len(names) == 1, f"rules citing '{key}' name it differently in Latvian: {names}"
    names = [next(iter(names)) for names in latvian_source_by_key.values()]
    assert len(names) == len(set(names)), "two different sources share one Latvian name"
