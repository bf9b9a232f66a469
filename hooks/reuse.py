"""What a journalist copies from "Republish this story": clean HTML, plain text and Markdown.

The page's copy-and-paste snippet is the HTML copy under the story's title as an <h2>; the
downloaded HTML file has the title as its <h1> instead, and the feeds' full text has none (a
feed entry has a title of its own). The page also gives each photo a descriptive download name
(`photo_download_name`) and the licence one plain sentence (`licence_summary`).

Every copy carries the credit line and a link to the licence, because the licence (CC BY and
its variants) allows republication only with attribution. A story marked `sample` also carries
a notice that it is not a real person's story. Call these only for a story whose consent
allows republication (`hooks.consent.republication_allowed`); `images_allowed` is the photo
consent (`hooks.consent.photos_allowed`). Without it no <img>, no link to an image file and no
image URL appears in any copy, because a photo may show a person who agreed to tell their
story but not to be seen. With it, a photo still goes into the copies only if the front matter
gives it a licence of its own (`images[].licence`): the photographer, not the storyteller,
decides whether others may publish it.

Why nh3 as well as a parser of our own: the copy is pasted into other newsrooms' systems, so
the sanitising must hold against any markup that ever reaches a story page, including
malformed markup a browser would still run. nh3 binds ammonia, a maintained Rust sanitiser
built on html5ever, the HTML5-conformant parser from Servo: it parses as a browser does, so
tricks such as broken tags, odd entities or `java\\nscript:` URLs do not slip past it, and
it does the final allow-list (tags, attributes, URL schemes). What ammonia cannot express is
editorial: dropping MkDocs' "¶" heading anchors with their text, dropping photos and the
links to them without photo consent, adding the photo credit after each image. That pass is a
small tree walk over `html.parser` output; it also allow-lists, so the two agree, but safety
does not depend on it because everything it writes goes through nh3 afterwards.

Everything here is plain Python: the MkDocs glue lives in `hooks/plugin.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import nh3

from hooks import site_data
from hooks.dates import format_day
from hooks.feeds import SAMPLE_NOTICES, StoryImage, StoryVersion
from hooks.images import says_what_it_is
from hooks.languages import LANGUAGE_CODES, html_in_language
from hooks.slugs import slug_from_words


class Licence(NamedTuple):
    name: str
    url: str  # the canonical licence URL, language-neutral


LICENCES: dict[str, Licence] = {
    "CC-BY-4.0": Licence(
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC-BY-SA-4.0": Licence(
        "Creative Commons Attribution-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC-BY-ND-4.0": Licence(
        "Creative Commons Attribution-NoDerivatives 4.0 International",
        "https://creativecommons.org/licenses/by-nd/4.0/",
    ),
    "CC-BY-NC-4.0": Licence(
        "Creative Commons Attribution-NonCommercial 4.0 International",
        "https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    "CC-BY-NC-SA-4.0": Licence(
        "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    "CC-BY-NC-ND-4.0": Licence(
        "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    ),
}

# Creative Commons publishes a Latvian deed; there is none in Latvian Romani, so Romani readers
# get the English one.
DEED_LANGUAGES: dict[str, str] = {"lv": "lv", "en": "en", "rml": "en"}

# The wording of every copy is in `labels:` of data/ui/<lang>.yml (the Romani strings there await
# a native speaker's review).
SITE_NAMES: dict[str, str] = site_data.label_by_language("site_name")
_LICENCE_LABELS: dict[str, str] = site_data.label_by_language("licence")
_PHOTO_LABELS: dict[str, str] = site_data.label_by_language("photo")
_QUOTES: dict[str, tuple[str, str]] = {
    code: (site_data.labels(code)["quote_open"], site_data.labels(code)["quote_close"])
    for code in LANGUAGE_CODES
}
# One plain-language sentence per licence (`licence_summary:`), shown beside the licence line.
_LICENCE_SUMMARIES: dict[str, dict[str, str]] = site_data.label_by_language("licence_summary")
_CREDIT_BY: dict[str, str] = site_data.label_by_language("credit_by")
_CREDIT_BY_TRANSLATED: dict[str, str] = site_data.label_by_language("credit_by_translated")
_CREDIT_FIRST_PUBLISHED: dict[str, str] = site_data.label_by_language("credit_first_published")
# The same sentence as the notice on the translated page.
_UNREVIEWED_NOTICES: dict[str, str] = {
    code: site_data.ui_strings(code)["site"]["notice_unreviewed"] for code in LANGUAGE_CODES
}


# h5 only ever comes from `republish_snippet`, which puts the story's headings a level under
# its own <h2> headline; the story text itself is kept to h2-h4 (see _edit).
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "blockquote", "ul", "ol", "li", "em", "strong", "b", "i"}
    | {"a", "br", "figure", "figcaption", "img", "cite", "q", "span"}
)
_IMAGE_TAGS = frozenset({"img", "figure", "picture"})
# `lang` stays wherever the story marks a phrase in another language (a Romani saying in the
# English text), so that a screen reader on the republishing site still reads it correctly.
_LANG_TAGS = ("p", "blockquote", "li", "em", "strong", "b", "i", "cite", "q", "span")
# Every top-level block of the HTML copy says the story's language (see _in_language), so these
# keep `lang` as well.
_BLOCK_TAGS = ("h2", "h3", "h4", "h5", "ul", "ol", "figure")
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "lang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    **{tag: frozenset({"lang"}) for tag in _LANG_TAGS + _BLOCK_TAGS},
}
_LANG_VALUE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Gone together with everything inside them: their content is code, a form or a frame, never
# part of the story's text.
DROP_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button"}
    | {"select", "textarea", "template", "noscript", "canvas", "video", "audio", "frame"}
    | {"frameset", "applet", "head", "title", "h1"}
)
# The page title (h1) is dropped because every copy puts the title in its own place: the
# headline field of the journalist's system, or the first line of the text and Markdown copies.
#
# Links that belong to the page, not the story: MkDocs' "¶" heading anchors, footnote and
# citation back-links.
_FURNITURE_CLASSES = frozenset({"headerlink", "footnote-backref", "lrp-sources__back"})
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_IMAGE_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|heic)$", re.IGNORECASE)
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "source", "track", "area", "col", "meta"})
_VOID |= frozenset({"link", "base", "embed", "param"})


# -- licences, dates and the credit line --------------------------------------------------


def licence(licence_id: str) -> Licence:
    try:
        return LICENCES[licence_id]
    except KeyError:
        known = ", ".join(LICENCES)
        raise ValueError(f"unknown licence {licence_id!r}; use one of {known}") from None


def licence_label(licence_id: str) -> str:
    """'CC-BY-NC-ND-4.0' -> 'CC BY-NC-ND 4.0', the short form Creative Commons uses."""
    licence(licence_id)
    return "CC " + licence_id.removeprefix("CC-").removesuffix("-4.0") + " 4.0"


def deed_url(licence_id: str, language: str) -> str:
    """The human-readable summary of the licence, in the reader's language where CC has one."""
    return f"{licence(licence_id).url}deed.{DEED_LANGUAGES.get(language, 'en')}"


