"""Markup that Material's JavaScript used to add in the browser, now added at build time."""

from __future__ import annotations

from hooks.markup import without_comments, wrap_tables


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
