"""The translation report: what exists in which language and what still needs a review."""

from __future__ import annotations

import shutil
from pathlib import Path

from hooks import translation_report
from hooks.translation_report import render_markdown

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content"


def report(tmp_path: Path) -> dict[str, translation_report.Item]:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    (root / "docs/about.rml.md").write_text(
        "---\ntitle: Pal platforma\ntranslation: unreviewed\n---\n", encoding="utf-8"
    )
    (root / "docs/about.en.md").write_text("---\ntitle: About\n---\n", encoding="utf-8")
    (root / "docs/notes.lt.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    return {item.neutral_path: item for item in translation_report.translation_report(root)}


def test_one_item_per_content_with_its_languages(tmp_path):
    items = report(tmp_path)
    assert set(items) == {
        "docs/about.md",
        "docs/index.md",
        "docs/heritage/music.md",
        "docs/events/roma-day-2026.md",
        "stories/anna-rudevica/index.md",
    }
    story = items["stories/anna-rudevica/index.md"]
    assert story.kind == "story" and story.title == "Annas stāsts"
    assert story.languages == ("lv", "en")
    assert story.unreviewed == ("en",)
    assert story.missing == ("rml",)


def test_a_translation_without_status_counts_as_unreviewed(tmp_path):
    about = report(tmp_path)["docs/about.md"]
    assert about.statuses == {"lv": "original", "en": "unreviewed", "rml": "unreviewed"}
    assert about.missing == ()


def test_files_in_unknown_languages_are_left_to_the_check(tmp_path):
    assert "docs/notes.md" not in report(tmp_path)


def test_markdown_table_in_latvian_and_english(tmp_path):
    items = list(report(tmp_path).values())
    latvian = render_markdown(items, "lv")
    english = render_markdown(items, "en")
    assert latvian.startswith("# Tulkojumu pārskats")
    assert (
        "| Annas stāsts (stāsts)<br>`stories/anna-rudevica/index.md` | ✓ oriģināls | "
        "⚠ nepārbaudīts | — nav |"
    ) in latvian
    assert "5 items; 3 unreviewed translations; 6 missing." in english
    assert "| Content | lv | en | rml |" in english


def test_command_line_prints_the_table(tmp_path, capsys):
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    assert translation_report.main(["--language", "en", "--root", str(root)]) == 0
    assert "| Sākums (page)<br>`docs/index.md` | ✓ original | ✓ reviewed | — missing |" in (
        capsys.readouterr().out
    )