def licence_summary(licence_id: str, language: str) -> str:
    """What the licence allows, in one sentence of the reader's language.

    Only a reading aid beside the link to the licence: the deed and the licence text are what
    apply, so the sentence restates their conditions and adds none of its own."""
    licence(licence_id)
    return _LICENCE_SUMMARIES.get(language, _LICENCE_SUMMARIES["en"])[licence_id]


def _credit_lead(
    story: StoryVersion, language: str, site_names: Mapping[str, str], *, as_html: bool = False
) -> str:
    """The credit line up to and including the colon before the story's URL.

    As HTML, everything is escaped and the names carry their own `lang` when they are written
    in another language than the story (`credit_language:`)."""
    site = site_names.get(language) or SITE_NAMES.get(language) or SITE_NAMES["en"]
    when = format_day(story.date, language)
    wording = language if language in _CREDIT_FIRST_PUBLISHED else "en"
    by_table = _CREDIT_BY_TRANSLATED if story.translator else _CREDIT_BY
    if not as_html:
        by = by_table[wording].format(author=story.author, translator=story.translator)
        return _CREDIT_FIRST_PUBLISHED[wording].format(by=by, site=site, when=when)

    by = escape(by_table[wording]).format(
        author=html_in_language(story.author, story.credit_language),
        translator=html_in_language(story.translator or "", story.credit_language),
    )
    return escape(_CREDIT_FIRST_PUBLISHED[wording]).format(
        by=by, site=escape(site), when=escape(when)
    )


