"""Story photos: checked, turned upright, stripped of metadata and resized for the web.

Every published photo goes through `process_image`: it applies the camera's EXIF orientation,
converts the pixels to sRGB and writes WebP and JPEG copies at a few widths with no metadata at
all, because a storyteller's photo must never publish where or when it was taken (see the photo
section of the consent rules). Results live in a content-addressed cache so a rebuild touches
Pillow only for new or changed photos; `publish` then links them into the built site.

Nothing here knows about MkDocs; the plugin calls these functions with paths.
"""

from __future__ import annotations

import contextlib
import filecmp
import functools
import hashlib
import html
import io
import json
import os
import re
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from PIL import Image, ImageCms, ImageOps

from hooks import file_digests, rules, slugs

# Bump whenever the output for the same source could change (resampling, encoder settings, file
# naming, colour handling); every cached derivative is then rebuilt.
PIPELINE_VERSION = "3"

DEFAULT_WIDTHS: tuple[int, ...] = (480, 960, 1600)
# WebP only up to 960 px; the 1600 px copy is JPEG only. Phones show the photo full width
# (`DEFAULT_SIZES`), which 480 and 960 px cover, and their WebP files are the same bytes as
# before. The 1600 px WebP was chosen only for screens that want more than 960 device pixels
# (high-density desktops, and WebKit on 3x phones, which takes the next candidate up where
# Chromium rounds down); it cost 38 of the 114 ms a story's photo and cards take in a cold
# build. Those screens now get the 960 px WebP (a little soft at 2x, a third of the bytes)
# and the 1600 px JPEG stays for browsers without WebP, for the download link and for the
# republish copy. Measured with bench/images_speed.py: a 1280 px WebP instead costs 22 ms to
# encode plus a 10-15 ms resize, libwebp method 0 for the 1600 px one still 21 ms; neither
# gets a story below 80 ms.
WEBP_MAX_WIDTH = 960
MIN_WIDTH = 800  # on the long side; smaller sources look blurry on any modern screen
MAX_FILE_BYTES = 15 * 1024 * 1024
MAX_MEGAPIXELS = 40
# Encoding is most of a cold build's work. libwebp's methods 3-6 add a rate-distortion search
# that triples the encoding time to save about 5 % of the bytes. Method 2 at quality 82 comes
# within 0.002 SSIM (0.2-0.4 dB) of method 4 at quality 80 on real photographs, for 10-15 % more
# bytes (measured with bench/images_speed.py).
WEBP_QUALITY = 82
WEBP_METHOD = 2
JPEG_QUALITY = 82
# Baseline, not progressive: progressive scans cost twice the encoding time for 1-2 % fewer
# bytes, and the JPEGs are only shown by browsers without WebP and downloaded by journalists.
JPEG_PROGRESSIVE = False
# Bicubic differs from Lanczos by less than the encoders' own error (PSNR above 50 dB before
# encoding) and takes two thirds of the time.
RESAMPLE = Image.Resampling.BICUBIC
FALLBACK_WIDTH = 960  # the <img src> for browsers that ignore srcset
DEFAULT_SIZES = "(min-width: 60em) 50vw, 100vw"

MANIFEST_NAME = "manifest.json"

# A credit or description that already says what it is ("Illustration: …", "Foto: …") is shown
# as written: a "Photo:" label in front would be doubled, or wrong for a drawing.
_LABELLED_RE = re.compile(r"^\w[\w-]{0,24}:\s")
# LRP065 asks editors to mark a drawing after the name ("Līga Bērziņa (illustration)", in the
# Latvian version "(ilustrācija)"), so such a credit is a drawing's, never a photo's.
_DRAWING_MARK_RE = re.compile(
    r"\((?:[^()]*\s)?(?:illustrations?|drawings?|paintings?|graphics?|ilustrācij[aās]|"
    r"zīmējum[sia]|zīmējumi|glezn[aās]|grafika)(?:\s[^()]*)?\)\s*$",
    re.IGNORECASE,
)


def says_what_it_is(text: str) -> bool:
    return bool(_LABELLED_RE.match(text) or _DRAWING_MARK_RE.search(text))


