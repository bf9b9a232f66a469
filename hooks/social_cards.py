"""Social cards: the 1200×630 picture that Facebook, X, WhatsApp etc. show for a shared story.

Drawn with Pillow in the site's own OFL font (Source Sans 3, shipped in `data/fonts/`), so the
Latvian and Romani letters (ā č ē ģ ī ķ ļ ņ š ū ž) come out right on every build machine. The
caller passes a photo only when the storyteller consented to photos; without one the card is
text only. Cards are cached by their content, like the story images.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import unicodedata
import uuid
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from hooks import images
from hooks.images import to_srgb_rgb

# Bump when the drawing changes, so every cached card is redrawn.
CARD_VERSION = "1"

CARD_SIZE = (1200, 630)
BACKGROUND = "#1f3a68"
TITLE_COLOUR = "#ffffff"
KICKER_COLOUR = "#f2c55c"  # warm yellow reads as a label, not as part of the title
FOOTER_COLOUR = "#d3dcec"
RULE_COLOUR = "#3d5a8c"
MARGIN = 72
PHOTO_WIDTH = CARD_SIZE[0] // 3
COVER_SIZE = (PHOTO_WIDTH, CARD_SIZE[1])
KICKER_SIZE = 34
FOOTER_SIZE = 30
# Largest first: a short title gets big type, a long one shrinks before it is cut.
TITLE_SIZES = (72, 64, 56)
MAX_TITLE_LINES = 4
LINE_SPACING = 1.18  # room for Ā and Ķ on neighbouring lines without the marks touching
JPEG_QUALITY = 85

BOLD_FONT = "SourceSans3-Bold.ttf"
REGULAR_FONT = "SourceSans3-Regular.ttf"
ELLIPSIS = "…"


@lru_cache(maxsize=32)
def load_font(font_path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path, size)


def _font(font_dir: Path, name: str, size: int) -> ImageFont.FreeTypeFont:
    return load_font(str(font_dir / name), size)


def _nfc(text: str) -> str:
    # Text typed with combining marks (a + U+0304) would show the mark from the font's
    # fallback positioning; the precomposed letters are designed glyphs.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _fits(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> bool:
    return font.getlength(text) <= max_width


def ellipsize(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> str:
    """`text` cut so that it and a trailing '…' fit; whole words are kept where possible."""
    text = text.rstrip()
    if _fits(text + ELLIPSIS, font, max_width):
        return text + ELLIPSIS
    cut = text
    while cut and not _fits(cut + ELLIPSIS, font, max_width):
        cut = cut[:-1]
    if " " in cut and not text[len(cut) : len(cut) + 1].isspace():
        cut = cut.rsplit(" ", 1)[0]  # the cut fell inside a word: drop that word
    return cut.rstrip(" ,.;:–—-") + ELLIPSIS


def _break_word(word: str, font: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    """A word wider than the line, split into pieces that fit (long compound words do occur)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and not _fits(piece + char, font, max_width):
            pieces.append(piece)
            piece = char
        else:
            piece += char
    if piece:
        pieces.append(piece)
    return pieces


def wrap_text(
    text: str, font: ImageFont.FreeTypeFont, max_width: int, max_lines: int | None = None
) -> list[str]:
    """Lines of `text` no wider than `max_width`; past `max_lines` the last one ends in '…'."""
    lines: list[str] = []
    current = ""
    for word in _nfc(text).split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if _fits(candidate, font, max_width):
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _break_word(word, font, max_width)
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = ellipsize(kept[-1], font, max_width)
        return kept
    return lines