def credit_line(
    story: StoryVersion,
    language: str,
    site_name_by_language: Mapping[str, str] = SITE_NAMES,
) -> str:
    """The attribution a republished copy must carry, ending with the story's URL."""
    return f"{_credit_lead(story, language, site_name_by_language)} {story.url}"


def credit_line_html(
    story: StoryVersion,
    language: str,
    site_name_by_language: Mapping[str, str] = SITE_NAMES,
) -> str:
    """`credit_line` as HTML for the story page, with the credit names' own language marked."""
    lead = _credit_lead(story, language, site_name_by_language, as_html=True)
    return f"{lead} {escape(story.url)}"


def _licence_line(story: StoryVersion, language: str) -> str:
    label = _LICENCE_LABELS.get(language, _LICENCE_LABELS["en"])
    name = licence(story.licence).name
    return f"{label}: {licence_label(story.licence)} ({name}), {deed_url(story.licence, language)}"


def _notices(story: StoryVersion, language: str) -> list[str]:
    """What a copy must say before the story: that it is a sample, that its translation is
    unchecked. Both are on the page, and a copy must not drop them."""
    notices = []
    if story.sample:
        notices.append(SAMPLE_NOTICES.get(language, SAMPLE_NOTICES["en"]))
    if story.translation_unreviewed:
        notices.append(_UNREVIEWED_NOTICES.get(language, _UNREVIEWED_NOTICES["en"]))
    return notices


# -- a small HTML tree -----------------------------------------------------------------------


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node] = field(default_factory=list)


_Node = _Element | str


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#root")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str] = {}
        for name, value in attrs:
            values.setdefault(name, value or "")  # the first of duplicates wins, as in browsers
        element = _Element(tag, values)
        self._stack[-1].children.append(element)
        if tag not in _VOID:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        # An end tag without a matching open element is ignored; one that skips open elements
        # closes them too, which is what a browser does for the markup MkDocs writes.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def _parse(html: str) -> list[_Node]:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root.children


def _serialise(nodes: Iterable[_Node]) -> str:
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node, quote=False))
            continue
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in node.attrs.items())
        parts.append(f"<{node.tag}{attrs}>")
        if node.tag not in _VOID:
            parts.append(_serialise(node.children))
            parts.append(f"</{node.tag}>")
    return "".join(parts)


# -- the editorial pass ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    story: StoryVersion
    language: str
    images_allowed: bool
    site_names: Mapping[str, str]


def _safe_url(raw: str | None, base: str) -> str | None:
    """Absolute http(s)/mailto URL, or None for anything else (javascript:, data:, empty)."""
    if raw is None or not raw.strip():
        return None
    absolute = urljoin(base, raw.strip())
    return absolute if urlsplit(absolute).scheme.lower() in _URL_SCHEMES else None


def _is_image_link(url: str, ctx: _Context) -> bool:
    if any(image.url == url for image in (*ctx.story.images, ctx.story.image) if image):
        return True
    return bool(_IMAGE_FILE_RE.search(urlsplit(url).path))


def _known_images(story: StoryVersion) -> tuple[StoryImage, ...]:
    return (*story.images, *([story.image] if story.image else []))


