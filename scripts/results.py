#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn what a guest run left behind into summary rows.

  results.py console CONSOLE.log  one row: kernel splats (lockdep, KASAN, BUG, WARNING...)
  results.py kunit KUNIT.json     one row: KUnit cases passed/failed/skipped
  results.py guest RESULTS.log    one row per guest test: its TAP cases
  results.py repeat SUMMARY.tsv...  make check REPEAT=N: per test, how many of the runs
                                    (one summary each) failed; ends "N passed, N failed"

A row is "stage<TAB>passed<TAB>failed<TAB>skipped<TAB>seconds<TAB>note"; failing case names
go to stderr.  A guest test whose exit status disagrees with its TAP (it crashed, or was
killed by the timeout) counts one failure more; one that printed no TAP counts as one case,
judged by its exit status (kselftest's 4 is a skip).
"""
import json
import re
import sys

KSFT_SKIP = 4

SPLAT = re.compile(r"BUG:|WARNING:|possible circular locking|possible recursive locking|"
                   r"inconsistent lock state|KASAN:|Oops|general protection fault|UBSAN:")


def console(path):
    """Lockdep, KASAN, BUG and unexpected WARNINGs fail wherever they happen."""
    try:
        with open(path, errors="replace") as f:
            splats = [line.rstrip() for line in f if SPLAT.search(line)]
    except OSError as e:
        print(f"console\t0\t1\t0\t0\tno console log ({e})")
        return
    if splats:
        print(f"kernel splats in {path}:", file=sys.stderr)
        for line in splats[:20]:
            print(f"  {line}", file=sys.stderr)
        print(f"console\t0\t1\t0\t0\t{len(splats)} splat line(s)")
    else:
        print("console\t1\t0\t0\t0\tno lockdep/KASAN/BUG/WARNING splat")


def kunit(path):
    try:
        with open(path) as f:
            top = json.load(f)
    except (OSError, ValueError) as e:
        print(f"kunit\t0\t1\t0\t0\tno parsable KUnit output ({e})")
        return
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0, "ERROR": 0}

    def walk(group, prefix):
        for case in group.get("test_cases", []):
            counts[case["status"]] = counts.get(case["status"], 0) + 1
            if case["status"] not in ("PASS", "SKIP"):
                print(f"  KUnit {case['status']}: {prefix}{case['name']}", file=sys.stderr)
        for sub in group.get("sub_groups", []):
            walk(sub, f"{prefix}{sub['name']}.")

    walk(top, "")
    failed = counts["FAIL"] + counts["ERROR"]
    total = counts["PASS"] + failed + counts["SKIP"]
    note = f"{total} cases" if total else "no KUnit case ran"
    print(f"kunit\t{counts['PASS']}\t{failed if total else 1}\t{counts['SKIP']}\t0\t{note}")


TAP = re.compile(r"^\s*(not ok|ok)\s+\d+\s*(?:-\s*)?([^#]*?)\s*(#\s*(SKIP|XFAIL)?.*)?$")


def guest(path):
    try:
        with open(path, errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        print(f"guest\t0\t1\t0\t0\tno results ({e})")
        return
    name = None
    for line in lines:
        if line.startswith("### BEGIN "):
            name, ok, bad, skip = line[10:].strip(), 0, 0, 0
            continue
        m = re.match(r"^### END (\S+) rc=(\d+) time=(\d+)s", line)
        if m and name:
            rc, secs = int(m.group(2)), m.group(3)
            note = f"exit {rc}"
            if ok + bad + skip == 0:
                if rc == 0:
                    ok = 1
                elif rc == KSFT_SKIP:
                    skip = 1
                else:
                    bad = 1
            elif rc not in (0, KSFT_SKIP) and bad == 0:
                bad = 1
                note += " (no failing case, but the test failed)"
            if rc in (124, 137, 143):
                note += ": timed out (or killed)"
            if bad:
                print(f"  selftest {name}: exit {rc}", file=sys.stderr)
            print(f"{name}\t{ok}\t{bad}\t{skip}\t{secs}\t{note}")
            name = None
            continue
        m = TAP.match(line)
        if name and m and not line.lstrip().startswith("#"):
            # Only top-level results (no indentation) count: nested TAP is a subtest's.
            if line != line.lstrip():
                continue
            if m.group(4) == "SKIP":
                skip += 1
            elif m.group(1) == "ok" or m.group(4) == "XFAIL":
                ok += 1
            else:
                bad += 1
                print(f"  selftest {name}: not ok {m.group(2)}", file=sys.stderr)
    if name:
        print(f"{name}\t{ok}\t{bad + 1}\t{skip}\t0\tno END marker: the guest stopped in it")


def repeat(paths):
    """One summary.tsv per run.  A test fails a run when any of its cases failed there,
    or when it did not run at all (an earlier test hung the guest); it passes a run when
    it passed at least one case and failed none."""
    runs = []
    for path in paths:
        rows = {}
        with open(path) as f:
            for line in f:
                name, ok, bad, skip, secs = line.rstrip("\n").split("\t")[:5]
                # check-full runs some binaries twice: the second is name#2.
                key, k = name, 1
                while key in rows:
                    k += 1
                    key = f"{name}#{k}"
                rows[key] = (int(ok), int(bad), int(skip), int(secs or 0))
        runs.append(rows)
    names = []
    for rows in runs:
        names += [n for n in rows if n not in names]
    passed = failed = skipped = 0
    print(f"{'TEST':<40} {'RUNS':>4} {'FAILED':>6} {'SKIPPED':>7} {'CASES PASSED':>12} {'MAX S':>5}"
          "  FAILED IN RUN")
    for name in names:
        bad_runs, skip_runs = [], 0
        oks = [r[name][0] for r in runs if name in r]
        secs = max(r[name][3] for r in runs if name in r)
        cases = f"{min(oks)}" if min(oks) == max(oks) else f"{min(oks)}-{max(oks)}"
        for i, rows in enumerate(runs, 1):
            ok, bad, skip, _ = rows.get(name, (0, 1, 0, 0))
            if bad:
                bad_runs.append(str(i) + ("" if name in rows else " (did not run)"))
            elif ok == 0:
                skip_runs += 1
        n = len(runs)
        failed += len(bad_runs)
        skipped += skip_runs
        passed += n - len(bad_runs) - skip_runs
        print(f"{name:<40} {n:>4} {len(bad_runs):>6} {skip_runs:>7} {cases:>12} {secs:>5}"
              f"  {', '.join(bad_runs) or '-'}")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return failed == 0


if __name__ == "__main__":
    cmds = {"console": console, "kunit": kunit, "guest": guest}
    if len(sys.argv) >= 3 and sys.argv[1] == "repeat":
        sys.exit(0 if repeat(sys.argv[2:]) else 1)
    if len(sys.argv) != 3 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    cmds[sys.argv[1]](sys.argv[2])
