#!/usr/bin/env bash
# Fuzz one target with AFL++ and SharpFuzz: fuzz/run.sh TARGET SECONDS
#   TARGET: request | reply | session | transcript
# Builds the harness, instruments FuseWire.dll (and MemFs.dll for the session target) with the SharpFuzz command-line tool,
# starts afl-fuzz from the target's seeds and regressions, and prints executions, coverage and findings at the end.
# Everything it makes goes under fuzz/out/TARGET/ (not committed); crashes and hangs are in fuzz/out/TARGET/afl/default/.
set -euo pipefail

target="${1:?usage: fuzz/run.sh TARGET SECONDS}"
seconds="${2:?usage: fuzz/run.sh TARGET SECONDS}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out/$target"
tools="$here/.tools"

case "$target" in
  request|reply|session|transcript) ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

if ! command -v afl-fuzz >/dev/null; then
  apt-get install -y afl++ >/dev/null || { apt-get update >/dev/null && apt-get install -y afl++ >/dev/null; }
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

echo "== building the harness"
# The instrumented copy runs only under afl-fuzz; the plain one replays the findings.
rm -rf "$out/plain" "$out/bin"
dotnet build "$here/FuseWire.Fuzz" -c Release -v q --nologo -o "$out/plain" >/dev/null
cp -r "$out/plain" "$out/bin"

echo "== instrumenting"
"$tools/sharpfuzz" "$out/bin/FuseWire.dll"
if [ "$target" = session ]; then
  "$tools/sharpfuzz" "$out/bin/MemFs.dll"
fi

# afl-fuzz wants one flat directory of inputs: the seeds and every kept regression.
rm -rf "$out/in" "$out/afl"
mkdir -p "$out/in"
cp "$here/corpus/$target/seeds/"*.bin "$out/in/"
if [ -d "$here/corpus/regressions/$target" ]; then
  find "$here/corpus/regressions/$target" -type f -exec cp {} "$out/in/" \;
fi

echo "== afl-fuzz $target for $seconds s"
export AFL_SKIP_BIN_CHECK=1            # dotnet itself is not instrumented; SharpFuzz reports coverage from the managed code
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_AFFINITY=1               # the cores are shared
export AFL_NO_UI=1
export AFL_SKIP_CRASHES=1
export DOTNET_TieredPGO=0
afl-fuzz -i "$out/in" -o "$out/afl" -t 10000 -m none -V "$seconds" -- dotnet "$out/bin/FuseWire.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || {
  echo "afl-fuzz failed; the end of its log:" >&2
  tail -30 "$out/afl.log" >&2
  exit 1
}

stats="$out/afl/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(find "$out/afl/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$out/afl/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "== $target: $(get run_time) s, $(get execs_done) executions ($(get execs_per_sec)/s)"
echo "   coverage: $(get bitmap_cvg) of the bitmap, $(get corpus_count) paths in the queue ($(get corpus_found) found, $(get corpus_favored) favoured), $(get edges_found) edges"
echo "   findings: $crashes crashes, $hangs hangs (saved in $out/afl/default/crashes and hangs)"
if [ "$crashes" -gt 0 ]; then
  echo "== replaying the crashes"
  dotnet "$out/plain/FuseWire.Fuzz.dll" replay "$target" "$out/afl/default/crashes/"id:* 2>&1 | grep -v '^   at ' | cut -c1-400 || true
fi
