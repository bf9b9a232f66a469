"""Story photos as a reader (and a storyteller) would notice them: upright, sharp enough, fast to
load, and never carrying where or when the photo was taken."""

from __future__ import annotations

import io
import math
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import (
    ExifTags,
    Image,
    ImageChops,
    ImageCms,
    ImageDraw,
    ImageFilter,
    PngImagePlugin,
)

from hooks import images
from hooks.images import (
    ImageSet,
    InvalidImageError,
    cache_path,
    picture_html,
    process_image,
    process_images,
    publish,
    strip_metadata_check,
    validate_source_image,
)

RED = (220, 20, 20)
BLUE = (20, 40, 220)

GPS_XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="56,57.5N" exif:GPSLongitude="21,58.7E"/>'
    b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
COMMENT = b"Photographed at Liepajas iela 5, Kuldiga"


def photo(size: tuple[int, int] = (2000, 1500)) -> Image.Image:
    """A cheap picture with some structure (solid colour compresses to nothing)."""
    vertical = Image.linear_gradient("L")
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90)
    return Image.merge(
        "RGB", (vertical.resize(size), horizontal.resize(size), vertical.resize(size))
    )


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.DateTime] = "2024:05:01 12:00:00"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (56.0, 57.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (21.0, 58.0, 42.0)
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def save_jpeg(path: Path, image: Image.Image, **params: object) -> Path:
    image.save(path, "JPEG", quality=90, **params)
    return path


def derivative_paths(image_set: ImageSet, cache_dir: Path) -> list[Path]:
    folder = cache_path(cache_dir, image_set.cache_key)
    return [folder / d.filename for d in image_set.derivatives]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(markup: str) -> dict[str, dict[str, str | None]]:
    parser = _Tags()
    parser.feed(markup)
    return dict(parser.tags)


def srcset_widths(srcset: str | None) -> list[int]:
    assert srcset
    return [int(item.split()[1].rstrip("w")) for item in srcset.split(", ")]


# -- metadata -----------------------------------------------------------------------------------


def jpeg_with_everything(path: Path) -> Path:
    return save_jpeg(
        path, photo(), exif=camera_exif(), xmp=GPS_XMP, icc_profile=srgb_icc(), comment=COMMENT
    )


def png_with_everything(path: Path) -> Path:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", COMMENT.decode())
    text.add_itxt("XML:com.adobe.xmp", GPS_XMP.decode())
    photo().save(path, "PNG", exif=camera_exif(), icc_profile=srgb_icc(), pnginfo=text)
    return path


@pytest.mark.parametrize("make_source", [jpeg_with_everything, png_with_everything])
def test_published_images_carry_no_location_or_camera_metadata(
    tmp_path: Path, make_source: object
) -> None:
    source = make_source(tmp_path / "family.src")  # type: ignore[operator]
    found_in_source = strip_metadata_check(source)
    assert "gps" in found_in_source  # the fixture really has what we are about to strip

    image_set, _ = process_image(source, tmp_path / "cache")

    assert {d.format for d in image_set.derivatives} == {"webp", "jpeg"}
    for path in derivative_paths(image_set, tmp_path / "cache"):
        with Image.open(path) as published:
            exif = published.getexif()
            assert len(exif) == 0, path.name
            assert not exif.get_ifd(ExifTags.IFD.GPSInfo), path.name
            for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"):
                assert key not in published.info, (path.name, key)
        raw = path.read_bytes()
        for marker in (b"Exif", b"<x:xmpmeta", b"GPSLatitude", b"Kuldiga", b"PhoneMaker"):
            assert marker not in raw, (path.name, marker)
        assert strip_metadata_check(path) == {}, path.name


def test_sideways_phone_photo_is_published_upright(tmp_path: Path) -> None:
    # The sensor stored a landscape frame, red on the left; EXIF 6 says "turn it clockwise"
    # to show it, so a reader must see a portrait photo with the red part on top.
    stored = Image.new("RGB", (2000, 1200), BLUE)
    stored.paste(RED, (0, 0, 1000, 1200))
    source = save_jpeg(tmp_path / "sideways.jpg", stored, exif=camera_exif(orientation=6))

    image_set, _ = process_image(source, tmp_path / "cache")

    assert image_set.height > image_set.width
    for path in derivative_paths(image_set, tmp_path / "cache"):
        with Image.open(path) as published:
            rgb = published.convert("RGB")
            width, height = rgb.size
            assert height > width, path.name
            top = rgb.getpixel((width // 2, height // 8))
            bottom = rgb.getpixel((width // 2, height * 7 // 8))
        assert isinstance(top, tuple) and isinstance(bottom, tuple)
        assert top[0] > 180 and top[2] < 80, (path.name, top)
        assert bottom[2] > 180 and bottom[0] < 80, (path.name, bottom)


def test_transparent_png_is_flattened_on_white(tmp_path: Path) -> None:
    source = tmp_path / "cutout.png"
    Image.new("RGBA", (1000, 800), (0, 0, 0, 0)).save(source)

    image_set, _ = process_image(source, tmp_path / "cache")

    for path in derivative_paths(image_set, tmp_path / "cache"):
        with Image.open(path) as published:
            assert published.mode == "RGB"
            pixel = published.getpixel((10, 10))
            assert isinstance(pixel, tuple) and min(pixel) > 245, (path.name, pixel)


# -- validation ---------------------------------------------------------------------------------


def test_corrupt_file_is_reported_not_raised(tmp_path: Path) -> None:
    source = tmp_path / "broken.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 this is not really a JPEG" * 10)

    problems = validate_source_image(source)
    batch = process_images([source], tmp_path / "cache", workers=1)

    assert [p.severity for p in problems] == ["error"]
    assert "broken.jpg is not a readable image: re-export it as JPEG or PNG" in problems[0].message
    assert source not in batch.sets
    assert batch.has_errors()
    with pytest.raises(InvalidImageError, match="not a readable image"):
        process_image(source, tmp_path / "cache")


def test_truncated_jpeg_is_reported_when_decoding_fails(tmp_path: Path) -> None:
    whole = io.BytesIO()
    photo().save(whole, "JPEG", quality=90)
    source = tmp_path / "cut-off.jpg"
    source.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])

    batch = process_images([source], tmp_path / "cache", workers=1)

    assert source not in batch.sets
    assert [p.severity for p in batch.problems[source]] == ["error"]
    assert list((tmp_path / "cache").rglob("*.jpg")) == []  # nothing half-written left behind


def test_missing_file_is_reported(tmp_path: Path) -> None:
    batch = process_images([tmp_path / "nowhere.jpg"], tmp_path / "cache")

    assert batch.problems[tmp_path / "nowhere.jpg"][0].severity == "error"
    assert batch.sets == {}


def test_too_small_photo_is_an_error_naming_the_minimum(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "thumbnail.jpg", photo((640, 480)))

    problems = validate_source_image(source)
    batch = process_images([source], tmp_path / "cache")

    assert [p.severity for p in problems] == ["error"]
    assert "640×480" in problems[0].message and "800 px" in problems[0].message
    assert source not in batch.sets


def test_portrait_photo_is_judged_by_its_long_side(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "portrait.jpg", photo((600, 900)))

    assert validate_source_image(source) == []


def test_huge_photo_warns_but_is_still_published_at_most_1600_wide(tmp_path: Path) -> None:
    # 48 megapixels of grey: a realistic camera size that costs little to make.
    source = tmp_path / "huge.jpg"
    Image.linear_gradient("L").resize((8000, 6000)).save(source, quality=50)

    batch = process_images([source], tmp_path / "cache")

    assert [p.severity for p in batch.problems[source]] == ["warning"]
    assert "48.0 megapixels" in batch.problems[source][0].message
    image_set = batch.sets[source]
    assert (image_set.width, image_set.height) == (1600, 1200)
    for path in derivative_paths(image_set, tmp_path / "cache"):
        with Image.open(path) as published:
            assert published.width <= 1600


def test_heavy_file_warning_survives_a_cached_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(images, "MAX_FILE_BYTES", 1000)
    source = save_jpeg(tmp_path / "heavy.jpg", photo((1200, 900)))

    cold = process_images([source], tmp_path / "cache")
    warm = process_images([source], tmp_path / "cache")

    for batch in (cold, warm):
        assert source in batch.sets
        assert [p.severity for p in batch.problems[source]] == ["warning"]
        assert "MB" in batch.problems[source][0].message
    assert (cold.processed, warm.cached) == (1, 1)


def test_decompression_bomb_is_a_problem_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = save_jpeg(tmp_path / "bomb.jpg", photo((1000, 800)))
    # Pillow refuses images over twice this many pixels; shrink the limit instead of making a
    # real gigapixel file.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)

    problems = validate_source_image(source)
    batch = process_images([source], tmp_path / "cache")

    assert [p.severity for p in problems] == ["error"]
    assert "decompression bomb" in problems[0].message
    assert source not in batch.sets


# -- sizes, srcset, HTML ------------------------------------------------------------------------


def test_widths_never_exceed_the_source(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "medium.jpg", photo((1000, 750)))

    image_set, _ = process_image(source, tmp_path / "cache")

    assert sorted({d.width for d in image_set.derivatives}) == [480, 960]
    assert (image_set.width, image_set.height) == (960, 720)
    for derivative, path in zip(
        image_set.derivatives, derivative_paths(image_set, tmp_path / "cache"), strict=True
    ):
        with Image.open(path) as published:
            assert published.size == (derivative.width, derivative.height)


def test_narrow_source_gets_one_derivative_at_its_own_width(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "narrow.jpg", photo((450, 900)))

    image_set, _ = process_image(source, tmp_path / "cache")

    assert {(d.width, d.height) for d in image_set.derivatives} == {(450, 900)}
    assert len(image_set.derivatives) == 2  # one WebP, one JPEG


def test_picture_html_lists_every_width_and_reserves_space(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "Jānis un Līga.jpg", photo((2400, 1600)))
    image_set, _ = process_image(source, tmp_path / "cache")

    markup = picture_html(image_set, "/assets/stories/", 'Jānis & "Līga" <at home>', lazy=True)
    tags = parse_tags(markup)

    assert markup.startswith("<picture>") and markup.endswith("</picture>")
    source_tag, img = tags["source"], tags["img"]
    assert source_tag["type"] == "image/webp"
    # WebP stops at 960 px (see images.WEBP_MAX_WIDTH); the 1600 px candidate is JPEG only.
    assert srcset_widths(source_tag["srcset"]) == [480, 960]
    assert srcset_widths(img["srcset"]) == [480, 960, 1600]
    assert all(".webp " in s for s in str(source_tag["srcset"]).split(", "))
    assert all(".jpg " in s for s in str(img["srcset"]).split(", "))
    assert str(source_tag["srcset"]).startswith("/assets/stories/janis-un-liga-")
    assert img["src"] == f"/assets/stories/janis-un-liga-{image_set.cache_key[:8]}-960.jpg"
    assert (img["width"], img["height"]) == ("1600", "1067")
    assert img["sizes"] == source_tag["sizes"] == "(min-width: 60em) 50vw, 100vw"
    assert img["alt"] == 'Jānis & "Līga" <at home>'
    assert "&quot;Līga&quot; &lt;at home&gt;" in markup
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert "fetchpriority" not in img


def test_first_photo_loads_eagerly_with_high_priority(tmp_path: Path) -> None:
    image_set, _ = process_image(save_jpeg(tmp_path / "a.jpg", photo()), tmp_path / "cache")

    img = parse_tags(picture_html(image_set, "", "", lazy=False, css_class="lead"))["img"]

    assert "loading" not in img
    assert img["fetchpriority"] == "high"
    assert img["alt"] == ""  # decorative, because the caller said so
    assert img["class"] == "lead"
    with pytest.raises(ValueError, match="whitespace"):
        picture_html(image_set, "", "   ", lazy=True)


# -- cache and parallel processing --------------------------------------------------------------


def make_sources(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for number in range(count):
        picture = photo((1200 + 100 * number, 900))
        sources.append(save_jpeg(folder / f"photo-{number}.jpg", picture))
    return sources


def test_rebuild_reads_everything_from_the_cache_without_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = make_sources(tmp_path / "story", 3)
    cold = process_images(sources, tmp_path / "cache", workers=1)

    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm run must not open images")

    monkeypatch.setattr(Image, "open", no_decoding)
    warm = process_images(sources, tmp_path / "cache", workers=1)

    assert (cold.processed, cold.cached) == (3, 0)
    assert (warm.processed, warm.cached) == (0, 3)
    assert warm.sets == cold.sets
    assert warm.problems == {}


def test_changed_photo_is_processed_again(tmp_path: Path) -> None:
    sources = make_sources(tmp_path / "story", 3)
    first = process_images(sources, tmp_path / "cache", workers=1)
    save_jpeg(sources[1], photo((1500, 1000)).rotate(180))  # same name, new picture

    second = process_images(sources, tmp_path / "cache", workers=1)

    assert (second.processed, second.cached) == (1, 2)
    assert second.sets[sources[1]].cache_key != first.sets[sources[1]].cache_key
    new = second.sets[sources[1]]
    assert (first.sets[sources[1]].height, new.height) == (665, 640)  # 1300×900 -> 1500×1000


def test_damaged_cache_entry_is_rebuilt(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "a.jpg", photo())
    image_set, processed_first = process_image(source, tmp_path / "cache")
    derivative_paths(image_set, tmp_path / "cache")[0].unlink()

    again, processed_again = process_image(source, tmp_path / "cache")

    assert (processed_first, processed_again) == (True, True)
    assert all(p.is_file() for p in derivative_paths(again, tmp_path / "cache"))
    assert process_image(source, tmp_path / "cache")[1] is False


def test_process_pool_handles_several_photos_and_reports_bad_ones(tmp_path: Path) -> None:
    sources = make_sources(tmp_path / "story", 3)
    broken = tmp_path / "story" / "broken.jpg"
    broken.write_bytes(b"garbage")

    batch = process_images([*sources, broken], tmp_path / "cache", workers=2)

    assert batch.processed == 3 and batch.cached == 0
    assert set(batch.sets) == set(sources)
    assert batch.problems[broken][0].severity == "error"
    for image_set in batch.sets.values():
        assert all(p.is_file() for p in derivative_paths(image_set, tmp_path / "cache"))
    assert list((tmp_path / "cache").rglob(".tmp-*")) == []


def test_publish_links_files_into_the_site_once(tmp_path: Path) -> None:
    image_set, _ = process_image(save_jpeg(tmp_path / "a.jpg", photo()), tmp_path / "cache")
    site = tmp_path / "site" / "assets" / "stories"

    written = publish(image_set, tmp_path / "cache", site)
    written_again = publish(image_set, tmp_path / "cache", site)

    assert sorted(p.name for p in written) == sorted(d.filename for d in image_set.derivatives)
    assert written_again == []
    for derivative, cached in zip(
        image_set.derivatives, derivative_paths(image_set, tmp_path / "cache"), strict=True
    ):
        assert (site / derivative.filename).read_bytes() == cached.read_bytes()


def test_cmyk_scan_is_published_as_rgb_with_the_same_colours(tmp_path: Path) -> None:
    source = tmp_path / "scan.jpg"
    Image.new("RGB", (1000, 800), RED).convert("CMYK").save(source, quality=95)

    image_set, _ = process_image(source, tmp_path / "cache")

    for path in derivative_paths(image_set, tmp_path / "cache"):
        with Image.open(path) as published:
            assert published.mode == "RGB"
            pixel = published.getpixel((100, 100))
        assert isinstance(pixel, tuple)
        assert pixel[0] > 180 and pixel[1] < 70 and pixel[2] < 70, (path.name, pixel)


# -- quality and weight -------------------------------------------------------------------------


def detailed_photo(size: tuple[int, int] = (1600, 1067)) -> Image.Image:
    """Fine detail, hard edges and smooth gradients: what encoder shortcuts visibly damage."""
    width, height = size
    fractal = Image.effect_mandelbrot(size, (-0.7454, 0.1130, -0.7446, 0.1136), 200)
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = vertical.transpose(Image.Transpose.ROTATE_90).resize(size)
    image = Image.merge("RGB", (fractal, vertical, horizontal))
    draw = ImageDraw.Draw(image)
    for i in range(12):
        top = (i * 97) % height
        draw.ellipse((i * 120, top, i * 120 + 300, top + 200), fill=(30 * i, 200 - 10 * i, 90))
    return image.filter(ImageFilter.GaussianBlur(1))


def luma_psnr(reference: Image.Image, published: Image.Image) -> float:
    difference = ImageChops.difference(reference.convert("L"), published.convert("L"))
    squared = sum(count * value * value for value, count in enumerate(difference.histogram()))
    return 10 * math.log10(255 * 255 * reference.width * reference.height / squared)


# Floors and ceilings about 0.3 dB and 20 % from what the encoder settings give today: faster
# settings are welcome as long as they stay inside both (quality 70, or libwebp's method 0 at
# quality 60, lose 1.5-2.5 dB; quality 90 doubles the bytes).
MIN_PSNR = {("webp", 1600): 46.5, ("webp", 960): 44.5, ("webp", 480): 42.8}
MIN_PSNR |= {("jpeg", 1600): 50.5, ("jpeg", 960): 46.5, ("jpeg", 480): 42.9}
MAX_WEBP_BYTES = {1600: 60_000, 960: 30_000, 480: 11_500}


def test_derivatives_keep_their_quality_and_weight(tmp_path: Path) -> None:
    source_image = detailed_photo()
    source = tmp_path / "detailed.png"  # lossless, so the source itself is the reference
    source_image.save(source)

    image_set, _ = process_image(source, tmp_path / "cache")

    for derivative, path in zip(
        image_set.derivatives, derivative_paths(image_set, tmp_path / "cache"), strict=True
    ):
        with Image.open(path) as published:
            reference = source_image.resize(published.size, Image.Resampling.LANCZOS)
            quality = luma_psnr(reference, published.convert("RGB"))
        label = (derivative.format, derivative.width)
        assert quality >= MIN_PSNR[label], (label, quality)
        if derivative.format == "webp":
            assert path.stat().st_size <= MAX_WEBP_BYTES[derivative.width], label


# -- planning from headers (pages render while the pool makes the files) -------------------------


def _png_cutout(folder: Path) -> Path:
    path = folder / "cutout.png"
    Image.new("RGBA", (1000, 800), (0, 0, 0, 0)).save(path)
    return path


@pytest.mark.parametrize(
    "make_source",
    [
        lambda folder: save_jpeg(folder / "landscape.jpg", photo((1600, 1067))),
        lambda folder: save_jpeg(
            folder / "sideways.jpg", photo((2000, 1200)), exif=camera_exif(orientation=6)
        ),
        lambda folder: save_jpeg(
            folder / "mirrored.jpg", photo((1700, 1100)), exif=camera_exif(orientation=8)
        ),
        lambda folder: save_jpeg(folder / "medium.jpg", photo((1000, 750))),
        lambda folder: save_jpeg(folder / "narrow.jpg", photo((450, 900))),
        lambda folder: save_jpeg(folder / "odd.jpg", photo((3001, 1999))),  # draft decode
        _png_cutout,
    ],
    ids=["landscape", "orientation-6", "orientation-8", "medium", "narrow", "draft", "png"],
)
def test_plan_from_the_header_names_exactly_the_files_processing_makes(
    tmp_path: Path, make_source: object
) -> None:
    source = make_source(tmp_path)  # type: ignore[operator]

    planned = images.plan_images([source], tmp_path / "cache")
    made, processed = process_image(source, tmp_path / "cache")

    assert processed and planned.pending == [source] and planned.problems == {}
    assert planned.sets[source] == made
    for derivative, path in zip(
        made.derivatives, derivative_paths(made, tmp_path / "cache"), strict=True
    ):
        with Image.open(path) as published:
            assert published.size == (derivative.width, derivative.height), path.name


def test_webp_stops_at_960_and_every_candidate_exists(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "wide.jpg", photo((2400, 1600)))
    image_set, _ = process_image(source, tmp_path / "cache")
    folder = cache_path(tmp_path / "cache", image_set.cache_key)

    assert [d.width for d in image_set.of_format("webp")] == [480, 960]
    assert [d.width for d in image_set.of_format("jpeg")] == [480, 960, 1600]
    assert (image_set.width, image_set.height) == (1600, 1067)  # the largest JPEG
    tags = parse_tags(picture_html(image_set, "", "A photo", lazy=True))
    offered = [
        *str(tags["source"]["srcset"]).split(", "),
        *str(tags["img"]["srcset"]).split(", "),
        f"{tags['img']['src']} 960w",
    ]
    for candidate in offered:
        name, width = candidate.split()
        assert (folder / name).is_file(), candidate
        with Image.open(folder / name) as published:
            assert f"{published.width}w" == width, candidate


def test_narrow_source_keeps_a_webp_even_above_the_webp_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(images, "WEBP_MAX_WIDTH", 400)
    source = save_jpeg(tmp_path / "narrow.jpg", photo((450, 900)))

    image_set, _ = process_image(source, tmp_path / "cache")

    assert [d.width for d in image_set.of_format("webp")] == [450]


def test_damage_found_only_by_decoding_is_a_new_error_when_completed(tmp_path: Path) -> None:
    whole = io.BytesIO()
    photo().save(whole, "JPEG", quality=90)
    source = tmp_path / "cut-off.jpg"
    source.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])

    planned = images.plan_images([source], tmp_path / "cache")
    assert planned.pending == [source] and planned.problems == {}  # the header is fine
    done, new = images.complete(
        planned, {source: images.process_source(source, tmp_path / "cache", images.DEFAULT_WIDTHS)}
    )

    assert source not in done.sets and done.has_errors()
    assert [p.message for p in new[source]] == [
        "cut-off.jpg is not a readable image: re-export it as JPEG or PNG"
    ]


def test_a_result_that_differs_from_the_plan_is_dropped_with_an_error(tmp_path: Path) -> None:
    source = save_jpeg(tmp_path / "a.jpg", photo())
    planned = images.plan_images([source], tmp_path / "cache")
    made, _ = process_image(source, tmp_path / "cache")
    other = ImageSet(made.source_name, 1, 1, made.derivatives, made.cache_key)

    done, new = images.complete(planned, {source: (other, True, [])})

    assert source not in done.sets
    assert "its header promised" in new[source][0].message
    changed = ImageSet(made.source_name, made.width, made.height, made.derivatives, "f" * 64)
    _, new = images.complete(planned, {source: (changed, True, [])})
    assert "changed while the site was being built: build again" in new[source][0].message


def test_header_problems_are_known_when_planning(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"garbage")
    small = save_jpeg(tmp_path / "small.jpg", photo((640, 480)))

    planned = images.plan_images([broken, small, tmp_path / "gone.jpg"], tmp_path / "cache")

    assert planned.pending == [] and planned.sets == {}
    assert all(p.severity == "error" for found in planned.problems.values() for p in found)
    assert set(planned.problems) == {broken, small, tmp_path / "gone.jpg"}
