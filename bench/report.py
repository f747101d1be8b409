"""Summaries, the text table and the self-contained HTML report for bench/run.py.

Everything here works from the JSON document that run.py writes, so a saved
result can be re-rendered later: `python3 bench/run.py --from-json FILE`.
Runs on the host python3 (3.8+), standard library only.
"""

import html
import statistics

OK = "ok"
WRONG = "wrong"          # the program's self-check failed (exit status 3)
FAIL = "fail"            # any other non-zero exit or a signal
TIMEOUT = "timeout"
MISSING = "n/a"          # interpreter not found / not runnable
SKIPPED = "skipped"      # not run again after an earlier failure

PALETTE = ["#d62728", "#ff7f0e", "#1f77b4", "#2ca02c", "#9467bd",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


# ---------------------------------------------------------------- summaries

def _quartiles(xs):
    xs = sorted(xs)
    if len(xs) < 2:
        return xs[0], xs[0]
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], q[2]


def summarize(data):
    """Group samples by (program, interp, threads) and compute statistics.

    Returns {(program, interp, threads): cell} where cell has n, median, min,
    max, q1, q3, spread (half the min-max range relative to the median),
    rss_mb (median of per-run peak RSS), ops_per_s, status (ok, or the
    failure status of the first failed run when no run succeeded).
    """
    groups = {}
    for s in data["samples"]:
        key = (s["program"], s["interp"], s["threads"])
        groups.setdefault(key, []).append(s)
    cells = {}
    for key, samples in groups.items():
        ok = [s for s in samples if s["status"] == OK]
        failed = [s for s in samples if s["status"] not in (OK, SKIPPED)]
        cell = {"n": len(ok), "runs": len(samples), "failures": len(failed)}
        if ok:
            times = [s["time"] for s in ok]
            med = statistics.median(times)
            q1, q3 = _quartiles(times)
            cell.update(status=OK, median=med, min=min(times), max=max(times), q1=q1, q3=q3,
                        spread=(max(times) - min(times)) / 2 / med if med > 0 else 0.0,
                        rss_mb=statistics.median([s["rss_kb"] for s in ok]) / 1024.0,
                        wall=statistics.median([s["wall"] for s in ok]))
            ops = [s["ops"] / s["time"] for s in ok if s.get("ops") and s["time"] > 0]
            if ops:
                cell["ops_per_s"] = statistics.median(ops)
            if failed:
                cell["flaky"] = failed[0]["status"]
        else:
            first = failed[0] if failed else samples[0]
            cell["status"] = first["status"]
        cells[key] = cell
    return cells


def efficiency(cells, program, interp, n):
    """Weak-scaling efficiency t(1 thread, W) / t(n threads, n*W), or None."""
    one = cells.get((program, interp, 1))
    many = cells.get((program, interp, n))
    if not one or not many or one["status"] != OK or many["status"] != OK:
        return None
    return one["median"] / many["median"]


def ratio(cells, program, interp, ref, threads=1):
    """ref time / interp time: > 1 means interp is faster than ref."""
    a = cells.get((program, interp, threads))
    b = cells.get((program, ref, threads))
    if not a or not b or a["status"] != OK or b["status"] != OK or a["median"] <= 0:
        return None
    return b["median"] / a["median"]


def _programs(data, kind):
    # Start-up programs are timed by the runner but read like single-thread ones.
    kinds = ("single", "startup") if kind == "single" else (kind,)
    return [p for p in sorted(data["programs"]) if data["programs"][p]["kind"] in kinds]


def _eff_threads(data):
    threads = data["options"]["threads"]
    wanted = [t for t in (2, max(threads)) if t in threads and t > 1]
    return sorted(set(wanted))


# --------------------------------------------------------------- text table

def _fmt_time(cell):
    if not cell:
        return "-"
    if cell["status"] != OK:
        return cell["status"]
    return "%.3f" % cell["median"]


def _fmt_spread(cell):
    if not cell or cell["status"] != OK:
        return ""
    if cell["n"] < 2:
        return "n=1"
    return "+-%.1f%%" % (100 * cell["spread"])


def _fmt(x, form="%.2f"):
    return "-" if x is None else form % x


