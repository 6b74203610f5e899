"""A clutter-heavy Blogger-style article page, built by the tests around any title and paragraphs.

It stands in for `fetchers.demo_sites.render_blogger_page` until that exists, and carries the
template clutter that extraction must remove: ad placeholders inside the post body, share
buttons, an inline "Baca Juga" link, a comment box, a "Terkini" list and visitor counters.
"""

from datetime import datetime
from html import escape

CLUTTER_LINES = (
    "masukkan script iklan disini",
    "Komentar",
    "Tampilkan",
    "Posting Komentar",
    "Terkini",
    "Pengunjung hari ini : 7",
    "Bulan ini : 438723",
    "Total pengunjung : 4103489",
    "Bagikan",
    "Baca Juga: Harga cabai rawit naik jelang akhir pekan",
)


def render_clutter_page(title: str, paragraphs: list[str], published: datetime) -> str:
    body = "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    middle = len(paragraphs) // 2
    first, second = body.split("\n")[:middle], body.split("\n")[middle:]
    stamp = published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{escape(title)} - Kabar Lebak Hari Ini</title>
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{stamp}">
<script>var _ads = 'masukkan script iklan disini';</script>
</head><body>
<div class="navbar"><a href="/">Beranda</a> <a href="/search/label/Hukum">Hukum</a> • Jelajahi</div>
<div class="header-ads">masukkan script iklan disini</div>
<div class="main-wrapper"><div class="post hentry">
<h1 class="post-title entry-title">{escape(title)}</h1>
<div class="post-header">, {published:%B %d, %Y} WIB Last Updated {stamp}</div>
<div class="post-body entry-content">
<p>masukkan script iklan disini</p>
{''.join(first)}
<p><b>Baca Juga:</b> <a href="/2025/11/harga-cabai.html">Harga cabai rawit naik jelang akhir pekan</a></p>
{''.join(second)}
<p>masukkan script iklan disini</p>
</div>
<div class="share-box">Bagikan <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<div class="comments"><h4>Komentar</h4><a href="#">Tampilkan</a>
<div class="comment-form"><h4>Posting Komentar</h4><p>Silakan tulis komentar Anda di sini.</p></div></div>
</div></div>
<div class="sidebar">
<div class="widget"><h2>Terkini</h2><ul>
<li><a href="/a.html">Warga Cibadak gotong royong bersihkan saluran air</a></li>
<li><a href="/b.html">Pasar murah digelar di alun-alun kota</a></li></ul></div>
<div class="widget stats"><h2>Statistik</h2>
<div>Pengunjung hari ini : 7</div><div>Bulan ini : 438723</div><div>Total pengunjung : 4103489</div></div>
</div>
<div class="footer">Copyright © Kabar Lebak Hari Ini · Best Viral Premium Blogger Templates</div>
</body></html>"""
