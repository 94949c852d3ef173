"""The `geomap` command line: extract, toponyms, gazetteer, ingest, serve, export.

The output of `extract` and `toponyms` is a contract other tools parse, so this module
only parses arguments, calls the stages and prints; errors become one line and exit 2.
Heavy imports happen inside the verbs so that `geomap extract` starts quickly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from geomap import __version__
from geomap.errors import GeomapError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2


class UsageError(GeomapError):
    """Bad command-line arguments."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit 2, never a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see `{self.prog} --help`)")


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {value!r}: expected YYYY-MM-DD"
        ) from None


def _existing_path(value: str) -> str:
    if value != "-" and not Path(value).exists():
        raise argparse.ArgumentTypeError(f"no such file or directory: {value}")
    return value


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        help="SQLite store (default: $GEOMAP_DB or ./geomap.db)",
    )


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bbox", help="minLon,minLat,maxLon,maxLat")
    p.add_argument("--start", help="first date, YYYY-MM-DD (inclusive)")
    p.add_argument("--end", help="last date, YYYY-MM-DD (inclusive)")
    p.add_argument("--type", action="append", help="event type (repeatable)")
    p.add_argument("-q", "--query", dest="q", help="text search")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="geomap",
        description="Turn conflict news into located, dated incidents; map and export them.",
    )
    parser.add_argument("--version", action="version", version=f"geomap {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("extract", help="print incidents found in articles as GeoJSON")
    p.add_argument("--published", type=_iso_date, help="publication date, YYYY-MM-DD")
    p.add_argument("--source", help="outlet name")
    p.add_argument("--unvetted", action="store_true",
                   help="every candidate the rules find, before the learned vetter drops "
                        "the doubtful ones (confidence is then the rules' own)")
    p.add_argument("files", nargs="+", metavar="FILE", type=_existing_path)

    p = sub.add_parser("toponyms", help="print place mentions as JSON Lines, one per file")
    p.add_argument("files", nargs="+", metavar="FILE", type=_existing_path)

    p = sub.add_parser("gazetteer", help="build or inspect the local gazetteer")
    gsub = p.add_subparsers(dest="gazetteer_verb", metavar="ACTION", parser_class=_Parser)
    gsub.required = True
    g = gsub.add_parser("build", help="build the on-disk gazetteer from packaged data")
    g.add_argument("--out", default=None, help="output folder (default: gazetteer/build)")
    g = gsub.add_parser("info", help="print counts and sources of the built gazetteer")
    g.add_argument("--path", default=None)
    g = gsub.add_parser("lookup", help="print the gazetteer entries for a name")
    g.add_argument("name")

    p = sub.add_parser("ingest", help="store articles and their incidents")
    _add_db(p)
    p.add_argument("--published", type=_iso_date, help="publication date, YYYY-MM-DD")
    p.add_argument("--source", help="outlet name")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("paths", nargs="+", metavar="PATH", type=_existing_path,
                   help="files, folders or JSON Lines; - for stdin")

    p = sub.add_parser("serve", help="serve the map and the API (waitress)")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-seed", action="store_true",
                   help="do not ingest seeds/ into an empty store")

    p = sub.add_parser("export", help="export stored incidents")
    _add_db(p)
    p.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
    p.add_argument("--format", choices=("geojson", "csv", "gpkg"), default=None,
                   help="default: from the output file's extension, else geojson")
    _add_filters(p)
    return parser


# --- verbs -------------------------------------------------------------------------


def _articles(files: Sequence[str], published: date | None = None,
              source: str | None = None) -> Iterator[Any]:
    """Articles of every file in turn; a bad file raises ArticleError where it is met."""
    from geomap.articles import read_articles

    for f in files:
        yield from read_articles(f, published=published, source=source)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def cmd_extract(args: argparse.Namespace) -> int:
    from geomap.model import feature_collection
    from geomap.pipeline import Extractor

    extractor = Extractor.default()
    if args.unvetted:
        extractor = Extractor(extractor.gazetteer, vetted=False)
    # Collected before printing: a bad file later on fails the run with nothing printed.
    features = [
        incident.to_feature()
        for article in _articles(args.files, args.published, args.source)
        for incident in extractor.extract(article)
    ]
    sys.stdout.write(_dump(feature_collection(features)) + "\n")
    return EXIT_OK


