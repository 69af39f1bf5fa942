#!/usr/bin/env bash
# Catalog ingest benchmark (issue 6): the simulator's generated export -> rows through the real job on a Liberty
# server of its own, beside a `psql \copy` of the same rows into copies of the same tables, with the same indexes,
# checks and foreign keys (the ceiling).
# Prints lines, ingest wall time, lines/s, ceiling time, the ratio, the Liberty JVM's peak RSS and per-step times.
# Needs PostgreSQL on 127.0.0.1:5432 (superuser postgres, trust) and psql. Loopback only; stops what it starts.
# Own database neanelu_bench (recreated), own server neanelu-bench under bench/target/liberty, ports 19080/19443.
# Usage: bench/ingest.sh [products=100000]
# INGEST_BENCH_SKIP_BUILD=1 uses the artifacts already installed in ~/.m2 and compiles only this module (for when
# another engineer's Maven build or liberty:run is using the other modules' target directories).
# INGEST_BENCH_EAR=/path/to.ear deploys that EAR instead of the installed dev.neanelu:app-ear:0.1.0-SNAPSHOT:ear.
set -euo pipefail
cd "$(dirname "$0")/.."

products="${1:-100000}"
shop="bench"
domain="$shop.myshopify.com"
token="shpat_sim_$shop"
http_port=19080
superuser_url="jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"
psql_bench=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres -d neanelu_bench)
base="http://127.0.0.1:$http_port"
work="$PWD/bench/target/ingest"
wlp="$PWD/bench/target/liberty/wlp"
server_dir="$wlp/usr/servers/neanelu-bench"
export_query="batch-module/src/main/resources/dev/neanelu/batch/catalogingest/CatalogExportQuery.graphql"

now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
log() { echo "[ingest-bench $(date +%T)] $*" >&2; }

