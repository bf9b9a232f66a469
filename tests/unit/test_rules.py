"""The content rules as an editor meets them: each broken file gives its rule, file and line."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from hooks import content_checks, rules
from hooks.content_checks import check_files, check_project
from hooks.rules import Finding, all_rules
from hooks.rules_reference import rules_reference_markdown
from hooks.validation.project_files import discover_content

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content"
TODAY = dt.date(2026, 6, 1)
REPOSITORY = Path(__file__).resolve().parents[2]
STORY = "stories/anna-rudevica/index.lv.md"
STORY_EN = "stories/anna-rudevica/index.en.md"
HERITAGE = "docs/heritage/music.lv.md"
EVENT = "docs/events/roma-day-2026.lv.md"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def edit(root: Path, rel: str, old: str, new: str) -> Path:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {rel} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(root: Path, rel: str, snippet: str) -> int:
    """The line of `rel` that contains `snippet` (exactly one must)."""
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    matching = [number for number, line in enumerate(lines, 1) if snippet in line]
    assert len(matching) == 1, f"{snippet!r} is on lines {matching} of {rel}"
    return matching[0]


def where(findings: list[Finding]) -> set[tuple[str, str, int]]:
    return {(item.rule_id, item.path, item.line) for item in findings}


def check(root: Path) -> list[Finding]:
    return check_project(root, today=TODAY)


def page(body: str, front: str = "title: Lapa\ntranslation: original\n") -> str:
    return f"---\n{front}---\n{body}"


# -- the fixture itself ------------------------------------------------------------------------


def test_the_valid_fixture_project_has_no_findings(tmp_path):
    assert check(project(tmp_path)) == []


def test_discover_finds_stories_and_pages_but_not_assets(tmp_path):
    root = project(tmp_path)
    write(root, "docs/assets/notes.md", "not content")
    write(root, "docs/search.lv.md", page(""))
    found = {path.relative_to(root).as_posix() for path in discover_content(root)}
    assert STORY in found and "docs/search.lv.md" in found and HERITAGE in found
    assert "docs/assets/notes.md" not in found


def test_finding_format_names_file_line_severity_rule_field_and_fix(tmp_path):
    root = project(tmp_path)
    edit(root, "docs/about.lv.md", "title: Par platformu", "tittle: Par platformu")
    lines = [item.format() for item in check(root)]
    assert (
        "docs/about.lv.md:2: error LRP023 tittle: `tittle` is not a field of a page. "
        "Did you mean `title`? Rename the field."
    ) in lines


# -- front matter fields -----------------------------------------------------------------------


def test_missing_title_is_reported_at_the_front_matter(tmp_path):
    root = project(tmp_path)
    write(root, "docs/untitled.lv.md", page("Teksts\n", front="translation: original\n"))
    findings = check(root)
    assert where(findings) == {("LRP020", "docs/untitled.lv.md", 1)}
    assert findings[0].field == "title"


def test_every_missing_required_field_is_reported(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  status: active\n  languages: [lv, en]\n", "")
    edit(root, STORY_EN, "  status: active\n  languages: [lv, en]\n", "")
    findings = [item for item in check(root) if item.path == STORY]
    consent_line = line_of(root, STORY, "consent:")
    assert [(item.rule_id, item.line, item.field) for item in findings] == [
        ("LRP020", consent_line, "consent.languages"),
        ("LRP020", consent_line, "consent.status"),
    ]
    assert "Add `status:` under `consent:` with one of `active`, `withdrawn`." in (
        findings[1].message
    )


def test_a_deleted_consent_block_is_explained_with_its_fields(tmp_path):
    root = project(tmp_path)
    text = (root / STORY).read_text(encoding="utf-8")
    block = text[text.index("consent:\n") : text.index("\nlicence:") + 1]
    edit(root, STORY, block, "")
    findings = [item for item in check(root) if item.path == STORY and item.field == "consent"]
    assert [item.rule_id for item in findings] == ["LRP020"]
    assert (
        "Add the `consent:` block with its fields `ref`, `date`, `review_by`, `status`, "
        "`languages`, `photos`, `republication`. Copy it from `templates/story.md`."
    ) in findings[0].message


def test_a_missing_yes_or_no_field_asks_for_true_or_false(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  photos: true\n", "")
    findings = [item for item in check(root) if item.field == "consent.photos"]
    assert "Add `photos:` under `consent:` with `true` or `false`." in findings[0].message


def test_a_misspelt_required_field_is_one_error_not_two(tmp_path):
    root = project(tmp_path)
    edit(root, "docs/about.lv.md", "title: Par platformu", "titel: Par platformu")
    findings = [item for item in check(root) if item.path == "docs/about.lv.md"]
    assert [(item.rule_id, item.field) for item in findings] == [("LRP023", "titel")]
    assert "Did you mean `title`?" in findings[0].message


def test_placeholder_shown_as_code_is_not_reported(tmp_path):
    root = project(tmp_path)
    write(root, "docs/howto.lv.md", page("Aizstājiet `TODO(title)` ar virsrakstu.\n"))
    assert check(root) == []


@pytest.mark.parametrize(
    ("front", "line", "field", "expected"),
    [
        ('title: Lapa\nsample: "yes"\n', 3, "sample", "true or false"),
        ("title: 2026\n", 2, "title", "text"),
        ("title: Lapa\nhide: toc\n", 3, "hide", "a list"),
        ("title: Lapa\nnoindex:\n", 3, "noindex", "empty"),
    ],
)
def test_wrong_type_names_the_expected_type(tmp_path, front, line, field, expected):
    root = project(tmp_path)
    write(root, "docs/typed.lv.md", page("", front=front + "translation: original\n"))
    findings = check(root)
    assert where(findings) == {("LRP021", "docs/typed.lv.md", line)}
    assert findings[0].field == field
    assert expected in findings[0].message


def test_a_time_without_a_date_is_explained_not_shown_as_a_strange_number(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    edit(root, EVENT, "end: 2026-04-08 21:00", "end: 21:00")
    findings = check(root)
    # Only the mistake itself: not also "`end` is `1260` here but 21:00 in the English version",
    # which would blame the correct English file (a tie goes to the Latvian one).
    assert [(item.rule_id, item.line, item.field) for item in findings] == [
        ("LRP021", line_of(root, EVENT, "end: 21:00"), "end")
    ]
    assert "`end: 21:00` is a time without a date" in findings[0].message
    assert "YYYY-MM-DD HH:MM" in findings[0].message


def test_an_unquoted_hash_that_cuts_a_title_or_alt_text_is_a_warning(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "title: Annas stāsts", "title: Annas stāsts #1 no Latgales")
    edit(root, STORY, "alt: Anna sēž", 'alt: "Anna #2" # komentārs\n    caption: Anna sēž')
    findings = check(root)
    assert where(findings) == {("LRP070", STORY, line_of(root, STORY, "#1 no Latgales"))}
    assert "“#1 no Latgales”" in findings[0].message
    assert '`title: "Annas stāsts #1 no Latgales"`' in findings[0].message


def test_wrong_enum_value_lists_the_allowed_values_and_a_guess(tmp_path):
    root = project(tmp_path)
    edit(root, "docs/about.lv.md", "translation: original", "translation: orignal")
    findings = check(root)
    assert where(findings) == {("LRP022", "docs/about.lv.md", 4)}
    assert "Did you mean `original`?" in findings[0].message
    assert "original, reviewed, unreviewed" in findings[0].message


def test_wrong_form_uses_the_schema_advice(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "ref: LRP-2026-001", "ref: 2026/1")
    edit(root, STORY_EN, "ref: LRP-2026-001", "ref: 2026/1")
    findings = [item for item in check(root) if item.path == STORY]
    assert where(findings) == {("LRP022", STORY, line_of(root, STORY, "ref: 2026/1"))}
    assert "LRP-2026-001" in findings[0].message


def test_unknown_key_suggests_the_closest_field(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "organiser:", "organizer:")
    findings = check(root)
    assert where(findings) == {("LRP023", EVENT, 11)}
    assert "Did you mean `organiser`?" in findings[0].message


def test_unknown_nested_key_is_reported_with_its_dotted_path(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  review_by: 2028-02-01", "  review_by: 2028-02-01\n  reviewd: yes")
    findings = [item for item in check(root) if item.rule_id == "LRP023"]
    assert [(item.path, item.line, item.field) for item in findings] == [
        (STORY, line_of(root, STORY, "reviewd:"), "consent.reviewd")
    ]


# -- file names --------------------------------------------------------------------------------


def test_unknown_language_suffix_is_an_error(tmp_path):
    root = project(tmp_path)
    write(root, "stories/anna-rudevica/index.lt.md", "---\ntitle: x\n---\n")
    write(root, "docs/story.lt.md", page("Teksts\n"))
    findings = [item for item in check(root) if item.rule_id == "LRP010"]
    assert where(findings) == {
        ("LRP010", "docs/story.lt.md", 1),
        ("LRP010", "stories/anna-rudevica/index.lt.md", 1),
    }
    assert "left out" in findings[0].message


def test_unknown_language_suffix_on_a_long_text_is_still_only_the_name_error(tmp_path):
    # Long enough for the wrong-language check (LRP064), which has no language to compare with.
    root = project(tmp_path)
    body = "Šis ir garš teksts par to, kā dzīvo un strādā cilvēki, kas ir šeit. " * 6
    write(root, "docs/about.eng.md", page(body))
    findings = check(root)
    assert where(findings) == {("LRP010", "docs/about.eng.md", 1)}
    assert not [item for item in findings if item.rule_id == "LRP099"]


def test_missing_language_suffix_is_an_error(tmp_path):
    root = project(tmp_path)
    write(root, "docs/contacts.md", page("Teksts\n"))
    findings = check(root)
    assert where(findings) == {("LRP011", "docs/contacts.md", 1)}
    assert "contacts.lv.md" in findings[0].message


def test_uppercase_language_suffix_gets_a_rename_hint(tmp_path):
    root = project(tmp_path)
    write(root, "docs/contacts.LV.md", page("Teksts\n"))
    findings = check(root)
    assert where(findings) == {("LRP010", "docs/contacts.LV.md", 1)}
    assert "lowercase" in findings[0].message and "`.lv.md`" in findings[0].message


def test_capitalised_code_on_a_story_text_gets_only_the_rename_hint(tmp_path):
    root = project(tmp_path)
    # Long enough for the wrong-language check, which must take the text for the English it is.
    edit(
        root,
        STORY_EN,
        "My grandmother sang every evening.",
        "She sang the old songs of the "
        "family in the evenings, and they were the songs that her own mother had sung. " * 4,
    )
    (root / STORY_EN).rename(root / "stories/anna-rudevica/index.EN.md")
    findings = [item for item in check(root) if item.path.endswith("index.EN.md")]
    assert where(findings) == {("LRP010", "stories/anna-rudevica/index.EN.md", 1)}
    assert "`.en.md`" in findings[0].message


def test_same_event_slug_in_two_folders_is_reported_on_both(tmp_path):
    root = project(tmp_path)
    (root / "docs/events/2025").mkdir()
    shutil.copy(root / EVENT, root / "docs/events/2025/roma-day-2026.lv.md")
    assert {
        ("LRP012", EVENT, 1),
        ("LRP012", "docs/events/2025/roma-day-2026.lv.md", 1),
    } <= where(check(root))


def test_story_slugs_differing_only_in_case_are_duplicates(tmp_path):
    root = project(tmp_path)
    shutil.copytree(root / "stories/anna-rudevica", root / "stories/Anna-Rudevica")
    rule_ids = {item.rule_id for item in check(root) if item.path.startswith("stories/Anna")}
    assert {"LRP012", "LRP014"} <= rule_ids


def test_two_files_with_the_same_address_are_reported(tmp_path):
    root = project(tmp_path)
    write(root, "docs/about/index.lv.md", page("Teksts\n"))
    assert {("LRP013", "docs/about.lv.md", 1), ("LRP013", "docs/about/index.lv.md", 1)} <= where(
        check(root)
    )


def test_slug_with_capitals_or_diacritics_gets_a_suggestion(tmp_path):
    root = project(tmp_path)
    shutil.copy(root / EVENT, root / "docs/events/Romu-Diena.lv.md")
    findings = [item for item in check(root) if item.rule_id == "LRP014"]
    assert [(item.path, item.line) for item in findings] == [("docs/events/Romu-Diena.lv.md", 1)]
    assert "romu-diena" in findings[0].message


def test_markdown_file_outside_a_story_folder_is_reported(tmp_path):
    root = project(tmp_path)
    write(root, "stories/loose.lv.md", page("Teksts\n"))
    assert ("LRP015", "stories/loose.lv.md", 1) in where(check(root))


# -- links and images --------------------------------------------------------------------------


def test_broken_link_is_reported_with_its_line_and_a_guess(tmp_path):
    root = project(tmp_path)
    write(root, "docs/links.lv.md", page("Teksts.\n\nSkatīt [par mums](abuot.md).\n"))
    findings = check(root)
    assert where(findings) == {("LRP030", "docs/links.lv.md", 7)}
    assert "Did you mean `about.md`?" in findings[0].message


def test_link_to_a_page_finds_any_language_version(tmp_path):
    root = project(tmp_path)
    # about exists only as about.lv.md; an English page linking to about.md is fine.
    write(
        root,
        "docs/links.en.md",
        page(
            "[About](about.md) [Home](index.en.md)\n", front="title: Links\ntranslation: reviewed\n"
        ),
    )
    assert check(root) == []


def test_link_to_an_explicit_missing_language_version_is_broken(tmp_path):
    root = project(tmp_path)
    write(root, "docs/links.lv.md", page("[About](about.en.md)\n"))
    assert where(check(root)) == {("LRP030", "docs/links.lv.md", 5)}


def test_broken_image_in_the_text_is_reported(tmp_path):
    root = project(tmp_path)
    write(root, "docs/images.lv.md", page("Teksts\n\n![Attēls](images/missing.png)\n"))
    assert where(check(root)) == {("LRP031", "docs/images.lv.md", 7)}


def test_story_image_named_in_front_matter_must_exist(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):  # in both, or the versions would also disagree (LRP057)
        edit(root, rel, "file: portrait.jpg", "file: Portrait.jpg")
    findings = [item for item in check(root) if item.path == STORY]
    assert where(findings) == {("LRP031", STORY, line_of(root, STORY, "Portrait.jpg"))}
    assert findings[0].field == "images.0.file"


def test_story_links_resolve_as_if_the_story_were_in_docs(tmp_path):
    root = project(tmp_path)
    # From stories/<slug>/ the site sees ../../heritage/music.md, not ../../docs/heritage/...
    edit(root, STORY, "(../../heritage/music.md)", "(../../docs/heritage/music.md)")
    assert where(check(root)) == {("LRP030", STORY, line_of(root, STORY, "../../docs/"))}


def test_a_broken_link_from_a_story_names_the_path_the_site_looks_for(tmp_path):
    root = project(tmp_path)
    # `../about.md` from stories/<slug>/ is docs/stories/about.md to the site, not the
    # stories/ folder an editor sees at the top of the project.
    edit(root, STORY, "(../../heritage/music.md)", "(../about.md)")
    findings = check(root)
    assert where(findings) == {("LRP030", STORY, line_of(root, STORY, "../about.md"))}
    assert "`../about.md` points to `docs/stories/about.md`, which does not exist" in (
        findings[0].message
    )
    assert "Did you mean `../../about.md`?" in findings[0].message


def test_link_from_docs_to_the_story_folder_gets_the_right_path(tmp_path):
    root = project(tmp_path)
    write(root, "docs/links.lv.md", page("[Anna](../stories/anna-rudevica/index.md)\n"))
    findings = check(root)
    assert where(findings) == {("LRP030", "docs/links.lv.md", 5)}
    assert "`stories/anna-rudevica/index.md`" in findings[0].message


def test_links_in_code_and_comments_are_not_checked(tmp_path):
    root = project(tmp_path)
    body = "`[x](missing.md)`\n\n```md\n[y](missing.md)\n```\n\n<!-- [z](missing.md) -->\n"
    write(root, "docs/code.lv.md", page(body))
    assert check(root) == []


def test_external_links_mail_and_existing_anchors_pass(tmp_path):
    root = project(tmp_path)
    body = (
        "## Virsraksts\n\n"
        "[a](https://example.org/x.md) [b](#virsraksts) [c](mailto:a@b.lv) [d](tel:+371)\n"
    )
    write(root, "docs/external.lv.md", page(body))
    assert check(root) == []


@pytest.mark.parametrize(
    ("body", "rule_id"),
    [
        ("<script>alert(1)</script>", "LRP034"),
        ('<iframe src="https://example.org/embed"></iframe>', "LRP034"),
        ('<object data="movie.swf"></object>', "LRP034"),
        ('<embed src="movie.swf">', "LRP034"),
        ('<img src="index.lv.md" onerror="alert(1)">', "LRP034"),
        ('<a href="about.md" onclick="steal()">Par</a>', "LRP034"),
        ('[Par mums](about.md){ onclick="steal()" }', "LRP034"),
        ('[Par mums](about.md){onclick="steal()"}', "LRP034"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "LRP034"),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">', "LRP034"),
        ("<style>.md-content{display:none}</style>", "LRP034"),
        ('<form action="https://evil.example"><input name="p"></form>', "LRP034"),
        ("[Spied](javascript:alert(1))", "LRP035"),
        ('<a href="JavaScript:alert(1)">x</a>', "LRP035"),
        ("![Bilde](data:image/png;base64,iVBORw0KGgo=)", "LRP035"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "LRP035"),
    ],
)
def test_unsafe_html_and_addresses_are_errors_on_their_line(tmp_path, body, rule_id):
    root = project(tmp_path)
    write(root, "docs/unsafe.lv.md", page(f"Ievads.\n\n{body}\n"))
    findings = check(root)
    assert where(findings) == {(rule_id, "docs/unsafe.lv.md", 7)}
    assert all(item.severity == "error" for item in findings)


def test_html_shown_as_code_is_not_unsafe(tmp_path):
    root = project(tmp_path)
    body = "Use `<script>` never.\n\n```html\n<iframe src=x onload=y></iframe>\n```\n"
    write(root, "docs/code.lv.md", page(body))
    assert check(root) == []


@pytest.mark.parametrize(
    "target",
    [
        "../../secret.txt",
        "../../../etc/passwd",
        "/home/anna/Desktop/foto.jpg",
        "C:\\Users\\Anna\\foto.jpg",
        "file:///C:/Users/Anna/foto.jpg",
    ],
)
def test_reference_outside_the_repository_is_an_error(tmp_path, target):
    root = project(tmp_path)
    write(root, "docs/outside.lv.md", page(f"Teksts\n\n![Foto]({target})\n"))
    assert where(check(root)) == {("LRP032", "docs/outside.lv.md", 7)}


def test_site_absolute_link_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/absolute.lv.md", page("[About](/en/about/)\n"))
    findings = check(root)
    assert where(findings) == {("LRP033", "docs/absolute.lv.md", 5)}
    assert findings[0].severity == "warning"


def test_site_absolute_link_advice_is_the_relative_link_from_where_the_file_is(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "](../../heritage/music.md)", "](/en/heritage/music/#dziesmas)")
    write(root, "docs/absolute.lv.md", page("[Par mums](/nowhere/)\n"))
    findings = {item.path: item for item in check(root) if item.rule_id == "LRP033"}
    assert "`../../heritage/music.md#dziesmas`" in findings[STORY].message
    assert "e.g. `about.md`" in findings["docs/absolute.lv.md"].message


# -- sizes and placeholders --------------------------------------------------------------------


def test_markdown_over_200_kb_is_reported(tmp_path):
    root = project(tmp_path)
    write(root, "docs/huge.lv.md", page("Teksts ar garumzīmēm.\n" * 10_000))
    assert where(check(root)) == {("LRP005", "docs/huge.lv.md", 1)}


def test_story_image_over_15_mb_is_reported(tmp_path):
    root = project(tmp_path)
    image = root / "stories/anna-rudevica/portrait.jpg"
    with image.open("r+b") as handle:
        handle.truncate(16 * 1024 * 1024)  # sparse: no real 16 MB written
    assert where(check(root)) == {("LRP006", "stories/anna-rudevica/portrait.jpg", 1)}


def test_a_consent_form_or_recording_in_a_story_folder_is_an_error(tmp_path):
    root = project(tmp_path)
    write(root, "stories/anna-rudevica/consent-form.pdf", b"%PDF-1.4")
    write(root, "stories/anna-rudevica/Interview.M4A", b"audio")
    findings = check(root)
    assert where(findings) == {
        ("LRP069", "stories/anna-rudevica/Interview.M4A", 1),
        ("LRP069", "stories/anna-rudevica/consent-form.pdf", 1),
    }
    assert all(item.severity == "error" for item in findings)
    assert "personal data" in findings[0].message and "history" in findings[0].message


def test_a_photo_no_version_lists_is_reported_as_unpublished(tmp_path):
    root = project(tmp_path)
    for name in ("x.jpg", "index.en.jpg"):  # a photo, whatever its name, is not a text
        folder = root / "stories/anna-rudevica"
        shutil.copy(folder / "portrait.jpg", folder / name)
    findings = check(root)
    assert where(findings) == {
        ("LRP068", "stories/anna-rudevica/index.en.jpg", 1),
        ("LRP068", "stories/anna-rudevica/x.jpg", 1),
    }
    assert all("not listed under `images:`" in item.message for item in findings)
    assert "with its alt text, or delete it" in findings[0].message
    # Checking one version alone cannot tell what the other lists, so it says nothing.
    assert check_files([root / STORY], root, today=TODAY) == []


@pytest.mark.parametrize("name", ["index.en", "index.en.txt", "Index.EN.docx"])
def test_a_story_text_saved_under_the_wrong_name_gets_the_right_name(tmp_path, name):
    root = project(tmp_path)
    write(root, f"stories/anna-rudevica/{name}", "---\ntitle: x\n---\n")
    findings = check(root)
    assert where(findings) == {("LRP068", f"stories/anna-rudevica/{name}", 1)}
    assert "`index.en.md`" in findings[0].message


@pytest.mark.parametrize("value", ['"TODO"', "TBD", '"..."', '"?"'])
def test_a_field_holding_only_a_placeholder_word_is_an_error(tmp_path, value):
    root = project(tmp_path)
    edit(root, STORY, "alt: Anna sēž pie loga ar ģitāru.", f"alt: {value}")
    findings = check(root)
    assert [(item.rule_id, item.line, item.field) for item in findings] == [
        ("LRP007", line_of(root, STORY, f"alt: {value}"), "images.0.alt")
    ]


def test_placeholder_is_reported_and_hides_the_schema_complaint(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "start: 2026-04-08 18:00", 'start: "TODO(start): YYYY-MM-DD HH:MM"')
    edit(root, EVENT, "Koncerts un diskusija. Skatīt", "TODO(text): write. Skatīt")
    findings = check(root)
    assert where(findings) == {
        ("LRP007", EVENT, line_of(root, EVENT, "TODO(start)")),
        ("LRP007", EVENT, line_of(root, EVENT, "TODO(text)")),
    }
    assert [item.field for item in findings] == ["start", ""]


# -- content types -----------------------------------------------------------------------------


def test_heritage_page_without_sources_is_an_error(tmp_path):
    root = project(tmp_path)
    write(root, "docs/heritage/dances.lv.md", page("Dejas.\n"))
    findings = check(root)
    assert where(findings) == {("LRP040", "docs/heritage/dances.lv.md", 1)}


def test_heritage_page_with_an_empty_source_list_is_an_error(tmp_path):
    root = project(tmp_path)
    write(
        root,
        "docs/heritage/dances.lv.md",
        page("Dejas.\n", front="title: Dejas\ntranslation: original\nsources: []\n"),
    )
    assert where(check(root)) == {("LRP040", "docs/heritage/dances.lv.md", 4)}


def test_citation_of_an_unknown_source_is_reported_on_its_line(tmp_path):
    root = project(tmp_path)
    edit(root, HERITAGE, "[@tihovska-2010]", "[@tihovska-2010; @tihovska-2011]")
    findings = check(root)
    assert where(findings) == {("LRP041", HERITAGE, line_of(root, HERITAGE, "tihovska-2011"))}
    assert "Did you mean `tihovska-2010`?" in findings[0].message


def test_uncited_source_is_information(tmp_path):
    root = project(tmp_path)
    edit(root, HERITAGE, " [@tihovska-2010]", "")
    findings = check(root)
    assert where(findings) == {("LRP042", HERITAGE, line_of(root, HERITAGE, "- id: tihovska"))}
    assert findings[0].severity == "info"


def test_story_image_without_alt_text_is_an_error(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "    alt: Anna sēž pie loga ar ģitāru.\n", "")
    findings = check(root)
    assert where(findings) == {("LRP043", STORY, line_of(root, STORY, "- file: portrait.jpg"))}


@pytest.mark.parametrize("alt", ['""', "' '", ""])
def test_story_image_with_empty_alt_text_is_an_error(tmp_path, alt):
    root = project(tmp_path)
    edit(root, STORY, "alt: Anna sēž pie loga ar ģitāru.", f"alt: {alt}")
    assert where(check(root)) == {("LRP043", STORY, line_of(root, STORY, "alt:"))}


def test_consent_past_its_review_date_is_a_warning(tmp_path):
    root = project(tmp_path)
    findings = check_project(root, today=dt.date(2028, 3, 1))
    line = line_of(root, STORY, "review_by:")
    assert where(findings) == {("LRP044", STORY, line), ("LRP044", STORY_EN, line)}
    assert {item.severity for item in findings} == {"warning"}


def test_consent_date_after_review_date_is_an_error(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "review_by: 2028-02-01", "review_by: 2025-02-01")
    findings = check(root)
    line = line_of(root, STORY, "review_by:")
    assert where(findings) == {("LRP045", STORY, line), ("LRP045", STORY_EN, line)}


def test_consent_date_in_the_future_is_a_warning(tmp_path):
    root = project(tmp_path)
    findings = check_project(root, today=dt.date(2026, 1, 1))
    line = line_of(root, STORY, "  date: 2026-02-01")
    assert where(findings) == {("LRP053", STORY, line), ("LRP053", STORY_EN, line)}


def test_withdrawn_consent_is_reported(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "status: active", "status: withdrawn")
    line = line_of(root, STORY, "status:")
    assert where(check(root)) == {("LRP046", STORY, line), ("LRP046", STORY_EN, line)}


def test_story_language_without_consent_is_reported(tmp_path):
    root = project(tmp_path)
    shutil.copy(root / STORY_EN, root / "stories/anna-rudevica/index.rml.md")
    rml = "stories/anna-rudevica/index.rml.md"
    assert ("LRP047", rml, line_of(root, rml, "languages: [lv, en]")) in where(check(root))


def test_photos_without_photo_consent_are_an_error(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "photos: true", "photos: false")
    line = line_of(root, STORY, "images:")
    assert where(check(root)) == {("LRP048", STORY, line), ("LRP048", STORY_EN, line)}


def test_language_versions_with_different_consent_are_an_error(tmp_path):
    root = project(tmp_path)
    edit(root, STORY_EN, "ref: LRP-2026-001", "ref: LRP-2026-009")
    findings = check(root)
    assert where(findings) == {("LRP049", STORY_EN, line_of(root, STORY_EN, "consent:"))}
    assert "ref" in findings[0].message


def test_a_version_showing_the_full_name_the_others_hide_is_an_error_on_both(tmp_path):
    root = project(tmp_path)
    edit(root, STORY_EN, "  name: Anna\n", "  name: Anna Rudeviča\n")
    edit(root, STORY_EN, "naming: first_name", "naming: real")
    findings = [item for item in check(root) if item.rule_id == "LRP066"]
    # Which version is right is in the consent record, so neither is taken for the right one.
    assert [(item.path, item.line, item.field, item.severity) for item in findings] == [
        (STORY_EN, line_of(root, STORY_EN, "name: Anna Rudeviča"), "person.name", "error"),
        (STORY_EN, line_of(root, STORY_EN, "naming: real"), "person.naming", "error"),
        (STORY, line_of(root, STORY, "name: Anna"), "person.name", "error"),
        (STORY, line_of(root, STORY, "naming: first_name"), "person.naming", "error"),
    ]
    assert f"`real` here but `first_name` in {STORY}" in findings[1].message
    assert f"`first_name` here but `real` in {STORY_EN}" in findings[3].message


def test_a_town_shown_in_one_version_only_is_an_error_but_its_spelling_may_differ(tmp_path):
    root = project(tmp_path)
    edit(root, STORY_EN, "  shown: region", "  shown: town")
    edit(root, STORY_EN, "  region: latgale", "  town: Rezekne\n  region: latgale")
    assert ("LRP066", STORY, line_of(root, STORY, "shown: region")) in where(check(root))
    # Both versions show the town, each in its own spelling.
    edit(root, STORY, "  shown: region", "  shown: town")
    edit(root, STORY, "  region: latgale", "  town: Rēzekne\n  region: latgale")
    assert check(root) == []


def test_a_different_date_in_one_version_is_a_warning(tmp_path):
    root = project(tmp_path)
    edit(root, STORY_EN, "date: 2026-02-10", "date: 2026-03-01")
    findings = check(root)
    assert where(findings) == {("LRP067", STORY_EN, line_of(root, STORY_EN, "date: 2026-03-01"))}
    assert findings[0].severity == "warning"
    assert "`2026-02-10` in " + STORY in findings[0].message


def test_an_impossible_date_in_one_version_is_not_also_a_difference_on_the_others(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "date: 2026-02-10", "date: 2026-02-30")
    assert where(check(root)) == {("LRP025", STORY, line_of(root, STORY, "date: 2026-02-30"))}


def test_hidden_town_written_in_front_matter_is_an_error(tmp_path):
    # The repository may be public: a town the storyteller hid must not be in it at all.
    root = project(tmp_path)
    edit(root, STORY, "  region: latgale", "  town: Rēzekne\n  region: latgale")
    findings = check(root)
    assert where(findings) == {("LRP050", STORY, line_of(root, STORY, "town: Rēzekne"))}
    assert findings[0].severity == "error"


def test_event_ending_before_it_starts_is_an_error(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "end: 2026-04-08 21:00", "end: 2026-04-08 17:00")
    assert where(check(root)) == {("LRP051", EVENT, line_of(root, EVENT, "end:"))}


def test_event_times_without_offset_are_riga_time(tmp_path):
    root = project(tmp_path)
    # 17:30 at UTC+2 is 18:30 in Riga (UTC+3 in April): after the 18:00 start.
    edit(root, EVENT, "end: 2026-04-08 21:00", 'end: "2026-04-08 17:30+02:00"')
    assert check(root) == []
    edit(root, EVENT, 'end: "2026-04-08 17:30+02:00"', 'end: "2026-04-08 16:30+02:00"')
    assert where(check(root)) == {("LRP051", EVENT, line_of(root, EVENT, "end:"))}


def test_event_ending_on_an_earlier_day_is_an_error(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "end: 2026-04-08 21:00", "end: 2026-04-07")
    assert where(check(root)) == {("LRP051", EVENT, line_of(root, EVENT, "end:"))}


def test_registration_closing_after_the_start_is_a_warning(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "deadline: 2026-04-05", "deadline: 2026-04-09")
    findings = check(root)
    assert where(findings) == {("LRP052", EVENT, line_of(root, EVENT, "deadline:"))}
    assert findings[0].severity == "warning"


# -- translations ------------------------------------------------------------------------------


def test_english_page_without_translation_status_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/about.en.md", page("Text\n", front="title: About\n"))
    findings = check(root)
    assert where(findings) == {("LRP060", "docs/about.en.md", 1)}
    assert findings[0].severity == "warning"


def test_latvian_page_without_translation_status_is_fine(tmp_path):
    root = project(tmp_path)
    write(root, "docs/contacts.lv.md", page("Teksts\n", front="title: Kontakti\n"))
    assert check(root) == []


def test_unreviewed_translation_without_translator_is_information(tmp_path):
    root = project(tmp_path)
    write(
        root,
        "docs/about.rml.md",
        page("Text\n", front="title: Pal platforma\ntranslation: unreviewed\n"),
    )
    findings = check(root)
    assert where(findings) == {("LRP061", "docs/about.rml.md", 3)}
    assert findings[0].severity == "info"


# -- the engine --------------------------------------------------------------------------------


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    root = project(tmp_path)
    front = "heading: Lapa\ntranslation: revieved\nsample: jā\n"
    body = "[x](missing.md)\n<script>x</script>\n"
    write(root, "docs/many.lv.md", page(body, front=front))
    assert {item.rule_id for item in check(root)} == {
        "LRP020",
        "LRP021",
        "LRP022",
        "LRP023",
        "LRP030",
        "LRP034",
    }


def test_findings_are_sorted_by_file_then_line(tmp_path):
    root = project(tmp_path)
    write(root, "docs/b.lv.md", page("[x](missing.md)\n\n[y](gone.md)\n"))
    write(root, "docs/a.lv.md", page("[x](missing.md)\n"))
    findings = check(root)
    assert [(item.path, item.line) for item in findings] == [
        ("docs/a.lv.md", 5),
        ("docs/b.lv.md", 5),
        ("docs/b.lv.md", 7),
    ]


def test_an_internal_failure_on_one_file_is_a_finding_and_the_rest_is_checked(
    tmp_path, monkeypatch
):
    root = project(tmp_path)
    write(root, "docs/broken-link.lv.md", page("[x](missing.md)\n"))
    real = content_checks.check_file

    def fail_on_about(path, place, index, today):
        if place.rel == "docs/about.lv.md":
            raise RuntimeError("boom")
        return real(path, place, index, today)

    monkeypatch.setattr(content_checks, "check_file", fail_on_about)
    findings = check(root)
    assert where(findings) == {
        ("LRP099", "docs/about.lv.md", 1),
        ("LRP030", "docs/broken-link.lv.md", 5),
    }
    assert "Internal error" in findings[0].message and "Please report" in findings[0].message


def test_check_files_checks_only_the_given_files_but_links_see_the_whole_tree(tmp_path):
    root = project(tmp_path)
    write(root, "docs/broken.lv.md", page("[x](missing.md)\n"))
    chosen = write(root, "docs/links.lv.md", page("[Par](about.md)\n"))
    assert check_files([chosen], root, today=TODAY) == []
    assert check_files([Path("docs/broken.lv.md")], root, today=TODAY)[0].rule_id == "LRP030"


def test_check_files_compares_duplicate_slugs_within_the_given_files(tmp_path):
    root = project(tmp_path)
    text = (root / EVENT).read_text(encoding="utf-8").replace("../heritage", "../../heritage")
    copy = write(root, "docs/events/2025/roma-day-2026.lv.md", text)
    # The copy in a subfolder is also LRP018; the duplicate is found among the given files.
    assert {item.rule_id for item in check_files([copy, root / EVENT], root, today=TODAY)} == {
        "LRP012",
        "LRP018",
    }


def test_symlinked_folders_are_not_followed(tmp_path):
    root = project(tmp_path)
    if not hasattr(os, "symlink"):
        pytest.skip("no symlinks here")
    (root / "docs/loop").symlink_to(root / "docs", target_is_directory=True)
    assert check(root) == []


# -- the registry and the reference ------------------------------------------------------------


def test_rule_ids_are_unique_and_every_rule_says_how_to_fix_it():
    registry = all_rules()
    assert len({rule.id for rule in registry}) == len(registry)
    assert len({rule.name for rule in registry}) == len(registry)
    for rule in registry:
        assert rule.severity in rules.SEVERITIES
        assert rule.fix.endswith("."), rule.id
        assert rule.summary, rule.id


@pytest.mark.parametrize("language", ["lv", "en"])
def test_rules_reference_lists_every_rule(language):
    reference = rules_reference_markdown(language)
    for rule in all_rules():
        assert f"`{rule.id}`" in reference
    assert reference.count("\n| `LRP") == len(all_rules())


@pytest.mark.parametrize("language", ["lv", "en"])
def test_published_rules_reference_passes_the_check_itself(tmp_path, language):
    root = project(tmp_path)
    status = "original" if language == "lv" else "reviewed"
    write(
        root,
        f"docs/rules.{language}.md",
        page(rules_reference_markdown(language), front=f"title: Rules\ntranslation: {status}\n"),
    )
    assert check(root) == []


def test_markdown_link_forms_that_are_fine(tmp_path):
    root = project(tmp_path)
    body = (
        'Piezīme[^1] un [saite](about.md "Par mums") un [atstarpe](<about.md>).\n\n'
        "[^1]: Tihovska, 2010, 15. lpp.\n\n"
        "[atsauce][par] un ![Foto](assets/foto.png){ width=300 }\n\n"
        '[par]: about.md "Par"\n\n'
        "| a | [sākums](index.md#latvijas-romu-platforma) |\n| --- | --- |\n\n"
        '<a href="https://example.org/?a=1&b=2">ārēja</a> <https://example.org/x>\n'
    )
    write(root, "docs/links.lv.md", page(body))
    (root / "docs/assets").mkdir(exist_ok=True)
    (root / "docs/assets/foto.png").write_bytes(b"")
    assert check(root) == []


def test_rules_reference_is_introduced_in_latvian():
    assert "Satura pārbaudes noteikumi" in rules_reference_markdown("lv")
    assert "kļūda" in rules_reference_markdown("lv")


# -- files the site would publish unchecked or leave out ------------------------------------


@pytest.mark.parametrize(
    ("rel", "renamed"),
    [
        ("docs/events/roma-day-2027.lv.markdown", "roma-day-2027.lv.md"),
        ("docs/events/roma-day-2028.lv.MD", "roma-day-2028.lv.md"),
        ("stories/anna-rudevica/index.en.md.txt", "index.en.md"),
        ("docs/about.en.mkd", "about.en.md"),
    ],
)
def test_a_file_named_like_markdown_but_not_md_fails_the_check(tmp_path, rel, renamed):
    root = project(tmp_path)
    # MkDocs would build a .markdown file as a page, script and all, with no check at all.
    write(root, rel, page("<script>alert(1)</script>\n"))
    findings = [item for item in check(root) if item.path == rel]
    assert [(item.rule_id, item.severity, item.line) for item in findings] == [
        ("LRP016", "error", 1)
    ]
    assert f"Rename it to `{renamed}`" in findings[0].message


def test_a_misnamed_file_is_reported_when_its_folder_is_checked(tmp_path, capsys):
    from hooks.check import main

    root = project(tmp_path)
    write(root, "stories/anna-rudevica/index.en.md.txt", page("Teksts\n"))
    status = main(["--root", str(root), str(root / "stories/anna-rudevica")])
    output = capsys.readouterr().out
    assert status == 1
    assert "stories/anna-rudevica/index.en.md.txt:1: error LRP016" in output


def test_a_story_under_docs_stories_is_refused_because_its_consent_is_never_checked(tmp_path):
    root = project(tmp_path)
    write(root, "docs/stories/maria/index.lv.md", page("Marija dzīvo Rēzeknē.\n"))
    findings = [item for item in check(root) if item.path == "docs/stories/maria/index.lv.md"]
    assert [item.rule_id for item in findings] == ["LRP017"]
    assert "`stories/maria/index.lv.md`" in findings[0].message
    # The story list itself belongs there.
    write(root, "docs/stories/index.lv.md", page("Stāsti\n"))
    assert not [item for item in check(root) if item.path == "docs/stories/index.lv.md"]


def test_an_event_in_a_subfolder_is_refused_because_no_list_or_calendar_would_show_it(tmp_path):
    root = project(tmp_path)
    (root / "docs/events/2027").mkdir()
    shutil.copy(root / EVENT, root / "docs/events/2027/roma-day-2027.lv.md")
    findings = [item for item in check(root) if item.rule_id == "LRP018"]
    assert [(item.path, item.line) for item in findings] == [
        ("docs/events/2027/roma-day-2027.lv.md", 1)
    ]
    assert "Move it to `docs/events/roma-day-2027.lv.md`" in findings[0].message


def test_a_wrongly_named_story_file_gets_one_rename_hint_not_a_flood_of_field_errors(tmp_path):
    root = project(tmp_path)
    shutil.move(root / STORY_EN, root / "stories/anna-rudevica/Index.en.md")
    findings = [item for item in check(root) if item.path == "stories/anna-rudevica/Index.en.md"]
    assert [item.rule_id for item in findings] == ["LRP015"]
    assert "Rename it to `index.en.md`" in findings[0].message


# -- themes and regions ------------------------------------------------------------------------


def test_a_region_written_as_its_name_gets_its_key_suggested(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  region: latgale", "  region: Latgale")
    findings = [item for item in check(root) if item.rule_id == "LRP063"]
    assert [(item.path, item.line, item.field) for item in findings] == [
        (STORY, line_of(root, STORY, "region: Latgale"), "place.region")
    ]
    assert "Did you mean `latgale`?" in findings[0].message


def test_an_unknown_theme_is_an_error_on_its_line(tmp_path):
    root = project(tmp_path)
    text = (root / STORY).read_text(encoding="utf-8")
    themes_line = next(line for line in text.split("\n") if line.startswith("themes:"))
    edit(root, STORY, themes_line, "themes:\n  - music\n  - musik")
    findings = [item for item in check(root) if item.rule_id == "LRP062"]
    assert [(item.line, item.field) for item in findings] == [
        (line_of(root, STORY, "- musik"), "themes.1")
    ]
    assert "Did you mean `music`?" in findings[0].message
    assert "family" in findings[0].message  # the keys an editor may use


def test_a_theme_written_as_words_gets_one_error_with_the_likeliest_key(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "themes: [family, music]", "themes: [Family History, music]")
    findings = check(root)
    assert [(item.rule_id, item.field) for item in findings] == [("LRP062", "themes.0")]
    assert "Did you mean `family`?" in findings[0].message


def test_a_page_linked_as_if_it_sat_next_to_this_one_gets_the_path_from_here(tmp_path):
    root = project(tmp_path)
    # The fixture has docs/about.lv.md; from an event it is one folder up.
    edit(root, EVENT, "\n---\n", "\n---\n\n[Par mums](about.md)\n")
    findings = [item for item in check(root) if item.path == EVENT and item.rule_id == "LRP030"]
    assert len(findings) == 1
    assert "Did you mean `../about.md`?" in findings[0].message


def test_a_consent_slip_in_the_latvian_version_is_reported_there_not_on_the_two_that_agree(
    tmp_path,
):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "languages: [lv, en]", "languages: [lv, en, rml]")
    shutil.copy(root / STORY_EN, root / "stories/anna-rudevica/index.rml.md")
    edit(root, STORY, "  date: 2026-02-01", "  date: 2026-02-02")
    findings = [item for item in check(root) if item.rule_id == "LRP049"]
    assert [(item.path, item.line) for item in findings] == [
        (STORY, line_of(root, STORY, "consent:"))
    ]
    assert "date" in findings[0].message and "index.en.md" in findings[0].message


# -- what the build would refuse: photos and anchors ---------------------------------------
# The build stops on a photo it cannot resize and on a link to a missing anchor; the quick
# check must say so first, with the rule, instead of passing and leaving editors to a red build.

PHOTO = "stories/anna-rudevica/portrait.jpg"


def save_photo(root: Path, size: tuple[int, int]) -> None:
    from PIL import Image

    Image.linear_gradient("L").resize(size).convert("RGB").save(root / PHOTO, "JPEG")


def test_a_photo_that_is_not_an_image_fails_the_check_at_its_front_matter_line(tmp_path):
    root = project(tmp_path)
    write(root, PHOTO, b"\xff\xd8\xff\xe0 a text file renamed to .jpg")
    findings = check(root)
    # Both language versions list the photo; it is reported once, in the first of them.
    assert where(findings) == {("LRP008", STORY_EN, line_of(root, STORY_EN, "file: portrait"))}
    assert findings[0].field == "images.0.file"
    assert findings[0].message == (
        "portrait.jpg is not a readable image. Re-export it as JPEG or PNG."
    )


def test_a_thumbnail_sized_photo_fails_the_check_with_its_size(tmp_path):
    root = project(tmp_path)
    save_photo(root, (400, 300))
    findings = check(root)
    assert [(item.rule_id, item.severity) for item in findings] == [("LRP008", "error")]
    assert "400×300 px" in findings[0].message and "800 px" in findings[0].message


def test_a_photo_of_too_many_megapixels_is_a_warning(tmp_path, monkeypatch):
    from hooks import images

    root = project(tmp_path)
    save_photo(root, (1600, 1200))
    monkeypatch.setattr(images, "MAX_MEGAPIXELS", 1.0)
    findings = check(root)
    assert [(item.rule_id, item.severity) for item in findings] == [("LRP009", "warning")]
    assert "1.9 megapixels" in findings[0].message


def test_a_photo_hidden_by_consent_is_still_checked(tmp_path):
    # consent.photos can become true in a later pull request that does not touch the photo.
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "photos: true", "photos: false")
    save_photo(root, (300, 200))
    # LRP048 asks for consent or no photos; the photo's own problem is named alongside it.
    assert {item.rule_id for item in check(root)} == {"LRP048", "LRP008"}


def test_link_to_a_missing_heading_on_the_same_page_suggests_the_close_one(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.lv.md", page("## Kas mēs esam\n\nSkatīt [augšā](#kas-mes-esma).\n"))
    findings = check(root)
    assert where(findings) == {("LRP036", "docs/page.lv.md", 7)}
    assert "names no heading or anchor of this page" in findings[0].message
    assert "Did you mean `#kas-mes-esam`?" in findings[0].message


def test_link_to_a_missing_anchor_of_another_page_names_that_page(tmp_path):
    root = project(tmp_path)
    edit(root, "docs/index.lv.md", "(about.md)", "(about.md#kontakti)")
    findings = check(root)
    line = line_of(root, "docs/index.lv.md", "about.md#kontakti")
    assert where(findings) == {("LRP036", "docs/index.lv.md", line)}
    assert "`docs/about.lv.md` does not have" in findings[0].message


def test_existing_anchors_of_headings_footnotes_and_html_pass(tmp_path):
    root = project(tmp_path)
    write(root, "docs/par/index.lv.md", page("## Romu mūzika\n\nTeksts.\n"))
    body = (
        '## Ievads\n\nTeksts[^1]. <span id="vieta">Šeit</span>.\n\n[^1]: Piezīme.\n\n'
        "[ievads](#ievads) [piezīme](#fn:1) [vieta](#vieta)\n"
        "[mājas](index.md#latvijas-romu-platforma) [mape](par/#romu-muzika)\n"
    )
    write(root, "docs/page.lv.md", page(body))
    write(root, "mkdocs.yml", "site_name: x\nmarkdown_extensions:\n  - footnotes\n  - md_in_html\n")
    assert check(root) == []


def test_a_custom_heading_id_counts_when_the_site_enables_attr_list(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.lv.md", page("## Kas mēs esam {#mes}\n\n[mēs](#mes)\n"))
    assert "LRP036" in {item.rule_id for item in check(root)}  # without attr_list: no such id
    write(
        root,
        "mkdocs.yml",
        "site_name: x\nmarkdown_extensions:\n  - attr_list\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n",
    )
    assert check(root) == []


def test_anchor_is_checked_in_the_language_the_reader_gets(tmp_path):
    root = project(tmp_path)
    edit(
        root,
        "docs/index.en.md",
        "[about the platform](about.md)",
        "[about the platform](about.md#par-platformu)\n[home](index.md#latvijas-romu-platforma)",
    )
    findings = check(root)
    # The English home page has its own heading, so the Latvian anchor is missing there; there
    # is no English about page, the build falls back to the Latvian one, and its anchor is found.
    assert where(findings) == {
        ("LRP036", "docs/index.en.md", line_of(root, "docs/index.en.md", "index.md#latvijas"))
    }
    assert "Did you mean `#latvian-roma-platform`?" in findings[0].message


def test_a_picture_from_another_website_is_an_error(tmp_path):
    root = project(tmp_path)
    body = (
        "![Karte](https://example.org/map.png)\n\n"
        '<img alt="x" src="//cdn.example.org/x.png">\n\n'
        "[Saite uz attēlu](https://example.org/map.png) un `![kods](https://example.org/a.png)`\n"
    )
    write(root, "docs/page.lv.md", page(body))
    findings = check(root)
    assert where(findings) == {("LRP037", "docs/page.lv.md", 5), ("LRP037", "docs/page.lv.md", 7)}
    assert "`https://example.org/map.png` would load a picture from another website" in (
        findings[0].message
    )


def test_a_story_photo_shown_from_the_text_is_an_error_that_points_to_the_front_matter(tmp_path):
    root = project(tmp_path)
    edit(
        root,
        STORY,
        "Mana vecmāmiņa dziedāja katru vakaru.",
        "Mana vecmāmiņa dziedāja katru vakaru.\n\n![Anna](portrait.jpg)",
    )
    write(root, "docs/page.lv.md", page("[foto](stories/anna-rudevica/portrait.jpg)\n"))
    findings = check(root)
    assert where(findings) == {
        ("LRP038", STORY, line_of(root, STORY, "![Anna](portrait.jpg)")),
        ("LRP038", "docs/page.lv.md", 5),
    }
    assert all("`images:`" in item.message for item in findings)


def test_a_story_photo_with_problems_reported_by_the_build_names_the_rule(tmp_path):
    # The build's own message for a photo must carry the same rule ID as the check's.
    from hooks import images

    root = project(tmp_path)
    save_photo(root, (400, 300))
    [problem] = images.validate_source_image(root / PHOTO)
    assert problem.rule_id == "LRP008"
    assert rules.rule_by_id(problem.rule_id).severity == problem.severity


# -- smaller editor slips ------------------------------------------------------------------


def test_an_http_address_is_a_warning_in_the_text_and_the_front_matter(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "url: https://example.org/register", "url: http://example.org/register")
    body = "[vietne](http://example.org/) [lokāli](http://localhost:8000/) [droši](https://x.lv)\n"
    write(root, "docs/page.lv.md", page(body))
    findings = check(root)
    assert where(findings) == {
        ("LRP039", "docs/page.lv.md", 5),
        ("LRP039", EVENT, line_of(root, EVENT, "http://example.org/register")),
    }
    assert {item.severity for item in findings} == {"warning"}
    assert {item.field for item in findings} == {"", "registration.url"}


def test_an_event_long_past_without_a_report_is_a_warning_on_its_end_line(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "report:\n  summary: Koncerts un diskusija notika, kā plānots.\n", "")
    findings = check(root)
    assert where(findings) == {("LRP054", EVENT, line_of(root, EVENT, "end:"))}
    assert "2026-04-08" in findings[0].message and findings[0].severity == "warning"


@pytest.mark.parametrize(
    ("today", "status", "reported"),
    [
        (dt.date(2026, 4, 20), "scheduled", False),  # within the two weeks
        (dt.date(2026, 6, 1), "cancelled", False),
        (dt.date(2026, 6, 1), "postponed", False),
        (dt.date(2026, 6, 1), "moved_online", True),
    ],
)
def test_a_report_is_asked_for_only_once_an_event_has_taken_place(
    tmp_path, today, status, reported
):
    root = project(tmp_path)
    edit(root, EVENT, "report:\n  summary: Koncerts un diskusija notika, kā plānots.\n", "")
    edit(root, EVENT, "status: scheduled", f"status: {status}")
    rule_ids = {item.rule_id for item in check_project(root, today=today)}
    assert ("LRP054" in rule_ids) is reported


def test_an_event_language_must_be_one_the_site_can_name(tmp_path):
    root = project(tmp_path)
    edit(root, EVENT, "languages: [lv, rml]", "languages: [lv, romani]")
    findings = check(root)
    assert where(findings) == {("LRP022", EVENT, line_of(root, EVENT, "languages:"))}
    assert "Use one of: lv, en, rml" in findings[0].message


def test_every_event_language_the_schema_allows_has_a_name_in_every_site_language():
    # A code without a name would be shown raw ("lt") on the event page.
    import json

    import yaml

    project_root = Path(__file__).resolve().parents[2]
    schema = json.loads((project_root / "schemas/event.schema.json").read_text("utf-8"))
    allowed = set(schema["properties"]["languages"]["items"]["enum"])
    for language in ("lv", "en", "rml"):
        ui = yaml.safe_load((project_root / f"data/ui/{language}.yml").read_text("utf-8"))
        names = next(
            value["language_names"]
            for value in [ui, *ui.values()]
            if isinstance(value, dict) and "language_names" in value
        )
        assert set(names) == allowed, language


EVENT_EN = "docs/events/roma-day-2026.en.md"
EVENT_RML = "docs/events/roma-day-2026.rml.md"


def translate_event(root: Path, rel: str) -> None:
    shutil.copy(root / EVENT, root / rel)
    edit(root, rel, "translation: original", "translation: reviewed\ntranslator: Anna Example")


def test_a_time_changed_in_one_language_version_of_an_event_is_an_error_there(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    edit(root, EVENT_EN, "start: 2026-04-08 18:00", "start: 2026-04-08 19:00")
    findings = check(root)
    assert where(findings) == {("LRP055", EVENT_EN, line_of(root, EVENT_EN, "start:"))}
    assert findings[0].field == "start"
    assert "`2026-04-08 19:00` here but `2026-04-08 18:00` in " + EVENT in findings[0].message


def test_the_version_that_differs_from_the_others_is_reported_even_if_latvian(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    translate_event(root, EVENT_RML)
    edit(root, EVENT, "status: scheduled", "status: cancelled")
    assert where(check(root)) == {("LRP055", EVENT, line_of(root, EVENT, "status:"))}


def test_translated_venues_and_the_same_time_written_differently_agree(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    edit(root, EVENT_EN, "venue: Kultūras nams", "venue: House of Culture")
    edit(root, EVENT_EN, "start: 2026-04-08 18:00", 'start: "2026-04-08T18:00+03:00"')
    # A report translated later is not a mismatch; once both have numbers, they must agree.
    edit(root, EVENT_EN, "report:\n  summary: Koncerts un diskusija notika, kā plānots.\n", "")
    assert [item.rule_id for item in check(root)] == ["LRP054"]  # only: the report is missing
    edit(
        root,
        EVENT,
        "  summary: Koncerts",
        "  participants:\n    wider_public: 40\n  summary: Koncerts",
    )
    edit(
        root,
        EVENT_EN,
        "status: scheduled\n",
        "status: scheduled\nreport:\n  participants:\n    wider_public: 45\n",
    )
    findings = check(root)
    assert [(item.rule_id, item.path, item.field) for item in findings] == [
        ("LRP055", EVENT_EN, "report.participants")
    ]


def test_a_translated_report_without_the_numbers_is_a_warning_naming_where_they_are(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    translate_event(root, EVENT_RML)
    edit(
        root,
        EVENT,
        "  summary: Koncerts",
        "  participants:\n    wider_public: 40\n  summary: Koncerts",
    )
    edit(
        root,
        EVENT_RML,
        "  summary: Koncerts",
        "  participants:\n    wider_public: 40\n  summary: Koncerts",
    )
    edit(
        root,
        EVENT_EN,
        "  summary: Koncerts un diskusija notika, kā plānots.",
        "  summary: The concert and the discussion took place as planned.",
    )
    findings = check(root)
    assert where(findings) == {("LRP071", EVENT_EN, line_of(root, EVENT_EN, "report:"))}
    assert findings[0].severity == "warning"
    assert findings[0].field == "report.participants"
    assert f"Copy the `participants:` lines from {EVENT} into this `report:`" in (
        findings[0].message
    )
    # Once the numbers are there, they are compared like any other shared field (LRP055).
    edit(
        root,
        EVENT_EN,
        "  summary: The concert",
        "  participants:\n    wider_public: 41\n  summary: The concert",
    )
    assert where(check(root)) == {("LRP055", EVENT_EN, line_of(root, EVENT_EN, "participants:"))}


def test_a_version_without_the_report_is_told_where_to_copy_it_from(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    edit(
        root,
        EVENT,
        "  summary: Koncerts",
        "  participants:\n    wider_public: 40\n  summary: Koncerts",
    )
    edit(root, EVENT_EN, "report:\n  summary: Koncerts un diskusija notika, kā plānots.\n", "")
    findings = check(root)
    # Instead of LRP054's general "add a report, or say it was cancelled": the event took place.
    assert where(findings) == {("LRP071", EVENT_EN, line_of(root, EVENT_EN, "end:"))}
    assert f"This version has no `report:`, but {EVENT} reports on the event" in (
        findings[0].message
    )
    assert f"Copy `report:` with its `participants:` lines from {EVENT}" in findings[0].message


def test_an_end_time_missing_in_one_version_is_named(tmp_path):
    root = project(tmp_path)
    translate_event(root, EVENT_EN)
    edit(root, EVENT_EN, "end: 2026-04-08 21:00\n", "")
    findings = check(root)
    assert where(findings) == {("LRP055", EVENT_EN, 1)}
    assert "`end` is nothing here but `2026-04-08 21:00`" in findings[0].message


def test_a_title_or_summary_too_long_for_cards_is_a_warning(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "title: Annas stāsts", "title: " + "Garš virsraksts " * 7)
    findings = check(root)
    assert where(findings) == {("LRP026", STORY, line_of(root, STORY, "Garš virsraksts"))}
    assert findings[0].severity == "warning"
    assert "`title` has 111 characters (at most 100)" in findings[0].message


def test_angle_brackets_in_a_title_are_an_error_with_the_line(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "title: Annas stāsts", "title: 'Anna <3 mūzika'")
    findings = check(root)
    assert where(findings) == {("LRP027", STORY, line_of(root, STORY, "Anna <3"))}
    assert findings[0].severity == "error"
    assert "'Anna <3 mūzika' contains `<` or `>`" in findings[0].message
    # Quotation marks and ampersands are plain text, which the templates escape.
    edit(root, STORY, "title: 'Anna <3 mūzika'", "title: 'Anna & \"mūzika\"'")
    assert check(root) == []


def test_photo_of_a_republishable_story_without_a_licence_is_a_warning(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "republication: false", "republication: true")
    line = line_of(root, STORY, "- file: portrait.jpg")
    findings = check(root)
    assert where(findings) == {("LRP056", STORY, line), ("LRP056", STORY_EN, line)}
    assert {item.severity for item in findings} == {"warning"}
    assert findings[0].field == "images.0.licence"
    assert "`portrait.jpg` has no licence" in findings[0].message
    assert "licence: CC-BY-4.0" in findings[0].message
    for rel in (STORY, STORY_EN):
        edit(root, rel, "  - file: portrait.jpg", "  - file: portrait.jpg\n    licence: CC-BY-4.0")
    assert check(root) == []


def test_a_photo_licence_must_be_one_the_site_knows(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  - file: portrait.jpg", "  - file: portrait.jpg\n    licence: CC-BY-2.0")
    findings = [item for item in check(root) if item.rule_id != "LRP057"]
    assert where(findings) == {("LRP022", STORY, line_of(root, STORY, "licence: CC-BY-2.0"))}
    assert "CC-BY-4.0" in findings[0].message


def test_the_check_judges_consent_on_the_date_the_build_publishes_as(tmp_path, monkeypatch):
    # A build pinned to a later date (SOURCE_DATE_EPOCH) withholds a story whose consent is due
    # for review by then; the quick check must warn about the same story, not pass it.
    root = project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1830297600")  # 2028-01-01
    assert check_project(root) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1833062400")  # 2028-02-02
    line = line_of(root, STORY, "review_by:")
    assert where(check_project(root)) == {("LRP044", STORY, line), ("LRP044", STORY_EN, line)}


def test_a_list_in_quotation_marks_is_told_to_lose_the_quotes(tmp_path):
    root = project(tmp_path)
    for rel in (STORY, STORY_EN):
        edit(root, rel, "languages: [lv, en]", 'languages: "[lv, en]"')
    findings = [item for item in check(root) if item.rule_id == "LRP021"]
    assert {item.path for item in findings} == {STORY, STORY_EN}
    assert findings[0].field == "consent.languages"
    assert "written in quotation marks" in findings[0].message
    assert "Remove the quotation marks: `languages: [lv, en]`." in findings[0].message


def test_photo_and_list_item_messages_count_from_one_and_name_the_file(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "    alt: Anna sēž pie loga ar ģitāru.\n", "")
    findings = check(root)
    assert [item.rule_id for item in findings] == ["LRP043"]
    assert "Photo 1 (`portrait.jpg`) has no `alt:` text" in findings[0].message
    edit(root, STORY, "  - file: portrait.jpg\n", '  - file: portrait.jpg\n    alt: ""\n')
    assert "The `alt:` text of photo 1 (`portrait.jpg`) is empty" in check(root)[0].message
    root = project(tmp_path / "languages")
    for rel in (STORY, STORY_EN):
        edit(root, rel, "languages: [lv, en]", "languages: [lv, en, lav]")
    messages = [item.message for item in check(root) if item.rule_id == "LRP022"]
    assert messages and "`lav` is not allowed in `consent.languages`, item 3" in messages[0]


def test_a_language_code_joined_with_a_dash_gets_the_right_new_name(tmp_path):
    root = project(tmp_path)
    (root / STORY).rename(root / "stories/anna-rudevica/index-lv.md")
    findings = [item for item in check(root) if item.rule_id == "LRP011"]
    assert len(findings) == 1
    assert "Rename it to `index.lv.md`." in findings[0].message
    assert "index-lv.lv.md" not in findings[0].message


def test_a_photo_listed_in_only_one_language_version_is_a_warning(tmp_path):
    root = project(tmp_path)
    listed = "images:\n  - file: portrait.jpg\n    alt: Anna sits by the window with a guitar.\n"
    edit(root, STORY_EN, listed, "")
    findings = check(root)
    # The Latvian version is right on a tie, so the English file is the one to correct.
    assert [(item.rule_id, item.path, item.severity) for item in findings] == [
        ("LRP057", STORY_EN, "warning")
    ]
    assert "This version lists no photos" in findings[0].message
    assert f"{STORY} lists `portrait.jpg` (no licence)" in findings[0].message


def test_a_photo_licensed_in_one_language_version_only_is_a_warning(tmp_path):
    root = project(tmp_path)
    licensed = "  - file: portrait.jpg\n    licence: CC-BY-4.0\n"
    edit(root, STORY, "  - file: portrait.jpg\n", licensed)
    findings = check(root)
    assert [(item.rule_id, item.path) for item in findings] == [("LRP057", STORY_EN)]
    assert findings[0].line == line_of(root, STORY_EN, "images:")
    assert "`portrait.jpg` (CC-BY-4.0)" in findings[0].message


def test_a_heritage_page_the_section_index_does_not_link_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/heritage/index.lv.md", page("# Mantojums\n\n- [Vēsture](../about.md)\n"))
    findings = check(root)
    assert where(findings) == {("LRP058", "docs/heritage/music.lv.md", 1)}
    assert findings[0].severity == "warning"
    assert "`docs/heritage/index.lv.md` does not link to this page" in findings[0].message
    assert "docs/heritage/index.<language>.md" in findings[0].message
    # Any way of writing the link counts, with a language suffix or an anchor too.
    for link in ("music.md", "./music.lv.md", "music.md#romu-muzika", "<music.md>"):
        write(root, "docs/heritage/index.lv.md", page(f"# Mantojums\n\n- [Mūzika]({link})\n"))
        assert check(root) == [], link


LATVIAN_TEXT = (
    "Romi Latvijā dzīvo jau vairākus gadsimtus. Šajā lapā ir stāsts par ģimeni, kas Kurzemē "
    "vairāk nekā piecdesmit gadu kopj savu valodu, dziesmas un svētku tradīcijas, un par to, "
    "kā bērni mācās vecvecāku vārdus, kamēr pieaugušie strādā tālu no mājām.\n"
)
ENGLISH_TEXT = (
    "Roma have lived in Latvia for several centuries. This page tells the story of a family "
    "in Kurzeme who have kept their language, songs and holiday traditions for more than "
    "fifty years, and of how children learn their grandparents' words while adults work far "
    "from home. Jānis Kalniņš took the photos in Rēzekne.\n"
)
ENGLISH_FRONT = 'title: Page\ntranslation: unreviewed\ntranslator: "T"\n'


def test_latvian_text_in_an_english_file_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.en.md", page(LATVIAN_TEXT, ENGLISH_FRONT))
    findings = check(root)
    assert [(item.rule_id, item.severity) for item in findings] == [("LRP064", "warning")]
    assert "This English page's text looks Latvian" in findings[0].message
    assert findings[0].line == 6  # the first line of the text, after the front matter


def test_english_text_in_a_latvian_file_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.lv.md", page(ENGLISH_TEXT))
    findings = check(root)
    assert [item.rule_id for item in findings] == ["LRP064"]
    assert "This Latvian page's text looks English: 28% of its words" in findings[0].message


def test_latvian_text_in_a_romani_file_is_a_warning(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.rml.md", page(LATVIAN_TEXT, ENGLISH_FRONT))
    findings = check(root)
    assert [item.rule_id for item in findings] == ["LRP064"]
    assert "This Romani page's text looks Latvian" in findings[0].message


def test_romani_text_in_a_latvian_file_is_a_warning(tmp_path):
    # Romani shares ā, č, š, ž with Latvian, so only its words tell the two apart. The text is
    # the site's own Romani page about the platform, as an editor would paste it.
    text = (REPOSITORY / "docs/about.rml.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    romani = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # its links point at its own site
    root = project(tmp_path)
    write(root, "docs/page.lv.md", page(romani))
    findings = check(root)
    assert [item.rule_id for item in findings] == ["LRP064"]
    assert "This Latvian page's text looks Romani" in findings[0].message


def test_text_the_page_marks_as_another_language_is_not_counted(tmp_path):
    root = project(tmp_path)
    marked = (
        f'Ievads.\n\n<div lang="en">\n{ENGLISH_TEXT * 7}</div>\n\n'
        f"[{ENGLISH_TEXT.strip()}]{{lang=en}}\n"
    )
    write(root, "docs/page.lv.md", page(f"{LATVIAN_TEXT}\n{marked}"))
    assert check(root) == []
    # Unmarked, the same English would outweigh the Latvian.
    write(root, "docs/page.lv.md", page(f"{LATVIAN_TEXT}\n{ENGLISH_TEXT * 8}"))
    assert [item.rule_id for item in check(root)] == ["LRP064"]


def test_texts_in_their_own_language_pass_even_with_latvian_names(tmp_path):
    root = project(tmp_path)
    write(root, "docs/page.en.md", page(ENGLISH_TEXT, ENGLISH_FRONT))
    write(root, "docs/page.lv.md", page(LATVIAN_TEXT))
    write(root, "docs/short.en.md", page("Rīga, Rēzekne, Jēkabpils.\n", ENGLISH_FRONT))
    assert check(root) == []


def test_a_credit_that_carries_its_own_label_is_a_warning(tmp_path):
    # The page writes "Foto:" before the photographer; "Foto: Līga" would read "Foto: Foto: Līga".
    root = project(tmp_path)
    edit(root, STORY, "photographer: Līga Example", "photographer: 'Foto: Līga Example'")
    edit(root, STORY, "    alt: Anna sēž", "    credit: 'Ilustrācija: LRP'\n    alt: Anna sēž")
    findings = check(root)
    assert where(findings) == {
        ("LRP065", STORY, line_of(root, STORY, "photographer:")),
        ("LRP065", STORY, line_of(root, STORY, "credit: 'Ilustrācija")),
    }
    assert {item.field for item in findings} == {"credits.photographer", "images.0.credit"}
    assert {item.severity for item in findings} == {"warning"}
    assert "starts with the label 'Foto'" in findings[0].message + findings[1].message
    # A name, with what the picture is in parentheses, is what the rule asks for; so is a
    # name with a colon later on.
    edit(root, STORY, "'Foto: Līga Example'", "'Līga Example (ilustrācija)'")
    edit(root, STORY, "'Ilustrācija: LRP'", "'LRP, 2026: arhīvs'")
    assert check(root) == []


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("photographer", "Photo by Līga Example", "Photo by"),
        ("photographer", "Foto — Līga Example", "Foto"),
        ("author", "Teksts – Jānis Example", "Teksts"),
    ],
)
def test_a_credit_label_written_with_by_or_a_dash_is_found_too(tmp_path, field, value, label):
    root = project(tmp_path)
    old = {"photographer": "Līga Example", "author": "Jānis Example"}[field]
    edit(root, STORY, f"  {field}: {old}", f"  {field}: {value}")
    findings = check(root)
    assert [(item.rule_id, item.field) for item in findings] == [("LRP065", f"credits.{field}")]
    assert f"starts with the label {label!r}" in findings[0].message
    # An author's or translator's credit is never a drawing.
    assert ("illustration" in findings[0].message) == (field == "photographer")


def test_a_name_with_a_hyphen_is_not_a_label(tmp_path):
    root = project(tmp_path)
    edit(root, STORY, "  photographer: Līga Example", "  photographer: Anna-Marija Example")
    assert check(root) == []
