"""Navigation rendered once per key: pages that share a key must get identical navigation."""

from __future__ import annotations

from types import SimpleNamespace

from hooks.fragments import (
    active_nav_urls,
    cached_fragment,
    nav_urls,
    navigation_key,
    string_table,
)

NAV = ["", "stories/", "heritage/", "heritage/history/", "about/"]


def test_all_stories_share_one_navigation() -> None:
    keys = {navigation_key(f"stories/story-{n}/", False, (), NAV) for n in range(50)}
    assert len(keys) == 1


def test_pages_in_other_folders_get_their_own_navigation() -> None:
    """Relative links from stories/x/ and heritage/x/ to stories/ differ."""
    assert navigation_key("stories/a/", False, (), NAV) != navigation_key(
        "heritage/a/", False, (), NAV
    )


def test_a_page_in_the_navigation_is_its_own_key() -> None:
    """It is marked current and carries its own table of contents in the navigation."""
    assert navigation_key("about/", True, ("about/",), NAV) == "page:about/"
    assert navigation_key("about/", True, (), NAV) != navigation_key("heritage/", True, (), NAV)


def test_the_current_section_is_part_of_the_key() -> None:
    assert navigation_key("stories/a/", False, ("stories/",), NAV) != navigation_key(
        "stories/b/", False, (), NAV
    )


def test_a_page_with_navigation_links_below_it_is_not_shared() -> None:
    nav = [*NAV, "stories/a/extra/"]
    assert navigation_key("stories/a/", False, (), nav) != navigation_key(
        "stories/b/", False, (), nav
    )


def test_nested_sections_are_walked() -> None:
    child = SimpleNamespace(url="heritage/history/", active=True, children=None, title="H")
    section = SimpleNamespace(url=None, active=True, children=[child], title="Heritage")
    home = SimpleNamespace(url="", active=False, children=None, title="Home")
    assert nav_urls([home, section]) == ["", "heritage/history/"]
    assert active_nav_urls([home, section]) == ("section:Heritage", "heritage/history/")


def test_a_fragment_is_rendered_once_per_key() -> None:
    cache: dict = {}
    calls: list[str] = []

    def render() -> str:
        calls.append("x")
        return "<nav>x</nav>"

    assert cached_fragment(cache, "a", render) == "<nav>x</nav>"
    assert cached_fragment(cache, "a", render) == "<nav>x</nav>"
    cached_fragment(cache, "b", render)
    assert len(calls) == 2


def test_strings_fall_back_to_english_then_to_the_key() -> None:
    own = {"search": "Meklēt", "nav": ""}.get
    english = {"search": "Search", "nav": "Navigation"}.get
    table = string_table(["search", "nav", "missing"], own, english)
    assert table == {"search": "Meklēt", "nav": "Navigation", "missing": "missing"}