def _render_rows(header, rows):
    widths = [len(h) for h in header]
    for r in rows:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))
    lines = ["  ".join(h.ljust(widths[i]) if i < 2 else h.rjust(widths[i])
                       for i, h in enumerate(header))]
    lines.append("  ".join("-" * w for w in widths))
    prev = None
    for r in rows:
        r = list(r)
        if r[0] == prev:
            r[0] = ""
        else:
            prev = r[0]
        lines.append("  ".join(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i])
                               for i, c in enumerate(r)))
    return "\n".join(lines)


def table_sections(data, cells=None):
    """The table as a list of (title, header, rows) with formatted strings."""
    if cells is None:
        cells = summarize(data)
    interps = [i["name"] for i in data["interpreters"]]
    ref = data["options"]["ref"]
    sections = []

    rows = []
    for p in _programs(data, "single"):
        for i in interps:
            c = cells.get((p, i, 1))
            rows.append([p, i, _fmt_time(c), _fmt_spread(c), _fmt(ratio(cells, p, i, ref)),
                         _fmt(c["rss_mb"], "%.1f") if c and c["status"] == OK else "-"])
    if rows:
        sections.append(("Single-thread programs (time in s; ratio = %s time / interpreter time, "
                         ">1 means faster than %s)" % (ref, ref),
                         ["program", "interp", "median s", "spread", "ratio", "RSS MB"], rows))

    threads = data["options"]["threads"]
    effs = _eff_threads(data)
    rows = []
    for p in _programs(data, "threaded"):
        for i in interps:
            row = [p, i]
            for t in threads:
                row.append(_fmt_time(cells.get((p, i, t))))
            c1 = cells.get((p, i, 1))
            row.append(_fmt_spread(c1))
            for t in effs:
                row.append(_fmt(efficiency(cells, p, i, t)))
            row.append(_fmt(ratio(cells, p, i, ref, 1)))
            tmax = cells.get((p, i, max(threads)))
            row.append(_fmt(tmax["rss_mb"], "%.1f") if tmax and tmax["status"] == OK else "-")
            rows.append(row)
    if rows:
        header = ["program", "interp"] + ["t=%d s" % t for t in threads] + ["spread@1"]
        header += ["eff@%d" % t for t in effs] + ["ratio@1", "RSS MB@%d" % max(threads)]
        sections.append(("Threaded workloads, weak scaling (W per thread; eff@N = t(1, W) / t(N, N*W), "
                         "1.0 is perfect)", header, rows))

    rows = []
    for p in sorted(data["programs"]):
        if not any(cells.get((p, i, t), {}).get("ops_per_s") for i in interps for t in threads):
            continue
        for i in interps:
            row = [p, i]
            for t in threads:
                c = cells.get((p, i, t))
                row.append(_fmt(c.get("ops_per_s") / 1e6, "%.2f")
                           if c and c.get("ops_per_s") else _fmt_time(c))
            rows.append(row)
    if rows:
        sections.append(("Throughput (million operations per second; serial by design)",
                         ["program", "interp"] + ["t=%d Mops/s" % t for t in threads], rows))

    rows = []
    for p in _programs(data, "memory"):
        ref_cell = cells.get((p, ref, 1))
        for i in interps:
            c = cells.get((p, i, 1))
            if c and c["status"] == OK:
                rel = (c["rss_mb"] / ref_cell["rss_mb"]
                       if ref_cell and ref_cell["status"] == OK else None)
                rows.append([p, i, "%.1f" % c["rss_mb"], _fmt(rel), "%.3f" % c["median"]])
            else:
                rows.append([p, i, _fmt_time(c), "-", "-"])
    if rows:
        sections.append(("Memory (peak RSS of the whole process; RSS/%s < 1 means smaller)" % ref,
                         ["program", "interp", "peak RSS MB", "RSS/" + ref, "time s"], rows))
    return sections


def text_table(data, cells=None):
    out = []
    for title, header, rows in table_sections(data, cells):
        out.append(title)
        out.append(_render_rows(header, rows))
        out.append("")
    return "\n".join(out)


