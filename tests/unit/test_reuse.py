"""What a journalist copies from "Republish this story", and what must never be in it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest

from hooks.dates import format_day
from hooks.events import event_from_front_matter, format_when
from hooks.feeds import SAMPLE_NOTICES, StoryImage, StoryVersion
from hooks.reuse import (
    LICENCES,
    credit_line,
    credit_line_html,
    deed_url,
    html_document,
    licence_label,
    licence_summary,
    photo_download_name,
    republish_html,
    republish_markdown,
    republish_snippet,
    republish_text,
)

SITE = "https://romi.example.lv/"
STORY_URL = f"{SITE}stasti/anna/"
PHOTO_URL = f"{STORY_URL}anna.jpg"
FAMILY_URL = f"{SITE}atteli/gimene.jpg"

# Shaped like a MkDocs Material story page's content, with hostile additions.
PAGE = """
<h1 id="annas-dziesmas">Annas dziesmas<a class="headerlink" href="#annas-dziesmas"
 title="Permanent link">¶</a></h1>
<p class="lead" style="color:red" data-track="1" onclick="steal()">Mana vecmāmiņa
<em>dziedāja</em> &amp; <strong>spēlēja</strong> ģitāru. Sk. <a href="../maris/" id="m">Māra
stāstu</a> un <a href="/par/">par platformu</a>.</p>
<script>document.cookie = "stolen";</script>
<style>p { display: none }</style>
<iframe src="https://tracker.example/"><p>iframe fallback text</p></iframe>
<h2 id="berniba">Bērnība<a class="headerlink" href="#berniba" title="Permanent link">¶</a></h2>
<p><a href="javascript:alert(1)">Klikšķini</a> <a href="data:text/html,x">datu saite</a>
<a href="#berniba">augšup</a></p>
<p><img src="anna.jpg" alt="Anna pie loga" width="1200" height="800" onerror="steal()"
 class="photo"></p>
<figure class="md-figure"><a class="glightbox" href="gimene.jpg"><img src="/atteli/gimene.jpg"
 alt="Ģimene 1970. gadā"></a><figcaption>Ģimene pie mājas</figcaption></figure>
<p>Otrā rindkopa pēc foto.</p>
<blockquote><p>Dziesma ir <q>mūsu valoda</q>.</p></blockquote>
<ul><li>Vijole</li><li>Ģitāra<ol><li>sešstīgu</li><li>septiņstīgu</li></ol></li></ul>
<form action="/x"><input name="q" value="formas vērtība"><button>Sūtīt</button></form>
<svg><text>svg teksts</text></svg>
<div class="admonition note"><p class="admonition-title">Piezīme</p><p>rinda<br>nākamā</p></div>
"""


def story(**changes: object) -> StoryVersion:
    values: dict[str, object] = {
        "slug": "anna",
        "language": "lv",
        "title": "Annas dziesmas",
        "summary": "Anna stāsta par mūziku.",
        "date": date(2026, 3, 3),
        "url": STORY_URL,
        "author": "Ilze Kalniņa",
        "person_label": "Anna",
        "licence": "CC-BY-4.0",
        "photographer": "Jānis Bērziņš",
        "image": StoryImage(
            PHOTO_URL, 1200, 800, "Anna pie loga", "Foto studija Rīga", "CC-BY-4.0"
        ),
        # Listed in the front matter, licensed for reuse, credited to the story's photographer.
        "images": (StoryImage(FAMILY_URL, 800, 600, "Ģimene 1970. gadā", "", "CC-BY-4.0"),),
    }
    values.update(changes)
    return StoryVersion(**values)  # type: ignore[arg-type]


class _Collect(HTMLParser):
    """Every start tag with its attributes, to check what a pasting CMS would receive."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def collect(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


ALLOWED = {"p", "h2", "h3", "h4", "h5", "blockquote", "ul", "ol", "li", "em", "strong", "b"}
ALLOWED |= {"i", "a", "br", "figure", "figcaption", "img", "cite", "q"}


