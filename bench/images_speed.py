"""CPU and bytes of the cold-build image work: `python bench/images_speed.py [--photos K]`.

What a cold build spends per story on top of a warm one: the photo's derivatives
(`hooks.images.process_image`) and its three social cards (`hooks.social_cards`, lv/en/rml,
drawn on the photo the way the plugin asks for them). Photos are made by `bench/corpus.py`'s
`make_image` (1600×1067, shapes, blur and grain), or taken from `--source-dir` (any JPEGs, for
a check on real photographs). Not a test: it prints numbers.

Two measurements:

- serial, in this process, `time.process_time()` around each step, after one warm-up story
  (imports, font loading) that is left out: the pure cost per photo, per card and per story;
- `--pool`: `images.plan_images` and `social_cards.start_story_media` as the plugin calls them
  (one pool task per photo that also draws its cards), waited for at once, timed by wall clock
  and by `getrusage` (this process and its children), which is what the benchmark's cold build
  adds (`cold_subprocess_cpu_s`). In a build the pages render while the pool works.

Also printed: mean bytes of each derivative and card, and each derivative's PSNR (luma, dB)
against the source resized in one Lanczos step and never compressed, so that a faster setting
that also loses quality shows. Run it from a copy of another commit's tree (`git archive`) to
compare two versions: it imports `hooks` from the tree it lives in.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops, ImageOps  # noqa: E402

from bench.corpus import LANGUAGES, NAMES, TITLES, WORDS, make_image  # noqa: E402
from hooks import images, social_cards  # noqa: E402

KICKERS = {"lv": "Dzīves stāsts", "en": "Life story", "rml": "Dživipnaskiri historija"}
SITE_NAMES = {
    "lv": "Latvijas romu platforma",
    "en": "Latvian Roma Platform",
    "rml": "Latvijakiri romani platforma",
}
# One long title per story as well, since real titles often run to three or four lines.
LONG_TITLE = (
    "{name} stāsta par ģimeni, par ceļiem, kurus gāja vecvecāki, un par to, kā šodien dzīvo "
    "mazbērni Liepājā un Rīgā"
)


def card_jobs(index: int, image_set: images.ImageSet, cache_dir: Path) -> list:
    """The story's three cards, with the photo the plugin would pass (its fallback JPEG)."""
    fallback = image_set.fallback()
    photo = images.cache_path(cache_dir, image_set.cache_key) / fallback.filename
    name = NAMES[index % len(NAMES)]
    jobs = []
    for number, language in enumerate(LANGUAGES):
        words = WORDS[language]
        title = TITLES[language].format(name=name, word=words[(index + number) % len(words)])
        if language == "lv" and index % 3 == 0:
            title = LONG_TITLE.format(name=name)
        jobs.append(
            social_cards.CardJob(
                title,
                KICKERS[language],
                SITE_NAMES[language],
                photo,
                f"{image_set.cache_key}/{fallback.filename}",
            )
        )
    return jobs


def psnr(reference: Image.Image, path: Path) -> float:
    with Image.open(path) as derived:
        derived_l = derived.convert("L")
    if derived_l.size != reference.size:
        reference = reference.resize(derived_l.size, Image.Resampling.LANCZOS)
    histogram = ImageChops.difference(reference, derived_l).histogram()
    pixels = reference.width * reference.height
    mse = sum(count * value * value for value, count in enumerate(histogram)) / pixels
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


def upright_luma(source: Path) -> Image.Image:
    with Image.open(source) as image:
        return ImageOps.exif_transpose(image).convert("RGB").convert("L")


