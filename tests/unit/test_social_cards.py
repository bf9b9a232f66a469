"""The picture a shared story shows on social media: right size, readable Latvian and Romani
letters, no metadata, and a photo only when the caller passes one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from hooks.images import strip_metadata_check
from hooks.social_cards import (
    BACKGROUND,
    BOLD_FONT,
    CARD_SIZE,
    MAX_TITLE_LINES,
    PHOTO_WIDTH,
    REGULAR_FONT,
    card_alt_text,
    card_cache_key,
    card_layout,
    missing_glyphs,
    render_card,
    render_card_cached,
)

FONT_DIR = Path(__file__).resolve().parents[2] / "data" / "fonts"
LATVIAN_LETTERS = "ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž"
GREEN = (40, 160, 60)
LONG_TITLE = (
    "Ģertrūde no Kuldīgas stāsta par savu ģimeni, par ceļiem, kurus viņas vecvecāki gāja "
    "pirms kara, par ķēķi, kurā vienmēr smaržoja maize, par dziesmām, ko dziedāja vakaros, "
    "un par to, kā šodien dzīvo viņas mazbērni Liepājā, Rīgā un Ventspilī"
)


def background_rgb() -> tuple[int, int, int]:
    value = BACKGROUND.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def close(pixel: object, colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_card_description_names_a_photo_once_and_leaves_a_drawing_a_drawing() -> None:
    # Read out by a screen reader in a link preview: "Photo: Illustration: …" says it twice,
    # and wrongly, since the picture is a drawing.
    drawn = card_alt_text(
        "The teacher", "Story", "LRP", "Illustration: piano keys", photo_label="Photo"
    )
    assert drawn == "Story: The teacher – LRP. Illustration: piano keys"
    photo = card_alt_text("The teacher", "Story", "LRP", "a woman at a piano", "Photo")
    assert photo == "Story: The teacher – LRP. Photo: a woman at a piano"
    assert card_alt_text("The teacher", "Story", "") == "Story: The teacher"


def test_card_is_a_1200x630_jpeg_without_metadata(tmp_path: Path) -> None:
    out = tmp_path / "card.jpg"

    render_card("Marija no Kuldīgas", "Dzīves stāsts", "Latvijas romu platforma", out, FONT_DIR)

    with Image.open(out) as card:
        assert card.format == "JPEG"
        assert card.size == CARD_SIZE == (1200, 630)
        assert len(card.getexif()) == 0
        assert close(card.convert("RGB").getpixel((5, 5)), background_rgb())
    assert strip_metadata_check(out) == {}


@pytest.mark.parametrize("font_name", [BOLD_FONT, REGULAR_FONT])
def test_font_has_every_latvian_and_romani_letter(font_name: str) -> None:
    font = ImageFont.truetype(str(FONT_DIR / font_name), 60)

    assert missing_glyphs(LATVIAN_LETTERS + "ǯǮ Dživipnaskiri historija", font) == []


def test_missing_glyph_check_would_notice_a_box() -> None:
    # Without this, an empty result above could mean the check never finds anything.
    font = ImageFont.truetype(str(FONT_DIR / BOLD_FONT), 60)

    assert missing_glyphs("a一b", font) == ["一"]


def test_latvian_letters_are_drawn_with_their_marks() -> None:
    # Each accented letter must draw differently from both the .notdef box and its bare base
    # letter, i.e. the mark is really there.
    font = ImageFont.truetype(str(FONT_DIR / BOLD_FONT), 60)

    def pixels(text: str) -> bytes:
        canvas = Image.new("L", (120, 120))
        ImageDraw.Draw(canvas).text((30, 20), text, font=font, fill=255)
        return canvas.tobytes()

    box = pixels("\uffff")
    for letter, bare in zip("ĀčžņģķļūŠē", "AczngkluSe", strict=True):
        drawn = pixels(letter)
        assert drawn != box, letter
        assert drawn != pixels(bare), letter


def test_long_title_is_wrapped_into_four_lines_with_an_ellipsis() -> None:
    for has_photo in (False, True):
        layout = card_layout(
            LONG_TITLE, "Dzīves stāsts", "Latvijas romu platforma", FONT_DIR, has_photo=has_photo
        )
        font = ImageFont.truetype(str(FONT_DIR / BOLD_FONT), layout.title_size)

        assert len(layout.title_lines) == MAX_TITLE_LINES
        assert layout.title_lines[-1].endswith("…")
        assert all(font.getlength(line) <= layout.text_width for line in layout.title_lines)
        assert layout.title_bottom < layout.rule_y  # never runs into the footer
        words = " ".join(layout.title_lines).rstrip("…").split()
        assert LONG_TITLE.startswith(" ".join(words[:-1]))  # nothing reordered or dropped


def test_short_title_keeps_its_big_type_on_one_line() -> None:
    layout = card_layout("Marija", "Life story", "Latvian Roma Platform", FONT_DIR, has_photo=False)

    assert layout.title_lines == ("Marija",)
    assert layout.title_size == 72


def test_photo_fills_the_right_third_only_when_passed(tmp_path: Path) -> None:
    photo = tmp_path / "portrait.jpg"
    Image.new("RGB", (900, 1200), GREEN).save(photo)
    with_photo, without_photo = tmp_path / "with.jpg", tmp_path / "without.jpg"

    render_card("Marija", "Dzīves stāsts", "romi.lv", with_photo, FONT_DIR, photo=photo)
    render_card("Marija", "Dzīves stāsts", "romi.lv", without_photo, FONT_DIR)

    right_third = (CARD_SIZE[0] - PHOTO_WIDTH // 2, CARD_SIZE[1] // 2)
    with Image.open(with_photo) as card:
        assert close(card.convert("RGB").getpixel(right_third), GREEN)
    with Image.open(without_photo) as card:
        assert close(card.convert("RGB").getpixel(right_third), background_rgb())


def test_second_render_comes_from_the_cache(tmp_path: Path) -> None:
    args = ("Marija no Kuldīgas", "Dzīves stāsts", "Latvijas romu platforma")

    first, drawn_first = render_card_cached(*args, tmp_path / "cards", FONT_DIR)
    second, drawn_second = render_card_cached(*args, tmp_path / "cards", FONT_DIR)
    other, drawn_other = render_card_cached(
        "Marija from Kuldīga", "Life story", args[2], tmp_path / "cards", FONT_DIR
    )

    assert (drawn_first, drawn_second, drawn_other) == (True, False, True)
    assert first == second != other
    with Image.open(first) as card:
        assert card.size == CARD_SIZE
    assert [p.name for p in (tmp_path / "cards").rglob("*.tmp")] == []


def test_cache_key_changes_with_everything_that_changes_the_picture() -> None:
    base = card_cache_key("Title", "Kicker", "Footer", None, "font-1")

    assert base == card_cache_key("Title", "Kicker", "Footer", "", "font-1")
    assert (
        len(
            {
                base,
                card_cache_key("Title 2", "Kicker", "Footer", None, "font-1"),
                card_cache_key("Title", "Kicker 2", "Footer", None, "font-1"),
                card_cache_key("Title", "Kicker", "Footer 2", None, "font-1"),
                card_cache_key("Title", "Kicker", "Footer", "photo-hash", "font-1"),
                card_cache_key("Title", "Kicker", "Footer", None, "font-2"),
            }
        )
        == 6
    )


def test_batch_draws_missing_cards_across_processes_once(tmp_path: Path) -> None:
    from hooks.social_cards import CardJob, render_cards_cached

    jobs = [
        CardJob("Ā stāsts", "Dzīves stāsts", "Latvijas romu platforma"),
        CardJob("A story", "Life story", "Latvian Roma Platform"),
        CardJob("A story", "Life story", "Latvian Roma Platform"),  # same card twice
    ]
    paths, drawn = render_cards_cached(jobs, tmp_path / "cards", FONT_DIR, workers=2)
    assert drawn == 2 and paths[1] == paths[2]
    assert all(path.is_file() for path in paths)
    again, drawn_again = render_cards_cached(jobs, tmp_path / "cards", FONT_DIR, workers=2)
    assert again == paths and drawn_again == 0


def test_cards_sharing_a_photo_decode_it_once_and_look_as_if_drawn_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hooks import social_cards
    from hooks.social_cards import CardJob, render_cards_cached

    photo, other_photo = tmp_path / "photo.jpg", tmp_path / "other.jpg"
    Image.new("RGB", (960, 640), GREEN).save(photo)
    Image.new("RGB", (960, 640), (200, 120, 40)).save(other_photo)
    lv = ("Dzīves stāsts", "Latvijas romu platforma")
    jobs = [
        CardJob("Ģertrūde no Kuldīgas", *lv, photo),
        CardJob("Gertrude from Kuldīga", "Life story", "Latvian Roma Platform", photo),
        CardJob(
            "E Ģertrūda andar i Kuldīga",
            "Dživipnaskiri historija",
            "Latvijakiri romani platforma",
            photo,
        ),
        CardJob("Jānis no Talsiem", *lv, other_photo),  # another story, same language
    ]
    covers: list[Path] = []
    real_cover = social_cards._cover_photo
    monkeypatch.setattr(
        social_cards, "_cover_photo", lambda path: covers.append(path) or real_cover(path)
    )

    paths, drawn = render_cards_cached(jobs, tmp_path / "cards", FONT_DIR, workers=1)

    assert drawn == 4 and covers == [photo, other_photo]
    # The background with kicker and footer is drawn once per process and language and then
    # copied: no card may carry another card's title, and each equals the card drawn alone.
    for job, path in zip(jobs, paths, strict=True):
        social_cards._card_frame.cache_clear()
        alone = tmp_path / "alone.jpg"
        render_card(job.title, job.kicker, job.footer, alone, FONT_DIR, photo=job.photo)
        assert alone.read_bytes() == path.read_bytes(), job.title


# -- photos and cards made while the pages render -------------------------------------------------


def _story_photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for number in range(count):
        source = folder / f"photo-{number}.jpg"
        Image.new("RGB", (1200 + 40 * number, 800), (30 * number, 120, 200)).save(source)
        sources.append(source)
    return sources


def _story_jobs(batch: object, sources: list[Path], image_cache: Path) -> list:
    """Three cards per photo on its fallback derivative, as the plugin asks, plus a text card."""
    from hooks import images
    from hooks.social_cards import CardJob

    jobs = []
    for number, source in enumerate(sources):
        image_set = batch.sets[source]  # type: ignore[attr-defined]
        fallback = image_set.fallback()
        photo = images.cache_path(image_cache, image_set.cache_key) / fallback.filename
        key = f"{image_set.cache_key}/{fallback.filename}"
        for language in ("lv", "en", "rml"):
            jobs.append(CardJob(f"Stāsts {number} {language}", "Kicker", "Footer", photo, key))
    jobs.append(CardJob("Bez foto", "Kicker", "Footer"))
    return jobs


def test_background_work_makes_what_the_plan_promised_and_stops_its_workers(
    tmp_path: Path,
) -> None:
    import multiprocessing

    from hooks import images
    from hooks.social_cards import render_cards_cached, start_story_media

    sources = _story_photos(tmp_path / "story", 3)
    image_cache, card_cache = tmp_path / "images", tmp_path / "cards"
    planned = images.plan_images(sources, image_cache)
    jobs = _story_jobs(planned, sources, image_cache)

    work = start_story_media(planned, jobs, image_cache, card_cache, FONT_DIR, workers=2)
    assert work.pool is not None  # started, not waited for
    batch, new_problems, missing_cards = work.finish()

    assert work.pool is None and multiprocessing.active_children() == []
    assert (batch.processed, batch.cached, new_problems, missing_cards) == (3, 0, {}, [])
    assert batch.sets == planned.sets and work.cards_drawn == len(jobs)
    assert all(path.is_file() for path in work.card_paths)
    # The same cards as the plain batch function draws, one by one in this process.
    alone, _ = render_cards_cached(jobs, tmp_path / "cards-alone", FONT_DIR, workers=1)
    for path, other in zip(work.card_paths, alone, strict=True):
        assert path.read_bytes() == other.read_bytes(), path.name


def test_nothing_to_do_starts_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks import images, social_cards

    sources = _story_photos(tmp_path / "story", 2)
    image_cache, card_cache = tmp_path / "images", tmp_path / "cards"
    cold = images.plan_images(sources, image_cache)
    social_cards.start_story_media(
        cold, _story_jobs(cold, sources, image_cache), image_cache, card_cache, FONT_DIR
    ).finish()

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm build must not start worker processes")

    monkeypatch.setattr(social_cards, "ProcessPoolExecutor", no_pool)
    warm = images.plan_images(sources, image_cache)
    work = social_cards.start_story_media(
        warm, _story_jobs(warm, sources, image_cache), image_cache, card_cache, FONT_DIR
    )
    batch, new_problems, missing_cards = work.finish()

    assert warm.pending == [] and work.cards_drawn == 0
    assert (batch.processed, batch.cached, new_problems, missing_cards) == (0, 2, {}, [])


def test_a_photo_that_fails_while_decoding_is_reported_and_its_cards_are_missing(
    tmp_path: Path,
) -> None:
    import io

    from hooks import images
    from hooks.social_cards import start_story_media

    sources = _story_photos(tmp_path / "story", 2)
    whole = io.BytesIO()
    Image.new("RGB", (1200, 800), GREEN).save(whole, "JPEG")
    broken = tmp_path / "story" / "cut-off.jpg"
    broken.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    image_cache, card_cache = tmp_path / "images", tmp_path / "cards"
    planned = images.plan_images([*sources, broken], image_cache)
    assert broken in planned.pending  # its header is fine

    work = start_story_media(
        planned,
        _story_jobs(planned, [*sources, broken], image_cache),
        image_cache,
        card_cache,
        FONT_DIR,
        workers=2,
    )
    batch, new_problems, missing_cards = work.finish()

    assert set(new_problems) == {broken} and broken not in batch.sets
    assert "cut-off.jpg is not a readable image" in new_problems[broken][0].message
    assert len(missing_cards) == 3  # its three cards: the build fails, nothing is published


def test_cancel_stops_the_workers_and_can_be_repeated(tmp_path: Path) -> None:
    import multiprocessing

    from hooks import images
    from hooks.social_cards import start_story_media

    sources = _story_photos(tmp_path / "story", 4)
    planned = images.plan_images(sources, tmp_path / "images")
    work = start_story_media(planned, [], tmp_path / "images", tmp_path / "cards", FONT_DIR)

    work.cancel()
    work.cancel()

    assert work.pool is None and multiprocessing.active_children() == []
