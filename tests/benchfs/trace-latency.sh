#!/usr/bin/env bash
# The latency `fusewire trace` adds: benchfs's stat storm (driver.c, 1 thread) against the libfuse 3.14 benchfs peer mounted
# directly, then through `fusewire trace --quiet` (the same peer started on /dev/fd/N), alternating, ROUNDS times.
# Usage: tests/benchfs/trace-latency.sh [SECONDS [ROUNDS]]   (as root; needs dotnet, gcc, pkg-config fuse3)
#   TRACE_ARGS="--spin 200"   more options for fusewire trace
# Prints one line per run (ops/s, µs per stat) and the proxied/direct ratio of the medians. A hand measurement, not a test:
# the numbers depend on the machine and its load (docs/trace.md).
set -euo pipefail
SECONDS_PER_RUN=${1:-3}
ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/benchfs"
BIN=$(mktemp -d /tmp/trace-latency.XXXXXX)
trap 'rm -rf "$BIN"' EXIT
gcc -O2 -Wall -o "$BIN/benchfs-libfuse" "$HERE/peers/libfuse/benchfs.c" $(pkg-config --cflags --libs fuse3)
gcc -O2 -Wall -pthread -o "$BIN/benchfs-driver" "$HERE/driver.c"
dotnet build "$ROOT/samples/FuseWire.Cli/FuseWire.Cli.csproj" -c Release -nologo -v q >/dev/null
CLI="$ROOT/samples/FuseWire.Cli/bin/Release/net10.0/FuseWire.Cli.dll"

run() { # direct|proxied -> ops/s
  local how=$1 mnt pid line waited=0
  mnt=$(mktemp -d /tmp/trace-latency-mnt.XXXXXX)
  if [ "$how" = direct ]; then
    "$BIN/benchfs-libfuse" -s "$mnt" 2>/dev/null &
  else
    dotnet "$CLI" trace --quiet ${TRACE_ARGS:-} "$mnt" -- "$BIN/benchfs-libfuse" -s '{}' >"$BIN/trace.out" 2>&1 &
  fi
  pid=$!
  until mountpoint -q "$mnt" && stat "$mnt/small" >/dev/null 2>&1; do
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -ge 300 ]; then echo "not ready after 30 s" >&2; kill "$pid"; exit 1; fi
  done
  "$BIN/benchfs-driver" stat "$mnt" 1 1 >/dev/null # warm-up, unrecorded (the JIT's tiers, caches)
  line=$("$BIN/benchfs-driver" stat "$mnt" "$SECONDS_PER_RUN" 1)
  if [ "$how" = direct ]; then umount "$mnt"; else kill -TERM "$pid"; fi
  wait "$pid" || true
  rmdir "$mnt"
  python3 -c 'import json,sys; print(json.loads(sys.argv[1])["ops_per_s"])' "$line"
}

direct=() proxied=()
for round in $(seq "$ROUNDS"); do
  d=$(run direct); p=$(run proxied)
  direct+=("$d") proxied+=("$p")
  python3 -c 'import sys; d,p=float(sys.argv[1]),float(sys.argv[2]); print(f"round {sys.argv[3]}: direct {d:.0f} stat/s ({1e6/d:.1f} us), through fusewire trace {p:.0f} stat/s ({1e6/p:.1f} us)")' "$d" "$p" "$round"
done
python3 - "${direct[*]}" "${proxied[*]}" <<'PY'
import statistics, sys
d = statistics.median(map(float, sys.argv[1].split()))
p = statistics.median(map(float, sys.argv[2].split()))
print(f"median: direct {1e6/d:.1f} us per stat, proxied {1e6/p:.1f} us per stat: the proxy adds {100*(d/p-1):.0f}% latency")
PY
