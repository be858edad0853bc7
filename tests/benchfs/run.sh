#!/usr/bin/env bash
# benchfs side by side: FuseWire's samples/BenchFs against the libfuse 3.14 low-level peer
# (tests/benchfs/peers/libfuse/benchfs.c) and the go-fuse 2.1 raw-API peer (tests/benchfs/peers/gofuse, built
# offline from Debian's packages by its build.sh; left out with a warning when it cannot be built), all implementing
# ../shared/specs/benchfs.md,
# each in mode single (one thread serves /dev/fuse) and mt (two workers), in one run on this machine.
#
# Usage: tests/benchfs/run.sh            (as root; needs dotnet, gcc, pkg-config fuse3, fio, python3)
#   BENCHFS_SECONDS=1   length of each timed workload run
#   BENCHFS_ROUNDS=15   runs per workload and daemon; the table shows the median. Many short rounds rather than a few
#                       long ones: this machine's speed drifts by 2x from minute to minute, and a round runs every daemon
#                       within seconds, so the rounds' own ratios (the "paired" column) cancel the drift best
#   BENCHFS_OUT=DIR     where logs and results.jsonl go (default: a fresh /tmp/benchfs-run.XXXXXX)
#   BENCHFS_SPIN_US=200 FuseWire's --spin (FuseSessionOptions.SpinBeforeBlocking): an idle worker polls /dev/fuse this
#                       long after the last request before it sleeps. The column "fwsleep" is the same BenchFs without it
#                       (every idle worker sleeps in read(2) at once, as libfuse's and go-fuse's do).
#   BENCHFS_DAEMONS="fusewire fwsleep libfuse gofuse"   which daemons to run (default: all that built)
#
# For each mode (single, mt): mount both daemons, each on a fresh temp dir, wait for `mountpoint -q MNT &&
# stat MNT/small` (30 s at most), run `verify` on each, one unrecorded 1 s warm-up pass of every workload on
# each (JIT tiering, first-touch page faults), then every workload ROUNDS times per daemon, alternating
# fusewire/libfuse (and the order each round) so that background load on the machine hits both alike, sending
# SIGUSR1 after each run (the daemon prints BENCHFS-STATS); then `umount MNT` and require exit code 0.
# Total: about 2 modes x 7 workloads x DAEMONS x ROUNDS x (SECONDS + ~0.4 s) (~20 min with 4 daemons by default). Workloads:
#   verify      driver: O_DIRECT reads of 16 random 1 MiB and 16 random 4 KiB blocks of /file, its last MiB and
#               EOF, /small whole, every byte checked against o % 251; one 1 MiB O_DIRECT write to /sink. (Not timed.)
#   stat-1t     driver, 1 thread, SECONDS: stat() of MNT/small and MNT/many/fNNNNN alternately, st_ino/size/mode/nlink
#               checked (kernel 6.18: LOOKUP per component below the root, then GETATTR; timeouts are 0). ops/s
#   stat-2t     the same with 2 threads. ops/s
#   readdir     driver, 1 thread, SECONDS: list MNT/many (10002 entries through READDIRPLUS) again and again,
#               every name, d_ino and d_type checked. listings/s
#   seqread-1m  fio --rw=read --bs=1m --direct=1 --ioengine=psync --size=1g --time_based --runtime=SECONDS
#               on MNT/file, 1 job (one 256-page READ per read(2)). MB/s
#   randread-4k fio --rw=randread --bs=4k --direct=1 --ioengine=psync, 1 job, SECONDS on MNT/file. IOPS
#   randread-4k-2j  the same with --numjobs=2. IOPS
#   write-1m    fio --rw=write --bs=1m --direct=1 --ioengine=psync --size=1g --time_based --runtime=SECONDS
#               on MNT/sink (--create_on_open=1 --allow_file_create=0 --fallocate=none: no lay-out, the sink
#               stays size 0). MB/s
# fio cannot know the o % 251 pattern, so fio runs without verify; the verify step covers content.
# Besides throughput, each run records the daemon's CPU time (utime+stime from /proc/PID/stat, all threads)
# divided by the FUSE requests it served (from consecutive BENCHFS-STATS lines): a cost per request that the
# machine's background load disturbs much less than throughput does.
# At the end: a table (mode, workload, FuseWire and libfuse medians, FuseWire/libfuse ratio, CPU us/request of
# each) and FuseWire's BENCHFS-EXIT lines (requests served, steady-state bytes allocated per request).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/benchfs"
SECONDS_PER=${BENCHFS_SECONDS:-1}
ROUNDS=${BENCHFS_ROUNDS:-15}
SPIN_US=${BENCHFS_SPIN_US:-200}
OUT=${BENCHFS_OUT:-$(mktemp -d /tmp/benchfs-run.XXXXXX)}
mkdir -p "$OUT"
BIN="$OUT/bin"
mkdir -p "$BIN"

