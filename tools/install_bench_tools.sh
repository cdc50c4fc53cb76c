#!/usr/bin/env bash
# Installs what `make bench` (iai-callgrind) needs, from the project's own files:
#   - valgrind, from Debian's packages (apt-get) when it is not on PATH;
#   - iai-callgrind-runner at exactly the version of the iai-callgrind crate in Cargo.lock
#     (the benchmark binary refuses a runner of another version), via `cargo install --locked`.
# Idempotent: does nothing when both are present at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install_bench_tools: valgrind is missing and apt-get is not available;" >&2
        echo "install valgrind with your system's package manager" >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "install_bench_tools: installing valgrind (apt-get)"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
fi

# The version cargo resolved for the iai-callgrind library (pinned with `=` in Cargo.toml).
version=$(awk '/^name = "iai-callgrind"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$version" ]; then
    echo "install_bench_tools: iai-callgrind is not in Cargo.lock" >&2
    exit 1
fi
# The runner has no --version option; run with a bad argument, it names its own version in
# the complaint ("iai-callgrind-runner (X.Y.Z)" or "iai-callgrind-runner is X.Y.Z").
installed=""
if command -v iai-callgrind-runner >/dev/null 2>&1; then
    installed=$( (iai-callgrind-runner --version 2>&1 || true) |
        grep -oE 'iai-callgrind-runner (is |\()[0-9]+\.[0-9]+\.[0-9]+' |
        grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)
fi
if [ "$installed" != "$version" ]; then
    echo "install_bench_tools: installing iai-callgrind-runner $version (have: ${installed:-none})"
    cargo install --locked --force iai-callgrind-runner --version "$version"
fi
echo "install_bench_tools: $(valgrind --version), iai-callgrind-runner $version"
