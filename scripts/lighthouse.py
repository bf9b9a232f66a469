"""Lighthouse scores for the built site: a home page, a story, a listing and an event page in
each language (12 runs), mobile (Lighthouse's default form factor and throttling).

Not a test: it is slow, and scores move a little between runs. It builds nothing; build first:

    make build                      # writes site/
    npm ci                          # installs the pinned Lighthouse (package-lock.json)
    .venv/bin/python scripts/lighthouse.py [--site site] [--reports .cache/lighthouse]

The site is served on 127.0.0.1 with the response headers of its `_headers` file (the
Content-Security-Policy and the others) and with gzip, as a static host would serve it. Prints the
four category scores of every page, the median of each category, and for every category that
misses its target the audits that cost points. Exits 1 when a median misses its target.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
PAGES = {
    "home": "",
    "story": "stories/sample-music-teacher/",
    "listing": "stories/",
    "event": "events/annual-meeting-2021/",
}
LANGUAGE_PREFIXES = {"lv": "", "en": "en/", "rml": "rml/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.95}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".pf_meta")


def site_headers(site: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of the `_headers` file: (path pattern, headers), in file order."""
    rules: list[tuple[str, dict[str, str]]] = []
    path = site / "_headers"
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], url_path: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if pattern.endswith("*"):
            matches = url_path.startswith(pattern[:-1])
        else:
            matches = url_path == pattern
        if matches:
            headers.update(values)
    return headers


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
    }
    rules: list[tuple[str, dict[str, str]]] = []

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        """Files as they are, except text, which is gzipped when the client accepts it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # Chromium drops connections it no longer needs; that is no error of the site.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    Handler.rules = site_headers(site)
    handler = functools.partial(Handler, directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_lighthouse(url: str, report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": str(CHROME)}
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES),
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    # Lighthouse now and then fails to record a trace (NO_NAVSTART); a second try succeeds.
    for attempt in (1, 2):
        report.unlink(missing_ok=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode == 0 and report.exists():
            return json.loads(report.read_text(encoding="utf-8"))
        if attempt == 1:
            print(f"  (Lighthouse failed on {url}; trying again)", file=sys.stderr, flush=True)
    raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")


def costly_audits(lhr: dict, category: str) -> list[str]:
    """The audits of a category that did not get full marks, heaviest first."""
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            detail = audit.get("displayValue") or ""
            found.append((ref["weight"] * (1 - score), f"{ref['id']} ({score:.2f}) {detail}"))
    return [text for _, text in sorted(found, reverse=True)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--reports", type=Path, default=ROOT / ".cache" / "lighthouse")
    parser.add_argument(
        "--only", default="", help='some of the pages, e.g. "lv event,en home" (default: all 12)'
    )
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    if not (args.site / "index.html").exists():
        print(f"No built site at {args.site}: run `make build` first.", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (package-lock.json).", file=sys.stderr)
        return 2
    if not CHROME.exists() and shutil.which("chromium") is None:
        print(f"No Chromium at {CHROME}: `apt-get install chromium`.", file=sys.stderr)
        return 2
    args.reports.mkdir(parents=True, exist_ok=True)

    server, base = serve(args.site)
    rows: list[tuple[str, dict[str, float]]] = []
    misses: dict[str, list[str]] = {}
    try:
        for language, prefix in LANGUAGE_PREFIXES.items():
            for kind, path in PAGES.items():
                name = f"{language} {kind}"
                if only and name not in only:
                    continue
                report = args.reports / f"{language}-{kind}.json"
                lhr = run_lighthouse(base + prefix + path, report)
                scores = {c: lhr["categories"][c]["score"] or 0.0 for c in CATEGORIES}
                rows.append((name, scores))
                line = "".join(f"{scores[c]:>16.2f}" for c in CATEGORIES)
                print(f"{name:<12}{line}", flush=True)
                for category in CATEGORIES:
                    if scores[category] < TARGETS[category]:
                        misses[f"{name} {category}"] = costly_audits(lhr, category)[:5]
    finally:
        server.shutdown()
        server.server_close()

    medians = {c: statistics.median(scores[c] for _, scores in rows) for c in CATEGORIES}
    print()
    print(f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, scores in rows:
        print(f"{name:<12}" + "".join(f"{scores[c]:>16.2f}" for c in CATEGORIES))
    print(f"{'median':<12}" + "".join(f"{medians[c]:>16.2f}" for c in CATEGORIES))
    print(f"{'target':<12}" + "".join(f"{TARGETS[c]:>16.2f}" for c in CATEGORIES))
    if misses:
        print("\nAudits that cost points where a page missed a target:")
        for where, audits in misses.items():
            print(f"  {where}: " + ("; ".join(audits) or "(no weighted audit below 1)"))
    print(f"\nFull reports: {args.reports}")
    return 0 if all(medians[c] >= TARGETS[c] for c in CATEGORIES) else 1


if __name__ == "__main__":
    sys.exit(main())