echo "== building (logs in $OUT)" >&2
dotnet build "$ROOT/samples/BenchFs/BenchFs.csproj" -c Release -nologo -v q >"$OUT/build-benchfs.log" 2>&1 \
  || { cat "$OUT/build-benchfs.log" >&2; exit 1; }
FUSEWIRE="$ROOT/samples/BenchFs/bin/Release/net10.0/BenchFs"
gcc -O2 -Wall -o "$BIN/benchfs-libfuse" "$HERE/peers/libfuse/benchfs.c" $(pkg-config --cflags --libs fuse3)
gcc -O2 -Wall -pthread -o "$BIN/benchfs-driver" "$HERE/driver.c"
LIBFUSE="$BIN/benchfs-libfuse"
GOFUSE="$BIN/benchfs-gofuse"
DAEMONS="fusewire fwsleep libfuse"
if "$HERE/peers/gofuse/build.sh" "$GOFUSE" >"$OUT/build-gofuse.log" 2>&1; then
  DAEMONS="$DAEMONS gofuse"
else
  echo "benchfs: warning: the go-fuse peer did not build (see $OUT/build-gofuse.log); running without it" >&2
fi
DAEMONS=${BENCHFS_DAEMONS:-$DAEMONS}
DRIVER="$BIN/benchfs-driver"
RESULTS="$OUT/results.jsonl"
PY=$(python3 -c 'import sys; print(sys.executable)') # the interpreter itself: a pyenv shim costs ~0.7 s per call
WARMUP=0
RUNTIME=$SECONDS_PER
: >"$RESULTS"

# record DAEMON MODE WORKLOAD VALUE UNIT CPU_US_PER_REQUEST REQUESTS
record() {
  [ "$WARMUP" = 1 ] && return 0
  printf '{"daemon":"%s","mode":"%s","workload":"%s","value":%s,"unit":"%s","cpu_us_per_request":%s,"requests":%s}\n' \
    "$1" "$2" "$3" "$4" "$5" "$6" "$7" >>"$RESULTS"
}

# CPU time (utime + stime, all threads, clock ticks) of a process
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# requests served so far: the sum of "ops" in the daemon's last BENCHFS-STATS line
requests_so_far() {
  grep '^BENCHFS-STATS ' "$1" | tail -1 | cut -d' ' -f2- | "$PY" -c 'import json,sys; print(sum(json.load(sys.stdin)["ops"].values()))'
}

# fio_run DAEMON MODE WORKLOAD KIND(read|write) UNIT(MB/s|IOPS) fio-args...
fio_run() {
  local daemon=$1 mode=$2 workload=$3 kind=$4 unit=$5
  shift 5
  local json="$OUT/fio-$daemon-$mode-$workload.json"
  fio --name="$workload" --direct=1 --ioengine=psync --time_based --runtime="$RUNTIME" --invalidate=0 \
      --group_reporting --output-format=json --output="$json" "$@"
  local value
  value=$("$PY" - "$json" "$kind" "$unit" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
data = json.loads(text[text.index('{'):])
job = data["jobs"][0]
if job["error"]:
    sys.exit(f"fio error {job['error']}")
side = job[sys.argv[2]]
print(f"{side['bw_bytes'] / 1e6:.1f}" if sys.argv[3] == "MB/s" else f"{side['iops']:.0f}")
PY
)
  VALUE=$value UNIT=$unit
}

stats() { kill -USR1 "$1"; sleep 0.2; }

declare -A MNT PID LOG

