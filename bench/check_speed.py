"""How long the content check takes on a large site: `python bench/check_speed.py [ITEMS]`.

Generates ITEMS (default 1,000) stories, events and pages, each in lv, en and rml (3,000 valid
files), into a temporary folder and times `check_project` on them. Not a test: it prints the
seconds and the number of findings (which should be 0).
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hooks.content_checks import check_project  # noqa: E402

LANGUAGES = ("lv", "en", "rml")
PARAGRAPH = (
    "Romi Latvijā dzīvo jau vairāk nekā četrsimt gadu. Šis teksts ir tikai paraugs, lai "
    "pārbaudītu, cik ātri strādā satura pārbaude ar garāku tekstu un vairākām rindkopām. "
)


def _translation(language: str) -> str:
    if language == "lv":
        return "translation: original\n"
    return "translation: unreviewed\ntranslator: Test Translator\n"


# English pages get English text, or the check would rightly report Latvian in them (LRP064).
PARAGRAPH_EN = (
    "Roma have lived in Latvia for more than four hundred years. This text is only a sample, "
    "to measure how fast the content check works on a longer text with several paragraphs. "
)


# Romani pages get the site's own Romani sentences (docs/about.rml.md), for the same reason.
PARAGRAPH_RML = (
    "Latvijakiri romani platforma hi drom, savesa Latvijate koordinirinen romengiri "
    "integracijakiri politika i pomoginen te kerel la. "
)
PARAGRAPHS = {"lv": PARAGRAPH, "en": PARAGRAPH_EN, "rml": PARAGRAPH_RML}


def _body(index: int, language: str) -> str:
    paragraph = PARAGRAPHS[language]
    paragraphs = "\n\n".join(paragraph * 3 for _ in range(6))
    return (
        f"\n# Virsraksts {index}\n\n{paragraphs}\n\n"
        "Skatīt arī [par platformu](../about.md) un [sākumu](../index.md).\n\n"
        "```text\nkods <script> netiek pārbaudīts\n```\n\n"
        "> Citāts ar vārdu „čigāns”.\n"
    )


def story(index: int, language: str) -> str:
    return (
        "---\n"
        f'title: "Stāsts {index}"\n'
        "summary: Īss stāsta kopsavilkums.\n"
        "date: 2026-03-01\n"
        "themes: [family, music]\n"
        "place:\n  region: kurzeme\n  shown: region\n"
        "person:\n  name: Anna\n  naming: first_name\n"
        "consent:\n"
        f"  ref: LRP-2026-{index:03d}\n"
        "  date: 2026-02-01\n  review_by: 2099-02-01\n  status: active\n"
        "  languages: [lv, en, rml]\n  photos: true\n  republication: false\n"
        "licence: CC-BY-4.0\n"
        "credits:\n  author: Test Author\n"
        "images:\n  - file: photo.jpg\n    alt: Sieviete pie loga.\n"
        f"{_translation(language)}"
        "---\n"
        + _body(index, language)
        .replace("../about.md", "../../about.md")
        .replace("../index.md", "../../index.md")
    )


def event(index: int, language: str) -> str:
    return (
        "---\n"
        f'title: "Pasākums {index}"\n'
        "description: Pasākuma apraksts.\n"
        "start: 2099-05-14 18:00\nend: 2099-05-14 20:00\n"
        "place:\n  venue: Kultūras nams\n  town: Rēzekne\n  online: false\n"
        "languages: [lv, rml]\norganiser: Kultūras ministrija\nstatus: scheduled\n"
        "registration:\n  url: https://example.org/register\n  deadline: 2099-05-10\n"
        f"{_translation(language)}"
        "---\n" + _body(index, language)
    )


def page(index: int, language: str) -> str:
    return f'---\ntitle: "Lapa {index}"\n{_translation(language)}---\n' + _body(index, language)


def _photo() -> bytes:
    """A small but usable JPEG (the check reads each photo's header, LRP008)."""
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 90, 60)).save(buffer, "JPEG", quality=60)
    return buffer.getvalue()


PHOTO = _photo()


def generate(root: Path, items: int) -> int:
    written = 0
    for language in LANGUAGES:
        for name in ("about", "index"):
            path = root / "docs" / f"{name}.{language}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = page(0, language).replace("../about.md", "about.md")
            path.write_text(text.replace("../index.md", "index.md"), encoding="utf-8")
    for index in range(items):
        kind = index % 3
        if kind == 0:
            folder = root / "stories" / f"story-{index}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "photo.jpg").write_bytes(PHOTO)
        for language in LANGUAGES:
            if kind == 0:
                path = root / "stories" / f"story-{index}" / f"index.{language}.md"
                text = story(index, language)
            elif kind == 1:
                path = root / "docs" / "events" / f"event-{index}.{language}.md"
                text = event(index, language)
            else:
                path = root / "docs" / "pages" / f"page-{index}.{language}.md"
                text = page(index, language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    return written


def main() -> None:
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        written = generate(root, items)
        started = time.perf_counter()
        findings = check_project(root)
        elapsed = time.perf_counter() - started
    print(
        f"{written} generated files (+6 pages): check_project took {elapsed:.2f} s, "
        f"{len(findings)} findings"
    )
    for item in findings[:10]:
        print(item.format())


if __name__ == "__main__":
    main()