@pytest.fixture(params=[True, False], ids=["photos", "no-photos"])
def images_allowed(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


# The copy in the downloaded file and the feeds, and the snippet the page offers to paste: every
# safety test holds for both.
@pytest.fixture(params=[republish_html, republish_snippet], ids=["copy", "snippet"])
def render_html(request: pytest.FixtureRequest) -> Callable[..., str]:
    return request.param  # type: ignore[no-any-return]


def test_html_copy_has_no_scripts_frames_forms_or_their_content(
    render_html: Callable[..., str], images_allowed: bool
) -> None:
    html = render_html(PAGE, story(), "lv", images_allowed=images_allowed)
    lowered = html.lower()
    for banned in ("<script", "<style", "<iframe", "<form", "<input", "<button", "<svg"):
        assert banned not in lowered
    for content in ("stolen", "display: none", "iframe fallback", "formas vērtība", "svg teksts"):
        assert content not in html
    assert "Sūtīt" not in html


def test_html_copy_keeps_only_allowed_tags_and_attributes(
    render_html: Callable[..., str], images_allowed: bool
) -> None:
    html = render_html(PAGE, story(), "lv", images_allowed=images_allowed)
    assert " class=" not in html and " style=" not in html and " id=" not in html
    assert not re.search(r"\son\w+\s*=", html)
    assert "data-" not in html
    for tag, attrs in collect(html).tags:
        assert tag in ALLOWED
        allowed_attrs = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}.get(tag, set())
        if tag == "a" and "rel" in attrs:
            # Only the licence link says what it is; the page's own rel values stay behind.
            assert attrs == {"href": deed_url("CC-BY-4.0", "lv"), "rel": "license"}
            continue
        if tag != "a":
            # The copy's own blocks say they are in the story's language; PAGE marks no other.
            allowed_attrs = allowed_attrs | {"lang"}
            assert attrs.get("lang", "lv") == "lv", (tag, attrs)
        assert set(attrs) <= allowed_attrs, (tag, attrs)


def test_only_the_licence_link_keeps_a_rel() -> None:
    page = '<p>Skat. <a href="https://example.org/" rel="nofollow noopener">avotu</a>.</p>'
    html = republish_html(page, story(), "lv", images_allowed=False)
    assert 'rel="nofollow' not in html and "noopener" not in html
    assert html.count(' rel="license"') == 1


def test_html_copy_drops_dangerous_links_but_keeps_their_words(
    render_html: Callable[..., str], images_allowed: bool
) -> None:
    html = render_html(PAGE, story(), "lv", images_allowed=images_allowed)
    assert "javascript:" not in html and "data:" not in html
    assert "Klikšķini" in html and "datu saite" in html


def test_html_copy_drops_heading_anchors_and_the_page_title() -> None:
    html = republish_html(PAGE, story(), "lv", images_allowed=False)
    assert "¶" not in html
    assert "Permanent link" not in html
    assert '<h2 lang="lv">Bērnība</h2>' in html
    assert "<h1" not in html


def test_html_copy_keeps_the_story_structure() -> None:
    html = republish_html(PAGE, story(), "lv", images_allowed=False)
    assert "<em>dziedāja</em> &amp; <strong>spēlēja</strong>" in html
    assert '<blockquote lang="lv"><p>Dziesma ir <q>mūsu valoda</q>.</p></blockquote>' in html
    assert (
        '<ul lang="lv"><li>Vijole</li><li>Ģitāra<ol><li>sešstīgu</li><li>septiņstīgu</li></ol>'
        "</li></ul>" in html
    )
    assert '<p lang="lv">rinda<br>nākamā</p>' in html
    assert '<p lang="lv">Otrā rindkopa pēc foto.</p>' in html


def test_html_copy_links_back_to_the_original_site() -> None:
    html = republish_html(PAGE, story(), "lv", images_allowed=False)
    assert f'<a href="{SITE}stasti/maris/">Māra\nstāstu</a>' in html
    assert f'<a href="{SITE}par/">par platformu</a>' in html
    assert f'<a href="{STORY_URL}#berniba">augšup</a>' in html


