"""Which content exists in which language, and which translations still need a review.

`python -m hooks.translation_report [--language lv|en]` prints a Markdown table: one row per
page, story, heritage page or event (its language-neutral path), one column per site language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from hooks.frontmatter import read_front_matter
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, split_language_suffix
from hooks.translations import translation_status
from hooks.validation.project_files import TOOL_ROOT, build_index, classify

MISSING = "missing"


@dataclass(frozen=True)
class Item:
    neutral_path: str  # project-relative, without language: "docs/about.md"
    kind: str  # story, heritage, event or page
    title: str  # in Latvian where there is a Latvian version
    statuses: dict[str, str] = field(default_factory=dict)  # language -> original/reviewed/...

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code in LANGUAGE_CODES if code in self.statuses)

    @property
    def unreviewed(self) -> tuple[str, ...]:
        return tuple(code for code in self.languages if self.statuses[code] == "unreviewed")

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(code for code in LANGUAGE_CODES if code not in self.statuses)


def _neutral(rel: str) -> str:
    directory, _, name = rel.rpartition("/")
    neutral, _ = split_language_suffix(name)
    return f"{directory}/{neutral}" if directory else neutral


def _read_meta(path: Path) -> dict:
    # Only a title and a status are needed: the plain reader, not the checker's line-tracking one.
    try:
        return read_front_matter(path) or {}
    except (OSError, UnicodeDecodeError):
        return {}


def translation_report(project_root: Path) -> list[Item]:
    """One item per piece of content, sorted by path; files in unknown languages are skipped."""
    project_root = Path(project_root)
    grouped: dict[str, dict[str, str]] = {}
    kinds: dict[str, str] = {}
    titles: dict[str, dict[str, str]] = {}
    for rel in build_index(project_root).content:
        place = classify(rel)
        if place.language is None:
            continue  # reported by the content check (unknown language suffix)
        meta = _read_meta(project_root / rel)
        neutral = _neutral(rel)
        grouped.setdefault(neutral, {})[place.language] = translation_status(meta, place.language)
        kinds[neutral] = place.kind
        title = meta.get("title")
        if isinstance(title, str) and title.strip():
            titles.setdefault(neutral, {})[place.language] = title.strip()
    items = []
    for neutral in sorted(grouped):
        names = titles.get(neutral, {})
        title = names.get(DEFAULT_LANGUAGE) or next(iter(names.values()), neutral)
        items.append(Item(neutral, kinds[neutral], title, grouped[neutral]))
    return items


_LABELS = {
    "lv": {
        "heading": "Tulkojumu pārskats",
        "content": "Saturs",
        "original": "✓ oriģināls",
        "reviewed": "✓ pārbaudīts",
        "unreviewed": "⚠ nepārbaudīts",
        MISSING: "— nav",
        "summary": "{items} vienības; {unreviewed} nepārbaudīti tulkojumi; {missing} trūkstoši.",
        "story": "stāsts",
        "heritage": "mantojums",
        "event": "pasākums",
        "page": "lapa",
    },
    "en": {
        "heading": "Translation report",
        "content": "Content",
        "original": "✓ original",
        "reviewed": "✓ reviewed",
        "unreviewed": "⚠ unreviewed",
        MISSING: "— missing",
        "summary": "{items} items; {unreviewed} unreviewed translations; {missing} missing.",
        "story": "story",
        "heritage": "heritage",
        "event": "event",
        "page": "page",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(items: Sequence[Item], language: str = DEFAULT_LANGUAGE) -> str:
    labels = _LABELS.get(language, _LABELS["en"])
    lines = [
        f"# {labels['heading']}",
        "",
        labels["summary"].format(
            items=len(items),
            unreviewed=sum(len(item.unreviewed) for item in items),
            missing=sum(len(item.missing) for item in items),
        ),
        "",
        f"| {labels['content']} | " + " | ".join(LANGUAGE_CODES) + " |",
        "| --- | " + " | ".join("---" for _ in LANGUAGE_CODES) + " |",
    ]
    for item in items:
        statuses = [labels[item.statuses.get(code, MISSING)] for code in LANGUAGE_CODES]
        what = f"{_cell(item.title)} ({labels[item.kind]})<br>`{item.neutral_path}`"
        lines.append(f"| {what} | " + " | ".join(statuses) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hooks.translation_report",
        description="Which content exists in which language, and what still needs review.",
    )
    parser.add_argument("--language", choices=tuple(_LABELS), default=DEFAULT_LANGUAGE)
    parser.add_argument("--root", type=Path, default=None, help="project folder")
    options = parser.parse_args(argv)
    root = options.root or (Path.cwd() if (Path.cwd() / "docs").is_dir() else TOOL_ROOT)
    sys.stdout.write(render_markdown(translation_report(root.resolve()), options.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def only_published_stories(
    items: Sequence[Item], published_titles: Mapping[tuple[str, str], str]
) -> list[Item]:
    """The report as the public site may show it: withheld story versions leave no trace.

    `published_titles` maps (neutral story path, language) to the title of each story version
    the consent gate let through.
    """
    visible = []
    for item in items:
        if item.kind != "story":
            visible.append(item)
            continue
        statuses = {
            language: status
            for language, status in item.statuses.items()
            if (item.neutral_path, language) in published_titles
        }
        if not statuses:
            continue
        first = next(code for code in LANGUAGE_CODES if code in statuses)
        title = published_titles[(item.neutral_path, first)]
        visible.append(replace(item, title=title, statuses=statuses))
    return visible
