"""`python -m hooks.scaffold`: new content in three languages that cannot be published half-done."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import scaffold
from hooks.content_checks import check_project
from hooks.frontmatter import parse_content

EXPECTED = {
    "story": ["stories/anna/index.lv.md", "stories/anna/index.en.md", "stories/anna/index.rml.md"],
    "event": ["docs/events/anna.lv.md", "docs/events/anna.en.md", "docs/events/anna.rml.md"],
    "heritage": [
        "docs/heritage/anna.lv.md",
        "docs/heritage/anna.en.md",
        "docs/heritage/anna.rml.md",
    ],
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    return tmp_path


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_creates_all_three_languages_in_the_right_place(root, kind):
    created = scaffold.scaffold(kind, "anna", root)
    assert [path.relative_to(root).as_posix() for path in created] == EXPECTED[kind]


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_new_files_are_valid_yaml_and_only_their_placeholders_are_reported(root, kind):
    created = scaffold.scaffold(kind, "anna", root)
    for path in created:
        content = parse_content(path.read_text(encoding="utf-8"))
        assert content.issues == [] and content.data["title"].startswith("TODO(title)")
    findings = check_project(root)
    assert findings, "a fresh scaffold must not pass the check"
    assert {item.rule_id for item in findings} == {"LRP007"}
    assert {item.path for item in findings} == set(EXPECTED[kind])
    # Every placeholder in the front matter is reported with its field.
    assert {"title", ""} <= {item.field for item in findings}


def test_translation_status_follows_the_language(root):
    scaffold.scaffold("event", "anna", root)
    data = {
        language: parse_content(
            (root / f"docs/events/anna.{language}.md").read_text(encoding="utf-8")
        ).data
        for language in ("lv", "en", "rml")
    }
    assert data["lv"]["translation"] == "original" and "translator" not in data["lv"]
    assert data["en"]["translation"] == data["rml"]["translation"] == "unreviewed"
    assert data["rml"]["translator"].startswith("TODO(translator)")
    # The option for credits in another language is shown, not set.
    romani = (root / "docs/events/anna.rml.md").read_text(encoding="utf-8")
    assert "\n# credit_language: en  (only when the credits are written in another" in romani
    assert "credit_language" not in data["rml"]


def test_refuses_to_overwrite_and_creates_nothing(root):
    existing = root / "docs/events/anna.en.md"
    existing.parent.mkdir(parents=True)
    existing.write_text("editor's work", encoding="utf-8")

    with pytest.raises(scaffold.ScaffoldError, match="docs/events/anna.en.md already exists"):
        scaffold.scaffold("event", "anna", root)

    assert existing.read_text(encoding="utf-8") == "editor's work"
    assert not (root / "docs/events/anna.lv.md").exists()


@pytest.mark.parametrize("slug", ["Anna", "anna rudevica", "rudeviča", "-anna", "anna--r", ""])
def test_refuses_slugs_that_do_not_belong_in_an_address(root, slug):
    with pytest.raises(scaffold.ScaffoldError, match="lowercase"):
        scaffold.scaffold("story", slug, root)
    assert not (root / "stories").exists()


def test_a_name_written_as_words_gets_its_address_form_suggested(root, capsys):
    assert scaffold.main(["story", "Anna Bērziņa", "--root", str(root)]) == 1
    error = capsys.readouterr().err
    assert "Did you mean `anna-berzina`?" in error
    assert "only if they agreed" in error  # the address is public
    assert not (root / "stories").exists()


def test_command_line(root, capsys):
    assert scaffold.main(["heritage", "dances", "--root", str(root)]) == 0
    assert "created docs/heritage/dances.rml.md" in capsys.readouterr().out
    assert scaffold.main(["heritage", "dances", "--root", str(root)]) == 1
    assert "already exist" in capsys.readouterr().err
