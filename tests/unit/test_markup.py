"""Markup that Material's JavaScript used to add in the browser, now added at build time."""

from __future__ import annotations

import re

import pytest

from hooks.markup import permalinks_beside_headings, without_comments, wrap_tables


def test_a_markdown_table_scrolls_in_its_own_box() -> None:
    html = "<p>x</p><table>\n<tr><td>1</td></tr>\n</table><p>y</p>"
    assert wrap_tables(html) == (
        '<p>x</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        "<table>\n<tr><td>1</td></tr>\n</table></div></div><p>y</p>"
    )


def test_each_of_several_tables_is_wrapped_once() -> None:
    html = "<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>"
    wrapped = wrap_tables(html)
    assert wrapped.count('class="md-typeset__scrollwrap"') == 2
    assert wrapped.count("<table>") == 2


def test_tables_with_a_class_keep_their_own_layout() -> None:
    html = '<table class="lrp-results"><tr><td>1</td></tr></table>'
    assert wrap_tables(html) == html


def test_an_editors_comment_is_left_out_but_a_comment_shown_as_code_stays() -> None:
    html = (
        "<p>Teksts.</p>\n<!-- draft: check the date with the storyteller -->\n"
        "<pre><code>&lt;!-- shown as an example --&gt;</code></pre>\n<!--\nsecond\nnote\n-->"
    )
    assert without_comments(html) == (
        "<p>Teksts.</p>\n<pre><code>&lt;!-- shown as an example --&gt;</code></pre>\n"
    )


def test_a_heading_is_named_by_its_words_and_its_permalink_by_where_it_goes() -> None:
    html = (
        '<p>x</p><h2 id="valoda">Valoda — <em>lotfítka</em> &amp; X<a class="headerlink" '
        'href="#valoda" title="Saite uz šo sadaļu">&para;</a></h2><p>y</p>'
    )
    assert permalinks_beside_headings(html) == (
        '<p>x</p><div class="lrp-heading lrp-heading--h2">'
        '<h2 id="valoda">Valoda — <em>lotfítka</em> &amp; X</h2>'
        '<a class="headerlink" href="#valoda" '
        'title="Saite uz šo sadaļu: Valoda — lotfítka &amp; X">'
        '<span aria-hidden="true">&para;</span></a></div><p>y</p>'
    )


def test_a_permalinks_name_is_given_once_so_it_is_not_read_again_as_its_description() -> None:
    # With both an aria-label and a different title, Chromium names the link by the label and
    # describes it by the title: "Link to this section: Childhood, link, Link to this section".
    # The title alone names it (the "¶" is hidden), and stays the tooltip.
    html = '<h2 id="b">Bērnība<a class="headerlink" href="#b" title="Link">&para;</a></h2>'
    link = re.search(r'<a class="headerlink"[^>]*>.*?</a>', permalinks_beside_headings(html))
    assert link is not None
    assert "aria-label" not in link.group(0)
    assert 'title="Link: Bērnība"' in link.group(0)
    assert '<span aria-hidden="true">&para;</span>' in link.group(0)


def test_the_page_title_keeps_no_permalink_to_the_page_itself() -> None:
    # The h1's permalink was every page's first Tab stop after the skip link.
    html = (
        '<h1 id="vesture">Vēsture<a class="headerlink" href="#vesture" title="Link">&para;</a>'
        '</h1><p>x</p><h2 id="a">A<a class="headerlink" href="#a" title="Link">&para;</a></h2>'
    )
    moved = permalinks_beside_headings(html)
    assert moved.startswith('<h1 id="vesture">Vēsture</h1><p>x</p>')
    assert 'href="#vesture"' not in moved
    assert '<a class="headerlink" href="#a" title="Link: A">' in moved


def test_headings_of_every_level_and_with_other_attributes_are_each_handled_once() -> None:
    html = "".join(
        f'<h{level} class="c" id="h{level}">T{level}<a class="headerlink" href="#h{level}" '
        f'title="Link">&para;</a></h{level}>\n'
        for level in range(1, 7)
    )
    moved = permalinks_beside_headings(html)
    assert moved.count('<div class="lrp-heading') == 5  # h2 to h6; the h1 loses its permalink
    assert moved.startswith('<h1 class="c" id="h1">T1</h1>')
    assert '<h4 class="c" id="h4">T4</h4>' in moved
    assert not re.search(r"<h[1-6][^>]*>[^<]*<a ", moved)
    assert permalinks_beside_headings(moved) == moved


def test_a_heading_without_a_permalink_is_left_as_it_is() -> None:
    html = '<h1>Title</h1><h2 id="a">A</h2>'
    assert permalinks_beside_headings(html) == html


def test_a_templates_heading_without_a_permalink_is_not_taken_into_the_next_one() -> None:
    html = (
        '<h2>Stāsts</h2><p>Teksts.</p><h2 id="b">B<a class="headerlink" href="#b" '
        'title="Link">&para;</a></h2>'
    )
    assert permalinks_beside_headings(html) == (
        '<h2>Stāsts</h2><p>Teksts.</p><div class="lrp-heading lrp-heading--h2">'
        '<h2 id="b">B</h2><a class="headerlink" href="#b" title="Link: B">'
        '<span aria-hidden="true">&para;</span></a></div>'
    )


def test_the_sentence_ending_in_a_colon_above_a_table_becomes_its_caption() -> None:
    # "table, Number of Roma recorded by censuses" instead of a table with no name.
    html = (
        "<p>Number of Roma recorded by censuses:</p>\n<table>\n<thead><tr><th>Year</th></tr>"
        "</thead>\n</table>"
    )
    assert wrap_tables(html) == (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>\n'
        "<caption>Number of Roma recorded by censuses</caption>\n<thead><tr><th>Year</th></tr>"
        "</thead>\n</table></div></div>"
    )


def test_the_caption_keeps_the_sentences_inline_markup() -> None:
    html = (
        '<p>Skaits pēc <em>tautas skaitīšanas</em> <sup class="lrp-cite">[1]</sup>:</p>'
        "<table></table>"
    )
    assert '<caption>Skaits pēc <em>tautas skaitīšanas</em> <sup class="lrp-cite">[1]</sup>' in (
        wrap_tables(html)
    )


@pytest.mark.parametrize(
    "before",
    [
        "<p>The figures follow.</p>\n",  # no colon: a sentence of the text, not a title
        "<p>First paragraph:</p>\n<h2>Heading</h2>\n",  # not right above the table
        '<p class="note">Note:</p>\n',  # a paragraph some template styles
    ],
)
def test_other_paragraphs_above_a_table_stay_paragraphs(before: str) -> None:
    html = f"{before}<table><tr><td>1</td></tr></table>"
    wrapped = wrap_tables(html)
    assert "<caption" not in wrapped
    assert wrapped.startswith(before)


def test_a_table_with_its_own_caption_keeps_the_paragraph_above_it() -> None:
    html = "<p>Results:</p>\n<table>\n<caption>Planned</caption><tr><td>1</td></tr></table>"
    wrapped = wrap_tables(html)
    assert wrapped.startswith('<p>Results:</p>\n<div class="md-typeset__scrollwrap">')
    assert wrapped.count("<caption>") == 1


def test_a_cell_marked_scope_row_becomes_its_rows_header() -> None:
    # `| `LRP001` { scope=row } | error |` in Markdown (attr_list) gives <td scope="row">.
    html = (
        '<table><tbody><tr><td scope="row"><code>LRP001</code></td><td>error</td></tr>'
        "</tbody></table>"
    )
    assert '<tr><th scope="row"><code>LRP001</code></th><td>error</td></tr>' in wrap_tables(html)
