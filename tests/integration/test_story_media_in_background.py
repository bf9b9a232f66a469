"""Photos and social cards are made while the pages render: through a real build, the pages
offer only files that exist, and a photo that only fails while decoding still stops the build
with the usual message."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.htmlscan import parse_html
from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.build

STORY = """---
title: "{title}"
summary: "A summary."
date: 2026-05-04
themes: [family]
person:
  name: "Olga"
  naming: pseudonym
consent:
  ref: "LRP-2026-{ref}"
  date: 2026-01-10
  review_by: 2027-01-01
  status: active
  languages: [lv]
  photos: true
  republication: true
licence: CC-BY-4.0
credits:
  author: "Test Author"
  photographer: "Test Photographer"
images:
{images}sample: true
translation: original
---

First paragraph of {title}.
"""


def _story(project: Path, slug: str, ref: str, photos: dict[str, bytes]) -> None:
    folder = project / "stories" / slug
    folder.mkdir(parents=True)
    for name, data in photos.items():
        (folder / name).write_bytes(data)
    listed = "".join(
        f'  - file: {name}\n    alt: "Photo {name}"\n    credit: "Photo: T"\n' for name in photos
    )
    text = STORY.format(title=f"Story {slug}", ref=ref, images=listed)
    (folder / "index.lv.md").write_text(text, encoding="utf-8")


def _jpeg(size: tuple[int, int], orientation: int = 1) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def media_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("project"))
    # Several new photos, so that the work goes to the process pool instead of being done at
    # once; one is stored sideways (EXIF 6), so its planned width and height are swapped.
    _story(project, "wide", "201", {"wide.jpg": _jpeg((2000, 1333))})
    _story(project, "sideways", "202", {"sideways.jpg": _jpeg((1800, 1200), orientation=6)})
    _story(project, "medium", "203", {"medium.jpg": _jpeg((1000, 700))})
    site = tmp_path_factory.mktemp("site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return site, result.stderr


def _candidates(markup: str) -> list[tuple[str, int | None]]:
    page = parse_html(markup)
    found: list[tuple[str, int | None]] = []
    for element in [*page.find_all("source"), *page.find_all("img")]:
        for candidate in element.attrs.get("srcset", "").split(","):
            if candidate.strip():
                url, width = candidate.split()
                found.append((url, int(width.rstrip("w"))))
        if element.tag == "img" and element.attrs.get("src"):
            found.append((element.attrs["src"], None))
    return found


def test_every_offered_photo_exists_at_the_width_it_claims(media_site) -> None:
    site, _ = media_site
    pages = [site / "stories" / slug / "index.html" for slug in ("wide", "sideways", "medium")]
    pages.append(site / "stories" / "index.html")  # the story list's cards
    checked = 0
    for page in pages:
        for url, width in _candidates(page.read_text(encoding="utf-8")):
            if "/img/" not in url:
                continue
            file = (page.parent / url).resolve()
            assert file.is_file(), (page, url)
            with Image.open(file) as published:
                assert width is None or published.width == width, (page, url)
                if published.format == "WEBP":
                    assert published.width <= 960, url  # no 1600 px WebP is made or offered
            checked += 1
    assert checked > 10


def test_planned_sizes_match_the_published_largest_photo(media_site) -> None:
    site, _ = media_site
    page = parse_html((site / "stories" / "sideways" / "index.html").read_text(encoding="utf-8"))
    img = next(i for i in page.find_all("img") if "sideways/img/" in i.attrs.get("src", ""))
    # Upright 1200×1800, so 960 px is the widest derivative (nothing is made wider than the photo).
    assert (img.attrs["width"], img.attrs["height"]) == ("960", "1440")
    largest = max(
        (site / "stories" / "sideways" / "img").glob("*.jpg"), key=lambda p: p.stat().st_size
    )
    with Image.open(largest) as published:
        assert published.size == (960, 1440)


def test_photos_and_cards_are_published_after_being_made(media_site) -> None:
    site, log = media_site
    assert re.search(r"Story images: [1-9]\d* processed", log), log[-2000:]
    assert (site / "stories" / "wide" / "card.jpg").is_file()
    assert (site / "stories" / "wide" / "img").is_dir()


def test_a_photo_damaged_past_its_header_fails_the_build_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    whole = _jpeg((1600, 1067))
    _story(project, "good", "301", {"good.jpg": _jpeg((1500, 1000))})
    _story(project, "broken", "302", {"cut-off.jpg": whole[: len(whole) // 2]})

    result = build_site(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Story images cannot be published:" in result.stderr
    assert (
        "stories/broken/cut-off.jpg: error LRP008: cut-off.jpg is not a readable image: "
        "re-export it as JPEG or PNG" in result.stderr
    ), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
