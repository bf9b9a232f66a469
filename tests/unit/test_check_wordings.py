"""`make check LANGUAGE=lv`: the exact case of a problem in Latvian, from `check.messages`.

The code names each text by its key where the problem is found (`rules.wording("key", …)`);
these tests keep the keys and their `{values}` in step with `data/rules.lv.yml`, check that
every problem the code reports has one (and that a copy of the content broken against every rule
prints no English), and read word for word what an editor sees for many of them.
"""

from __future__ import annotations

import ast
import json
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from hooks import check, content_checks
from hooks.frontmatter import parse_content
from hooks.languages import LANGUAGE_CODES
from hooks.rules import Finding, all_rules, wording
from hooks.site_data import rule_texts
from hooks.validation import schema as schema_rules
from hooks.validation import stories

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STORY = "stories/anna-rudevica/index.lv.md"


def _latvian() -> dict:
    return rule_texts("lv")["check"]


def _called_name(function: ast.expr) -> str:
    """`wording` for both `wording(...)` and `rules.wording(...)` (hooks/images.py)."""
    if isinstance(function, ast.Attribute):
        return function.attr
    return getattr(function, "id", "")


def _wordings_in_code() -> dict[str, set[frozenset[str]]]:
    """Each key given to `wording(...)` in hooks/, with the value names of each call."""
    found: dict[str, set[frozenset[str]]] = {}
    for source in sorted((PROJECT_ROOT / "hooks").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _called_name(node.func) == "wording"):
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
    assert set(names["kind"]) == set(schema_rules.KIND_NAMES)
    assert set(names["wanted"]) == set(schema_rules._TYPE_NAMES)
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


# -- every problem, in Latvian -------------------------------------------------------------------


def _calls_without_wording(name: str, positional: int) -> list[str]:
    """`name(...)` calls in hooks/ given no wording, neither by keyword nor as the
    `positional`-th argument."""
    missing = []
    for source in sorted((PROJECT_ROOT / "hooks").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == name):
                continue
            if len(node.args) < positional and not any(
                keyword.arg == "wording" for keyword in node.keywords
            ):
                missing.append(f"{source.name}:{node.lineno}")
    return missing


