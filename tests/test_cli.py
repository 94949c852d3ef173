"""The CLI contract: output shapes of `extract` and `toponyms`, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.model import PROPERTY_NAMES

REPO = Path(__file__).resolve().parent.parent
SEED_GANJA = REPO / "seeds" / "001_a4d949816ac8c24b.txt"

pytestmark = pytest.mark.usefixtures("built_gazetteer")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_prints_one_rfc7946_feature_collection(capsys):
    code, out, err = run(capsys, "extract", "--published", "2020-10-12", str(SEED_GANJA))
    assert code == 0, err
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    assert collection["features"], "the Ganja article reports incidents"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(PROPERTY_NAMES) <= set(feature["properties"])
        assert feature["properties"]["published"] == "2020-10-12"


def test_extract_finds_the_shelling_of_ganja(capsys):
    _, out, _ = run(capsys, "extract", "--published", "2020-10-12", str(SEED_GANJA))
    props = [f["properties"] for f in json.loads(out)["features"]]
    ganja = [p for p in props if p["place_name"] == "Ganja"]
    assert ganja, props
    assert ganja[0]["event_type"] == "Explosions/Remote violence"
    assert ganja[0]["killed"] == 9 and ganja[0]["wounded"] == 33
    assert ganja[0]["country"] == "AZ"
    assert ganja[0]["geo_precision"] == 1


def test_extract_source_option_is_carried(capsys):
    _, out, _ = run(capsys, "extract", "--source", "Press TV", str(SEED_GANJA))
    features = json.loads(out)["features"]
    assert features and all(f["properties"]["source"] == "Press TV" for f in features)


def test_extract_unvetted_prints_every_candidate_the_rules_find(capsys, tmp_path):
    article = tmp_path / "front.txt"
    article.write_text(
        "published: 2024-08-20\n\nA Russian missile hit a hotel in Kramatorsk on Tuesday, "
        "killing five people, the governor said.\n\nAcross the front line, Ukrainian forces "
        "repelled 54 attacks in the past day, with the heaviest fighting in the Donetsk "
        "region.\n", encoding="utf-8")
    places = {}
    for flag in ((), ("--unvetted",)):
        code, out, err = run(capsys, "extract", *flag, str(article))
        assert code == 0, err
        places[flag] = {f["properties"]["place"] for f in json.loads(out)["features"]}
    assert places[()] == {"Kramatorsk"}
    assert places[("--unvetted",)] == {"Kramatorsk", "Donetsk"}


def test_article_without_incidents_gives_empty_collection(capsys, tmp_path):
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The city council of Lyon met on Tuesday to discuss the new budget.\n")
    code, out, _ = run(capsys, "extract", str(quiet))
    assert code == 0
    assert json.loads(out) == {"type": "FeatureCollection", "features": []}


def test_toponyms_prints_one_json_line_per_file_with_true_offsets(capsys):
    files = sorted((REPO / "seeds").glob("*.txt"))
    code, out, err = run(capsys, "toponyms", *map(str, files))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == len(files)
    for line, path in zip(lines, files, strict=True):
        record = json.loads(line)
        assert record["file"] == str(path)
        text = path.read_text(encoding="utf-8")
        assert record["mentions"]
        for m in record["mentions"]:
            assert set(m) == {"text", "start", "end", "name", "gazetteer_id", "feature",
                              "country", "lat", "lon", "confidence"}
            assert text[m["start"]:m["end"]] == m["text"]
            assert 0.0 <= m["confidence"] <= 1.0


def test_toponyms_resolve_armenia_to_the_country(capsys):
    _, out, _ = run(capsys, "toponyms", str(SEED_GANJA))
    mentions = json.loads(out)["mentions"]
    armenia = [m for m in mentions if m["text"] == "Armenia"]
    assert armenia and all(m["country"] == "AM" and m["feature"].startswith("PCL")
                           for m in armenia)


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["extract", "/no/such/article.txt"], "no such file"),
        (["extract", "--published", "2020-13-45", str(SEED_GANJA)], "invalid date"),
        (["toponyms"], "required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert fragment in err


def test_binary_file_is_refused_with_exit_2(capsys, tmp_path):
    blob = tmp_path / "image.txt"
    blob.write_bytes(bytes(range(256)) * 8)
    code, out, err = run(capsys, "extract", str(blob))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(blob) in err


def test_console_script_never_prints_a_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [sys.executable, "-m", "geomap", "extract", str(missing)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_bad_later_file_fails_the_run_before_anything_is_printed(capsys, tmp_path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "extract", str(SEED_GANJA), str(blob))
    assert code == 2 and out == ""
    assert str(blob) in err


def test_ingest_is_idempotent_and_export_reads_back(capsys, tmp_path):
    db = str(tmp_path / "store.db")
    code, _, err = run(capsys, "ingest", "--db", db, "--no-progress", str(REPO / "seeds"))
    assert code == 0, err
    assert "5 new articles" in err
    code, _, err = run(capsys, "ingest", "--db", db, "--no-progress", str(REPO / "seeds"))
    assert code == 0 and "0 new articles, 5 duplicates" in err

    out_file = tmp_path / "all.geojson"
    code, _, err = run(capsys, "export", "--db", db, "-o", str(out_file))
    assert code == 0, err
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    places = {f["properties"]["place_name"] for f in exported["features"]}
    assert "Ganja" in places

    code, _, err = run(capsys, "export", "--db", db, "-o", str(tmp_path / "x.csv"),
                       "--start", "2021-07-01", "--end", "2021-07-31")
    assert code == 0, err
    rows = (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("event_id_cnty,event_date")
    assert len(rows) > 1 and all("2021-07" in row for row in rows[1:])


def test_export_with_bad_filter_is_a_one_line_error(capsys, tmp_path):
    db = str(tmp_path / "store.db")
    run(capsys, "ingest", "--db", db, "--no-progress", str(SEED_GANJA))
    code, out, err = run(capsys, "export", "--db", db, "-o", str(tmp_path / "x.geojson"),
                         "--bbox", "1,2,3")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "bbox" in err


def test_ingest_reads_stdin(capsys, tmp_path, monkeypatch):
    import io

    db = str(tmp_path / "store.db")
    text = SEED_GANJA.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, _, err = run(capsys, "ingest", "--db", db, "--no-progress",
                       "--published", "2020-10-12", "-")
    assert code == 0, err
    assert "1 new articles" in err