def cpu_now() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def serial(sources: list[Path], work: Path, font_dir: Path, steps: bool) -> None:
    cache = work / "serial"
    profile = cProfile.Profile(time.process_time)
    photo_ms: list[float] = []
    card_ms: list[float] = []
    story_ms: list[float] = []
    sizes: dict[str, list[int]] = defaultdict(list)
    quality: dict[str, list[float]] = defaultdict(list)
    card_bytes: list[int] = []
    for index, source in enumerate(sources):
        if index > 0 and steps:
            profile.enable()
        start = time.process_time()
        image_set, processed = images.process_image(source, cache / "images")
        middle = time.process_time()
        jobs = card_jobs(index, image_set, cache / "images")
        paths, drawn = social_cards.render_cards_cached(jobs, cache / "cards", font_dir, workers=1)
        end = time.process_time()
        profile.disable()
        assert processed and drawn == len(jobs)
        if index == 0:
            print(f"warm-up story (imports, fonts): {(end - start) * 1000:.1f} ms, left out")
            continue
        photo_ms.append((middle - start) * 1000)
        card_ms.append((end - middle) * 1000 / len(jobs))
        story_ms.append((end - start) * 1000)
        reference = upright_luma(source)
        folder = images.cache_path(cache / "images", image_set.cache_key)
        for derivative in image_set.derivatives:
            label = f"{derivative.format} {derivative.width}"
            sizes[label].append((folder / derivative.filename).stat().st_size)
            quality[label].append(psnr(reference, folder / derivative.filename))
        card_bytes.extend(path.stat().st_size for path in paths)

    print(f"\nserial, {len(story_ms)} stories (CPU ms, mean / max):")
    print(f"  photo derivatives   {statistics.mean(photo_ms):7.1f} / {max(photo_ms):6.1f}")
    print(f"  one social card     {statistics.mean(card_ms):7.1f} / {max(card_ms):6.1f}")
    print(f"  story (photo + 3)   {statistics.mean(story_ms):7.1f} / {max(story_ms):6.1f}")
    print("\nderivative        mean bytes   PSNR dB (luma, vs uncompressed Lanczos)")
    for label in sorted(sizes, key=lambda s: (s.split()[0], int(s.split()[1]))):
        print(
            f"  {label:14s} {statistics.mean(sizes[label]):10,.0f}   "
            f"{statistics.mean(quality[label]):5.2f}"
        )
    total = sum(statistics.mean(v) for v in sizes.values())
    print(f"  {'all':14s} {total:10,.0f}")
    print(f"  {'card':14s} {statistics.mean(card_bytes):10,.0f}")
    if steps:
        print("\nwhere the CPU goes (ms per story, own time of the costliest calls):")
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        costliest = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:10]
        for (_file, _line, name), (_cc, calls, own, _cum, _callers) in costliest:
            print(f"  {own * 1000 / len(story_ms):7.1f}  {name} ({calls / len(story_ms):g}×)")


def pooled(sources: list[Path], work: Path, font_dir: Path, workers: int) -> None:
    cache = work / "pooled"
    own_start, children_start = cpu_now()
    wall_start = time.perf_counter()
    planned = images.plan_images(sources, cache / "images")
    jobs = [
        job
        for index, source in enumerate(sources)
        for job in card_jobs(index, planned.sets[source], cache / "images")
    ]
    work = social_cards.start_story_media(
        planned, jobs, cache / "images", cache / "cards", font_dir, workers=workers
    )
    started = time.perf_counter() - wall_start
    batch, problems, missing = work.finish()
    assert batch.processed == len(sources) and not problems and not missing
    wall = time.perf_counter() - wall_start
    own_end, children_end = cpu_now()
    count = len(sources)
    print(f"\npool of {workers}, {count} stories (start-up of the pool included):")
    print(f"  planned and started {started * 1000:7.1f} ms (what the build waits for up front)")
    print(f"  wall                {wall * 1000 / count:7.1f} ms per story ({wall:.1f} s)")
    workers_cpu = children_end - children_start
    print(f"  workers' CPU        {workers_cpu * 1000 / count:7.1f} ms per story")
    print(f"  this process's CPU  {(own_end - own_start) * 1000 / count:7.1f} ms per story")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=13, help="stories (default 13)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source-dir", type=Path, help="use these JPEGs instead")
    parser.add_argument("--pool", type=int, default=0, metavar="WORKERS", help="also time pools")
    parser.add_argument("--steps", action="store_true", help="also profile the serial pass")
    args = parser.parse_args()
    font_dir = ROOT / "data" / "fonts"
    with tempfile.TemporaryDirectory(prefix="images-speed-") as temp:
        work = Path(temp)
        if args.source_dir:
            sources = sorted(args.source_dir.glob("*.jpg"))[: args.photos]
        else:
            sources = []
            for index in range(args.photos):
                path = work / "photos" / f"photo-{index:04d}.jpg"
                make_image(path, index, args.seed)
                sources.append(path)
        serial(sources, work, font_dir, args.steps)
        if args.pool:
            pooled(sources, work, font_dir, args.pool)


if __name__ == "__main__":
    main()