def test_without_photo_consent_no_image_or_image_url_appears_anywhere() -> None:
    for render in (republish_html, republish_text, republish_markdown):
        output = render(PAGE, story(), "lv", images_allowed=False)
        assert "<img" not in output
        assert ".jpg" not in output
        assert "Anna pie loga" not in output  # alt text describes the photo
        assert "Ģimene pie mājas" not in output  # a caption without its photo
        assert "Foto studija Rīga" not in output and "Jānis Bērziņš" not in output
        assert "![" not in output


def test_with_photo_consent_each_image_is_followed_by_its_credit() -> None:
    html = republish_html(PAGE, story(), "lv", images_allowed=True)
    lead = (
        f'<img src="{PHOTO_URL}" alt="Anna pie loga" width="1200" height="800">'
        "<br><em>Foto: Foto studija Rīga</em>"
    )
    assert lead in html
    figure = re.search(r'<figure lang="lv">.*?</figure>', html, re.DOTALL)
    assert figure is not None
    assert f'<img src="{SITE}atteli/gimene.jpg" alt="Ģimene 1970. gadā">' in figure.group(0)
    # The photographer is credited in the caption after the photo.
    assert "<figcaption>Ģimene pie mājas<br><em>Foto: Jānis Bērziņš</em></figcaption>" in html
    # The lightbox link around the photo only repeats the image.
    assert 'gimene.jpg"><img' not in html and f"{STORY_URL}gimene.jpg" not in html
    assert html.count("<img") == 2


def test_a_drawing_marked_after_its_name_is_not_called_a_photo() -> None:
    # LRP065 tells editors to write "Name (illustration)"; "Foto: Name (ilustrācija)" in a
    # journalist's copy would call the drawing a photograph.
    drawn = StoryImage(
        PHOTO_URL, 1200, 800, "Anna pie loga", "Līga Ozoliņa (ilustrācija)", "CC-BY-4.0"
    )
    html = republish_html(PAGE, story(image=drawn), "lv", images_allowed=True)
    assert "<br><em>Līga Ozoliņa (ilustrācija)</em>" in html
    assert "Foto: Līga Ozoliņa" not in html
    assert "<em>Foto: Jānis Bērziņš</em>" in html  # the photograph beside it keeps its label
    name = photo_download_name("anna", 1, "Latvian Roma Platform (sample illustration)", "en")
    assert name == "anna-1-latvian-roma-platform-sample-illustration.jpg"


def test_photo_credits_in_another_language_keep_their_language_in_the_copy() -> None:
    html = republish_html(PAGE, story(credit_language="en"), "lv", images_allowed=True)
    assert '<br><em>Foto: <span lang="en">Foto studija Rīga</span></em>' in html
    assert '<em>Foto: <span lang="en">Jānis Bērziņš</span></em>' in html
    text = republish_text(PAGE, story(credit_language="en"), "lv", images_allowed=True)
    assert "<span" not in text and "lang=" not in text


def test_html_copy_ends_with_the_credit_and_licence() -> None:
    html = republish_html(PAGE, story(), "lv", images_allowed=False)
    last = html.rsplit('<p lang="lv">', 1)[1]
    assert last.startswith(
        "Šo stāstu (autors: Ilze Kalniņa) pirmo reizi publicēja Latvijas romu platforma "
        f'2026. gada 3. martā: <a href="{STORY_URL}">{STORY_URL}</a>'
    )
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.lv" rel="license">CC BY 4.0'
        in last
    )


def test_the_downloaded_html_is_a_document_in_the_storys_language() -> None:
    """Opened straight from the downloads folder, the file shows ā and š as they are."""
    fragment = republish_html(PAGE, story(), "lv", images_allowed=False)
    document = html_document(fragment, "Annas stāsts & dziesmas", "lv")
    assert document.startswith('<!DOCTYPE html>\n<html lang="lv">')
    assert '<meta charset="utf-8">' in document.split("</head>")[0]
    assert "<title>Annas stāsts &amp; dziesmas</title>" in document
    assert fragment in document.split("<body>")[1]


