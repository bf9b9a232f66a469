"""Markup that Material's JavaScript used to add in the browser, now added at build time."""

from __future__ import annotations

import re

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
        '<a class="headerlink" href="#valoda" title="Saite uz šo sadaļu" '
        'aria-label="Saite uz šo sadaļu: Valoda — lotfítka &amp; X">&para;</a></div><p>y</p>'
    )


def test_headings_of_every_level_and_with_other_attributes_are_each_handled_once() -> None:
    html = "".join(
        f'<h{level} class="c" id="h{level}">T{level}<a class="headerlink" href="#h{level}" '
        f'title="Link">&para;</a></h{level}>\n'
        for level in range(1, 7)
    )
    moved = permalinks_beside_headings(html)
    assert moved.count('<div class="lrp-heading') == 6
    assert '<h4 class="c" id="h4">T4</h4>' in moved
    assert not re.search(r"<h[1-6][^>]*>[^<]*<a ", moved)
    assert permalinks_beside_headings(moved) == moved


def test_a_heading_without_a_permalink_is_left_as_it_is() -> None:
    html = '<h1>Title</h1><h2 id="a">A</h2>'
    assert permalinks_beside_headings(html) == html


def test_a_templates_heading_without_a_permalink_is_not_taken_into_the_next_one() -> None:
    html = (
        '<h1>Stāsts</h1><p>Teksts.</p><h1 id="b">B<a class="headerlink" href="#b" '
        'title="Link">&para;</a></h1>'
    )
    assert permalinks_beside_headings(html) == (
        '<h1>Stāsts</h1><p>Teksts.</p><div class="lrp-heading lrp-heading--h1">'
        '<h1 id="b">B</h1><a class="headerlink" href="#b" title="Link" aria-label="Link: B">'
        "&para;</a></div>"
    )
