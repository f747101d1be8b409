# JSON: json.dumps and json.loads of a list of small records (ints, floats,
# strs with and without escapes, bools, None, nested lists and dicts), as a
# web service or a log processor does them. Checked: the round trip gives
# the records back, and the text has the expected length.
import json
import benchlib

BENCH = {"kind": "single", "scale": 20, "quick": 1,
         "about": "json.dumps/json.loads of 5,000 records (the native _json scanner and encoder)"}


def make_records(n):
    return [{"id": i, "name": "item %d" % i, "price": i * 1.25, "ok": i % 3 == 0,
             "tags": ["a", "b\n", "caf\u00e9"], "parent": None if i % 2 else i - 1,
             "dims": {"w": i % 7, "h": 2.5}} for i in range(n)]


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    records = make_records(5000)
    start = benchlib.clock()
    for _ in range(rounds):
        text = json.dumps(records)
        back = json.loads(text)
        pretty = json.dumps(back, indent=2, sort_keys=True)
    elapsed = benchlib.clock() - start
    benchlib.check(back == records, "round trip")
    benchlib.check(json.loads(pretty) == records, "indented round trip")
    benchlib.check_equal(len(text), 717168, "text length")
    benchlib.report(elapsed, ops=rounds * len(records))


main()
