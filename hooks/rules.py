"""The editors' content rules: what each rule checks, how serious it is and how to fix it.

Every problem the content check reports is a `Finding` of one registered `Rule`. The registry is
the single source for the check's messages and for the published rules reference, so a rule is
documented the moment it exists. Terminology rules are registered from `data/terminology.yml`
by `hooks.terminology`; `all_rules()` loads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str  # "LRP001"; never reused for a different check, so old reports stay meaningful
    name: str  # slug, e.g. "yaml-syntax"
    severity: Severity
    summary: str  # what it checks, one sentence
    fix: str  # what the editor should do, one sentence ending with a full stop
    description: str = ""  # longer explanation for the rules reference
    group: str = "content"  # heading the rule is listed under in the reference


@dataclass(frozen=True)
class Wording:
    """The exact case of a problem as a key into the translated check texts (`check.messages`
    in `data/rules.<language>.yml`) with its values, for `make check LANGUAGE=lv`.

    The English message is still written out where the problem is found: English is what CI,
    JSON and the build print. A value may itself be a `Wording`, for a phrase ("under
    `consent:`") that each language words, and places, its own way."""

    key: str
    values: tuple[tuple[str, str | Wording], ...] = ()


def wording(key: str, /, **values: str | int | Wording) -> Wording:
    return Wording(
        key,
        tuple(
            (name, value if isinstance(value, Wording) else str(value))
            for name, value in values.items()
        ),
    )


def decimal_comma(number: float | str, places: int | None = None) -> str:
    """A number as the translated texts write it: `15,3`, with a decimal comma (Latvian).

    English needs no such value, since the English message is written where the problem is
    found; the only translated check texts are Latvian, which use a comma."""
    text = f"{number:.{places}f}" if places is not None else str(number)
    return text.replace(".", ",")


@dataclass(frozen=True)
class Issue:
    """A problem found in one file's text, before it is tied to the file's path."""

    rule: Rule
    line: int
    field: str
    problem: str  # what is wrong here, one sentence
    fix: str = ""  # a fix for this very case; the rule's general fix when empty
    wording: Wording | None = None  # the same problem and fix, for the translated texts

    def message(self) -> str:
        problem = self.problem.rstrip()
        if problem and problem[-1] not in ".!?":
            problem += "."
        return f"{problem} {self.fix or self.rule.fix}".strip()


@dataclass(frozen=True, order=True)
class Finding:
    # Field order is the sort order: by file, then line, then rule.
    path: str  # project-relative, posix
    line: int
    rule_id: str
    severity: Severity
    field: str  # dotted path into the front matter ("consent.review_by", "images.0.alt") or ""
    message: str  # one line that ends with the fix
    # Not compared: the same problem found twice is one finding, whatever its translation.
    wording: Wording | None = field(default=None, compare=False)

    def format(self) -> str:
        where = f" {self.field}" if self.field else ""
        return f"{self.path}:{self.line}: {self.severity} {self.rule_id}{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "rule_id": self.rule_id,
            "field": self.field,
            "message": self.message,
        }


def finding(path: str, issue: Issue) -> Finding:
    return Finding(
        path=path,
        line=max(issue.line, 1),
        rule_id=issue.rule.id,
        severity=issue.rule.severity,
        field=issue.field,
        message=" ".join(issue.message().split()),  # one line, whatever the details held
        wording=issue.wording,
    )


_REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    existing = _REGISTRY.get(rule.id)
    if existing is not None and existing != rule:
        raise ValueError(f"rule id {rule.id} is already used by {existing.name}")
    _REGISTRY[rule.id] = rule
    return rule


def all_rules() -> list[Rule]:
    """Every rule, terminology included, in ID order."""
    from hooks import terminology  # registers the data-driven rules on first import

    terminology.load_terms()
    return sorted(_REGISTRY.values(), key=lambda rule: rule.id)


def rule_by_id(rule_id: str) -> Rule:
    all_rules()
    return _REGISTRY[rule_id]


# -- reading the file ------------------------------------------------------------------------

