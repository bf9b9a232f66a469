"""The anchors the quick check believes a page has must be anchors the built page has.

A wrong "present" lets a broken `page.md#part` link through the check and fail the build; a
wrong "missing" blocks an editor's correct link. The shortcut that reads plain headings without
rendering must therefore never claim an anchor that Python-Markdown does not make.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.anchors import (
    anchors_in_markdown,
    has_anchor,
    markdown_settings,
    plain_heading_anchors,
    plain_headings_apply,
)
from hooks.validation.markdown_scan import blank_code_and_comments

PROJECT_MKDOCS = Path(__file__).resolve().parents[2] / "mkdocs.yml"

BODIES = [
    "# Kas mēs esam\n\nTeksts.\n\n## Mūsu darbs ##\n",
    "## Romu mūzika: vēsture, tradīcijas (1900–2000)\n",
    "## Vārds\n\n## Vārds\n",  # the second is vards_1; vards still exists
    "## *Svarīgi* un `kods`\n",  # markup: left to the renderer
    "## Ar {#savs}\n",
    "## A &amp; B\n",
    "```md\n## Kodā\n```\n\n<!-- ## Komentārā -->\n",
    "<div>\n## Nav virsraksts\n</div>\n",
    "    ## Atkāpē ir kods\n",
    "Teksts[^1].\n\n[^1]: Piezīme.\n\n### Beigas\n",
    "## Jautājums? Atbilde!\n",
    "## 2026. gada 8. aprīlis\n",
]


@pytest.mark.parametrize("body", BODIES)
def test_plain_headings_never_claim_an_anchor_the_page_lacks(body):
    rendered = anchors_in_markdown(body, None, "lv", PROJECT_MKDOCS)
    assert plain_heading_anchors(blank_code_and_comments(body)) <= rendered


def test_plain_headings_are_read_in_the_languages_of_the_site():
    body = "# Kas mēs esam\n\n## Mūsu darbs ##\n\n### Romani ćhib\n"
    assert plain_heading_anchors(blank_code_and_comments(body)) == {
        "kas-mes-esam",
        "musu-darbs",
        "romani-chib",
    }


def test_headings_in_code_comments_and_html_blocks_are_not_anchors():
    for body in BODIES[6:9]:
        assert plain_heading_anchors(blank_code_and_comments(body)) == frozenset()
        rendered = anchors_in_markdown(body, None, "lv", PROJECT_MKDOCS)
        assert not {"koda", "komentara", "nav-virsraksts", "atkape-ir-kods"} & rendered


def test_the_site_settings_give_footnote_and_custom_anchors():
    names, _ = markdown_settings(PROJECT_MKDOCS)
    assert {"toc", "attr_list", "footnotes"} <= set(names)
    rendered = anchors_in_markdown(BODIES[9] + BODIES[4], None, "lv", PROJECT_MKDOCS)
    assert {"fn:1", "fnref:1", "beigas", "savs"} <= rendered


def test_a_custom_slugify_turns_the_shortcut_off(tmp_path):
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text("markdown_extensions:\n  - toc:\n      separator: _\n", encoding="utf-8")
    assert not plain_headings_apply(mkdocs_yml)
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: x\n---\n\n## Kas mēs esam\n", encoding="utf-8")
    assert has_anchor(page, "kas_mes_esam", "lv", mkdocs_yml)
    assert not has_anchor(page, "kas-mes-esam", "lv", mkdocs_yml)


def test_a_changed_mkdocs_yml_is_read_again(tmp_path):
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text("site_name: x\n", encoding="utf-8")
    assert "attr_list" not in markdown_settings(mkdocs_yml)[0]
    mkdocs_yml.write_text("site_name: x\nmarkdown_extensions: [attr_list]\n", encoding="utf-8")
    assert "attr_list" in markdown_settings(mkdocs_yml)[0]
