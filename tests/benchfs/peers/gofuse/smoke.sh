#!/bin/bash
# Smoke test of the go-fuse benchfs peer: mount, a few reads/writes/listings,
# SIGUSR1 stats, then unmount (umount, or a signal) and check exit status 0.
#   smoke.sh [BINARY] [-single] [--stop=umount|fusermount3|SIGTERM|SIGINT]
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/benchfs-gofuse
mode=() stop=umount
for a in "$@"; do
    case $a in
        -single) mode=(-single) ;;
        --stop=*) stop=${a#--stop=} ;;
        *) bin=$a ;;
    esac
done
mnt=$(mktemp -d /tmp/benchfs-gofuse-smoke.XXXXXX)
err=$mnt.stderr
"$bin" "${mode[@]}" "$mnt" 2>"$err" &
pid=$!
for _ in $(seq 300); do
    mountpoint -q "$mnt" && stat "$mnt/small" >/dev/null 2>&1 && break
    sleep 0.1
done
set -x
ls "$mnt"
stat "$mnt/small"
head -c 300 "$mnt/file" | od -An -tu1 | head
ls "$mnt/many" | wc -l
dd if=/dev/zero of="$mnt/sink" bs=1M count=1 oflag=direct
kill -USR1 $pid
sleep 0.3
case $stop in
    umount) umount "$mnt" ;;
    fusermount3) fusermount3 -u "$mnt" ;;
    *) kill -"${stop#SIG}" $pid ;;
esac
wait $pid
rc=$?
{ set +x; } 2>/dev/null
echo "--- daemon stderr:"
cat "$err"
echo "--- daemon exit status: $rc"
mountpoint -q "$mnt" && { echo "still mounted!"; umount -l "$mnt"; rc=99; }
rmdir "$mnt" && rm -f "$err"
exit $rc
