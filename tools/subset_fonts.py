"""Make the site's web fonts from the full Source Sans 3 files in data/fonts/.

One WOFF2 file per style, holding only the characters Latvian, English and Latvian Romani
text needs (Basic Latin, Latin-1, Latin Extended-A, typographic punctuation), so a visitor
downloads one small file per style instead of two large subsets.

Run after changing the fonts or the character set (needs fonttools and brotli, which the
build itself does not):  .venv/bin/pip install fonttools==4.68.0 brotli==1.2.1
                          .venv/bin/python tools/subset_fonts.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "fonts"
TARGET = ROOT / "docs" / "assets" / "fonts"

UNICODES = [
    *range(0x0020, 0x007F),  # Basic Latin
    *range(0x00A0, 0x0100),  # Latin-1 Supplement
    *range(0x0100, 0x0180),  # Latin Extended-A: ā č ē ģ ī ķ ļ ņ š ū ž and neighbours' names
    *range(0x2010, 0x2028),  # dashes, quotes „ “ ” ‘ ’, ellipsis, bullet
    0x2032, 0x2033, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122, 0x2190, 0x2192, 0x21A9,
]  # fmt: skip

STYLES = {
    "SourceSans3-Regular.ttf": "source-sans-3-400-normal.woff2",
    "SourceSans3-Bold.ttf": "source-sans-3-700-normal.woff2",
    "SourceSans3-It.ttf": "source-sans-3-400-italic.woff2",
}


def main() -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk", "locl"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence names
    options.hinting = False
    for source, target in STYLES.items():
        font = subset.load_font(str(SOURCES / source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / target), options)
        print(f"{target}: {(TARGET / target).stat().st_size / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
