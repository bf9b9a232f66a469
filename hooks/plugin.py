"""MkDocs glue: wires build events to the plain functions in the other `hooks` modules.

mkdocs-static-i18n runs one full MkDocs build per language, so every event below fires once
per language. Work that is the same for the whole site happens only after the last language
(see `on_post_build`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from html import escape
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hooks import (
    event_calendar,
    events,
    feeds,
    file_digests,
    fragments,
    images,
    kept_results,
    link_previews,
    preview,
    render_cache,
    results,
    reuse,
    site_data,
    social_cards,
    source_dates,
    structured_data,
    theme_files,
)
from hooks.alternates import (
    absolute,
    available_language_urls,
    group_translations,
    hreflang_alternates,
    language_of_source,
    relative_root,
)
from hooks.build_date import build_date, build_datetime
from hooks.citations import parse_sources, render_citations
from hooks.content_checks import check_project, count_by_severity, has_errors
from hooks.dates import format_day
from hooks.file_store import FileStore
from hooks.frontmatter import (
    load_front_matter_cache,
    normalise_text,
    save_front_matter_cache,
)
from hooks.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    LANGUAGES,
    credit_language,
    strip_language_prefix,
    url_prefix,
)
from hooks.listings import (
    MAIN_LISTING_SRC,
    ListingPage,
    build_listings,
    facet_counts,
    listing_languages,
    listing_title,
    only_samples,
)
from hooks.markup import (
    language_parts_marker,
    permalinks_beside_headings,
    without_comments,
    wrap_tables,
)
from hooks.reporting import content_info, content_warning
from hooks.rules_reference import rules_reference_markdown
from hooks.search_index import build_search_index, written_page
from hooks.security import headers_file, inline_script_hashes, render_policy, with_csp_meta
from hooks.sitemap import SitemapEntry, render_sitemap
from hooks.stories import StoryCatalogue, StoryVersion, collect_stories, person_label, place_label
from hooks.story_outputs import (
    FEED_SITE_NAMES,
    as_published,
    write_republish_material,
    write_story_feeds,
)
from hooks.translation_report import only_published_stories, translation_report
from hooks.translation_report import render_markdown as translation_report_markdown
from hooks.translations import fallback_notice, translation_status, unreviewed_notice

log = logging.getLogger("mkdocs.plugins.lrp")

# `make serve LANGUAGE=en` sets this: only that language is built in full, for a fast preview.
PREVIEW_LANGUAGE_VARIABLE = "LRP_PREVIEW_LANGUAGE"

EVENTS_INDEX_SRC = "events/index.md"
RESULTS_SRC = "results.md"
# The preview picture of every page without a card of its own, at each language's home.
SITE_CARD_NAME = "card.jpg"


def lrp_strings(plugin: LatvianRomaPlatformPlugin, key: str) -> str:
    return site_data.ui_strings(plugin.language, plugin.data_dir)["site"][key]


# What Python-Markdown's toc extension writes as the title of every heading's "¶" link.
PERMALINK_TITLE = "Permanent link"

# Editors work in Latvian and English; the reference pages exist in those two languages.
EDITOR_LANGUAGES = frozenset({"lv", "en"})

# mkdocs-static-i18n handles files, nav and post-build at priority -100.
BEFORE_I18N = 10
AFTER_I18N = -110


def _check_preview_language(value: str) -> None:
    """A one-language preview of a language the site does not have would build no page at all."""
    chosen = value.strip()
    if chosen and chosen not in LANGUAGE_CODES:
        raise PluginError(
            f"LANGUAGE={chosen} is not one of the site's languages. Preview one language with "
            f"make serve LANGUAGE=lv (or {', '.join(LANGUAGE_CODES[1:])}), or all of them with "
            "make serve."
        )


def _always() -> bool:
    return True


class LatvianRomaPlatformPlugin(BasePlugin):
    def __init__(self) -> None:
        self.project_root = site_data.PROJECT_ROOT
        self.data_dir = site_data.DATA_DIR
        self.language = DEFAULT_LANGUAGE
        self.story_src_uris: set[str] = set()
        self.translations: dict[str, frozenset[str]] = {}
        self.sitemap_entries: list[SitemapEntry] = []
        self.default_not_found_page: bytes | None = None
        self.catalogue = StoryCatalogue((), ())
        self.stories_by_src: dict[str, StoryVersion] = {}
        self.listings: dict[str, list[ListingPage]] = {}
        self.only_samples: dict[str, bool] = {}
        self.listing_by_src: dict[str, ListingPage] = {}
        self.story_feed_entries: list[feeds.FeedEntry] = []
        # Each language's story feed waits for the end of the whole build, when the photos it
        # encloses are written and their lengths known; see `_write_story_feeds`.
        self.pending_story_feeds: dict[str, list[feeds.FeedEntry]] = {}
        self.image_sets: dict[Path, images.ImageSet] = {}
        self.image_counts = (0, 0)  # (processed now, taken from the cache)
        self.cards: dict[tuple[str, str], Path] = {}
        self.site_cards: dict[str, Path] = {}
        self.site_card_alts: dict[str, str] = {}
        self.story_media: social_cards.StoryMediaWork | None = None
        self.all_events: list[events.Event] = []
        self.planned: Any = None
        self.republish_material: dict[str, Any] = {}
        self.kept = kept_results.KeptResults()
        self.file_store: FileStore | None = None
        self._render_settings = ""
        self._files_key: str | None = None
        self._pages_in_build = 0
        self._pages_read = 0
        self._pages_kept = 0
        self._mark_parts: Callable[[str], str] = str  # set for each language in on_config

    # -- configuration -------------------------------------------------------------------

    def _i18n(self, config: MkDocsConfig) -> Any:
        return config.plugins["i18n"]

    @event_priority(AFTER_I18N)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = self._i18n(config)
        # The folder of mkdocs.yml, so that test fixtures built from a copy read their own data.
        self.project_root = Path(config.config_file_path).resolve().parent
        self.data_dir = self.project_root / "data"
        self.language = i18n.current_language or DEFAULT_LANGUAGE
        # Words in another language inside this language's strings and source notes, marked
        # by the templates and the source lists.
        self._mark_parts = language_parts_marker(
            site_data.ui_strings(self.language, self.data_dir).get("other_language") or {}
        )
        if not i18n.building:
            # The first (Latvian) build of a run: forget whatever a previous run collected and
            # decide, once for all languages, which stories may be published today.
            self.sitemap_entries = []
            self.pending_story_feeds = {}
            self._inline_script_sources: set[str] = set()
            self._written_pages: dict[str, tuple[int, bytes]] = {}
            self._report_items: list[Any] | None = None
            _check_preview_language(os.environ.get(PREVIEW_LANGUAGE_VARIABLE, ""))
            file_digests.load(self.cache_dir / "digests.pickle")
            self._check_content()
            load_front_matter_cache(self.cache_dir / "front-matter.pickle")
            self.kept = kept_results.load(self.kept_results_file)
            self.file_store = FileStore(self.cache_dir / "files")
            self._pages_in_build = self._pages_read = self._pages_kept = 0
            self.catalogue = collect_stories(self.project_root / "stories", build_date())
            self.stories_by_src = {story.src_uri: story for story in self.catalogue.published}
            self.listings = build_listings(self.catalogue)
            # Asked by every listing page; the answer is the same for all of a language's.
            self.only_samples = {
                language: only_samples(pages) for language, pages in self.listings.items()
            }
            self.all_events = events.load_events(self.project_root / "docs" / "events")
            events_log = source_dates.read_git_log(self.project_root, "docs/events")
            # A feed entry is one language's file, dated by that file's commits. A calendar
            # entry has one UID for all languages, so its revision counts the commits to any of
            # them: counted per file, a typo fixed in one language would leave the others'
            # copies a revision behind, and an app holding one would ignore the next change.
            self.event_file_dates = source_dates.parse_git_log(events_log)
            self.event_dates = source_dates.parse_git_log(events_log, key=events.slug_of_event_file)
            self.planned = results.load_planned_results(self.data_dir / "planned-results.yml")
            self._prepare_story_images(config.site_url or "")
            self._card_pictures: dict[tuple[str, str, bool], str] = {}
            for withheld in self.catalogue.withheld:
                content_warning(f"Story withheld: {withheld.src_uri}: {withheld.reason}")
        self.story_feed_entries = []
        self.republish_material = {}
        self._config = config
        self._files_key = None
        self._render_settings = render_cache.settings_fingerprint(
            config.markdown_extensions,
            config.mdx_configs,
            use_directory_urls=config.use_directory_urls,
            validation=config.validation,
            log_level=logging.getLogger("mkdocs").getEffectiveLevel(),
        )
        if self.skipped_in_preview:
            # This language is built with its home page only: its links lead nowhere, on purpose.
            config.validation.nav.not_found = logging.DEBUG
            config.validation.links.not_found = logging.DEBUG
            config.validation.links.anchors = logging.DEBUG
        self._translate_palette_toggles(config)
        theme_files.skip_hidden_theme_folders(config.theme)
        # One sitemap for the whole site is written after the last language instead.
        config.theme.static_templates.discard("sitemap.xml")
        return config

    def _check_content(self) -> None:
        """The editors' content checks: errors stop the build, the rest is printed."""
        findings = check_project(
            self.project_root, today=build_date(), cache_file=self.cache_dir / "check.pickle"
        )
        for finding in findings:
            if finding.severity == "warning":
                content_warning(finding.format())
            elif finding.severity == "info":
                content_info(finding.format())
        if has_errors(findings):
            errors = [finding.format() for finding in findings if finding.severity == "error"]
            counts = count_by_severity(findings)
            raise PluginError(
                f"Content check found {counts['error']} error(s); fix them and build again "
                "(`make check` lists them without building):\n  " + "\n  ".join(errors)
            )

    # -- story images and social cards (once per site build, shared by all languages) ------

    @property
    def cache_dir(self) -> Path:
        return self.project_root / ".cache"

    def _file_store(self) -> FileStore:
        if self.file_store is None:
            raise RuntimeError("the file store is opened by the first language's on_config")
        return self.file_store

    @property
    def kept_results_file(self) -> Path:
        return self.cache_dir / "kept-results.pickle"

    def _image_source(self, story: StoryVersion, file_name: str) -> Path:
        return story.source_path.parent / file_name

    def _prepare_story_images(self, site_url: str) -> None:
        sources = sorted(
            {
                self._image_source(story, image.file)
                for story in self.catalogue.published
                for image in story.images
            }
        )
        # Every file name and size is known now, from the cache or the photos' headers, so the
        # pages render while worker processes make the missing derivatives and cards; the build
        # waits for them only before publishing them (`_publish_story_images`).
        planned = images.plan_images(sources, self.cache_dir / "images")
        self._report_image_problems(planned.problems)
        self.image_sets = dict(planned.sets)
        stories = list(self.catalogue.published)
        site_jobs = [self._site_card_job(code, site_url) for code in LANGUAGE_CODES]
        self.story_media = social_cards.start_story_media(
            planned,
            [self._card_job(story) for story in stories] + site_jobs,
            self.cache_dir / "images",
            self.cache_dir / "cards",
            self.project_root / "data" / "fonts",
        )
        card_paths = self.story_media.card_paths
        self.cards = {
            (story.slug, story.language): path
            for story, path in zip(stories, card_paths[: len(stories)], strict=True)
        }
        self.site_cards = dict(zip(LANGUAGE_CODES, card_paths[len(stories) :], strict=True))
        self.site_card_alts = {
            code: social_cards.card_alt_text(job.title, job.kicker, job.footer)
            for code, job in zip(LANGUAGE_CODES, site_jobs, strict=True)
        }

    def _site_card_job(self, language: str, site_url: str) -> social_cards.CardJob:
        """The preview picture of the pages that have no card of their own: the platform's
        name under the ministry's, and the site's address."""
        labels = site_data.labels(language, self.data_dir)
        return social_cards.CardJob(
            labels["site_name"], labels["ministry_name"], urlsplit(site_url).hostname or ""
        )

    def _report_image_problems(
        self, found: dict[Path, list[images.ImageProblem]], missing_cards: Sequence[Path] = ()
    ) -> None:
        errors = []
        for source, problems in sorted(found.items()):
            relative = source.relative_to(self.project_root).as_posix()
            for problem in problems:
                rule = f"{problem.severity} {problem.rule_id}: " if problem.rule_id else ""
                if problem.severity == "error":
                    errors.append(f"{relative}: {rule}{problem.message}")
                elif not problem.rule_id:
                    # A warning with a rule came from the photo's header, which the content
                    # check read at the start of the build and has already printed.
                    content_warning(f"{relative}: {problem.message}")
        # A card is missing when its photo failed, which is named above; otherwise say so.
        if not errors:
            errors = [f"social card {p.name} was not drawn: build again" for p in missing_cards]
        if errors:
            raise PluginError("Story images cannot be published:\n  " + "\n  ".join(errors))

    def _finish_story_images(self) -> None:
        """Wait for the derivatives and cards started in `_prepare_story_images`."""
        work, self.story_media = self.story_media, None
        if work is None:
            return
        batch, new_problems, missing_cards = work.finish()
        # Problems known at the start were reported then; these are the ones only decoding found.
        self._report_image_problems(new_problems, missing_cards)
        self.image_counts = (batch.processed, batch.cached)
        content_info(
            f"Story images: {batch.processed} processed, {batch.cached} from cache; "
            f"social cards: {work.cards_drawn} drawn, "
            f"{len(self.cards) + len(self.site_cards) - work.cards_drawn} from cache"
        )

    def on_build_error(self, error: Exception) -> None:
        preview.forget_rendered()
        # A failed build (or a failed `serve` rebuild) must not leave worker processes behind.
        if self.story_media is not None:
            self.story_media.cancel()

    def _card_job(self, story: StoryVersion) -> social_cards.CardJob:
        strings = site_data.ui_strings(story.language, self.data_dir)["site"]
        photo, photo_key = None, None
        if story.images:
            image_set = self.image_sets[self._image_source(story, story.images[0].file)]
            fallback = image_set.fallback()
            photo = images.cache_path(self.cache_dir / "images", image_set.cache_key) / (
                fallback.filename
            )
            photo_key = f"{image_set.cache_key}/{fallback.filename}"
        return social_cards.CardJob(
            story.title,
            # A card shared on its own must not pass for a real person's story.
            strings["sample_label"].rstrip(". ") if story.sample else strings["story_kicker"],
            FEED_SITE_NAMES[story.language],
            photo,
            photo_key,
        )

    def _card_alt(self, story: StoryVersion) -> str:
        job = self._card_job(story)
        photo_alt = story.images[0].alt if job.photo is not None else ""
        return social_cards.card_alt_text(
            job.title,
            job.kicker,
            job.footer,
            photo_alt,
            site_data.labels(story.language, self.data_dir)["photo"],
        )

    def _publish_story_images(self, site_dir: Path) -> None:
        self._finish_story_images()
        published = set()
        for story in self.catalogue.published:
            for image in story.images:
                source = self._image_source(story, image.file)
                if source in published:
                    continue
                published.add(source)
                images.publish(
                    self.image_sets[source],
                    self.cache_dir / "images",
                    site_dir / "stories" / story.slug / "img",
                )
        for (slug, language), card in self.cards.items():
            target = site_dir / url_prefix(language) / "stories" / slug / "card.jpg"
            target.parent.mkdir(parents=True, exist_ok=True)
            images.link_or_copy(card, target)
        for language, card in self.site_cards.items():
            target = site_dir / url_prefix(language) / SITE_CARD_NAME
            target.parent.mkdir(parents=True, exist_ok=True)
            images.link_or_copy(card, target)

    def _story_pictures(self, story: StoryVersion, page_url: str) -> list[dict[str, Any]]:
        base = relative_root(page_url) + f"stories/{story.slug}/img/"
        photographer = str(story.credits.get("photographer") or "")
        pictures = []
        for index, image in enumerate(story.images):
            image_set = self.image_sets[self._image_source(story, image.file)]
            largest = image_set.of_format("jpeg")[-1]
            pictures.append(
                {
                    "html": images.picture_html(image_set, base, image.alt, lazy=index > 0),
                    "caption": image.caption,
                    "credit": image.credit,
                    "download": base + largest.filename,
                    # The same fallback to the story's photographer as the copies' credits.
                    "download_name": reuse.photo_download_name(
                        story.slug, index + 1, image.credit or photographer, self.language
                    ),
                    "file": image.file,
                    "licence_label": reuse.licence_label(image.licence) if image.licence else "",
                    "licence_url": (
                        reuse.deed_url(image.licence, self.language) if image.licence else ""
                    ),
                }
            )
        return pictures

    def _published_images(
        self, story: StoryVersion, config: MkDocsConfig
    ) -> list[feeds.StoryImage]:
        """The story's photos at their largest JPEG, with absolute URLs and their credits."""
        published = []
        for image in story.images:
            largest = self._largest_jpeg(story, image.file)
            published.append(
                feeds.StoryImage(
                    absolute(config.site_url or "", self._photo_file(story, largest)),
                    largest.width,
                    largest.height,
                    image.alt,
                    image.credit,
                    image.licence or None,
                )
            )
        return published

    @staticmethod
    def _with_republish_figures(
        story: StoryVersion, published: Sequence[feeds.StoryImage], story_html: str
    ) -> str:
        """The story with its photos as plain figures, where the page shows them (the first
        above the text, the others after it); `hooks.reuse` adds each one's credit to its
        caption."""
        figures = []
        for image, shown in zip(story.images, published, strict=True):
            caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
            figures.append(
                f'<figure><img src="{escape(shown.url)}" alt="{escape(shown.alt)}" '
                f'width="{shown.width}" height="{shown.height}">{caption}</figure>'
            )
        return "".join(figures[:1]) + story_html + "".join(figures[1:])

    @staticmethod
    def _facets(
        pages: list[ListingPage],
        kind: str,
        names: dict[str, str],
        home: str,
        current: ListingPage,
    ) -> list[dict[str, Any]]:
        """Links to every theme or region listing of the language, with story counts."""
        folder = "themes" if kind == "theme" else "regions"
        return [
            {
                "name": names.get(slug, slug),
                "count": count,
                "url": f"{home}stories/{folder}/{slug}/",
                "current": current.kind == kind and current.key == slug,
            }
            for slug, count in facet_counts(pages, kind)
        ]

    def _card_picture(self, story: StoryVersion, page_url: str, *, eager: bool) -> str:
        if not story.images:
            return ""
        root = relative_root(page_url)
        # A story is on several list pages (all stories, each theme, its region) at the same
        # depth, with the same picture markup.
        key = (story.src_uri, root, eager)
        if key not in self._card_pictures:
            first = story.images[0]
            self._card_pictures[key] = images.picture_html(
                self.image_sets[self._image_source(story, first.file)],
                root + f"stories/{story.slug}/img/",
                first.alt,
                lazy=not eager,
                sizes="(min-width: 45em) 20rem, 100vw",
            )
        return self._card_pictures[key]

    def _translate_palette_toggles(self, config: MkDocsConfig) -> None:
        """Each colour scheme's name ("Light colours"), in the page's language.

        It names that scheme's radio button (partials/palette.html), which is checked while the
        scheme is in use.
        """
        strings = site_data.ui_strings(self.language, self.data_dir)["site"]
        for palette in config.theme.get("palette") or []:
            toggle = palette.get("toggle")
            if toggle:
                light = palette.get("scheme") == "default"
                toggle["name"] = strings["palette_light" if light else "palette_dark"]

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Each language is a separate build with a fresh template environment; compiled
        # templates are kept on disk so the second and third language (and the next build)
        # skip compiling Material's templates again.
        (self.cache_dir / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.cache_dir / "jinja"))
        # Material reads its interface strings from partials/languages/<lang>.html; the Romani
        # one takes them from data/ui/rml.yml so that all Romani strings sit in one file.
        env.globals["lrp_material_strings"] = site_data.ui_strings(
            self.language, self.data_dir
        ).get("material", {})
        env.globals["lrp_material_t"] = self._material_strings(env, config)
        env.filters["lrp_mark_parts"] = self._mark_parts
        fragment_cache: dict = {}  # per language: this environment builds one language
        env.globals["lrp_fragment"] = lambda key, caller: fragments.cached_fragment(
            fragment_cache, key, caller
        )
        self._nav_urls: list[str] | None = None
        return env

    def _material_strings(self, env: Any, config: MkDocsConfig) -> Any:
        import material

        keys = fragments.material_string_keys(Path(material.__file__).parent / "templates")
        language = config.theme["language"]
        own = env.get_template(f"partials/languages/{language}.html").module
        english = env.get_template("partials/languages/en.html").module
        return fragments.string_table(keys, own.t, english.t)

    # -- files ---------------------------------------------------------------------------

    @event_priority(BEFORE_I18N)
    def _files_before_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        # Only stories with consent for their language enter the build at all, so a withheld
        # story cannot reach any page, listing, feed, search index or sitemap.
        self.story_src_uris = set(self.stories_by_src)
        # Material's scripts (bundle, lunr, search worker) are never loaded (overrides/base.html):
        # not publishing them keeps 70-odd files out of every deployment.
        for file in list(files):
            if file.src_uri.startswith("assets/javascripts/"):
                files.remove(file)
        if self.skipped_in_preview:
            # Only the home page, so that the language switcher still leads somewhere. Removed
            # before i18n, which would otherwise sort every page into languages for nothing.
            for file in list(files):
                if (
                    file.is_documentation_page()
                    and language_of_source(file.src_uri)[0] != "index.md"
                ):
                    files.remove(file)
        else:
            # Only this language's stories go through mkdocs-static-i18n: a story is never a
            # stand-in for another language, and i18n's work grows with every file it is given
            # (stories are most of them). Their switcher links are set after i18n, below.
            for src_uri in sorted(self.story_src_uris):
                if self.stories_by_src[src_uri].language == self.language:
                    files.append(
                        File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
                    )
        self.translations = group_translations(
            [*(file.src_uri for file in files), *self.story_src_uris]
        )
        self.translations.update(listing_languages(self.listings))
        return files

    @property
    def skipped_in_preview(self) -> bool:
        """True for a language that a one-language preview (`make serve LANGUAGE=en`) skips."""
        preview = os.environ.get(PREVIEW_LANGUAGE_VARIABLE, "").strip()
        return bool(preview) and preview != self.language

    @event_priority(AFTER_I18N)
    def _files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        if self.skipped_in_preview:
            # _files_before_i18n gave i18n the home page only.
            self._pages_in_build += len(files.documentation_pages())
            return files
        if os.environ.get(PREVIEW_LANGUAGE_VARIABLE, "").strip():
            # The preview re-renders only changed files (`serve --dirty`). Listings, the home
            # page, events and results show what stories and other files say, so everything but
            # the stories, the bulk of the pages, is rendered again on every rebuild.
            for file in files.documentation_pages():
                if file.src_uri not in self.story_src_uris:
                    file.is_modified = _always  # type: ignore[method-assign]
        for file in list(files):
            if file.src_uri not in self.story_src_uris:
                continue
            if getattr(file, "locale", self.language) != self.language:
                # No Latvian stand-in for a story: consent is given per language.
                files.remove(file)
                continue
            file.src_dir = str(self.project_root)
            file.alternates = self._story_switcher_targets(file)  # type: ignore[attr-defined]
        for src_uri, neutral_url, markdown in self._editor_pages():
            files.append(self._generated_file(src_uri, neutral_url, markdown, EDITOR_LANGUAGES))
        self.listing_by_src = {}
        for listing in self.listings.get(self.language, []):
            self.listing_by_src[listing.src_uri] = listing
            if listing.src_uri == MAIN_LISTING_SRC:
                continue  # the editors' docs/stories/index.<lang>.md is the first page
            files.append(self._generated_listing_file(listing, config))
        if os.environ.get(PREVIEW_LANGUAGE_VARIABLE, "").strip():
            self._render_lists_only_when_changed(files)
        self._pages_in_build += len(files.documentation_pages())
        return files

    def _render_lists_only_when_changed(self, files: Files) -> None:
        """In the preview, a list page is rendered again only when what it shows changed
        (hooks/preview.py); the main list is an editors' file, so its own changes count too."""
        root = self.project_root
        site = preview.folder_state(
            [root / "docs", root / "data", root / "overrides"],
            [Path(self._config.config_file_path)],
        )
        pages = self.listings.get(self.language, [])
        image_keys = {
            story.src_uri: " ".join(
                self.image_sets[self._image_source(story, image.file)].cache_key
                for image in story.images
            )
            for listing in pages
            for story in listing.stories
        }
        for file in files.documentation_pages():
            listing = self.listing_by_src.get(language_of_source(file.src_uri)[0])
            if listing is not None:
                key = preview.listing_key(listing, pages, image_keys, site)
                file.is_modified = preview.changed_since_last_render(  # type: ignore[method-assign]
                    file.url, key
                )

    def _story_switcher_targets(self, file: File) -> dict[str, SimpleNamespace]:
        """Where the language switcher leads from a story: the same story where it exists in
        that language, else that language's list of stories (never a page that is not there)."""
        neutral_src, _ = language_of_source(file.src_uri)
        neutral_url = strip_language_prefix(file.url)
        written_in = self.translations.get(neutral_src, frozenset({self.language}))
        return {
            language: SimpleNamespace(
                url=url_prefix(language) + (neutral_url if language in written_in else "stories/")
            )
            for language in LANGUAGE_CODES
        }

    def _editor_pages(self) -> list[tuple[str, str, str]]:
        """Reference pages for editors, generated from the rules and the content itself."""
        if self.language not in EDITOR_LANGUAGES:
            return []
        front = "---\nnoindex: true\nsearch_exclude: true\ntranslation: original\n---\n\n"
        if self._report_items is None:  # once per site build, not once per language
            self._report_items = translation_report(self.project_root)
        report = only_published_stories(
            self._report_items,
            {
                (s.src_uri.replace(f".{s.language}.md", ".md"), s.language): s.title
                for s in self.catalogue.published
            },
        )
        return [
            (
                "editors/rules/index.md",
                "editors/rules/",
                front + rules_reference_markdown(self.language),
            ),
            (
                "editors/translations/index.md",
                "editors/translations/",
                front + translation_report_markdown(report, self.language),
            ),
        ]

    def _generated_file(
        self,
        src_uri: str,
        neutral_url: str,
        markdown: str,
        languages: frozenset[str],
        elsewhere: str = "",
    ) -> File:
        """A page the build writes. The language switcher leads to the same page in each
        language that has it, else to that language's `elsewhere` (its home, or its list of
        stories): mkdocs-static-i18n's own stand-in is an address from the domain's root
        ("/rml/"), which misses a site published under a path."""
        config = self._config
        generated = File.generated(config, src_uri, content=markdown)
        generated.dest_uri = url_prefix(self.language) + neutral_url + "index.html"
        generated.locale = self.language  # type: ignore[attr-defined]
        generated.locale_alternate_of = self.language  # type: ignore[attr-defined]
        generated.alternates = {  # type: ignore[attr-defined]
            language: SimpleNamespace(
                url=url_prefix(language) + (neutral_url if language in languages else elsewhere)
            )
            for language in LANGUAGE_CODES
        }
        self.translations[src_uri] = languages
        return generated

    def _generated_listing_file(self, listing: ListingPage, config: MkDocsConfig) -> File:
        # Generated pages hold interface text only; the Romani strings are still unreviewed.
        status = "unreviewed" if self.language == "rml" else "original"
        names = self._names(listing.kind) if listing.kind in ("theme", "region") else {}
        title = listing_title(
            listing,
            site_data.ui_strings(self.language, self.data_dir)["site"],
            names.get(listing.key, listing.key),
        )
        # A JSON string is a YAML string too, whatever quotes or colons the title holds.
        front_matter = (
            f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"template: story-list.html\ntranslation: {status}\n---\n"
        )
        return self._generated_file(
            listing.src_uri,
            listing.neutral_url,
            front_matter,
            self.translations.get(listing.src_uri, frozenset({self.language})),
            elsewhere="stories/",
        )

    on_files = CombinedEvent(_files_before_i18n, _files_after_i18n)

    # -- pages ---------------------------------------------------------------------------

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        # Unchanged pages take their front matter and HTML from the previous build
        # (hooks/render_cache.py); MkDocs calls these two methods right after this event.
        if self._files_key is None:
            self._files_key = render_cache.files_fingerprint(files)
        self._pages_read += 1
        page.read_source = partial(self._read_page_source, page)  # type: ignore[method-assign]
        page.render = partial(self._render_page, page)  # type: ignore[method-assign]
        return page

    def _read_page_source(self, page: Page, config: MkDocsConfig) -> None:
        render_cache.cached_read_source(page, config, self.kept)

    def _render_page(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert self._files_key is not None
        if render_cache.cached_render(
            page, config, files, self.kept, self._render_settings, self._files_key
        ):
            self._pages_kept += 1

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        # Editors' files may arrive with a byte-order mark, CRLF line ends or decomposed letters
        # (NFD); the checks accept them, and the page is built from the NFC text.
        path = page.file.abs_src_path
        if path is None:
            return None
        with open(path, encoding="utf-8-sig", errors="strict") as handle:
            return normalise_text(handle.read())

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        neutral_src, _ = language_of_source(page.file.src_uri)
        if neutral_src == EVENTS_INDEX_SRC:
            page.meta.setdefault("template", "event-list.html")
        elif neutral_src.startswith("events/"):
            page.meta.setdefault("template", "event.html")
        if page.file.src_uri in self.stories_by_src:
            page.meta.setdefault("template", "story.html")
        elif language_of_source(page.file.src_uri)[0] in self.listing_by_src:
            page.meta["template"] = "story-list.html"
        if page.meta.get("sources"):
            cited = render_citations(
                markdown, parse_sources(page.meta["sources"]), self.language, self._mark_parts
            )
            markdown = cited.markdown
        return markdown

    def _site_context(self, page_url: str | None, config: MkDocsConfig) -> dict[str, Any]:
        strings = site_data.ui_strings(self.language, self.data_dir)
        if page_url is None:
            # 404.html is served at any depth, so it links from the site's root path.
            root = urlsplit(config.site_url or "/").path or "/"
        else:
            root = relative_root(page_url)
        return {
            "language": self.language,
            "strings": strings["site"],
            "pagefind_strings": strings.get("pagefind", {}),
            "funding": site_data.funding(self.language, self.data_dir),
            "contacts": site_data.contacts(self.data_dir),
            "root": root,
            "home": root + url_prefix(self.language),
            # The 404 page has no page of its own to switch to: its switcher leads home.
            "language_homes": {code: root + url_prefix(code) for code in LANGUAGE_CODES},
            "languages": LANGUAGES,
            "not_found_elsewhere": self._not_found_elsewhere(root) if page_url is None else [],
        }

    def _not_found_elsewhere(self, root: str) -> list[dict[str, Any]]:
        # GitHub Pages serves only the root 404.html, whatever folder the missing address is
        # in: the Latvian one also says it in the other languages, each marked as such.
        if self.language != DEFAULT_LANGUAGE:
            return []
        others = []
        for code in LANGUAGE_CODES:
            if code == self.language:
                continue
            strings = site_data.ui_strings(code, self.data_dir)
            others.append(
                {
                    "code": code,
                    "home": root + url_prefix(code),
                    "strings": strings["site"],
                    "site_name": strings["labels"]["site_name"],
                    "unreviewed": strings.get("review") == "unreviewed",
                }
            )
        return others

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig):
        if "lrp" not in context:
            context["lrp"] = self._site_context(None, config)
        return context

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any):
        if self._nav_urls is None:
            self._nav_urls = fragments.nav_urls(nav)
        context["lrp_nav_key"] = fragments.navigation_key(
            page.url,
            page.url in self._nav_urls,
            fragments.active_nav_urls(nav),
            self._nav_urls,
        )
        lrp = self._site_context(page.url, config)
        neutral_src, _ = language_of_source(page.file.src_uri)
        neutral_url = strip_language_prefix(page.url)
        written_in = self.translations.get(neutral_src, frozenset({DEFAULT_LANGUAGE}))
        source_language = getattr(page.file, "locale", self.language)
        is_fallback = source_language != self.language
        strings = lrp["strings"]

        if is_fallback:
            notice = fallback_notice(
                self.language,
                available_language_urls(neutral_url, written_in, page.url),
                strings,
            )
        else:
            notice = unreviewed_notice(page.meta, self.language, strings)

        noindex = is_fallback or bool(page.meta.get("noindex"))
        site_url = config.site_url or ""
        lrp.update(
            {
                "content_language": source_language,
                "is_fallback": is_fallback,
                "noindex": noindex,
                "searchable": not noindex and not page.meta.get("search_exclude"),
                "translation_status": translation_status(page.meta, source_language),
                "notice": notice,
                "alternates": []
                if is_fallback
                else hreflang_alternates(neutral_url, written_in, site_url),
            }
        )
        lrp["description"] = link_previews.page_description(
            page.meta, config.site_description or "", strings["sample_label"]
        )
        story = self.stories_by_src.get(page.file.src_uri)
        event = self._event_for(neutral_src, source_language)
        if story is not None:
            # The language menu leads from a story to that language's list of stories where the
            # story is not written in it (_story_switcher_targets); the menu says so beforehand.
            lrp["switcher_notes"] = {
                code: site_data.ui_strings(code, self.data_dir)["site"]["switcher_story_list"]
                for code in LANGUAGE_CODES
                if code not in written_in
            }
            lrp["story"] = self._story_context(story, page.url, config)
            lrp["document_title"] = lrp["story"]["preview_title"]
        else:
            lrp["document_title"] = self._shown_title(page, config, event)
            if page.canonical_url:
                lrp["preview"] = self._page_preview(
                    lrp["document_title"],
                    page.canonical_url,
                    lrp["description"],
                    () if is_fallback else written_in,
                    config,
                )
        listing = self.listing_by_src.get(neutral_src)
        if listing is not None:
            lrp["listing"] = self._listing_context(listing, page)
        self._add_event_context(lrp, neutral_src, page.url, config)
        context["lrp"] = lrp
        if not noindex:
            self.sitemap_entries.append(SitemapEntry(neutral_url, self.language, written_in))
        return context

    def _shown_title(self, page: Page, config: MkDocsConfig, event: events.Event | None) -> str:
        """The page's title as a browser tab, a bookmark, a search result or a link preview
        shows it, without the page: an illustrative page or a called-off event says so there
        too (the front matter's title, as the nav may shorten page.title)."""
        home = url_prefix(self.language)
        if page.is_homepage or page.url in {"", home}:
            return config.site_name
        title = page.meta.get("title") or Markup(page.title or "").striptags()
        title = str(title or config.site_name)
        sample_label = site_data.ui_strings(self.language, self.data_dir)["site"]["sample_label"]
        if event is not None:
            return events.public_title(event, sample_label)
        if page.meta.get("sample") is True:
            return f"{sample_label} {title}"
        return title

    def _page_preview(
        self,
        title: str,
        url: str,
        description: str,
        written_in: Iterable[str],
        config: MkDocsConfig,
    ) -> link_previews.LinkPreview:
        site_url = config.site_url or ""
        home = url_prefix(self.language)
        return link_previews.page_preview(
            title=title,
            description=description,
            url=url,
            language=self.language,
            available=written_in,
            image_url=absolute(site_url, home + SITE_CARD_NAME) if site_url else "",
            image_alt=self.site_card_alts.get(self.language, ""),
        )

    def _event_for(self, neutral_src: str, language: str) -> events.Event | None:
        """The event whose page `neutral_src` (e.g. "events/annual-meeting.md") is, if any."""
        if not neutral_src.startswith("events/") or neutral_src == EVENTS_INDEX_SRC:
            return None
        slug = neutral_src.removeprefix("events/").removesuffix(".md")
        return next((e for e in self.all_events if e.slug == slug and e.language == language), None)

    def _add_event_context(
        self, lrp: dict[str, Any], neutral_src: str, page_url: str, config: MkDocsConfig
    ) -> None:
        now = build_datetime()
        site_url = config.site_url or ""
        home = relative_root(page_url) + url_prefix(self.language)
        if neutral_src == EVENTS_INDEX_SRC:
            upcoming, past = events.split_upcoming_past(
                events.in_language(self.all_events, self.language), now
            )
            lrp["events"] = {
                "upcoming": [
                    events.list_entry(e, home + e.url_path, self.language) for e in upcoming
                ],
                "past": [events.list_entry(e, home + e.url_path, self.language) for e in past],
                "calendar_url": relative_root(page_url)
                + event_calendar.calendar_path(self.language),
                # What a calendar app subscribes to: a click on the link only imports today's
                # events once, so the address is shown for "add calendar from URL".
                "calendar_subscribe_url": absolute(
                    site_url, event_calendar.calendar_path(self.language)
                ),
                "feed_url": home + "events/feed.xml",
                "only_samples": events.only_samples([*upcoming, *past]),
            }
        elif neutral_src.startswith("events/"):
            event = self._event_for(neutral_src, lrp["content_language"])
            if event is not None:
                slug = event.slug
                url = event_calendar.event_page_url(event, site_url)
                # Illustrative events carry no structured data: search engines would list
                # their made-up dates as real.
                json_ld = (
                    ""
                    if event.sample
                    else structured_data.json_ld_script(
                        events.event_json_ld(event, url, config.copyright or "")
                    )
                )
                lrp["event"] = events.page_context(
                    event,
                    self.language,
                    ics_url=f"{slug}.ics",
                    json_ld=json_ld,
                    now=now,
                    category_labels=results.category_labels(self.planned, self.language),
                )
        elif neutral_src == RESULTS_SRC:
            strings = lrp["strings"]
            lrp["results"] = results.page_context(
                self.planned,
                self.all_events,
                self.language,
                chart_title=strings["results_chart_title"],
                chart_description=strings["results_chart_description"],
            )

    def _write_event_calendars_and_feed(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        site_url = config.site_url or ""
        stamp = build_datetime()
        label = site_data.ui_strings(self.language, self.data_dir)["site"]["sample_label"]
        mine = events.in_language(self.all_events, self.language)
        history = {
            event.src_uri: self.event_file_dates.get(f"docs/{event.src_uri}") for event in mine
        }
        revisions = {
            event.src_uri: event_calendar.revision_of(self.event_dates.get(event.slug), stamp)
            for event in mine
        }
        for event in mine:
            target = site_dir / event_calendar.event_ics_path(event)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(
                event_calendar.single_event_ics(
                    event,
                    event_calendar.event_page_url(event, site_url),
                    revisions[event.src_uri].changed,
                    sample_label=label,
                    sequence=revisions[event.src_uri].sequence,
                )
            )
        calendar = site_dir / event_calendar.calendar_path(self.language)
        calendar.parent.mkdir(parents=True, exist_ok=True)
        calendar.write_bytes(
            event_calendar.calendar_for(
                self.all_events,
                self.language,
                stamp,
                site_url=site_url,
                sample_label=label,
                revisions=revisions,
            )
        )
        entries = []
        for event in mine:
            dates = history[event.src_uri]
            published, updated = events.feed_dates(
                event,
                stamp,
                dates.first if dates else None,
                dates.last if dates else None,
            )
            entries.append(
                feeds.FeedEntry(
                    id=event_calendar.event_page_url(event, site_url),
                    url=event_calendar.event_page_url(event, site_url),
                    title=events.public_title(event, label),
                    summary=f"{events.format_when(event, self.language)}. {event.description}",
                    published=published,
                    updated=updated,
                    author=event.organiser or config.copyright or "",
                    categories=(events.status_label(event.status, self.language),),
                    language=self.language,
                    calendar_url=absolute(site_url, event_calendar.event_ics_path(event)),
                )
            )
        feed_path = url_prefix(self.language) + "events/feed.xml"
        (site_dir / feed_path).write_text(
            feeds.atom_feed(
                feed_id=absolute(site_url, feed_path),
                # Past events stay in the feed with their reports, so not "Upcoming events".
                title=site_data.labels(self.language, self.data_dir)["events_calendar_name"],
                subtitle=None,
                site_url=absolute(site_url, url_prefix(self.language) + "events/"),
                feed_url=absolute(site_url, feed_path),
                language=self.language,
                entries=entries,
                # The latest entry's change; the build time only for a feed with none.
                updated=None if entries else stamp,
            ),
            encoding="utf-8",
        )

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        html = without_comments(html)
        # The toc extension has one permalink title for every language; each page gets its own.
        html = html.replace(
            f'title="{PERMALINK_TITLE}"', f'title="{escape(lrp_strings(self, "permalink_title"))}"'
        )
        story = self.stories_by_src.get(page.file.src_uri)
        if story is None:
            return html
        shown = self._published_images(story, config) if story.photos_allowed else []
        published = as_published(story, config.site_url or "", self._names("region"), images=shown)
        material = None
        if story.republication_allowed:
            page_dir = Path(config.site_dir) / Path(page.file.dest_uri).parent
            material = write_republish_material(
                published,
                self._with_republish_figures(story, shown, html),
                page_dir,
                images_allowed=story.photos_allowed,
                kept=self.kept,
                store=self._file_store(),
            )
            self.republish_material[story.src_uri] = material
        chosen = reuse.licence(story.licence) if story.republication_allowed else None
        self.story_feed_entries.append(
            feeds.story_feed_entry(
                published,
                chosen.name if chosen else None,
                chosen.url if chosen else None,
                # Full text goes into feeds only where republication is allowed.
                content_html=material.html if material else None,
                theme_labels=self._names("theme"),
            )
        )
        return html

    @event_priority(-200)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # Last, so that the hashes cover every inline script other plugins added.
        output = wrap_tables(output)  # templates add tables too (results)
        output = permalinks_beside_headings(output)
        hashes = inline_script_hashes(output)
        self._inline_script_sources.update(hashes)
        output = with_csp_meta(output, hashes)
        self._written_pages[page.file.abs_dest_path] = written_page(output)
        return output

    def _names(self, kind: str) -> dict[str, str]:
        table = (
            site_data.themes(self.data_dir) if kind == "theme" else site_data.regions(self.data_dir)
        )
        return site_data.names_in(self.language, table)

    def _story_context(
        self, story: StoryVersion, page_url: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        home = relative_root(page_url) + url_prefix(self.language)
        theme_names = self._names("theme")
        shown = self._published_images(story, config) if story.photos_allowed else []
        published = as_published(story, config.site_url or "", self._names("region"), images=shown)
        json_ld = structured_data.article_json_ld(
            published,
            publisher_name=config.site_name,
            publisher_url=config.site_url or "",
            responsible_body=site_data.labels(self.language, self.data_dir)["ministry_name"],
            theme_labels=theme_names,
        )
        return {
            "json_ld": structured_data.json_ld_script(json_ld),
            "url": published.url,
            "date_label": format_day(story.published, self.language) if story.published else "",
            "republish": self.republish_material.get(story.src_uri),
            "pictures": self._story_pictures(story, page_url),
            "preview_title": feeds.labelled_title(story.title, story.language, sample=story.sample),
            "card_url": f"{published.url}card.jpg",
            "card_alt": self._card_alt(story),
            "og_locales": link_previews.open_graph_locales(
                story.language, self.catalogue.languages_of(story.slug)
            ),
            "feed_url": home + "stories/feed.xml",
            "slug": story.slug,
            "sample": story.sample,
            "person": person_label(story.meta.get("person")),
            "place": place_label(story.meta.get("place"), self._names("region")),
            "date": story.published.isoformat() if story.published else "",
            "themes": [
                {"name": theme_names.get(theme, theme), "url": f"{home}stories/themes/{theme}/"}
                for theme in story.themes
            ],
            "credits": story.credits,
            "credit_lang": credit_language(story.meta, story.language),
            "licence": story.licence,
            "republication": story.republication_allowed,
        }

    def _listing_context(self, listing: ListingPage, page: Page) -> dict[str, Any]:
        home = relative_root(page.url) + url_prefix(self.language)
        theme_names = self._names("theme")
        region_names = self._names("region")
        pages = self.listings.get(self.language, [])
        title_names = theme_names if listing.kind == "theme" else region_names
        return {
            "kind": listing.kind,
            "key": listing.key,
            "name": title_names.get(listing.key, "") if listing.kind != "all" else "",
            "number": listing.number,
            "total_pages": listing.total_pages,
            "page_links": [
                {"number": n, "url": home + listing.page_path(n), "current": n == listing.number}
                for n in range(1, listing.total_pages + 1)
            ],
            "all_url": home + "stories/",
            "only_samples": self.only_samples.get(self.language, False),
            "themes": self._facets(pages, "theme", theme_names, home, listing),
            "regions": self._facets(pages, "region", region_names, home, listing),
            "cards": [
                {
                    "image": self._card_picture(story, page.url, eager=index < 2),
                    "title": story.title,
                    "summary": story.summary,
                    "url": home + story.url_path,
                    "sample": story.sample,
                    "place": place_label(story.meta.get("place"), region_names),
                    "date": story.published.isoformat() if story.published else "",
                    "date_label": format_day(story.published, self.language)
                    if story.published
                    else "",
                    "themes": [
                        {"name": theme_names.get(t, t), "url": f"{home}stories/themes/{t}/"}
                        for t in story.themes
                    ],
                }
                for index, story in enumerate(listing.stories)
            ],
        }

    # -- whole site ----------------------------------------------------------------------

    @event_priority(0)
    def _post_build_language(self, config: MkDocsConfig) -> None:
        self._write_event_calendars_and_feed(config)
        self.pending_story_feeds[self.language] = list(self.story_feed_entries)
        self._keep_language_404(config)

    def _largest_jpeg(self, story: StoryVersion, file: str) -> images.Derivative:
        return self.image_sets[self._image_source(story, file)].of_format("jpeg")[-1]

    @staticmethod
    def _photo_file(story: StoryVersion, derivative: images.Derivative) -> str:
        return f"stories/{story.slug}/img/{derivative.filename}"

    def _write_story_feeds(self, site_dir: Path, site_url: str) -> None:
        """After `_publish_story_images`: only then are the enclosed photos' sizes known (the
        image workers run for the whole build; waiting for them earlier would idle it)."""
        lengths = {}
        for story in self.catalogue.published:
            for image in story.images if story.photos_allowed else ():
                file = self._photo_file(story, self._largest_jpeg(story, image.file))
                if (site_dir / file).is_file():
                    lengths[absolute(site_url, file)] = (site_dir / file).stat().st_size
        for language, entries in self.pending_story_feeds.items():
            write_story_feeds(site_dir, site_url, language, entries, build_date(), lengths)

    def _keep_language_404(self, config: MkDocsConfig) -> None:
        # Every language build writes its 404.html to the site root; keep each language's
        # own copy in its folder and the Latvian one at the root.
        site_dir = Path(config.site_dir)
        not_found = site_dir / "404.html"
        if not not_found.exists():
            return
        if self.language == DEFAULT_LANGUAGE:
            self.default_not_found_page = not_found.read_bytes()
        else:
            not_found.replace(site_dir / url_prefix(self.language) / "404.html")

    @event_priority(-200)
    def _post_build_site(self, config: MkDocsConfig) -> None:
        if self._i18n(config).building:
            return  # a nested per-language build; the Latvian build finishes last
        site_dir = Path(config.site_dir)
        site_url = config.site_url or ""
        save_front_matter_cache(self.cache_dir / "front-matter.pickle")
        file_digests.save(self.cache_dir / "digests.pickle")
        # A `--dirty` rebuild reads only the changed pages: keep what the others used.
        some_skipped = self._pages_read < self._pages_in_build
        kept_results.save(self.kept, self.kept_results_file, keep_unused=some_skipped)
        self._file_store().save(keep_unused=some_skipped)
        content_info(
            f"Pages: {self._pages_read - self._pages_kept} converted from Markdown, "
            f"{self._pages_kept} unchanged since the previous build"
        )
        self._publish_story_images(site_dir)
        self._write_story_feeds(site_dir, site_url)
        if self.default_not_found_page is not None:
            (site_dir / "404.html").write_bytes(self.default_not_found_page)
        (site_dir / "sitemap.xml").write_text(
            render_sitemap(self.sitemap_entries, site_url), encoding="utf-8"
        )
        (site_dir / "_headers").write_text(
            headers_file(render_policy(sorted(self._inline_script_sources), for_header=True)),
            encoding="utf-8",
        )
        (site_dir / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n",
            encoding="utf-8",
        )
        if os.environ.get(PREVIEW_LANGUAGE_VARIABLE, "").strip():
            content_info("One-language preview: the search index is not rebuilt.")
            return
        if build_search_index(site_dir, self.cache_dir / "pagefind", self._written_pages):
            content_info("Search index: no page changed since the previous build, index reused")
        else:
            log.info("Search index built for %s", ", ".join(lang.code for lang in LANGUAGES))

    on_post_build = CombinedEvent(_post_build_language, _post_build_site)