start_daemon() {
  local daemon=$1 mode=$2
  local mnt log pid
  mnt=$(mktemp -d /tmp/benchfs-mnt.XXXXXX)
  log="$OUT/$daemon-$mode.err"
  case "$daemon/$mode" in
    fusewire/single) "$FUSEWIRE" --single --spin "$SPIN_US" "$mnt" 2>"$log" & ;;
    fusewire/mt) "$FUSEWIRE" --threads 2 --spin "$SPIN_US" "$mnt" 2>"$log" & ;;
    fwsleep/single) "$FUSEWIRE" --single "$mnt" 2>"$log" & ;;
    fwsleep/mt) "$FUSEWIRE" --threads 2 "$mnt" 2>"$log" & ;;
    libfuse/single) "$LIBFUSE" -s "$mnt" 2>"$log" & ;;
    libfuse/mt) "$LIBFUSE" "$mnt" 2>"$log" & ;;
    gofuse/single) "$GOFUSE" -single "$mnt" 2>"$log" & ;;
    gofuse/mt) "$GOFUSE" "$mnt" 2>"$log" & ;;
  esac
  pid=$!
  local waited=0
  until mountpoint -q "$mnt" && stat "$mnt/small" >/dev/null 2>&1; do
    sleep 0.1
    waited=$((waited + 1))
    if [ "$waited" -ge 300 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "benchfs: $daemon $mode not ready after 30 s" >&2
      cat "$log" >&2
      exit 1
    fi
  done
  MNT[$daemon]=$mnt PID[$daemon]=$pid LOG[$daemon]=$log
  echo "== $daemon $mode: pid $pid on $mnt" >&2
  "$DRIVER" verify "$mnt" 16 >>"$OUT/driver.log"
  stats "$pid"
}

stop_daemon() {
  local daemon=$1 mode=$2
  local mnt=${MNT[$daemon]} pid=${PID[$daemon]} rc=0
  umount "$mnt"
  wait "$pid" || rc=$?
  rmdir "$mnt"
  if [ "$rc" -ne 0 ]; then
    echo "benchfs: $daemon $mode exited $rc after unmount" >&2
    cat "${LOG[$daemon]}" >&2
    exit 1
  fi
  grep -h '^BenchFs:' "${LOG[$daemon]}" >&2 || true
}

driver_run() { # DAEMON MODE WORKLOAD FIELD UNIT driver-args...
  local daemon=$1 mode=$2 workload=$3 field=$4 unit=$5 line
  shift 5
  line=$("$DRIVER" "$@")
  echo "$line" >>"$OUT/driver.log"
  VALUE=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$line" "$field") UNIT=$unit
}

workload() { # DAEMON MODE WORKLOAD
  local daemon=$1 mode=$2 mnt=${MNT[$1]} pid=${PID[$1]} t0 t1 r0 r1
  r0=$(requests_so_far "${LOG[$daemon]}")
  t0=$(cpu_ticks "$pid")
  case "$3" in
    stat-1t) driver_run "$daemon" "$mode" stat-1t ops_per_s ops/s stat "$mnt" "$RUNTIME" 1 ;;
    stat-2t) driver_run "$daemon" "$mode" stat-2t ops_per_s ops/s stat "$mnt" "$RUNTIME" 2 ;;
    readdir) driver_run "$daemon" "$mode" readdir listings_per_s listings/s readdir "$mnt" "$RUNTIME" ;;
    seqread-1m) fio_run "$daemon" "$mode" seqread-1m read MB/s --filename="$mnt/file" --rw=read --bs=1m --size=1g ;;
    randread-4k) fio_run "$daemon" "$mode" randread-4k read IOPS --filename="$mnt/file" --rw=randread --bs=4k --size=1g ;;
    randread-4k-2j) fio_run "$daemon" "$mode" randread-4k-2j read IOPS --filename="$mnt/file" --rw=randread --bs=4k --size=1g --numjobs=2 ;;
    write-1m) fio_run "$daemon" "$mode" write-1m write MB/s --filename="$mnt/sink" --rw=write --bs=1m --size=1g \
                --create_on_open=1 --allow_file_create=0 --fallocate=none ;;
  esac
  t1=$(cpu_ticks "$pid")
  stats "$pid"
  r1=$(requests_so_far "${LOG[$daemon]}")
  # the stats request itself is not a FUSE request; the daemon's CPU per request includes its idle wake-ups (none)
  record "$daemon" "$mode" "$3" "$VALUE" "$UNIT" \
    "$("$PY" -c 'import sys,os; t=int(sys.argv[1])/os.sysconf("SC_CLK_TCK"); n=int(sys.argv[2]); print(f"{t*1e6/n:.2f}" if n else "null")' "$((t1 - t0))" "$((r1 - r0))")" \
    "$((r1 - r0))"
}