def test_credit_line_in_each_language() -> None:
    anna = story(date=date(2026, 3, 3))
    assert credit_line(anna, "lv") == (
        "Šo stāstu (autors: Ilze Kalniņa) pirmo reizi publicēja Latvijas romu platforma "
        f"2026. gada 3. martā: {STORY_URL}"
    )
    assert credit_line(anna, "en") == (
        "This story by Ilze Kalniņa was first published by the Latvian Roma Platform "
        f"on 3 March 2026: {STORY_URL}"
    )
    rml = credit_line(anna, "rml")
    assert "Ilze Kalniņa" in rml and "03.03.2026" in rml and rml.endswith(STORY_URL)


def test_credit_line_names_the_translator() -> None:
    translated = story(language="en", translator="Anna Ozola")
    assert credit_line(translated, "en").startswith(
        "This story by Ilze Kalniņa, translated by Anna Ozola, was first published"
    )
    assert "tulkojums: Anna Ozola" in credit_line(translated, "lv")


def test_english_credit_names_on_a_romani_story_are_marked_as_english() -> None:
    # Screen readers read a name with the page's Romani voice unless the name says otherwise.
    romani = story(language="rml", translator="Site developers <draft>", credit_language="en")
    line = credit_line_html(romani, "rml")
    assert '<span lang="en">Ilze Kalniņa</span>' in line
    assert '<span lang="en">Site developers &lt;draft&gt;</span>' in line
    assert line.endswith(STORY_URL)
    copy = republish_html(PAGE, romani, "rml", images_allowed=False)
    assert '<span lang="en">Site developers &lt;draft&gt;</span>' in copy
    # Credits in the story's own language need no mark, and the plain-text line never has one.
    assert "<span" not in credit_line_html(story(translator="Anna Ozola"), "lv")
    assert "<span" not in credit_line(romani, "rml")


def test_credit_line_uses_the_given_site_name() -> None:
    line = credit_line(story(), "en", {"en": "Roma Platform of Latvia"})
    assert "by the Roma Platform of Latvia on" in line


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 1, 1), "lv", "2026. gada 1. janvārī"),
        (date(2026, 12, 24), "lv", "2026. gada 24. decembrī"),
        (date(2026, 3, 3), "en", "3 March 2026"),
        (date(2026, 3, 3), "rml", "03.03.2026"),
        (date(2026, 11, 15), "rml", "15.11.2026"),
    ],
)
def test_dates_read_naturally_in_each_language(day: date, language: str, expected: str) -> None:
    assert format_day(day, language) == expected


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_a_story_copy_writes_its_date_as_an_event_page_does(language: str) -> None:
    # One reader meets both on the same site: "3.03.2026" under a story and "05.10.2026" on an
    # event read as two conventions (the Romani dates were written both ways until 2026-12).
    meeting = event_from_front_matter({"title": "M", "start": "2026-03-03"}, "m", language)
    on_that_day = format_when(meeting, language)
    assert on_that_day in credit_line(story(language=language), language)  # 2026-03-03


def test_licences_point_to_the_creative_commons_deeds() -> None:
    assert set(LICENCES) == {
        "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-ND-4.0",
        "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0",
    }  # fmt: skip
    for licence_id, (name, url) in LICENCES.items():
        assert name.startswith("Creative Commons Attribution")
        assert re.fullmatch(r"https://creativecommons\.org/licenses/[a-z-]+/4\.0/", url)
        assert url.split("/")[-3] == licence_id.removeprefix("CC-").removesuffix("-4.0").lower()
    assert deed_url("CC-BY-NC-ND-4.0", "lv").endswith("/by-nc-nd/4.0/deed.lv")
    assert deed_url("CC-BY-4.0", "en").endswith("/by/4.0/deed.en")
    assert deed_url("CC-BY-4.0", "rml").endswith("/by/4.0/deed.en")
    assert licence_label("CC-BY-NC-SA-4.0") == "CC BY-NC-SA 4.0"
    with pytest.raises(ValueError):
        licence_label("CC0")


