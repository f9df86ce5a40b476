#!/usr/bin/env bash
# Time to first token added by Switchboard: builds the jar, then runs TtftBench (see its javadoc).
# Usage: src/bench/ttft/run.sh [warm-up requests] [measured requests] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -ntp -DskipTests package
java src/bench/ttft/TtftBench.java "$@"
