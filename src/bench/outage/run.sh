#!/usr/bin/env bash
# F15 in real time with the default health settings: builds the jar, then runs OutageBench (see its javadoc).
# Usage: src/bench/outage/run.sh [outage seconds] [requests per second] [seconds before] [seconds after]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -ntp -DskipTests package
java src/bench/outage/OutageBench.java "$@"
