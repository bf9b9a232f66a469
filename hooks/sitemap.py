"""One sitemap for the whole site, with hreflang alternates between real translations only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from hooks.alternates import absolute, hreflang_alternates
from hooks.languages import localized_url


@dataclass(frozen=True)
class SitemapEntry:
    neutral_url: str
    language: str
    languages: frozenset[str]  # languages the page was written in (not fallback copies)


def render_sitemap(entries: Iterable[SitemapEntry], site_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in sorted(entries, key=lambda e: (e.neutral_url, e.language)):
        lines.append("  <url>")
        location = absolute(site_url, localized_url(entry.neutral_url, entry.language))
        lines.append(f"    <loc>{escape(location)}</loc>")
        if len(entry.languages) > 1:
            for alternate in hreflang_alternates(entry.neutral_url, entry.languages, site_url):
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="{alternate.hreflang}" '
                    f"href={quoteattr(alternate.href)}/>"
                )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
