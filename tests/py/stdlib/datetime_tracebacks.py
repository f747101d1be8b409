# Uncaught datetime errors show only the caller's frames, as with CPython's
# C _datetime: bad fields, naive/aware mixing, overflow, bad ISO strings.
import subprocess, sys

cases = [
    "import datetime\ndatetime.date(2023, 2, 30)",
    "import datetime\ndatetime.datetime(2023, 1, 1, 25)",
    "import datetime\ndatetime.time(1, 61)",
    "import datetime\ndatetime.date(2020, 1, 1) + 1",
    "import datetime as d\nd.datetime(2020, 1, 1) - d.datetime(2020, 1, 1, tzinfo=d.timezone.utc)",
    "import datetime as d\nd.datetime(2020, 1, 1) < d.datetime(2020, 1, 1, tzinfo=d.timezone.utc)",
    "import datetime as d\nd.timedelta(days=10**9)",
    "import datetime as d\nd.date.max + d.timedelta(1)",
    "import datetime as d\nd.date.fromisoformat('x')",
    "import datetime as d\nd.datetime.fromisoformat('2020-01-01Tzz')",
    "import datetime as d\nd.date('2020', 1, 1)",
    "import datetime as d\nd.timezone(d.timedelta(hours=30))",
    "import datetime as d\nd.datetime(2020, 1, 1).replace(month=13)",
    "import datetime as d\nd.datetime(2020, 1, 1) < d.date(2020, 1, 1)",
]
for code in cases:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    print(r.returncode, "|".join(l for l in r.stderr.splitlines() if set(l.strip()) - set("^~ ")))
