#!/usr/bin/env bash
# Builds FuseWire and runs its tests; on a fresh Debian 12 machine, run as root, it first installs what the tests use.
# Ends with a line "N passed, N failed, N skipped" and exits non-zero when the build or any test fails.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

# 1. Debian packages: a C compiler and the kernel's <linux/fuse.h> (ABI cross-checks), the FUSE 3 tools and library,
#    xattr tools, fio and stress-ng (the kernel-facing tests), sshfs with a local sftp-server (a real libfuse3 daemon for
#    the kernel-side client and the tracing proxy), tshark (pcapng files written by another tool).
packages=(gcc linux-libc-dev pkg-config fuse3 libfuse3-dev attr fio stress-ng sshfs openssh-sftp-server tshark)
missing=()
for package in "${packages[@]}"; do
    # dpkg -s also succeeds for a removed package whose configuration files remain, so ask for the installed state.
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) != installed ]]; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "run-tests: installing ${missing[*]}"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
            echo "run-tests: warning: apt-get could not install ${missing[*]}" >&2
        fi
    else
        echo "run-tests: warning: not root, so not installing the missing Debian packages: ${missing[*]}" >&2
    fi
fi
if ! command -v gcc >/dev/null 2>&1 || [[ ! -f /usr/include/linux/fuse.h ]]; then
    echo "run-tests: gcc and /usr/include/linux/fuse.h are needed (Debian: apt-get install gcc linux-libc-dev)" >&2
    exit 1
fi

# 2. The .NET SDK (global.json asks for 10.0.100 or a later feature band).
if ! command -v dotnet >/dev/null 2>&1; then
    if [[ -x "$HOME/.dotnet/dotnet" ]]; then
        export PATH="$HOME/.dotnet:$PATH"
    else
        echo "run-tests: the .NET 10 SDK is needed: 'dotnet' is not on PATH" >&2
        exit 1
    fi
fi

# 3. Build everything (library, tests, benchmarks, sample) and smoke-run the sample.
dotnet build FuseWire.sln -c Release --nologo -v quiet
if ! demo=$(dotnet samples/FuseWire.Demo/bin/Release/net10.0/FuseWire.Demo.dll 2>&1); then
    printf '%s\n' "$demo"
    echo "run-tests: the sample samples/FuseWire.Demo failed" >&2
    exit 1
fi
echo "run-tests: sample ran: $(tail -n 1 <<<"$demo")"

# 4. The tests: the codec's unit tests, then the kernel-facing integration tests (MemFs mounted in-process; they skip
#    without /dev/fuse or root). The console logger closes each with "Passed!  - Failed: 0, Passed: N, ..."; each project's
#    TRX file gives its counts, summed below.
results="$PWD/TestResults/run-tests"
rm -rf "$results"
status=0
passed=0 failed=0 skipped=0
for project in FuseWire.Tests FuseWire.Cli.Tests FuseWire.IntegrationTests; do
    dotnet test "tests/$project" -c Release --no-build --nologo \
        --logger "console;verbosity=minimal" --logger "trx;LogFileName=$project.trx" \
        --results-directory "$results" --blame-hang-timeout 5m || status=$?

    trx="$results/$project.trx"
    if [[ ! -f "$trx" ]]; then
        echo "run-tests: no test results were written ($trx)" >&2
        status=$((status == 0 ? 1 : status))
        continue
    fi
    # The TRX counters: skipped tests are those counted in total but not executed.
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    counter() {
        local value
        value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
        echo "${value:-0}"
    }
    passed=$((passed + $(counter passed)))
    failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    skipped=$((skipped + $(counter total) - $(counter executed)))
done
if ((passed + failed + skipped == 0)); then
    echo "run-tests: no test ran" >&2
    status=1
elif ((failed > 0 && status == 0)); then
    status=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