FILE = "Reading the file"

YAML_SYNTAX = register(
    Rule(
        "LRP001",
        "yaml-syntax",
        "error",
        "The front matter (between the two `---` lines) must be valid YAML.",
        "Fix the line shown: indent with spaces (never tabs), close every quotation mark, and put "
        "a value that contains `: ` in quotes.",
        "If the front matter cannot be read, the site silently ignores all of it and shows it as "
        "text, so the page loses its title, dates and consent details.",
        FILE,
    )
)
UNSAFE_YAML_TAG = register(
    Rule(
        "LRP002",
        "unsafe-yaml-tag",
        "error",
        "The front matter uses a YAML tag such as `!!python/object` that is never read.",
        "Remove the tag (the part starting with `!`) and write the plain value.",
        "Tags can make a YAML reader run code, and even harmless ones (`!!binary`, `!!set`) turn "
        "text into something the page cannot show. The check never runs them and the field is "
        "treated as missing. Plain and quoted values need no tag.",
        FILE,
    )
)
MISSING_FRONT_MATTER = register(
    Rule(
        "LRP003",
        "missing-front-matter",
        "error",
        "Every content file starts with a front matter block between two `---` lines.",
        "Start the file with a line `---`, the fields (at least `title:`), then another `---`.",
        "",
        FILE,
    )
)
NOT_UTF8 = register(
    Rule(
        "LRP004",
        "not-utf8",
        "error",
        "Content files must be saved as UTF-8 text.",
        'Save the file again with the encoding "UTF-8" (in most editors: Save as → Encoding).',
        "Other encodings (such as Windows-1257) turn Latvian and Romani letters into garbage.",
        FILE,
    )
)
FILE_TOO_LARGE = register(
    Rule(
        "LRP005",
        "file-too-large",
        "error",
        "A Markdown file is at most 200 kB.",
        "Split the text into several pages, or move long tables and lists to a separate file.",
        "Very large pages load slowly on phones and usually mean something was pasted by mistake.",
        FILE,
    )
)
IMAGE_TOO_LARGE = register(
    Rule(
        "LRP006",
        "image-too-large",
        "error",
        "An image in a story folder is at most 15 MB.",
        "Resize the image to at most 2,400 pixels on the long side and save it as JPEG.",
        "",
        FILE,
    )
)
UNUSED_STORY_FILE = register(
    Rule(
        "LRP068",
        "unused-story-file",
        "warning",
        "Every file in a story folder is one of its texts (`index.<language>.md`) or a photo "
        "listed under `images:`.",
        "List the photo under `images:` in every language version, rename a text to "
        "`index.<language>.md`, or delete the file.",
        "The site publishes nothing else from a story folder, so such a file is left out unseen.",
        FILE,
    )
)
PRIVATE_DOCUMENT = register(
    Rule(
        "LRP069",
        "private-document",
        "error",
        "A story folder holds no documents, spreadsheets, recordings or archives.",
        "Delete the file and keep it in the platform's own records; if it was already committed, "
        "ask a maintainer to remove it from the history as well.",
        "The site publishes none of them, and the repository may be public: a consent form, "
        "interview notes or a recording hold personal data the storyteller did not agree to "
        "publish.",
        FILE,
    )
)
UNUSABLE_IMAGE = register(
    Rule(
        "LRP008",
        "unusable-image",
        "error",
        "A story's photo is a readable image at least 800 pixels on its long side.",
        "Use the original photo (JPEG or PNG), not a thumbnail, a screenshot or a messenger copy.",
        "The build cannot make the site's image sizes from a damaged, tiny or oversized file and "
        "stops. The check reads each photo's header; damage further inside the file (a photo cut "
        "off while copying) shows only when the build decodes it, under the same rule.",
        FILE,
    )
)
IMAGE_TOO_MANY_PIXELS = register(
    Rule(
        "LRP009",
        "image-too-many-pixels",
        "warning",
        "A story's photo has at most 40 megapixels.",
        "Export the photo at most 2,400 pixels on the long side; the site resizes it anyway.",
        "Such a photo is still published, but it makes the repository and every build slower.",
        FILE,
    )
)
PLACEHOLDER = register(
    Rule(
        "LRP007",
        "scaffold-placeholder",
        "error",
        "No `TODO(…)` placeholder from the template may stay in a file, and no field holds only "
        "`TODO`, `TBD`, `...` or `?`.",
        "Replace the placeholder with the real text, or remove the line if the field is optional.",
        "`python -m hooks.scaffold` creates new content with `TODO(…)` placeholders so that "
        "nothing half-written is published by accident.",
        FILE,
    )
)

