"""Changes to the HTML of page content that Material's JavaScript would otherwise make.

The site does not load Material's JavaScript bundle (see overrides/base.html), so what it did
in the browser and visitors rely on is done here, once, when the page is built.
"""

from __future__ import annotations

import re

# An HTML comment in Markdown is a note between editors ("draft, not yet reviewed"); Markdown
# passes it through, so without this every visitor downloads it and a republished copy or a
# feed entry carries it along. In code, `<!--` is already escaped as `&lt;!--`.
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)

# Markdown tables come out as a bare <table>; tables with a class are laid out by their template.
_BARE_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def wrap_tables(html: str) -> str:
    """Put every bare table in Material's scrolling box.

    On a narrow screen a wide table then scrolls inside its box instead of widening the page
    (WCAG 1.4.10 reflow); assets/js/keyboard.js makes the box focusable when it scrolls. The
    markup is the one Material's bundle builds, so Material's styles apply unchanged.
    """
    if "<table>" not in html:
        return html
    return _BARE_TABLE.sub(
        lambda table: (
            '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f"{table.group(0)}</div></div>"
        ),
        html,
    )


def without_comments(html: str) -> str:
    """The page content without the editors' HTML comments."""
    if "<!--" not in html:
        return html
    return _COMMENT.sub("", html)
