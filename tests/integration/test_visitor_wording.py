"""What a visitor reads around the content: page titles, dates, tooltips, search excerpts."""

from __future__ import annotations

import gzip
import re
from html import escape, unescape
from pathlib import Path

import pytest
from PIL import Image

from hooks.frontmatter import parse_content
from tests.htmlscan import parse_html
from tests.sitebuild import PROJECT_ROOT, TEST_SITE_URL, html_pages, page_language

pytestmark = pytest.mark.build

TITLE_RE = re.compile(r"<title>([^<]*)</title>")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_no_page_is_titled_after_its_file_name(built_site: Path) -> None:
    # A tab, a bookmark or a search result reading "Index" says nothing about the page.
    generic = [
        page.relative_to(built_site).as_posix()
        for page in html_pages(built_site)
        if (match := TITLE_RE.search(page.read_text(encoding="utf-8")))
        and match.group(1).split(" - ")[0].strip().lower() in {"index", ""}
    ]
    assert generic == []


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("stories/themes/music/index.html", "Stāsti: Mūzika"),
        ("en/stories/themes/music/index.html", "Stories: Music"),
        ("en/stories/regions/kurzeme/index.html", "Stories from Courland (Kurzeme)"),
    ],
)
def test_a_theme_or_region_list_is_titled_as_its_heading(
    built_site: Path, path: str, title: str
) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    page = parse_html(html)
    assert page.first("h1").text.strip() == title
    match = TITLE_RE.search(html)
    assert match and match.group(1).startswith(f"{title} - ")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("en/stories/sample-music-teacher/index.html",
         "Illustrative example. The teacher who teaches listening"),
        ("stories/sample-music-teacher/index.html",
         "Ilustratīvs piemērs. Skolotāja, kas māca klausīties"),
        ("en/events/mediators-seminar-2027/index.html",
         "Cancelled: Illustrative example. Roma mediators' good-practice seminar 2027"),
        ("events/mediators-seminar-2027/index.html",
         "Atcelts: Ilustratīvs piemērs. Romu mediatoru labās prakses seminārs 2027"),
        ("en/heritage/history/index.html", "History of Latvian Roma"),
    ],
)  # fmt: skip
def test_a_tab_or_bookmark_says_a_page_is_illustrative_or_called_off(
    built_site: Path, path: str, title: str
) -> None:
    """The <title> is all a tab, a bookmark or a search result shows of a page: it carries
    the same labels as the feeds, calendars and link previews, or a made-up story reads as
    real and a cancelled meeting as still on."""
    html = (built_site / path).read_text(encoding="utf-8")
    match = TITLE_RE.search(html)
    assert match, f"{path} has no <title>"
    shown, _, site = match.group(1).rpartition(" - ")
    assert unescape(shown) == title
    in_english = path.startswith("en/")
    assert site == ("Latvian Roma Platform" if in_english else "Latvijas romu platforma")
    preview = _preview(built_site / path)
    assert preview["og:title"] == title


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_story_cards_show_dates_as_the_story_pages_do(built_site: Path, language: str) -> None:
    prefix = "" if language == "lv" else f"{language}/"
    page = parse_html((built_site / prefix / "stories" / "index.html").read_text(encoding="utf-8"))
    shown = [time.text.strip() for time in page.find_all("time")]
    assert shown, "the story list shows no dates"
    assert not [text for text in shown if ISO_DATE_RE.match(text)], shown
    if language == "en":
        assert all(re.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", text) for text in shown), shown


def test_heading_links_are_titled_in_the_pages_language(built_site: Path) -> None:
    expected = {"lv": "Saite uz šo sadaļu", "en": "Link to this section", "rml": "Link"}
    seen = {language: 0 for language in expected}
    for page in html_pages(built_site):
        language = page_language(built_site, page)
        for anchor in parse_html(page.read_text(encoding="utf-8")).find_all(
            "a", class_="headerlink"
        ):
            # "Link to this section: Childhood": the title is also the link's name.
            assert anchor.attrs.get("title", "").startswith(f"{expected[language]}: "), page
            seen[language] += 1
    assert all(seen.values()), seen


@pytest.mark.parametrize(
    ("path", "title"),
    [("en/about/index.html", "About the platform"), ("about/index.html", "Par platformu")],
)
def test_the_header_names_the_site_and_leaves_the_page_title_to_the_page(
    built_site: Path, path: str, title: str
) -> None:
    # An invisible copy of the title in the header was read out before the page's heading.
    html = (built_site / path).read_text(encoding="utf-8")
    header = re.search(r"<header\b.*?</header>", html, re.DOTALL)
    assert header
    assert title not in unescape(header.group(0))
    assert parse_html(html).first("h1").text.strip() == title


def test_the_logo_is_drawn_in_white_and_not_announced_as_logo(built_site: Path) -> None:
    home = parse_html((built_site / "index.html").read_text(encoding="utf-8"))
    logos = [img for img in home.find_all("img") if "logo" in img.attrs.get("src", "")]
    assert logos and all(img.attrs.get("alt") == "" for img in logos)
    link = home.first("a", class_="md-header__button md-logo")
    assert link is not None and link.attrs.get("aria-label") == "Latvijas romu platforma"
    # An <img> cannot inherit the header's text colour: currentColor would be black on blue.
    svg = (built_site / "assets" / "images" / "logo.svg").read_text(encoding="utf-8")
    assert "currentColor" not in svg


def test_search_excerpts_keep_labels_and_values_apart(built_site: Path) -> None:
    texts = [
        gzip.decompress(fragment.read_bytes()).decode("utf-8")
        for fragment in (built_site / "pagefind" / "fragment").glob("*.pf_fragment")
    ]
    with_facts = [text for text in texts if re.search(r"\bStoryteller\b", text)]
    assert with_facts, "no English story fragment in the search index"
    for text in with_facts:
        assert not re.search(r"Storyteller(?![\ss])", text)
        assert not re.search(r"Published\d", text)


def test_latvian_story_facts_do_not_make_every_storyteller_a_man(built_site: Path) -> None:
    # "Stāstītājs" is the masculine form; "Stāsta: Ilona" (Ilona tells) fits everyone.
    page = parse_html(
        (built_site / "stories/sample-music-teacher/index.html").read_text(encoding="utf-8")
    )
    terms = [term.text.strip() for term in page.find_all("dt")]
    assert "Stāsta" in terms
    assert "Stāstītājs" not in (built_site / "stories/sample-music-teacher/index.html").read_text(
        encoding="utf-8"
    )


def test_a_shared_link_to_a_sample_story_says_it_is_illustrative(built_site: Path) -> None:
    for path, label in (
        ("stories/sample-music-teacher/index.html", "Ilustratīvs piemērs."),
        ("en/stories/sample-music-teacher/index.html", "Illustrative example."),
    ):
        page = parse_html((built_site / path).read_text(encoding="utf-8"))
        previews = [
            meta.attrs.get("content", "")
            for meta in page.find_all("meta")
            if meta.attrs.get("property") == "og:description"
            or meta.attrs.get("name") in {"description", "twitter:description"}
        ]
        assert len(previews) == 3
        assert all(text.startswith(f"{label} ") for text in previews), previews


def _meta_values(page_path: Path, prop: str) -> list[str]:
    page = parse_html(page_path.read_text(encoding="utf-8"))
    return [
        m.attrs.get("content", "") for m in page.find_all("meta") if m.attrs.get("property") == prop
    ]


def test_a_shared_story_names_its_locale_and_only_the_translations_that_exist(
    built_site: Path,
) -> None:
    """Link previews and crawlers get an Open Graph locale in language_TERRITORY form for each
    language, and alternates only for versions a reader can open."""
    mediator = "stories/sample-mediator-day/index.html"
    for prefix, locale, alternates in (
        ("", "lv_LV", ["en_GB", "rml_LV"]),
        ("en/", "en_GB", ["lv_LV", "rml_LV"]),
        ("rml/", "rml_LV", ["lv_LV", "en_GB"]),
    ):
        page = built_site / prefix / mediator
        assert _meta_values(page, "og:locale") == [locale]
        assert _meta_values(page, "og:locale:alternate") == alternates


def _preview(page_path: Path) -> dict[str, str]:
    page = parse_html(page_path.read_text(encoding="utf-8"))
    return {
        meta.attrs.get("property") or meta.attrs.get("name", ""): meta.attrs.get("content", "")
        for meta in page.find_all("meta")
        if (meta.attrs.get("property") or meta.attrs.get("name", "")).startswith(
            ("og:", "twitter:")
        )
    }


@pytest.mark.parametrize(
    ("path", "title", "description_start"),
    [
        ("en/events/mediators-seminar-2027/",
         "Cancelled: Illustrative example. Roma mediators' good-practice seminar 2027",
         "Illustrative example. A seminar"),
        ("heritage/", None, None),
        ("rml/about/", None, None),
        ("", "Latvijas romu platforma", "Romu dzīves stāsti"),
    ],
)  # fmt: skip
def test_every_page_has_a_link_preview_with_its_own_words_and_a_site_card(
    built_site: Path, path: str, title: str | None, description_start: str | None
) -> None:
    """A shared event, heritage or home page shows its title, description and the language's
    site card, not a bare address; an illustrative event says so in the preview too."""
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    preview = _preview(built_site / path / "index.html")
    heading = re.search(r"<title>([^<]*?)(?: - [^<]*)?</title>", html)
    assert preview["og:title"] == (title or (heading and heading.group(1)))
    assert preview["og:description"]
    if description_start:
        assert preview["og:description"].startswith(description_start)
    assert preview["og:url"] == TEST_SITE_URL + path
    prefix = path.split("/")[0] + "/" if path.split("/")[0] in {"en", "rml"} else ""
    assert preview["og:image"] == f"{TEST_SITE_URL}{prefix}card.jpg"
    assert preview["twitter:card"] == "summary_large_image"
    assert preview["og:image:alt"] and preview["og:image:alt"] != preview["og:title"]
    with Image.open(built_site / prefix / "card.jpg") as card:
        assert card.size == (1200, 630) and not card.getexif()


@pytest.mark.parametrize(
    ("path", "heading"),
    [("404.html", "Lapa nav atrasta"), ("en/404.html", "Page not found"), ("rml/404.html", None)],
)
def test_the_not_found_page_speaks_its_language_and_switches_to_home_pages(
    built_site: Path, path: str, heading: str | None
) -> None:
    from tests.sitebuild import TEST_SITE_URL

    page = parse_html((built_site / path).read_text(encoding="utf-8"))
    h1 = page.first("h1")
    assert h1 is not None and h1.text.strip() and h1.text.strip() != "404 - Not found"
    if heading:
        assert h1.text.strip() == heading
    root = TEST_SITE_URL.split("/", 3)[3]
    switcher = {
        a.attrs["hreflang"]: a.attrs["href"] for a in page.find_all("a", class_="md-select__link")
    }
    assert switcher == {"lv": f"/{root}", "en": f"/{root}en/", "rml": f"/{root}rml/"}
    links = [a.attrs.get("href", "") for a in page.find_all("a")]
    prefix = path.removesuffix("404.html")
    assert f"/{root}{prefix}" in links and f"/{root}{prefix}search/" in links


def _sections_by_language(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section lang="([^"]+)"[^>]*>(.*?)</section>', html, re.DOTALL))


