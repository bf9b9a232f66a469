"""The quick check spreads a large set of files over worker processes; editors must get the
same findings, in the same order, as from a check in one process."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from hooks import content_checks
from hooks.content_checks import check_files, check_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
TODAY = dt.date(2026, 11, 25)
PAGE = "---\ntitle: Lapa {n}\ntranslation: original\n---\n\nSkatīt [par mums](about.md).\n"
BROKEN = "---\ntitle: Lapa {n}\ntranslation: original\n---\n\n[x](missing-{n}.md)\n"
NO_TITLE = "---\ntranslation: original\n---\n\nTeksts bez virsraksta.\n"


@pytest.fixture
def large_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    for n in range(content_checks.PARALLEL_MIN_FILES + 50):
        template = BROKEN if n % 37 == 0 else NO_TITLE if n % 41 == 0 else PAGE
        (site / "docs" / f"page-{n:03d}.lv.md").write_text(template.format(n=n), "utf-8")
    return site


def test_checking_in_two_processes_finds_exactly_what_one_process_finds(
    large_site: Path,
) -> None:
    alone = check_project(large_site, today=TODAY, jobs=1)
    shared = check_project(large_site, today=TODAY, jobs=2)

    assert shared == alone
    broken = {f.path for f in alone if f.rule_id == "LRP030"}
    assert broken == {f"docs/page-{n:03d}.lv.md" for n in range(0, 250, 37)}
    assert any(f.field == "title" for f in alone)


def test_a_file_that_crashes_a_worker_rule_is_reported_not_lost(
    large_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_check_file = content_checks.check_file

    def failing_on_one(path: Path, *args, **kwargs):
        if path.name == "page-100.lv.md":
            raise RuntimeError(f"rule bug in process {os.getpid()}")
        return real_check_file(path, *args, **kwargs)

    monkeypatch.setattr(content_checks, "check_file", failing_on_one)
    files = sorted((large_site / "docs").glob("page-*.lv.md"))

    findings = check_files(files, large_site, today=TODAY, jobs=2)

    crashed = [f for f in findings if f.path == "docs/page-100.lv.md"]
    assert [f.rule_id for f in crashed] == ["LRP099"]
    assert "RuntimeError: rule bug in process" in crashed[0].message
    # The file was checked in a worker, not in this process.
    assert f"process {os.getpid()})" not in crashed[0].message
    assert {f.path for f in findings if f.rule_id == "LRP030"} >= {"docs/page-037.lv.md"}
