"""`make check LANGUAGE=lv`: the exact case of a problem in Latvian, from `check.messages`.

The code names each text by its key where the problem is found (`rules.wording("key", …)`);
these tests keep the keys and their `{values}` in step with `data/rules.lv.yml`, and read what
an editor sees for the mistakes made most often.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from hooks import check, content_checks
from hooks.languages import LANGUAGE_CODES
from hooks.rules import Finding, wording
from hooks.site_data import rule_texts

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STORY = "stories/anna-rudevica/index.lv.md"


def _latvian() -> dict:
    return rule_texts("lv")["check"]


def _wordings_in_code() -> dict[str, set[frozenset[str]]]:
    """Each key given to `wording(...)` in hooks/, with the value names of each call."""
    found: dict[str, set[frozenset[str]]] = {}
    for source in sorted((PROJECT_ROOT / "hooks").glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "wording"):
                continue
            key = node.args[0]
            assert isinstance(key, ast.Constant), f"{source.name}:{node.lineno}: key not literal"
            names = frozenset(keyword.arg for keyword in node.keywords if keyword.arg)
            found.setdefault(key.value, set()).add(names)
    return found


def test_every_text_the_code_names_exists_with_the_same_values_and_none_is_left_unused():
    messages = _latvian()["messages"]
    in_code = _wordings_in_code()
    assert len(in_code) > 40  # the scan found the calls; an empty scan would pass below
    for key, calls in in_code.items():
        assert key in messages, f"data/rules.lv.yml check.messages has no `{key}`"
        for names in calls:
            assert check.wording_keys(messages[key]) == names, key
    assert sorted(set(messages) - set(in_code)) == []


def test_names_cover_every_content_type_kind_of_value_and_schema_advice():
    names = _latvian()["names"]
    assert set(names["kind"]) == set(content_checks._KIND_NAMES)
    assert set(names["wanted"]) == set(content_checks._TYPE_NAMES)
    advice = set()
    for schema in (PROJECT_ROOT / "schemas").glob("*.json"):
        text = json.loads(schema.read_text(encoding="utf-8"))
        stack = [text]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if "patternErrorMessage" in item:
                    advice.add(item["patternErrorMessage"])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    assert advice and set(names["advice"]) == advice
    assert tuple(names["language"]) == LANGUAGE_CODES


def test_a_phrase_left_out_takes_its_space_along():
    top_level = wording(
        "unknown_field",
        key="titel",
        kind="story",
        where="",
        fix=wording("rename_field", close="title"),
    )
    assert check.translated_message(top_level, "lv") == (
        "`titel` nav stāsta lauks. Vai domājāt `title`? Pārdēvējiet lauku."
    )
    in_block = wording("add_value", key="date", under=wording("under", parent="consent"))
    assert check.translated_message(in_block, "lv") == (
        "Pievienojiet `date:` zem `consent:` ar tā vērtību."
    )


def test_a_problem_without_a_latvian_text_is_given_in_english():
    unknown = Finding(
        "docs/a.lv.md",
        3,
        "LRP021",
        "error",
        "title",
        "The English message.",
        wording("no_such_text"),
    )
    assert check.translated_message(unknown.wording, "lv") is None
    assert check.format_finding(unknown, "lv").splitlines()[-1] == (
        "    Precīzāk (angliski): The English message."
    )
    unnamed_kind = wording("unknown_field", key="x", kind="poem", where="", fix="")
    assert check.translated_message(unnamed_kind, "lv") is None


@pytest.fixture
def root(checked_project: Path) -> Path:
    return checked_project


def _details_in_latvian(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """`path:line rule field` -> the "Precīzāk" line of each problem."""
    check.main(["--lang", "lv", "--root", str(root)])
    lines = capsys.readouterr().out.splitlines()
    details: dict[str, str] = {}
    for number, line in enumerate(lines):
        if line.startswith("    Precīzāk"):
            heading = next(lines[i] for i in range(number, -1, -1) if not lines[i].startswith(" "))
            details[heading] = line.strip()
    return details


def _edit_story(root: Path, *replacements: tuple[str, str]) -> None:
    path = root / STORY
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_the_fields_an_editor_gets_wrong_are_explained_in_latvian(root, capsys):
    _edit_story(
        root,
        ("date: 2026-02-10\n", "date: 2026-02-10\ntitel: x\n"),
        ("  review_by: 2028-02-01\n", ""),
        ("  photos: true\n", "  photos: [yes]\n"),
        ("  ref: LRP-2026-001\n", "  ref: 2026-001\n"),
        ("licence: CC-BY-4.0\n", "licence:\n"),
        ("    alt: Anna sēž pie loga ar ģitāru.\n", "    alt:\n"),
    )
    details = _details_in_latvian(root, capsys)
    assert details[f"{STORY}:5: kļūda LRP023 laukā titel"] == (
        "Precīzāk: `titel` nav stāsta lauks. Vai domājāt `title`? Pārdēvējiet lauku."
    )
    assert details[f"{STORY}:13: kļūda LRP020 laukā consent.review_by"] == (
        "Precīzāk: Trūkst obligātā lauka `consent.review_by`. Pievienojiet `review_by:` zem "
        "`consent:` ar tā vērtību."
    )
    assert details[f"{STORY}:14: kļūda LRP022 laukā consent.ref"] == (
        "Precīzāk: `2026-001` nav laukam `consent.ref` vajadzīgajā formā. Ierakstiet "
        "piekrišanas ieraksta identifikatoru, piemēram, LRP-2026-001."
    )
    assert details[f"{STORY}:18: kļūda LRP021 laukā consent.photos"] == (
        "Precīzāk: Lauka `consent.photos` vērtība ir saraksts, bet vajadzīgs: true vai false. "
        "Izlabojiet vērtību."
    )
    assert details[f"{STORY}:20: kļūda LRP021 laukā licence"].startswith(
        "Precīzāk: `licence` ir tukšs. Aiz `licence:` ierakstiet vienu no vērtībām `CC-BY-4.0`,"
    )
    assert details[f"{STORY}:26: kļūda LRP043 laukā images.0.alt"] == (
        "Precīzāk: 1. fotoattēls (`portrait.jpg`): `alt:` teksts ir tukšs."
    )
    # An empty field with a list of allowed values is one problem, not also "`None` is not
    # allowed".
    assert not any("LRP022 laukā licence" in heading for heading in details)


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("title: Labdien\n\tsummary: x\n", "Šajā rindā ir tabulācijas rakstzīme"),
        ('title "Labdien\nsummary: x\n', "Šajā rindā starp lauka nosaukumu un vērtību nav `:`"),
        ('title: "Labdien\nsummary: x\n', 'Šajā rindā atvērtā pēdiņa (") netiek aizvērta'),
        ("title: Labdien\ntitle: Sveiki\n", "`title` ir ierakstīts divreiz (pirmo reizi 2. rindā)"),
        ("title: TODO\n", "`title` ir tikai vietturis „TODO”"),
    ],
    ids=["tab", "no-colon", "open-quote", "twice", "placeholder"],
)
def test_yaml_mistakes_are_explained_in_latvian(root, capsys, front_matter, expected):
    (root / "docs/page.lv.md").write_text(f"---\n{front_matter}---\n\nTeksts.\n", "utf-8")
    details = _details_in_latvian(root, capsys)
    mine = [line for heading, line in details.items() if heading.startswith("docs/page.lv.md")]
    assert mine and mine[0].startswith(f"Precīzāk: {expected}")
    assert all("{" not in line and "  " not in line for line in mine)


def test_links_consent_and_event_dates_are_explained_in_latvian(root, capsys):
    (root / "docs/page.lv.md").write_text(
        "---\ntitle: Lapa\ntranslation: original\n---\n\n[Par mums](abuot.md)\n", "utf-8"
    )
    (root / "docs/index.en.md").write_text("---\ntitle: Home\n---\n\nText.\n", "utf-8")
    _edit_story(root, ("  review_by: 2028-02-01\n", "  review_by: 2025-02-01\n"))
    event = root / "docs/events/roma-day-2026.lv.md"
    event.write_text(
        event.read_text("utf-8").replace("end: 2026-04-08 21:00", "end: 2026-04-07 21:00"),
        "utf-8",
    )
    details = _details_in_latvian(root, capsys)
    assert details["docs/page.lv.md:6: kļūda LRP030"] == (
        "Precīzāk: Saite `abuot.md` ved uz `docs/abuot.md`, bet tāda faila nav. "
        "Vai domājāt `about.md`?"
    )
    assert details["docs/index.en.md:1: brīdinājums LRP060 laukā translation"] == (
        "Precīzāk: Šī angļu valodas lapa nenorāda, vai tās tulkojums ir pārbaudīts."
    )
    assert details[f"{STORY}:15: kļūda LRP045 laukā consent.review_by"] == (
        "Precīzāk: Pārskatīšanas datums 2025-02-01 ir agrāks par piekrišanas datumu 2026-02-01."
    )
    assert details["docs/events/roma-day-2026.lv.md:5: kļūda LRP051 laukā end"] == (
        "Precīzāk: Pasākums beidzas (2026-04-07 21:00) agrāk, nekā sākas (2026-04-08 18:00)."
    )
