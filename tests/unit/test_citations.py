"""What a reader sees of `[@id]` citations: numbers in the text and the list of sources below."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from hooks.citations import Source, parse_sources, render_citations
from hooks.markup import language_parts_marker

SOURCES = parse_sources(
    [
        {
            "id": "holler-romarchive",
            "author": "Martin Holler",
            "title": "Voices of the victims – Latvia",
            "publisher": "RomArchive",
            "year": 2018,
            "url": "https://www.romarchive.eu/",
        },
        {"id": "lsm", "title": "Romi Latvijā", "publisher": "LSM", "year": 2023},
        {"id": "kenrick", "author": "Donald Kenrick", "title": "Historical Dictionary"},
        {"id": "census", "title": "Population census", "note": "Official statistics."},
    ]
)


def numbers_in_text(html: str) -> list[tuple[str, str]]:
    """(source id, shown number) for each citation link, in reading order."""
    return re.findall(r'<a href="#source-([^"]+)" id="cite-[^"]+"[^>]*>\[(\d+)\]</a>', html)


def list_ids(html: str) -> list[str]:
    return re.findall(r'<li id="source-([^"]+)">', html)


def body(result_markdown: str) -> str:
    """The text above the appended list of sources."""
    return result_markdown.split("\n## ")[0]


def test_numbers_follow_the_order_of_first_citation() -> None:
    text = "First [@lsm]. Then [@holler-romarchive]. Again [@lsm]."
    result = render_citations(text, SOURCES, "en")
    assert numbers_in_text(result.markdown) == [
        ("lsm", "1"),
        ("holler-romarchive", "2"),
        ("lsm", "1"),
    ]


def test_several_ids_in_one_citation_each_get_a_number() -> None:
    result = render_citations("Estimates differ [@kenrick; @lsm].", SOURCES, "en")
    assert numbers_in_text(body(result.markdown)) == [("kenrick", "1"), ("lsm", "2")]
    assert "[@" not in result.markdown


def test_spacing_inside_a_citation_is_free() -> None:
    result = render_citations("A [ @kenrick ;@lsm ].", SOURCES, "en")
    assert numbers_in_text(result.markdown) == [("kenrick", "1"), ("lsm", "2")]


def test_citation_link_has_the_documented_shape() -> None:
    result = render_citations("A claim [@kenrick].", SOURCES, "en")
    assert (
        '<sup class="lrp-cite" data-pagefind-ignore><a href="#source-kenrick" id="cite-kenrick-1"'
        ' aria-label="Source 1: Donald Kenrick">[1]</a></sup>' in result.markdown
    )


def test_a_screen_reader_hears_which_source_a_number_is_in_the_page_language() -> None:
    # "[1]" alone is read as "link 1"; the name says which source, by author or else title.
    latvian = render_citations("Skaits [@lsm]. Vēsture [@holler-romarchive].", SOURCES, "lv")
    assert 'aria-label="Avots 1: Romi Latvijā">[1]</a>' in latvian.markdown
    assert 'aria-label="Avots 2: Martin Holler">[2]</a>' in latvian.markdown
    # Search excerpts leave out the numbers and the arrows back to the text.
    assert latvian.markdown.count("data-pagefind-ignore") == 4


def test_list_has_cited_sources_in_citation_order_then_uncited_ones() -> None:
    result = render_citations("B [@lsm]. A [@kenrick].", SOURCES, "en")
    assert list_ids(result.markdown) == ["lsm", "kenrick", "holler-romarchive", "census"]
    assert result.cited_ids == ("lsm", "kenrick")
    assert result.uncited_ids == ("holler-romarchive", "census")


def test_number_in_text_is_the_position_in_the_list() -> None:
    text = "x [@census] y [@holler-romarchive; @kenrick] z [@census]"
    result = render_citations(text, SOURCES, "lv")
    positions = {source_id: str(i) for i, source_id in enumerate(list_ids(result.markdown), 1)}
    for source_id, number in numbers_in_text(result.markdown):
        assert positions[source_id] == number


def test_every_citation_anchor_is_unique_and_every_link_has_a_target() -> None:
    text = "a [@lsm] b [@lsm] c [@kenrick] d [@lsm]"
    html = render_citations(text, SOURCES, "en").markdown
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {"cite-lsm-1", "cite-lsm-2", "cite-lsm-3", "cite-kenrick-1"} <= set(ids)
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids


def test_list_entries_link_back_to_each_citation() -> None:
    html = render_citations("a [@lsm] b [@lsm]", SOURCES, "en").markdown
    entry = re.search(r'<li id="source-lsm">.*?</li>', html).group(0)
    assert 'href="#cite-lsm-1"' in entry and 'href="#cite-lsm-2"' in entry


def test_unknown_ids_are_reported_and_do_not_shift_the_numbers() -> None:
    result = render_citations("a [@nope] b [@kenrick; @missing] c [@nope]", SOURCES, "en")
    assert result.unknown_ids == ("nope", "missing")
    assert numbers_in_text(result.markdown) == [("kenrick", "1")]
    assert "nope" not in list_ids(result.markdown)
    assert "[?]" in body(result.markdown)


def test_citations_in_inline_code_are_untouched() -> None:
    text = "Write `[@lsm]` to cite; ``a ` [@kenrick]`` too. Real one [@census]."
    result = render_citations(text, SOURCES, "en")
    assert "`[@lsm]`" in result.markdown
    assert "``a ` [@kenrick]``" in result.markdown
    assert numbers_in_text(result.markdown) == [("census", "1")]
    assert "lsm" in result.uncited_ids


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_citations_in_fenced_code_blocks_are_untouched(fence: str) -> None:
    text = f"Before [@lsm].\n\n{fence}markdown\nSee [@kenrick].\n{fence}\n\nAfter [@census].\n"
    result = render_citations(text, SOURCES, "en")
    assert "See [@kenrick]." in result.markdown
    assert numbers_in_text(result.markdown) == [("lsm", "1"), ("census", "2")]


def test_unclosed_fence_protects_the_rest_of_the_page() -> None:
    result = render_citations("A [@lsm]\n\n```\ncode [@kenrick]\n", SOURCES, "en")
    assert "code [@kenrick]" in result.markdown
    assert result.unknown_ids == ()


def test_links_and_escaped_markers_are_not_citations() -> None:
    text = r"Mail [@someone](mailto:x@example.org) or write \[@lsm] literally."
    result = render_citations(text, SOURCES, "en")
    assert numbers_in_text(result.markdown) == []
    assert result.unknown_ids == ()


def test_heading_follows_the_page_language() -> None:
    headings = {
        language: re.search(
            r"^## (.+)$", render_citations("x", SOURCES, language).markdown, re.M
        ).group(1)
        for language in ("lv", "en", "rml")
    }
    assert headings["lv"] == "Avoti"
    assert headings["en"] == "Sources"
    assert headings["rml"] not in ("Avoti", "Sources")


def test_page_without_sources_or_citations_is_unchanged() -> None:
    text = "# Title\n\nNo sources here.\n"
    assert render_citations(text, [], "lv").markdown == text


def test_entry_shows_author_title_publisher_year_and_host_link() -> None:
    html = render_citations("[@holler-romarchive]", SOURCES, "en").markdown
    entry = re.search(r'<li id="source-holler-romarchive">(.*?)</li>', html).group(1)
    assert entry.startswith(
        "Martin Holler. <cite>Voices of the victims – Latvia</cite>. RomArchive, 2018. "
        '<a href="https://www.romarchive.eu/">www.romarchive.eu</a>.'
    )


def test_entry_text_is_escaped_and_only_web_links_are_links() -> None:
    sources = [Source(id="x", title='A <b>"bold"</b> title', url="javascript:alert(1)")]
    html = render_citations("[@x]", sources, "en").markdown
    assert "<b>" not in html
    assert 'href="javascript' not in html


def test_output_renders_to_well_formed_html() -> None:
    text = "# Page\n\nClaim [@lsm; @kenrick].\n\n- item [@census]\n"
    html = markdown.markdown(
        render_citations(text, SOURCES, "lv").markdown, extensions=["md_in_html"]
    )

    class Checker(HTMLParser):
        VOID = {"br", "hr", "img", "input", "meta", "link"}

        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag not in self.VOID:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack and self.stack.pop() == tag

    checker = Checker()
    checker.feed(html)
    assert checker.stack == []
    assert '<ol class="lrp-sources">' in html
    assert "<h2>Avoti</h2>" in html
    assert len(re.findall(r"<li id=", html)) == 4


def test_parse_sources_reads_front_matter() -> None:
    parsed = parse_sources([{"id": "a", "title": "T", "year": "1971"}, {"id": "b", "title": "U"}])
    assert parsed[0] == Source(id="a", title="T", year=1971)
    assert parsed[1].author is None and parsed[1].url is None
    assert parse_sources(None) == []


def test_a_source_in_another_language_than_the_page_is_marked_with_its_language() -> None:
    # WCAG 3.1.2: a Latvian title on a Romani page is read with a Latvian voice; the editors'
    # note stays in the page's language.
    census = parse_sources(
        [
            {
                "id": "census",
                "title": "Tautas skaitīšana 2011",
                "publisher": "Centrālā statistikas pārvalde",
                "language": "lv",
                "note": "Savorenge putardo.",
            }
        ]
    )
    romani = render_citations("Gin [@census].", census, "rml").markdown
    assert (
        '<li id="source-census"><span lang="lv"><cite>Tautas skaitīšana 2011</cite>. '
        "Centrālā statistikas pārvalde.</span> Savorenge putardo."
    ) in romani
    latvian = render_citations("Skaits [@census].", census, "lv").markdown
    assert "<span lang=" not in latvian


def test_a_gloss_in_another_language_inside_a_note_is_marked() -> None:
    # A Romani note may quote the Latvian words it stands for; the page's `other_language:`
    # phrases are marked there as in the templates, and nothing else in the note is.
    mark = language_parts_marker({"lv": ["brīvpiekļuves izdevums"]})
    open_access = parse_sources(
        [{"id": "book", "title": "Book", "note": "Savorenge putardo (brīvpiekļuves izdevums)."}]
    )
    romani = render_citations("Gin [@book].", open_access, "rml", mark).markdown
    assert 'Savorenge putardo (<span lang="lv">brīvpiekļuves izdevums</span>).' in romani
    assert romani.count("<span lang=") == 1


def _back_link_names(html: str) -> list[str]:
    return re.findall(r'<a class="lrp-sources__back"[^>]* aria-label="([^"]+)"', html)


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["Back to the text: source 1", "Back to the text: source 2"]),
        # Latvian numbers a source with an ordinal before the noun: "2. avots".
        ("lv", ["Atpakaļ uz tekstu: 1. avots", "Atpakaļ uz tekstu: 2. avots"]),
        ("rml", ["Palpale ko teksto: literatura 1", "Palpale ko teksto: literatura 2"]),
    ],
)
def test_each_link_back_to_the_text_names_its_source(language: str, names: list[str]) -> None:
    # In a screen reader's list of links, nine links all called "Back to the text (1)" could
    # not be told apart: each names the number of the source it belongs to.
    html = render_citations("a [@lsm] b [@kenrick]", SOURCES, language).markdown
    assert _back_link_names(html) == names


def test_links_back_from_a_source_cited_twice_also_say_which_citation() -> None:
    html = render_citations("a [@kenrick] b [@lsm] c [@lsm] d [@lsm]", SOURCES, "en").markdown
    assert _back_link_names(html) == [
        "Back to the text: source 1",
        "Back to the text: source 2 (1)",
        "Back to the text: source 2 (2)",
        "Back to the text: source 2 (3)",
    ]
    assert len(set(_back_link_names(html))) == 4
