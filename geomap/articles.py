"""Reading articles from disk: plain text, front matter, JSON Lines, directories.

Offsets: `Article.text` always has exactly the characters of the decoded file, so every
offset we report is an offset into the file's text. A front-matter header is kept in
place but blanked to spaces (newlines kept) and listed in `Article.chrome`, so no
place name in `title:` or `source:` is mistaken for article content. For JSON Lines the
offsets are into the record's `text` field.

Metadata precedence: what the file itself says (header, JSON fields, a `metadata.json`
beside it) wins; the caller's `published`/`source` fill the gaps; the page's own
dateline ("Monday, 12 October 2020 6:33 AM") is the last resort for the date.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from geomap.dates import find_publication_date, parse_explicit
from geomap.errors import ArticleError
from geomap.model import Article, content_hash
from geomap.sentences import fold, split_sentences

TEXT_SUFFIXES = (".txt", ".md", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
META_KEYS = ("published", "date", "source", "url", "title", "id", "author", "publisher")

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)",
                           re.S)
_HEADER_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z][\w -]{0,20}?)[ \t]*:[ \t]*(?P<value>.*?)"
                          r"[ \t]*\r?$")


# ---------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes, where: str) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then charset detection; binary is refused."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), where)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{where}: cannot decode as {codec}: {exc.reason}") from exc
    if b"\x00" in data:
        raise ArticleError(f"{where}: binary data (NUL bytes), not a text article")
    try:
        return _check_text(data.decode("utf-8"), where)
    except UnicodeDecodeError:
        pass
    text: str | None = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            text = str(best)
    except ImportError:  # pragma: no cover - it is a dependency, but stay usable
        pass
    if text is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return _check_text(text, where)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, where: str) -> str:
    if not text:
        return text
    sample = text[:20000]
    control = len(_CONTROL.findall(sample))
    if control > max(3, len(sample) // 50):
        raise ArticleError(f"{where}: mostly non-text bytes, not a text article")
    return text


# ---------------------------------------------------------------------------- metadata

def parse_date(value: Any, where: str) -> date | None:
    """A published date from metadata: ISO date/datetime or a plain English date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if not isinstance(value, str):
        raise ArticleError(f"{where}: bad published date {value!r}")
    raw = value.strip()
    if re.match(r"\d{4}-\d\d-\d\d", raw):
        try:
            return date.fromisoformat(raw[:10])
        except ValueError as exc:
            raise ArticleError(f"{where}: bad published date {value!r}") from exc
    return _loose_date(raw, where)


def _loose_date(raw: str, where: str) -> date:
    parsed = parse_explicit(raw)
    if parsed is None:
        raise ArticleError(f"{where}: bad published date {raw!r}")
    return parsed


def _header(text: str) -> tuple[dict[str, str], int]:
    """Front matter or `Key: value` lines before a blank line: (fields, header end)."""
    m = _FRONT_MATTER.match(text)
    if m:
        fields = {}
        for line in m["body"].splitlines():
            hm = _HEADER_LINE.match(line)
            if hm:
                fields[hm["key"].strip().lower()] = hm["value"].strip().strip("\"'")
        return fields, m.end()
    fields = {}
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos: nl if nl >= 0 else len(text)]
        if not line.strip():
            break
        hm = _HEADER_LINE.match(line)
        if not hm or hm["key"].strip().lower() not in META_KEYS:
            return {}, 0
        fields[hm["key"].strip().lower()] = hm["value"].strip().strip("\"'")
        if nl < 0:
            return {}, 0  # a header with no body is not a header
        pos = nl + 1
    if not fields or not ({"published", "date", "source", "title", "url"} & set(fields)):
        return {}, 0
    return fields, pos


def _blank(text: str, end: int) -> str:
    """Replace text[:end] with spaces, keeping line breaks, so offsets stay valid."""
    return re.sub(r"[^\r\n]", " ", text[:end]) + text[end:]