def markdown_table(data, cells=None):
    out = []
    for title, header, rows in table_sections(data, cells):
        out.append("**" + title + "**")
        out.append("")
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join("---" if k < 2 else "---:" for k in range(len(header))) + "|")
        for r in rows:
            out.append("| " + " | ".join(r) + " |")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------- SVG

def _esc(s):
    return html.escape(str(s), quote=True)


def _color(data, interp):
    names = [i["name"] for i in data["interpreters"]]
    return PALETTE[names.index(interp) % len(PALETTE)] if interp in names else "#000"


def speedup_chart(data, cells, program, width=360, height=250):
    """Throughput speedup N * t(1)/t(N) against N, one line per interpreter."""
    threads = data["options"]["threads"]
    tmax = max(threads)
    series = []
    ymax = float(tmax)
    for info in data["interpreters"]:
        i = info["name"]
        pts = []
        for t in threads:
            e = efficiency(cells, program, i, t)
            if e is not None:
                pts.append((t, t * e))
                ymax = max(ymax, t * e)
        if pts:
            series.append((i, pts))
    ymax = ymax * 1.1
    left, right, top, bottom = 44, 12, 26, 34
    pw = width - left - right
    ph = height - top - bottom

    def sx(t):
        return left + (0 if tmax == 1 else (t - 1) / (tmax - 1) * pw)

    def sy(v):
        return top + ph - v / ymax * ph

    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="sans-serif" font-size="11">' % (width, height, width, height)]
    o.append('<text x="%d" y="16" font-size="13" font-weight="bold">%s</text>' % (left, _esc(program)))
    o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (left, top, pw, ph))
    # y grid
    step = 1 if ymax <= 8 else (2 if ymax <= 16 else max(1, int(ymax / 8)))
    v = 0
    while v <= ymax:
        y = sy(v)
        o.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>' % (left, y, left + pw, y))
        o.append('<text x="%d" y="%.1f" text-anchor="end">%g</text>' % (left - 4, y + 4, v))
        v += step
    for t in threads:
        x = sx(t)
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%d</text>' % (x, top + ph + 14, t))
    o.append('<text x="%d" y="%d" text-anchor="middle">threads (W work each)</text>'
             % (left + pw / 2, height - 4))
    o.append('<text x="12" y="%d" transform="rotate(-90 12 %d)" text-anchor="middle">speedup</text>'
             % (top + ph / 2, top + ph / 2))
    # ideal
    o.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#444" stroke-dasharray="5,4"/>'
             % (sx(1), sy(1), sx(tmax), sy(tmax)))
    for i, pts in series:
        col = _color(data, i)
        if len(pts) > 1:
            o.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                     % (col, " ".join("%.1f,%.1f" % (sx(t), sy(v)) for t, v in pts)))
        for t, v in pts:
            o.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %d threads, speedup %.2f'
                     '</title></circle>' % (sx(t), sy(v), col, _esc(i), t, v))
    # legend
    ly = top + 8
    for i, pts in series + [("ideal", None)]:
        col = "#444" if pts is None else _color(data, i)
        dash = ' stroke-dasharray="5,4"' if pts is None else ""
        o.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>'
                 % (left + 6, ly, left + 22, ly, col, dash))
        o.append('<text x="%d" y="%d">%s</text>' % (left + 26, ly + 4, _esc(i)))
        ly += 14
    if not series:
        o.append('<text x="%.1f" y="%.1f" text-anchor="middle" fill="#a00">no successful runs</text>'
                 % (left + pw / 2, top + ph / 2))
    o.append("</svg>")
    return "\n".join(o)


