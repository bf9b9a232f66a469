from hooks.alternates import (
    available_language_urls,
    group_translations,
    hreflang_alternates,
    relative_root,
)
from hooks.languages import credit_language, split_language_suffix, strip_language_prefix
from hooks.sitemap import SitemapEntry, render_sitemap
from hooks.translations import fallback_notice, translation_status, unreviewed_notice

STRINGS = {
    "notice_unreviewed": "Not reviewed.",
    "translated_by": "Translated by {translator}.",
    "notice_fallback": "Not available in English.",
}


def test_language_suffixes_are_recognised_even_when_unknown() -> None:
    assert split_language_suffix("about.en.md") == ("about.md", "en")
    assert split_language_suffix("index.rml.md") == ("index.md", "rml")
    assert split_language_suffix("story.lt.md") == ("story.md", "lt")
    assert split_language_suffix("about.md") == ("about.md", None)


def test_language_prefix_is_stripped_from_urls() -> None:
    assert strip_language_prefix("en/about/") == "about/"
    assert strip_language_prefix("rml/") == ""
    assert strip_language_prefix("about/") == "about/"
    assert strip_language_prefix("enlightenment/") == "enlightenment/"


def test_translations_are_grouped_by_language_neutral_path() -> None:
    grouped = group_translations(
        ["about.lv.md", "about.en.md", "press.lv.md", "stories/x/index.rml.md", "story.lt.md"]
    )
    assert grouped == {
        "about.md": frozenset({"lv", "en"}),
        "press.md": frozenset({"lv"}),
        "stories/x/index.md": frozenset({"rml"}),
    }


def test_hreflang_lists_only_written_languages_plus_x_default() -> None:
    alternates = hreflang_alternates("about/", {"lv", "rml"}, "https://example.org/site/")
    assert [(a.hreflang, a.href) for a in alternates] == [
        ("lv", "https://example.org/site/about/"),
        ("rml", "https://example.org/site/rml/about/"),
        ("x-default", "https://example.org/site/about/"),
    ]


def test_relative_links_between_languages() -> None:
    assert relative_root("en/about/") == "../../"
    assert relative_root("") == "./"
    assert relative_root("en/404.html") == "../"
    assert available_language_urls("about/", {"lv", "en"}, "rml/about/") == {
        "lv": "../../about/",
        "en": "../../en/about/",
    }


def test_translation_status_defaults_are_cautious() -> None:
    assert translation_status({}, "lv") == "original"
    assert translation_status({}, "rml") == "unreviewed"
    assert translation_status({"translation": "reviewed"}, "en") == "reviewed"


def test_unreviewed_notice_credits_the_translator() -> None:
    notice = unreviewed_notice(
        {"translation": "unreviewed", "translator": "Anna Bērziņa"}, "en", STRINGS
    )
    assert notice is not None and notice.credit == "Translated by Anna Bērziņa."
    assert unreviewed_notice({"translation": "reviewed"}, "en", STRINGS) is None


def test_a_translator_credited_in_another_language_is_marked_and_escaped() -> None:
    notice = unreviewed_notice(
        {"translation": "unreviewed", "translator": "Site developers <draft>",
         "credit_language": "en"},
        "rml", {**STRINGS, "translated_by": "Translacija kerdža: {translator}."},
    )  # fmt: skip
    assert notice is not None
    assert notice.credit == (
        'Translacija kerdža: <span lang="en">Site developers &lt;draft&gt;</span>.'
    )


def test_credit_language_is_only_given_when_it_differs_from_the_page() -> None:
    assert credit_language({"credit_language": "en"}, "rml") == "en"
    assert credit_language({"credit_language": "en"}, "en") == ""
    assert credit_language({"credit_language": "english"}, "rml") == ""  # the check reports it
    assert credit_language({}, "rml") == ""


def test_fallback_notice_links_other_languages_by_their_own_names() -> None:
    notice = fallback_notice("en", {"lv": "../x/", "en": "./"}, STRINGS)
    assert [(link.language, link.name) for link in notice.links] == [("lv", "Latviešu")]


def test_sitemap_omits_alternates_for_single_language_pages() -> None:
    xml = render_sitemap(
        [
            SitemapEntry("about/", "lv", frozenset({"lv", "en"})),
            SitemapEntry("only/", "lv", frozenset({"lv"})),
        ],
        "https://example.org/",
    )
    assert "<loc>https://example.org/only/</loc>\n  </url>" in xml
    assert 'hreflang="en" href="https://example.org/en/about/"' in xml
