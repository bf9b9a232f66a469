"""Content-Security-Policy and the other security headers the site is served with.

The policy forbids everything the site does not need. Material for MkDocs keeps a few small
inline scripts (scope, colour scheme, anchor target); instead of allowing inline scripts in
general, each page's policy lists the SHA-256 hashes of exactly the inline scripts it carries.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# JSON data blocks (Material's config, JSON-LD, search strings) are not executed, so they need
# no hash; every other inline <script> does.
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")

# Pagefind compiles its WebAssembly search core in the browser, normally in its own worker
# (pagefind-worker.js, whose policy comes from its response headers, i.e. `_headers`), and in
# the page itself when the worker fails or is slow to start. Only pages that load Pagefind (the
# search pages) get this source in their <meta> policy; every other page is stricter without it.
WASM_SOURCE = "'wasm-unsafe-eval'"
_LOADS_PAGEFIND = re.compile(r"<script[^>]*\ssrc=\"[^\"]*pagefind/pagefind[^\"]*\.js\"", re.I)

BASE_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Material and Pagefind set element styles from script.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Only effective as HTTP headers (ignored in a <meta> policy).
HEADER_ONLY_POLICY = {"frame-ancestors": ["'none'"]}


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def loads_pagefind(html: str) -> bool:
    return bool(_LOADS_PAGEFIND.search(html))


def render_policy(
    extra_script_sources: Iterable[str] = (), *, for_header: bool = False, wasm: bool = False
) -> str:
    """The policy; the header one (for every path, the worker included) always allows wasm."""
    policy = {name: list(values) for name, values in BASE_POLICY.items()}
    if wasm or for_header:
        policy["script-src"].append(WASM_SOURCE)
    policy["script-src"] += list(extra_script_sources)
    if for_header:
        policy.update(HEADER_ONLY_POLICY)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def with_csp_meta(html: str, script_hashes: Iterable[str] | None = None) -> str:
    """The page with its Content-Security-Policy as the first element of <head>.

    `script_hashes`: the page's `inline_script_hashes`, when the caller has them already.
    """
    if script_hashes is None:
        script_hashes = inline_script_hashes(html)
    policy = render_policy(script_hashes, wasm=loads_pagefind(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return re.sub(r"<head>", "<head>\n" + meta, html, count=1)


def headers_file(pages_policy: str) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages) with the site's security headers."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {pages_policy}\n"
        "  Strict-Transport-Security: max-age=31536000; includeSubDomains\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
        "  Cross-Origin-Opener-Policy: same-origin\n"
        "\n"
        "# Fingerprinted assets never change under the same name.\n"
        "/assets/stylesheets/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
        "/pagefind/*\n"
        "  Cache-Control: public, max-age=3600\n"
    )
