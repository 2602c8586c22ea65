#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench's report: read the BENCH lines that mmu_notifier_bench printed in each
kernel's guest (OUTDIR/<mode>/results.log), and write

  - the table, on standard output: row | what | mainline | series | series/mainline;
  - OUTDIR/results.tsv, the same with the reasons of rows that were not measured;
  - OUTDIR/scaling.png, the rows that scale (P2 against the number of intervals, P3
    against the number of VMAs), one curve per row and kernel.

A results.tsv left by an earlier run is kept as results.prev.tsv, and every row that
changed by more than 0.5% since then is listed (an .overhead row, a difference of two
rows, by more than 0.5% of the row it is taken from): two runs of the same kernels should
agree within that.

    bench.py OUTDIR
"""
import csv
import os
import re
import sys

MODES = ("mainline", "series")


def die(msg):
    sys.exit(f"bench.py: {msg}")


def parse(path):
    """{row: (value or None, unit or reason, what)} in the order printed."""
    rows, done = {}, False
    try:
        with open(path, errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("BENCH-DONE"):
                    done = True
                if not line.startswith("BENCH\t"):
                    continue
                _, row, value, unit, what = line.split("\t", 4)
                rows[row] = (None if value == "-" else int(value), unit, what)
    except FileNotFoundError:
        die(f"no {path}: the guest did not run")
    if not done:
        die(f"mmu_notifier_bench did not finish (no BENCH-DONE) in {path}")
    return rows


def cell(entry):
    if entry is None:
        return "not measured: no such row"
    value, unit, _ = entry
    return f"not measured: {unit}" if value is None else f"{value}"


def ratio(a, b):
    """series/mainline of two rows, or why there is none."""
    if a is None or b is None or a[0] is None or b[0] is None:
        return "-"
    if a[1] != "ns/op" or a[0] <= 0 or b[0] <= 0:
        return "-"      # a count, or an overhead within the noise
    return f"{b[0] / a[0]:.3f}"


def plot(results, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = (("P2", "intervals on the mm"), ("P3", "VMAs in the mm"))
    fig, axes = plt.subplots(1, 2, figsize=(13, 5))
    for ax, (prefix, xlabel) in zip(axes, panels):
        series = {}
        for mode in MODES:
            for row, (value, unit, _) in results[mode].items():
                m = re.fullmatch(rf"{prefix}\.(\w+)\.(\d+)", row)
                if m and value is not None and unit == "ns/op":
                    series.setdefault((m.group(1), mode), []).append((int(m.group(2)), value))
        ops = sorted({op for op, _ in series})
        for (op, mode), points in sorted(series.items()):
            points.sort()
            # One colour per row; mainline dashed, the series solid.
            ax.plot([p[0] for p in points], [p[1] for p in points],
                    color=f"C{ops.index(op)}", marker="o",
                    linestyle="-" if mode == "series" else "--",
                    label=f"{prefix}.{op} ({mode})")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(xlabel)
        ax.set_ylabel("guest instructions per operation")
        ax.set_title(f"{prefix}: cost against the number of {xlabel.split()[0]}")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "scaling.png"), dpi=100)


def main():
    if len(sys.argv) != 2:
        die("usage: bench.py OUTDIR")
    out = sys.argv[1]
    results = {m: parse(os.path.join(out, m, "results.log")) for m in MODES}
    order = list(results["series"]) + [r for r in results["mainline"] if r not in results["series"]]

    tsv = os.path.join(out, "results.tsv")
    prev = {}
    if os.path.exists(tsv):
        os.replace(tsv, os.path.join(out, "results.prev.tsv"))
        with open(os.path.join(out, "results.prev.tsv")) as f:
            for r in csv.DictReader(f, delimiter="\t"):
                prev[r["row"]] = r

    lines = []
    with open(tsv, "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["row", "what", "unit", "mainline", "series", "series/mainline",
                    "mainline_why", "series_why"])
        for row in order:
            a, b = results["mainline"].get(row), results["series"].get(row)
            what = (a or b)[2]
            unit = next((e[1] for e in (a, b) if e and e[0] is not None), "-")
            why = [("" if e and e[0] is not None else cell(e)) for e in (a, b)]
            vals = ["" if not e or e[0] is None else str(e[0]) for e in (a, b)]
            w.writerow([row, what, unit, vals[0], vals[1], ratio(a, b), why[0], why[1]])
            lines.append((row, what, cell(a), cell(b), ratio(a, b), unit))

    widths = [max(len(x[i]) for x in lines + [("row", "what", "mainline", "series", "series/mainline")])
              for i in range(5)]
    widths[1] = min(widths[1], 70)
    fmt = "{:<%d} | {:<%d} | {:>%d} | {:>%d} | {:>%d}" % tuple(widths)
    print("instructions per operation (guest ns under -icount shift=0), least of the rounds;")
    print("P3.signal_storm counts failures; an .overhead row is with the subscriber minus without")
    print(fmt.format("row", "what", "mainline", "series", "series/mainline"))
    for row, what, a, b, r, _ in lines:
        print(fmt.format(row, what[:70], a, b, r))

    if prev:
        changed = []
        for row, _, a, b, _, _ in lines:
            p = prev.get(row)
            if not p:
                changed.append(f"{row}: new since the previous run")
                continue
            for mode, now in (("mainline", a), ("series", b)):
                was = p[mode]
                now_v = None if now.startswith("not measured") else int(now)
                if (was == "") != (now_v is None):
                    changed.append(f"{row} ({mode}): {was or 'not measured'} -> {now}")
                    continue
                if now_v is None:
                    continue
                # An overhead is judged against the row it was taken from.
                base = prev.get(row[:-len(".overhead")]) if row.endswith(".overhead") else p
                scale = abs(int(base[mode])) if base and base[mode] else abs(int(was))
                if scale and abs(now_v - int(was)) > 0.005 * scale:
                    changed.append(f"{row} ({mode}): {was} -> {now_v} "
                                   f"({(now_v - int(was)) / scale * 100:+.2f}% of {scale})")
        print(f"since the previous run ({os.path.join(out, 'results.prev.tsv')}): "
              f"{len(changed)} row(s) changed by more than 0.5%")
        for c in changed:
            print("  " + c)

    plot(results, out)
    print(f"table: {tsv}; plot: {os.path.join(out, 'scaling.png')}")


if __name__ == "__main__":
    main()
