#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install, with apt-get, every Debian package the harness needs and the machine lacks.
source "$(dirname "$0")/lib.sh"

PKGS=(build-essential git flex bison bc libelf-dev libssl-dev cpio xz-utils zstd
      rsync ccache python3 python3-ply perl qemu-system-x86 busybox-static libnuma-dev libcap-dev
      python3-git uuid-dev)
[ $# -gt 0 ] && PKGS+=("$@")

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

log "installing: ${missing[*]}"
[ "$(id -u)" -eq 0 ] || die "packages missing (${missing[*]}) and not root: install them with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || die "apt-get update failed"
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
	die "apt-get install failed for: ${missing[*]}"