# -- file names and places -------------------------------------------------------------------

NAMES = "File names and addresses"

UNKNOWN_LANGUAGE_SUFFIX = register(
    Rule(
        "LRP010",
        "unknown-language-suffix",
        "error",
        "The language part of the file name must be `lv`, `en` or `rml`.",
        "Rename the file so that it ends in `.lv.md`, `.en.md` or `.rml.md`.",
        "A file with another language code (for example `story.lt.md`) would be silently left "
        "out of the site.",
        NAMES,
    )
)
MISSING_LANGUAGE_SUFFIX = register(
    Rule(
        "LRP011",
        "missing-language-suffix",
        "error",
        "Every content file names its language before `.md`.",
        "Rename the file, for example `about.md` → `about.lv.md` (or `.en.md`, `.rml.md`).",
        "",
        NAMES,
    )
)
DUPLICATE_SLUG = register(
    Rule(
        "LRP012",
        "duplicate-slug",
        "error",
        "Two stories, heritage pages or events must not share a slug (the name in the address).",
        "Give one of them a different file or folder name.",
        "Listings, feeds and calendar files identify content by its slug.",
        NAMES,
    )
)
DUPLICATE_URL = register(
    Rule(
        "LRP013",
        "duplicate-url",
        "error",
        "Two files must not end up at the same web address.",
        "Keep only one of the files, or rename one (for example `x.lv.md` and `x/index.lv.md` "
        "both become `/x/`).",
        "",
        NAMES,
    )
)
SLUG_FORMAT = register(
    Rule(
        "LRP014",
        "slug-format",
        "warning",
        "Slugs use only lowercase Latin letters, digits and hyphens.",
        "Rename the file or folder, e.g. `Romu Stāsts` → `romu-stasts`.",
        "Spaces, capitals and letters with diacritics make addresses that break when shared.",
        NAMES,
    )
)
MISPLACED_FILE = register(
    Rule(
        "LRP015",
        "misplaced-file",
        "error",
        "A story is a folder: `stories/<slug>/index.<lang>.md`, with its images beside it.",
        "Move the file into its story's folder, e.g. `stories/anna-rudevica/index.lv.md`.",
        "Markdown files elsewhere in `stories/` are not published.",
        NAMES,
    )
)
MARKDOWN_EXTENSION = register(
    Rule(
        "LRP016",
        "markdown-extension",
        "error",
        "Content files end in `.md`, written in lowercase.",
        "Rename the file so that it ends in `.md`, e.g. `roma-day.lv.markdown` → `roma-day.lv.md`.",
        "MkDocs also builds `.markdown`, `.mdown`, `.mkdn` and `.mkd` files, but without any of "
        "the "
        "content checks (consent, safe HTML, links), and it copies a `.MD` or `.md.txt` file as it "
        "is or leaves it out. Some editors add `.txt` when saving.",
        NAMES,
    )
)
STORY_OUTSIDE_STORIES = register(
    Rule(
        "LRP017",
        "story-outside-stories",
        "error",
        "Stories live in `stories/<slug>/`, where their consent is checked, not in "
        "`docs/stories/`.",
        "Move the file to `stories/<slug>/index.<lang>.md`.",
        "`docs/stories/` holds only the story list (`index.<lang>.md`). Any other page there would "
        "be published as an ordinary page, without the consent checks that protect storytellers.",
        NAMES,
    )
)
NESTED_EVENT = register(
    Rule(
        "LRP018",
        "nested-event",
        "error",
        "Events sit directly in `docs/events/`, not in a subfolder.",
        "Move the file up into `docs/events/`; the date belongs in its front matter, not in a "
        "folder.",
        "An event in a subfolder would get a page but no place in the event list, the calendars "
        "or the feeds.",
        NAMES,
    )
)

