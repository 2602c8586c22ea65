#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make the .config of an O= build from a starting point plus fragments, then fail, naming
# the symbol, if any fragment line did not end up as written.
#   kconfig.sh TREE OBJDIR allnoconfig|defconfig FRAGMENT...
source "$(dirname "$0")/lib.sh"

tree=$(realpath "$1") obj=$(realpath -m "$2") start=$3
shift 3
frags=("$@")
for f in "${frags[@]}"; do [ -f "$f" ] || die "no config fragment $f"; done
mkdir -p "$obj"
merged=$obj/fragments.config
{ echo "# start: $start"; cat "${frags[@]}"; } > "$merged.new"
if [ -f "$obj/.config" ] && cmp -s "$merged" "$merged.new" && [ "$obj/.config" -nt "$merged" ]; then
	rm "$merged.new"; exit 0     # unchanged since the last build: keep it, keep the build
fi
mv "$merged.new" "$merged"

case "$start" in
allnoconfig) args=(-n) ;;
defconfig) args=("$tree/arch/x86/configs/x86_64_defconfig") ;;
*) die "kconfig.sh: unknown starting point '$start'" ;;
esac
(cd "$tree" && ARCH=x86_64 scripts/kconfig/merge_config.sh -O "$obj" "${args[@]}" "${frags[@]}") \
	>"$obj/merge_config.log" 2>&1 || die "merge_config.sh failed; see $obj/merge_config.log"

# A later fragment may override an earlier one (make bench's turns the test kernel's checks
# off): the last line for a symbol is the one that must hold.
declare -A last
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*) last[${line%%=*}]=$line ;;
	"# CONFIG_"*" is not set") sym=${line#\# } last[${sym%% *}]=$line ;;
	esac
done < "$merged"
bad=0
for sym in "${!last[@]}"; do
	want=${last[$sym]}
	have=$(grep -E "^($sym=|# $sym is not set)" "$obj/.config" || true)
	if [ "$have" != "$want" ] && ! { [ "$want" = "# $sym is not set" ] && [ -z "$have" ]; }; then
		echo "error: $sym: fragment wants '$want', .config has '${have:-nothing}' (unmet dependency?)" >&2
		bad=1
	fi
done
[ $bad -eq 0 ] || { rm -f "$merged"; die "config fragments not satisfied (see above): ${frags[*]}"; }