def reusable_image(src: str, story: StoryVersion) -> StoryImage | None:
    """The story's photo at `src` if its rights holder licensed it for reuse, else None.

    The story's licence covers its words, not its photos: a photo goes into the copies only
    with a licence of its own, so a journalist is never handed a picture nobody allowed them
    to publish. A picture in the text that the front matter does not list has no licence.
    """
    return next(
        (image for image in _known_images(story) if image.url == src and image.licence), None
    )


_DOWNLOAD_CREDIT_LENGTH = 48  # characters of the credit in a download name


def photo_download_name(slug: str, number: int, credit: str, language: str) -> str:
    """The name a story photo is saved under: "anna-1-photo-janis-berzins.jpg".

    Weeks later, in a newsroom's downloads folder, "photo-1.jpg" says nothing; this name says
    which story, which of its photos and whose credit it needs. `credit` is the photo's credit
    (or the story's photographer), labelled as the copies label it ("Photo: …") when it does
    not say what it is already; without one the name has no credit part rather than a made-up
    one. Only the 1600 px JPEG is downloaded, hence ".jpg".
    """
    parts = [slug_from_words(slug) or "story", str(number)]
    if credit.strip():
        if not says_what_it_is(credit):
            credit = f"{_PHOTO_LABELS.get(language, _PHOTO_LABELS['en'])}: {credit}"
        words = slug_from_words(credit)
        if len(words) > _DOWNLOAD_CREDIT_LENGTH:
            # Cut at a word boundary, so that no name ends in half a surname.
            cut = words[: _DOWNLOAD_CREDIT_LENGTH + 1]
            words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:_DOWNLOAD_CREDIT_LENGTH]
        parts.append(words)
    return "-".join(part for part in parts if part) + ".jpg"


def _image_credit(src: str, ctx: _Context) -> list[_Node]:
    """The photo's credit as nodes: the name carries its own `lang` when the story's credits
    are written in another language (`credit_language:`)."""
    known = _known_images(ctx.story)
    name = next((image.credit for image in known if image.url == src and image.credit), None)
    name = name or ctx.story.photographer
    in_credit_language = bool(name and ctx.story.credit_language)
    if not name:
        # A photo in the text without a credit of its own and no photographer: the platform
        # that published it, so the copy never shows a photo with no name at all.
        name = ctx.site_names.get(ctx.language) or SITE_NAMES["en"]
    nodes: list[_Node] = [
        _Element("span", {"lang": ctx.story.credit_language}, [name]) if in_credit_language
        else name
    ]  # fmt: skip
    if not says_what_it_is(name):
        nodes.insert(0, f"{_PHOTO_LABELS.get(ctx.language, _PHOTO_LABELS['en'])}: ")
    image = reusable_image(src, ctx.story)
    if image is not None and image.licence != ctx.story.licence:
        # The copy ends with the story's licence; a photo under another one says which.
        nodes.append(f" ({licence_label(image.licence or '')})")
    return nodes


def _classes(element: _Element) -> set[str]:
    return set(element.attrs.get("class", "").split())


def _images_in(nodes: Iterable[_Node]) -> list[_Element]:
    found: list[_Element] = []
    for node in nodes:
        if isinstance(node, _Element):
            if node.tag == "img":
                found.append(node)
            found.extend(_images_in(node.children))
    return found


