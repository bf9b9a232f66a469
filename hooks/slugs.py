"""Web-address forms of names, for story folders, photo files and download names alike."""

from __future__ import annotations

import re
import unicodedata


def slug_from_words(text: str) -> str:
    """A web-address form of a name: "Anna Bērziņa" -> "anna-berzina"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
