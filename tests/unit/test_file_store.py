"""Generated files are stored once by content and hard-linked into the site."""

from __future__ import annotations

import os
from pathlib import Path

from hooks.file_store import FileStore


def test_a_placed_file_has_the_content_and_shares_the_stored_copy(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    dest = tmp_path / "site" / "stories" / "anna" / "anna.en.txt"
    assert store.place("Annas stāsts\n".encode(), dest, suffix=".txt") is True
    assert dest.read_text(encoding="utf-8") == "Annas stāsts\n"
    (stored,) = (tmp_path / "store").rglob("*.txt")
    assert os.path.samefile(stored, dest)


def test_the_same_content_in_two_places_is_stored_once(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    for language in ("lv", "en"):
        store.place(b"same", tmp_path / "site" / language / "copy.md", suffix=".md")
    assert len(list((tmp_path / "store").rglob("*.md"))) == 1
    assert (tmp_path / "site" / "en" / "copy.md").read_bytes() == b"same"


def test_a_stored_file_cut_short_is_written_again(tmp_path: Path) -> None:
    FileStore(tmp_path / "store").place(b"full text", tmp_path / "one.txt")
    (stored,) = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
    stored.write_bytes(b"full")  # e.g. a build killed while writing, or a full disk
    FileStore(tmp_path / "store").place(b"full text", tmp_path / "two.txt")
    assert (tmp_path / "two.txt").read_bytes() == b"full text"


def test_replacing_a_site_file_leaves_the_stored_copy_of_the_old_content(tmp_path: Path) -> None:
    # `mkdocs serve` writes into a site that already has the previous version.
    store = FileStore(tmp_path / "store")
    dest = tmp_path / "site" / "story.en.txt"
    store.place(b"old text", dest)
    assert store.place(b"new text", dest) is True
    assert store.place(b"new text", dest) is False  # already there
    assert dest.read_bytes() == b"new text"
    contents = sorted(p.read_bytes() for p in (tmp_path / "store").rglob("??/*"))
    assert contents == [b"new text", b"old text"]


def test_saving_after_a_full_build_deletes_what_it_did_not_use(tmp_path: Path) -> None:
    first = FileStore(tmp_path / "store")
    first.place(b"kept", tmp_path / "a1")
    first.place(b"edited away", tmp_path / "b1")
    first.save()

    second = FileStore(tmp_path / "store")
    second.place(b"kept", tmp_path / "a2")
    deleted = second.save()
    assert len(deleted) == 1
    remaining = [p.read_bytes() for p in (tmp_path / "store").rglob("??/*")]
    assert remaining == [b"kept"]
    assert (tmp_path / "b1").read_bytes() == b"edited away"  # a built site keeps its files


def test_a_partial_build_keeps_what_it_did_not_use(tmp_path: Path) -> None:
    first = FileStore(tmp_path / "store")
    first.place(b"other language", tmp_path / "a")
    first.save()
    second = FileStore(tmp_path / "store")
    second.place(b"this language", tmp_path / "b")
    assert second.save(keep_unused=True) == []
    third = FileStore(tmp_path / "store")
    third.place(b"this language", tmp_path / "c")
    assert len(third.save()) == 1  # the next full build still knows about it


def test_without_its_index_the_store_still_prunes_what_is_on_disk(tmp_path: Path) -> None:
    first = FileStore(tmp_path / "store")
    first.place(b"stale", tmp_path / "a")
    first.save()
    (tmp_path / "store" / "index.pickle").write_bytes(b"not a pickle")
    second = FileStore(tmp_path / "store")
    second.place(b"fresh", tmp_path / "b")
    second.save()
    assert [p.read_bytes() for p in (tmp_path / "store").rglob("??/*")] == [b"fresh"]


def test_a_stored_file_another_build_deleted_is_written_again(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    store.place(b"same text", tmp_path / "lv.txt")
    for stored in (tmp_path / "store").rglob("??/*"):
        stored.unlink()  # another build's save() found it unused
    assert store.place(b"same text", tmp_path / "en.txt") is True
    assert (tmp_path / "en.txt").read_bytes() == b"same text"
