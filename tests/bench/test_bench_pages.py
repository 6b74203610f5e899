"""bench/poll.py's pages: the furniture of a real site weighs on extraction but is never article text.

The poll benchmark compares the pipeline with extraction alone on pages that carry a real site's
sidebar, related posts, skin and scripts; if any of it leaked into the extracted text, the bench
would be measuring a different article, not the same one on a heavier page.
"""

import pytest

from bench.poll import page_html
from fetchers.extract import extract_article

BASE_URL = "http://127.0.0.1:8000"


@pytest.mark.parametrize(("feed", "item"), [(0, 1), (7, 13), (123, 25)])
def test_furnished_page_yields_the_bare_pages_text(feed, item):
    bare = page_html(feed, item, BASE_URL, bare=True)
    furnished = page_html(feed, item, BASE_URL)

    assert len(furnished) > 8 * len(bare)
    assert extract_article(furnished).text == extract_article(bare).text
    assert "Berita Populer" not in extract_article(furnished).text