def test_the_root_not_found_page_also_speaks_english_and_romani(built_site: Path) -> None:
    # GitHub Pages serves only the root 404.html, also for a missing /en/ or /rml/ address.
    from tests.sitebuild import TEST_SITE_URL

    root = TEST_SITE_URL.split("/", 3)[3]
    sections = _sections_by_language((built_site / "404.html").read_text(encoding="utf-8"))
    assert set(sections) == {"en", "rml"}
    english = parse_html(sections["en"])
    assert english.first("h2").text.strip() == "Page not found"
    links = {a.attrs["href"] for a in english.find_all("a")}
    assert {f"/{root}en/", f"/{root}en/stories/", f"/{root}en/search/"} <= links
    romani = parse_html(sections["rml"])
    assert romani.first("h2").text.strip() == "Adaja riga na sys"
    assert f"/{root}rml/search/" in {a.attrs["href"] for a in romani.find_all("a")}
    # Romani wording that no native speaker has checked says so, as it does on rml pages.
    assert "na sys ješčo dikhli" in sections["rml"]
    # The language folders' own pages keep to their language.
    assert _sections_by_language((built_site / "en/404.html").read_text(encoding="utf-8")) == {}


@pytest.mark.parametrize(
    ("path", "sections"),
    [
        ("search/index.html", {"Sākums", "Stāsti", "Mantojums", "Pasākumi", "Presei"}),
        ("en/search/index.html", {"Home", "Stories", "Heritage", "Events", "Press"}),
    ],
)
def test_without_javascript_the_search_page_offers_the_sections_not_raw_xml(
    built_site: Path, path: str, sections: set[str]
) -> None:
    html = (built_site / path).read_text(encoding="utf-8")
    fallback = re.search(r"<noscript>(.*?)</noscript>", html, re.DOTALL)
    assert fallback
    links = {a.text.strip(): a.attrs["href"] for a in parse_html(fallback.group(1)).find_all("a")}
    assert sections <= set(links)
    # sitemap.xml is for search engines; a reader following the link got a page of raw XML.
    assert not any(href.endswith(".xml") for href in links.values())
    page_folder = (built_site / path).parent
    for href in links.values():
        target = (page_folder / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href


def _all_samples(folder: Path, pattern: str, having: str = "") -> bool:
    texts = [path.read_text(encoding="utf-8") for path in folder.glob(pattern)]
    texts = [text for text in texts if re.search(having, text, re.MULTILINE)]
    assert texts
    return all(re.search(r"^sample: true$", text, re.MULTILINE) for text in texts)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("stories/index.html", "Pagaidām visi šeit publicētie stāsti ir ilustratīvi paraugi"),
        ("en/stories/index.html", "For now, every story here is an illustrative sample"),
        ("en/stories/themes/music/index.html", "none of them is a real person's story"),
        ("rml/stories/index.html", "Akana sare historiji adaj hi sikavipnaskire paraugi"),
    ],
)
def test_story_lists_say_when_every_story_is_a_sample(
    built_site: Path, path: str, words: str
) -> None:
    # Judged from the content, so the notice must go the day a real story is published.
    only_samples = _all_samples(Path(__file__).parents[2] / "stories", "*/index.*.md")
    listing = (built_site / path).read_text(encoding="utf-8")
    assert (words in listing) is only_samples


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("events/index.html", "Pagaidām visi šeit publicētie pasākumi ir ilustratīvi piemēri"),
        ("en/events/index.html", "For now, every event here is an illustrative example"),
        ("rml/events/index.html", "Akana sare pasaipena adaj hi sikavipnaskire paraugi"),
    ],
)
def test_the_event_list_says_when_every_event_is_a_sample(
    built_site: Path, path: str, words: str
) -> None:
    # Every event page says it is a sample, but the list itself (and its intro, "reports are
    # available for past events") read as the real programme. Judged from the content, so the
    # notice must go the day a real event is published.
    events = Path(__file__).parents[2] / "docs" / "events"
    texts = [p.read_text(encoding="utf-8") for p in events.glob("*.md") if p.stem[:6] != "index."]
    assert texts
    only_samples = all(re.search(r"^sample: true$", text, re.MULTILINE) for text in texts)
    listing = (built_site / path).read_text(encoding="utf-8")
    assert (words in listing) is only_samples
    if only_samples:
        # Above the lists, where a visitor starts reading them.
        assert listing.index(words) < listing.index('id="lrp-events-upcoming"')