def test_text_copy_has_title_story_credit_and_licence() -> None:
    text = republish_text(PAGE, story(language="en"), "en", images_allowed=False)
    assert text.startswith("Annas dziesmas\n\n")
    assert "<" not in text and "&amp;" not in text
    assert "Mana vecmāmiņa dziedāja & spēlēja ģitāru." in text
    assert f"Māra stāstu ({SITE}stasti/maris/)" in text
    assert "- Vijole\n- Ģitāra\n  1. sešstīgu\n  2. septiņstīgu" in text
    assert (
        "This story by Ilze Kalniņa was first published by the Latvian Roma Platform "
        f"on 3 March 2026: {STORY_URL}" in text
    )
    assert "Licence: CC BY 4.0 (Creative Commons Attribution 4.0 International), " in text
    assert "https://creativecommons.org/licenses/by/4.0/deed.en" in text


def test_markdown_copy_has_title_story_credit_and_licence() -> None:
    md = republish_markdown(PAGE, story(), "lv", images_allowed=False)
    assert md.startswith("# Annas dziesmas\n\n")
    assert "## Bērnība" in md
    assert "*dziedāja* & **spēlēja**" in md
    assert f"[Māra stāstu]({SITE}stasti/maris/)" in md
    assert "> Dziesma ir „mūsu valoda“." in md
    assert "rinda\\\nnākamā" in md
    assert f"2026. gada 3. martā: <{STORY_URL}>" in md
    assert "(https://creativecommons.org/licenses/by/4.0/deed.lv)" in md
    assert "<script" not in md and "stolen" not in md


def test_markdown_copy_keeps_photos_with_credit_when_allowed() -> None:
    md = republish_markdown(PAGE, story(), "lv", images_allowed=True)
    assert f"![Anna pie loga]({PHOTO_URL})\\\n*Foto: Foto studija Rīga*" in md


def test_markdown_text_cannot_turn_into_markup() -> None:
    page = "<p>2026. gadā *ne* [saite](x) <b>tā</b></p><p>- nav saraksts</p>"
    md = republish_markdown(page, story(), "lv", images_allowed=False)
    assert "2026\\. gadā \\*ne\\* \\[saite\\](x) **tā**" in md
    assert "\\- nav saraksts" in md


def test_sample_story_copies_say_it_is_not_real() -> None:
    sample = story(sample=True, language="en")
    for render in (republish_html, republish_text, republish_markdown):
        output = unescape(render(PAGE, sample, "en", images_allowed=False))
        # Before the story, so nobody quotes the text without having seen it.
        assert 0 <= output.find(SAMPLE_NOTICES["en"]) < output.find("Mana vecmāmiņa")


def test_unknown_licence_is_refused() -> None:
    with pytest.raises(ValueError):
        republish_html(PAGE, story(licence="all-rights-reserved"), "lv", images_allowed=False)


def test_each_front_matter_photo_is_credited_once_with_its_own_credit() -> None:
    # The figures the build adds around the story text, as the story page shows them.
    workshop = StoryImage(
        f"{STORY_URL}workshop.jpg", 1600, 1067, "Klavieres", "Ilze Kalniņa", "CC-BY-4.0"
    )
    drawing = StoryImage(
        f"{STORY_URL}violin.jpg", 1600, 2400, "Vijole", "Ilustrācija: Latvijas romu platforma",
        "CC-BY-4.0",
    )  # fmt: skip
    figures = (
        f'<figure><img src="{workshop.url}" alt="Klavieres"><figcaption>Sestdienas nodarbība'
        f'</figcaption></figure><figure><img src="{drawing.url}" alt="Vijole"></figure>'
    )
    anna = story(images=(workshop, drawing), image=None, photographer=None)
    html = republish_html(figures, anna, "lv", images_allowed=True)
    assert "<figcaption>Sestdienas nodarbība<br><em>Foto: Ilze Kalniņa</em></figcaption>" in html
    # A credit that already says what it credits is not called a photo as well.
    assert "<figcaption><em>Ilustrācija: Latvijas romu platforma</em></figcaption>" in html
    assert html.count("<em>") == 2
    assert "Foto: Latvijas romu platforma" not in html  # no fallback credit on top
    text = republish_text(figures, anna, "lv", images_allowed=True)
    assert "Sestdienas nodarbība\nFoto: Ilze Kalniņa" in text


