"""Does web-page furniture change what we extract? Wraps each hand-written evaluation
article in page chrome (nav bar, share buttons, byline, an agency photo caption, a
"Read more" link, a "Related" list of other headlines, "Most read", copyright) and
prints the incidents that differ from the clean article's.

    python benchmarks/chrome_robustness.py [DIR ...]   (default: tests/data/unseen*)
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEAD = ("Skip to main content\nHome | World | Europe | Middle East | Africa | Opinion\n"
        "Advertisement\nShare on Facebook  Share on X  Share via Email\n"
        "By Maria Petrova and John Smith\nPublished On 12 Mar 2024 | Updated 14:32 GMT\n")
CAPTION = ("A residential building damaged by a strike in Kharkiv, Ukraine, on March 1. "
           "REUTERS/Vyacheslav Madiyevskyy")
MID = "Read more: Russian missile strike on Odesa kills five\n\nAdvertisement"
TAIL = ("\nRelated\nIsraeli strike on Rafah kills 12, medics say\n"
        "Sudan's army retakes Wad Madani from RSF\n"
        "Sign up for our Morning Briefing newsletter\nTags: Ukraine, Russia, Gaza, Sudan\n"
        "© 2024 Example News. All rights reserved.\nMost read\n"
        "1. Explosion in Beirut port kills dozens\n")
# A front-matter header: fenced by "---" lines, or bare "key: value" lines ending in a blank line
_FRONT = re.compile(r"(---\n.*?\n---\n|(?:[A-Za-z][\w -]{0,20}:[^\n]*\n)+\n)?(.*)", re.S)


def wrap(raw: str) -> str:
    """The article inside page chrome; its own paragraphs keep their order and breaks."""
    m = _FRONT.match(raw)
    front, body = m.group(1) or "", m.group(2)
    paras = body.split("\n\n")
    middle = "\n\n".join([paras[0], CAPTION, *paras[1:2], MID, *paras[2:]])
    return front + HEAD + middle + TAIL


def main() -> int:
    from geomap.articles import read_articles
    from geomap.pipeline import Extractor

    dirs = [Path(d) for d in sys.argv[1:]] or sorted((REPO / "tests/data").glob("unseen*"))
    extractor = Extractor.default()

    def keys(path: Path) -> list[tuple]:
        return sorted((p["event_type"], p["date"], p["place_name"], p["killed"])
                      for a in read_articles(path)
                      for p in (i.properties() for i in extractor.extract(a)))

    files = [f for d in dirs for f in sorted(d.glob("*.txt"))]
    differing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            messy = Path(tmp) / f.name
            messy.write_text(wrap(f.read_text(encoding="utf-8")), encoding="utf-8")
            clean, wrapped = keys(f), keys(messy)
            if clean != wrapped:
                differing += 1
                print(f"== {f.parent.name}/{f.name}")
                for k in sorted(set(wrapped) - set(clean), key=str):
                    print("  EXTRA", k)
                for k in sorted(set(clean) - set(wrapped), key=str):
                    print("  LOST ", k)
    print(f"articles whose incidents change inside page chrome: {differing} of {len(files)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
