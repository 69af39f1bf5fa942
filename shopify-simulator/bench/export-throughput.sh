#!/usr/bin/env bash
# Benchmark: standalone simulator with a generated catalog, readiness time and bulk export download speed.
# Builds nothing: run `./mvnw -B -f shopify-simulator/pom.xml package` first. Loopback only; stops what it starts.
# Usage: shopify-simulator/bench/export-throughput.sh [PRODUCTS=100000] [PORT=18089] [DOWNLOADS=3]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/shopify-simulator.jar"
products="${1:-100000}"
port="${2:-18089}"
downloads="${3:-3}"
shop="bench"

if [[ ! -f "$jar" ]]; then
  echo "missing $jar: build the module first (./mvnw -B -f shopify-simulator/pom.xml package)" >&2
  exit 1
fi

log="$(mktemp)"
started_ms="$(date +%s%3N)"
java -jar "$jar" --host 127.0.0.1 --port "$port" --generate "$shop=$products" >"$log" 2>&1 &
sim_pid=$!
cleanup() {
  kill "$sim_pid" 2>/dev/null || true
  wait "$sim_pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

echo "simulator pid $sim_pid, $products products, port $port"
java -cp "$jar" "$here/ExportThroughput.java" "$port" "$shop" "shpat_sim_$shop" "$started_ms" "$downloads"
echo "simulator said: $(grep ready "$log" || true)"
