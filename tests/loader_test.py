#!/usr/bin/env python3
"""Loads every export format with Python's own csv and json modules, as a user
without pandas would, and checks each file against its format's rules.

    loader_test.py PALMYRA_BINARY SOURCE_DIR

Codes the example articles into a scratch database, exports it in each
format and fails (exit 1, naming the format, row and column) on the first
thing a loader would trip over.
"""
import csv
import io
import json
import re
import subprocess
import sys
import tempfile

# ACLED's columns, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
GDELT_COLUMNS = 61


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def export(binary, db, fmt):
    run = subprocess.run([binary, "export", "--db", db, "--format", fmt],
                         capture_output=True, text=True, check=False)
    check(run.returncode == 0, f"export --format {fmt} exited {run.returncode}: {run.stderr}")
    return run.stdout


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def check_jsonl(text):
    events = [json.loads(line) for line in text.splitlines() if line.strip()]
    check(events, "jsonl: no events")
    for i, e in enumerate(events, 1):
        # Ids are strings: 64-bit numbers would lose digits as doubles.
        check(isinstance(e["event_id"], str) and re.fullmatch(r"[0-9a-f]{16}", e["event_id"]),
              f"jsonl line {i}: event_id {e['event_id']!r} is not 16 hex digits as a string")
        check(isinstance(e["cameo"]["code"], str), f"jsonl line {i}: cameo code not a string")
        check(e["modality"] in ("asserted", "reported", "future", "hypothetical", "negated"),
              f"jsonl line {i}: modality {e['modality']!r}")
    return events


def check_csv(text, events):
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    check(len(body) == len(events), f"csv: {len(body)} rows for {len(events)} events")
    for i, row in enumerate(body, 2):
        check(len(row) == len(header), f"csv row {i}: {len(row)} fields, header has {len(header)}")
        record = dict(zip(header, row))
        # CAMEO codes keep their leading zeros ("046").
        check(re.fullmatch(r"\d{2,4}", record["cameo"]), f"csv row {i}: cameo {record['cameo']!r}")
        for column in ("killed", "injured", "arrested"):
            check(record[column] == "" or record[column].isdigit(),
                  f"csv row {i}: {column} {record[column]!r} is not a whole number")
        for column in ("lat", "lon"):
            check(record[column] == "" or is_number(record[column]),
                  f"csv row {i}: {column} {record[column]!r}")
    ids = [dict(zip(header, r))["event_id"] for r in body]
    check(sorted(ids) == sorted(e["event_id"] for e in events), "csv: not the jsonl's event ids")


