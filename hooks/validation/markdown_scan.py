"""Reading a Markdown body: code and comments blanked out, offsets turned into line numbers."""

from __future__ import annotations

import bisect
import re

_FENCE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})")

_CODE_OR_COMMENT_RE = re.compile(r"<!--(?s:.*?)(?:-->|\Z)|(`+)[^\n]*?(?<!`)\1(?!`)")

# A link target may hold balanced parentheses, as in `page_(draft).md` or `javascript:f(1)`.
LINK_TARGET_RE = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)")

# `[id]: target`, but not a footnote `[^1]: text`.
REFERENCE_DEFINITION_RE = re.compile(
    r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def blank_code_and_comments(markdown: str) -> str:
    """The text with code blocks, code spans and HTML comments replaced by spaces.

    Lengths and line breaks stay, so an offset in the result is the offset in the text.
    """
    if "```" in markdown or "~~~" in markdown:
        lines = markdown.split("\n")
        fence: str | None = None
        for index, line in enumerate(lines):
            match = _FENCE_RE.match(line)
            if fence is None:
                if match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
                    fence = match.group(1)
                    lines[index] = " " * len(line)
            else:
                if (
                    match
                    and match.group(1)[0] == fence[0]
                    and len(match.group(1)) >= len(fence)
                    and not line[match.end() :].strip()
                ):
                    fence = None
                lines[index] = " " * len(line)
        markdown = "\n".join(lines)
    if "`" in markdown or "<!--" in markdown:
        markdown = _CODE_OR_COMMENT_RE.sub(_blank, markdown)
    return markdown


class Lines:
    """Offset → line number in a text that starts at `first_line` of the file."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.first_line = first_line

    def __call__(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, offset) - 1
