"""Antigypsyism-aware wording: each rule flags the editorial use and leaves quotations alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hooks.content_checks import check_project
from hooks.terminology import find_terms, load_terms
from hooks.validation.markdown_scan import blank_code_and_comments

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content"

# rule -> (language, a sentence in the site's own voice that the rule flags, the flagged words)
EXAMPLES: dict[str, tuple[str, str, str]] = {
    "LRP101": ("en", "The festival celebrates the gypsy lifestyle.", "gypsy lifestyle"),
    "LRP102": ("en", "He felt gypped by the seller.", "gypped"),
    "LRP103": ("en", "Gypsies settled in Kurzeme in the 16th century.", "Gypsies"),
    "LRP104": ("en", "Many Romanies live in Latgale.", "Romanies"),
    "LRP105": ("en", "The Porajmos is remembered on 2 August.", "Porajmos"),
    "LRP106": ("en", "The Roma of Latvia were nomadic until 1950.", "nomadic"),
    "LRP107": ("en", "The article called the Roma thieves.", "thieves"),
    "LRP108": ("en", "Roma women were known for fortune-telling.", "fortune-telling"),
    "LRP109": ("en", "Romani music is wild and passionate.", "wild"),
    "LRP110": ("en", "The ministry discussed the Roma problem.", "Roma problem"),
    "LRP121": ("lv", "Tirgotājs viņu apčigānoja.", "apčigānoja"),
    "LRP122": ("lv", "Klasē bija īsts čigānu tabors.", "čigānu tabors"),
    "LRP123": ("lv", "Pasakā viltīgs čigāns apmāna zemnieku.", "viltīgs čigāns"),
    "LRP124": ("lv", "Romi agrāk klejoja no vietas uz vietu.", "klejoja"),
    "LRP125": ("lv", "Poraimosa upuri tiek pieminēti 2. augustā.", "Poraimosa"),
    "LRP126": ("lv", "Sanāksmē runāja par romu problēmu.", "romu problēmu"),
    "LRP127": ("lv", "Čigāni Latvijā dzīvo kopš 16. gadsimta.", "Čigāni"),
}
QUOTES = {"en": ("“", "”"), "lv": ("„", "”")}


def rule_ids(text: str, language: str) -> list[str]:
    # As in the content check: code and comments are blanked before the words are read.
    prose = blank_code_and_comments(text)
    return [term.rule.id for term, _, _ in find_terms(prose, text, language)]


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_flags_the_editorial_use(rule_id):
    language, sentence, words = EXAMPLES[rule_id]
    found = [
        (term.rule.id, matched) for term, _, matched in find_terms(sentence, sentence, language)
    ]
    assert (rule_id, words) in found


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_leaves_a_quotation_alone(rule_id):
    language, sentence, _ = EXAMPLES[rule_id]
    opening, closing = QUOTES[language]
    quoted = f"She said: {opening}{sentence}{closing}"
    assert rule_id not in rule_ids(quoted, language)
    straight = f'She said: "{sentence}"'
    assert rule_id not in rule_ids(straight, language)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_leaves_a_blockquote_alone(rule_id):
    language, sentence, _ = EXAMPLES[rule_id]
    assert rule_id not in rule_ids(f"Ievads.\n\n> {sentence}\n", language)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_respects_the_allow_marker_on_the_line_and_the_line_before(rule_id):
    language, sentence, _ = EXAMPLES[rule_id]
    assert rule_id not in rule_ids(f"{sentence} <!-- terminology: allow -->\n", language)
    assert rule_id not in rule_ids(f"<!-- terminology: allow -->\n{sentence}\n", language)
    # Only the next line: two lines further down the rule applies again.
    assert rule_id in rule_ids(f"<!-- terminology: allow -->\n\n{sentence}\n", language)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_ignores_code(rule_id):
    language, sentence, _ = EXAMPLES[rule_id]
    assert rule_id not in rule_ids(f"`{sentence}`\n\n```\n{sentence}\n```\n", language)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_applies_only_to_its_language(rule_id):
    language, sentence, _ = EXAMPLES[rule_id]
    other = "lv" if language == "en" else "en"
    assert rule_id not in rule_ids(sentence, other)
    assert rule_ids(sentence, "rml") == []


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_every_match_contains_one_of_the_rules_hints(rule_id):
    # The hints let texts without any of them skip the rule; a hint that misses a match would
    # hide it, so every example must contain one.
    language, sentence, words = EXAMPLES[rule_id]
    term = next(term for term in load_terms().terms if term.rule.id == rule_id)
    assert not term.hints or any(hint in words.lower() for hint in term.hints)


def test_every_rule_in_the_data_file_has_an_example():
    assert {term.rule.id for term in load_terms().terms} == set(EXAMPLES)


# -- the Latvian word "čigāns" -----------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "čigāns",
        "čigāna",
        "čigānam",
        "čigānu",
        "čigānā",
        "čigāni",
        "čigāniem",
        "čigānus",
        "čigānos",
        "čigāniete",
        "čigānietes",
        "čigāniešu",
        "Čigāns",
    ],
)
def test_cigans_in_every_case_is_information_never_an_error(word):
    found = find_terms(f"Šeit dzīvoja {word} no Kurzemes.", f"Šeit dzīvoja {word}.", "lv")
    assert [(term.rule.id, term.rule.severity) for term, _, _ in found] == [("LRP127", "info")]


def test_antigypsyism_in_latvian_is_not_flagged():
    assert rule_ids("Antičigānisms ir rasisma forma.", "lv") == []


# -- proper names and other uses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("lv", "Latvijas Čigānu nacionālās kultūras biedrība rīkoja koncertu."),
        ("lv", "Latvijas Čigānu nacionālās kultūras biedrības vadītājs uzrunāja klātesošos."),
        ("lv", "Laikraksts Čigānu draugs iznāca Rīgā."),
        ("en", "The Gypsy Lore Society published the article."),
    ],
)
def test_proper_names_are_left_alone(language, text):
    assert rule_ids(text, language) == []


def test_roma_as_adjective_is_fine_but_a_roma_as_a_noun_is_not():
    assert rule_ids("A Roma woman told her story.", "en") == []
    assert rule_ids("She is a Roma.", "en") == ["LRP104"]


def test_gypsy_moth_is_not_about_people():
    assert rule_ids("The gypsy moth damages oak trees.", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Nomadic herders crossed the steppe."),
        ("en", "Roma families live in Riga. Nomadic herders crossed the steppe."),
        ("lv", "Zaglis nozaga maizi."),
        ("lv", "Romi dzīvo Rīgā. Klejotāji šķērsoja stepi."),
    ],
)
def test_proximity_rules_need_roma_in_the_same_sentence(language, text):
    assert rule_ids(text, language) == []


def test_a_more_specific_rule_reports_the_words_once():
    assert rule_ids("The gypsy lifestyle.", "en") == ["LRP101"]
    assert rule_ids("Tur bija čigānu tabors.", "lv") == ["LRP122"]


def test_link_addresses_are_not_read_as_words():
    assert rule_ids("See [the archive](https://example.org/gypsy-archive).", "en") == []


# -- in a checked project ----------------------------------------------------------------------


def test_findings_in_the_text_and_title_say_why_where_from_and_what_instead(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "docs/words.en.md").write_text(
        "---\ntitle: Gypsy music\ntranslation: reviewed\n---\n\n"
        "The band played.\n\nHe said he was gypped.\n",
        encoding="utf-8",
    )
    findings = check_project(root)
    assert [(item.rule_id, item.line, item.field, item.severity) for item in findings] == [
        ("LRP103", 2, "title", "error"),
        ("LRP102", 8, "", "error"),
    ]
    message = findings[1].message
    assert "cheating" in message  # why
    assert "IHRA" in message  # source
    assert "Consider: cheat, swindle." in message  # alternative
    assert "<!-- terminology: allow -->" in message


def test_romani_pages_are_not_checked_for_wording(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "docs/words.rml.md").write_text(
        "---\ntitle: Gypsy\ntranslation: original\n---\n\nČigāni, gypped.\n", encoding="utf-8"
    )
    assert check_project(root) == []
