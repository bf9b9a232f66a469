"""Command line: `python -m hooks.check [PATH ...] [--format text|github|json] [--lang en|lv]`.

Checks the whole project, or only the given files and folders, and prints every problem at
once, sorted by file and line, then a summary. Any error fails the run (so CI and `make check`
fail); warnings and information never do.

Exit status: 0 no errors, 1 errors found, 2 a path on the command line does not exist.

`--lang lv` (`make check LANGUAGE=lv`) prints each problem with its rule's Latvian summary and fix
from `data/rules.lv.yml`, followed by the message about the exact field, value or link, in
Latvian from `check.messages` (every problem the code reports names its text there; only what
another program says, such as the YAML reader's own error, is quoted in English, and a text
missing from the file falls back to the English message). JSON stays English, for programs;
GitHub annotations give the
English message and then the Latvian exact case and rule text, whatever `--lang` says.

On GitHub Actions (GITHUB_ACTIONS=true) it also prints workflow annotations, which GitHub shows
next to the changed lines of a pull request.
"""

from __future__ import annotations

import argparse
import json
import os
import string
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hooks.content_checks import (
    available_cores,
    check_files,
    check_project,
    count_by_severity,
    has_errors,
)
from hooks.languages import LANGUAGE_CODES, split_language_suffix
from hooks.rules import Finding, Wording
from hooks.site_data import rule_texts
from hooks.validation.file_names import misnamed_file_findings
from hooks.validation.project_files import TOOL_ROOT, TreeIndex, build_index, classify

_ANNOTATION_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}

MESSAGE_LANGUAGES = ("en", "lv")
# What is said about a path on the command line that cannot be checked.
_PATH_NOTES = {
    "no_such_path": "{path}: no such file or folder",
    "empty_folder": "{path}: no content files in this folder",
    "not_content": "{path}: not a content file (only .md files in docs/ and stories/ are checked)",
    "versions_left_out": (
        "{path}: compared only with the language versions named; name {others} too, "
        'e.g. PATHS="{pattern}"'
    ),
}
# Most editors read Latvian first; the option is useless if nobody knows it is there.
_IN_LATVIAN_HINT = "Skaidrojumi latviski: make check LANGUAGE=lv"
_NOTHING_CHECKED = (
    "Nothing was checked: no file or folder has that name. Write the path from the "
    'project folder, e.g. make check PATHS="stories/anna-from-talsi".'
)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(item: Finding, explained_in: str | None = "lv") -> str:
    """`::error file=PATH,line=N,title=LRPnnn::message` (warning, notice for the others).

    The English message is followed by the exact case in `explained_in` where it has a text
    for it, then the rule's summary and fix, since most editors read the pull request's
    annotations in Latvian first."""
    level = _ANNOTATION_LEVEL[item.severity]
    message = f"{item.field}: {item.message}" if item.field else item.message
    rule = rule_texts(explained_in)["rules"].get(item.rule_id) if explained_in else None
    if rule and explained_in:
        message += "\n\n"
        translated = translated_message(item.wording, explained_in) if item.wording else None
        if translated:
            message += translated + "\n"
        message += _rule_explanation(rule, _check_texts(explained_in), " ")
    return (
        f"::{level} file={_escape_property(item.path)},line={item.line},"
        f"title={_escape_property(item.rule_id)}::{_escape_data(message)}"
    )


def _check_texts(language: str) -> dict[str, Any]:
    return rule_texts(language)["check"]


def _rule_explanation(rule: dict[str, str], texts: dict[str, Any], separator: str) -> str:
    """The rule's summary and fix, each with its label ("Noteikums:", "Ko darīt:"), so that a
    summary stating the rule ("the date is not in the future") is not read as a description
    of the file."""
    summary = texts["rule"].format(summary=" ".join(rule["summary"].split()))
    fix = " ".join(rule["fix"].split())
    # The wording rules' fixes already start with their own label ("Ieteikums: …").
    if not fix.startswith(texts["suggestion_prefix"]):
        fix = texts["fix"].format(fix=fix)
    return f"{summary}{separator}{fix}"


