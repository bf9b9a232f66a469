"""Command line: `python -m hooks.scaffold story|event|heritage SLUG`.

Creates a new story, event or heritage page in all three languages from `templates/`. The
files are valid but full of `TODO(…)` placeholders, which the content check reports as errors
until they are replaced, so a half-written page cannot be published by accident. Existing
files are never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hooks.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from hooks.slugs import slug_from_words
from hooks.validation.project_files import TOOL_ROOT
from hooks.validation.schema import TEMPLATE_KINDS

TEMPLATE_DIR = TOOL_ROOT / "templates"
KINDS = TEMPLATE_KINDS
_SLUG_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


class ScaffoldError(Exception):
    """Why nothing was created, in words for the editor."""


def target_path(kind: str, slug: str, language: str, project_root: Path) -> Path:
    if kind == "story":
        return project_root / "stories" / slug / f"index.{language}.md"
    folder = "events" if kind == "event" else "heritage"
    return project_root / "docs" / folder / f"{slug}.{language}.md"


def _translation_fields(language: str) -> str:
    if language == DEFAULT_LANGUAGE:
        return "translation: original"
    return (
        "translation: unreviewed\n"
        'translator: "TODO(translator): who translated this version"\n'
        "# credit_language: en  (only when the credits are written in another language than\n"
        "#                       this page, e.g. an English credit on a Romani page)"
    )


def render_template(kind: str, slug: str, language: str) -> str:
    template = (TEMPLATE_DIR / f"{kind}.md").read_text(encoding="utf-8")
    # Plain replacement rather than str.format: the templates may contain other braces.
    return (
        template.replace("{slug}", slug)
        .replace("{lang}", language)
        .replace("{translation_fields}", _translation_fields(language))
    )


def validate_slug(slug: str) -> None:
    if (
        not slug
        or not set(slug) <= _SLUG_CHARACTERS
        or slug.startswith("-")
        or slug.endswith("-")
        or "--" in slug
    ):
        suggestion = slug_from_words(slug)
        guess = f" Did you mean `{suggestion}`?" if suggestion and suggestion != slug else ""
        raise ScaffoldError(
            f"`{slug}` cannot be used in a web address: use lowercase Latin letters, digits and "
            f"single hyphens, e.g. anna-rudevica or roma-day-2026.{guess} The address is public: "
            "put a person's name or town in it only if they agreed to show it."
        )


def scaffold(kind: str, slug: str, project_root: Path) -> list[Path]:
    """Create the three language versions; raises ScaffoldError and creates nothing if any
    of them already exists."""
    if kind not in KINDS:
        raise ScaffoldError(f"Unknown content type `{kind}`: use one of {', '.join(KINDS)}.")
    validate_slug(slug)
    targets = {
        language: target_path(kind, slug, language, project_root) for language in LANGUAGE_CODES
    }
    existing = [path for path in targets.values() if path.exists()]
    if existing:
        names = ", ".join(path.relative_to(project_root).as_posix() for path in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise ScaffoldError(f"Nothing was created: {names} already {verb}.")
    rendered = {language: render_template(kind, slug, language) for language in targets}
    for language, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(rendered[language])
    return list(targets.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hooks.scaffold",
        description="Create a new story, event or heritage page in lv, en and rml.",
    )
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("slug", help="name in the web address, e.g. anna-rudevica")
    parser.add_argument("--root", type=Path, default=None, help="project folder")
    options = parser.parse_args(argv)
    root = options.root or (Path.cwd() if (Path.cwd() / "docs").is_dir() else TOOL_ROOT)
    try:
        created = scaffold(options.kind, options.slug, root.resolve())
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path.relative_to(root.resolve()).as_posix()}")
    print("Next: replace every TODO(…) placeholder, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
