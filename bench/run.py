"""Build-performance benchmark: `.venv/bin/python -m bench.run [--sizes 100,300,1000]`.

For each size N it generates a synthetic copy of the project with N stories in lv, en and rml
(see bench/corpus.py), then measures, one build at a time:

  cold      full `mkdocs build --strict` with no .cache (every photo and social card rendered)
  warm      the same build again into an empty site folder, image and card caches kept
  nohooks   the same pages built without the project's plugin (see bench/README.md)
  check     `python -m hooks.check` over the copy
  weights   gzip transfer weight of a story page and a listing page (images blocked), and the
            bytes a first search on /en/search/ fetches from /pagefind/ (Chromium)
  serve     `mkdocs serve`: seconds from saving a story (and a page in docs/) to the served page
            showing the change

and writes bench/results.json (a list of runs) and a summary table. See bench/README.md.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus, goals, serve, weights  # noqa: E402

# What `make serve LANGUAGE=…` adds to `mkdocs serve` (keep in step with the Makefile).
PREVIEW_SERVE_OPTIONS = ("--dirty", "--no-strict")

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
MEASURE = BENCH_DIR / "_measure.py"
PINNED_EPOCH = "1790000000"  # 2026-09-21, as in tests/sitebuild.py
SITE_URL = "https://romu-platforma.example.org/"
SEARCH_QUERY = "music"
DEFAULT_SEED = 20260921


# The project's code as it was when the run started (see snapshot_code); None: the live tree.
CODE_SNAPSHOT: Path | None = None
SNAPSHOT_MACHINE: dict | None = None  # machine(), including the git state, at snapshot time
SNAPSHOT_PARTS = ("hooks", *corpus.COPIED)


def snapshot_code(destination: Path) -> Path:
    """Copy the code and site sources once, so that every size builds the same project.

    hooks/ and what it reads relative to itself (schemas/, data/, templates/), and what the
    corpus copies (mkdocs.yml, docs/, overrides/). Builds run with PYTHONPATH pointing here,
    which comes before the editable install (their working folder holds no hooks/), so edits
    made to the project while the benchmark runs do not mix into its results.
    """
    destination.mkdir(parents=True)
    for name in SNAPSHOT_PARTS:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.is_file():
            shutil.copy2(source, destination / name)
    return destination


def build_env() -> dict[str, str]:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": PINNED_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": SITE_URL,
    }
    if CODE_SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(CODE_SNAPSHOT), os.environ.get("PYTHONPATH")])
        )
    return env


def count_pages(site_dir: Path) -> int:
    """Pages a visitor can open: index.html and 404.html, outside pagefind/ and assets/."""
    count = 0
    for path in site_dir.rglob("*.html"):
        if path.name not in {"index.html", "404.html"}:
            continue
        if path.relative_to(site_dir).parts[0] in {"pagefind", "assets"}:
            continue
        count += 1
    return count


def machine_cpu() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return (0.0, 0.0)
    ticks = [int(value) for value in fields]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (ticks + [0] * 8)[:8]
    hertz = os.sysconf("SC_CLK_TCK")
    return ((user + nice + system + irq + softirq) / hertz, steal / hertz)


def measured(command: list[str], out: Path, log: Path, cwd: Path) -> dict:
    """Run `command` (arguments for bench/_measure.py) in a fresh process; its usage as a dict.

    `other_cpu_s` is CPU time the rest of the machine used meanwhile (from /proc/stat): when it
    is large, something else competed for the 2 cores and wall times are inflated.
    """
    busy_before, steal_before = machine_cpu()
    with log.open("w", encoding="utf-8") as handle:
        completed = subprocess.run(
            [sys.executable, str(MEASURE), str(out), *command],
            cwd=cwd, env=build_env(), stdout=handle, stderr=subprocess.STDOUT, check=False,
        )  # fmt: skip
    busy_after, steal_after = machine_cpu()
    usage = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {"status": -1}
    usage["exit"] = completed.returncode
    if "cpu_s" in usage:
        usage["other_cpu_s"] = round(max(0.0, busy_after - busy_before - usage["cpu_s"]), 2)
        usage["steal_s"] = round(steal_after - steal_before, 2)
    return usage


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def settle_file_system() -> bool:
    """Write out and drop the kernel's file caches before a measured run, where allowed.

    On this VM, creating files gets slower with every large folder created and deleted before
    (10,000 small files: 0.9 s of system CPU at first, 9 s after three rounds), until the
    caches are dropped. Without this, the system CPU of a build depended on how many builds
    ran before it, not on the build. True when the caches were dropped.
    """
    os.sync()
    try:
        DROP_CACHES.write_text("3\n", encoding="ascii")
    except OSError:
        return False
    return True


def mkdocs_build(project: Path, site: Path, out: Path, log: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    out.unlink(missing_ok=True)
    dropped = settle_file_system()
    usage = measured(
        ["-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        out, log, project,
    )  # fmt: skip
    usage["pages"] = count_pages(site) if site.is_dir() else 0
    usage["dropped_caches"] = dropped
    return usage


def _tail(log: Path, lines: int = 25) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


class BuildFailed(RuntimeError):
    pass


def require_ok(usage: dict, log: Path, what: str) -> None:
    if usage.get("exit") != 0:
        raise BuildFailed(f"{what} failed (exit {usage.get('exit')}); end of {log}:\n{_tail(log)}")


# -- the build without the project's hooks -----------------------------------------------------

_TEMPLATE_RE = re.compile(r"^template:\s*['\"]?([^'\"\s]+)", re.MULTILINE)


def make_nohooks_project(project: Path, destination: Path) -> dict:
    """The same Markdown built by MkDocs + Material + mkdocs-static-i18n alone.

    - mkdocs.yml without `- lrp` (lrp-rml-locale and i18n stay, same markdown extensions);
    - stories moved into docs/stories/<slug>/index.<lang>.md so that MkDocs builds them as
      ordinary pages (the plugin normally adds them); photos are not copied (without the
      plugin nothing references them);
    - `custom_dir: overrides` replaced by a folder holding only what Material needs to render
      this content: the Romani language partial (a copy of Material's English one) and, for
      every `template:` the pages name, a stub that extends Material's main.html.

    Without the plugin there is no content check, no story listings (theme/region pages), no
    editors' pages, no social cards, images, feeds, republish downloads, sitemap merge or
    Pagefind index, and pages render with Material's own templates.
    """
    import material

    destination.mkdir(parents=True)
    shutil.copytree(project / "docs", destination / "docs")
    for story in sorted((project / "stories").iterdir()):
        target = destination / "docs" / "stories" / story.name
        target.mkdir(parents=True)
        for markdown in story.glob("*.md"):
            shutil.copy2(markdown, target / markdown.name)
    overrides = destination / "overrides-baseline"
    languages = overrides / "partials" / "languages"
    languages.mkdir(parents=True)
    material_templates = Path(material.__file__).parent / "templates"
    shutil.copy2(material_templates / "partials/languages/en.html", languages / "rml.html")
    templates = set()
    for markdown in (destination / "docs").rglob("*.md"):
        head = markdown.read_text(encoding="utf-8")[:2000]
        templates.update(_TEMPLATE_RE.findall(head))
    stubs = sorted(t for t in templates if not (material_templates / t).exists())
    for name in stubs:
        stub = overrides / name
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config, removed = re.subn(r"^\s*- lrp\s*$\n?", "", config, flags=re.MULTILINE)
    config, replaced = re.subn(
        r"^(\s*custom_dir:\s*)overrides\s*$", r"\1overrides-baseline", config, flags=re.MULTILINE
    )
    if removed != 1 or replaced != 1:
        raise BuildFailed("mkdocs.yml changed shape: cannot remove `- lrp` / `custom_dir`")
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    # `watch:` paths must exist for the configuration to load; they matter only to `serve`.
    created = []
    block = re.search(r"^watch:\s*\n((?:[ \t]+-[^\n]*\n?)+)", config, flags=re.MULTILINE)
    for item in re.findall(r"-\s*['\"]?([^'\"\s#]+)", block.group(1) if block else ""):
        if not (destination / item).exists():
            (destination / item).mkdir(parents=True)
            created.append(item)
    return {"template_stubs": stubs, "empty_watch_dirs": created}


# -- one size -------------------------------------------------------------------------------------


def run_size(stories: int, args: argparse.Namespace, work: Path, pool: Path) -> dict:
    root = work / f"n{stories}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    project = root / "project"
    site = root / "site"
    logs = root / "logs"
    logs.mkdir()
    notes: list[str] = []
    run: dict = {"stories": stories}
    at_start = SNAPSHOT_MACHINE or machine()  # the code state the sizes were built with

    print(f"\n== N={stories}: generating the corpus", flush=True)
    started = time.perf_counter()
    info = corpus.make_project(project, stories, args.seed, pool, CODE_SNAPSHOT or PROJECT_ROOT)
    run["generate_s"] = round(time.perf_counter() - started, 1)
    run["story_files"] = info["story_files"]
    run["source_images_mb"] = info["image_mb"]
    event_files = sorted(
        p.name for p in (project / "docs/events").glob("*.md") if not p.name.startswith("index.")
    )
    run["event_files"] = len(event_files)

    print(f"== N={stories}: cold build", flush=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = mkdocs_build(project, site, logs / "cold.json", logs / "cold.log")
    if cold.get("exit") != 0 and event_files:
        dropped = corpus.drop_events(project)
        notes.append(
            f"the build failed with the copied docs/events; deleted {len(dropped)} event files "
            f"and built again (first failure in {logs / 'cold-with-events.log'})"
        )
        shutil.move(logs / "cold.log", logs / "cold-with-events.log")
        run["event_files"] = 0
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = mkdocs_build(project, site, logs / "cold.json", logs / "cold.log")
    require_ok(cold, logs / "cold.log", "cold build")

    # Warm builds with and without the hooks take turns, so that a slow spell of this VM (its
    # CPU speed drifts by a fifth from minute to minute) weighs on both sides of the share.
    print(f"== N={stories}: warm builds, with and without the project's hooks", flush=True)
    baseline = root / "nohooks"
    nohooks_info = make_nohooks_project(project, baseline)
    warm = nohooks = None
    for turn in range(args.repeat):
        suffix = str(turn) if turn else ""
        again = mkdocs_build(project, site, logs / f"warm{suffix}.json", logs / f"warm{suffix}.log")
        require_ok(again, logs / f"warm{suffix}.log", "warm build")
        if warm is None or again["cpu_s"] < warm["cpu_s"]:
            warm = again
        again = mkdocs_build(
            baseline, root / "site-nohooks", logs / f"nohooks{suffix}.json",
            logs / f"nohooks{suffix}.log",
        )  # fmt: skip
        require_ok(again, logs / f"nohooks{suffix}.log", "build without hooks")
        if nohooks is None or again["cpu_s"] < nohooks["cpu_s"]:
            nohooks = again
    assert warm is not None and nohooks is not None
    pages = warm["pages"]

    # The same build with only the photo and card caches kept: every page converted from
    # Markdown, every republish copy made and the search index built again, as when every
    # story has changed.
    print(f"== N={stories}: warm build, every page converted and indexed again", flush=True)
    (project / ".cache" / "kept-results.pickle").unlink(missing_ok=True)
    shutil.rmtree(project / ".cache" / "pagefind", ignore_errors=True)
    converted = mkdocs_build(project, site, logs / "converted.json", logs / "converted.log")
    require_ok(converted, logs / "converted.log", "warm build without the page cache")

    if args.profile == stories:
        profile(project, root, logs)

    shutil.rmtree(root / "site-nohooks", ignore_errors=True)

    print(f"== N={stories}: content check", flush=True)
    settle_file_system()
    check = measured(
        ["--", sys.executable, "-m", "hooks.check", "--format", "json"],
        logs / "check.json", logs / "check.log", project,
    )  # fmt: skip
    findings = _check_counts(logs / "check.log")
    if check.get("exit") != 0:
        notes.append(f"hooks.check exited {check.get('exit')}: {findings}")

    slug = info["slugs"][0]
    weight = None
    if not args.no_browser:
        print(f"== N={stories}: page weights and first search (Chromium)", flush=True)
        weight = weights.measure(
            site, f"en/stories/{slug}/", "en/stories/", "en/search/", SEARCH_QUERY
        )
        (root / "weights.json").write_text(json.dumps(weight, indent=2), encoding="utf-8")

    served = None
    if not args.no_serve and (args.serve_sizes is None or stories in args.serve_sizes):
        print(f"== N={stories}: mkdocs serve, edit to reload", flush=True)
        build_wall = warm["wall_s"]
        served = serve.measure_reload(
            project,
            build_env(),
            logs / "serve.log",
            [
                ("story", project / "stories" / slug / "index.en.md", f"en/stories/{slug}/"),
                ("page", project / "docs" / "about.en.md", "en/about/"),
            ],
            start_timeout=max(120.0, 6 * build_wall),
            reload_timeout=max(60.0, 6 * build_wall),
        )
        # The documented fast preview: `make serve LANGUAGE=en` builds only English in full.
        previewed = serve.measure_reload(
            project,
            {**build_env(), "LRP_PREVIEW_LANGUAGE": "en"},
            logs / "serve-preview.log",
            [("story", project / "stories" / slug / "index.en.md", f"en/stories/{slug}/")],
            start_timeout=max(120.0, 6 * build_wall),
            reload_timeout=max(60.0, 6 * build_wall),
            extra_args=PREVIEW_SERVE_OPTIONS,
        )
        served["preview_story_reload_s"] = previewed["edits"].get("story", {}).get("reload_s")

    if served and served["edits"].get("story", {}).get("detected") is False:
        notes.append(
            "mkdocs serve did not notice the edited story (it watches only "
            f"{served.get('watched')}): a story edit never reloads; serve_reload_s is null and "
            "serve_page_reload_s times an edit of docs/about.en.md instead"
        )
    warm_cpu = warm["cpu_s"]
    nohooks_cpu = nohooks["cpu_s"]
    story_reload = served["edits"].get("story", {}) if served else {}
    page_reload = served["edits"].get("page", {}) if served else {}
    run.update(
        {
            "pages": pages,
            "cpu_ms_per_page": round(1000 * warm_cpu / pages, 1),
            "cold_wall_s": round(cold["wall_s"], 2),
            "wall_s": round(warm["wall_s"], 2),
            "peak_rss_mb": round(max(cold["peak_rss_mb"], warm["peak_rss_mb"]), 1),
            "hooks_share": round((warm_cpu - nohooks_cpu) / warm_cpu, 3),
            "check_s": round(check["wall_s"], 2),
            "story_page_gzip_kb": weight["story"]["total_gzip_kb"] if weight else None,
            "first_search_kb": weight["search"]["pagefind_kb"] if weight else None,
            "serve_reload_s": story_reload.get("reload_s"),
            "serve_preview_reload_s": served.get("preview_story_reload_s") if served else None,
            # -- details
            "cold_cpu_s": round(cold["cpu_s"], 2),
            "cold_cpu_ms_per_page": round(1000 * cold["cpu_s"] / cold["pages"], 1),
            "cold_subprocess_cpu_s": round(cold["children"]["cpu_s"], 2),
            "warm_cpu_s": round(warm_cpu, 2),
            "warm_python_cpu_s": round(warm["self"]["cpu_s"], 2),
            "warm_subprocess_cpu_s": round(warm["children"]["cpu_s"], 2),
            "warm_user_cpu_s": round(warm["self"]["user_s"] + warm["children"]["user_s"], 2),
            "warm_system_cpu_s": round(warm["self"]["sys_s"] + warm["children"]["sys_s"], 2),
            "converted_cpu_s": round(converted["cpu_s"], 2),
            "converted_cpu_ms_per_page": round(1000 * converted["cpu_s"] / converted["pages"], 1),
            "converted_wall_s": round(converted["wall_s"], 2),
            "converted_hooks_share": round(
                (converted["cpu_s"] - nohooks_cpu) / converted["cpu_s"], 3
            ),
            "dropped_caches_before_builds": all(
                build.get("dropped_caches") for build in (cold, warm, converted, nohooks)
            ),
            "warm_peak_rss_mb": round(warm["peak_rss_mb"], 1),
            "cold_peak_rss_mb": round(cold["peak_rss_mb"], 1),
            "nohooks_pages": nohooks["pages"],
            "nohooks_cpu_s": round(nohooks_cpu, 2),
            "nohooks_wall_s": round(nohooks["wall_s"], 2),
            "nohooks_cpu_ms_per_page": round(1000 * nohooks_cpu / nohooks["pages"], 1),
            "hooks_share_per_page": round(
                1 - (nohooks_cpu / nohooks["pages"]) / (warm_cpu / pages), 3
            ),
            "nohooks_template_stubs": nohooks_info["template_stubs"],
            "nohooks_empty_watch_dirs": nohooks_info["empty_watch_dirs"],
            "other_cpu_s_during": {
                "cold": cold.get("other_cpu_s"),
                "warm": warm.get("other_cpu_s"),
                "nohooks": nohooks.get("other_cpu_s"),
                "check": check.get("other_cpu_s"),
            },
            "steal_s_during": {
                "cold": cold.get("steal_s"),
                "warm": warm.get("steal_s"),
                "nohooks": nohooks.get("steal_s"),
            },
            "check_cpu_s": round(check["children"]["cpu_s"], 2),
            "check_findings": findings,
            "story_page_html_gzip_kb": weight["story"]["html_gzip_kb"] if weight else None,
            "listing_page_gzip_kb": weight["listing"]["total_gzip_kb"] if weight else None,
            "listing_page_html_gzip_kb": weight["listing"]["html_gzip_kb"] if weight else None,
            "page_weight_by_kind_kb": {
                "story": weight["story"]["by_kind_kb"],
                "listing": weight["listing"]["by_kind_kb"],
            }
            if weight
            else None,
            "first_search_after_typing_kb": weight["search"]["pagefind_after_typing_kb"]
            if weight
            else None,
            "first_search_requests": weight["search"]["requests"] if weight else None,
            "serve_story_edit_detected": story_reload.get("detected"),
            "serve_page_reload_s": page_reload.get("reload_s"),
            "serve_first_build_s": served.get("first_build_s") if served else None,
            "serve_watched": served.get("watched") if served else None,
            "notes": notes,
            "machine": at_start,
        }
    )
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return run


def _check_counts(log: Path) -> dict:
    text = log.read_text(encoding="utf-8", errors="replace")
    start = text.find("{")
    try:
        return json.loads(text[start:])["counts"]
    except (ValueError, KeyError):
        return {"unreadable": _tail(log, 5)}


def profile(project: Path, root: Path, logs: Path) -> None:
    """pyinstrument over one more warm build; the text report goes to bench/profile-<N>.txt."""
    stories = int(root.name.lstrip("n"))
    report = BENCH_DIR / f"profile-{stories}.txt"
    session = root / "profile.pyisession"
    site = root / "site-profile"
    print(f"== N={stories}: profiling a warm build with pyinstrument", flush=True)
    command = [
        sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session),
        "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site),
    ]  # fmt: skip
    with (logs / "profile.log").open("w", encoding="utf-8") as handle:
        done = subprocess.run(
            command, cwd=project, env=build_env(), stdout=handle, stderr=subprocess.STDOUT,
            check=False,
        )  # fmt: skip
    shutil.rmtree(site, ignore_errors=True)
    if done.returncode != 0:
        print(f"   profiling failed: see {logs / 'profile.log'}", flush=True)
        return
    render = [sys.executable, "-m", "pyinstrument", f"--load={session}", "-r", "text",
              "--no-color", "--unicode"]  # fmt: skip
    tree = subprocess.run(render, capture_output=True, text=True, check=True).stdout
    from bench.profile_summary import summarize

    header = (
        f"pyinstrument (wall-clock sampling) of a warm `mkdocs build --strict` of the {stories}-"
        "story benchmark corpus\n(image and card caches warm; run by `python -m bench.run "
        f"--profile {stories}`). Pagefind runs as a subprocess: its time shows up as waiting in "
        "subprocess.run.\n\n== Summary ==\n"
    )
    body = header + summarize(str(session)) + "\n== Call tree ==\n" + tree
    report.write_text(body, encoding="utf-8")
    print(f"   wrote {report.relative_to(PROJECT_ROOT)}", flush=True)


def machine() -> dict:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    changed = git("status", "--porcelain", "--", "hooks", "overrides", "mkdocs.yml", "docs")
    return {
        "git_commit": git("rev-parse", "--short", "HEAD"),
        # Files of the build that differed from the commit when the code was snapshot.
        "uncommitted_build_files": len(changed.splitlines()),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "mkdocs-static-i18n": version("mkdocs-static-i18n"),
        "pagefind": version("pagefind"),
        "pillow": version("pillow"),
    }


# -- output ---------------------------------------------------------------------------------------

COLUMNS = (
    ("stories", "N", "{}"),
    ("pages", "pages", "{}"),
    ("cold_wall_s", "cold s", "{:.1f}"),
    ("wall_s", "warm s", "{:.1f}"),
    ("cpu_ms_per_page", "CPU ms/page", "{:.1f}"),
    ("converted_cpu_ms_per_page", "(all converted)", "{:.1f}"),
    ("nohooks_cpu_ms_per_page", "no-hooks ms/page", "{:.1f}"),
    ("hooks_share", "hooks share", "{:.0%}"),
    ("converted_hooks_share", "(all converted)", "{:.0%}"),
    ("peak_rss_mb", "peak RSS MB", "{:.0f}"),
    ("check_s", "check s", "{:.2f}"),
    ("story_page_gzip_kb", "story kB", "{:.1f}"),
    ("story_page_html_gzip_kb", "(HTML)", "{:.1f}"),
    ("listing_page_gzip_kb", "listing kB", "{:.1f}"),
    ("listing_page_html_gzip_kb", "(HTML)", "{:.1f}"),
    ("first_search_kb", "search kB", "{:.1f}"),
    ("serve_reload_s", "serve story s", "{:.1f}"),
    ("serve_page_reload_s", "serve page s", "{:.1f}"),
)


def table(runs: list[dict]) -> str:
    header = [label for _, label, _ in COLUMNS]
    rows = []
    for run in runs:
        row = []
        for key, _, fmt in COLUMNS:
            value = run.get(key)
            row.append("—" if value is None else fmt.format(value))
        rows.append(row)
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [" | ".join(cell.rjust(width) for cell, width in zip(header, widths, strict=True))]
    lines.append("-|-".join("-" * width for width in widths))
    for row in rows:
        lines.append(" | ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000", help="story counts, e.g. 100,300")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="warm and no-hooks builds per size (the least CPU is kept)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=None,
        metavar="N",
        help="also profile a warm build of N stories with pyinstrument",
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium weights")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timing")
    parser.add_argument(
        "--serve-sizes", default=None, help="sizes for the serve timing (default: every size)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where corpora and sites go (default: a new temporary folder)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpora and built sites")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    args.serve_sizes = (
        {int(size) for size in args.serve_sizes.split(",")} if args.serve_sizes else None
    )
    if args.profile is not None and args.profile not in sizes:
        parser.error("--profile N needs N among --sizes")
    if args.profile is not None:
        try:
            import pyinstrument  # noqa: F401
        except ImportError:
            parser.error("--profile needs pyinstrument: .venv/bin/pip install pyinstrument")
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        parser.error(f"{sys.executable} has no MkDocs; run it with .venv/bin/python")

    work = args.workdir or Path(tempfile.mkdtemp(prefix="lrp-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pool = work / "image-pool"
    print(f"Working in {work}", flush=True)
    global CODE_SNAPSHOT, SNAPSHOT_MACHINE
    shutil.rmtree(work / "code", ignore_errors=True)
    SNAPSHOT_MACHINE = machine()
    CODE_SNAPSHOT = snapshot_code(work / "code")
    probe = subprocess.run(
        [sys.executable, "-c", "import hooks.plugin; print(hooks.plugin.__file__)"],
        env=build_env(), cwd=work, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if not probe.stdout.strip().startswith(str(CODE_SNAPSHOT)):
        print(f"cannot use the code snapshot: {probe.stdout}{probe.stderr}", file=sys.stderr)
        return 1
    runs: list[dict] = []
    failed = False
    try:
        for stories in sizes:
            try:
                runs.append(run_size(stories, args, work, pool))
            except BuildFailed as error:
                print(f"N={stories}: {error}", file=sys.stderr, flush=True)
                failed = True
                break
            args.output.write_text(
                json.dumps(runs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    if runs:
        print("\n" + table(runs))
        print("\n" + goals.report(goals.assess(runs), runs))
        print(f"\nWrote {args.output}")
        for run in runs:
            for note in run["notes"]:
                print(f"N={run['stories']}: {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