def cmd_toponyms(args: argparse.Namespace) -> int:
    from geomap.pipeline import Extractor, mention_record

    extractor = Extractor.default()
    lines = []
    for f in args.files:
        articles = list(_articles([f]))
        for article in articles:
            record: dict[str, Any] = {"file": f}
            if len(articles) > 1:
                record["article_id"] = article.id
            record["mentions"] = [
                mention_record(m, article) for m in extractor.toponyms(article)
            ]
            lines.append(_dump(record) + "\n")
    sys.stdout.write("".join(lines))
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from geomap import gazetteer

    if args.gazetteer_verb == "build":
        out = gazetteer.build_gazetteer(args.out)
        stats = gazetteer.Gazetteer.load(out).stats()
        print(f"gazetteer built in {out}: {_dump(stats)}", file=sys.stderr)
        return EXIT_OK
    gaz = gazetteer.Gazetteer.load(getattr(args, "path", None))
    if args.gazetteer_verb == "info":
        print(json.dumps(gaz.stats(), indent=2, ensure_ascii=False))
        return EXIT_OK
    places = gaz.lookup(args.name)
    if not places:
        raise GeomapError(f"no gazetteer entry named {args.name!r}")
    for place in places:
        print(_dump({k: getattr(place, k) for k in place.__slots__}))
    return EXIT_OK


def _stdin_to_file(folder: str) -> str:
    """Spool stdin to a file so it is read exactly like a named one (text or JSON Lines)."""
    data = sys.stdin.buffer.read()
    suffix = ".jsonl" if data.lstrip()[:1] == b"{" else ".txt"
    path = Path(folder) / f"stdin{suffix}"
    path.write_bytes(data)
    return str(path)


def cmd_ingest(args: argparse.Namespace) -> int:
    import tempfile

    from geomap.pipeline import Extractor
    from geomap.store import ingest_paths, open_store

    with tempfile.TemporaryDirectory(prefix="geomap-stdin-") as spool:
        paths = [_stdin_to_file(spool) if p == "-" else p for p in args.paths]
        extractor = Extractor.default()
        with open_store(db_path(args.db)) as store:
            report = ingest_paths(store, paths, extractor, published=args.published,
                                  source=args.source,
                                  progress=False if args.no_progress else None)
    for error in report.errors:
        print(f"geomap: skipped: {error}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return EXIT_USAGE if report.errors else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from geomap.web.app import serve

    serve(host=args.host, port=args.port, db_path=db_path(args.db), seed=not args.no_seed)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from geomap.store import Filters, export_incidents, open_store

    filters = Filters.parse(bbox=args.bbox, start=args.start, end=args.end,
                            types=args.type or (), q=args.q)
    fmt = args.format or _format_from_name(args.output)
    if args.output == "-" and fmt == "gpkg":
        raise UsageError("gpkg export needs a file name, not stdout")
    if not Path(db_path(args.db)).exists():
        raise UsageError(f"no store at {db_path(args.db)}: run `geomap ingest` first")
    with open_store(db_path(args.db)) as store:
        target = sys.stdout if args.output == "-" else args.output
        count = export_incidents(store, target, fmt, filters)
    print(f"exported {count} incidents as {fmt}", file=sys.stderr)
    return EXIT_OK


def _format_from_name(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"json": "geojson", "geojson": "geojson", "csv": "csv", "gpkg": "gpkg"}.get(
        suffix, "geojson")


def db_path(value: str | None) -> str:
    """--db, else $GEOMAP_DB, else ./geomap.db."""
    return value or os.environ.get("GEOMAP_DB") or "geomap.db"


VERBS = {
    "extract": cmd_extract,
    "toponyms": cmd_toponyms,
    "gazetteer": cmd_gazetteer,
    "ingest": cmd_ingest,
    "serve": cmd_serve,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return VERBS[args.verb](args)
    except GeomapError as error:
        print(f"geomap: {error}" if not str(error).startswith("geomap") else str(error),
              file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`geomap extract ... | head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("geomap: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the contract is: never a traceback
        if os.environ.get("GEOMAP_DEBUG"):
            raise
        print(f"geomap: internal error: {type(error).__name__}: {error} "
              "(set GEOMAP_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