def ratio_chart(data, cells, programs, threads=1, width=900):
    """Horizontal grouped bars of ref time / interp time, log scale, per program."""
    import math
    ref = data["options"]["ref"]
    interps = [i["name"] for i in data["interpreters"] if i["name"] != ref]
    if not interps:
        interps = [ref]
    values = []
    for p in programs:
        for i in interps:
            r = ratio(cells, p, i, ref, threads)
            if r is not None and r > 0:
                values.append(r)
    lo = min(values + [0.5])
    hi = max(values + [2.0])
    lo_e = math.floor(math.log10(lo))
    hi_e = math.ceil(math.log10(hi))
    if hi_e == lo_e:
        hi_e += 1
    bar = 12
    group = bar * len(interps) + 10
    left, right, top = 140, 60, 40
    pw = width - left - right
    height = top + group * len(programs) + 40

    def sx(v):
        return left + (math.log10(v) - lo_e) / (hi_e - lo_e) * pw

    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="sans-serif" font-size="11">' % (width, height, width, height)]
    o.append('<text x="%d" y="16" font-size="13" font-weight="bold">%s time / interpreter time '
             '(log scale; right of the line = faster than %s)</text>' % (left, _esc(ref), _esc(ref)))
    for e in range(lo_e, hi_e + 1):
        for m in (1, 2, 5):
            v = m * 10.0 ** e
            if v < 10.0 ** lo_e or v > 10.0 ** hi_e:
                continue
            x = sx(v)
            o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>'
                     % (x, top - 4, x, height - 30, "#ccc" if m == 1 else "#eee"))
            o.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>' % (x, height - 16, v))
    one = sx(1.0)
    o.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000" stroke-width="1.5"/>'
             % (one, top - 6, one, height - 30))
    y = top
    for p in programs:
        o.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                 % (left - 6, y + group / 2, _esc(p)))
        for k, i in enumerate(interps):
            by = y + k * bar
            r = ratio(cells, p, i, ref, threads)
            col = _color(data, i)
            if r is None or r <= 0:
                c = cells.get((p, i, threads))
                label = c["status"] if c else "-"
                o.append('<text x="%.1f" y="%.1f" fill="#a00">%s: %s</text>'
                         % (one + 4, by + bar - 3, _esc(i), _esc(label)))
                continue
            x = sx(r)
            x0, x1 = (one, x) if x >= one else (x, one)
            o.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%d" fill="%s"><title>%s %s: %.3f'
                     '</title></rect>' % (x0, by, max(x1 - x0, 1), bar - 2, col, _esc(p), _esc(i), r))
            tx = x1 + 3 if x >= one else x0 - 3
            anchor = "start" if x >= one else "end"
            o.append('<text x="%.1f" y="%.1f" text-anchor="%s" font-size="9">%.2f</text>'
                     % (tx, by + bar - 3, anchor, r))
        y += group
    # legend
    lx = left
    for i in interps:
        o.append('<rect x="%d" y="22" width="10" height="10" fill="%s"/>' % (lx, _color(data, i)))
        o.append('<text x="%d" y="31">%s</text>' % (lx + 14, _esc(i)))
        lx += 20 + 7 * len(i)
    o.append("</svg>")
    return "\n".join(o)


# -------------------------------------------------------------------- HTML

CSS = """
body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1200px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0 20px 0; }
th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: right; }
th { background: #f4f4f4; } td.l, th.l { text-align: left; }
td.bad { color: #a00; } .charts { display: flex; flex-wrap: wrap; gap: 10px; }
.note { color: #555; font-size: 13px; } code { background: #f4f4f4; padding: 0 3px; }
"""


def _html_table(header, rows):
    o = ["<table><tr>"]
    for k, h in enumerate(header):
        o.append('<th class="%s">%s</th>' % ("l" if k < 2 else "", _esc(h)))
    o.append("</tr>")
    for r in rows:
        o.append("<tr>")
        for k, c in enumerate(r):
            cls = "l" if k < 2 else ""
            if c in (FAIL, WRONG, TIMEOUT, MISSING, SKIPPED):
                cls += " bad"
            o.append('<td class="%s">%s</td>' % (cls, _esc(c)))
        o.append("</tr>")
    o.append("</table>")
    return "".join(o)


