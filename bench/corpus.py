"""A deterministic synthetic project for the benchmark: a copy of the site with N stories.

`make_project(destination, stories, seed, image_pool)` copies what the build reads (mkdocs.yml,
docs/, overrides/, data/, schemas/, templates/) and replaces stories/ with N generated stories,
each in lv, en and rml with the project's real front matter (consent active for all three
languages, photos and republication allowed, review far in the future), about 300 words of text
per language, themes and regions taken from data/themes.yml and data/regions.yml, and one
generated 1600x1067 JPEG.

Story i depends only on (seed, i), so the corpus of 100 stories is the first 100 stories of the
corpus of 300, and its photos can be shared (hard-linked) from `image_pool`.
"""

from __future__ import annotations

import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs.yml", "docs", "overrides", "data", "schemas", "templates")
LANGUAGES = ("lv", "en", "rml")
IMAGE_SIZE = (1600, 1067)
# The build date is pinned (SOURCE_DATE_EPOCH 1790000000 = 2026-09-21); every date in the
# corpus lies before it, and consent reviews lie far after both it and the real today.
FIRST_DATE = date(2023, 1, 1)
LAST_DATE = date(2026, 9, 1)
REVIEW_BY = "2099-01-01"


def _words(text: str) -> list[str]:
    return text.split()


# Neutral vocabulary, free of the words the terminology rules flag (data/terminology.yml).
WORDS = {
    "lv": _words(
        "ģimene māja skola mūzika dziesma vectēvs vecmāmiņa māte tēvs brālis māsa bērni "
        "pilsēta ciems darbs vasara ziema rudens pavasaris rīts vakars grāmata valoda vārds "
        "stāsts atmiņa svētki galds maize dārzs upe jūra ceļš vilciens draugs kaimiņš skolotāja "
        "ārsts meistars amats kopiena biedrība koncerts vijole ģitāra akordeons klavieres deja "
        "tradīcija paaudze mazbērni kāzas fotogrāfija vēstule avīze radio bibliotēka studijas "
        "universitāte darbnīca tirgus veikals virtuve logs durvis iela laukums baznīca dziedāt "
        "spēlēt mācīties strādāt atcerēties stāstīt klausīties rakstīt lasīt palīdzēt celt "
        "gatavot braukt atgriezties satikt svinēt runāt smieties domāt cerēt sapņot dzīvot "
        "labs silts gaišs kluss skaļš vecs jauns mīļš pacietīgs priecīgs lepns svarīgs bieži "
        "vienmēr reizēm kopā tagad toreiz vēlāk agrāk šodien rīt ļoti daudz mazliet"
    ),
    "en": _words(
        "family home school music song grandfather grandmother mother father brother sister "
        "children town village work summer winter autumn spring morning evening book language "
        "word story memory holiday table bread garden river sea road train friend neighbour "
        "teacher doctor craftsman trade community association concert violin guitar accordion "
        "piano dance tradition generation grandchildren wedding photograph letter newspaper "
        "radio library studies university workshop market shop kitchen window door street "
        "square church sing play learn work remember tell listen write read help build cook "
        "drive return meet celebrate speak laugh think hope dream live good warm bright quiet "
        "loud old young dear patient happy proud important often always sometimes together "
        "now then later earlier today tomorrow very many little"
    ),
    "rml": _words(
        "familija kher sikljaripen muzika gili papo baba daj dad phral phen čhave foro gav "
        "butji linaj jevend tomnije bersh detehara rat liloro čhib lav historija leperipen "
        "patjiv skamind manro bar len deriav drom trajno amal pašutno sikljarno doktori "
        "meštro khetanipen koncerto vijolin gitara akordeon klavira khelipen tradicija pokolenija "
        "unuki bijav fotografija lil gazeta radijo biblioteka universiteto bazaro magazino "
        "kuchnja vudar ulica plošča khangiri te gilavel te bašavel te sikljol te kerel te "
        "leperel te phenel te šunel te ramol te drabarel te pomožinel te gatavel te avel "
        "te dikhel te khelel te vakerel te asal te gindil te dživel lačho tato parno bari "
        "phuro terno kamlo baxtalo barvalo zuralo sajekh khetane akana palo angle adjes "
        "tasja but cera"
    ),
}
NAMES = _words(
    "Anna Ilona Jānis Marija Pēteris Rūta Aleksandrs Vera Nikolajs Olga Dainis Laura Kārlis "
    "Zane Viktors Inese Rasma Artūrs Ligita Edgars Sandra Valdis Baiba Normunds Diāna Oskars"
)
TOWNS = ("Talsi", "Tukums", "Jelgava", "Rēzekne", "Ventspils", "Valmiera", "Daugavpils", "Sabile")
HEADINGS = {
    "lv": ("Bērnība", "Darbs un ģimene", "Mūzika mājās", "Ko es vēlos pateikt", "Atmiņas"),
    "en": ("Childhood", "Work and family", "Music at home", "What I want to say", "Memories"),
    "rml": ("Čhavoripen", "Butji i familija", "Muzika khere", "So kamav te phenav", "Leperipen"),
}
TITLES = {
    "lv": "{name} stāsta par {word}",
    "en": "{name} on {word}",
    "rml": "{name} vakerel pal {word}",
}
AUTHORS = {
    "lv": "Latvijas romu platformas redakcija",
    "en": "Latvian Roma Platform editorial team",
    "rml": "Latvijakiri romani platformakiri redakcija",
}
ALT = {
    "lv": "Abstrakts zīmējums ar krāsainiem laukumiem ({n}. ilustrācija).",
    "en": "An abstract drawing of coloured shapes (illustration {n}).",
    "rml": "Abstraktno malipen (ilustracija {n}).",
}


