#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Say where a hung test guest is, through its QEMU monitor (HMP on a unix socket).

Prints each vCPU's instruction pointer, named from System.map, then injects an NMI:
the guest boots with unknown_nmi_panic, so it panics, flushes every console message it
still held back (nbcon consoles print from a thread that a hang may starve) and dumps
its blocked tasks and held locks on the console.

    hang-report.py MONITOR_SOCKET SYSTEM_MAP
"""
import bisect
import re
import socket
import sys
import time


def hmp(sock, command):
    """Send one HMP command (None: none, only read) and return what came before the next prompt."""
    if command is not None:
        sock.sendall(command.encode() + b"\n")
    data = b""
    deadline = time.monotonic() + 10
    while not data.endswith(b"(qemu) ") and time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace")


def load_map(path):
    addrs, names = [], []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[1] in "tTwW":
                    addrs.append(int(parts[0], 16))
                    names.append(parts[2])
    except OSError as e:
        print(f"hang-report: cannot read {path}: {e}", file=sys.stderr)
    return addrs, names


def name_of(addr, addrs, names):
    i = bisect.bisect_right(addrs, addr) - 1
    if i < 0 or addr - addrs[i] > 0x100000:
        return "?"
    return f"{names[i]}+{addr - addrs[i]:#x}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(1)
    try:
        sock.connect(sys.argv[1])
    except OSError as e:
        sys.exit(f"hang-report: no QEMU monitor at {sys.argv[1]}: {e}")
    hmp(sock, None)  # the banner and the first prompt
    addrs, names = load_map(sys.argv[2])
    regs = hmp(sock, "info registers -a")
    cpus = re.findall(r"CPU#(\d+).*?RIP=([0-9a-f]+)", regs, re.S)
    if not cpus:
        print("hang-report: the monitor gave no registers (QEMU itself may be stuck)")
    for cpu, rip in cpus:
        rip = int(rip, 16)
        print(f"vCPU {cpu}: RIP {rip:#018x} {name_of(rip, addrs, names)}")
    hmp(sock, "nmi")
    print("hang-report: NMI injected; the guest's panic report follows on its console")


if __name__ == "__main__":
    main()
