#!/usr/bin/env bash
# Two builds of Switchboard against each other, run alternately in front of the emulated provider, for a
# change whose effect is smaller than this machine's run-to-run drift (src/bench/README.md). Each run: a fresh
# gateway, wrk at 32 connections for the warm-up, then for the measurement; it prints requests/s and the
# gateway's CPU time per request (utime + stime from /proc). Pairs alternate which build goes first.
# Needs wrk and a packaged jar in target/ for the emulated provider's classpath (run.sh installs and builds both).
# Usage: src/bench/gateway/ab.sh <quarkus-app dir A> <quarkus-app dir B> [pairs, 4] [whole|streamed, streamed] [seconds, 15] [warm-up, 20]
# E.g.:  git worktree add /tmp/before HEAD~1 && (cd /tmp/before && ./mvnw -q -Dmaven.test.skip=true package)
#        ./mvnw -q -Dmaven.test.skip=true package && cp -r target/quarkus-app /tmp/after
#        src/bench/gateway/ab.sh /tmp/before/target/quarkus-app /tmp/after 4 streamed
set -euo pipefail
cd "$(dirname "$0")/../../.."
a=$1 b=$2 pairs=${3:-4} kind=${4:-streamed} seconds=${5:-15} warmup=${6:-20}
work=target/bench/ab
mkdir -p "$work"
stream=""; [ "$kind" = streamed ] && stream=',"stream":true'
cat > "$work/request.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"What is the answer to the benchmark question?"}]$stream}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
LUA

# The emulated provider reads fault commands from its standard input and stops when that closes: its input is a
# pipe this script holds open (fd 3), so it stops when the script ends, however the script ends.
rm -f "$work/upstream.in"; mkfifo "$work/upstream.in"
java -cp 'target/quarkus-app/lib/main/*' src/bench/gateway/Upstream.java < "$work/upstream.in" > "$work/upstream.out" 2>&1 &
exec 3> "$work/upstream.in"
for _ in $(seq 1 100); do grep -q '^listening' "$work/upstream.out" 2>/dev/null && break; sleep 0.2; done
upstream=$(awk '/^listening/{print $2}' "$work/upstream.out")

run() {
  local name=$1 app=$2
  java -Dquarkus.http.port=0 -Dswitchboard.providers.openai.api-key=sk-bench \
    -Dswitchboard.providers.openai-compatible.api-key=sk-bench -Dquarkus.log.level=WARN \
    '-Dquarkus.log.category."io.quarkus".level=INFO' -Dquarkus.rest-client.openai.url="http://127.0.0.1:$upstream/v1" \
    -Dswitchboard.chain=gpt-4o-mini -jar "$app/quarkus-run.jar" > "$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 150); do grep -q 'Listening on' "$work/$name.log" && break; sleep 0.2; done
  local url="http://127.0.0.1:$(grep -o 'Listening on: http://[^:]*:[0-9]*' "$work/$name.log" | grep -o '[0-9]*$')/v1/chat/completions"
  wrk -t2 -c32 -d"${warmup}s" --timeout 30s -s "$work/request.lua" "$url" > /dev/null
  local before after out
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(wrk -t2 -c32 -d"${seconds}s" --timeout 30s -s "$work/request.lua" "$url")
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local requests ticks
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  ticks=$(getconf CLK_TCK)
  printf '%s %s: %s requests/s, %s µs CPU per request, %s non-2xx\n' "$name" "$kind" \
    "$(echo "$out" | awk '/Requests\/sec/{print $2}')" "$(( (after - before) * 1000000 / ticks / requests ))" \
    "$(echo "$out" | awk '/Non-2xx/{print $NF}' | grep . || echo 0)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for pair in $(seq 1 "$pairs"); do
  if [ $((pair % 2)) -eq 1 ]; then run A "$a"; run B "$b"; else run B "$b"; run A "$a"; fi
done
