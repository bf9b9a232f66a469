"""Files saved with a BOM, CRLF line ends or decomposed letters build like any other."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.build


def test_bom_crlf_and_nfd_files_are_published_in_nfc(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (
        '---\r\ntitle: "Romu vēsture"\r\ndescription: "Pārbaude."\r\n'
        "translation: original\r\n---\r\n\r\nČigāni un romi Latvijā.\r\n"
    )
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    (project / "docs" / "encoding-probe.lv.md").write_bytes(b"\xef\xbb\xbf" + decomposed.encode())
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "encoding-probe" / "index.html").read_text(encoding="utf-8")
    assert "Romu vēsture" in html and "Čigāni un romi Latvijā." in html
    assert unicodedata.normalize("NFD", "ē") not in html
    assert "title: " not in html  # the front matter was read as front matter, not as text
