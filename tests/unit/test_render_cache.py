"""The page cache: an unchanged page takes last build's HTML, and nothing a conversion would
say (a broken link, a moved page) is ever hidden by it.

These run MkDocs' own Page objects on a two-page docs folder, without a full build.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page

from hooks import kept_results, render_cache
from hooks.kept_results import KeptResults

HOME = "---\ntitle: Home\n---\n\n# Home\n\nSee [the other page](other.md#details).\n"
OTHER = "# Other\n\n## Details\n\nText.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    (docs / "other.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions:\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return tmp_path


def _config(project: Path):
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    return config


def _settings(config) -> str:
    return render_cache.settings_fingerprint(
        config.markdown_extensions,
        config.mdx_configs,
        use_directory_urls=config.use_directory_urls,
        validation=config.validation,
        log_level=logging.getLogger("mkdocs").getEffectiveLevel(),
    )


def _render_all(project: Path, cache: KeptResults) -> tuple[dict[str, Page], int]:
    """Read and render every page as MkDocs would; returns the pages and how many were kept."""
    config = _config(project)
    files = get_files(config)
    files_key = render_cache.files_fingerprint(files)
    pages, kept = {}, 0
    for file in files.documentation_pages():
        page = Page(None, file, config)
        render_cache.cached_read_source(page, config, cache)
        kept += render_cache.cached_render(page, config, files, cache, _settings(config), files_key)
        pages[file.src_uri] = page
    return pages, kept


def test_an_unchanged_page_gets_the_same_html_toc_and_title_from_the_cache(
    project: Path,
) -> None:
    cache = KeptResults()
    first, kept_first = _render_all(project, cache)
    again, kept_again = _render_all(project, cache)

    assert (kept_first, kept_again) == (0, 2)
    for src_uri, page in first.items():
        cached = again[src_uri]
        assert cached.content == page.content
        assert cached.title == page.title
        assert cached.meta == page.meta
        assert [(a.title, a.id) for a in cached.toc] == [(a.title, a.id) for a in page.toc]
        assert cached.present_anchor_ids == page.present_anchor_ids
    assert 'href="other/#details"' in again["index.md"].content
    # Links to anchors point at this build's File objects, so MkDocs can check the anchor.
    targets = {
        file.src_uri: anchors for file, anchors in again["index.md"].links_to_anchors.items()
    }
    assert targets["other.md"] == {"details": "other.md#details"}


def test_each_page_gets_its_own_front_matter_to_change(project: Path) -> None:
    cache = KeptResults()
    first, _ = _render_all(project, cache)
    first["index.md"].meta["template"] = "story.html"  # as the plugin's on_page_markdown does
    again, _ = _render_all(project, cache)
    assert again["index.md"].meta == {"title": "Home"}


def test_an_edited_page_is_converted_again(project: Path) -> None:
    cache = KeptResults()
    _render_all(project, cache)
    (project / "docs/other.md").write_text("# Other\n\nNew text.\n", encoding="utf-8")
    pages, kept = _render_all(project, cache)
    assert kept == 1
    assert "New text." in pages["other.md"].content


def test_a_link_broken_by_a_removed_page_is_reported_although_the_page_did_not_change(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = KeptResults()
    _render_all(project, cache)
    (project / "docs/other.md").unlink()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        pages, kept = _render_all(project, cache)
    assert kept == 0
    assert any("other.md" in record.getMessage() for record in caplog.records)


def test_a_conversion_that_warned_is_not_kept_so_the_warning_comes_back(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "docs/index.md").write_text("# Home\n\n[gone](missing.md)\n", encoding="utf-8")
    cache = KeptResults()
    for kept_expected in (0, 1):  # the second time, other.md only
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            _, kept = _render_all(project, cache)
        assert kept == kept_expected
        assert any("missing.md" in record.getMessage() for record in caplog.records)


def test_different_markdown_settings_do_not_share_html(project: Path) -> None:
    cache = KeptResults()
    _render_all(project, cache)
    (project / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions:\n  - toc:\n      permalink: false\n",
        encoding="utf-8",
    )
    pages, kept = _render_all(project, cache)
    assert kept == 0
    assert "headerlink" not in pages["other.md"].content


def test_settings_fingerprint_is_the_same_in_every_process_for_functions_and_dicts() -> None:
    def slugify(text: str, separator: str) -> str:
        return text

    one = render_cache.stable_repr({"b": [1, slugify], "a": {"z": None, "y": True}})
    two = render_cache.stable_repr({"a": {"y": True, "z": None}, "b": [1, slugify]})
    assert one == two
    assert "0x" not in one  # no memory address
    assert "slugify" in one


def test_files_fingerprint_changes_when_a_file_is_added_or_moves(project: Path) -> None:
    config = _config(project)
    files = get_files(config)
    before = render_cache.files_fingerprint(files)
    assert render_cache.files_fingerprint(get_files(config)) == before
    (project / "docs/third.md").write_text("# Third\n", encoding="utf-8")
    assert render_cache.files_fingerprint(get_files(config)) != before
    moved = Files(list(get_files(config)))
    moved.get_file_from_path("other.md").dest_uri = "elsewhere/index.html"
    assert render_cache.files_fingerprint(moved) != render_cache.files_fingerprint(
        get_files(config)
    )


def test_saved_cache_keeps_only_what_the_build_used_unless_pages_were_skipped(
    tmp_path: Path,
) -> None:
    path = tmp_path / ".cache" / "pages.pickle"
    cache = KeptResults()
    cache.put("used", "html")
    cache.entries["stale"] = pickle.dumps("old html")

    kept_results.save(cache, path, keep_unused=True)
    assert set(kept_results.load(path).entries) == {"used", "stale"}
    kept_results.save(cache, path)
    loaded = kept_results.load(path)
    assert set(loaded.entries) == {"used"}
    assert loaded.get("used") == "html"


@pytest.mark.parametrize(
    "stored", [b"not a pickle", pickle.dumps({"format": "0", "entries": {"k": b"x"}})]
)
def test_an_unreadable_or_outdated_cache_file_is_ignored(tmp_path: Path, stored: bytes) -> None:
    path = tmp_path / "pages.pickle"
    path.write_bytes(stored)
    assert kept_results.load(path).entries == {}