# -- front matter fields ---------------------------------------------------------------------

FIELDS = "Front matter fields"

UNKNOWN_THEME = register(
    Rule(
        "LRP062",
        "unknown-theme",
        "error",
        "Each entry of `themes:` is a key from `data/themes.yml`.",
        "Use one of the keys listed in the message, or ask the web team to add a new theme.",
        "An unknown theme would get a list page without a name, in no language.",
        FIELDS,
    )
)
UNKNOWN_REGION = register(
    Rule(
        "LRP063",
        "unknown-region",
        "error",
        "`place.region` is a key from `data/regions.yml`, in lowercase.",
        "Use one of the keys listed in the message, e.g. `latgale`.",
        "A region written another way (`Latgale`, `Latgales reģions`) would get a second, nameless "
        "region page beside the real one.",
        FIELDS,
    )
)

REQUIRED_FIELD = register(
    Rule(
        "LRP020",
        "required-field",
        "error",
        "Fields the content type needs must be present.",
        "Add the missing field to the front matter.",
        "Every page needs `title`; a story also `consent` and `credits`, an event `start`, a "
        "heritage page `sources`; blocks such as `consent:` have required fields of their own. The "
        "message names the missing field.",
        FIELDS,
    )
)
WRONG_TYPE = register(
    Rule(
        "LRP021",
        "wrong-type",
        "error",
        "Each field holds the kind of value it expects: text, a number, true/false, a list or a "
        "group of fields.",
        "Write the value in the form named in the message.",
        "",
        FIELDS,
    )
)
INVALID_VALUE = register(
    Rule(
        "LRP022",
        "invalid-value",
        "error",
        "A field's value must be one of the allowed values or have the required form.",
        "Use one of the values named in the message.",
        "For example `translation:` is `original`, `reviewed` or `unreviewed`; dates are "
        "written YYYY-MM-DD.",
        FIELDS,
    )
)
UNKNOWN_FIELD = register(
    Rule(
        "LRP023",
        "unknown-field",
        "error",
        "Only the fields of the content type are allowed; a misspelt field is silently ignored "
        "by the site.",
        "Correct the spelling or remove the field.",
        "",
        FIELDS,
    )
)
DUPLICATE_FIELD = register(
    Rule(
        "LRP024",
        "duplicate-field",
        "error",
        "A field appears only once in the same block.",
        "Delete one of the two lines; only the last one would be used.",
        "",
        FIELDS,
    )
)
IMPOSSIBLE_DATE = register(
    Rule(
        "LRP025",
        "impossible-date",
        "error",
        "Dates and times must exist in the calendar (no 30 February, no 25:00).",
        "Correct the date; write it as YYYY-MM-DD (and the time as HH:MM).",
        "",
        FIELDS,
    )
)
LONG_TEXT = register(
    Rule(
        "LRP026",
        "long-text",
        "warning",
        "A title has at most 100 characters; a summary or description at most 300.",
        "Shorten it; the rest of the story belongs in the text.",
        "Titles and summaries are shown on cards, in search results, feeds and link previews, "
        "which cut long ones off, and a screen reader reads the whole of each card.",
        FIELDS,
    )
)
MARKUP_IN_TITLE = register(
    Rule(
        "LRP027",
        "markup-in-title",
        "error",
        "A title is plain text: it has no `<` or `>`.",
        "Remove the angle brackets, or write the words out (“less than”, “more than”).",
        "The theme prints titles as they are in the menu, the browser tab and the search results, "
        "so `<` and `>` would be read as HTML and break the page around them.",
        FIELDS,
    )
)
TEXT_CUT_BY_COMMENT = register(
    Rule(
        "LRP070",
        "text-cut-by-comment",
        "warning",
        "A text field without quotation marks has no ` #` in it.",
        'Put the whole value in quotation marks, e.g. `title: "Song #1 of the evening"`.',
        "In front matter a space followed by `#` starts a comment, so the rest of the line is "
        "left out of the title, summary or alt text without any error.",
        FIELDS,
    )
)