sim_pid=""
liberty_started=""
cleanup() {
  if [[ -n "$liberty_started" ]]; then
    log "stopping Liberty server neanelu-bench"
    timeout 90 "$wlp/bin/server" stop neanelu-bench >/dev/null 2>&1 || true
    local pid_file="$wlp/usr/servers/.pid/neanelu-bench.pid"
    if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      kill "$(cat "$pid_file")" 2>/dev/null || true
    fi
  fi
  if [[ -n "$sim_pid" ]]; then
    log "stopping the simulator (pid $sim_pid)"
    kill "$sim_pid" 2>/dev/null || true
    timeout 30 tail --pid="$sim_pid" -f /dev/null 2>/dev/null || kill -9 "$sim_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; then
  echo "port $http_port is in use: is another ingest benchmark running?" >&2
  exit 1
fi

# 1. Build, classpath, database.
if [[ "${INGEST_BENCH_SKIP_BUILD:-0}" == 1 ]]; then
  log "building the bench module only (INGEST_BENCH_SKIP_BUILD=1)"
  ./mvnw -q -B -pl bench compile
else
  log "building (install -DskipTests -DskipITs)"
  ./mvnw -q -B install -DskipTests -DskipITs
fi
./mvnw -q -B -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
repo="$(tr ':' '\n' <bench/target/classpath.txt | grep '/dev/neanelu/db/' | sed 's#/dev/neanelu/db/.*##')"
ear="${INGEST_BENCH_EAR:-$repo/dev/neanelu/app-ear/0.1.0-SNAPSHOT/app-ear-0.1.0-SNAPSHOT.ear}"
pg_jar="$(tr ':' '\n' <bench/target/classpath.txt | grep '/org/postgresql/postgresql/')"
rm -rf "$work" && mkdir -p "$work"
log "bootstrapping database neanelu_bench"
java -cp "$cp" dev.neanelu.db.local.LocalDatabase bootstrap "$superuser_url" neanelu_bench --recreate \
  >"$work/bootstrap.log" 2>&1

# 2. Simulator on a free port (port 0: it reports the one it got).
log "starting the simulator with $products generated products"
java -jar shopify-simulator/target/shopify-simulator.jar --host 127.0.0.1 --port 0 --generate "$shop=$products" \
  --generate "warmup=2000" \
  >"$work/simulator.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 1200); do
  grep -q ' ready on ' "$work/simulator.log" && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/simulator.log" >&2; exit 1; }
  sleep 0.5
done
sim_port="$(grep -o 'ready on http://127.0.0.1:[0-9]*' "$work/simulator.log" | grep -o '[0-9]*$')"
log "simulator ready on port $sim_port"

# 3. Liberty server neanelu-bench: fresh config each run, the installed EAR and the JDBC driver.
log "creating Liberty server neanelu-bench"
rm -rf "$server_dir"
./mvnw -q -B -f bench/pom.xml liberty:create -Dbench.simulator.port="$sim_port"
mkdir -p "$server_dir/apps" "$server_dir/jdbc"
cp "$ear" "$server_dir/apps/neanelu.ear"
cp "$pg_jar" "$server_dir/jdbc/"
log "starting Liberty server neanelu-bench"
liberty_started=yes
timeout 180 "$wlp/bin/server" start neanelu-bench >"$work/server-start.log" 2>&1
for _ in $(seq 1 360); do
  [[ "$(curl -s "$base/health/ready" || true)" == *'"UP"'* ]] && break
  sleep 0.5
done
[[ "$(curl -s "$base/health/ready" || true)" == *'"UP"'* ]] || { log "Liberty not ready"; exit 1; }
liberty_pid="$(cat "$wlp/usr/servers/.pid/neanelu-bench.pid")"
log "Liberty ready (pid $liberty_pid)"

# 4. Register the shop, export once through the simulator.
curl -sf -u admin:admin -H 'Content-Type: application/json' \
  -d "{\"shop\":\"$domain\",\"accessToken\":\"$token\",\"plan\":\"plus\"}" "$base/api/ops/shops" >"$work/shop.json"
shop_id="$("${psql_bench[@]}" -At -c "SELECT id FROM shops WHERE shop_domain = '$domain'")"
log "exporting through the simulator"
read -r jsonl_url object_count root_count < <(java -cp "$cp" dev.neanelu.bench.ingest.BulkExport \
  "$sim_port" "$shop" "$token" "$export_query")
log "export: $object_count lines ($root_count products) at $jsonl_url"

# 5. An untimed warm-up: a 2,000-product shop through the same job, so the timed run does not pay for what a server
#    does once (the batch runtime's first job, class loading, the JIT's first compilations), about 2.5 s here.
curl -sf -u admin:admin -H 'Content-Type: application/json' \
  -d '{"shop":"warmup.myshopify.com","accessToken":"shpat_sim_warmup","plan":"plus"}' "$base/api/ops/shops" >/dev/null
read -r warmup_url _ _ < <(java -cp "$cp" dev.neanelu.bench.ingest.BulkExport \
  "$sim_port" warmup shpat_sim_warmup "$export_query")
log "warm-up ingest (2,000 products, untimed)"
curl -sf -u admin:admin -H 'Content-Type: application/json' \
  -d "{\"mode\":\"full\",\"jsonlUrl\":\"$warmup_url\"}" "$base/api/ops/shops/warmup.myshopify.com/sync" >/dev/null
run_status() {
  "${psql_bench[@]}" -At -c "SELECT r.status FROM sync_runs r JOIN shops s ON s.id = r.shop_id
                               WHERE s.shop_domain = '$1' ORDER BY r.started_at DESC LIMIT 1"
}
warm="RUNNING"
while [[ "$warm" == "RUNNING" || -z "$warm" ]]; do
  sleep 0.5
  warm="$(run_status warmup.myshopify.com)"
done
log "warm-up ended $warm"

# 6. The timed ingest, sampling the Liberty JVM's RSS.
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$liberty_pid/status"; }
# CPU seconds (user + system) of a process, and of all PostgreSQL processes: where the ingest's time goes.
cpu_s() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
pg_cpu_s() {
  local total=0 pid
  for pid in $(pgrep -x postgres); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$total" 'BEGIN { printf "%.1f", t / 100 }'
}
rss_before="$(status_kb VmRSS)"
rss_peak="$rss_before"
"${psql_bench[@]}" -c 'CHECKPOINT'
log "ingest started"
liberty_cpu0="$(cpu_s "$liberty_pid")"
sim_cpu0="$(cpu_s "$sim_pid")"
pg_cpu0="$(pg_cpu_s)"
t0="$(now_ms)"
curl -sf -u admin:admin -H 'Content-Type: application/json' \
  -d "{\"mode\":\"full\",\"jsonlUrl\":\"$jsonl_url\"}" "$base/api/ops/shops/$domain/sync" >"$work/sync.json"
exec_id="$(grep -o '"jobExecutionId":[0-9]*' "$work/sync.json" | grep -o '[0-9]*$')"
status="RUNNING"
while [[ "$status" == "RUNNING" || -z "$status" ]]; do
  sleep 0.2
  rss="$(status_kb VmRSS)"
  ((rss > rss_peak)) && rss_peak="$rss"
  status="$(run_status "$domain")"
done
t1="$(now_ms)"
liberty_cpu="$(awk -v a="$(cpu_s "$liberty_pid")" -v b="$liberty_cpu0" 'BEGIN { printf "%.1f", a - b }')"
pg_cpu="$(awk -v a="$(pg_cpu_s)" -v b="$pg_cpu0" 'BEGIN { printf "%.1f", a - b }')"
sim_cpu="$(awk -v a="$(cpu_s "$sim_pid")" -v b="$sim_cpu0" 'BEGIN { printf "%.1f", a - b }')"
# The run as the job saw it (sync_runs: first step to last), without the request and the polling around it.
job_ms="$("${psql_bench[@]}" -At -c "SELECT round(extract(epoch FROM r.finished_at - r.started_at) * 1000)
                                       FROM sync_runs r JOIN shops s ON s.id = r.shop_id
                                      WHERE s.shop_domain = '$domain' ORDER BY r.started_at DESC LIMIT 1")"
hwm="$(status_kb VmHWM)"
ingest_ms=$((t1 - t0))
curl -sf -u admin:admin "$base/api/ops/shops/$domain/catalog/summary" >"$work/summary.json"
log "ingest ended $status in $(secs "$ingest_ms") s"

# 7. The ceiling: the same rows as CSV (untimed), then \copy into empty copies of the four tables (timed).
log "writing the ceiling's CSV rows"
java -Xmx4g -cp "$cp" dev.neanelu.bench.ingest.CeilingRows "$jsonl_url" "$shop_id" "$work/csv" >"$work/rows.txt"
"${psql_bench[@]}" <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_ceiling CASCADE;
CREATE SCHEMA bench_ceiling;
CREATE TABLE bench_ceiling.products (LIKE public.products INCLUDING ALL);
CREATE TABLE bench_ceiling.product_variants (LIKE public.product_variants INCLUDING ALL);
CREATE TABLE bench_ceiling.metafields (LIKE public.metafields INCLUDING ALL);
CREATE TABLE bench_ceiling.product_media (LIKE public.product_media INCLUDING ALL);
-- LIKE copies columns, defaults, checks and indexes but not foreign keys; the real tables' are checked row by row
-- (shop_id -> shops) on every insert, so the ceiling's copies get the same ones.
DO $$
DECLARE fk record;
BEGIN
  FOR fk IN SELECT conrelid::regclass::text AS tab, conname, pg_get_constraintdef(oid) AS def
              FROM pg_constraint
             WHERE contype = 'f' AND connamespace = 'public'::regnamespace
               AND conrelid::regclass::text IN ('products', 'product_variants', 'metafields', 'product_media')
  LOOP
    EXECUTE format('ALTER TABLE bench_ceiling.%I ADD CONSTRAINT %I %s', fk.tab, fk.conname,
                   replace(fk.def, 'REFERENCES shops', 'REFERENCES public.shops'));
  END LOOP;
END $$;
CHECKPOINT;
SQL
log "ceiling: \\copy of $(cat "$work/rows.txt")"
c0="$(now_ms)"
"${psql_bench[@]}" -f "$work/csv/copy.psql"
c1="$(now_ms)"
ceiling_ms=$((c1 - c0))

# 8. Report.
echo
echo "Catalog ingest benchmark: $products products, export of $object_count lines"
printf '%-28s %s\n' "outcome" "$status ($(grep -o '"counts":{[^}]*}' "$work/summary.json"))" \
  "summary" "$(sed 's/,"lastSync".*//' "$work/summary.json")}" \
  "ceiling rows" "$(cat "$work/rows.txt")"
printf '%-28s %12s\n' "lines" "$object_count" \
  "ingest wall s" "$(secs "$ingest_ms")" \
  "  of which the job s" "$(secs "$job_ms")" \
  "lines/s" "$(awk -v n="$object_count" -v ms="$ingest_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')" \
  "ceiling (psql \\copy) s" "$(secs "$ceiling_ms")" \
  "ratio ingest/ceiling" "$(awk -v a="$ingest_ms" -v b="$ceiling_ms" 'BEGIN { printf "%.2f", a / b }')" \
  "Liberty CPU s (ingest)" "$liberty_cpu" \
  "PostgreSQL CPU s (ingest)" "$pg_cpu" \
  "simulator CPU s (serving)" "$sim_cpu" \
  "Liberty RSS before MB" "$((rss_before / 1024))" \
  "Liberty peak RSS MB" "$((rss_peak / 1024))" \
  "Liberty VmHWM MB" "$((hwm / 1024))"
echo
echo "Steps (jbatch.stepthreadexecution, job execution $exec_id; batch status 5 = COMPLETED):"
"${psql_bench[@]}" -c "SELECT stepname AS step, batchstatus AS status,
       round(extract(epoch FROM endtime - starttime)::numeric, 1) AS seconds,
       m_read AS read, m_write AS written, m_commit AS commits
  FROM jbatch.stepthreadexecution WHERE fk_jobexecid = $exec_id ORDER BY starttime" || true