def html_report(data, cells=None):
    if cells is None:
        cells = summarize(data)
    m = data["machine"]
    opts = data["options"]
    o = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<title>ftpy benchmarks %s</title>" % _esc(data.get("started", "")),
         "<style>%s</style></head><body>" % CSS]
    o.append("<h1>ftpy benchmarks</h1>")
    o.append('<p class="note">Run %s, %d repetition(s), threads %s%s. Ratios are %s time / '
             'interpreter time: above 1 is faster than %s. Weak scaling: every thread does the '
             'same work W, so ideal speedup at N threads is N (efficiency 1.0). Times are medians '
             'of the in-process measured region (<code>bench-time</code>).</p>'
             % (_esc(data.get("started", "")), opts["reps"], _esc(opts["threads"]),
                " (quick)" if opts.get("quick") else "", _esc(opts["ref"]), _esc(opts["ref"])))
    threaded = _programs(data, "threaded")
    if threaded:
        for group, title in (("seed", "Seed threaded workloads"),
                             ("contention", "Contention patterns")):
            progs = [p for p in threaded if data["programs"][p].get("group") == group]
            if not progs:
                continue
            o.append("<h2>%s: speedup against threads</h2>" % title)
            o.append('<div class="charts">')
            for p in progs:
                o.append(speedup_chart(data, cells, p))
            o.append("</div>")
    single = _programs(data, "single")
    if single:
        o.append("<h2>Single-thread ratio per benchmark</h2>")
        o.append(ratio_chart(data, cells, single))
    if threaded:
        o.append("<h2>Threaded workloads at 1 thread: ratio</h2>")
        o.append(ratio_chart(data, cells, threaded))
    o.append("<h2>Tables</h2>")
    for title, header, rows in table_sections(data, cells):
        o.append("<h3>%s</h3>" % _esc(title))
        o.append(_html_table(header, rows))
    failures = [s for s in data["samples"] if s["status"] not in (OK, SKIPPED)]
    if failures:
        o.append("<h2>Failures</h2><table><tr><th class='l'>program</th><th class='l'>interp</th>"
                 "<th>threads</th><th class='l'>status</th><th class='l'>stderr (tail)</th></tr>")
        seen = set()
        for s in failures:
            key = (s["program"], s["interp"], s["threads"], s["status"])
            if key in seen:
                continue
            seen.add(key)
            tail = (s.get("stderr_tail") or "").strip().splitlines()[-3:]
            o.append("<tr><td class='l'>%s</td><td class='l'>%s</td><td>%d</td><td class='l bad'>%s"
                     "</td><td class='l'><code>%s</code></td></tr>"
                     % (_esc(s["program"]), _esc(s["interp"]), s["threads"], _esc(s["status"]),
                        "<br>".join(_esc(x[:200]) for x in tail)))
        o.append("</table>")
    o.append("<h2>Machine and interpreters</h2><table>")
    for k in sorted(m):
        o.append("<tr><td class='l'>%s</td><td class='l'>%s</td></tr>" % (_esc(k), _esc(m[k])))
    o.append("</table><table><tr><th class='l'>name</th><th class='l'>command</th>"
             "<th class='l'>version</th></tr>")
    for i in data["interpreters"]:
        o.append("<tr><td class='l'>%s</td><td class='l'><code>%s</code></td><td class='l'>%s</td></tr>"
                 % (_esc(i["name"]), _esc(" ".join(i["argv"])),
                    _esc(i.get("version") or ("not available" if not i.get("available") else "?"))))
    o.append("</table>")
    o.append("<h2>Programs</h2><table><tr><th class='l'>program</th><th class='l'>kind</th>"
             "<th class='l'>what it exercises</th><th>size</th></tr>")
    for p in sorted(data["programs"]):
        meta = data["programs"][p]
        kind = meta["kind"] + ("/" + meta["group"] if meta.get("group") else "")
        o.append("<tr><td class='l'>%s</td><td class='l'>%s</td><td class='l'>%s</td><td>%s</td></tr>"
                 % (_esc(p), _esc(kind), _esc(meta.get("about", "")), _esc(meta.get("size"))))
    o.append("</table></body></html>")
    return "\n".join(o)


# ----------------------------------------------------------- command line

README_BEGIN = "<!-- bench-table: begin (generated by bench/report.py --readme; do not edit) -->"
README_END = "<!-- bench-table: end -->"


