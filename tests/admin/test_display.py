"""Marking spans in article text: everything escaped, marks nested, bad spans left out."""

from claims.admin.display import Mark, mark_spans, paragraph_around


def test_text_and_titles_are_escaped_and_only_our_tags_are_markup():
    text = 'He said <script>alert("x")</script> & <img src=x onerror=alert(1)> left.'
    html = mark_spans(text, [Mark(0, 7, "c", title='"><script>bad()</script>')])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in html
    assert html.startswith('<mark class="c" title="&quot;&gt;&lt;script&gt;bad()')


def test_marks_nest_inside_the_claim_and_links_are_anchors():
    text = "Trump said 450,000 died."
    html = mark_spans(
        text,
        [
            Mark(11, 18, "q", "quantity"),
            Mark(0, 24, "claim", href="/admin/claims/claim/1/change/"),
            Mark(0, 5, "person"),
        ],
    )
    assert html == (
        '<a class="claim" href="/admin/claims/claim/1/change/" title="">'
        '<mark class="person" title="">Trump</mark> said '
        '<mark class="q" title="quantity">450,000</mark> died.</a>'
    )


def test_a_mark_crossing_an_open_one_or_outside_the_text_is_left_out():
    text = "abcdefghij"
    html = mark_spans(text, [Mark(0, 5, "a"), Mark(3, 8, "crossing"), Mark(8, 40, "outside")])
    assert html == '<mark class="a" title="">abcde</mark>fghij'


def test_offsets_are_taken_relative_to_where_the_text_starts_in_the_body():
    body = "First paragraph.\n\nSecond one has 450,000 in it.\n\nThird."
    start, end = paragraph_around(body, body.index("450,000"), body.index(" in it"))
    assert body[start:end] == "Second one has 450,000 in it."
    html = mark_spans(
        body[start:end], [Mark(body.index("450,000"), body.index(" in it"), "q")], offset=start
    )
    assert html == 'Second one has <mark class="q" title="">450,000</mark> in it.'
