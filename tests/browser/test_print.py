"""Heritage pages printed as information material (print media emulated in Chromium)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "en/", "rml/"])
def test_printed_heritage_page_has_text_sources_and_funding_but_no_navigation(
    page, site_server: str, prefix: str
) -> None:
    page.goto(site_server + prefix + "heritage/history/", wait_until="load")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-tabs").first.is_visible()
    assert page.locator(".lrp-funding__statement").is_visible()
    assert "881892-NRP5-LV" in page.locator(".lrp-funding__statement").inner_text()
    assert page.locator("ol.lrp-sources").is_visible()
    external = page.locator(".md-typeset a[href^='http']").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in after


def test_printed_results_chart_keeps_its_bars(page, site_server: str) -> None:
    """The bars are backgrounds, which browsers leave out of print unless the page asks."""
    page.goto(site_server + "en/results/", wait_until="load")
    page.emulate_media(media="print")
    bars = page.locator(".lrp-results-chart__bar")
    assert bars.count() >= 14
    kept = bars.evaluate_all(
        "bars => bars.map(b => "
        "[getComputedStyle(b).printColorAdjust, b.getBoundingClientRect().width])"
    )
    assert all(adjust == "exact" for adjust, _ in kept), kept
    assert all(width > 0 for _, width in kept), kept