def merge(docs):
    """One document from several runs (e.g. `--only contention` and `--only
    seed`): samples and programs are concatenated; options and machine come
    from the first run, with the union of thread counts and the most reps."""
    if len(docs) == 1:
        return docs[0]
    out = dict(docs[0])
    out["options"] = dict(docs[0]["options"])
    out["samples"] = [s for d in docs for s in d["samples"]]
    out["programs"] = {}
    threads = set()
    names = []
    interps = []
    for d in docs:
        out["programs"].update(d["programs"])
        threads.update(d["options"]["threads"])
        for i in d["interpreters"]:
            if i["name"] not in names:
                names.append(i["name"])
                interps.append(i)
    out["interpreters"] = interps
    out["options"]["threads"] = sorted(threads)
    out["options"]["reps"] = max(d["options"]["reps"] for d in docs)
    out["started"] = " / ".join(sorted(set(d.get("started", "") for d in docs)))
    out["runs"] = [{"started": d.get("started"), "argv": d["options"].get("argv"),
                    "load": d["machine"].get("loadavg_start")} for d in docs]
    return out


def readme_block(data, html_link, cells=None, note=None):
    """The README's results section: where the figures come from, then the table."""
    m = data["machine"]
    opts = data["options"]
    loads = [r.get("load") for r in data.get("runs", [])] or [m.get("loadavg_start")]
    # The one-minute load average at the start of each run says whether the
    # machine was busy with something else.
    first = [float(str(x).split()[0]) for x in loads if x]
    nproc = m.get("nproc") or 1
    busy = any(x > 0.5 * float(nproc) for x in first)
    noise = ("**The machine was shared with other jobs, so figures are noisy**"
             if busy else "The machine was otherwise idle, but a small VM is still noisy")
    lines = [
        "Measured %s on %s (nproc %s, load average at start %s), git %s; %d repetitions, "
        "threads %s, size factor %s. %s: every figure is a median, and differences "
        "smaller than the spread column are noise. Full report with charts: [%s](%s). "
        "Regenerate with `python3 bench/report.py --readme README.md JSON...` "
        "(see [docs/benchmarks.md](docs/benchmarks.md))."
        % (data.get("started", "?"), m.get("cpu", "?"), m.get("nproc", "?"),
           ", ".join(str(x) for x in loads if x), m.get("git", "?"), opts["reps"],
           ",".join(str(t) for t in opts["threads"]), opts.get("size_factor", 1),
           noise, html_link, html_link) + (" " + note if note else ""),
        "",
        markdown_table(data, cells),
    ]
    return "\n".join(lines)


def main(argv=None):
    import argparse
    import json
    import os
    import sys

    ap = argparse.ArgumentParser(
        description="Render bench/run.py results: text or Markdown table, HTML report, README section.")
    ap.add_argument("json", nargs="*", help="result files (default: bench/results/latest.json); "
                    "several are merged, e.g. a contention run and a seed run")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--html", metavar="FILE", help="write the self-contained HTML report here")
    ap.add_argument("--save-json", metavar="FILE", help="write the merged results here")
    ap.add_argument("--readme", metavar="FILE",
                    help="replace the generated block of this README (between its bench-table markers)")
    ap.add_argument("--html-link", default="docs/bench/report.html",
                    help="link to the HTML report written into the README block")
    ap.add_argument("--note", help="a sentence added to the README block (e.g. how the binary was built)")
    args = ap.parse_args(argv)

    here = os.path.dirname(os.path.abspath(__file__))
    paths = args.json or [os.path.join(here, "results", "latest.json")]
    docs = []
    for p in paths:
        with open(p) as f:
            docs.append(json.load(f))
    data = merge(docs)
    cells = summarize(data)
    if args.save_json:
        with open(args.save_json, "w") as f:
            json.dump(data, f, indent=1)
    if args.html:
        with open(args.html, "w") as f:
            f.write(html_report(data, cells))
    if args.readme:
        with open(args.readme) as f:
            text = f.read()
        if README_BEGIN not in text or README_END not in text:
            print("%s has no bench-table markers:\n%s\n%s" % (args.readme, README_BEGIN, README_END),
                  file=sys.stderr)
            return 2
        head, rest = text.split(README_BEGIN, 1)
        _, tail = rest.split(README_END, 1)
        with open(args.readme, "w") as f:
            f.write(head + README_BEGIN + "\n" + readme_block(data, args.html_link, cells, args.note) + "\n"
                    + README_END + tail)
    if not (args.readme or args.html or args.save_json) or args.markdown:
        print(markdown_table(data, cells) if args.markdown else text_table(data, cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
