#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn what a guest run left behind into summary rows.

  results.py kunit KUNIT.json   one row: KUnit cases passed/failed/skipped
  results.py guest RESULTS.log  one row per guest test: its TAP cases

A row is "stage<TAB>passed<TAB>failed<TAB>skipped<TAB>seconds<TAB>note"; failing case names
go to stderr.  A guest test whose exit status disagrees with its TAP (it crashed, or was
killed by the timeout) counts one failure more; one that printed no TAP counts as one case,
judged by its exit status (kselftest's 4 is a skip).
"""
import json
import re
import sys

KSFT_SKIP = 4


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


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("kunit", "guest"):
        sys.exit(__doc__)
    {"kunit": kunit, "guest": guest}[sys.argv[1]](sys.argv[2])
