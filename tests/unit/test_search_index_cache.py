"""The search index is reused only when every page Pagefind reads is the same as last time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hooks import search_index


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for page in ("index.html", "en/index.html", "en/stories/anna/index.html"):
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        (root / page).write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    return root


def test_the_key_is_the_same_for_the_same_pages(site: Path, tmp_path: Path) -> None:
    assert search_index.index_key(site, tmp_path) == search_index.index_key(site, tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        lambda site: (site / "en/index.html").write_text("<html>edited</html>", encoding="utf-8"),
        lambda site: (site / "en/stories/anna/index.html").unlink(),
        lambda site: (site / "lv-new").mkdir() or (site / "lv-new/index.html").write_text("x"),
        lambda site: (site / "en/index.html").rename(site / "en/moved.html"),
    ],
    ids=["page edited", "page removed", "page added", "page renamed"],
)
def test_any_change_to_an_indexed_page_changes_the_key(site: Path, tmp_path: Path, change) -> None:
    before = search_index.index_key(site, tmp_path)
    change(site)
    assert search_index.index_key(site, tmp_path) != before


def test_files_pagefind_does_not_read_leave_the_key_alone(site: Path, tmp_path: Path) -> None:
    before = search_index.index_key(site, tmp_path)
    # The republish copy beside a story and Pagefind's own output are not indexed pages.
    (site / "en/stories/anna/anna.en.html").write_text("<p>copy</p>", encoding="utf-8")
    (site / "pagefind/fragment").mkdir(parents=True)
    (site / "pagefind/index.html").write_text("not a page", encoding="utf-8")
    assert search_index.index_key(site, tmp_path) == before


def test_a_pagefind_configuration_file_changes_the_key(site: Path, tmp_path: Path) -> None:
    before = search_index.index_key(site, tmp_path)
    (tmp_path / "pagefind.yml").write_text("exclude_selectors: ['nav']\n", encoding="utf-8")
    assert search_index.index_key(site, tmp_path) != before


def test_a_reused_index_is_linked_into_the_site_and_an_old_one_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    for language in ("en", "lv"):
        page = site / language / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<html lang="{language}"><body><main data-pagefind-body>'
            f"<h1>Music {language}</h1><p>A violin teacher.</p></main></body></html>",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / ".cache" / "pagefind"
    entry = site / "pagefind" / "pagefind-entry.json"

    assert search_index.build_search_index(site, cache) is False  # Pagefind ran
    first = entry.read_bytes()
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    assert search_index.build_search_index(site, cache) is True
    assert entry.read_bytes() == first
    (kept,) = cache.iterdir()
    assert os.path.samefile(entry, kept / "pagefind-entry.json")  # linked, not copied

    (site / "en" / "index.html").write_text(
        '<html lang="en"><body><main data-pagefind-body><p>Accordion.</p></main></body></html>',
        encoding="utf-8",
    )
    assert search_index.build_search_index(site, cache) is False
    assert [path.name for path in cache.iterdir()] != [kept.name]
    assert len(list(cache.iterdir())) == 1
    assert not kept.exists()  # an index of pages that are gone would never be used again


def test_pages_recorded_as_written_give_the_same_key_as_reading_them(
    site: Path, tmp_path: Path
) -> None:
    written = {
        os.path.join(site, relative): search_index.written_page(
            (site / relative).read_text(encoding="utf-8")
        )
        for relative in search_index.indexed_pages(site)
    }
    assert search_index.index_key(site, tmp_path, written) == search_index.index_key(site, tmp_path)


def test_a_page_changed_after_it_was_recorded_is_read_again(site: Path, tmp_path: Path) -> None:
    page = site / "en" / "index.html"
    written = {os.fspath(page): search_index.written_page(page.read_text(encoding="utf-8"))}
    before = search_index.index_key(site, tmp_path, written)
    page.write_text("<html><body>rewritten after the build wrote it</body></html>")
    assert search_index.index_key(site, tmp_path, written) != before


def test_pages_are_listed_in_the_order_the_key_always_used(tmp_path: Path) -> None:
    # "page-2" sorts before "page/" as text but after "page" as a folder; the order must not
    # change, or every site would be indexed again once after an upgrade.
    site = tmp_path / "site"
    for relative in ("page/index.html", "page-2/index.html", "index.html", "pagefind/index.html"):
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text("x")
    expected = [
        p.relative_to(site).as_posix()
        for p in sorted(site.glob("**/index.html"))
        if p.relative_to(site).parts[0] != "pagefind"
    ]
    assert search_index.indexed_pages(site) == expected
    assert expected == ["index.html", "page/index.html", "page-2/index.html"]


def test_a_recorded_page_is_not_read_back(site: Path, tmp_path: Path) -> None:
    # The point of recording pages as they are written: the key comes from the record. A record
    # of the right length but another digest must therefore change the key.
    page = site / "en" / "index.html"
    length, _ = search_index.written_page(page.read_text(encoding="utf-8"))
    recorded = {os.fspath(page): (length, b"\0" * 32)}
    assert search_index.index_key(site, tmp_path, recorded) != search_index.index_key(
        site, tmp_path
    )
