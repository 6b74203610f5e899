"""Fixtures and builders for the fetcher tests: the local server, feed documents and article pages."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape

from tests.support.local_server import local_server  # noqa: F401  (a fixture, used by name)

BASE_DATE = datetime(2025, 11, 3, 8, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    guid: str | None = None
    published: datetime | None = None
    description: str = ""
    content: str = ""
    extra: str = ""


@dataclass
class Site:
    """A small news site on the local server: a feed and one page per item."""

    server: object
    prefix: str = "/site"
    items: list[Item] = field(default_factory=list)

    @property
    def feed_url(self) -> str:
        return self.server.url(f"{self.prefix}/feed.xml")

    def page_path(self, number: int) -> str:
        return f"{self.prefix}/berita/{number}.html"

    def add_item(self, number: int, *, with_page: bool = True, **fields) -> Item:
        published = BASE_DATE + timedelta(days=number)
        title = fields.pop("title", f"Buruh dan polisi berdialog di Serang, hari ke-{number}")
        paragraphs = article_paragraphs(number)
        item = Item(
            title=title,
            link=self.server.url(self.page_path(number)),
            guid=fields.pop("guid", f"tag:contoh,2025:{self.prefix}/{number}"),
            published=published,
            description=fields.pop("description", f"Ringkasan berita nomor {number}."),
            **fields,
        )
        self.items.insert(0, item)
        if with_page:
            self.server.route(
                self.page_path(number),
                body=article_page(title, paragraphs, published),
                content_type="text/html; charset=utf-8",
            )
        return item

    def publish(self, **route) -> None:
        """(Re)serve the feed with the current items; route options such as etag pass through."""
        route.setdefault("content_type", "application/rss+xml; charset=utf-8")
        self.server.route(f"{self.prefix}/feed.xml", body=rss(self.items, title=f"Situs {self.prefix}"), **route)


def article_paragraphs(number: int) -> list[str]:
    return [
        f"Serang, Kabar Contoh — Ratusan buruh pabrik ke-{number} berkumpul di depan kantor Disnaker "
        "untuk menyampaikan aspirasi tentang upah minimum kabupaten tahun depan.",
        f"Kapolsek setempat, yang namanya disamarkan dalam berita uji nomor {number}, memimpin pengamanan "
        "dan mengajak perwakilan serikat berdialog di aula kecamatan.",
        "Menurut koordinator aksi, pertemuan berlangsung tertib dan kedua pihak sepakat bertemu lagi pekan depan "
        "bersama perwakilan perusahaan dan pemerintah daerah.",
    ]


def article_page(title: str, paragraphs: list[str], published: datetime) -> str:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<meta property='article:published_time' content='{published.isoformat()}'></head>"
        f"<body><nav><a href='/'>Beranda</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright © Kabar Contoh</footer></body></html>"
    )


def rss(items: list[Item], title: str = "Kabar Contoh", extra_channel: str = "") -> str:
    entries = "".join(_rss_item(item) for item in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://contoh.example/</link>"
        f"<description>Berita uji</description>{extra_channel}{entries}</channel></rss>"
    )


def _rss_item(item: Item) -> str:
    parts = [f"<title>{escape(item.title)}</title>", f"<link>{escape(item.link)}</link>"]
    if item.guid:
        parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
    if item.published:
        parts.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
    if item.description:
        parts.append(f"<description>{escape(item.description)}</description>")
    if item.content:
        parts.append(f"<content:encoded><![CDATA[{item.content}]]></content:encoded>")
    return f"<item>{''.join(parts)}{item.extra}</item>"