WORKLOADS="stat-1t stat-2t readdir seqread-1m randread-4k randread-4k-2j write-1m"
for mode in single mt; do
  for daemon in $DAEMONS; do start_daemon "$daemon" "$mode"; done
  WARMUP=1 RUNTIME=1 # one unrecorded 1 s pass of every workload on every daemon (JIT tiering, page faults)
  for w in $WORKLOADS; do for daemon in $DAEMONS; do workload "$daemon" "$mode" "$w"; done; done
  WARMUP=0 RUNTIME=$SECONDS_PER
  for w in $WORKLOADS; do
    for round in $(seq 1 "$ROUNDS"); do
      # rotate the order each round, so that background load hits every daemon alike
      read -r -a list <<<"$DAEMONS"
      shift_by=$(((round - 1) % ${#list[@]}))
      order="${list[*]:shift_by} ${list[*]:0:shift_by}"
      for daemon in $order; do
        workload "$daemon" "$mode" "$w"
      done
    done
    echo "   $mode $w done" >&2
  done
  for daemon in $DAEMONS; do stop_daemon "$daemon" "$mode"; done
done

"$PY" - "$RESULTS" "$OUT" <<'PY'
import glob, json, statistics, sys
from collections import defaultdict
rows = [json.loads(l) for l in open(sys.argv[1])]
values, cpu, units, order = defaultdict(list), defaultdict(list), {}, []
for r in rows:
    key = (r["mode"], r["workload"])
    if key not in order:
        order.append(key)
    values[(r["daemon"],) + key].append(r["value"])
    if r["cpu_us_per_request"] is not None:
        cpu[(r["daemon"],) + key].append(r["cpu_us_per_request"])
    units[r["workload"]] = r["unit"]
med = statistics.median
names = {"fusewire": "FuseWire", "fwsleep": "FW-sleep", "libfuse": "libfuse", "gofuse": "go-fuse"}
daemons = [d for d in names if any(k[0] == d for k in values)]
paired = "fusewire" in daemons and "libfuse" in daemons
print(f"median of {max(len(v) for v in values.values())} alternating runs per cell; FuseWire = BenchFs --spin; "
      "x/libfuse = ratio of the medians; paired = median of the rounds' own FuseWire/libfuse ratios (each round runs both "
      "within seconds, so drifts of the machine's speed cancel), won = rounds FuseWire was ahead; "
      "cpu = daemon CPU time (user+sys, all threads) per FUSE request, in microseconds")
head = f"{'mode':<7} {'workload':<15} {'unit':<11}" + "".join(f" {names[d]:>10}" for d in daemons)
head += "".join(f" {names[d] + '/libfuse':>17}" for d in daemons if d != "libfuse" and "libfuse" in daemons)
head += f" {'paired':>7} {'won':>5}" if paired else ""
head += "".join(f" {names[d][:8] + ' cpu':>12}" for d in daemons)
print(head)
for mode, workload in order:
    v = {d: med(values[(d, mode, workload)]) for d in daemons}
    c = {d: med(cpu[(d, mode, workload)] or [0]) for d in daemons}
    line = f"{mode:<7} {workload:<15} {units[workload]:<11}" + "".join(f" {v[d]:>10.1f}" for d in daemons)
    line += "".join(f" {v[d] / v['libfuse']:>17.2f}" for d in daemons if d != "libfuse" and "libfuse" in daemons)
    if paired:
        rounds = list(zip(values[("fusewire", mode, workload)], values[("libfuse", mode, workload)]))
        line += f" {med(f / l for f, l in rounds):>7.2f} {sum(f >= l for f, l in rounds):>3}/{len(rounds)}"
    line += "".join(f" {c[d]:>12.2f}" for d in daemons)
    print(line)
for path in sorted(glob.glob(sys.argv[2] + "/fusewire-*.err") + glob.glob(sys.argv[2] + "/fwsleep-*.err")):
    for line in open(path):
        if line.startswith("BENCHFS-EXIT"):
            print(path.rsplit("/", 1)[1], line.strip())
PY