def _edit(nodes: Iterable[_Node], ctx: _Context, in_figure: bool = False) -> list[_Node]:
    out: list[_Node] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        tag = node.tag
        if tag in DROP_WITH_CONTENT or _classes(node) & _FURNITURE_CLASSES:
            continue
        if tag in _IMAGE_TAGS and not ctx.images_allowed:
            continue
        if tag == "img":
            out.extend(_edit_image(node, ctx, in_figure))
            continue
        children = _edit(node.children, ctx, in_figure or tag == "figure")
        if tag not in _VOID and not _has_content(children):
            continue  # e.g. the paragraph that held a photo which the copy leaves out
        if tag in _IMAGE_TAGS and _images_in(node.children) and not _images_in(children):
            continue  # a caption without the photo it describes
        if tag == "a":
            href = _safe_url(node.attrs.get("href"), ctx.story.url)
            # A link to a photo goes without photo consent; with it, a lightbox link around
            # the photo itself only repeats the image and goes as well.
            if href is not None and _is_image_link(href, ctx):
                only_images = all(
                    (isinstance(c, _Element) and c.tag == "img")
                    or (isinstance(c, str) and not c.strip())
                    for c in children
                )
                if only_images or not ctx.images_allowed or not reusable_image(href, ctx.story):
                    href = None
            if href is None:
                out.extend(children)  # the words stay, the link goes
            else:
                link = {"href": href}
                if _LANG_VALUE_RE.match(node.attrs.get("lang", "")):
                    link["lang"] = node.attrs["lang"]
                out.append(_Element("a", link, children))
            continue
        if tag == "figure":
            out.append(_Element("figure", {}, _with_figure_credit(children, ctx)))
            continue
        if tag in ("h5", "h6"):
            tag = "h4"
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
        attrs = {name: value for name, value in node.attrs.items() if name in allowed}
        if "lang" in attrs and not _LANG_VALUE_RE.match(attrs["lang"]):
            del attrs["lang"]
        if tag == "span" and not attrs:
            out.extend(children)  # a span is kept only for the language it marks
            continue
        out.append(_Element(tag, attrs, children))
    return out


def _has_content(nodes: list[_Node]) -> bool:
    return any(isinstance(node, _Element) or node.strip() for node in nodes)


def _edit_image(node: _Element, ctx: _Context, in_figure: bool) -> list[_Node]:
    src = _safe_url(node.attrs.get("src"), ctx.story.url)
    if src is None or reusable_image(src, ctx.story) is None:
        return []
    attrs = {"src": src, "alt": node.attrs.get("alt", "")}
    for name in ("width", "height"):
        if node.attrs.get(name, "").isdigit():
            attrs[name] = node.attrs[name]
    image = _Element("img", attrs)
    if in_figure:
        return [image]  # the figure puts the credit into its caption
    return [image, _Element("br"), _Element("em", {}, _image_credit(src, ctx))]


def _with_figure_credit(children: list[_Node], ctx: _Context) -> list[_Node]:
    credits: list[list[_Node]] = []
    for image in _images_in(children):
        credit = _image_credit(image.attrs["src"], ctx)
        if credit not in credits:
            credits.append(credit)
    if not credits:
        return children
    caption = next((c for c in children if isinstance(c, _Element) and c.tag == "figcaption"), None)
    if caption is None:
        caption = _Element("figcaption")
        children = [*children, caption]
    for credit in credits:
        if any(isinstance(c, _Element) or c.strip() for c in caption.children):
            caption.children.append(_Element("br"))
        caption.children.append(_Element("em", {}, credit))
    return children


def _sanitise(html: str, story: StoryVersion, images_allowed: bool) -> str:
    tags = set(ALLOWED_TAGS) if images_allowed else set(ALLOWED_TAGS - _IMAGE_TAGS)
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items() if tag in tags},
        url_schemes=set(_URL_SCHEMES),
        url_relative=("rewrite_with_base", story.url),
        # Only the licence link keeps its rel: it tells search engines and CC's tools that the
        # republished story is under that licence. Nothing else from the page's links.
        tag_attribute_values={"a": {"rel": {"license"}}} if "a" in tags else None,
        link_rel=None,
        strip_comments=True,
    )


def _story_body(
    story_html: str,
    story: StoryVersion,
    language: str,
    images_allowed: bool,
    site_names: Mapping[str, str],
) -> str:
    ctx = _Context(story, language, images_allowed, site_names)
    return _sanitise(_serialise(_edit(_parse(story_html), ctx)), story, images_allowed).strip()


# -- the three copies ------------------------------------------------------------------------