def test_copies_of_an_unreviewed_translation_say_so_before_the_story() -> None:
    notice = "This translation has not yet been reviewed by a language specialist."
    translated = story(language="en", translation_unreviewed=True, translator="Site developers")
    for render in (republish_html, republish_text, republish_markdown):
        output = unescape(render(PAGE, translated, "en", images_allowed=False))
        assert 0 <= output.find(notice) < output.find("Mana vecmāmiņa")
        reviewed = unescape(render(PAGE, story(language="en"), "en", images_allowed=False))
        assert notice not in reviewed


def test_a_phrase_in_another_language_keeps_its_lang_in_the_html_copy() -> None:
    page = (
        '<p>She says <em lang="rml">Phen romanes!</em> and <span lang="rml">amari čhib</span>'
        '<span class="x">.</span> <em lang="x onmouseover=1">bad</em></p>'
    )
    html = republish_html(page, story(language="en"), "en", images_allowed=False)
    assert '<em lang="rml">Phen romanes!</em>' in html
    assert '<span lang="rml">amari čhib</span>.' in html  # a span without a language goes
    assert "<em>bad</em>" in html


def test_pasted_into_a_page_in_another_language_the_copy_still_says_its_own() -> None:
    """A Latvian story in an English newspaper is read aloud as Latvian: each block of the
    copy carries the story's language, since a content system may drop any wrapper."""
    page = (
        "<h2>Bērnība</h2><p>Teksts.</p><ul><li>Viens</li></ul>"
        '<blockquote lang="rml"><p>Phen romanes!</p></blockquote>'
    )
    html = republish_html(page, story(), "lv", images_allowed=False)
    assert html.startswith('<h2 lang="lv">Bērnība</h2><p lang="lv">Teksts.</p>')
    assert '<ul lang="lv"><li>Viens</li></ul>' in html
    assert '<blockquote lang="rml"><p>Phen romanes!</p></blockquote>' in html  # marked as said
    assert re.search(r'<p lang="lv">[^<]*<a href="https://', html)  # the credit line
    # Inside a block the language is inherited, so it is not repeated.
    assert "<li lang=" not in html and '<blockquote lang="rml"><p lang' not in html


def test_a_photo_without_a_licence_of_its_own_stays_out_of_every_copy() -> None:
    # The storyteller agreed to photos and to republication, but the photographer of the family
    # picture gave no licence: the copies keep the words and the licensed photo only.
    unlicensed = story(
        images=(StoryImage(FAMILY_URL, 800, 600, "Ģimene 1970. gadā", "Jānis Bērziņš"),)
    )
    for render in (republish_html, republish_text, republish_markdown):
        output = render(PAGE, unlicensed, "lv", images_allowed=True)
        assert "gimene.jpg" not in output
        assert "Ģimene 1970. gadā" not in output  # its alt text
        assert "Ģimene pie mājas" not in output  # its caption, which describes it
        assert "Anna pie loga" in output  # the licensed photo stays
        assert "Otrā rindkopa pēc foto." in output  # and so do the words around it
    html = republish_html(PAGE, unlicensed, "lv", images_allowed=True)
    assert html.count("<img") == 1 and "<figure" not in html


def test_a_photo_in_the_text_that_the_front_matter_does_not_list_is_left_out() -> None:
    page = f'<p>Vārdi.</p><p><img src="{STORY_URL}cits.jpg" alt="Cits attēls"></p>'
    for render in (republish_html, republish_text, republish_markdown):
        output = render(page, story(), "lv", images_allowed=True)
        assert "cits.jpg" not in output and "Cits attēls" not in output
        assert "Vārdi." in output