def translated_message(said: Wording, language: str) -> str | None:
    """The exact case in `language`, from `check.messages` and `check.names`; None when a text
    or a name is missing there, so that the English message is shown instead."""
    texts = _check_texts(language)
    messages, names = texts.get("messages", {}), texts.get("names", {})

    def render(part: Wording) -> str:
        template = " ".join(messages[part.key].split())
        values: dict[str, str] = {}
        for name, value in part.values:
            if isinstance(value, Wording):
                text = render(value)
            elif name in names:
                # A name the code gives in its own terms ("string|array", "story").
                text = f" {names['or']} ".join(names[name][item] for item in value.split("|"))
            else:
                text = value
            if not text:
                # A phrase left out ("under `consent:`" at the top level) takes its space along.
                template = template.replace(" {" + name + "}", "{" + name + "}")
            values[name] = text
        return template.format(**values).strip()

    try:
        return render(said)
    except (KeyError, IndexError, ValueError):
        return None


def wording_keys(template: str) -> set[str]:
    """The `{values}` a translated text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def format_finding(item: Finding, language: str = "en") -> str:
    """One problem as an editor reads it: one line in English; in Latvian, the rule's Latvian
    summary and fix on the lines below, then the exact details, in Latvian where there is a
    text for them and in English otherwise."""
    if language == "en":
        return item.format()
    texts = _check_texts(language)
    rule = rule_texts(language)["rules"].get(item.rule_id)
    where = " " + texts["field"].format(field=item.field) if item.field else ""
    lines = [f"{item.path}:{item.line}: {texts['severity'][item.severity]} {item.rule_id}{where}"]
    if rule:
        lines.append("    " + _rule_explanation(rule, texts, "\n    "))
    translated = translated_message(item.wording, language) if item.wording else None
    if translated:
        lines.append("    " + texts["details_translated"].format(message=translated))
    else:
        lines.append("    " + texts["details"].format(message=item.message))
    return "\n".join(lines)


def path_note(kind: str, path: str, language: str = "en", **details: str) -> str:
    template = _PATH_NOTES[kind] if language == "en" else _check_texts(language)[kind]
    return template.format(path=path, **details)


def versions_left_out(chosen: Sequence[str], content: Sequence[str]) -> list[tuple[str, list[str]]]:
    """(a chosen event or story file, its other language versions that were not chosen).

    The checks across versions (LRP049, LRP055, LRP066, LRP071…) compare only the files
    checked together, so a version left out is neither compared nor blamed."""

    def version_group(rel: str) -> tuple[str, str] | None:
        # The same grouping as the comparisons themselves (content_checks, LRP055 and others).
        place = classify(rel)
        return (place.kind, place.neutral_docs_path) if place.kind in ("event", "story") else None

    picked = set(chosen)
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rel in content:
        if (group := version_group(rel)) is not None:
            members[group].append(rel)
    left_out = []
    seen: set[tuple[str, str]] = set()
    for rel in chosen:
        group = version_group(rel)
        if group is None or group in seen:
            continue
        seen.add(group)
        others = sorted(other for other in members[group] if other not in picked)
        if others:
            left_out.append((rel, others))
    return left_out


def _version_pattern(rel: str) -> str:
    directory, _, name = rel.rpartition("/")
    if rel.startswith("stories/"):
        return directory
    neutral = split_language_suffix(name)[0]
    return f"{directory}/{neutral.removesuffix('.md')}.*"


def summary_line(findings: Sequence[Finding], files_checked: int, language: str = "en") -> str:
    counts = count_by_severity(findings)
    if language != "en":
        return _check_texts(language)["summary"].format(files=files_checked, **counts)

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"

    parts = [
        plural(counts["error"], "error"),
        plural(counts["warning"], "warning"),
        plural(counts["info"], "info"),
    ]
    files = f"{files_checked} file{'' if files_checked == 1 else 's'}"
    return f"{', '.join(parts)} in {files} checked."


def _default_root() -> Path:
    cwd = Path.cwd()
    return cwd if (cwd / "docs").is_dir() else TOOL_ROOT


def _collect(
    arguments: Sequence[str], root: Path, index: TreeIndex
) -> tuple[list[Path], list[Finding], list[tuple[str, str]]]:
    """Content files named on the command line; folders are searched for content files.

    Returns the files, the findings on files among them named like Markdown but not `.md`
    (which are not checked, so they must at least be reported), and a note (its kind in
    `_PATH_NOTES`, the argument) for every argument that names neither.
    """
    content = {(root / rel).resolve(): root / rel for rel in index.content}
    misnamed = {(root / item.path).resolve(): item for item in misnamed_file_findings(index)}
    chosen: dict[Path, Path] = {}
    reported: dict[Path, Finding] = {}
    notes: list[tuple[str, str]] = []
    for argument in arguments:
        path = Path(argument)
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        if absolute in content:
            chosen[absolute] = content[absolute]
        elif absolute in misnamed:
            reported[absolute] = misnamed[absolute]
        elif absolute.is_dir():
            found = {key: value for key, value in content.items() if key.is_relative_to(absolute)}
            stray = {key: item for key, item in misnamed.items() if key.is_relative_to(absolute)}
            if not found and not stray:
                notes.append(("empty_folder", argument))
            chosen.update(found)
            reported.update(stray)
        elif absolute.exists():
            notes.append(("not_content", argument))
        else:
            notes.append(("no_such_path", argument))
    return sorted(chosen.values()), list(reported.values()), notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hooks.check",
        description="Check content files (front matter, links, consent, wording) for editors.",
    )
    parser.add_argument("paths", nargs="*", help="files or folders (default: the whole project)")
    parser.add_argument("--format", choices=("text", "github", "json"), default="text")
    parser.add_argument("--root", type=Path, default=None, help="project folder")
    parser.add_argument(
        "--lang",
        default="en",
        help="language of the text output: en (default) or lv (the rules' Latvian texts)",
    )
    options = parser.parse_args(argv)
    if options.lang not in MESSAGE_LANGUAGES:
        if options.lang not in LANGUAGE_CODES:
            parser.error(
                f"LANGUAGE={options.lang} is not a language of the check: write LANGUAGE=lv for "
                "Latvian, or leave LANGUAGE out for English"
            )
        # A language of the site whose check texts nobody has written yet (Romani): the check
        # still runs, in English, rather than stopping an editor who asked for their language.
        print(
            f"LANGUAGE={options.lang}: the check's texts are not written in this language yet, "
            "so it speaks English (LANGUAGE=lv for Latvian).",
            file=sys.stderr,
        )
        options.lang = "en"

    root = (options.root or _default_root()).resolve()
    usage_problem = False
    if options.paths:
        index = build_index(root)
        files, misnamed, notes = _collect(options.paths, root, index)
        for kind, argument in notes:
            print(path_note(kind, argument, options.lang), file=sys.stderr)
        # A mistyped path must not pass silently as "nothing wrong".
        usage_problem = any(kind == "no_such_path" for kind, _ in notes)
        named = [file.relative_to(root).as_posix() for file in files]
        for rel, others in versions_left_out(named, index.content):
            print(
                path_note(
                    "versions_left_out",
                    rel,
                    options.lang,
                    others=", ".join(others),
                    pattern=_version_pattern(rel),
                ),
                file=sys.stderr,
            )
        findings = sorted([*check_files(files, root, jobs=available_cores()), *misnamed])
        files_checked = len(files) + len(misnamed)
    else:
        index = build_index(root)
        findings = check_project(root, jobs=available_cores(), index=index)
        files_checked = len(index.content)

    if options.format == "json":
        print(
            json.dumps(
                {
                    "findings": [item.as_dict() for item in findings],
                    "counts": count_by_severity(findings),
                    "files_checked": files_checked,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif options.format == "github":
        for item in findings:
            print(github_annotation(item))
    else:
        for item in findings:
            print(format_finding(item, options.lang))
        if findings and options.lang != "en" and rule_texts(options.lang)["review"] != "reviewed":
            print(" ".join(_check_texts(options.lang)["draft"].split()))
    language = options.lang if options.format == "text" else "en"
    if options.format != "json" and usage_problem and files_checked == 0:
        # "0 errors in 0 files" reads like a pass.
        if language == "en":
            print(_NOTHING_CHECKED)
        else:
            print(" ".join(_check_texts(language)["nothing_checked"].split()))
    elif options.format != "json":
        print(summary_line(findings, files_checked, language))
        if findings and options.format == "text" and language == "en":
            print(_IN_LATVIAN_HINT)
    if os.environ.get("GITHUB_ACTIONS") == "true" and options.format != "github":
        # After JSON, annotations go to stderr so that stdout stays one JSON document; the
        # Actions runner reads workflow commands from both.
        stream = sys.stderr if options.format == "json" else sys.stdout
        for item in findings:
            print(github_annotation(item), file=stream)
    if has_errors(findings):
        return 1
    return 2 if usage_problem else 0


if __name__ == "__main__":
    sys.exit(main())
