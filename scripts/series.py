#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Rewrite patches/series for a freshly exported list of patch files.

  series.py SERIES NEW-NAME...

Comment lines and "# part:" lines stay where they are.  A patch keeps its place when its
name, less the NNNN- number, is unchanged; a new patch goes right after the patch before
it in commit order (or, first of all, into the first part).  Old names that are gone are
dropped.
"""
import re
import sys


def key(name):
    return re.sub(r"^\d{4}-", "", name)


def main(path, new):
    with open(path) as f:
        lines = f.read().splitlines()
    by_key = {key(n): n for n in new}
    out = []
    placed = set()
    for line in lines:
        word = line.split()[0] if line.strip() and not line.startswith("#") else None
        if word is None:
            out.append(line)
        elif key(word) in by_key:
            out.append(by_key[key(word)])
            placed.add(by_key[key(word)])
    prev = None
    for n in new:
        if n not in placed:
            if prev is None:
                # First patch of all: after the first "# part:" line (or at the top).
                at = next((i + 1 for i, l in enumerate(out) if l.startswith("# part:")), 0)
            else:
                at = out.index(prev) + 1
            out.insert(at, n)
        prev = n
    # Patches must stay in commit order.
    listed = [l for l in out if l and not l.startswith("#")]
    if listed != new:
        sys.exit("series.py: patches/series would not be in commit order; edit it by hand")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