def test_every_problem_the_code_reports_names_its_latvian_text():
    # Every finding is made of an Issue (rules.finding) but the one for a failure of the
    # checks across files, which is a Finding itself.
    assert _calls_without_wording("Issue", 6) == []
    assert _calls_without_wording("Finding", 7) == []
    issues = sum(
        isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Issue"
        for source in (PROJECT_ROOT / "hooks").rglob("*.py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
    )
    assert issues > 90  # the scan found them; an empty scan would pass above


def _latvian_output(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    check.main(["--lang", "lv", "--root", str(root)])
    return capsys.readouterr().out


def _edit(root: Path, rel: str, *replacements: tuple[str, str]) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size and holds no pixels, as a damaged or hostile file may."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


EVENT = "docs/events/roma-day-2026.lv.md"
EVENT_EN = "docs/events/roma-day-2026.en.md"
STORY_EN = "stories/anna-rudevica/index.en.md"


def _english_event(root: Path, *replacements: tuple[str, str]) -> None:
    """The English version of the fixture's event, translated with the changes given."""
    (root / EVENT_EN).write_text((root / EVENT).read_text("utf-8"), "utf-8")
    _edit(
        root,
        EVENT_EN,
        ("translation: original", "translation: unreviewed\ntranslator: Anna Example"),
        *replacements,
    )


def _break_everything(root: Path) -> None:
    """The mistakes an editor can make, at least one for each rule that a copy of the content
    can break (LRP099, the check's own failure, is tested below)."""
    story = root / "stories/anna-rudevica"
    # The same story once more with a capital letter, its consent overdue for review and its
    # reference deleted.
    (root / "stories/anna-Rudevica").mkdir()
    (root / "stories/anna-Rudevica/index.lv.md").write_text(
        (root / STORY)
        .read_text("utf-8")
        .replace("  ref: LRP-2026-001\n", "")
        .replace(
            "  date: 2026-02-01\n  review_by: 2028-02-01",
            "  date: 2024-02-01\n  review_by: 2025-02-01",
        ),
        "utf-8",
    )
    # A second story, misnamed, whose photos the build cannot use.
    other = root / "stories/Jānis_Ozols"
    other.mkdir()
    Image.new("1", (300, 200)).save(other / "small.jpg")
    Image.new("1", (8000, 6000)).save(other / "big.png")
    (other / "broken.jpg").write_bytes(b"\xff\xd8\xffnot a photo")
    (other / "bomb.png").write_bytes(_png_header(20000, 10000))
    photos = "".join(
        f"  - file: {name}\n    alt: Fotogrāfija.\n"
        for name in ("small.jpg", "big.png", "broken.jpg", "bomb.png")
    )
    (other / "index.lv.md").write_text(
        (root / STORY)
        .read_text("utf-8")
        .replace("  - file: portrait.jpg\n    alt: Anna sēž pie loga ar ģitāru.\n", photos)
        .replace("    alt: Fotogrāfija.\n", "    alt:\n", 1)
        .replace("date: 2026-02-10", "date: 2026-02-30")
        .replace("  review_by: 2028-02-01", "  review_by: 2026-01-15")
        .replace("  photos: true", "  photos: [yes]")
        .replace("Vairāk par [romu mūziku](../../heritage/music.md).", ""),
        "utf-8",
    )
    (other / "Index.en.md").write_text("---\ntitle: Jānis\n---\n", "utf-8")
    (root / "stories/loose.lv.md").write_text("---\ntitle: Stāsts\n---\n", "utf-8")
    _edit_story(
        root,
        ("title: Annas stāsts", "title: Annas <b>stāsts</b> #1 stāsts"),
        ("date: 2026-02-10\n", "date: 2026-02-10\ntitel: x\n"),
        ("themes: [family, music]", "themes: [family, muzika]"),
        ("  region: latgale", "  region: Latgale"),
        ("  ref: LRP-2026-001\n", "  ref: 2026-001\n"),
        (
            "  date: 2026-02-01\n  review_by: 2028-02-01",
            "  date: 2099-02-01\n  review_by: 2100-02-01",
        ),
        ("  languages: [lv, en]", "  languages: [en]"),
        ("  republication: false", "  republication: true"),
        ("  photographer: Līga Example", "  photographer: 'Foto: Līga Example'"),
        (
            "Mana vecmāmiņa dziedāja katru vakaru.",
            "Mana vecmāmiņa dziedāja katru vakaru. Romi esot zagļi, čigāni teica. "
            '<script>x</script> <a onclick="x">o</a> [a](http://example.org) '
            "![p](https://example.org/a.jpg) [f](portrait.jpg) [n](notes.txt) [c](C:/x.doc) "
            "[d](javascript:alert(1)) [e](../../../../x) [g](../../../x.md) [h](/par/) "
            "[i](../../heritage/music.md#nav) [j](#nowhere) [k](../../abuot.md) ![l](nav.jpg)",
        ),
    )
    _edit(
        root,
        STORY_EN,
        ("date: 2026-02-10", "date: 2026-02-11"),
        ("  name: Anna\n", "  name: Anna Rudeviča\n"),
        ("  status: active", "  status: withdrawn"),
        ("  photos: true", "  photos: false"),
        ("  shown: region", "  shown: none"),
        ("  - file: portrait.jpg\n", "  - file: portrait.jpg\n    licence: CC-BY-4.0\n"),
        ("    alt: Anna sits by the window with a guitar.\n", "    alt: TODO\n"),
        ("  translator: Anna Example", "  translator: 'Translation: Anna Example'"),
        ("My grandmother sang every evening.", "My grandmother sang every evening. The Gypsies"),
    )
    (story / "notes.txt").write_text("Intervijas piezīmes.", "utf-8")
    (story / "index.en.docx").write_bytes(b"PK")
    (story / "data.bin").write_bytes(b"\0")
    Image.new("1", (1200, 900)).save(story / "extra.jpg")
    with (story / "huge.jpg").open("wb") as handle:
        handle.truncate(stories.STORY_IMAGE_LIMIT + 1024 * 1024)
    # Events: versions that disagree, an old one without a report, one in a subfolder.
    _edit(
        root,
        EVENT,
        ("  summary: Koncerts un diskusija notika, kā plānots.\n", ""),
        ("report:\n", "report:\n  summary: Notika.\n  participants:\n    wider_public: 40\n"),
    )
    _english_event(
        root,
        ("start: 2026-04-08 18:00", "start: 2026-04-08 19:00"),
        ("end: 2026-04-08 21:00", "end: 2026-04-07 21:00"),
        ("  deadline: 2026-04-05", "  deadline: 2026-04-09"),
        ("report:\n  summary: Notika.\n  participants:\n    wider_public: 40\n", ""),
        ("title: Starptautiskā romu diena", "title: International Roma Day"),
    )
    (root / "docs/events/old").mkdir()
    (root / "docs/events/old/meeting.lv.md").write_text(
        "---\ntitle: Sapulce\nstart: 2020-01-01\ntranslation: original\n---\n\nSapulce.\n", "utf-8"
    )
    # Heritage: citations and sources that do not match, a page the index does not list.
    _edit(
        root,
        "docs/heritage/music.lv.md",
        ("[@tihovska-2010]", "[@tihovska-2011] [@x]"),
        ("  - id: tihovska-2010\n", "  - id: tihovska-2010\n    title: A\n  - id: tihovska-2010\n"),
        ("    url: https://example.org/tihovska", "    url: http://example.org/tihovska"),
    )
    (root / "docs/heritage/index.lv.md").write_text(
        "---\ntitle: Mantojums\ntranslation: original\n---\n\n- [Deja](dance.md)\n", "utf-8"
    )
    (root / "docs/heritage/dance.lv.md").write_text(
        "---\ntitle: Deja\ntranslation: original\n---\n\nDeja.\n", "utf-8"
    )
    # Pages: the YAML, names, sizes, encodings, the text's language and wording.
    page = "---\ntitle: Lapa\ntranslation: original\n---\n\nTeksts.\n"
    for name in ("page.LV.md", "page.md", "page.lt.md", "index-en.md", "notes.markdown"):
        (root / "docs" / name).write_text(page, "utf-8")
    for name, front_matter in (
        ("tab", "title: Lapa\n\tsummary: x\n"),
        ("tag", "title: !!python/object x\n"),
        ("twice", "title: Lapa\ntitle: Vēlreiz\ntranslation: original\n"),
    ):
        (root / f"docs/{name}.lv.md").write_text(f"---\n{front_matter}---\n\nTeksts.\n", "utf-8")
    (root / "docs/plain.lv.md").write_text("Teksts bez metadatiem.\n", "utf-8")
    (root / "docs/stories").mkdir()
    (root / "docs/stories/anna.lv.md").write_text(page, "utf-8")
    (root / "docs/about").mkdir()
    (root / "docs/about/index.lv.md").write_text(page, "utf-8")
    (root / "docs/big.lv.md").write_text(page + "Teksts un vārdi. " * 14000, "utf-8")
    (root / "docs/latin1.lv.md").write_bytes(page.encode() + "Vārds".encode("cp1257"))
    (root / "docs/long.lv.md").write_text(
        "---\ntitle: "
        + "Garš " * 30
        + "\ntranslation: original\n---\n\n"
        + "The people of the town and the words of this page are in English, as they said. " * 3,
        "utf-8",
    )
    (root / "docs/index.rml.md").write_text("---\ntitle: Romani platforma\n---\n\nPal.\n", "utf-8")
    (root / "docs/about.en.md").write_text(
        "---\ntitle: About\ntranslation: unreviewed\n---\n\n"
        "The Gypsy soul of the town; the Roma were nomads.\n",
        "utf-8",
    )


# Every rule a copy of the content can break, so that a rule added without a Latvian text for
# its exact case, or a case of this test that stops reaching its rule, fails here.
BROKEN_RULES = {
    *(rule.id for rule in all_rules() if rule.group != "Terminology" and rule.id != "LRP099"),
    *("LRP101", "LRP103", "LRP106", "LRP124", "LRP127"),
}


def test_no_problem_is_left_in_english(root, capsys):
    _break_everything(root)
    output = _latvian_output(root, capsys)
    reported = {
        line.split()[2]
        for line in output.splitlines()
        if not line.startswith(" ") and re.search(r":\d+: \S+ LRP\d{3}", line)
    }
    assert BROKEN_RULES - reported == set()
    assert "Precīzāk (angliski)" not in output
    assert "{" not in output.replace("{#", "")


STORY_RML = "stories/anna-rudevica/index.rml.md"


def test_comparisons_across_language_versions_are_explained_in_latvian(root, capsys):
    _edit(
        root,
        STORY_EN,
        ("date: 2026-02-10", "date: 2026-02-11"),
        ("  name: Anna\n", "  name: Anna Rudeviča\n"),
        ("  photos: true", "  photos: false"),
        ("  - file: portrait.jpg\n", "  - file: portrait.jpg\n    licence: CC-BY-4.0\n"),
    )
    # A Romani version translated from the English one, which left the storyteller's name out.
    (root / STORY_RML).write_text((root / STORY).read_text("utf-8"), "utf-8")
    _edit(
        root,
        STORY_RML,
        ("  name: Anna\n", ""),
        ("translation: original", "translation: unreviewed\ntranslator: Anna Example"),
    )
    _edit(
        root,
        EVENT,
        (
            "  summary: Koncerts un diskusija notika, kā plānots.\n",
            "  summary: Notika.\n  participants:\n    wider_public: 40\n",
        ),
    )
    _english_event(
        root,
        ("start: 2026-04-08 18:00", "start: 2026-04-08 19:00"),
        ("report:\n  summary: Notika.\n  participants:\n    wider_public: 40\n", ""),
    )
    details = _details_in_latvian(root, capsys)
    assert details[f"{STORY_EN}:4: brīdinājums LRP067 laukā date"] == (
        f"Precīzāk: `date` šeit: `2026-02-11`, bet failā {STORY}: `2026-02-10`."
    )
    # Only the consent record says which version names the storyteller rightly: each is told
    # what every other one says.
    assert details[f"{STORY}:10: kļūda LRP066 laukā person.name"] == (
        f"Precīzāk: `person.name` šeit: `Anna`, bet failā {STORY_EN}: `Anna Rudeviča`; failā "
        f"{STORY_RML}: nav norādīts."
    )
    assert details[f"{STORY_RML}:1: kļūda LRP066 laukā person.name"] == (
        f"Precīzāk: `person.name` šeit: nav norādīts, bet failā {STORY}: `Anna`; failā "
        f"{STORY_EN}: `Anna Rudeviča`."
    )
    assert details[f"{STORY_EN}:12: kļūda LRP049 laukā consent"] == (
        f"Precīzāk: Bloks `consent` atšķiras no faila {STORY} šādos laukos: photos."
    )
    assert details[f"{STORY_EN}:24: brīdinājums LRP057 laukā images"] == (
        f"Precīzāk: Fotoattēli šajā versijā: `portrait.jpg` (CC-BY-4.0); failā {STORY}: "
        "`portrait.jpg` (bez licences)."
    )
    assert details[f"{EVENT_EN}:4: kļūda LRP055 laukā start"] == (
        f"Precīzāk: `start` šeit: `2026-04-08 19:00`, bet failā {EVENT}: `2026-04-08 18:00`."
    )
    assert details[f"{EVENT_EN}:5: brīdinājums LRP071 laukā report.participants"] == (
        f"Precīzāk: Šajā versijā nav `report:`, bet failā {EVENT} ir pārskats par pasākumu. "
        f"Nokopējiet `report:` ar tā `participants:` rindām no faila {EVENT} un iztulkojiet tā "
        "`summary:`."
    )


def test_themes_and_regions_are_explained_in_latvian(root, capsys):
    _edit_story(
        root,
        ("themes: [family, music]", "themes: [family, muzika]"),
        ("  region: latgale", "  region: Latgale"),
    )
    details = _details_in_latvian(root, capsys)
    assert details[f"{STORY}:5: kļūda LRP062 laukā themes.1"] == (
        "Precīzāk: `muzika` nav neviens no zināmajiem apzīmējumiem: family, work, education, "
        "music, language, memory, community, faith, youth, women."
    )
    assert details[f"{STORY}:7: kļūda LRP063 laukā place.region"] == (
        "Precīzāk: `Latgale` nav neviens no zināmajiem apzīmējumiem: riga, vidzeme, kurzeme, "
        "zemgale, latgale. Vai domājāt `latgale`?"
    )


def test_links_to_a_missing_anchor_are_explained_in_latvian(root, capsys):
    _edit(
        root,
        "docs/about.lv.md",
        ("# Par platformu\n", "# Par platformu\n\n## Kas mēs esam\n"),
        (
            "Atpakaļ uz [sākumu](index.md).",
            "Skatīt [mūs](#kas-mes-esm) un [mūziku](heritage/music.md#dziesmas).",
        ),
    )
    # Both links are on one line, so both problems have the same heading.
    output = _latvian_output(root, capsys).splitlines()
    assert output.count("docs/about.lv.md:12: kļūda LRP036") == 2
    assert (
        "    Precīzāk: Saite `#kas-mes-esm` nenorāda ne uz vienu šīs lapas virsrakstu vai enkuru. "
        "Vai domājāt `#kas-mes-esam`?"
    ) in output
    assert (
        "    Precīzāk: Saite `heritage/music.md#dziesmas` ved uz `#dziesmas`, bet failā "
        "`docs/heritage/music.lv.md` tāda enkura nav."
    ) in output


def test_the_wording_rules_are_explained_in_latvian(root, capsys):
    _edit_story(
        root,
        (
            "Mana vecmāmiņa dziedāja katru vakaru.",
            "Mana vecmāmiņa, kā visi čigāni, dziedāja katru vakaru.",
        ),
    )
    _edit(
        root,
        STORY_EN,
        ("My grandmother sang every evening.", "The Roma of the town were never nomads."),
    )
    details = _details_in_latvian(root, capsys)
    assert details[f"{STORY}:30: informācija LRP127"] == (
        "Precīzāk: Šeit rakstīts „čigāni” (pamatojums un avots — noteikumu aprakstā). Ja tas ir "
        "citāts vai organizācijas nosaukums, lieciet vārdus pēdiņās vai pievienojiet rindai "
        "<!-- terminology: allow -->."
    )
    assert details[f"{STORY_EN}:31: brīdinājums LRP106"] == (
        "Precīzāk: Šeit rakstīts „nomads” tajā pašā teikumā, kurā minēti romi (pamatojums un "
        "avots — noteikumu aprakstā). Ja tas ir citāts vai organizācijas nosaukums, lieciet "
        "vārdus pēdiņās vai pievienojiet rindai <!-- terminology: allow -->."
    )


def test_the_files_of_a_story_folder_are_explained_in_latvian(root, capsys):
    folder = root / "stories/anna-rudevica"
    Image.new("1", (1200, 900)).save(folder / "at-the-window.jpg")
    (folder / "Thumbs.db").write_bytes(b"\0")
    (folder / "index.en.txt").write_text("My grandmother sang.", "utf-8")
    (folder / "consent-form.pdf").write_bytes(b"%PDF-1.4")
    details = _details_in_latvian(root, capsys)
    assert details["stories/anna-rudevica/at-the-window.jpg:1: brīdinājums LRP068"] == (
        "Precīzāk: Fotogrāfija `at-the-window.jpg` nav ierakstīta sarakstā `images:` nevienā "
        "valodu versijā, tāpēc tā netiek publicēta. Ierakstiet to sarakstā `images:` katrā "
        "valodu versijā ar alternatīvo tekstu vai izdzēsiet to."
    )
    assert details["stories/anna-rudevica/Thumbs.db:1: brīdinājums LRP068"] == (
        "Precīzāk: Fails `Thumbs.db` nav ierakstīts sarakstā `images:` nevienā valodu versijā, "
        "tāpēc tas netiek publicēts. Izdzēsiet to: vietne publicē tikai stāsta tekstus un "
        "sarakstā `images:` ierakstītās fotogrāfijas."
    )
    assert details["stories/anna-rudevica/index.en.txt:1: brīdinājums LRP068"] == (
        "Precīzāk: `index.en.txt` netiek nolasīts kā stāsta teksts, tāpēc tas netiek publicēts. "
        "Ja tas ir stāsts, saglabājiet to kā vienkāršu tekstu ar nosaukumu `index.en.md`; citādi "
        "izdzēsiet to."
    )
    assert details["stories/anna-rudevica/consent-form.pdf:1: kļūda LRP069"] == (
        "Precīzāk: `consent-form.pdf` netiek publicēts, bet dokumentā vai ierakstā repozitorijā "
        "var būt personas dati (piekrišanas veidlapa, piezīmes, intervija)."
    )


@pytest.mark.parametrize(
    ("photo", "heading", "expected"),
    [
        (
            lambda path: Image.new("1", (300, 200)).save(path),
            "kļūda LRP008",
            "Attēla portrait.jpg izmērs ir tikai 300×200 pikseļu; garākajai malai jābūt vismaz "
            "800 pikseļu garai. Izmantojiet oriģinālo fotogrāfiju, nevis sīktēlu vai kopiju, kas "
            "sūtīta ar tērzēšanas lietotni.",
        ),
        (
            lambda path: Image.new("1", (8000, 6000)).save(path, format="PNG"),
            "brīdinājums LRP009",
            "Attēlā portrait.jpg megapikseļu skaits ir 48,0 (vairāk nekā 40); vietnei tas tiek "
            "samazināts, taču saglabājiet to ar ne vairāk kā 2400 pikseļiem garākajā malā.",
        ),
        (
            lambda path: path.write_bytes(b"\xff\xd8\xff\xe0 cut off while copying"),
            "kļūda LRP008",
            "Attēlu portrait.jpg nevar nolasīt. Saglabājiet to vēlreiz JPEG vai PNG formātā.",
        ),
        (
            lambda path: path.write_bytes(_png_header(20000, 10000)),
            "kļūda LRP008",
            "Attēla portrait.jpg galvenē norādīts vairāk nekā 179 megapikseļu; tas izskatās pēc "
            "„dekompresijas bumbas” (faila, kas, to atverot, aizpilda visu atmiņu). Saglabājiet "
            "to vēlreiz kameras izmērā (ne vairāk kā 40 megapikseļu).",
        ),
    ],
    ids=["small", "too-many-pixels", "unreadable", "bomb"],
)
def test_what_the_build_would_refuse_in_a_photo_is_explained_in_latvian(
    root, capsys, photo, heading, expected
):
    photo(root / "stories/anna-rudevica/portrait.jpg")
    details = _details_in_latvian(root, capsys)
    # Reported once, where the first of the texts lists the photo.
    assert details[f"{STORY_EN}:25: {heading} laukā images.0.file"] == f"Precīzāk: {expected}"


def test_a_failure_of_the_check_itself_is_explained_in_latvian(root, capsys, monkeypatch):
    def explode(*arguments: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(content_checks, "check_file", explode)
    details = _details_in_latvian(root, capsys)
    assert details["docs/about.lv.md:1: kļūda LRP099"] == (
        "Precīzāk: Pārbaudot šo failu, radās iekšēja kļūme (kļūdas ziņojums angliski: "
        "KeyError: 'surprise')."
    )
    monkeypatch.undo()
    monkeypatch.setattr(content_checks, "cross_file_findings", explode)
    details = _details_in_latvian(root, capsys)
    assert details["docs/about.lv.md:1: kļūda LRP099"] == (
        "Precīzāk: Pārbaudēs, kas salīdzina vairākus failus, radās iekšēja kļūme (kļūdas "
        "ziņojums angliski: KeyError: 'surprise')."
    )


def test_a_kind_of_schema_rule_without_its_own_text_gives_its_detail_in_english():
    from jsonschema import Draft202012Validator

    content = parse_content("---\ntitle: Pārāk garš virsraksts\n---\n")
    schema = {"properties": {"title": {"maxLength": 5}}}
    error = next(Draft202012Validator(schema).iter_errors(content.data))
    (issue,) = schema_rules._schema_issue(error, ("title",), content, "page")
    assert check.translated_message(issue.wording, "lv") == (
        "`title` vērtība nav pareiza (pārbaudes ziņojums angliski: 'Pārāk garš virsraksts' is "
        "too long)."
    )