# -- links, images and HTML ------------------------------------------------------------------

LINKS = "Links, images and HTML"

BROKEN_LINK = register(
    Rule(
        "LRP030",
        "broken-link",
        "error",
        "A relative link must point to a file that exists.",
        "Correct the path or create the page; link to a page as `name.md`, which finds the page in "
        "the reader's language.",
        "Links in a story are resolved as if the story were in `docs/stories/<slug>/`.",
        LINKS,
    )
)
BROKEN_IMAGE = register(
    Rule(
        "LRP031",
        "broken-image",
        "error",
        "An image or other file named in the text or the front matter must exist.",
        "Check the file name (capital letters count) and put the file next to the page.",
        "",
        LINKS,
    )
)
OUTSIDE_REPOSITORY = register(
    Rule(
        "LRP032",
        "outside-repository",
        "error",
        "A link or image must not point outside the project or to a file on someone's computer.",
        "Copy the file into the project (next to the page) and link to it by its name.",
        "Paths such as `../../../x` that leave the project, `C:\\…`, `/home/…` or `file:` only "
        "work on the computer where the text was written.",
        LINKS,
    )
)
ABSOLUTE_SITE_LINK = register(
    Rule(
        "LRP033",
        "absolute-site-link",
        "warning",
        "Links inside the site are relative links to the `.md` file, not addresses starting "
        "with `/`.",
        "Link to the Markdown file instead, e.g. `../about.md`; the site turns it into the right "
        "address in every language.",
        "",
        LINKS,
    )
)
UNSAFE_HTML = register(
    Rule(
        "LRP034",
        "unsafe-html",
        "error",
        "No `<script>`, `<iframe>`, `<object>`, `<embed>`, `<meta>`, `<link>`, `<style>`, `<form>` "
        "or `on…=` event attributes in the text.",
        "Remove the HTML; to show a video or map, ask the web team for a safe embed.",
        "Such HTML can run code in readers' browsers, send them to another site, restyle or hide "
        "the page, collect what they type or load other sites' trackers. Attribute lists count "
        "too: `[text](page.md){onclick=…}`.",
        LINKS,
    )
)
UNSAFE_URL = register(
    Rule(
        "LRP035",
        "unsafe-url",
        "error",
        "Links and images must not use `javascript:`, `vbscript:` or `data:` addresses.",
        "Link to a normal web address, or save the image as a file next to the page.",
        "",
        LINKS,
    )
)

MISSING_ANCHOR = register(
    Rule(
        "LRP036",
        "missing-anchor",
        "error",
        "A link to a place on a page (`page.md#part`, `#part`) names an anchor that page has.",
        "Copy the anchor from the heading's ¶ link on the built page, or link to the whole page "
        "without the `#…` part.",
        "A heading's anchor is its text in lower case, without accents and punctuation, with `-` "
        "between the words (`## Kas mēs esam` → `#kas-mes-esam`); `{#name}` after a heading sets "
        "it. Each language version has its own headings, so the anchor is checked in the version "
        "the reader gets.",
        LINKS,
    )
)
EXTERNAL_IMAGE = register(
    Rule(
        "LRP037",
        "external-image",
        "error",
        "Images are files in the project, not addresses on other websites.",
        "Download the image (if its licence allows) and save it next to the page, using its file "
        "name; in a story, save it in the story's folder and list it under `images:` instead.",
        "The site loads nothing from other websites, so that no one learns who reads it; the "
        "browser refuses such an image and readers see an empty box.",
        LINKS,
    )
)
STORY_FOLDER_FILE = register(
    Rule(
        "LRP038",
        "story-folder-file",
        "error",
        "No page shows or links the files of a story folder directly in its text.",
        "Delete it from the text, and list the photo under `images:` in the front matter if it is "
        "not there yet (with `alt:` and `credit:`): the page shows every listed photo.",
        "Only the photos listed under `images:` are published, in web sizes and without location "
        "data, and only when `consent.photos` is true.",
        LINKS,
    )
)