def make_article(
    text: str,
    *,
    where: str,
    id: str | None = None,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    path: str | None = None,
    defaults: dict[str, Any] | None = None,
) -> Article:
    """One Article from decoded text plus what is known about it (header wins)."""
    fields, header_end = _header(text)
    chrome: list[tuple[int, int]] = []
    if header_end:
        text = _blank(text, header_end)
        chrome.append((0, header_end))
    if not text.strip():
        raise ArticleError(f"{where}: empty article text")
    defaults = defaults or {}
    pub = (parse_date(fields.get("published") or fields.get("date"), where)
           or published or defaults.get("published") or find_publication_date(text))
    title = fields.get("title") or title or defaults.get("title")
    article = Article(
        text=text,
        id=str(fields.get("id") or id or content_hash(text)[:16]),
        published=pub,
        source=fields.get("source") or source or defaults.get("source"),
        url=fields.get("url") or url or defaults.get("url"),
        title=title,
        path=path,
    )
    chrome.extend(detect_chrome(text, title))
    return Article(text=article.text, id=article.id, published=article.published,
                   source=article.source, url=article.url, title=article.title,
                   path=article.path, chrome=_merge_spans(chrome))


# ---------------------------------------------------------------------------- reading

def read_articles(
    path: str | Path, *, published: date | None = None, source: str | None = None
) -> Iterator[Article]:
    """Articles in a file or directory; raises ArticleError at the first bad one."""
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{p}: no such file or directory")
    defaults = {"published": published, "source": source}
    if p.is_dir():
        files = article_files(p)
        if not files:
            raise ArticleError(f"{p}: directory has no articles (.txt, .md, .jsonl)")
        metadata = _metadata(p / "metadata.json")
        for f in files:
            yield from _read_file(f, defaults, metadata.get(f.name, {}))
        return
    metadata = _metadata(p.parent / "metadata.json").get(p.name, {})
    yield from _read_file(p, defaults, metadata)


def article_files(folder: Path) -> list[Path]:
    """The files of a folder that are read as articles, in reading order."""
    return sorted(f for f in folder.iterdir() if f.is_file()
                  and f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)


def _metadata(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{path}: unreadable metadata ({exc})") from exc
    if not isinstance(data, dict):
        raise ArticleError(f"{path}: metadata must map file names to objects")
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _read_file(path: Path, defaults: dict[str, Any], meta: dict[str, Any]
               ) -> Iterator[Article]:
    where = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, defaults)
        return
    text = decode_bytes(_read_bytes(path), where)
    yield make_article(
        text, where=where, id=meta.get("id"),
        published=parse_date(meta.get("published"), f"{path.parent / 'metadata.json'}"),
        source=meta.get("source"), url=meta.get("url"), title=meta.get("title"),
        path=where, defaults=defaults,
    )


def _read_jsonl(path: Path, defaults: dict[str, Any]) -> Iterator[Article]:
    text = decode_bytes(_read_bytes(path), str(path))
    seen = 0
    # JSON Lines are split on "\n" only: str.splitlines also breaks at U+0085, U+2028 and
    # other separators that JSON strings may carry raw.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path} line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"{where}: malformed JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise ArticleError(f"{where}: expected a JSON object")
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            raise ArticleError(f"{where}: missing or empty \"text\"")
        seen += 1
        yield make_article(
            body, where=where, id=record.get("id"),
            published=parse_date(record.get("published") or record.get("date"), where),
            source=record.get("source"), url=record.get("url"), title=record.get("title"),
            path=str(path), defaults=defaults,
        )
    if not seen:
        raise ArticleError(f"{path}: no articles in JSON Lines file")


# ---------------------------------------------------------------------------- chrome

