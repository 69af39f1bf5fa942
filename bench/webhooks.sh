#!/usr/bin/env bash
# Webhook ingress benchmark: signed products/update deliveries (unique event ids, 5% repeats of an earlier event with
# the same id and body, as Shopify's retries) sent with wrk to the running app's POST /webhooks, and beside it to a
# plain Node http + pg receiver doing the same verify-and-insert (bench/webhooks-node/receiver.js, own database).
# Per receiver: an untimed warm-up, a paced phase (--rate req/s) and a saturation phase (32 connections, 2 threads),
# each sending every pre-built delivery exactly once. Prints achieved rate, p50/p90/p99 latency, non-2xx, inbox rows
# stored, distinct events, and for the app the events applied once (products of the run's ids, after every inbox row
# is processed), with the ratios app/node and the targets: paced p99 <= 5 ms, saturation >= Node's, 0 lost, 0
# applied twice.
#
# Needs wrk (Debian: apt-get install -y wrk), node >= 20 (npm ci runs in bench/webhooks-node when needed), and the
# app running as the README's Run command starts it (Liberty on localhost:9080, embedded PostgreSQL on 54329, shop
# demo.myshopify.com registered). Loopback only; it starts and stops only the Node receiver.
# What it sends to the app stays there: the run's inbox rows and work items, and its products (ids from 4e15, no
# two runs alike) in the shop's catalog, which the shop's next full sync marks deleted (they are not in Shopify).
#
# Usage: bench/webhooks.sh [--node-only] [--app-only] [--rate 1000] [--paced 20000] [--saturation 60000]
#                          [--warmup 3000] [--wait 600]
#   --paced / --saturation / --warmup: deliveries per phase; --wait: seconds to wait for the app to process a phase.
# Environment (defaults):
#   WEBHOOKS_APP_URL       http://localhost:9080
#   WEBHOOKS_APP_DB_URL    postgres://neanelu:neanelu@127.0.0.1:54329/neanelu     (the app's schema owner)
#   WEBHOOKS_NODE_DB_URL   postgres://neanelu:neanelu@127.0.0.1:54329/bench_webhooks  (tables recreated each run)
#   WEBHOOKS_ADMIN_DB_URL  postgres://postgres@127.0.0.1:54329/postgres  (creates the Node database if missing)
#   WEBHOOKS_NODE_PORT     28190
#   WEBHOOKS_SHOP          demo.myshopify.com
#   SHOPIFY_API_SECRET     neanelu-dev-client-secret-for-hs256-tokens  (app-ear/pom.xml's development secret)
set -euo pipefail
cd "$(dirname "$0")/.."

app_url="${WEBHOOKS_APP_URL:-http://localhost:9080}"
app_db="${WEBHOOKS_APP_DB_URL:-postgres://neanelu:neanelu@127.0.0.1:54329/neanelu}"
node_db="${WEBHOOKS_NODE_DB_URL:-postgres://neanelu:neanelu@127.0.0.1:54329/bench_webhooks}"
admin_db="${WEBHOOKS_ADMIN_DB_URL:-postgres://postgres@127.0.0.1:54329/postgres}"
node_port="${WEBHOOKS_NODE_PORT:-28190}"
shop="${WEBHOOKS_SHOP:-demo.myshopify.com}"
secret="${SHOPIFY_API_SECRET:-neanelu-dev-client-secret-for-hs256-tokens}"

run_app=yes
run_node=yes
rate=1000
paced_n=20000
saturation_n=60000
warmup_n=3000
wait_s=600
threads=2
paced_connections=16
saturation_connections=32

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case "$1" in
    --node-only) run_app="" ;;
    --app-only) run_node="" ;;
    --rate) rate="$2"; shift ;;
    --paced) paced_n="$2"; shift ;;
    --saturation) saturation_n="$2"; shift ;;
    --warmup) warmup_n="$2"; shift ;;
    --wait) wait_s="$2"; shift ;;
    *) usage ;;
  esac
  shift
done

log() { echo "[webhooks-bench $(date +%T)] $*" >&2; }
die() { echo "webhooks-bench: $*" >&2; exit 1; }

