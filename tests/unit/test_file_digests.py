"""File digests are reused only while a file is untouched on disk; any write is seen."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from hooks import file_digests


@pytest.fixture(autouse=True)
def fresh_memory():
    file_digests.forget()
    yield
    file_digests.forget()


def _aged(path: Path, text: str) -> Path:
    """Write `text` and date the file an hour back, as a file from an earlier day would be."""
    path.write_text(text, encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    return path


def _no_reading(*args, **kwargs):
    raise AssertionError("an unchanged file was read again")


def test_the_digest_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    story = _aged(tmp_path / "index.en.md", "---\ntitle: Anna\n---\nText.\n")
    expected = hashlib.sha256(story.read_bytes()).hexdigest()
    assert file_digests.sha256_hex(story) == expected
    assert file_digests.sha256_hex(story) == expected


def test_an_unchanged_file_is_not_read_in_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _aged(tmp_path / "index.en.md", "Text.\n")
    first = file_digests.sha256_hex(story)
    file_digests.save(tmp_path / "digests.pickle")
    file_digests.forget()  # as a new process would start

    file_digests.load(tmp_path / "digests.pickle")
    monkeypatch.setattr(file_digests, "open", _no_reading, raising=False)
    assert file_digests.sha256_hex(story) == first


def test_a_rewrite_with_the_same_size_and_the_old_time_is_still_seen(tmp_path: Path) -> None:
    story = _aged(tmp_path / "index.en.md", "Text A.\n")
    before = file_digests.sha256_hex(story)
    old_times = (story.stat().st_atime, story.stat().st_mtime)
    story.write_text("Text B.\n", encoding="utf-8")
    os.utime(story, old_times)  # a copy tool keeping times; the change time still moves
    assert file_digests.sha256_hex(story) == hashlib.sha256(b"Text B.\n").hexdigest() != before


def test_a_file_replaced_by_another_is_read_again(tmp_path: Path) -> None:
    story = _aged(tmp_path / "photo.jpg", "one")
    file_digests.sha256_hex(story)
    other = _aged(tmp_path / "new.jpg", "two")
    other.replace(story)
    assert file_digests.sha256_hex(story) == hashlib.sha256(b"two").hexdigest()


def test_a_file_written_just_now_is_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "index.en.md"
    story.write_text("Just saved.\n", encoding="utf-8")
    file_digests.sha256_hex(story)
    reads = []
    real_open = open
    monkeypatch.setattr(
        file_digests, "open", lambda *a, **k: reads.append(a) or real_open(*a, **k), raising=False
    )
    file_digests.sha256_hex(story)
    assert len(reads) == 1


def test_a_missing_file_raises_like_reading_it(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        file_digests.sha256_hex(tmp_path / "gone.md")


def test_the_saved_file_keeps_only_files_this_build_looked_at(tmp_path: Path) -> None:
    kept = _aged(tmp_path / "kept.md", "a")
    dropped = _aged(tmp_path / "dropped.md", "b")
    file_digests.sha256_hex(kept)
    file_digests.sha256_hex(dropped)
    file_digests.save(tmp_path / "digests.pickle")
    file_digests.load(tmp_path / "digests.pickle")  # the next build
    file_digests.sha256_hex(kept)
    file_digests.save(tmp_path / "digests.pickle")
    file_digests.forget()
    file_digests.load(tmp_path / "digests.pickle")
    assert {name for name, _ in file_digests._known} == {os.fspath(kept)}


def test_different_values_of_one_file_are_kept_apart(tmp_path: Path) -> None:
    photo = _aged(tmp_path / "photo.jpg", "pixels")
    assert file_digests.derived(photo, "length", lambda raw: str(len(raw))) == "6"
    assert file_digests.sha256_hex(photo) == hashlib.sha256(b"pixels").hexdigest()
    assert file_digests.derived(photo, "length", lambda raw: "not called") == "6"