def test_a_photo_under_another_licence_than_the_story_names_it_in_its_credit() -> None:
    shared_alike = story(
        images=(StoryImage(FAMILY_URL, 800, 600, "Ģimene 1970. gadā", "", "CC-BY-SA-4.0"),)
    )
    html = republish_html(PAGE, shared_alike, "lv", images_allowed=True)
    assert "<em>Foto: Jānis Bērziņš (CC BY-SA 4.0)</em>" in html
    # The photo under the story's own licence needs no second mention.
    assert "<em>Foto: Foto studija Rīga</em>" in html


def test_every_licence_an_editor_can_choose_is_one_the_copies_can_name() -> None:
    import json
    from pathlib import Path

    schema = json.loads(
        (Path(__file__).parents[2] / "schemas" / "story.schema.json").read_text(encoding="utf-8")
    )
    story_choices = schema["properties"]["licence"]["enum"]
    photo_choices = schema["properties"]["images"]["items"]["properties"]["licence"]["enum"]
    assert story_choices == photo_choices == list(LICENCES)


# -- the snippet's headline ---------------------------------------------------------------------


def test_the_snippet_starts_with_the_storys_title_as_a_heading_in_its_language() -> None:
    """The downloads have the title; the pasted HTML has it too, so a journalist does not
    retype it (with its ā and š) from the page."""
    snippet = republish_snippet(PAGE, story(), "lv", images_allowed=False)
    assert snippet.startswith('<h2 lang="lv">Annas dziesmas</h2>\n')
    english = republish_snippet(PAGE, story(language="en", title="Anna's songs"), "en",
                                images_allowed=False)  # fmt: skip
    assert english.startswith('<h2 lang="en">Anna\'s songs</h2>')
    # The title is text, whatever it holds.
    hostile = story(title='Dziesmas <script>alert(1)</script> & "citi"')
    snippet = republish_snippet(PAGE, hostile, "lv", images_allowed=False)
    assert snippet.startswith(
        '<h2 lang="lv">Dziesmas &lt;script&gt;alert(1)&lt;/script&gt; &amp; "citi"</h2>'
    )
    assert "<script" not in snippet


def test_under_the_snippets_headline_the_storys_sections_are_a_level_lower() -> None:
    """Pasted under another site's <h1>, the title is an <h2> and the story's own sections
    come under it, not beside it: a screen reader's list of headings shows the outline."""
    page = "<h2>Bērnība</h2><p>Teksts.</p><h3>Skola</h3><p>Vairāk.</p><h4>Klase</h4>"
    snippet = republish_snippet(page, story(), "lv", images_allowed=False)
    levels = re.findall(r"<h(\d)", snippet)
    assert levels == ["2", "3", "4", "5"]
    assert '<h3 lang="lv">Bērnība</h3>' in snippet and '<h5 lang="lv">Klase</h5>' in snippet
    # The heading levels of the copy that the downloaded file (under its <h1>) and the feeds
    # carry stay as the page has them.
    copy = republish_html(page, story(), "lv", images_allowed=False)
    assert re.findall(r"<h(\d)", copy) == ["2", "3", "4"]
    # Apart from its headline and its headings, the snippet is that copy.
    body = snippet.split("</h2>\n", 1)[1]
    for low, high in (("h3", "h2"), ("h4", "h3"), ("h5", "h4")):
        body = body.replace(f"<{low} ", f"<{high} ").replace(f"</{low}>", f"</{high}>")
    assert body == copy


def test_the_snippets_headline_comes_before_the_notices() -> None:
    sample = story(sample=True, language="en")
    snippet = unescape(republish_snippet(PAGE, sample, "en", images_allowed=False))
    assert snippet.index("Annas dziesmas</h2>") < snippet.index(SAMPLE_NOTICES["en"])


# -- photo download names ---------------------------------------------------------------------