Severity = Literal["error", "warning"]
ImageFormat = Literal["webp", "jpeg"]
_FORMATS: tuple[ImageFormat, ...] = ("webp", "jpeg")
_EXTENSIONS: dict[ImageFormat, str] = {"webp": "webp", "jpeg": "jpg"}


@dataclass(frozen=True)
class ImageProblem:
    severity: Severity
    message: str  # one line that ends with the fix
    # The content rule (hooks/rules.py) an editor looks up; "" for the build's own failures.
    rule_id: str = ""
    # The same problem for the translated check texts; not kept in the cache's manifests,
    # since only the content check, which reads the photo itself, prints it.
    wording: rules.Wording | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Derivative:
    width: int
    height: int
    format: ImageFormat
    filename: str  # relative to the image set's folder, e.g. "grandmother-1a2b3c4d-960.webp"


@dataclass(frozen=True)
class ImageSet:
    source_name: str
    width: int  # of the largest derivative
    height: int
    derivatives: tuple[Derivative, ...]
    cache_key: str

    def of_format(self, fmt: ImageFormat) -> tuple[Derivative, ...]:
        """The derivatives of one format, narrowest first."""
        return tuple(
            sorted((d for d in self.derivatives if d.format == fmt), key=lambda d: d.width)
        )

    def srcset(self, fmt: ImageFormat, base_url: str = "") -> str:
        return ", ".join(f"{_url(base_url, d.filename)} {d.width}w" for d in self.of_format(fmt))

    def fallback(self, max_width: int = FALLBACK_WIDTH) -> Derivative:
        """The JPEG for `<img src>`: the widest one up to `max_width`, else the narrowest."""
        jpegs = self.of_format("jpeg")
        if not jpegs:
            raise ValueError(f"{self.source_name} has no JPEG derivative")
        fitting = [d for d in jpegs if d.width <= max_width]
        return fitting[-1] if fitting else jpegs[0]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source_name": self.source_name,
            "width": self.width,
            "height": self.height,
            "cache_key": self.cache_key,
            "derivatives": [
                {"width": d.width, "height": d.height, "format": d.format, "filename": d.filename}
                for d in self.derivatives
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageSet:
        derivatives = tuple(
            Derivative(
                width=int(d["width"]),
                height=int(d["height"]),
                format=_checked_format(d["format"]),
                filename=str(d["filename"]),
            )
            for d in data["derivatives"]
        )
        return cls(
            source_name=str(data["source_name"]),
            width=int(data["width"]),
            height=int(data["height"]),
            derivatives=derivatives,
            cache_key=str(data["cache_key"]),
        )


@dataclass
class ImageBatch:
    sets: dict[Path, ImageSet] = field(default_factory=dict)
    processed: int = 0
    cached: int = 0
    problems: dict[Path, list[ImageProblem]] = field(default_factory=dict)
    # Planned but not made yet (`plan_images`): their sets are read from the photos' headers
    # and their files appear in the cache once `process_source` has run for each.
    pending: list[Path] = field(default_factory=list)

    def has_errors(self) -> bool:
        return any(p.severity == "error" for ps in self.problems.values() for p in ps)


class InvalidImageError(ValueError):
    """The source cannot be published; `problems` says why and how to fix it."""

    def __init__(self, problems: Sequence[ImageProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))


def _checked_format(value: object) -> ImageFormat:
    if value == "webp":
        return "webp"
    if value == "jpeg":
        return "jpeg"
    raise ValueError(f"unknown image format {value!r}")


def _url(base_url: str, filename: str) -> str:
    return f"{base_url.rstrip('/')}/{filename}" if base_url else filename


# -- validation ---------------------------------------------------------------------------------


def _unreadable(path: Path) -> ImageProblem:
    return ImageProblem(
        "error",
        f"{path.name} is not a readable image: re-export it as JPEG or PNG",
        rules.UNUSABLE_IMAGE.id,
        rules.wording("image_unreadable", file=path.name),
    )


def _missing(path: Path) -> ImageProblem:
    return ImageProblem(
        "error",
        f"{path.name} does not exist or cannot be read: check the file name",
        rules.BROKEN_IMAGE.id,
    )


def validate_source_image(
    path: Path,
    *,
    min_width: int | None = None,
    max_bytes: int | None = None,
    max_megapixels: float | None = None,
) -> list[ImageProblem]:
    """Everything wrong with a source photo, without decoding its pixels.

    Errors mean the photo cannot be published; warnings mean it is published but the editor
    should replace it with a more sensible file. Limits default to the module constants, read
    at call time.
    """
    min_width = MIN_WIDTH if min_width is None else min_width
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    max_megapixels = MAX_MEGAPIXELS if max_megapixels is None else max_megapixels
    try:
        size_bytes = path.stat().st_size
    except OSError:
        return [_missing(path)]

    # Pillow's own size guard warns above MAX_IMAGE_PIXELS and raises above twice that. The
    # warning case is covered by our megapixel warning below, so only the error matters here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                width, height = image.size
                image.verify()
        except Image.DecompressionBombError:
            limit = 2 * (Image.MAX_IMAGE_PIXELS or 0) / 1_000_000
            return [
                ImageProblem(
                    "error",
                    f"{path.name} claims more than {limit:.0f} megapixels, which looks like a "
                    f"decompression bomb: re-export it at camera size (at most "
                    f"{max_megapixels:g} megapixels)",
                    rules.UNUSABLE_IMAGE.id,
                    rules.wording(
                        "image_bomb",
                        file=path.name,
                        limit=f"{limit:.0f}",
                        most=rules.decimal_comma(f"{max_megapixels:g}"),
                    ),
                )
            ]
        # verify() reports damage as whatever the format plugin raises (SyntaxError, struct.error,
        # IndexError, ...), so anything it raises means "not a usable image".
        except Exception:
            return [_unreadable(path)]

    problems: list[ImageProblem] = []
    if max(width, height) < min_width:
        problems.append(
            ImageProblem(
                "error",
                f"{path.name} is only {width}×{height} px; the long side must be at least "
                f"{min_width} px: use the original photo, not a thumbnail or a messenger copy",
                rules.UNUSABLE_IMAGE.id,
                rules.wording(
                    "image_too_small", file=path.name, width=width, height=height, least=min_width
                ),
            )
        )
    if size_bytes > max_bytes:
        problems.append(
            ImageProblem(
                "warning",
                f"{path.name} is {size_bytes / 1024 / 1024:.1f} MB (over "
                f"{max_bytes / 1024 / 1024:.0f} MB); it is resized for the site, but export it "
                "as a JPEG of at most 2400 px on the long side to keep the repository small",
                rules.IMAGE_TOO_LARGE.id,
            )
        )
    megapixels = width * height / 1_000_000
    if megapixels > max_megapixels:
        problems.append(
            ImageProblem(
                "warning",
                f"{path.name} has {megapixels:.1f} megapixels (over {max_megapixels:g}); it is "
                "resized for the site, but export it at most 2400 px on the long side",
                rules.IMAGE_TOO_MANY_PIXELS.id,
                rules.wording(
                    "image_too_many_pixels",
                    file=path.name,
                    megapixels=rules.decimal_comma(megapixels, 1),
                    most=rules.decimal_comma(f"{max_megapixels:g}"),
                ),
            )
        )
    return problems


# -- processing ---------------------------------------------------------------------------------


def output_stem(source: Path) -> str:
    """A URL-safe name for the derivatives: 'Līga un Jānis.JPG' -> 'liga-un-janis'."""
    return slugs.slug_from_words(source.stem)[:60].strip("-") or "image"


def _encoder_settings() -> dict[str, Any]:
    return {
        "webp": {"quality": WEBP_QUALITY, "method": WEBP_METHOD},
        "jpeg": {"quality": JPEG_QUALITY, "progressive": JPEG_PROGRESSIVE, "optimize": True},
    }


def _cache_key_of_bytes(source_bytes: bytes, *, widths: Sequence[int], stem: str) -> str:
    return cache_key(source_bytes, widths, stem)


def cache_key(source_bytes: bytes, widths: Sequence[int], stem: str) -> str:
    """Content address of one source's derivatives.

    The output stem is part of the key because it is part of the file names; renaming a photo
    therefore re-renders it instead of publishing files named after the old name.
    """
    digest = hashlib.sha256()
    settings = {
        "pipeline": PIPELINE_VERSION,
        "widths": sorted(set(widths)),
        "webp_max_width": WEBP_MAX_WIDTH,
        "encoders": _encoder_settings(),
        "resample": RESAMPLE.name,
        "stem": stem,
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    digest.update(b"\0")
    digest.update(source_bytes)
    return digest.hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / key


def target_widths(source_width: int, widths: Sequence[int]) -> list[int]:
    """The widths to produce: never wider than the source, and at least one."""
    fitting = sorted({w for w in widths if 0 < w <= source_width})
    return fitting or [source_width]


def _formats_at(width: int, chosen: Sequence[int]) -> tuple[ImageFormat, ...]:
    """JPEG at every width; WebP up to WEBP_MAX_WIDTH, and at the narrowest width in any case
    so that WebP browsers always have a candidate of their own."""
    if width <= WEBP_MAX_WIDTH or width == min(chosen):
        return _FORMATS
    return ("jpeg",)


def planned_derivatives(
    upright: tuple[int, int], widths: Sequence[int], stem: str, key: str
) -> tuple[Derivative, ...]:
    """Every derivative a source of this upright size gets, narrowest first.

    Only sizes and names, so page markup can be written before (or without) decoding a pixel;
    `_render` produces exactly these files.
    """
    upright_w, upright_h = upright
    chosen = target_widths(upright_w, widths)
    return tuple(
        Derivative(
            width,
            # From the full-size source, so a draft decode's rounding never changes a height.
            max(1, round(width * upright_h / upright_w)),
            fmt,
            f"{stem}-{key[:8]}-{width}.{_EXTENSIONS[fmt]}",
        )
        for width in chosen
        for fmt in _formats_at(width, chosen)
    )


def _image_set(source_name: str, derivatives: tuple[Derivative, ...], key: str) -> ImageSet:
    largest = max(derivatives, key=lambda d: d.width)
    return ImageSet(
        source_name=source_name,
        width=largest.width,
        height=largest.height,
        derivatives=derivatives,
        cache_key=key,
    )


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied, from the header alone.

    `ImageOps.exif_transpose` reads the same tag through `getexif()` (which also looks at XMP),
    so this is the size the derivatives are made from. (A PNG whose EXIF chunk comes after the
    pixels is decoded by Pillow to find it: rare, and still correct.)
    """
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _load_manifest(folder: Path, key: str) -> tuple[ImageSet, list[ImageProblem]] | None:
    """The cached result, or None when it is missing, stale or damaged."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        if data.get("pipeline_version") != PIPELINE_VERSION or data.get("cache_key") != key:
            return None
        image_set = ImageSet.from_dict(data)
        problems = [
            ImageProblem("warning", str(p["message"]), str(p.get("rule_id", "")))
            for p in data.get("warnings", [])
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all((folder / d.filename).is_file() for d in image_set.derivatives):
        return None
    return image_set, problems


def _is_srgb(icc: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except (ImageCms.PyCMSError, OSError, TypeError, ValueError):
        return False
    return "srgb" in description.lower()


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def to_srgb_rgb(image: Image.Image) -> Image.Image:
    """8-bit sRGB RGB pixels, whatever the source's mode and colour profile.

    Transparent areas become white: both formats are flattened the same way, so a reader sees
    the same picture whichever format the browser picks.
    """
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        # A plain convert clips 16-bit grey to white; scale it down to 8 bits instead.
        image = image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    )
    working_mode = "RGBA" if has_alpha else "RGB"
    icc = image.info.get("icc_profile")

    converted: Image.Image | None = None
    if icc and not _is_srgb(icc):
        # Phones write Display P3, print shops CMYK: converting (not just dropping) the profile
        # keeps the colours the photographer saw once the profile itself is stripped.
        source_mode = image.mode if image.mode in ("RGB", "RGBA", "CMYK", "L") else working_mode
        try:
            prepared = image if image.mode == source_mode else image.convert(source_mode)
            converted = ImageCms.profileToProfile(
                prepared,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                _SRGB,
                outputMode=working_mode,
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile: fall back to the numbers as they are
    if converted is None:
        converted = image if image.mode == working_mode else image.convert(working_mode)

    if working_mode == "RGBA":
        background = Image.new("RGB", converted.size, "white")
        background.paste(converted, mask=converted.getchannel("A"))
        converted = background
    return converted


def _open_upright(
    source: Path, widths: Sequence[int]
) -> tuple[Image.Image, tuple[int, int], list[int]]:
    """(sRGB pixels the right way up, upright full size, widths to produce).

    JPEGs are decoded at reduced scale when the widest derivative allows it.
    """
    with warnings.catch_warnings():
        # Validation already judged the size; Pillow's warning would only repeat it.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(source) as image:
            stored_w, stored_h = image.size
            upright = _upright_size(image)
            chosen = target_widths(upright[0], widths)
            if image.format == "JPEG" and chosen[-1] < upright[0]:
                # JPEG can decode at 1/2, 1/4 or 1/8 scale almost for free; ask for no less
                # than the widest derivative so the final resize still downsamples.
                scale = chosen[-1] / upright[0]
                image.draft(
                    image.mode, (max(1, int(stored_w * scale)), max(1, int(stored_h * scale)))
                )
            image.load()
            # Orientation first: once the metadata is dropped it can no longer be applied.
            ImageOps.exif_transpose(image, in_place=True)
            return to_srgb_rgb(image), upright, chosen


def _save_clean(image: Image.Image, path: Path, fmt: ImageFormat) -> None:
    # Pillow copies `info` (comments, EXIF, XMP, ICC) from image to image, the JPEG writer reuses
    # a comment from it, and `encoderinfo` set on an image overrides save() arguments; so both
    # are emptied and every metadata field is passed empty.
    image.info = {}
    image.encoderinfo = {}
    if fmt == "webp":
        image.save(
            path,
            "WEBP",
            quality=WEBP_QUALITY,
            method=WEBP_METHOD,
            exif=b"",
            icc_profile=None,
            xmp=b"",
        )
    else:
        image.save(
            path,
            "JPEG",
            quality=JPEG_QUALITY,
            progressive=JPEG_PROGRESSIVE,
            optimize=True,
            exif=b"",
            icc_profile=None,
            comment=b"",
            xmp=b"",
        )


def _render(
    decoded: tuple[Image.Image, tuple[int, int], list[int]],
    source_name: str,
    folder: Path,
    stem: str,
    key: str,
) -> ImageSet:
    image, upright, chosen = decoded
    image.info = {}  # resize() copies info along; start from nothing
    derivatives = planned_derivatives(upright, chosen, stem, key)
    # Widest first, each next one made from the previous: downscaling 1600 -> 960 is a third of
    # the work of 3000 -> 960 and looks the same.
    for derivative in sorted(derivatives, key=lambda d: -d.width):
        size = (derivative.width, derivative.height)
        if image.size != size:
            image = image.resize(size, RESAMPLE, reducing_gap=3.0)
        _save_clean(image, folder / derivative.filename, derivative.format)
    return _image_set(source_name, derivatives, key)


# (image set or None, processed now?, problems)
ProcessResult = tuple[ImageSet | None, bool, list[ImageProblem]]


def process_source(source: Path, cache_dir: Path, widths: Sequence[int]) -> ProcessResult:
    """(image set or None, processed now?, problems). Never raises for a bad source."""
    try:
        source_bytes = source.read_bytes()
    except OSError:
        return None, False, [_missing(source)]
    stem = output_stem(source)
    key = cache_key(source_bytes, widths, stem)
    final = cache_path(cache_dir, key)
    hit = _load_manifest(final, key)
    if hit is not None:
        return hit[0], False, hit[1]

    problems = validate_source_image(source)
    if any(p.severity == "error" for p in problems):
        return None, False, problems

    try:
        decoded = _open_upright(source, widths)
    except Exception:
        # Damage that only shows while decoding (a truncated JPEG) is a problem to report, not a
        # build crash.
        return None, False, [*problems, _unreadable(source)]

    final.parent.mkdir(parents=True, exist_ok=True)
    # Everything is written into a private folder and renamed into place at the end, so a
    # parallel build or an interrupted one never sees a half-written set.
    temp = Path(tempfile.mkdtemp(prefix=f".tmp-{key[:16]}-", dir=final.parent))
    try:
        image_set = _render(decoded, source.name, temp, stem, key)
        manifest = {
            "pipeline_version": PIPELINE_VERSION,
            **image_set.as_dict(),
            "warnings": [
                {"severity": p.severity, "message": p.message, "rule_id": p.rule_id}
                for p in problems
            ],
        }
        (temp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if final.exists():
            # A damaged or stale folder (the manifest check failed above): replace it.
            shutil.rmtree(final, ignore_errors=True)
        try:
            os.rename(temp, final)
        except OSError:
            # Another process finished the same key first; its result is equally good.
            hit = _load_manifest(final, key)
            if hit is None:
                raise
            return hit[0], False, hit[1]
        return image_set, True, problems
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def process_image(
    source: Path, cache_dir: Path, widths: Sequence[int] = DEFAULT_WIDTHS
) -> tuple[ImageSet, bool]:
    """Derivatives of one photo, from the cache when possible; True when rendered now.

    Raises InvalidImageError when the photo cannot be published.
    """
    image_set, processed, problems = process_source(source, cache_dir, tuple(widths))
    if image_set is None:
        raise InvalidImageError(problems)
    return image_set, processed


def _plan_from_header(source: Path, widths: Sequence[int], stem: str, key: str) -> ImageSet | None:
    """The set `process_source` will make, from the header (size and orientation) alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(source) as image:
                upright = _upright_size(image)
        except Exception:
            return None  # reported as unreadable by the caller
    return _image_set(source.name, planned_derivatives(upright, widths, stem, key), key)


def plan_images(
    sources: Iterable[Path], cache_dir: Path, widths: Sequence[int] = DEFAULT_WIDTHS
) -> ImageBatch:
    """Every photo's image set, without decoding a pixel: cached ones from their manifests, the
    rest from their headers (listed in `pending`, to be made with `process_source`).

    Everything `validate_source_image` finds is in `problems` already; only damage that shows
    while decoding (a truncated file) is left for `process_source` to find.
    """
    widths = tuple(widths)
    batch = ImageBatch()
    for source in dict.fromkeys(sources):  # the same photo used twice is done once
        stem = output_stem(source)
        try:
            # An unchanged photo is not read again (hooks/file_digests.py).
            key = file_digests.derived(
                source,
                f"image-cache-key:{stem}:{widths}",
                functools.partial(_cache_key_of_bytes, widths=widths, stem=stem),
            )
        except OSError:
            batch.problems[source] = [_missing(source)]
            continue
        hit = _load_manifest(cache_path(cache_dir, key), key)
        if hit is not None:
            batch.sets[source], warnings_found = hit
            batch.cached += 1
            if warnings_found:
                batch.problems[source] = warnings_found
            continue
        problems = validate_source_image(source)
        planned = None
        if not any(p.severity == "error" for p in problems):
            planned = _plan_from_header(source, widths, stem, key)
            if planned is None:
                problems.append(_unreadable(source))
        if problems:
            batch.problems[source] = problems
        if planned is not None:
            batch.sets[source] = planned
            batch.pending.append(source)
    return batch


def complete(
    batch: ImageBatch, results: dict[Path, ProcessResult]
) -> tuple[ImageBatch, dict[Path, list[ImageProblem]]]:
    """The batch once `process_source` has run for its pending photos, and the problems that
    were not known when it was planned.

    A photo whose files differ from the plan (pages may already name them) is dropped with an
    error, never published under the planned names.
    """
    done = ImageBatch(
        sets=dict(batch.sets),
        cached=batch.cached,
        problems={source: list(found) for source, found in batch.problems.items()},
    )
    new: dict[Path, list[ImageProblem]] = {}
    for source in batch.pending:
        image_set, processed, problems = results[source]
        planned = batch.sets[source]
        found = [p for p in problems if p not in done.problems.get(source, [])]
        if image_set is None and not any(p.severity == "error" for p in problems):
            found.append(_unreadable(source))
        elif image_set is not None and image_set.cache_key != planned.cache_key:
            found.append(
                ImageProblem(
                    "error",
                    f"{source.name} changed while the site was being built: build again",
                )
            )
        elif image_set is not None and image_set != planned:
            found.append(
                ImageProblem(
                    "error",
                    f"{source.name} came out {image_set.width}×{image_set.height} px, not the "
                    f"{planned.width}×{planned.height} px its header promised: delete "
                    ".cache/images and build again, and report it if it happens again",
                )
            )
        if found:
            new[source] = found
            done.problems[source] = [*done.problems.get(source, []), *found]
        if image_set is None or any(p.severity == "error" for p in found):
            del done.sets[source]
        elif processed:
            done.processed += 1
        else:
            done.cached += 1
    return done, new


def process_images(
    sources: Iterable[Path],
    cache_dir: Path,
    workers: int | None = None,
    widths: Sequence[int] = DEFAULT_WIDTHS,
) -> ImageBatch:
    """Process many photos and wait for them; cached ones are read from their manifests in this
    process.

    Uncached photos go to a pool of `workers` processes (default: one per CPU) started with
    "spawn", so a script that calls this directly needs the usual `if __name__ == "__main__":`
    guard; the mkdocs command already has one.
    """
    widths = tuple(widths)
    batch = plan_images(sources, cache_dir, widths)
    pending = batch.pending
    workers = workers or os.cpu_count() or 1
    if len(pending) <= 1 or workers <= 1:
        results = [process_source(source, cache_dir, widths) for source in pending]
    else:
        # "spawn" instead of fork: safe when the caller runs threads (mkdocs serve does) and
        # behaves the same on Linux, macOS and Windows.
        with ProcessPoolExecutor(
            max_workers=min(workers, len(pending)), mp_context=get_context("spawn")
        ) as pool:
            results = list(
                pool.map(
                    process_source,
                    pending,
                    [cache_dir] * len(pending),
                    [widths] * len(pending),
                )
            )
    return complete(batch, dict(zip(pending, results, strict=True)))[0]


# -- publishing ---------------------------------------------------------------------------------


def link_or_copy(source: Path, dest: Path) -> bool:
    """Put `source` at `dest` by hard link (copy across file systems); False if already there."""
    # Into a fresh site folder (every full build), one link per file is all it takes; the
    # checks and the private name below are for a file already there (`serve`, `--dirty`).
    with contextlib.suppress(OSError):
        os.link(source, dest)
        return True
    if dest.exists():
        with contextlib.suppress(OSError):
            if os.path.samefile(source, dest) or filecmp.cmp(source, dest, shallow=False):
                return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.tmp")
    try:
        try:
            os.link(source, temp)
        except OSError:
            shutil.copyfile(source, temp)
        os.replace(temp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return True


def publish(image_set: ImageSet, cache_dir: Path, dest_dir: Path) -> list[Path]:
    """Place the derivatives in the built site; returns the files that were written."""
    folder = cache_path(cache_dir, image_set.cache_key)
    written = []
    for derivative in image_set.derivatives:
        dest = dest_dir / derivative.filename
        if link_or_copy(folder / derivative.filename, dest):
            written.append(dest)
    return written


def picture_html(
    image_set: ImageSet,
    base_url: str,
    alt: str,
    *,
    lazy: bool,
    sizes: str = DEFAULT_SIZES,
    css_class: str = "",
) -> str:
    """A responsive <picture>: WebP for browsers that take it, JPEG for the rest.

    `alt=""` marks a decorative image and must be passed on purpose; whitespace-only alt text is
    a mistake that would hide the photo from screen-reader users, so it is refused.
    """
    if alt and not alt.strip():
        raise ValueError(f"alt text for {image_set.source_name} is only whitespace")
    esc = html.escape
    fallback = image_set.fallback()
    sizes_attr = f' sizes="{esc(sizes, quote=True)}"'
    parts = ["<picture>"]
    webp = image_set.srcset("webp", base_url)
    if webp:
        parts.append(f'<source type="image/webp" srcset="{esc(webp, quote=True)}"{sizes_attr}>')
    attrs = [
        f'src="{esc(_url(base_url, fallback.filename), quote=True)}"',
        f'srcset="{esc(image_set.srcset("jpeg", base_url), quote=True)}"',
        sizes_attr.strip(),
        f'width="{image_set.width}"',
        f'height="{image_set.height}"',
        f'alt="{esc(alt.strip(), quote=True)}"',
    ]
    if css_class:
        attrs.append(f'class="{esc(css_class, quote=True)}"')
    # The first photo of a story is usually the largest paint: load it eagerly and first.
    attrs.append('loading="lazy"' if lazy else 'fetchpriority="high"')
    attrs.append('decoding="async"')
    parts.append(f"<img {' '.join(attrs)}>")
    parts.append("</picture>")
    return "".join(parts)


# -- metadata audit -----------------------------------------------------------------------------

_JPEG_METADATA_MARKERS = {
    0xE1: "APP1 (EXIF/XMP)",
    0xE2: "APP2 (ICC)",
    0xED: "APP13 (IPTC/Photoshop)",
    0xFE: "COM (comment)",
}
_WEBP_METADATA_CHUNKS = {b"EXIF": "EXIF chunk", b"XMP ": "XMP chunk", b"ICCP": "ICC chunk"}
# Long enough that compressed pixel data never contains them by chance.
_RAW_SIGNATURES = (b"Exif\x00\x00", b"<x:xmpmeta", b"http://ns.adobe.com/xap", b"ICC_PROFILE")


def _metadata_containers(data: bytes) -> tuple[list[str], bytes]:
    """Names of metadata segments/chunks, plus the bytes of the file outside pixel data."""
    found: list[str] = []
    headers = bytearray()
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 4 <= len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if marker in (0xD8, 0x01, 0xFF) or 0xD0 <= marker <= 0xD7:
                pos += 1 if marker == 0xFF else 2
                continue
            if marker == 0xD9:
                break
            length = int.from_bytes(data[pos + 2 : pos + 4], "big")
            segment = data[pos : pos + 2 + length]
            headers += segment
            if marker in _JPEG_METADATA_MARKERS or 0xE3 <= marker <= 0xEF:
                found.append(_JPEG_METADATA_MARKERS.get(marker, f"APP{marker - 0xE0}"))
            pos += 2 + length
            if marker == 0xDA:
                # Entropy-coded data runs to the next marker that isn't a stuffed 0xFF00 or RSTn.
                while pos + 1 < len(data) and not (
                    data[pos] == 0xFF and data[pos + 1] not in (0x00, *range(0xD0, 0xD8))
                ):
                    pos += 1
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        pos = 12
        while pos + 8 <= len(data):
            fourcc = data[pos : pos + 4]
            length = int.from_bytes(data[pos + 4 : pos + 8], "little")
            if fourcc in _WEBP_METADATA_CHUNKS:
                found.append(_WEBP_METADATA_CHUNKS[fourcc])
            if fourcc not in (b"VP8 ", b"VP8L", b"ALPH"):
                headers += data[pos : pos + 8 + length]
            pos += 8 + length + (length & 1)
    return found, bytes(headers)


def strip_metadata_check(path: Path) -> dict[str, Any]:
    """Every piece of metadata left in a published image; an empty dict means it is clean."""
    found: dict[str, Any] = {}
    with Image.open(path) as image:
        exif = image.getexif()
        if exif:
            found["exif"] = dict(exif)
        gps = exif.get_ifd(0x8825)
        if gps:
            found["gps"] = dict(gps)
        for key in ("xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "exif", "photoshop"):
            if image.info.get(key):
                found[f"info:{key}"] = image.info[key]
    data = path.read_bytes()
    containers, headers = _metadata_containers(data)
    if containers:
        found["containers"] = containers
    signatures = [s.decode() for s in _RAW_SIGNATURES if s in data]
    # "GPS" is only three bytes and turns up in compressed pixels by chance; look for it only
    # outside the pixel data.
    if b"GPS" in headers:
        signatures.append("GPS")
    if signatures:
        found["raw"] = signatures
    return found
