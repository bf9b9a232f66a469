"""schema.org JSON-LD for story pages, so search engines show the right headline, date, licence.

A story is an `Article`, not a `NewsArticle`: life stories are not news, and search engines
treat the two differently. The storyteller appears (`about`, `contentLocation`) only for a real
story; a story marked `sample` is labelled as an illustrative example and names no one, so no
search result presents an invented person as real. The photo appears only when there is photo
consent (`StoryVersion.image` is None otherwise).

Everything here is plain Python: the MkDocs glue lives in `hooks/plugin.py`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from hooks.feeds import SAMPLE_LABELS, StoryVersion, labelled_title
from hooks.reuse import licence

SCHEMA_CONTEXT = "https://schema.org"
# Google truncates longer headlines in rich results; cutting at a word ourselves reads better.
HEADLINE_MAX = 110


def headline(title: str, limit: int = HEADLINE_MAX) -> str:
    """The title, shortened at a word boundary with "…" when it is longer than `limit`."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def sample_genre(language: str) -> str:
    """The `genre` of an illustrative story, in the page's language ("Illustrative example")."""
    return SAMPLE_LABELS.get(language, SAMPLE_LABELS["en"]).rstrip(". ")


def _agent(name: str, organization: bool) -> dict[str, Any]:
    return {"@type": "Organization" if organization else "Person", "name": name}


def article_json_ld(
    story: StoryVersion,
    publisher_name: str,
    publisher_url: str,
    logo_url: str | None = None,
    responsible_body: str | None = None,
    theme_labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """schema.org `Article` for one language version of a story.

    `theme_labels` names its themes in the page's language, for `keywords`: a Latvian page's
    keywords are Latvian words, not the slugs of the front matter.

    The platform publishes (as the credit line says); `responsible_body` names the ministry
    whose mechanism it is and which the feeds name as their author, so that the two names a
    journalist meets are seen to belong together.
    """
    publisher: dict[str, Any] = {
        "@type": "Organization",
        "name": publisher_name,
        "url": publisher_url,
    }
    if logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url}
    if responsible_body:
        publisher["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": responsible_body,
        }

    # A search result shows the headline without the page's banner.
    title = labelled_title(story.title, story.language, sample=story.sample)
    data: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Article",
        "headline": headline(title),
        "name": title,
        "description": story.summary,
        "url": story.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        "datePublished": story.date.isoformat(),
        "dateModified": (story.updated or story.date).isoformat(),
        "inLanguage": story.language,
        "author": _agent(story.author, story.author_is_organization),
        "publisher": publisher,
        "isAccessibleForFree": True,
    }
    if story.republication_allowed:
        # Only then does the licence apply; a story its teller keeps to this site has none.
        data["license"] = licence(story.licence).url
    # A sample's credits name the platform and its developers, not people; a real story's
    # translator and photographer are people.
    if story.translator:
        data["translator"] = _agent(story.translator, story.sample)
    if story.themes:
        labels = theme_labels or {}
        data["keywords"] = [labels.get(theme, theme) for theme in story.themes]
    if story.image is not None:
        image: dict[str, Any] = {
            "@type": "ImageObject",
            "url": story.image.url,
            "contentUrl": story.image.url,
            "width": story.image.width,
            "height": story.image.height,
        }
        if story.image.credit:
            image["creditText"] = story.image.credit
        if story.photographer:
            image["creator"] = _agent(story.photographer, story.sample)
        if story.republication_allowed and story.image.licence:
            # Search engines show this as the picture's licence ("Licensable" in image search).
            image["license"] = licence(story.image.licence).url
        data["image"] = image
    if story.sample:
        data["genre"] = sample_genre(story.language)
    else:
        data["about"] = {"@type": "Person", "name": story.person_label}
        if story.place_label:
            data["contentLocation"] = {"@type": "Place", "name": story.place_label}
    return data


def json_ld_script(data: dict[str, Any]) -> str:
    """`<script type="application/ld+json">` holding `data`, safe to put in any page.

    In a script element the HTML parser ends the script at the first `</script` and can be
    thrown into a different state by `<!--`, whatever the JSON means. Both are written with JSON
    escapes (`<\\/`, `\\u003c!--`) that decode to the same text.
    """
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<!--", "\\u003c!--").replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'
