"""What a shared link to a page that is not a story shows: its own words, in its language."""

from __future__ import annotations

from hooks.link_previews import open_graph_locales, page_description, page_preview

SITE = "Latvian Roma Platform — Roma life stories, cultural heritage and events."


def test_a_page_is_described_by_its_own_description_else_its_summary_else_the_site() -> None:
    label = "Illustrative example."
    assert page_description({"description": "A seminar.", "summary": "x"}, SITE, label) == (
        "A seminar."
    )
    assert page_description({"summary": "Anna tells."}, SITE, label) == "Anna tells."
    assert page_description({"description": "  "}, SITE, label) == SITE
    assert page_description({}, SITE, label) == SITE


def test_an_illustrative_page_says_so_before_its_description() -> None:
    label = "Illustrative example."
    assert page_description({"description": "A seminar.", "sample": True}, SITE, label) == (
        "Illustrative example. A seminar."
    )
    # Only a real `true`: a quoted "yes" is a mistake the content check reports, not a sample.
    assert page_description({"description": "A seminar.", "sample": "yes"}, SITE, label) == (
        "A seminar."
    )
    # The site's own description is never labelled: it describes the real site.
    assert page_description({"sample": True}, SITE, label) == SITE


def test_locales_name_the_page_language_and_only_the_other_versions_that_exist() -> None:
    assert open_graph_locales("rml", {"lv", "en", "rml"}) == ("rml_LV", ("lv_LV", "en_GB"))
    assert open_graph_locales("en", {"en", "lv"}) == ("en_GB", ("lv_LV",))
    assert open_graph_locales("lv", ()) == ("lv_LV", ())


def test_a_preview_without_a_picture_carries_no_picture_description() -> None:
    preview = page_preview(
        title="Events",
        description="d",
        url="https://example.org/en/events/",
        language="en",
        available={"lv", "en"},
        image_alt="Ministry: Platform",
    )
    assert preview.image_url == "" and preview.image_alt == ""
    assert preview.locale_alternates == ("lv_LV",)
