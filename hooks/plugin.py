"""MkDocs glue: wires build events to the plain functions in the other `hooks` modules.

mkdocs-static-i18n runs one full MkDocs build per language, so every event below fires once
per language. Work that is the same for the whole site happens only after the last language
(see `on_post_build`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hooks import site_data
from hooks.alternates import (
    available_language_urls,
    group_translations,
    hreflang_alternates,
    language_of_source,
    relative_root,
)
from hooks.languages import DEFAULT_LANGUAGE, LANGUAGES, strip_language_prefix, url_prefix
from hooks.search_index import build_search_index
from hooks.sitemap import SitemapEntry, render_sitemap
from hooks.story_sources import story_markdown_files, story_src_uri
from hooks.translations import fallback_notice, translation_status, unreviewed_notice

log = logging.getLogger("mkdocs.plugins.lrp")

# mkdocs-static-i18n handles files, nav and post-build at priority -100.
BEFORE_I18N = 10
AFTER_I18N = -110


class LatvianRomaPlatformPlugin(BasePlugin):
    def __init__(self) -> None:
        self.project_root = site_data.PROJECT_ROOT
        self.data_dir = site_data.DATA_DIR
        self.language = DEFAULT_LANGUAGE
        self.story_src_uris: set[str] = set()
        self.translations: dict[str, frozenset[str]] = {}
        self.sitemap_entries: list[SitemapEntry] = []
        self.default_not_found_page: bytes | None = None

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
        if not i18n.building:
            # The first (Latvian) build of a run: forget whatever a previous run collected.
            self.sitemap_entries = []
        # One sitemap for the whole site is written after the last language instead.
        config.theme.static_templates.discard("sitemap.xml")
        return config

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # Material reads its interface strings from partials/languages/<lang>.html; the Romani
        # one takes them from data/ui/rml.yml so that all Romani strings sit in one file.
        env.globals["lrp_material_strings"] = site_data.ui_strings(
            self.language, self.data_dir
        ).get("material", {})
        return env

    # -- files ---------------------------------------------------------------------------

    @event_priority(BEFORE_I18N)
    def _files_before_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        stories_dir = self.project_root / "stories"
        self.story_src_uris = set()
        for path in story_markdown_files(stories_dir):
            src_uri = story_src_uri(stories_dir, path)
            self.story_src_uris.add(src_uri)
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        self.translations = group_translations(file.src_uri for file in files)
        return files

    @event_priority(AFTER_I18N)
    def _files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files:
            if file.src_uri in self.story_src_uris:
                file.src_dir = str(self.project_root)
        return files

    on_files = CombinedEvent(_files_before_i18n, _files_after_i18n)

    # -- pages ---------------------------------------------------------------------------

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
            "root": root,
            "home": root + url_prefix(self.language),
            "languages": LANGUAGES,
        }

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig):
        if "lrp" not in context:
            context["lrp"] = self._site_context(None, config)
        return context

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any):
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
        context["lrp"] = lrp
        if not noindex:
            self.sitemap_entries.append(SitemapEntry(neutral_url, self.language, written_in))
        return context

    # -- whole site ----------------------------------------------------------------------

    @event_priority(0)
    def _post_build_language(self, config: MkDocsConfig) -> None:
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
        if self.default_not_found_page is not None:
            (site_dir / "404.html").write_bytes(self.default_not_found_page)
        (site_dir / "sitemap.xml").write_text(
            render_sitemap(self.sitemap_entries, site_url), encoding="utf-8"
        )
        (site_dir / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n",
            encoding="utf-8",
        )
        build_search_index(site_dir)
        log.info("Search index built for %s", ", ".join(lang.code for lang in LANGUAGES))

    on_post_build = CombinedEvent(_post_build_language, _post_build_site)
