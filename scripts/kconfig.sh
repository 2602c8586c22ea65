#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make the .config of an O= build: allnoconfig + configs/*.config (+ configs/variants/$VARIANT
# .config), then fail, naming the symbol, if any fragment line did not end up as written.
#   kconfig.sh TREE OBJDIR [VARIANT]
source "$(dirname "$0")/lib.sh"

tree=$(realpath "$1") obj=$(realpath -m "$2") variant=${3:-}
frags=("$TOP"/configs/*.config)
if [ -n "$variant" ]; then
	v=$TOP/configs/variants/$variant.config
	[ -f "$v" ] || die "no config variant '$variant' (have: $(ls "$TOP/configs/variants" | sed 's/\.config//' | xargs))"
	frags+=("$v")
fi
mkdir -p "$obj"
merged=$obj/fragments.config
cat "${frags[@]}" > "$merged.new"
if [ -f "$obj/.config" ] && cmp -s "$merged" "$merged.new" && [ "$obj/.config" -nt "$merged" ]; then
	rm "$merged.new"; exit 0     # unchanged since the last build: keep it, keep the build
fi
mv "$merged.new" "$merged"

(cd "$tree" && ARCH=x86_64 scripts/kconfig/merge_config.sh -n -O "$obj" "${frags[@]}" >"$obj/merge_config.log" 2>&1) ||
	die "merge_config.sh failed; see $obj/merge_config.log"

bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*) sym=${line%%=*} want=$line ;;
	"# CONFIG_"*" is not set") sym=${line#\# } sym=${sym%% *} want=$line ;;
	*) continue ;;
	esac
	have=$(grep -E "^($sym=|# $sym is not set)" "$obj/.config" || true)
	if [ "$have" != "$want" ] && ! { [ "$want" = "# $sym is not set" ] && [ -z "$have" ]; }; then
		echo "error: $sym: fragment wants '$want', .config has '${have:-nothing}' (unmet dependency?)" >&2
		bad=1
	fi
done < "$merged"
[ $bad -eq 0 ] || die "config fragments not satisfied (see above); fix configs/*.config"
