"""Changes to the HTML of page content that Material's JavaScript would otherwise make.

The site does not load Material's JavaScript bundle (see overrides/base.html), so what it did
in the browser and visitors rely on is done here, once, when the page is built.
"""

from __future__ import annotations

import re
from html import escape, unescape

# An HTML comment in Markdown is a note between editors ("draft, not yet reviewed"); Markdown
# passes it through, so without this every visitor downloads it and a republished copy or a
# feed entry carries it along. In code, `<!--` is already escaped as `&lt;!--`.
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)

# The toc extension writes each heading's "¶" permalink inside the heading, so every heading's
# accessible name ended in "¶" ("Childhood ¶" in a screen reader's list of headings).
_HEADING_WITH_PERMALINK = re.compile(
    # The heading's inner HTML never crosses a closing heading tag: a template's own heading
    # without a permalink (a story's <h1>) must not be swallowed with the next one that has one.
    r"<h([1-6])(\s[^>]*)?>((?:(?!</h[1-6]>).)*?)"
    r'<a class="headerlink" href="#([^"]+)" title="([^"]*)">'
    r"(?:&para;|¶)</a></h\1>",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")

# Markdown tables come out as a bare <table>; tables with a class are laid out by their template.
# A paragraph right above one that ends in a colon ("Number of Roma recorded by censuses:") is
# the table's title, and becomes its caption. The paragraph never spans another paragraph.
_BARE_TABLE = re.compile(
    r"(?:<p>(?P<title>(?:(?!</?p[\s>]).)+?):</p>\s*)?<table>(?P<body>.*?)</table>", re.DOTALL
)
# `{ scope=row }` at the end of a Markdown table cell (the attr_list extension) gives the cell
# scope="row", which only a header cell may have: the cell names its row (a rule's ID).
_ROW_HEADER_CELL = re.compile(r'<td scope="row">(.*?)</td>', re.DOTALL)


def wrap_tables(html: str) -> str:
    """Put every bare table in Material's scrolling box, with its caption and row headers.

    On a narrow screen a wide table then scrolls inside its box instead of widening the page
    (WCAG 1.4.10 reflow); assets/js/keyboard.js makes the box focusable when it scrolls. The
    markup is the one Material's bundle builds, so Material's styles apply unchanged.

    A screen reader announces a table by its caption ("table, Number of Roma recorded by
    censuses, 3 columns"), so the paragraph ending in ":" that introduces a Markdown table
    becomes its `<caption>`, without the colon; and a cell marked `{ scope=row }` becomes a
    row header (`<th scope="row">`), read before every other cell of its row.
    """
    if "<table>" not in html:
        return html

    def wrapped(table: re.Match[str]) -> str:
        body = _ROW_HEADER_CELL.sub(r'<th scope="row">\1</th>', table.group("body"))
        title, before = table.group("title"), ""
        if title and "<caption" not in body:
            body = f"\n<caption>{title.strip()}</caption>{body}"
        elif title:  # a table with its own caption keeps the paragraph above it as it is
            before = table.group(0)[: table.start("body") - table.start() - len("<table>")]
        return (
            f'{before}<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f"<table>{body}</table></div></div>"
        )

    return _BARE_TABLE.sub(wrapped, html)


def without_comments(html: str) -> str:
    """The page content without the editors' HTML comments."""
    if "<!--" not in html:
        return html
    return _COMMENT.sub("", html)


def permalinks_beside_headings(html: str) -> str:
    """Move each heading's "¶" permalink out of the heading, next to it.

    The heading and its link share a wrapper (the pattern GitHub adopted for the same reason), so
    the heading is named by its own words, and the link by what it does and where it goes:
    "Link to this section: Childhood". assets/css/site.css shows the link beside the heading,
    as before. The page's own title (h1) keeps no permalink.
    """
    if 'class="headerlink"' not in html:
        return html

    def beside(match: re.Match[str]) -> str:
        level, attributes, inner, target, title = match.groups()
        heading = f"<h{level}{attributes or ''}>{inner}</h{level}>"
        if level == "1":
            # A page's title links to the page itself: its permalink would only be one more Tab
            # stop and one more announcement before the content, on every page.
            return heading
        words = " ".join(unescape(_TAG.sub("", inner)).split())
        label = escape(f"{unescape(title)}: {words}" if words else unescape(title))
        # The tooltip is the link's only name: the "¶" is hidden from screen readers, so the
        # name comes from the title, and no description repeats it (an aria-label next to a
        # title made Chromium read the title again as the link's description).
        return (
            f'<div class="lrp-heading lrp-heading--h{level}">{heading}'
            f'<a class="headerlink" href="#{target}" title="{label}">'
            '<span aria-hidden="true">&para;</span></a></div>'
        )

    return _HEADING_WITH_PERMALINK.sub(beside, html)


def language_parts_marker(parts: dict[str, list[str]]):
    """A template filter that puts `<span lang="…">` around words in another language.

    `parts` maps a language code to the phrases of that language that a language's interface
    strings contain on purpose (`other_language:` in data/ui/<lang>.yml): a Latvian gloss in a
    Romani string, an official name quoted in Latvian. WCAG 2.2 SC 3.1.2 asks for them to be
    marked so that a screen reader reads them with the right voice. The text given to the
    filter is HTML already (a string from data/, or escaped front matter); the longest phrase
    wins where two overlap, and a phrase counts only as whole words.
    """
    by_phrase = {
        escape(phrase, quote=False): code for code, phrases in parts.items() for phrase in phrases
    }
    if not by_phrase:
        return lambda html: html
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(phrase) for phrase in sorted(by_phrase, key=len, reverse=True))
        + r")(?!\w)"
    )

    def mark(html: object) -> str:
        text = str(html)
        return pattern.sub(
            lambda match: f'<span lang="{by_phrase[match.group(1)]}">{match.group(1)}</span>', text
        )

    return mark