def _sentence(rng: random.Random, words: list[str], low: int = 8, high: int = 16) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _body(rng: random.Random, language: str, name: str, target_words: int = 300) -> str:
    words = WORDS[language]
    headings = list(HEADINGS[language])
    rng.shuffle(headings)
    parts: list[str] = []
    count = 0
    paragraph_number = 0
    while count < target_words:
        if paragraph_number in (2, 5):
            parts.append("## " + headings[paragraph_number // 3])
        sentences = [_sentence(rng, words) for _ in range(rng.randint(3, 5))]
        if paragraph_number == 0:
            sentences.insert(0, f"{name} — {sentences.pop(0)}")
        paragraph = " ".join(sentences)
        if paragraph_number == 3:
            paragraph = "> " + paragraph
        parts.append(paragraph)
        count += len(paragraph.split())
        paragraph_number += 1
    return "\n\n".join(parts) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def story_files(index: int, seed: int, themes: list[str], regions: list[str]) -> dict[str, str]:
    """The three language versions of story `index`: {language: file text}."""
    rng = random.Random(f"{seed}:{index}")
    slug = f"bench-story-{index:04d}"
    name = rng.choice(NAMES)
    published = FIRST_DATE + timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days))
    consent_date = published - timedelta(days=rng.randint(1, 60))
    story_themes = rng.sample(themes, rng.randint(1, 3))
    shown = rng.choice(("region", "region", "town", "none"))
    region = rng.choice(regions)
    naming = rng.choice(("first_name", "pseudonym", "real"))
    place_lines = ["place:"]
    if shown == "town":
        place_lines.append(f"  town: {rng.choice(TOWNS)}")
    if shown != "none":
        place_lines.append(f"  region: {region}")
    place_lines.append(f"  shown: {shown}")
    files = {}
    for language in LANGUAGES:
        text_rng = random.Random(f"{seed}:{index}:{language}")
        words = WORDS[language]
        title = TITLES[language].format(name=name, word=text_rng.choice(words))
        summary = _sentence(text_rng, words, 12, 20)
        translation = (
            "translation: original\n"
            if language == "lv"
            else f"translation: unreviewed\ntranslator: {_quoted('Benchmark Translator')}\n"
        )
        front = "\n".join(
            [
                "---",
                f"title: {_quoted(title)}",
                f"summary: {_quoted(summary)}",
                f"date: {published.isoformat()}",
                f"themes: [{', '.join(story_themes)}]",
                *place_lines,
                "person:",
                f"  name: {_quoted(name)}",
                f"  naming: {naming}",
                "consent:",
                f'  ref: "LRP-2026-{index + 1:04d}"',
                f"  date: {consent_date.isoformat()}",
                f"  review_by: {REVIEW_BY}",
                "  status: active",
                "  languages: [lv, en, rml]",
                "  photos: true",
                "  republication: true",
                "licence: CC-BY-4.0",
                "credits:",
                f"  author: {_quoted(AUTHORS[language])}",
                "images:",
                "  - file: photo.jpg",
                f"    alt: {_quoted(ALT[language].format(n=index + 1))}",
                f"    credit: {_quoted(AUTHORS[language])}",
                "    licence: CC-BY-4.0",
                translation.rstrip("\n"),
                "---",
                "",
            ]
        )
        files[language] = front + "\n" + _body(text_rng, language, name)
    return {"slug": slug, **files}


