"""What a regional news site's article page carries besides the article, for bench/poll.py.

The demo Blogger template (demo.sites) keeps only the furniture the clean-up rules must
handle, about 9 KB a page. Pages of real regional sites are heavier: the template's skin CSS and
widget scripts inline, and a sidebar of popular posts with thumbnails and snippets, a label
cloud and the blog archive, plus related posts under the article. Extraction has to read past all
of it, so a benchmark that compares the pipeline with extraction alone serves pages that carry it.
None of it is article text: extraction yields the same text with and without it.
"""

import random
from functools import lru_cache
from html import escape

POPULAR_POSTS = 10
RELATED_POSTS = 8
LABELS = 40
ARCHIVE_MONTHS = 36
SKIN_RULES = 600
WIDGET_SCRIPTS = 150


def furnish(page: str, site: int, base_url: str) -> str:
    """`page` (the demo Blogger template) with the skin, scripts, sidebar and related posts of site `site`."""
    skin, scripts, sidebar, related = _furniture(site, base_url)
    for anchor, addition in (("</style>", skin), ("</aside>", sidebar), ('<div class="terkini">', related)):
        if anchor not in page:
            raise ValueError(f"the page template has no {anchor!r} to furnish")
        page = page.replace(anchor, addition + anchor, 1)
    return page.replace("</body>", f"<script>{scripts}</script></body>", 1)


@lru_cache(maxsize=4)  # pages are rendered site by site: the current one is enough
def _furniture(site: int, base_url: str) -> tuple[str, str, str, str]:
    rng = random.Random(site)
    root = f"{base_url}/f/{site}"
    skin = "".join(
        f".w{i} .c{i}>a:hover{{color:#{rng.randrange(16**6):06x};margin:{i % 9}px {i % 5}px;"
        f"font-size:{12 + i % 6}px;line-height:1.{i % 9}}}\n"
        for i in range(SKIN_RULES)
    )
    scripts = "".join(
        f"var w{i}=document.getElementById('w{i}');if(w{i}){{w{i}.addEventListener('click',"
        f"function(e){{_gaq.push(['_trackEvent','widget',{i}]);}});}}\n"
        for i in range(WIDGET_SCRIPTS)
    )
    popular = "".join(_post_item(root, number) for number in range(POPULAR_POSTS))
    labels = "".join(
        f'<li><a dir="ltr" href="{root}/search/label/Label{i}">Label {i}</a><span dir="ltr">({rng.randint(3, 400)})</span></li>'
        for i in range(LABELS)
    )
    archive = "".join(
        f'<li class="archivedate collapsed"><a class="toggle" href="javascript:void(0)"><span class="zippy">►&nbsp;</span></a>'
        f'<a class="post-count-link" href="{root}/{2023 + month // 12}/{1 + month % 12:02d}/">{2023 + month // 12}/{1 + month % 12:02d}</a>'
        f'<span class="post-count" dir="ltr">({rng.randint(20, 90)})</span></li>'
        for month in range(ARCHIVE_MONTHS)
    )
    sidebar = (
        f'<div class="widget PopularPosts"><h2 class="title">Berita Populer</h2><ul>{popular}</ul></div>'
        f'<div class="widget Label"><h2 class="title">Kategori</h2><ul>{labels}</ul></div>'
        f'<div class="widget BlogArchive"><h2 class="title">Arsip Blog</h2><ul class="hierarchy">{archive}</ul></div>'
    )
    related = "".join(_post_item(root, 100 + number) for number in range(RELATED_POSTS))
    return skin, scripts, sidebar, f'<div class="related-posts"><h4>Berita Terkait</h4><ul>{related}</ul></div>'


def _post_item(root: str, number: int) -> str:
    link = escape(f"{root}/p/{number}.html")
    return (
        f'<li><div class="item-thumbnail"><a href="{link}"><img alt="" height="72" width="72" '
        f'src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh{number}/s72-c/foto-{number}.jpg"></a></div>'
        f'<div class="item-title"><a href="{link}">Berita nomor {number} tentang peristiwa di daerah ini</a></div>'
        f'<div class="item-snippet">Cuplikan singkat berita nomor {number} yang tampil di sisi halaman...</div></li>'
    )
