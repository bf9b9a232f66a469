"""The build's check cache: an unchanged file reuses last build's result, and nothing a
changed file, a new file or a new date would report is ever hidden by the cache."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hooks import check_cache
from hooks.content_checks import check_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
BROKEN_LINK = "---\ntitle: Saites\ntranslation: original\n---\n\n[x](missing.md)\n"
FIXED_LINK = "---\ntitle: Saites\ntranslation: original\n---\n\n[x](about.md)\n"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    return site


def test_cached_findings_equal_a_fresh_check(root: Path, tmp_path: Path) -> None:
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    cache = tmp_path / "cache" / "check.pickle"

    first = check_project(root, today=TODAY, cache_file=cache)
    again = check_project(root, today=TODAY, cache_file=cache)

    assert [f.rule_id for f in first] == ["LRP030"]
    assert again == first == check_project(root, today=TODAY)
    assert len(check_cache.load(cache)) == 8  # one result per content file


def test_an_edited_file_is_checked_again(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "check.pickle"
    page = root / "docs/links.lv.md"
    page.write_text(BROKEN_LINK, encoding="utf-8")
    assert check_project(root, today=TODAY, cache_file=cache)

    page.write_text(FIXED_LINK, encoding="utf-8")

    assert check_project(root, today=TODAY, cache_file=cache) == []


def test_a_link_target_appearing_rechecks_the_files_that_link_to_it(
    root: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "check.pickle"
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    assert check_project(root, today=TODAY, cache_file=cache)

    (root / "docs/missing.lv.md").write_text(
        "---\ntitle: Te\ntranslation: original\n---\n\nTeksts.\n", encoding="utf-8"
    )

    findings = check_project(root, today=TODAY, cache_file=cache)
    assert findings == check_project(root, today=TODAY)
    assert "LRP030" not in {f.rule_id for f in findings}


def test_a_new_date_rechecks_everything(root: Path, tmp_path: Path) -> None:
    """Consent expiry depends on the date: yesterday's results are not today's."""
    cache = tmp_path / "check.pickle"
    story = root / "stories/anna-rudevica/index.lv.md"
    text = story.read_text(encoding="utf-8")
    assert "review_by:" in text
    later = dt.date(2200, 1, 1)

    on_time = check_project(root, today=TODAY, cache_file=cache)

    expired = check_project(root, today=later, cache_file=cache)
    assert expired == check_project(root, today=later)
    assert expired != on_time  # the review date has passed: the check says so


def test_an_unreadable_cache_file_is_ignored(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "check.pickle"
    cache.write_bytes(b"not a pickle")
    assert check_project(root, today=TODAY, cache_file=cache) == check_project(root, today=TODAY)


def test_the_rules_fingerprint_is_the_same_in_every_process(root: Path) -> None:
    """Each build is a new process: a fingerprint that depended on the process (e.g. on the
    order of a set) would make every build check every file again."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from hooks.check_cache import rules_fingerprint;"
        "print(rules_fingerprint(Path(sys.argv[1])))"
    )
    prints = {
        subprocess.run(
            [sys.executable, "-c", code, str(root)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": str(seed), "PYTHONPATH": str(Path(__file__).parents[2])},
        ).stdout  # fmt: skip
        for seed in (1, 2, 3)
    }
    assert len(prints) == 1 and len(prints.pop().strip()) == 64


@pytest.mark.parametrize("module", ["content_checks.py", "validation/stories.py"])
def test_a_change_to_the_rules_code_rechecks_everything(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    """The rules live in hooks/ and in hooks/validation/: an edit to either must not leave a
    cached result of the old rules standing."""
    hooks_copy = tmp_path / "hooks"
    shutil.copytree(
        Path(check_cache.__file__).parent, hooks_copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(check_cache, "_HOOKS_DIR", hooks_copy)
    before = check_cache.rules_fingerprint(root)
    with (hooks_copy / module).open("a", encoding="utf-8") as handle:
        handle.write("\n# a rule changed\n")
    assert check_cache.rules_fingerprint(root) != before