def make_image(path: Path, index: int, seed: int) -> None:
    """A 1600x1067 JPEG of random shapes and grain, different for every index."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(f"{seed}:image:{index}")
    width, height = IMAGE_SIZE
    small = Image.new("RGB", (16, 11))
    small.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(16 * 11)])
    image = small.resize(IMAGE_SIZE, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(25, 45)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1 = x0 + rng.randint(40, 600)
        y1 = y0 + rng.randint(40, 400)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "ellipse":
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif shape == "rectangle":
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            points = [(rng.randrange(width), rng.randrange(height)) for _ in range(3)]
            draw.polygon(points, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(2))
    grain = Image.effect_noise(IMAGE_SIZE, 24).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=88)


def _link_or_copy(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def copy_site_sources(destination: Path, source_root: Path = PROJECT_ROOT) -> None:
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.is_file():
            shutil.copy2(source, destination / name)


def make_project(
    destination: Path, stories: int, seed: int, image_pool: Path, source_root: Path = PROJECT_ROOT
) -> dict:
    """Write the synthetic project into `destination` (which must not exist yet)."""
    copy_site_sources(destination, source_root)
    themes = list(yaml.safe_load((destination / "data/themes.yml").read_text("utf-8")))
    regions = list(yaml.safe_load((destination / "data/regions.yml").read_text("utf-8")))
    stories_dir = destination / "stories"
    shutil.rmtree(stories_dir, ignore_errors=True)
    image_bytes = 0
    for index in range(stories):
        files = story_files(index, seed, themes, regions)
        folder = stories_dir / files["slug"]
        folder.mkdir(parents=True)
        for language in LANGUAGES:
            (folder / f"index.{language}.md").write_text(files[language], encoding="utf-8")
        pooled = image_pool / f"photo-{index:04d}.jpg"
        if not pooled.exists():
            make_image(pooled, index, seed)
        _link_or_copy(pooled, folder / "photo.jpg")
        image_bytes += pooled.stat().st_size
    return {
        "stories": stories,
        "story_files": stories * len(LANGUAGES),
        "image_mb": round(image_bytes / 1024 / 1024, 1),
        "slugs": [f"bench-story-{index:04d}" for index in range(stories)],
    }


def drop_events(project: Path) -> list[str]:
    """Delete the copied event pages (not the index pages); returns what was deleted."""
    removed = []
    for path in sorted((project / "docs" / "events").glob("*.md")):
        if not path.name.startswith("index."):
            path.unlink()
            removed.append(path.name)
    return removed