def single_line(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> str:
    text = _nfc(text)
    return text if _fits(text, font, max_width) else ellipsize(text, font, max_width)


def card_alt_text(
    title: str, kicker: str, footer: str, photo_alt: str = "", photo_label: str = ""
) -> str:
    """The card's words for `og:image:alt`, so a link preview is not read out as the title twice."""
    text = f"{_nfc(kicker)}: {_nfc(title)}" + (f" – {_nfc(footer)}" if footer else "")
    if photo_alt and photo_label and not images.says_what_it_is(photo_alt):
        text += f". {_nfc(photo_label)}: {_nfc(photo_alt)}"
    elif photo_alt:
        text += f". {_nfc(photo_alt)}"
    return text


@dataclass(frozen=True)
class CardLayout:
    kicker: str
    kicker_top: int
    title_lines: tuple[str, ...]
    title_size: int
    title_top: int
    title_line_height: int
    footer: str
    footer_top: int
    rule_y: int
    text_width: int

    @property
    def title_bottom(self) -> int:
        return self.title_top + len(self.title_lines) * self.title_line_height


def card_layout(
    title: str, kicker: str, footer: str, font_dir: Path, *, has_photo: bool
) -> CardLayout:
    """Where everything goes; pure, so the wrapping can be checked without drawing."""
    width, height = CARD_SIZE
    text_width = (width - PHOTO_WIDTH if has_photo else width) - 2 * MARGIN
    kicker_font = _font(font_dir, BOLD_FONT, KICKER_SIZE)
    footer_font = _font(font_dir, REGULAR_FONT, FOOTER_SIZE)

    kicker_top = MARGIN - 8
    title_top = kicker_top + round(KICKER_SIZE * 1.3) + 28
    footer_top = height - MARGIN - FOOTER_SIZE
    rule_y = footer_top - 28

    for size in TITLE_SIZES:
        lines = wrap_text(title, _font(font_dir, BOLD_FONT, size), text_width)
        if len(lines) <= MAX_TITLE_LINES:
            break
    else:
        size = TITLE_SIZES[-1]
        lines = wrap_text(title, _font(font_dir, BOLD_FONT, size), text_width, MAX_TITLE_LINES)

    return CardLayout(
        kicker=single_line(kicker, kicker_font, text_width),
        kicker_top=kicker_top,
        title_lines=tuple(lines),
        title_size=size,
        title_top=title_top,
        title_line_height=round(size * LINE_SPACING),
        footer=single_line(footer, footer_font, text_width),
        footer_top=footer_top,
        rule_y=rule_y,
        text_width=text_width,
    )


def _cover_photo(photo: Path, size: tuple[int, int] = COVER_SIZE) -> Image.Image:
    with Image.open(photo) as image:
        # Ask for no less than the longest card side in both directions, whatever the rotation.
        side = max(size)
        image.draft(image.mode, (side, side))
        image.load()
        ImageOps.exif_transpose(image, in_place=True)
        upright = to_srgb_rgb(image)
    # Faces sit in the upper part of most portraits; crop a little above the centre.
    return ImageOps.fit(upright, size, Image.Resampling.LANCZOS, centering=(0.5, 0.4))


@lru_cache(maxsize=8)
def _card_frame(
    kicker: str,
    footer: str,
    text_width: int,
    kicker_top: int,
    footer_top: int,
    rule_y: int,
    font_dir: Path,
) -> Image.Image:
    """Background, kicker, rule and footer, which every card of a language shares.

    Drawn once per process and copied for each card (the caller must not draw on it). Nothing
    here overlaps the title or the photo, so the card is the same as if drawn in one go.
    """
    frame = Image.new("RGB", CARD_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(frame)
    draw.text(
        (MARGIN, kicker_top),
        kicker,
        font=_font(font_dir, BOLD_FONT, KICKER_SIZE),
        fill=KICKER_COLOUR,
        anchor="la",
    )
    draw.line([(MARGIN, rule_y), (MARGIN + text_width, rule_y)], fill=RULE_COLOUR, width=2)
    draw.text(
        (MARGIN, footer_top),
        footer,
        font=_font(font_dir, REGULAR_FONT, FOOTER_SIZE),
        fill=FOOTER_COLOUR,
        anchor="la",
    )
    return frame


def _draw_card(
    title: str, kicker: str, footer: str, font_dir: Path, cover: Image.Image | None
) -> Image.Image:
    layout = card_layout(title, kicker, footer, font_dir, has_photo=cover is not None)
    card = _card_frame(
        layout.kicker,
        layout.footer,
        layout.text_width,
        layout.kicker_top,
        layout.footer_top,
        layout.rule_y,
        font_dir,
    ).copy()
    if cover is not None:
        card.paste(cover, (CARD_SIZE[0] - PHOTO_WIDTH, 0))
    draw = ImageDraw.Draw(card)
    title_font = _font(font_dir, BOLD_FONT, layout.title_size)
    for number, line in enumerate(layout.title_lines):
        draw.text(
            (MARGIN, layout.title_top + number * layout.title_line_height),
            line,
            font=title_font,
            fill=TITLE_COLOUR,
            anchor="la",
        )
    return card


def _save_card(card: Image.Image, out_path: Path) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    card.info = {}
    card.save(out_path, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=b"")


def render_card(
    title: str,
    kicker: str,
    footer: str,
    out_path: Path,
    font_dir: Path,
    *,
    photo: Path | None = None,
) -> None:
    """Draw the card and save it as a JPEG without metadata.

    Pass `photo` only when the storyteller's consent allows photos.
    """
    cover = _cover_photo(photo) if photo is not None else None
    _save_card(_draw_card(title, kicker, footer, font_dir, cover), out_path)


def _glyph_pixels(char: str, font: ImageFont.FreeTypeFont) -> bytes:
    size = int(font.size * 2)
    canvas = Image.new("L", (size, size))
    ImageDraw.Draw(canvas).text((size // 4, size // 4), char, font=font, fill=255)
    return canvas.tobytes()


def missing_glyphs(text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    """Characters of `text` the font would draw as its empty box (.notdef)."""
    notdef = _glyph_pixels("\uffff", font)
    seen: dict[str, None] = {}
    for char in _nfc(text):
        if not char.isspace() and char not in seen and _glyph_pixels(char, font) == notdef:
            seen[char] = None
    return list(seen)


@lru_cache(maxsize=8)
def _font_digest(font_dir: str, stamp: tuple[tuple[int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name in (BOLD_FONT, REGULAR_FONT):
        digest.update(Path(font_dir, name).read_bytes())
    return digest.hexdigest()[:16]


def font_version(font_dir: Path) -> str:
    """Changes whenever a font file changes (a new release with more glyphs, say)."""
    stamp = tuple(
        (st.st_size, st.st_mtime_ns)
        for st in (os.stat(font_dir / name) for name in (BOLD_FONT, REGULAR_FONT))
    )
    return _font_digest(str(font_dir), stamp)


def card_cache_key(
    title: str, kicker: str, footer: str, photo_bytes_hash: str | None, font_version: str
) -> str:
    payload = {
        "card": CARD_VERSION,
        "title": _nfc(title),
        "kicker": _nfc(kicker),
        "footer": _nfc(footer),
        "photo": photo_bytes_hash or "",
        "font": font_version,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def render_card_cached(
    title: str,
    kicker: str,
    footer: str,
    cache_dir: Path,
    font_dir: Path,
    *,
    photo: Path | None = None,
) -> tuple[Path, bool]:
    """(path of the card in the cache, True when it was drawn now)."""
    paths, drawn = render_cards_cached(
        [CardJob(title, kicker, footer, photo)], cache_dir, font_dir, workers=1
    )
    return paths[0], drawn == 1


@dataclass(frozen=True)
class CardJob:
    title: str
    kicker: str
    footer: str
    photo: Path | None = None  # only with photo consent
    # A content hash of `photo` when the caller already has one (the image cache's key), so a
    # warm build does not read every photo again just to recognise it.
    photo_key: str | None = None


def _draw_group_into_cache(group: Sequence[tuple[Path, CardJob]], font_dir: Path) -> None:
    """Draw cards that share one photo (a story's languages): it is decoded and cropped once."""
    photo = group[0][1].photo
    cover = _cover_photo(photo) if photo is not None else None
    for path, job in group:
        # Drawn under a private name and renamed: a parallel build never reads half a JPEG.
        temp = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.tmp")
        try:
            _save_card(_draw_card(job.title, job.kicker, job.footer, font_dir, cover), temp)
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)


def _groups_by_photo(missing: dict[Path, CardJob]) -> list[list[tuple[Path, CardJob]]]:
    groups: dict[Path, list[tuple[Path, CardJob]]] = {}
    alone: list[list[tuple[Path, CardJob]]] = []  # text-only cards share nothing
    for path, job in missing.items():
        if job.photo is None:
            alone.append([(path, job)])
        else:
            groups.setdefault(job.photo, []).append((path, job))
    return [*groups.values(), *alone]


def plan_cards(
    jobs: Sequence[CardJob], cache_dir: Path, font_dir: Path
) -> tuple[list[Path], dict[Path, CardJob]]:
    """The cache path of every job's card (in order; known before anything is drawn) and the
    jobs whose card is not in the cache yet."""
    version = font_version(font_dir)
    photo_hashes: dict[Path, str] = {}
    paths: list[Path] = []
    missing: dict[Path, CardJob] = {}
    for job in jobs:
        photo_hash = None
        if job.photo is not None and job.photo_key:
            photo_hash = job.photo_key
        elif job.photo is not None:
            if job.photo not in photo_hashes:
                photo_hashes[job.photo] = hashlib.sha256(job.photo.read_bytes()).hexdigest()
            photo_hash = photo_hashes[job.photo]
        key = card_cache_key(job.title, job.kicker, job.footer, photo_hash, version)
        path = cache_dir / key[:2] / f"{key}.jpg"
        paths.append(path)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            missing[path] = job
    return paths, missing


def render_cards_cached(
    jobs: Sequence[CardJob], cache_dir: Path, font_dir: Path, *, workers: int | None = None
) -> tuple[list[Path], int]:
    """The cached card of every job (in order), drawing the missing ones across the cores.

    Returns the paths and how many cards were drawn now.
    """
    paths, missing = plan_cards(jobs, cache_dir, font_dir)
    groups = _groups_by_photo(missing)
    workers = min(workers or os.cpu_count() or 1, len(groups))
    if workers > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(_draw_group_into_cache, group, font_dir) for group in groups]
            for future in futures:
                future.result()
    else:
        for group in groups:
            _draw_group_into_cache(group, font_dir)
    return paths, len(missing)


# -- photos and cards while the pages render ----------------------------------------------------


def _photo_then_cards(
    source: Path,
    image_cache: Path,
    widths: Sequence[int],
    cards: Sequence[tuple[Path, CardJob]],
    font_dir: Path,
) -> images.ProcessResult:
    """One pool task: a photo's derivatives, then the cards drawn on one of them."""
    result = images.process_source(source, image_cache, widths)
    # The cards' photo is a derivative named in the plan. If it was not made (a damaged photo,
    # or one changed during the build) the photo's own error fails the build; drawing nothing
    # here keeps that error from turning into a traceback.
    if cards and all(job.photo is not None and job.photo.is_file() for _, job in cards):
        _draw_group_into_cache(cards, font_dir)
    return result


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(value)
    return future


@dataclass
class StoryMediaWork:
    """Photo derivatives and social cards being made while the build renders pages.

    Everything a page names (file names, widths, heights, card paths) is in `planned` and
    `card_paths` from the start; `finish` waits until the files exist.
    """

    planned: images.ImageBatch
    card_paths: list[Path]
    cards_drawn: int  # missing when the work started, so drawn once `finish` returns
    photos: dict[Path, Future[images.ProcessResult]] = field(default_factory=dict)
    cards: list[Future[None]] = field(default_factory=list)
    pool: ProcessPoolExecutor | None = None

    def finish(
        self,
    ) -> tuple[images.ImageBatch, dict[Path, list[images.ImageProblem]], list[Path]]:
        """Wait for all of it: (the completed batch, the problems the workers found, cards
        that are still missing). Raises what a task raised, after stopping the pool."""
        try:
            results = {source: future.result() for source, future in self.photos.items()}
            for future in self.cards:
                future.result()
        finally:
            self.cancel()
        batch, new_problems = images.complete(self.planned, results)
        missing = sorted({path for path in self.card_paths if not path.is_file()})
        return batch, new_problems, missing

    def cancel(self) -> None:
        """Drop the tasks that have not started and wait for the few running ones (one per
        worker, plus one queued), so no worker process outlives the build. Safe to repeat."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def start_story_media(
    planned: images.ImageBatch,
    jobs: Sequence[CardJob],
    image_cache: Path,
    card_cache: Path,
    font_dir: Path,
    *,
    workers: int | None = None,
    widths: Sequence[int] = images.DEFAULT_WIDTHS,
) -> StoryMediaWork:
    """Start making the pending photos of a planned batch (`images.plan_images`) and the
    missing cards of `jobs` in a pool of spawned processes, and return without waiting.

    A card drawn on a pending photo is drawn by the photo's task, right after the photo. With
    nothing to do no pool is started; a single task is done here and now, because starting the
    pool costs more than one photo.
    """
    widths = tuple(widths)
    card_paths, missing = plan_cards(jobs, card_cache, font_dir)
    made_from: dict[Path, Path] = {}  # a derivative cards are drawn on -> its pending source
    for source in planned.pending:
        image_set = planned.sets[source]
        folder = images.cache_path(image_cache, image_set.cache_key)
        for derivative in image_set.derivatives:
            made_from[folder / derivative.filename] = source
    with_photo: dict[Path, list[tuple[Path, CardJob]]] = {}
    standalone: list[list[tuple[Path, CardJob]]] = []
    for group in _groups_by_photo(missing):
        photo = group[0][1].photo
        if photo is not None and photo in made_from:
            with_photo.setdefault(made_from[photo], []).extend(group)
        else:
            standalone.append(group)  # text only, or drawn on a photo already in the cache

    work = StoryMediaWork(planned, card_paths, len(missing))
    tasks = len(planned.pending) + len(standalone)
    workers = min(workers or os.cpu_count() or 1, tasks)
    if tasks == 0:
        return work
    if tasks == 1 or workers <= 1:
        for source in planned.pending:
            cards = with_photo.get(source, [])
            work.photos[source] = _done(
                _photo_then_cards(source, image_cache, widths, cards, font_dir)
            )
        for group in standalone:
            _draw_group_into_cache(group, font_dir)
            work.cards.append(_done(None))
        return work
    # "spawn", as in images.process_images: mkdocs serve runs threads, which fork would copy.
    work.pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn")
    )
    try:
        # Photos first: they are most of the work, and their cards come with them.
        for source in planned.pending:
            cards = with_photo.get(source, [])
            work.photos[source] = work.pool.submit(
                _photo_then_cards, source, image_cache, widths, cards, font_dir
            )
        for group in standalone:
            work.cards.append(work.pool.submit(_draw_group_into_cache, group, font_dir))
    except BaseException:
        work.cancel()
        raise
    return work
