"""What a browser fetches: transfer weight of pages and of a first search, with Playwright.

The built site is served by a local `http.server`; Debian's Chromium loads a page with image
requests blocked, and every URL it fetched is then sized from the file on disk: gzip (level 6)
for text, the raw size for files that are already compressed (Pagefind's chunks, WebAssembly,
woff2 fonts). This is what a server that gzips text would send, without HTTP headers.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BLOCKED_TYPES = frozenset({"image", "media"})
TIMEOUT_MS = 30_000


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve_directory(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def transfer_bytes(data: bytes) -> int:
    """Bytes on the wire with gzip: already-compressed files are sent as they are."""
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def _local_file(site_dir: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    if path.endswith("/"):
        path += "index.html"
    candidate = site_dir / path.lstrip("/")
    return candidate if candidate.is_file() else None


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return {
        ".html": "html",
        ".css": "css",
        ".js": "js",
        ".woff2": "font",
        ".woff": "font",
        ".json": "json",
        ".svg": "image",
        ".png": "image",
        ".jpg": "image",
        ".webp": "image",
        ".ico": "image",
    }.get(suffix, "other")


def _sized(site_dir: Path, urls: list[str]) -> list[dict]:
    rows = []
    for url in dict.fromkeys(urls):
        local = _local_file(site_dir, url)
        if local is None:
            continue
        data = local.read_bytes()
        rows.append(
            {
                "path": local.relative_to(site_dir).as_posix(),
                "kind": _kind(local),
                "raw_bytes": len(data),
                "transfer_bytes": transfer_bytes(data),
            }
        )
    return rows


def _load(browser, url: str, *, block_images: bool = True):
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    fetched: list[str] = []
    blocked: list[str] = []

    def route(route) -> None:
        if block_images and route.request.resource_type in BLOCKED_TYPES:
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", route)
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(url, wait_until="networkidle", timeout=TIMEOUT_MS)
    return context, page, fetched, blocked


def page_weight(browser, site_dir: Path, base_url: str, path: str) -> dict:
    """HTML and HTML+CSS+JS+fonts fetched to show one page, images blocked, gzip-sized."""
    context, _page, fetched, blocked = _load(browser, base_url + path)
    context.close()
    # "Before images": the favicon still loads (Chromium fetches it outside the page's
    # routing); it is listed but not counted.
    rows = _sized(site_dir, fetched)
    images = [r for r in rows if r["kind"] == "image"]
    rows = [r for r in rows if r["kind"] != "image"]
    html = sum(r["transfer_bytes"] for r in rows if r["kind"] == "html")
    total = sum(r["transfer_bytes"] for r in rows)
    by_kind: dict[str, int] = {}
    for row in rows:
        by_kind[row["kind"]] = by_kind.get(row["kind"], 0) + row["transfer_bytes"]
    return {
        "path": path,
        "html_gzip_kb": round(html / 1024, 1),
        "total_gzip_kb": round(total / 1024, 1),
        "by_kind_kb": {kind: round(size / 1024, 1) for kind, size in sorted(by_kind.items())},
        "requests": len(rows),
        "images_blocked": len(blocked),
        "images_not_counted": [r["path"] for r in images],
        "files": rows,
    }


# The search page's own UI (overrides/search.html): counted with Pagefind's files, as Pagefind's
# prebuilt UI script and CSS (under pagefind/) were before it replaced them.
SEARCH_UI_FILES = frozenset({"assets/js/search.js", "assets/css/search.css"})
SEARCH_BOX = "#lrp-search-input"
SEARCH_RESULT = ".lrp-search__result"
SEARCH_DONE = '#lrp-search-status[data-state="done"]'


def _is_search(row: dict) -> bool:
    return row["path"].startswith("pagefind/") or row["path"] in SEARCH_UI_FILES


def first_search(browser, site_dir: Path, base_url: str, path: str, query: str) -> dict:
    """Bytes fetched for search by loading the search page and searching once.

    Counts every file under /pagefind/ and the search UI's own script and CSS
    (SEARCH_UI_FILES). The query is typed into the box with Playwright's keyboard.type (no
    pause between keys, so the UI searches once); after the result count is shown and the
    network is idle, the fetched files are summed.
    """
    context, page, fetched, _blocked = _load(browser, base_url + path)
    at_load = len(fetched)
    box = page.locator(SEARCH_BOX)
    box.focus()
    page.keyboard.type(query)
    page.wait_for_selector(SEARCH_DONE, timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    results = page.locator(SEARCH_RESULT).count()
    context.close()
    load_rows = [r for r in _sized(site_dir, fetched[:at_load]) if _is_search(r)]
    search_rows = [r for r in _sized(site_dir, fetched[at_load:]) if _is_search(r)]
    load = sum(r["transfer_bytes"] for r in load_rows)
    search = sum(r["transfer_bytes"] for r in search_rows)
    ui = sum(r["transfer_bytes"] for r in load_rows + search_rows if r["path"] in SEARCH_UI_FILES)
    return {
        "path": path,
        "query": query,
        "results_shown": results,
        # Named for what they held when only Pagefind's files were counted; bench/run.py reads
        # pagefind_kb as first_search_kb.
        "pagefind_kb": round((load + search) / 1024, 1),
        "pagefind_at_load_kb": round(load / 1024, 1),
        "pagefind_after_typing_kb": round(search / 1024, 1),
        "search_ui_kb": round(ui / 1024, 1),
        "requests": len(load_rows) + len(search_rows),
        "files": load_rows + search_rows,
    }


def measure(site_dir: Path, story_path: str, listing_path: str, search_path: str, query: str):
    from playwright.sync_api import sync_playwright

    with serve_directory(site_dir) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            return {
                "story": page_weight(browser, site_dir, base_url, story_path),
                "listing": page_weight(browser, site_dir, base_url, listing_path),
                "search": first_search(browser, site_dir, base_url, search_path, query),
            }
        finally:
            browser.close()
