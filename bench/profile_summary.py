"""Summaries of a pyinstrument session: where the time goes, by area and by function.

python -m bench.profile_summary SESSION.pyisession
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterator

from pyinstrument.session import Session

PROJECT_MARK = "/hooks/"


def _frames(frame) -> Iterator:
    stack = [frame]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)


def _name(frame) -> str:
    return f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function


def _self_time(frame) -> float:
    return frame.time - sum(child.time for child in frame.children if not child.is_synthetic)


def _area(path: str | None) -> str | None:
    if not path or path.startswith("<"):
        return None  # built-in: counted with its caller
    if PROJECT_MARK in path and "site-packages" not in path:
        return "project hooks (hooks/*.py)"
    if path.endswith(".html"):
        return "Jinja templates (Material + overrides)"
    if "site-packages/" in path:
        package = path.split("site-packages/", 1)[1].split("/", 1)[0]
        return package.removesuffix(".py")
    name = path.rsplit("/", 1)[-1]
    if name == "subprocess.py" or name == "selectors.py":
        return "waiting for subprocesses (Pagefind)"
    return "Python standard library"


def by_area(root) -> dict[str, float]:
    """Self time summed by package / area; built-ins count for the caller's area."""
    totals: dict[str, float] = defaultdict(float)

    def walk(frame, inherited: str) -> None:
        area = _area(frame.file_path) or inherited
        if not frame.is_synthetic:
            totals[area] += max(_self_time(frame), 0.0)
        for child in frame.children:
            walk(child, area)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    walk(root, "other")
    return dict(totals)


def by_function(root) -> dict[tuple[str, str], float]:
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for frame in _frames(root):
        if frame.is_synthetic:
            continue
        where = f"{frame.file_path_short or frame.file_path}:{frame.line_no}"
        totals[(_name(frame), where)] += max(_self_time(frame), 0.0)
    return dict(totals)


def inclusive(root, matches: Callable[[object], bool]) -> float:
    """Time in frames that match, not counting a match nested inside another."""
    total = 0.0
    stack = [root]
    while stack:
        frame = stack.pop()
        if not frame.is_synthetic and matches(frame):
            total += frame.time
            continue
        stack.extend(frame.children)
    return total


def _is_project(frame) -> bool:
    path = frame.file_path or ""
    return PROJECT_MARK in path and "site-packages" not in path


PHASES: tuple[tuple[str, Callable[[object], bool]], ...] = (
    ("any project hook (outermost hooks/*.py frame)", _is_project),
    ("Jinja Template.render (page templates)", lambda f: _name(f) == "Template.render"),
    ("Markdown.convert", lambda f: _name(f) == "Markdown.convert"),
    ("Pagefind (build_search_index)", lambda f: f.function == "build_search_index"),
    ("content check (check_project)", lambda f: f.function == "check_project"),
    (
        "Environment.get_template (template compile/load)",
        lambda f: _name(f) == "Environment.get_template",
    ),
    ("entry point / plugin loading (EntryPoint.load)", lambda f: _name(f) == "EntryPoint.load"),
    (
        "social cards and images (hooks/images.py, hooks/social_cards.py)",
        lambda f: (f.file_path or "").endswith(("hooks/images.py", "hooks/social_cards.py")),
    ),
    (
        "republish downloads (write_republish_material)",
        lambda f: f.function == "write_republish_material",
    ),
    ("on_page_context (every plugin)", lambda f: f.function == "on_page_context"),
)


def summarize(session_path: str, top: int = 40) -> str:
    session = Session.load(session_path)
    root = session.root_frame(trim_stem=False)
    total = root.time if root is not None else 0.0
    if not total:
        return "(empty profile)\n"
    lines = [f"Total sampled wall time: {total:.2f} s (CPU {session.cpu_time:.2f} s)", ""]
    lines.append("Self time by area (built-ins counted with their caller):")
    for area, seconds in sorted(by_area(root).items(), key=lambda item: -item[1]):
        if seconds >= 0.005 * total:
            lines.append(f"  {100 * seconds / total:5.1f}%  {seconds:7.2f} s  {area}")
    lines += ["", "Inclusive time of selected phases (they overlap):"]
    for label, matches in PHASES:
        seconds = inclusive(root, matches)
        lines.append(f"  {100 * seconds / total:5.1f}%  {seconds:7.2f} s  {label}")
    lines += ["", f"Top {top} functions by self time:"]
    ranked = sorted(by_function(root).items(), key=lambda item: -item[1])[:top]
    for (function, where), seconds in ranked:
        lines.append(f"  {100 * seconds / total:5.1f}%  {seconds:7.3f} s  {function}  {where}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(summarize(sys.argv[1]))
