"""What search engines read from a story page's JSON-LD."""

from __future__ import annotations

import json
import re
from datetime import date

from hooks.feeds import StoryImage, StoryVersion
from hooks.structured_data import HEADLINE_MAX, article_json_ld, headline, json_ld_script

SITE = "https://romi.example.lv/"
PUBLISHER = "Latvijas romu platforma / Kultūras ministrija"


def story(**changes: object) -> StoryVersion:
    values: dict[str, object] = {
        "slug": "anna",
        "language": "lv",
        "title": "Annas dziesmas",
        "summary": "Anna stāsta par mūziku.",
        "date": date(2026, 3, 3),
        "url": f"{SITE}stasti/anna/",
        "author": "Ilze Kalniņa",
        "person_label": "Anna",
        "licence": "CC-BY-NC-ND-4.0",
        "place_label": "Kurzeme",
        "themes": ("music",),
    }
    values.update(changes)
    return StoryVersion(**values)  # type: ignore[arg-type]


def script_json(html: str) -> dict[str, object]:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.DOTALL)
    assert match, html
    return json.loads(match.group(1))


def test_article_has_what_search_engines_need() -> None:
    data = script_json(json_ld_script(article_json_ld(story(), PUBLISHER, SITE, f"{SITE}logo.png")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Annas dziesmas"
    assert data["description"] == "Anna stāsta par mūziku."
    assert data["inLanguage"] == "lv"
    assert data["datePublished"] == "2026-03-03"
    assert data["dateModified"] == "2026-03-03"
    assert data["license"] == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert data["isAccessibleForFree"] is True
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": f"{SITE}stasti/anna/"}
    assert data["author"] == {"@type": "Person", "name": "Ilze Kalniņa"}
    assert data["publisher"] == {
        "@type": "Organization",
        "name": PUBLISHER,
        "url": SITE,
        "logo": {"@type": "ImageObject", "url": f"{SITE}logo.png"},
    }
    assert data["about"] == {"@type": "Person", "name": "Anna"}
    assert data["contentLocation"] == {"@type": "Place", "name": "Kurzeme"}


def test_the_publisher_is_the_platform_of_the_ministry_the_feeds_name() -> None:
    ministry = "Latvijas Republikas Kultūras ministrija"
    data = article_json_ld(story(), PUBLISHER, SITE, responsible_body=ministry)
    assert data["publisher"]["name"] == PUBLISHER
    assert data["publisher"]["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": ministry,
    }


def test_no_image_without_photo_consent() -> None:
    data = article_json_ld(story(photographer="J. Bērziņš"), PUBLISHER, SITE)
    assert "image" not in data
    assert "J. Bērziņš" not in json.dumps(data, ensure_ascii=False)


def test_image_with_photo_consent_carries_its_credit() -> None:
    image = StoryImage(f"{SITE}stasti/anna/anna.jpg", 1200, 800, "Anna pie loga", "J. Bērziņš")
    data = article_json_ld(story(image=image, photographer="J. Bērziņš"), PUBLISHER, SITE)
    assert data["image"]["url"] == f"{SITE}stasti/anna/anna.jpg"
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 800)
    assert data["image"]["creditText"] == "J. Bērziņš"


def test_sample_story_names_no_real_person() -> None:
    """A search result shows only the headline: an illustrative story says so there, and its
    genre is in the page's language."""
    data = article_json_ld(story(sample=True), PUBLISHER, SITE)
    assert data["genre"] == "Ilustratīvs piemērs"
    assert data["headline"].startswith("Ilustratīvs piemērs. ")
    assert data["name"] == data["headline"]
    english = article_json_ld(story(sample=True, language="en"), PUBLISHER, SITE)
    assert english["genre"] == "Illustrative example"
    assert english["headline"].startswith("Illustrative example. ")
    assert "about" not in data
    assert "contentLocation" not in data
    assert "Anna" not in json.dumps(data["author"])


def test_updated_story_reports_its_modification_date() -> None:
    data = article_json_ld(story(updated=date(2026, 5, 1), translator="A. Ozola"), PUBLISHER, SITE)
    assert data["dateModified"] == "2026-05-01"
    assert data["translator"] == {"@type": "Person", "name": "A. Ozola"}


def test_a_samples_translator_and_photographer_are_not_called_people() -> None:
    # The sample stories credit "the website's developers (machine-assisted draft)" and the
    # platform.
    photo = StoryImage(f"{SITE}a.jpg", 1600, 1067, "Ilustrācija", "Platforma (ilustrācija)")
    sample = story(sample=True, translator="Site developers", photographer="Platforma",
                   image=photo)  # fmt: skip
    data = article_json_ld(sample, PUBLISHER, SITE)
    assert data["translator"] == {"@type": "Organization", "name": "Site developers"}
    assert data["image"]["creator"] == {"@type": "Organization", "name": "Platforma"}
    real = article_json_ld(story(photographer="Jānis Bērziņš", image=photo), PUBLISHER, SITE)
    assert real["image"]["creator"] == {"@type": "Person", "name": "Jānis Bērziņš"}


def test_keywords_are_the_themes_in_the_pages_language() -> None:
    music = {"music": "Mūzika"}
    data = article_json_ld(story(themes=("music", "unlisted")), PUBLISHER, SITE, theme_labels=music)
    assert data["keywords"] == ["Mūzika", "unlisted"]


def test_organisation_author() -> None:
    data = article_json_ld(story(author="Romu kopiena", author_is_organization=True), "P", SITE)
    assert data["author"]["@type"] == "Organization"


def test_long_title_is_shortened_at_a_word() -> None:
    title = "Stāsts " * 30
    short = headline(title)
    assert len(short) <= HEADLINE_MAX
    assert short.endswith("Stāsts…")
    assert article_json_ld(story(title=title), "P", SITE)["headline"] == short
    assert headline("Īss virsraksts") == "Īss virsraksts"


def test_script_cannot_be_closed_from_inside_the_data() -> None:
    title = 'Romi </script><script>alert("x")</script> <!-- un sinti'
    html = json_ld_script(article_json_ld(story(title=title), PUBLISHER, SITE))
    assert html.count("</script") == 1 and html.endswith("</script>")
    assert "<!--" not in html
    assert script_json(html)["name"] == title


def test_a_story_that_may_not_be_republished_claims_no_licence() -> None:
    data = article_json_ld(story(republication_allowed=False), PUBLISHER, SITE)
    assert "license" not in data
    assert data["headline"] == "Annas dziesmas"


def test_a_photo_states_its_own_licence_only_when_it_has_one() -> None:
    url = f"{SITE}stasti/anna/anna.jpg"
    licensed = StoryImage(url, 1200, 800, "Anna pie loga", "J. Bērziņš", "CC-BY-SA-4.0")
    data = article_json_ld(story(image=licensed), PUBLISHER, SITE)
    assert data["image"]["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    # The story's licence covers its words; a photo without a licence of its own claims none.
    unlicensed = StoryImage(url, 1200, 800, "Anna pie loga", "J. Bērziņš")
    assert "license" not in article_json_ld(story(image=unlicensed), PUBLISHER, SITE)["image"]
    # Nor does a photo of a story its teller keeps to this site.
    kept = story(image=licensed, republication_allowed=False)
    assert "license" not in article_json_ld(kept, PUBLISHER, SITE)["image"]