# A caption's end: a bracketed photo note or agency, or a photo credit. `_caption_end`
# searches the two forms apart, each only where it can match.
_CAPTION_END_BRACKET = re.compile(
    r"\((?:[^()]{0,40}\s)?(?:photo|photos|image|picture|file\s+photo|video)(?:\s[^()]{0,40})?"
    r"\)\s*$|\((?:getty\s+images|afp|reuters|ap|epa|anadolu|xinhua|tass|irna)\)\s*$",
    re.I,
)
_CAPTION_END_CREDIT = re.compile(r"\b(?:photo|image|picture)\s*(?:by|:|credit:?)\s*[^.]{0,60}$",
                                 re.I)
# Lower-case substrings that must occur for a banner or caption rule to apply at all:
# `in` tests are ~100x cheaper than case-insensitive regex scans over the whole text.
_CAPTION_KEYS = ("photo", "image", "picture", "video", "credit", "caption", "getty", "(afp)",
                 "(reuters)", "(ap)", "(epa)", "(anadolu)", "(xinhua)", "(tass)", "(irna)")
_BANNER_KEYS = ("mailing list", "join now", "subscribe", "sign up", "follow", "click here",
                "read more", "share this", "all content by", "licensed under",
                "creative commons", "accessed at", "alternate addresses", "rights reserved",
                "copyright", "related ", "related:", "advertisement", "newsletter", "cookie",
                "terms of use")
_CAPTION_START = re.compile(r"^\s*(?:photo|image|picture|file\s+photo|credit|caption)\s*[:|-]",
                            re.I)
_PHOTO_SCENE = re.compile(
    r"\b(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s+in\s+[A-Z][^.]{1,50}\.?\s*$"
)
# Banners, matched against lower-cased text. Most alternatives start with a banner word
# (`_BANNER_WORDS`) and are only tried where the key pass found one; three start before
# theirs ("all content by") and are searched for. `_banner_in` is the search.
_BANNER_LEAD = re.compile(
    r"\b(?:join\s+(?:the\s+)?mailing\s+list|join\s+now|subscribe\b|sign\s+up\s+for|"
    r"follow\s+(?:us\s+on|our|\w+['’]s\s+coverage)|click\s+here|read\s+more|share\s+this|"
    r"licensed\s+under|creative\s+commons|alternate\s+addresses|copyright\s+\d{4}|"
    r"related\s+(?:articles|stories|news)|(?<![^\n])related\s*:|advertisement|newsletter|"
    r"cookies?\s+policy|"
    r"terms\s+of\s+use)"
)
_BANNER_INNER = re.compile(
    r"\b(?:all\s+content\s+by|can\s+also\s+be\s+accessed|all\s+rights\s+reserved)")
# Agency credits that end a photo caption: "REUTERS/Jane Doe", "AFP via Getty Images",
# "(AP Photo/John Smith)", "EPA-EFE/STRINGER".
_AGENCY_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|ANADOLU|XINHUA|TASS|IRNA|WAFA|SANA)\s*/\s*"
    r"[A-Z][\w .'’-]{1,40}|\bvia Getty Images|\bGetty Images|\(AP Photo(?:/[^)]*)?\))"
    r"\s*\)?\s*$")
# A heading that opens a list of links to other stories, whose headlines follow one per
# line: each may name a place and a toll, none is this article's event.
_LINK_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|coverage|content))?|read\s+(?:more|also|next)|"
    r"more\s+(?:on\s+this\s+story|from\s+[\w ]{1,30}|stories|news)|most\s+(?:read|popular|viewed)|"
    r"recommended|trending(?:\s+now)?|top\s+stories|latest(?:\s+news)?|see\s+also|"
    r"you\s+may\s+also\s+like|also\s+read|in\s+other\s+news|what\s+to\s+read\s+next)\s*:?$",
    re.I)