def test_results_page_does_not_call_invented_figures_only_some_of_them(built_site: Path) -> None:
    # Only events with a report are counted.
    events = Path(__file__).parents[2] / "docs" / "events"
    only_samples = _all_samples(events, "*.en.md", having=r"^report:")
    page = (built_site / "en" / "results" / "index.html").read_text(encoding="utf-8")
    assert ("All the achieved figures come from the reports of illustrative events" in page) is (
        only_samples
    )
    assert ("Some of the figures come from" in page) is not only_samples


def _credits_in_english_on_romani_pages() -> set[str]:
    """Every credit value the Romani content files declare to be English (`credit_language`)."""
    values: set[str] = set()
    sources = [*PROJECT_ROOT.glob("docs/**/*.rml.md"), *PROJECT_ROOT.glob("stories/*/*.rml.md")]
    for source in sources:
        meta = parse_content(source.read_text(encoding="utf-8")).data or {}
        if meta.get("credit_language") != "en":
            continue
        values.add(meta.get("translator") or "")
        values.update((meta.get("credits") or {}).values())
        values.update(image.get("credit") or "" for image in meta.get("images") or [])
    return {value for value in values if value}


SCRIPT_RE = re.compile(r"<script\b.*?</script>", re.S)


def test_english_credits_on_romani_pages_are_marked_as_english(built_site: Path) -> None:
    # WCAG 3.1.2: a screen reader reads "the website's developers" with an English voice, not a
    # Romani one.
    credits = _credits_in_english_on_romani_pages()
    assert "the website's developers (machine-assisted draft)" in credits
    unmarked: list[str] = []
    checked = 0
    for page in html_pages(built_site / "rml"):
        html = SCRIPT_RE.sub("", page.read_text(encoding="utf-8"))  # JSON-LD is not read aloud
        for credit in credits:
            # Jinja writes an apostrophe as &#x27;, the copy-paste snippet as &#39; or as it is.
            written = re.escape(escape(credit, quote=False)).replace("'", "(?:'|&#x27;|&#39;)")
            for match in re.finditer(written, html):
                checked += 1
                before = html[: match.start()]
                if not before.endswith(('lang="en">', "lang=&#34;en&#34;&gt;")):
                    unmarked.append(f"{page.relative_to(built_site)}: {credit}")
    assert checked > 30
    assert unmarked == []


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_an_event_page_says_who_it_is_for_once(built_site: Path) -> None:
    # The facts list under the date gives `audience:`; the sample texts used to repeat it
    # under a heading of their own, which a screen reader read out twice.
    labels = {"lv": "Kam paredzēts", "en": "For", "rml": "Kaske"}
    repeated_headings = {"kam tas paredzēts", "who it is for", "kaske hi adava pasaipen"}
    event_pages = [
        page
        for page in html_pages(built_site)
        if "events" in page.relative_to(built_site).parts[:2] and page.parent.name != "events"
    ]
    assert len(event_pages) >= 39
    for page in event_pages:
        parsed = parse_html(page.read_text(encoding="utf-8"))
        label = labels[page_language(built_site, page)]
        elements = parsed.elements
        term = next(
            index
            for index, element in enumerate(elements)
            if element.tag == "dt" and element.text.strip() == label
        )
        shown = _normalised(next(e.text for e in elements[term:] if e.tag == "dd"))
        language = page_language(built_site, page)
        source = PROJECT_ROOT / "docs/events" / f"{page.parent.name}.{language}.md"
        meta = parse_content(source.read_text(encoding="utf-8")).data or {}
        assert shown == _normalised(meta["audience"]), page
        headings = {_normalised(e.text).lower() for e in parsed.find_all("h2")}
        assert not headings & repeated_headings, page