# 1. Tools.
command -v wrk >/dev/null || die "wrk is not installed; on Debian or Ubuntu: sudo apt-get install -y wrk"
command -v node >/dev/null || die "node is not installed (version 20 or newer is needed)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || die "node $(node -v) is too old: version 20 or newer is needed"
node_dir="bench/webhooks-node"
if [[ ! -f "$node_dir/node_modules/.package-lock.json" || "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]]; then
  log "npm ci in $node_dir"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

loopback() { [[ "$1" =~ ^https?://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/|$) ]]; }
loopback "$app_url" || die "WEBHOOKS_APP_URL must be a loopback address (localhost or 127.0.0.1), not $app_url"
app_url="${app_url%/}"

work="$PWD/bench/target/webhooks"
rm -rf "$work" && mkdir -p "$work"
node_pid=""
cleanup() {
  if [[ -n "$node_pid" ]]; then
    kill "$node_pid" 2>/dev/null || true
    timeout 10 tail --pid="$node_pid" -f /dev/null 2>/dev/null || kill -9 "$node_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# 2. The app: ready, and the shop registered and installed.
shop_id=""
if [[ -n "$run_app" ]]; then
  if [[ "$(curl -s --max-time 5 "$app_url/health/ready" || true)" != *'"UP"'* ]]; then
    die "the app is not ready at $app_url/health/ready. Start it with the README's Run command (and wait for UP), set
WEBHOOKS_APP_URL to where it runs, or pass --node-only to measure only the Node receiver."
  fi
  shop_id="$(node "$node_dir/db.js" app-shop "$app_db" "$shop" | node -p 'JSON.parse(require("fs").readFileSync(0)).id')" \
    || die "cannot read shop $shop from the app's database at ${app_db%%\?*} (WEBHOOKS_APP_DB_URL, WEBHOOKS_SHOP)"
  log "app ready at $app_url; shop $shop is $shop_id"
fi

if [[ -n "$run_node" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$node_port") 2>/dev/null; then
  die "port $node_port is in use: is another webhooks benchmark running? (WEBHOOKS_NODE_PORT)"
fi

# 3. The deliveries, built once and sent to each receiver (each has its own database). The run number keeps this
#    run's event ids and product ids apart from earlier runs' in the app's database.
run="${WEBHOOKS_RUN:-$(date +%s)}"
phases=(warmup paced saturation)
declare -A deliveries=([warmup]="$warmup_n" [paced]="$paced_n" [saturation]="$saturation_n")
phase_no=0
for phase in "${phases[@]}"; do
  node "$node_dir/deliveries.js" --out "$work/$phase.tsv" --count "${deliveries[$phase]}" --phase "$phase_no" \
    --run "$run" --secret "$secret" --shop "$shop" >"$work/$phase.meta.json"
  log "$phase: $(cat "$work/$phase.meta.json")"
  phase_no=$((phase_no + 1))
done

json() { node -p "JSON.parse(require('fs').readFileSync('$1', 'utf8'))$2"; }

# wrk over one phase's file: every delivery once; -d only bounds a run that stalls.
send() { # receiver url phase connections rate
  local receiver="$1" url="$2" phase="$3" connections="$4" phase_rate="$5" bound
  if ((phase_rate > 0)); then bound=$((deliveries[$phase] / phase_rate + 60)); else bound=600; fi
  wrk -t "$threads" -c "$connections" -d "${bound}s" --timeout 10s -s "$node_dir/deliver.lua" "$url" \
    -- "$work/$phase.tsv" "$threads" "$((connections / threads))" "$phase_rate" >"$work/$receiver-$phase.wrk" 2>&1 \
    || { cat "$work/$receiver-$phase.wrk" >&2; die "wrk failed against $url"; }
  rm -f "$work/$phase.tsv.done."*
  grep '^WRK ' "$work/$receiver-$phase.wrk" >&2
}

count() { # receiver phase
  local prefix
  prefix="$(json "$work/$2.meta.json" .eventPrefix)"
  if [[ "$1" == app ]]; then
    node "$node_dir/db.js" count-app "$app_db" "$shop_id" "$prefix" "$(json "$work/$2.meta.json" .productLo)" \
      "$(json "$work/$2.meta.json" .productHi)" "$wait_s" >"$work/app-$2.counts.json"
  else
    node "$node_dir/db.js" count-node "$node_db" "$prefix" >"$work/node-$2.counts.json"
  fi
  log "$1 $2 counts: $(cat "$work/$1-$2.counts.json")"
}

run_phases() { # receiver url
  local receiver="$1" url="$2" phase refused
  for phase in "${phases[@]}"; do
    log "$receiver: $phase, ${deliveries[$phase]} deliveries"
    case "$phase" in
      paced) send "$receiver" "$url" "$phase" "$paced_connections" "$rate" ;;
      *) send "$receiver" "$url" "$phase" "$saturation_connections" 0 ;;
    esac
    if [[ "$phase" == warmup ]]; then
      refused="$(grep -o ' status=[0-9]*' "$work/$receiver-warmup.wrk" | cut -d= -f2)"
      ((refused == 0)) || die "$receiver answered $refused warm-up deliveries with 4xx/5xx (wrong SHOPIFY_API_SECRET?
Its answers are not logged here; see the receiver's log.)"
    fi
    # The app applies deliveries after the 200: wait for the phase to be processed before the next one starts.
    count "$receiver" "$phase"
  done
}

# 4. The app.
if [[ -n "$run_app" ]]; then
  run_phases app "$app_url/webhooks"
fi

# 5. The Node receiver.
if [[ -n "$run_node" ]]; then
  log "Node receiver database ${node_db%%\?*}: recreating its tables"
  node "$node_dir/db.js" setup-node "$node_db" "$admin_db" "$shop" >/dev/null \
    || die "cannot set up the Node receiver's database (WEBHOOKS_NODE_DB_URL, WEBHOOKS_ADMIN_DB_URL)"
  : >"$work/node-receiver.log"
  PORT="$node_port" HOST=127.0.0.1 DATABASE_URL="$node_db" SHOPIFY_API_SECRET="$secret" \
    node "$node_dir/receiver.js" >"$work/node-receiver.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 1 100); do
    grep -q '^listening on ' "$work/node-receiver.log" && break
    kill -0 "$node_pid" 2>/dev/null || { cat "$work/node-receiver.log" >&2; die "the Node receiver did not start"; }
    sleep 0.1
  done
  grep -q '^listening on ' "$work/node-receiver.log" || die "the Node receiver did not start within 10 s"
  log "Node receiver on 127.0.0.1:$node_port (pid $node_pid)"
  run_phases node "http://127.0.0.1:$node_port/webhooks"
fi

# 6. Report.
node "$node_dir/report.js" "$work" "$rate" "$threads" "$paced_connections" "$saturation_connections"