@dataclass(frozen=True)
class RepublishCopies:
    html: str  # the story and its credit, as the downloaded HTML file and the feeds carry it
    text: str
    markdown: str
    # What the page offers to copy and paste: `html` under the story's title as a heading.
    snippet: str


def republish_copies(
    story_html: str,
    story: StoryVersion,
    language: str,
    *,
    images_allowed: bool,
    site_names: Mapping[str, str] = SITE_NAMES,
) -> RepublishCopies:
    """All three copies from one cleaning pass over the story (the build needs all three)."""
    body = _story_body(story_html, story, language, images_allowed, site_names)
    parsed = _parse(body)
    return RepublishCopies(
        html=_html_copy(body, story, language, images_allowed, site_names),
        text=_text_copy(parsed, story, language, site_names),
        markdown=_markdown_copy(parsed, story, language, site_names),
        snippet=_html_copy(body, story, language, images_allowed, site_names, headline=True),
    )


def republish_html(
    story_html: str,
    story: StoryVersion,
    language: str,
    *,
    images_allowed: bool,
    site_names: Mapping[str, str] = SITE_NAMES,
) -> str:
    """The story's HTML, cleaned for pasting into another site, with the credit at the end."""
    return republish_copies(
        story_html, story, language, images_allowed=images_allowed, site_names=site_names
    ).html


def republish_snippet(
    story_html: str,
    story: StoryVersion,
    language: str,
    *,
    images_allowed: bool,
    site_names: Mapping[str, str] = SITE_NAMES,
) -> str:
    """The HTML to paste into another site's article: `republish_html` under an <h2> headline,
    with the story's own headings a level lower."""
    return republish_copies(
        story_html, story, language, images_allowed=images_allowed, site_names=site_names
    ).snippet


def republish_text(
    story_html: str,
    story: StoryVersion,
    language: str,
    *,
    images_allowed: bool,
    site_names: Mapping[str, str] = SITE_NAMES,
) -> str:
    """Plain text: title, the story, the credit line and the licence."""
    return republish_copies(
        story_html, story, language, images_allowed=images_allowed, site_names=site_names
    ).text


def republish_markdown(
    story_html: str,
    story: StoryVersion,
    language: str,
    *,
    images_allowed: bool,
    site_names: Mapping[str, str] = SITE_NAMES,
) -> str:
    """Markdown: the title as a heading, the story, then the credit line and the licence."""
    return republish_copies(
        story_html, story, language, images_allowed=images_allowed, site_names=site_names
    ).markdown


# The story's headings one level down, under the snippet's own headline.
_HEADING_BELOW = {"h2": "h3", "h3": "h4", "h4": "h5"}


def _headings_below_headline(nodes: list[_Node]) -> list[_Node]:
    for node in nodes:
        if isinstance(node, _Element):
            node.tag = _HEADING_BELOW.get(node.tag, node.tag)
            _headings_below_headline(node.children)
    return nodes


def _html_copy(
    body: str,
    story: StoryVersion,
    language: str,
    images_allowed: bool,
    site_names: Mapping[str, str],
    *,
    headline: bool = False,
) -> str:
    parts: list[str] = []
    if headline:
        # An <h2>: pasted into an article body, the snippet sits under the republishing page's
        # own <h1> (its site or its article headline), and a second h1 would break that page's
        # outline. The story's own h2 sections then become h3, so that they stay under the
        # story's title instead of beside it. The downloaded file and the feeds need no such
        # heading: the file has the title as its <h1>, a feed entry has its own title field.
        parts.append(f"<h2>{escape(story.title)}</h2>")
        body = _serialise(_headings_below_headline(_parse(body)))
    parts.extend(
        f"<p><strong>{escape(notice)}</strong></p>" for notice in _notices(story, language)
    )
    if body:
        parts.append(body)
    url = escape(story.url)
    lead = _credit_lead(story, language, site_names, as_html=True)
    label = escape(_LICENCE_LABELS.get(language, _LICENCE_LABELS["en"]))
    deed = escape(deed_url(story.licence, language))
    licence_text = escape(f"{licence_label(story.licence)} ({licence(story.licence).name})")
    parts.append(
        f'<p>{lead} <a href="{url}">{url}</a><br>'
        f'{label}: <a href="{deed}" rel="license">{licence_text}</a></p>'
    )
    # The footer goes through the sanitiser too, so the whole copy keeps the same guarantees.
    return _sanitise(_in_language("\n".join(parts), language), story, images_allowed)