_NAV = re.compile(r"^\s*[\w&'-]+(?:\s+[\w&'-]+)?(?:\s*[/|>»›]\s*[\w&'-]+(?:\s+[\w&'-]+)?)+\s*$")
# "Share on Facebook  Share on X  Share via Email": a page's share buttons as text
_SHARE_LINE = re.compile(r"^\s*(?:share|tweet|email|print|follow\s+us)\b.{0,80}?"
                         r"\b(?:facebook|twitter|whatsapp|email|e-mail|linkedin|telegram|"
                         r"reddit|x)\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"(?<!\S)[A-Z]{1,4}/[A-Z]{1,4}(?!\S)")
# A page's time stamp line: "Published On 12 Mar 2024 | Updated 14:32 GMT", "Last updated:
# 03.09.2024, 10:15". Its date is the page's, never an event's day.
_STAMP_LINE = re.compile(r"^(?:first\s+|last\s+)?(?:published|updated|posted)(?:\s+on)?\s*:?\s+"
                         r"(?=[^!?]*\d)(?:[^.!?]|(?<=\d)\.(?=\d))*$", re.I)
_TERMINAL_CHARS = ".!?\"”’:)"


# A word every banner alternative contains: a span without one is not searched.
_BANNER_WORDS = ("join", "subscribe", "sign", "follow", "click", "read", "share", "content",
                 "licensed", "creative", "accessed", "alternate", "reserved", "copyright",
                 "related", "advertisement", "newsletter", "cookie", "terms")
_CAPTION, _BANNER_KEY, _BANNER_WORD = 1, 2, 4


@cache
def _chrome_keys() -> Any:
    """One Aho-Corasick automaton for the caption keys, banner keys and banner words
    (None without pyahocorasick): a single pass instead of ~50 substring scans."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - a dependency, but stay usable
        return None
    flags: dict[str, int] = {}
    for keys, flag in ((_CAPTION_KEYS, _CAPTION), (_BANNER_KEYS, _BANNER_KEY),
                       (_BANNER_WORDS, _BANNER_WORD)):
        for key in keys:
            flags[key] = flags.get(key, 0) | flag
    automaton = ahocorasick.Automaton()
    for key, flag in flags.items():
        automaton.add_word(key, (len(key), flag))
    automaton.make_automaton()
    return automaton


def _key_hits(low: str) -> tuple[list[int], list[int], bool]:
    """(starts of caption keys, starts of banner words, whether a banner key occurs)."""
    automaton = _chrome_keys()
    if automaton is None:  # pragma: no cover
        def starts(keys: tuple[str, ...]) -> list[int]:
            return sorted(m.start() for k in keys for m in re.finditer(re.escape(k), low))
        return (starts(_CAPTION_KEYS), starts(_BANNER_WORDS),
                any(k in low for k in _BANNER_KEYS))
    caption: list[int] = []
    words: list[int] = []
    banner = False
    for end, (n, flag) in automaton.iter(low):
        if flag & _CAPTION:
            caption.append(end - n + 1)
        if flag & _BANNER_WORD:
            words.append(end - n + 1)
        banner = banner or bool(flag & _BANNER_KEY)
    caption.sort()
    words.sort()
    return caption, words, banner


def _banner_in(low: str, start: int, end: int, banner_at: list[int]) -> bool:
    """Is there a banner in low[start:end]? Tried at the banner words the key pass found
    there rather than searched for at every character (~15 µs over a paragraph)."""
    i = bisect_left(banner_at, start)
    while i < len(banner_at) and banner_at[i] < end:
        if _BANNER_LEAD.match(low, banner_at[i], end):
            return True
        i += 1
    return bool(_BANNER_INNER.search(low, start, end))


def _photo_scene(body: str) -> bool:
    """`_PHOTO_SCENE.search(body)` as a bool. A match runs to the end and holds at most
    two periods, so it starts after the third-last one: the search skips the prose."""
    start = len(body)
    for _ in range(3):
        start = body.rfind(".", 0, start)
        if start < 0:
            break
    return bool(_PHOTO_SCENE.search(body, start + 1))


def _caption_end(body: str) -> bool:
    """Does `body` end like a caption? A bracketed end needs a ")"; a credit holds no
    period, so it starts after the last one: searching a long line of prose from its
    start (~15 µs) would find nothing more."""
    return bool((")" in body and _CAPTION_END_BRACKET.search(body))
                or _CAPTION_END_CREDIT.search(body, body.rfind(".") + 1))


def _any_in(starts: list[int], s: int, e: int) -> bool:
    i = bisect_left(starts, s)
    return i < len(starts) and starts[i] < e


def detect_chrome(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Spans of page furniture: captions, banners, nav, bylines, repeats, title lines."""
    spans: list[tuple[int, int]] = []
    norm_title = _norm(title) if title else None
    seen_lines: set[str] = set()
    # Whole-text gates: most articles have no banner and few captions; a line or
    # sentence is only searched when it holds a key the rule needs.
    low = fold(text)  # same length as text, so spans hold
    caption_at, banner_at, has_banner = _key_hits(low)
    has_banner = has_banner and bool(banner_at)
    pos = 0
    in_link_list = False
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[start:end].strip()
        if not body:
            continue
        norm = _norm(body)
        words = norm.count(" ") + 1  # len(body.split()): norm is one space between words
        if _LINK_LIST_HEADING.match(body):
            in_link_list = True
            spans.append((start, end))
            continue
        if in_link_list:
            if body[-1] not in _TERMINAL_CHARS and words <= 25:
                spans.append((start, end))  # a headline in the list
                continue
            in_link_list = False  # prose again
        if (
            (("/" in body or "Getty" in body) and _AGENCY_CREDIT.search(body))
            or (caption_at and _any_in(caption_at, start, end)
                and (_caption_end(body) or _CAPTION_START.match(body)))
            or ((", 20" in body or ", 19" in body) and _photo_scene(body)
                and not re.search(r"\bsaid\b", body))
            or (has_banner and _any_in(banner_at, start, end)
                and _banner_in(low, start, end, banner_at)
                and (words <= 15 or len(split_sentences(body)) == 1))
            or ((words <= 8 or (words <= 20 and body.count("|") >= 3)) and _NAV.match(body))
            or (words <= 14 and body[-1] not in _TERMINAL_CHARS and _SHARE_LINE.match(body))
            or (words <= 14 and _STAMP_LINE.match(body))
            or (norm_title and norm == norm_title)
            or (norm in seen_lines and words >= 3)
            or (words <= 6 and body[-1] not in _TERMINAL_CHARS)
        ):
            spans.append((start, end))
        seen_lines.add(norm)
    # Inside prose: banner sentences, agency signatures, repeated sentences.
    seen_sentences: set[str] = set()
    for s, e in split_sentences(text):
        sentence = text[s:e]
        norm = _norm(sentence)
        if (has_banner and _any_in(banner_at, s, e) and _banner_in(low, s, e, banner_at)) or (
                norm in seen_sentences and len(sentence.split()) >= 5):
            spans.append((s, e))
        seen_sentences.add(norm)
    slash = text.find("/")
    while slash >= 0:  # "MH/PA": only around slashes, a scan of the text would be slow
        m = _SIGNATURE.search(text, max(0, slash - 5), slash + 6)
        if m:
            spans.append(m.span())
        slash = text.find("/", slash + 1)
    return _merge_spans(spans)


def furniture(article: Article) -> tuple[tuple[int, int], ...]:
    """The article's chrome spans less the headline line it repeats: the headline is page
    furniture for counting (no incident is told there) but the story's own words for
    where it happened, so its places stay."""
    if not article.chrome or not article.title:
        return article.chrome
    title = _norm(article.title)
    return tuple((s, e) for s, e in article.chrome
                 if _norm(article.text[s:e].strip()) != title)


def _norm(text: str) -> str:
    """Case- and spacing-blind form of a line or sentence, to spot repeats."""
    if "’" in text:
        text = text.replace("’", "'")
    # " " is the only printable white space and no character lower-cases to white space:
    # without leading, trailing or double spaces the split and join below would give
    # text.lower() back, at several times the cost.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.lower()
    return " ".join(text.lower().split())


def _merge_spans(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)
