"""Reading saved web pages (``.html``, ``.htm``) into sources.

The article's text is what trafilatura (the ``web`` extra) keeps of the page: the story
without its navigation, cookie banners, share buttons and footers.  The source's metadata
comes from the page's own markup, read with the standard library's HTML parser:

- title: ``og:title``, else JSON-LD ``headline``, else ``<title>``;
- outlet: ``og:site_name``, else JSON-LD ``publisher.name``;
- authors: ``<meta name="author">``, ``article:author`` and JSON-LD ``author``;
- url: ``og:url``, else ``<link rel="canonical">``;
- published: ``article:published_time``, else JSON-LD ``datePublished``, else the first
  ``<time datetime>``; the day written in the page's own time zone is kept.

Bytes are decoded by the charset the page declares (a byte-order mark, ``<meta charset>``
or ``http-equiv``), UTF-8 when it declares none; a page whose bytes do not fit its charset is
refused with the byte at fault.

>>> page = b'''<html><head><meta charset="iso-8859-1">
... <meta property="og:site_name" content="Le Monde">
... <meta property="article:published_time" content="2016-07-28T23:30:00-05:00">
... <title>Caf\\xe9 | Le Monde</title></head><body><p>x</p></body></html>'''
>>> meta = page_metadata(decode_page(page, "page.html"))
>>> meta.outlet, meta.title, meta.published
('Le Monde', 'Café | Le Monde', '2016-07-28T23:30:00-05:00')
"""

from __future__ import annotations

import codecs
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs

from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.reading.files import MAX_ARTICLE_BYTES, read_regular, shown
from claimtrack.time.facts import read_date

__all__ = [
    "PAGE_SUFFIXES",
    "PageMetadata",
    "decode_page",
    "page_metadata",
    "page_text",
    "read_page",
]

PAGE_SUFFIXES = (".html", ".htm")
"""File endings read as saved web pages."""

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode_page(data: bytes, where: str) -> str:
    """The text of a page's bytes, decoded by the charset it declares."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            charset = name
            break
    else:
        found = _CHARSET.search(data[:8192])
        charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise InputError(f"the page declares an unknown charset {charset!r}",
                         location=where) from None  # fmt: skip
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        message = f"not valid {charset} at byte {exc.start} (the charset the page declares)"
        raise InputError(message, location=where) from exc


@attrs.frozen(kw_only=True)
class PageMetadata:
    """What a page's markup says about it (every field as written there)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.authors: list[str] = []
        self.times: list[str] = []
        self.canonical: str | None = None
        self.title = ""
        self.json_ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        found = {k.lower(): (v or "") for k, v in attrs_}
        if tag == "meta":
            key = (found.get("property") or found.get("name") or "").lower().strip()
            content = found.get("content", "").strip()
            if key and content:
                if key in ("author", "article:author"):
                    self.authors.append(content)
                self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in found.get("rel", "").lower().split():
            self.canonical = self.canonical or found.get("href") or None
        elif tag == "time" and found.get("datetime", "").strip():
            self.times.append(found["datetime"].strip())
        elif tag == "title":
            self._in = "title"
        elif tag == "script" and found.get("type", "").lower() == "application/ld+json":
            self._in = "json-ld"
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "json-ld":
            self.json_ld[-1] += data


def _ld_objects(blocks: list[str]) -> list[dict[str, Any]]:
    """The JSON-LD objects of a page (a ``@graph`` flattened); unreadable blocks skipped,
    as browsers and search engines skip them."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                stack += graph if isinstance(graph, list) else []
    return found


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _first_str(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def page_metadata(html: str) -> PageMetadata:
    """The title, outlet, url, publication date and authors a page's markup declares."""
    parser = _MetaParser()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    ld = [o for o in _ld_objects(parser.json_ld) if "datePublished" in o or "headline" in o]
    article = ld[0] if ld else {}
    publisher = article.get("publisher")
    dates = [article.get("datePublished")]
    authors = parser.authors + _names(article.get("author"))
    unique = tuple(dict.fromkeys(" ".join(a.split()) for a in authors if a.strip()))
    return PageMetadata(
        title=_first_str(meta.get("og:title"), article.get("headline"), parser.title),
        outlet=_first_str(meta.get("og:site_name"), _names(publisher)[:1] and _names(publisher)[0]),
        url=_first_str(meta.get("og:url"), parser.canonical),
        published=_first_str(meta.get("article:published_time"), *dates, *parser.times),
        authors=tuple(a for a in unique if not a.startswith(("http://", "https://"))),
    )


def page_text(html: str, where: str | Path) -> str:
    """The article's text of a page, paragraphs apart, without the page's furniture."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("reading web pages needs the web extra: pip install 'claimtrack[web]'",
                         location=str(where)) from None  # fmt: skip
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_links=False, include_images=False,
                               favor_precision=True, deduplicate=False)  # fmt: skip
    if not text or not text.strip():
        raise InputError("no article text found in the page", location=str(where))
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def read_page(path: Path) -> tuple[str, dict[str, Any]]:
    """A saved web page's article text, and the sidecar fields its markup gives."""
    html = decode_page(read_regular(path, max_bytes=MAX_ARTICLE_BYTES, kind="page"), shown(path))
    found = page_metadata(html)
    meta: dict[str, Any] = {k: v for k in ("title", "outlet", "url", "published")
                            if (v := getattr(found, k)) is not None}  # fmt: skip
    if found.authors:
        meta["authors"] = list(found.authors)
    if "published" in meta:
        try:
            read_date(meta["published"])
        except (ClaimtrackError, ValueError, OverflowError):
            del meta["published"]  # a page's own odd date is no reason to refuse the page
    return page_text(html, shown(path)), meta