def _in_language(html: str, language: str) -> str:
    """The copy with `lang` on each of its top-level blocks that does not name one already.

    Pasted into a site in another language (a Latvian story in an English newspaper), the
    story would otherwise be read aloud by screen readers with that site's pronunciation. A
    wrapping element would say it once, but editors of content systems often drop wrappers
    and keep the paragraphs.
    """
    nodes = _parse(html)
    for node in nodes:
        if isinstance(node, _Element) and "lang" not in node.attrs:
            node.attrs = {"lang": language, **node.attrs}
    return _serialise(nodes)


def html_document(fragment: str, title: str, language: str, *, tab_title: str = "") -> str:
    """The HTML copy as a file of its own: opened in a browser or an editor it shows the story's
    letters (ā, č, š) as they are, in its language, under its title. `tab_title`, when given,
    is what the browser tab shows instead (an illustrative story's is labelled as one, since
    the notice under the heading is not seen there)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(tab_title or title)}</title>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{fragment}\n</body>\n</html>\n"
    )


def _text_copy(
    body: list[_Node], story: StoryVersion, language: str, site_names: Mapping[str, str]
) -> str:
    blocks = [story.title, *_notices(story, language)]
    blocks.extend(_Renderer(language, markdown=False).blocks(body))
    blocks.append(credit_line(story, language, site_names) + "\n" + _licence_line(story, language))
    return "\n\n".join(blocks) + "\n"


def _markdown_copy(
    body: list[_Node], story: StoryVersion, language: str, site_names: Mapping[str, str]
) -> str:
    blocks = ["# " + _md_escape(story.title)]
    blocks.extend(f"**{_md_escape(notice)}**" for notice in _notices(story, language))
    blocks.extend(_Renderer(language, markdown=True).blocks(body))
    lead = _md_escape(_credit_lead(story, language, site_names))
    label = _LICENCE_LABELS.get(language, _LICENCE_LABELS["en"])
    link_text = _md_escape(f"{licence_label(story.licence)} ({licence(story.licence).name})")
    blocks.append("---")
    blocks.append(
        f"{lead} <{_md_url(story.url)}>\\\n"
        f"{label}: [{link_text}]({_md_url(deed_url(story.licence, language))})"
    )
    return "\n\n".join(blocks) + "\n"


# -- rendering the cleaned HTML as text or Markdown --------------------------------------------

_BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "figure"})
_BLOCK_TAGS |= frozenset({"figcaption"})
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")
_MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_ENTITY_RE = re.compile(r"&(?=#?\w+;)")
_MD_LINE_START_RE = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)


def _md_inline_escape(text: str) -> str:
    return _MD_ENTITY_RE.sub(r"\\&", _MD_INLINE_RE.sub(r"\\\1", text))


def _md_line_starts(text: str) -> str:
    # A line that starts like a list item ("- ", "2026. ") or a heading underline would turn
    # into one; only whole lines can tell, so this runs on assembled text.
    return _MD_LINE_START_RE.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    space, sign, number, dot = match.groups()
    # CommonMark escapes punctuation only: "2026. gadā" becomes "2026\\. gadā", not "\\2026".
    return f"{space}\\{sign}" if sign else f"{space}{number}\\{dot}"


def _md_escape(text: str) -> str:
    return _md_line_starts(_md_inline_escape(text))


def _md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace(">", "%3E")


class _Renderer:
    def __init__(self, language: str, *, markdown: bool) -> None:
        self.markdown = markdown
        self.quotes = _QUOTES.get(language, _QUOTES["en"])

    def blocks(self, nodes: Iterable[_Node]) -> list[str]:
        blocks: list[str] = []
        inline: list[str] = []

        def flush() -> None:
            text = self._tidy("".join(inline))
            if text:
                blocks.append(text)
            inline.clear()

        for node in nodes:
            if isinstance(node, _Element) and node.tag in _BLOCK_TAGS:
                flush()
                blocks.extend(self._block(node))
            else:
                inline.append(self._inline(node))
        flush()
        return blocks

    def _block(self, node: _Element) -> list[str]:
        tag = node.tag
        if tag in ("h2", "h3", "h4"):
            text = self._tidy(self._inline_all(node.children))
            if not text:
                return []
            return [("#" * int(tag[1]) + " " + text) if self.markdown else text]
        if tag == "blockquote":
            inner = "\n\n".join(self.blocks(node.children))
            if not inner:
                return []
            prefix = "> " if self.markdown else "    "
            return ["\n".join((prefix + line).rstrip() for line in inner.split("\n"))]
        if tag in ("ul", "ol"):
            items = [c for c in node.children if isinstance(c, _Element) and c.tag == "li"]
            lines: list[str] = []
            for number, item in enumerate(items, start=1):
                marker = f"{number}. " if tag == "ol" else "- "
                body = "\n".join(self.blocks(item.children)) or ""
                indent = " " * len(marker)
                body_lines = body.split("\n")
                lines.append(marker + body_lines[0])
                lines.extend((indent + line).rstrip() for line in body_lines[1:])
            return ["\n".join(lines)] if lines else []
        if tag == "li":
            return ["- " + "\n".join(self.blocks(node.children))]
        # p, figure, figcaption
        return self.blocks(node.children) if tag == "figure" else self._paragraph(node)

    def _paragraph(self, node: _Element) -> list[str]:
        text = self._tidy(self._inline_all(node.children))
        return [text] if text else []

    def _inline_all(self, nodes: Iterable[_Node]) -> str:
        return "".join(self._inline(node) for node in nodes)

    def _inline(self, node: _Node) -> str:
        if isinstance(node, str):
            text = _SPACE_RE.sub(" ", node)
            return _md_inline_escape(text) if self.markdown else text
        tag = node.tag
        if tag == "br":
            return "\\\n" if self.markdown else "\n"
        if tag == "img":
            alt = node.attrs.get("alt", "")
            src = node.attrs.get("src", "")
            if self.markdown:
                return f"![{_md_inline_escape(alt)}]({_md_url(src)})"
            return f"[{alt}] {src}" if alt else src
        inner = self._inline_all(node.children)
        if tag in _BLOCK_TAGS:
            # A block inside inline content (rare after cleaning): keep it on its own lines.
            return "\n" + "\n\n".join(self.blocks([node])) + "\n"
        if not inner.strip():
            return inner
        if tag in ("em", "i", "cite"):
            return self._wrap(inner, "*")
        if tag in ("strong", "b"):
            return self._wrap(inner, "**")
        if tag == "q":
            return f"{self.quotes[0]}{inner}{self.quotes[1]}"
        if tag == "a":
            href = node.attrs.get("href", "")
            text = inner.strip()
            if self.markdown:
                return f"[{inner}]({_md_url(href)})" if href else inner
            return inner if not href or text == href else f"{inner} ({href})"
        return inner

    def _wrap(self, inner: str, mark: str) -> str:
        if not self.markdown:
            return inner
        # Emphasis marks must touch the words they wrap, so the spaces go outside them.
        stripped = inner.strip()
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        return f"{lead}{mark}{stripped}{mark}{trail}"

    def _tidy(self, text: str) -> str:
        lines = [line.strip() for line in text.split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        text = "\n".join(lines)
        return _md_line_starts(text) if self.markdown else text