def test_a_photo_downloads_under_a_name_that_says_whose_story_and_whose_photo() -> None:
    assert (
        photo_download_name("anna-rudevica", 1, "Jānis Bērziņš", "en")
        == "anna-rudevica-1-photo-janis-berzins.jpg"
    )
    # Labelled in the page's language, as the copies label the credit.
    assert (
        photo_download_name("anna-rudevica", 2, "Jānis Bērziņš", "lv")
        == "anna-rudevica-2-foto-janis-berzins.jpg"
    )
    # A credit that says what it credits is not labelled again.
    assert (
        photo_download_name("anna", 1, "Ilustrācija: Līga Ozoliņa", "en")
        == "anna-1-ilustracija-liga-ozolina.jpg"
    )
    # No credit, no invented one.
    assert photo_download_name("anna", 3, " ", "en") == "anna-3.jpg"


def test_a_long_credit_is_cut_between_words() -> None:
    credit = "Latvijas Nacionālā vēstures muzeja krājums, fotogrāfs nezināms, ap 1970. gadu"
    name = photo_download_name("anna", 1, credit, "lv")
    assert name.startswith("anna-1-foto-latvijas-nacionala-vestures-muzeja")
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*\.jpg", name)
    credit_part = name.removeprefix("anna-1-").removesuffix(".jpg")
    assert len(credit_part) <= 48 and f"{credit_part}-" in "foto-" + (
        "latvijas-nacionala-vestures-muzeja-krajums-fotografs-nezinams-ap-1970-gadu-"
    )


# -- what the licence allows, in plain words ---------------------------------------------------


@pytest.mark.parametrize("language", ["lv", "en", "rml"])
def test_every_licence_an_editor_can_choose_has_a_plain_summary(language: str) -> None:
    summaries = {licence_id: licence_summary(licence_id, language) for licence_id in LICENCES}
    assert all(text.strip().endswith(".") for text in summaries.values())
    assert len(set(summaries.values())) == len(LICENCES)  # no two licences read alike
    with pytest.raises(ValueError):
        licence_summary("CC0", language)


@pytest.mark.parametrize(
    ("licence_id", "commercial", "adaptations", "same_licence"),
    [
        ("CC-BY-4.0", True, True, False),
        ("CC-BY-SA-4.0", True, True, True),
        ("CC-BY-ND-4.0", True, False, False),
        ("CC-BY-NC-4.0", False, True, False),
        ("CC-BY-NC-SA-4.0", False, True, True),
        ("CC-BY-NC-ND-4.0", False, False, False),
    ],
)
def test_the_summary_says_what_the_licence_says_and_no_more(
    licence_id: str, commercial: bool, adaptations: bool, same_licence: bool
) -> None:
    """Each Creative Commons condition, and only the licence's own: BY asks for credit, a link
    to the licence and a note of changes; NC rules out commercial purposes; ND rules out sharing
    adaptations, a translation included; SA asks for adaptations under the same licence."""
    en, lv = licence_summary(licence_id, "en"), licence_summary(licence_id, "lv")
    for text, credit in ((en, "credit line"), (lv, "atsauci")):
        assert credit in text
    assert "link to the licence" in en and "saiti uz licenci" in lv
    assert ("also commercially" in en) is commercial
    assert ("not for commercial purposes" in en) is not commercial
    assert ("arī komerciāliem mērķiem" in lv) is commercial
    assert ("ne komerciāliem mērķiem" in lv) is not commercial
    assert ("translate and adapt" in en) is adaptations
    assert ("tulkot un pārveidot" in lv) is adaptations
    # Whoever shares a changed version says so (BY 4.0, 3(a)(1)(B)); with ND none is shared.
    assert ("say if you changed it" in en) is adaptations
    assert ("vai stāsts ir mainīts" in lv) is adaptations
    assert ("may not share a translation or other adaptation" in en) is not adaptations
    assert ("izplatīt nedrīkst" in lv) is not adaptations
    assert ("under the same licence" in en) is same_licence
    assert ("ar to pašu licenci" in lv) is same_licence
    for text in (en, lv):
        assert "Latvia" not in text and "Latvij" not in text  # nothing about any country's law
