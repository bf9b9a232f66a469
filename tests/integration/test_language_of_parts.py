"""WCAG 2.2 SC 3.1.2, Language of Parts: words in another language than the page's are marked
with `lang`, so that a screen reader reads them with the right voice."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _TextLanguages(HTMLParser):
    """The page's visible text, each piece with the language of its nearest `lang`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if any(tag in {"head", "script", "style", "textarea"} for tag, _ in self.stack):
            return
        language = next((lang for _, lang in reversed(self.stack) if lang), "")
        self.pieces.append((language, data))


def _languages_of(site: Path, page: str, phrase: str) -> list[str]:
    """The language of every place the page's visible text shows `phrase` whole."""
    parser = _TextLanguages()
    parser.feed((site / page).read_text(encoding="utf-8"))
    found = [language for language, text in parser.pieces if phrase in text]
    assert found, f"{page} no longer shows {phrase!r} in one piece of text"
    return found


@pytest.mark.parametrize(
    ("page", "phrase", "language"),
    [
        # The footer's EU funding statement quotes the programme and project names in Latvian.
        ("rml/index.html", "Tiesības, vienlīdzība un pilsonība 2014–2020", "lv"),
        ("rml/about/index.html", "Latvijas romu platforma V", "lv"),
        # Latvian glosses in the Romani interface strings and the Romani event pages.
        ("rml/events/annual-meeting-2021/index.html", "Rīgas laiks", "lv"),
        ("rml/events/index.html", "Rīgas laiks", "lv"),
        ("rml/events/mediators-seminar-2027/index.html", "atcelts", "lv"),
        ("rml/events/annual-meeting-2027/index.html", "sākotnēji plānots", "lv"),
        ("rml/events/sensitive-data-seminar/index.html", "tiešsaistē", "lv"),
        ("rml/events/annual-meeting-2021/index.html", "romu pārstāvji", "lv"),
        ("rml/events/teacher-assistants-seminar/index.html", "romu skolotāju palīgi", "lv"),
        ("rml/results/index.html", "valsts pārvalde", "lv"),
        # Latvian glosses written in the Romani Markdown.
        ("rml/index.html", "pašvaldības", "lv"),
        ("rml/index.html", "antičigānisms", "lv"),
        ("rml/privacy/index.html", "gaišā vai tumšā krāsu shēma", "lv"),
        ("rml/accessibility/index.html", "uzraudzības iestāde", "lv"),
        ("rml/privacy/index.html", "piekrišana", "lv"),
        ("rml/press/index.html", "autors vai avots", "lv"),
        (
            "rml/events/annual-meeting-2021/index.html",
            "Romu integrācijas politikas īstenošanas konsultatīvā padome",
            "lv",
        ),
        ("rml/heritage/history/index.html", "brīvpiekļuves izdevums", "lv"),
        # Latvian names in the English and Romani text (the screen-reader audit, F8).
        ("en/stories/sample-mediator-day/index.html", "Izglītības iniciatīvu centrs", "lv"),
        ("rml/stories/sample-mediator-day/index.html", "Izglītības iniciatīvu centrs", "lv"),
        ("en/heritage/policy/index.html", "Izglītības iniciatīvu centrs", "lv"),
        ("rml/heritage/history/index.html", "Tiesībsargs", "lv"),
        ("rml/heritage/myths/index.html", "pilnu bibliogrāfisko atsauci vēl papildināsim", "lv"),
        # English glosses on Romani pages.
        ("rml/privacy/index.html", "build", "en"),
        ("rml/about/index.html", "workshop", "en"),
        ("rml/events/index.html", "workshops", "en"),
        # Romani words on Latvian and English pages.
        ("index.html", "lotfítka romá", "rml"),
        ("en/index.html", "lotfítka romá", "rml"),
        ("heritage/language/index.html", "čhurd'ja", "rml"),
        ("en/heritage/people/index.html", "Dži, hai, rovela an kolin romeske…", "rml"),
    ],
)
def test_words_in_another_language_are_marked(
    built_site: Path, page: str, phrase: str, language: str
) -> None:
    assert set(_languages_of(built_site, page, phrase)) == {language}


def test_the_page_language_itself_is_not_re_marked(built_site: Path) -> None:
    # On a Latvian page the same Latvian names are the page's own language: no span needed.
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Latvijas romu platforma V" in html
    assert '<span lang="lv">Latvijas romu platforma V' not in html


def test_home_page_links_are_set_apart_from_their_descriptions(built_site: Path) -> None:
    # The line break between a link and its description is lost in Markdown: a dash keeps
    # "Romu dzīves stāsti" from running on into the sentence after it.
    for page in ("index.html", "en/index.html", "rml/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "</a></strong> — " in html, page
