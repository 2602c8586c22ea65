#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Download $BASE_PKG from $BASE_SUITE with a private apt state, leaving the system's apt
# configuration untouched, and unpack its kernel tarball.  Prints the tarball's path.
source "$(dirname "$0")/lib.sh"

APT=$BUILD/apt
DL=$BUILD/dl
mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$DL"

# The archive is whatever Debian mirror this machine already uses; no host is named here.
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
	 grep -v '^[[:space:]]*#' |
	 grep -oE '(https?|file)://[^ ]*/debian/?( |$)' | grep -v security | head -n 1 | tr -d ' ') ||
	true
[ -n "$mirror" ] || die "no Debian archive found in /etc/apt/sources.list{,.d} to fetch $BASE_PKG from"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [signed-by=$keyring] $mirror $BASE_SUITE main" > "$APT/sources.list"

aptopts=(-o Dir::Etc::sourcelist="$APT/sources.list" -o Dir::Etc::sourceparts=/dev/null
	 -o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT/cache"
	 -o Dir::State::status=/dev/null -o APT::Sandbox::User=root -qq)

deb=$(ls "$DL/${BASE_PKG}"_*.deb 2>/dev/null | tail -n 1 || true)
if [ -z "$deb" ]; then
	log "fetching $BASE_PKG from $BASE_SUITE ($mirror)" >&2
	apt-get "${aptopts[@]}" update >&2 ||
		die "apt-get update of suite $BASE_SUITE at $mirror failed; cannot fetch $BASE_PKG"
	ver=$(apt-cache "${aptopts[@]}" policy "$BASE_PKG" | awk '/Candidate:/ { print $2 }')
	if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
		die "package $BASE_PKG is not in suite $BASE_SUITE at $mirror (any 7.3.x is accepted; set BASE_PKG/BASE_SUITE to use another)"
	fi
	(cd "$DL" && apt-get "${aptopts[@]}" download "$BASE_PKG=$ver" >&2) ||
		die "apt-get download of $BASE_PKG=$ver from $BASE_SUITE failed"
	deb=$(ls "$DL/${BASE_PKG}"_*.deb | tail -n 1)
fi

ver=$(dpkg-deb -f "$deb" Version)
tarball=$DL/$BASE_PKG-$ver.tar.xz
if [ ! -s "$tarball" ]; then
	dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$BASE_PKG.tar.xz" > "$tarball.tmp" ||
		die "$deb has no usr/src/$BASE_PKG.tar.xz"
	mv "$tarball.tmp" "$tarball"
fi
echo "$ver" > "$BUILD/base-version"
echo "$tarball"