def check_gdelt(text, events):
    rows = [line.split("\t") for line in text.splitlines()]
    check(rows, "gdelt: no rows")
    for i, row in enumerate(rows, 1):
        check(len(row) == GDELT_COLUMNS, f"gdelt row {i}: {len(row)} columns, not {GDELT_COLUMNS}")
        check(row[0].isdigit() and int(row[0]) < 2**53, f"gdelt row {i}: GLOBALEVENTID {row[0]!r}")
        check(row[1] == "" or re.fullmatch(r"\d{8}", row[1]), f"gdelt row {i}: SQLDATE {row[1]!r}")
        if row[1]:
            # FractionDate as the codebook computes it: YYYY + (MONTH * 30 + DAY) / 365.
            year, month, day = int(row[1][:4]), int(row[1][4:6]), int(row[1][6:])
            check(row[4] == f"{year + (month * 30 + day) / 365:.4f}",
                  f"gdelt row {i}: FractionDate {row[4]!r} for {row[1]}")
        for column in (6, 16):  # Actor1Name, Actor2Name: upper case
            check(row[column] == row[column].upper(), f"gdelt row {i}: name {row[column]!r}")
        check(row[26] in (e["cameo"]["code"] for e in events), f"gdelt row {i}: EventCode {row[26]!r}")
        check(row[29] in ("1", "2", "3", "4"), f"gdelt row {i}: QuadClass {row[29]!r}")
        check(row[34] == "", f"gdelt row {i}: AvgTone {row[34]!r} (no tone is measured)")
        check(is_number(row[30]) and -10 <= float(row[30]) <= 10,
              f"gdelt row {i}: GoldsteinScale {row[30]!r}")
        for column in (31, 32, 33):  # NumMentions, NumSources, NumArticles
            check(row[column].isdigit() and int(row[column]) >= 1,
                  f"gdelt row {i}: column {column + 1} {row[column]!r}")
    # Places: FIPS 10-4 country codes (Belgium BE, Mali ML, Kenya KE, not
    # ISO's BEL, MLI, KEN); a country-level place's ADM1Code is its country's.
    fips = {"BEL": "BE", "MLI": "ML", "KEN": "KE", "SYR": "SY", "UKR": "UP", "TUR": "TU"}
    for i, row in enumerate(rows, 1):
        geo_type, name, country, adm1 = row[51], row[52], row[53], row[54]
        if geo_type == "0":
            continue
        check(re.fullmatch(r"[A-Z]{2}", country), f"gdelt row {i}: ActionGeo_CountryCode {country!r}")
        iso = name.rsplit(", ", 1)[-1] if geo_type != "1" else None
        if iso in fips:
            check(country == fips[iso], f"gdelt row {i}: {iso} written as {country}, not {fips[iso]}")
        if geo_type == "1":
            check(adm1 == country, f"gdelt row {i}: a country's ADM1Code {adm1!r}")
        else:
            # Below a country: the country's code and the region's, or nothing.
            check(adm1 == "" or re.fullmatch(re.escape(country) + r"[A-Z0-9]{2}", adm1),
                  f"gdelt row {i}: ADM1Code {adm1!r} in {country}")
            check(row[58] != "", f"gdelt row {i}: ActionGeo_FeatureID empty")
    # One row per happening: the mentions add up to the events GDELT keeps
    # (those that happened, as asserted or reported).
    mentions = sum(int(row[31]) for row in rows)
    kept = sum(1 for e in events if e["modality"] in ("asserted", "reported"))
    check(mentions == kept, f"gdelt: NumMentions add up to {mentions}, events kept {kept}")
    ids = [row[0] for row in rows]
    check(len(ids) == len(set(ids)), "gdelt: a GLOBALEVENTID twice")


def check_gdelt_mentions(text, gdelt_text, events):
    rows = [line.split("\t") for line in text.splitlines()]
    event_rows = {line.split("\t")[0]: line.split("\t") for line in gdelt_text.splitlines()}
    kept = [e for e in events if e["modality"] in ("asserted", "reported")]
    check(len(rows) == len(kept), f"gdelt-mentions: {len(rows)} rows for {len(kept)} events")
    for i, row in enumerate(rows, 1):
        check(len(row) == 16, f"gdelt-mentions row {i}: {len(row)} columns, not 16")
        check(row[0] in event_rows, f"gdelt-mentions row {i}: GLOBALEVENTID {row[0]} not in events")
        for column in (1, 2):
            check(re.fullmatch(r"\d{14}", row[column]),
                  f"gdelt-mentions row {i}: column {column + 1} {row[column]!r} not YYYYMMDDHHMMSS")
        # The event's time is its row's DATEADDED.
        check(row[1] == event_rows[row[0]][59], f"gdelt-mentions row {i}: EventTimeDate")
        check(row[3] in ("1", "2", "3", "4", "5", "6"), f"gdelt-mentions row {i}: MentionType")
        check(row[6].isdigit() and int(row[6]) >= 1, f"gdelt-mentions row {i}: SentenceID")
        for column in (7, 8, 9):
            check(re.fullmatch(r"-1|\d+", row[column]), f"gdelt-mentions row {i}: offset {row[column]!r}")
        check(row[11].isdigit() and 0 <= int(row[11]) <= 100, f"gdelt-mentions row {i}: Confidence")
    # Each event row is mentioned as often as its NumMentions says.
    for gid, event_row in event_rows.items():
        mentioned = sum(1 for row in rows if row[0] == gid)
        check(mentioned == int(event_row[31]),
              f"gdelt-mentions: event {gid} has {mentioned} mentions, NumMentions {event_row[31]}")


PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                "ASSAULT", "OTHER"}


def check_plover(text):
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    check(records, "plover: no records")
    for i, r in enumerate(records, 1):
        for key in ("id", "date", "event", "mode", "context", "actor", "recipient", "event_text",
                    "text", "event_loc", "quad_code", "size", "link", "coded_date"):
            check(key in r, f"plover line {i}: no {key!r}")
        check(r["event"] in PLOVER_TYPES, f"plover line {i}: event {r['event']!r}")
        check(isinstance(r["context"], list), f"plover line {i}: context is not a list")
        check(r["quad_code"] in (1, 2, 3, 4), f"plover line {i}: quad_code {r['quad_code']!r}")
        check(r["event_text"] in r["text"], f"plover line {i}: event_text not in its sentence")
        for key in ("dead", "injured", "arrested"):
            value = r["size"][key]
            check(value is None or (isinstance(value, int) and value > 0),
                  f"plover line {i}: size.{key} {value!r} (null rather than 0)")
        # Null rather than "" or 0 for what is not there.
        for key in ("mode", "link", "date"):
            check(r[key] != "", f"plover line {i}: {key} is \"\" rather than null")
        for role in ("actor", "recipient"):
            if r[role] is not None:
                for field in ("code", "country", "sector"):
                    check(r[role][field] != "", f"plover line {i}: {role}.{field} is \"\"")


def check_acled(text):
    rows = list(csv.reader(io.StringIO(text)))
    check(rows[0] == ACLED_COLUMNS, f"acled: header {rows[0]}")
    check(len(rows) > 1, "acled: no rows")
    for i, row in enumerate(rows[1:], 2):
        record = dict(zip(rows[0], row))
        check(len(row) == len(ACLED_COLUMNS), f"acled row {i}: {len(row)} fields")
        check(record["fatalities"].isdigit(), f"acled row {i}: fatalities {record['fatalities']!r}")
        check(record["geo_precision"] in ("", "1", "2", "3"), f"acled row {i}: geo_precision")
        check(record["time_precision"] in ("", "1", "2", "3"), f"acled row {i}: time_precision")


def check_geojson(text):
    collection = json.loads(text)
    check(collection["type"] == "FeatureCollection", "geojson: not a FeatureCollection")
    check(collection["features"], "geojson: no features")
    for i, f in enumerate(collection["features"], 1):
        lon, lat = f["geometry"]["coordinates"]
        check(f["geometry"]["type"] == "Point", f"geojson feature {i}: not a Point")
        check(-180 <= lon <= 180 and -90 <= lat <= 90, f"geojson feature {i}: {lon}, {lat}")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as scratch:
        db = f"{scratch}/examples.db"
        run = subprocess.run([binary, "code", "-q", "--db", db, f"{source}/examples"],
                             capture_output=True, text=True, check=False)
        check(run.returncode == 0, f"code --db exited {run.returncode}: {run.stderr}")
        events = check_jsonl(export(binary, db, "jsonl"))
        check_csv(export(binary, db, "csv"), events)
        gdelt = export(binary, db, "gdelt")
        check_gdelt(gdelt, events)
        check_gdelt_mentions(export(binary, db, "gdelt-mentions"), gdelt, events)
        check_plover(export(binary, db, "plover"))
        check_acled(export(binary, db, "acled"))
        check_geojson(export(binary, db, "geojson"))
    print(f"loader_test: {len(events)} events loaded in every format")


if __name__ == "__main__":
    try:
        main()
    except Failure as failure:
        print(f"loader_test: {failure}", file=sys.stderr)
        sys.exit(1)
