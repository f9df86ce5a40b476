#!/usr/bin/env bash
# Switchboard against direct, nginx and Portkey, then failover under load, in one run (see GatewayBench's javadoc).
# Installs what it needs (Debian: nginx-light, wrk, hey; npm: Portkey's gateway with @hono/node-server pinned to
# 1.13.8), builds the jar, and writes src/bench/gateway/RESULTS.md.
# Usage: src/bench/gateway/run.sh [seconds per run, default 15] [connections, 32] [offered rate, 1000] [failover rate, 200] [warm-up seconds, 30]
#    or: src/bench/gateway/run.sh soak [minutes, default 10] [offered rate, 300]   (writes src/bench/gateway/SOAK.md)
set -euo pipefail
cd "$(dirname "$0")/../../.."
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v hey >/dev/null || missing+=(hey)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q "${missing[@]}"
fi
export PATH="$PATH:/usr/sbin"
portkey=target/bench/gateway/portkey
mkdir -p "$portkey"
if ! cmp -s src/bench/gateway/package.json "$portkey/package.json" || [ ! -d "$portkey/node_modules/@portkey-ai/gateway" ]; then
  cp src/bench/gateway/package.json "$portkey/package.json"
  (cd "$portkey" && npm install --no-audit --no-fund --loglevel=error)
fi
./mvnw -q -B -ntp -DskipTests package
java src/bench/gateway/GatewayBench.java "$@"