INSECURE_LINK = register(
    Rule(
        "LRP039",
        "insecure-link",
        "warning",
        "Web addresses start with `https://`, not `http://`.",
        "Open the address in a browser and copy the `https://` address it shows; keep `http://` "
        "only if the site has no other.",
        "An `http://` page can be changed on its way to the reader, and browsers mark it as not "
        "secure. Addresses of the computer itself (`http://localhost`, `http://127.0.0.1`) are "
        "not reported.",
        LINKS,
    )
)

# -- content types ---------------------------------------------------------------------------

TYPES = "Stories, heritage and events"

HERITAGE_WITHOUT_SOURCES = register(
    Rule(
        "LRP040",
        "heritage-without-sources",
        "error",
        "A heritage page lists at least one source in `sources:`.",
        "Add a `sources:` list with at least one entry (`id:` and `title:`).",
        "Heritage facts must be traceable to published sources.",
        TYPES,
    )
)
UNKNOWN_CITATION = register(
    Rule(
        "LRP041",
        "unknown-citation",
        "error",
        "Every citation `[@id]` in the text names a source listed in `sources:`.",
        "Correct the id in the text, or add a source with that `id:` to `sources:`.",
        "",
        TYPES,
    )
)
UNCITED_SOURCE = register(
    Rule(
        "LRP042",
        "uncited-source",
        "info",
        "A source listed in `sources:` is never cited in the text.",
        "Cite it where it is used with `[@id]`, or leave it as further reading.",
        "",
        TYPES,
    )
)
IMAGE_ALT_MISSING = register(
    Rule(
        "LRP043",
        "image-alt-missing",
        "error",
        "Every image has alternative text (`alt:`) in the page's language.",
        "Describe what the image shows in one sentence in `alt:` (for blind readers).",
        "",
        TYPES,
    )
)
CONSENT_REVIEW_DUE = register(
    Rule(
        "LRP044",
        "consent-review-due",
        "warning",
        "The storyteller's consent has a review date (`consent.review_by`) that has passed.",
        "Ask the consent officer to review the consent with the storyteller, then update "
        "`consent.review_by`; until then the build leaves the story out.",
        "",
        TYPES,
    )
)
CONSENT_DATES = register(
    Rule(
        "LRP045",
        "consent-dates",
        "error",
        "The consent date comes before its review date.",
        "Check `consent.date` and `consent.review_by` against the consent record.",
        "",
        TYPES,
    )
)
CONSENT_WITHDRAWN = register(
    Rule(
        "LRP046",
        "consent-withdrawn",
        "warning",
        "A story whose consent is withdrawn is not published; its files should go too.",
        "Delete the story folder (the build already leaves the story out); keep the record only in "
        "the consent register.",
        "GDPR Art. 7(3): withdrawing consent must stop publication everywhere.",
        TYPES,
    )
)
CONSENT_LANGUAGE = register(
    Rule(
        "LRP047",
        "consent-language",
        "warning",
        "A story is published only in languages the storyteller agreed to (`consent.languages`).",
        "Delete this language version (the build leaves it out), or record the new consent and add "
        "the language to `consent.languages`.",
        "",
        TYPES,
    )
)
CONSENT_PHOTOS = register(
    Rule(
        "LRP048",
        "consent-photos",
        "warning",
        "A story shows photos only if `consent.photos` is true; the build leaves them out "
        "otherwise.",
        "Remove the images, or record the photo consent and set `consent.photos: true`.",
        "",
        TYPES,
    )
)
CONSENT_MISMATCH = register(
    Rule(
        "LRP049",
        "consent-mismatch",
        "error",
        "All language versions of a story carry the same consent details.",
        "Make the `consent:` block the same in every language version, as the consent record says.",
        "",
        TYPES,
    )
)
IMAGE_WITHOUT_LICENCE = register(
    Rule(
        "LRP056",
        "image-without-licence",
        "warning",
        "A photo of a story that may be republished says under which licence others may reuse it.",
        "Add `licence:` to the image with the licence its rights holder agreed to (e.g. "
        "`licence: CC-BY-4.0`); without one the photo is shown but left out of the republish "
        "copies.",
        "The story's `licence:` covers its words, which the storyteller gave; a photo belongs to "
        "whoever took or owns it, so only they can allow journalists to publish it again.",
        TYPES,
    )
)
PHOTOS_MISMATCH = register(
    Rule(
        "LRP057",
        "photos-mismatch",
        "warning",
        "All language versions of a story list the same photos, in the same order, with the same "
        "licence.",
        "List the same files under `images:` in every language version (alt text and caption in "
        "that version's language), and give each photo the same `licence:` in all of them.",
        "Otherwise readers of one language miss a photo, the link previews differ between "
        "languages, and a journalist is told a photo may be reused in one language but not in "
        "another. The list most versions share counts as right (Latvian on a tie).",
        TYPES,
    )
)

