"""Reading content files: what an editor's odd-but-fine files and broken front matter produce."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from hooks.content_checks import check_files
from hooks.frontmatter import impossible_dates, parse_content

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content"


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


def where(findings) -> set[tuple[str, str, int]]:
    return {(item.rule_id, item.path, item.line) for item in findings}


# -- files that are odd but fine ---------------------------------------------------------------


def test_bom_crlf_and_decomposed_letters_are_accepted_and_normalised(tmp_path):
    root = project(tmp_path)
    decomposed = unicodedata.normalize("NFD", "Romu dzīvesstāsti un Čigānu draugs")
    text = f"---\r\ntitle: {decomposed}\r\ntranslation: original\r\n---\r\n\r\n# Virsraksts\r\n"
    path = write(root, "docs/normalised.lv.md", "\ufeff".encode() + text.encode("utf-8"))

    assert check_files([path], root) == []
    content = parse_content(path.read_bytes().decode("utf-8"))
    assert content.data == {
        "title": unicodedata.normalize("NFC", "Romu dzīvesstāsti un Čigānu draugs"),
        "translation": "original",
    }
    assert unicodedata.is_normalized("NFC", content.text)
    assert "\r" not in content.text and not content.text.startswith("\ufeff")
    assert content.body_line == 5


def test_key_lines_are_counted_in_the_whole_file():
    content = parse_content(
        "---\ntitle: Stāsts\nconsent:\n  ref: LRP-2026-001\n  languages:\n    - lv\n    - en\n"
        "---\nBody\n"
    )
    assert content.issues == []
    assert content.line_of(("title",)) == 2
    assert content.line_of(("consent", "ref")) == 4
    assert content.line_of(("consent", "languages", 1)) == 7
    # A key that does not exist points at its nearest existing parent.
    assert content.line_of(("consent", "review_by")) == 3


def test_yaml_dates_become_iso_text():
    content = parse_content("---\ntitle: x\ndate: 2026-02-10\nstart: 2026-05-14 18:00:00\n---\n")
    assert content.data == {"title": "x", "date": "2026-02-10", "start": "2026-05-14T18:00:00"}


# -- broken front matter -----------------------------------------------------------------------


def test_tab_indentation_is_reported_on_its_line(tmp_path):
    root = project(tmp_path)
    path = write(root, "docs/tabs.lv.md", "---\ntitle: Tabs\nhide:\n\t- toc\n---\nText\n")

    findings = check_files([path], root)

    assert ("LRP001", "docs/tabs.lv.md", 4) in where(findings)
    message = next(item.message for item in findings if item.rule_id == "LRP001")
    assert "tab" in message and "spaces" in message


def test_a_template_copied_by_hand_names_its_unfilled_marker(tmp_path):
    root = project(tmp_path)
    template = (Path(__file__).resolve().parents[2] / "templates/story.md").read_text("utf-8")
    path = write(root, "stories/copied/index.lv.md", template)
    line = template.split("\n").index("{translation_fields}") + 1

    findings = [item for item in check_files([path], root) if item.rule_id == "LRP001"]

    assert where(findings) == {("LRP001", "stories/copied/index.lv.md", line)}
    assert "`translation: original`" in findings[0].message


def test_unclosed_double_quote_is_reported_where_the_quote_opens(tmp_path):
    root = project(tmp_path)
    text = '---\ntranslation: original\ntitle: "Romu vēsture\ndescription: x\n---\nText\n'
    path = write(root, "docs/quote.lv.md", text)

    findings = check_files([path], root)

    assert where(findings) == {("LRP001", "docs/quote.lv.md", 3)}
    assert 'closing "' in findings[0].message


def test_unclosed_single_quote_names_the_single_quote():
    content = parse_content("---\ntitle: 'Romu vēsture\n---\n")
    assert [(issue.rule.id, issue.line) for issue in content.issues] == [("LRP001", 2)]
    assert "(')" in content.issues[0].message()


def test_colon_inside_a_value_is_explained():
    content = parse_content("---\ntitle: Romi: vēsture un tagadne\n---\n")
    assert [(issue.rule.id, issue.line) for issue in content.issues] == [("LRP001", 2)]
    assert "double quotes" in content.issues[0].message()


def test_missing_front_matter_is_reported_on_line_1(tmp_path):
    root = project(tmp_path)
    path = write(root, "docs/bare.lv.md", "# Tikai teksts\n\nBez priekšvārdiem.\n")

    assert where(check_files([path], root)) == {("LRP003", "docs/bare.lv.md", 1)}


def test_front_matter_without_closing_line_is_reported():
    content = parse_content("---\ntitle: x\n\n# Heading\n")
    assert [issue.rule.id for issue in content.issues] == ["LRP003"]
    assert "closing" in content.issues[0].message()


def test_python_object_tag_is_reported_and_never_run(tmp_path):
    root = project(tmp_path)
    marker = tmp_path / "pwned"
    text = (
        "---\ntitle: x\ntranslation: original\n"
        f'payload: !!python/object/apply:os.system ["touch {marker}"]\n---\nText\n'
    )
    path = write(root, "docs/unsafe.lv.md", text)

    findings = check_files([path], root)

    assert ("LRP002", "docs/unsafe.lv.md", 4) in where(findings)
    assert not marker.exists()
    # The tagged field is dropped, not reported again as an unknown field.
    assert [item.rule_id for item in findings] == ["LRP002"]


def test_unknown_local_tag_is_reported():
    content = parse_content("---\ntitle: !shout Sveiki\n---\n")
    assert [(issue.rule.id, issue.line, issue.field) for issue in content.issues] == [
        ("LRP002", 2, "title")
    ]


@pytest.mark.parametrize("value", ["!!binary UGFy", "!!set {a, b}", "!!omap [a: 1]"])
def test_a_written_out_yaml_type_is_reported_because_the_site_would_show_something_else(value):
    # `!!binary UGFy` is the bytes b"Par": the check read "Par", MkDocs would show b'Par'.
    content = parse_content(f"---\ntitle: {value}\n---\n")
    assert [(issue.rule.id, issue.line, issue.field) for issue in content.issues] == [
        ("LRP002", 2, "title")
    ]


def test_plain_and_quoted_values_need_no_tag():
    content = parse_content('---\ntitle: "2026"\ndate: 2026-01-01\nn: !!str 7\n---\n')
    assert content.issues == [] and content.data["n"] == "7"


def test_self_referencing_alias_ends_with_a_finding_instead_of_hanging():
    content = parse_content("---\ntitle: x\nloop: &a [*a]\n---\n")
    assert [issue.rule.id for issue in content.issues] == ["LRP001"]


def test_absurdly_deep_nesting_is_a_finding_not_a_crash():
    content = parse_content("---\ntitle: x\nd: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert [issue.rule.id for issue in content.issues] == ["LRP001"]


def test_duplicate_key_is_reported_on_the_second_line():
    content = parse_content("---\ntitle: Viens\ntitle: Divi\n---\n")
    assert [(issue.rule.id, issue.line) for issue in content.issues] == [("LRP024", 3)]


@pytest.mark.parametrize(
    ("line", "expected_line"),
    [("date: 2021-02-30", 3), ('date: "2021-02-30"', 3), ("date: 2026-04-31", 3)],
)
def test_impossible_date_is_reported_whether_quoted_or_not(line, expected_line):
    content = parse_content(f"---\ntitle: x\n{line}\n---\n")
    assert content.issues == []
    assert [(issue.rule.id, issue.line, issue.field) for issue in impossible_dates(content)] == [
        ("LRP025", expected_line, "date")
    ]


def test_impossible_date_in_a_story_is_a_finding_at_its_line(tmp_path):
    root = project(tmp_path)
    path = root / "stories" / "anna-rudevica" / "index.lv.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2026-02-10", "date: 2021-02-30"),
        encoding="utf-8",
    )
    assert ("LRP025", "stories/anna-rudevica/index.lv.md", 4) in where(check_files([path], root))


def test_impossible_time_is_reported():
    content = parse_content("---\ntitle: x\nstart: 2026-05-14 25:00\n---\n")
    assert [issue.rule.id for issue in impossible_dates(content)] == ["LRP025"]


def test_file_that_is_not_utf8_is_reported_on_the_line_of_the_first_bad_byte(tmp_path):
    root = project(tmp_path)
    text = "---\ntitle: Romu vēsture\n---\nČigānu\n".encode("cp1257")
    path = write(root, "docs/cp1257.lv.md", text)
    assert where(check_files([path], root)) == {("LRP004", "docs/cp1257.lv.md", 2)}


def test_front_matter_of_an_edited_file_is_read_again(tmp_path) -> None:
    """`serve` rebuilds read the stories again: an edit shows, an unchanged file is reused and
    a caller changing its copy does not change what the next caller gets."""
    from hooks.frontmatter import read_front_matter

    story = tmp_path / "index.lv.md"
    story.write_text("---\ntitle: Pirmais\n---\n\nTeksts.\n", encoding="utf-8")
    first = read_front_matter(story)
    assert first == {"title": "Pirmais"}
    first["title"] = "changed by a caller"
    assert read_front_matter(story) == {"title": "Pirmais"}

    story.write_text("---\ntitle: Otrais!\n---\n\nTeksts.\n", encoding="utf-8")
    stat = story.stat()
    os.utime(story, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))

    assert read_front_matter(story) == {"title": "Otrais!"}


def test_the_next_build_reuses_saved_front_matter_but_never_for_changed_bytes(
    tmp_path, monkeypatch
) -> None:
    from hooks import frontmatter

    story = tmp_path / "index.lv.md"
    story.write_text("---\ntitle: Pirmais\n---\n\nTeksts.\n", encoding="utf-8")
    cache = tmp_path / ".cache" / "front-matter.pickle"
    frontmatter.load_front_matter_cache(cache)  # no file yet: nothing to load
    assert frontmatter.read_front_matter(story) == {"title": "Pirmais"}
    frontmatter.save_front_matter_cache(cache)

    monkeypatch.setattr(frontmatter, "_READ_CACHE", {})  # a new process
    frontmatter.load_front_matter_cache(cache)
    monkeypatch.setattr(frontmatter, "_parse_front_matter", lambda raw: pytest.fail("parsed"))
    assert frontmatter.read_front_matter(story) == {"title": "Pirmais"}

    monkeypatch.undo()
    story.write_text("---\ntitle: Otrais\n---\n\nTeksts.\n", encoding="utf-8")  # same size
    assert frontmatter.read_front_matter(story) == {"title": "Otrais"}


def test_a_missing_colon_is_reported_on_the_line_that_lacks_it():
    content = parse_content('---\ntitle "Anna no Talsiem"\nsummary: Anna stāsta.\n---\n')
    assert [(issue.rule.id, issue.line) for issue in content.issues] == [("LRP001", 2)]
    assert "no `:`" in content.issues[0].message()
    # A colon inside a value is still explained as before.
    nested = parse_content("---\ntitle: Romi: vēsture\n---\n")
    assert "double quotes" in nested.issues[0].message()
