"""The paper version of a page is made from its elements, not from patterns over its markup."""

from __future__ import annotations

from sbc_desktop.handout.paper import for_paper, plain


def test_a_page_without_the_app_in_it_is_kept_word_for_word():
    page = (
        '<h2 id="a">Pain</h2><p>Pain can be <em>eased</em>. Ask &amp; tell &lt;them&gt;.</p>'
        '<ol start="3"><li>One.</li><li><p>Two.</p><ul><li>Inner.</li></ul></li></ol>'
        '<div class="picture"><img src="file:///p.svg" alt="A &quot;chart&quot;"></div><br><hr>'
    )
    assert for_paper(page) == page


def test_sentences_are_cut_across_inline_markup():
    page = '<p>Rest <b>well.</b> <em>Then</em> tap the button. "Eat" well. (Sleep.) Click here? <i>Done</i>.</p>'
    # "(Sleep.) Click here?" is one sentence: a bracket, not a full stop, comes before its space
    assert for_paper(page) == '<p>Rest <b>well.</b> "Eat" well. <i>Done</i>.</p>'


def test_screen_only_words_go_even_around_markup_and_empty_blocks_go_with_them():
    page = (
        '<p>Keep this. <span class="screen-only">Press <b>F1</b>.</span> And this.</p>'
        '<p><span class="screen-only">Only on screen.</span></p><ul><li>Tap Save.</li></ul><ul><li>Stay.</li></ul>'
    )
    assert for_paper(page) == "<p>Keep this. And this.</p><ul><li>Stay.</li></ul>"


def test_a_part_about_the_app_ends_at_the_next_heading_of_its_level_or_the_sources():
    page = (
        "<h2>Side effects</h2><p>Tell your nurse.</p>"
        "<h3>Using this app</h3><p>Notes.</p><h4>More</h4><p>Still the app part.</p>"
        "<h3>Sickness</h3><p>Eat little and often.</p>"
        "<h2>Keep notes in the app</h2><p>Gone.</p><hr><p>Sources.</p>"
    )
    assert for_paper(page) == (
        "<h2>Side effects</h2><p>Tell your nurse.</p><h3>Sickness</h3><p>Eat little and often.</p><hr><p>Sources.</p>"
    )
    assert plain("<p>Tell <b>your</b>\n nurse.</p>") == "Tell your nurse."


def test_made_in_the_smallest_steps_the_paper_page_is_the_same(monkeypatch):
    """A long page is made a piece at a time (the window goes on between two steps): each cut
    falls before a tag and between top-level parts, so nothing it does can change the result."""
    from sbc_desktop.handout import paper

    page = (
        "<h2>Side effects</h2><p>Eat &amp; drink. Tap the button. Rest.</p>"
        '<span class="screen-only">Screen words.</span> After the span. <b>Bold</b> text.'
        '<p>See <a href="topic:x">the  page</a>.   Then tick the box. Ask your nurse &lt;soon&gt;.</p>'
        "<h3>Using this app</h3><p>Gone.</p><h3>Sickness</h3><ul><li>Little.</li><li>Open the panel.</li></ul>"
        "text at the top. Click here. More text &eacute; <br> end"
    ) * 3
    whole = paper.for_paper(page)
    assert "Screen words" not in whole and "After the span." in whole and "Tap" not in whole
    for piece, nodes in ((1, 1), (7, 2), (40, 3)):
        monkeypatch.setattr(paper, "PARSE_PIECE", piece)
        monkeypatch.setattr(paper, "NODES_A_STEP", nodes)
        steps = paper.for_paper_steps(page)
        count = 0
        while True:
            try:
                next(steps)
                count += 1
            except StopIteration as stop:
                assert stop.value == whole
                break
        assert count > 10