STORY_IDENTITY_MISMATCH = register(
    Rule(
        "LRP066",
        "story-identity-mismatch",
        "error",
        "All language versions of a story name the storyteller and show their place in the same "
        "way: the same `person.naming`, `person.name`, `place.shown` and `place.region`.",
        "Correct the field in every language version so that it matches what the storyteller "
        "agreed to, as the consent record says.",
        "A version that shows the full name or the town reveals what the others hide, and the "
        "language switcher links the versions to each other. Every version is reported, since only "
        "the consent record says which one is right. A town's name is not compared: each language "
        "may spell it its own way.",
        TYPES,
    )
)
STORY_DATE_MISMATCH = register(
    Rule(
        "LRP067",
        "story-date-mismatch",
        "warning",
        "All language versions of a story give the same `date`.",
        "Write the same `date:` in every language version: the day the story was recorded or first "
        "published, not the day it was translated.",
        "The lists sort stories by this date, and the feeds announce it; versions with different "
        "dates stand in different places in each language's list. The date most versions share "
        "counts as right (Latvian on a tie).",
        TYPES,
    )
)

CREDIT_WITH_LABEL = register(
    Rule(
        "LRP065",
        "credit-with-label",
        "warning",
        'A credit gives only the name: the page writes the label ("Photos:", "Author:") before it.',
        'Write only the name, e.g. `photographer: "Līga Bērziņa"`; for a drawing, say so after '
        'the name: `"Līga Bērziņa (illustration)"`.',
        '"Foto: Līga Bērziņa" is shown as "Foto: Foto: Līga Bērziņa", and a feed or a '
        "journalist's system would take \"Foto: Līga Bērziņa\" for the photographer's name.",
        TYPES,
    )
)

HERITAGE_UNLISTED = register(
    Rule(
        "LRP058",
        "heritage-unlisted",
        "warning",
        "Every heritage page is linked from the heritage section's first page in its language.",
        "Add a line for it to the list in `docs/heritage/index.<language>.md`, such as "
        "`- [Music](music.md) — what the page is about`.",
        "The menu shows only the section's first page, so a page it does not link to is found "
        "only through search.",
        TYPES,
    )
)
PLACE_HIDDEN = register(
    Rule(
        "LRP050",
        "place-hidden",
        "error",
        "A town or region the storyteller chose to hide (`place.shown`) is not written down.",
        "Delete the hidden `place.town` / `place.region` value from the front matter.",
        "The repository may be public: a hidden place written in the front matter is not hidden.",
        TYPES,
    )
)
EVENT_END_BEFORE_START = register(
    Rule(
        "LRP051",
        "event-end-before-start",
        "error",
        "An event ends after it starts.",
        "Correct `start:` or `end:`.",
        "Times without a time zone are Latvian time (Europe/Riga).",
        TYPES,
    )
)
REGISTRATION_AFTER_START = register(
    Rule(
        "LRP052",
        "registration-after-start",
        "warning",
        "The registration deadline is not after the event starts.",
        "Correct `registration.deadline` (or `start:`).",
        "",
        TYPES,
    )
)
EVENT_REPORT_MISSING = register(
    Rule(
        "LRP054",
        "event-report-missing",
        "warning",
        "Two weeks after an event, its page has a `report:`, or a `status:` that says it did not "
        "take place.",
        "Add `report:` with a `summary:` of what happened and the `participants:` numbers, or set "
        "`status: cancelled` or `status: postponed`.",
        "Until then the page still announces the event as if it were to come, in the lists, the "
        "calendar and the feeds. Each language version has its own report.",
        TYPES,
    )
)
EVENT_MISMATCH = register(
    Rule(
        "LRP055",
        "event-mismatch",
        "error",
        "All language versions of an event give the same time, status, languages, online address, "
        "registration and participant numbers.",
        "Correct the field so that it matches the other language versions.",
        "Each language has its own calendar file, feed and page, so a time corrected in one "
        "version only sends readers of the others to the wrong hour. Venue and town may be "
        "translated; the field most versions agree on counts as right (Latvian on a tie).",
        TYPES,
    )
)
EVENT_REPORT_NUMBERS_MISSING = register(
    Rule(
        "LRP071",
        "event-report-numbers-missing",
        "warning",
        "When one language version of an event's report gives `participants:`, every version has "
        "a `report:` that gives them.",
        "Copy the `participants:` numbers, or the whole `report:` where there is none, from the "
        "version named in the message; only the `summary:` is translated.",
        "The numbers are the same in every language, and a reader of this version would otherwise "
        "see the report without them. A warning, not an error, so that a report added in one "
        "language can be published before its translation is complete.",
        TYPES,
    )
)
CONSENT_NOT_YET_VALID = register(
    Rule(
        "LRP053",
        "consent-date-future",
        "warning",
        "The consent date is not in the future.",
        "Check `consent.date` against the consent record; the build does not publish the story "
        "before that date.",
        "",
        TYPES,
    )
)

# -- translations ----------------------------------------------------------------------------

TRANSLATIONS = "Translations"

TRANSLATION_STATUS_MISSING = register(
    Rule(
        "LRP060",
        "translation-status-missing",
        "warning",
        "English and Romani pages say whether their translation was reviewed.",
        "Add `translation: unreviewed` (or `reviewed` once a fluent speaker has checked it, or "
        "`original` if the text was written in this language).",
        'Without it the page is shown with the "not yet reviewed" notice.',
        TRANSLATIONS,
    )
)
UNREVIEWED_WITHOUT_TRANSLATOR = register(
    Rule(
        "LRP061",
        "unreviewed-without-translator",
        "info",
        "An unreviewed translation names who translated it.",
        'Add `translator:` with the translator\'s name (or "machine translation").',
        "",
        TRANSLATIONS,
    )
)

TEXT_IN_OTHER_LANGUAGE = register(
    Rule(
        "LRP064",
        "text-in-other-language",
        "warning",
        "The text of each page is in the language its file name says.",
        "Put each text in the file of its language (`.lv.md`, `.en.md`, `.rml.md`); if this text "
        "is right where it is, ignore this warning.",
        "Judged by each language's most common short words (Latvian “un”, “ir”, “ar”; English "
        "“the”, “and”, “of”; Romani “hi”, “pal”, “kaj”): on this site they are 7-41 % of "
        "a page's words in its own language and at most 3.4 % in another. A text pasted into the "
        "wrong file is shown under the other language's menus and read aloud by screen readers "
        "with the wrong pronunciation.",
        TRANSLATIONS,
    )
)

# -- the check itself ------------------------------------------------------------------------

INTERNAL_ERROR = register(
    Rule(
        "LRP099",
        "internal-error",
        "error",
        "The check itself failed on this file.",
        "Please report this message to the web team (the other files were still checked).",
        "",
        FILE,
    )
)
