'use strict';
// Prints the webhook benchmark's figures from the files bench/webhooks.sh left in its work directory:
// <phase>.meta.json (deliveries.js), <receiver>-<phase>.wrk (deliver.lua's WRK line) and
// <receiver>-<phase>.counts.json (db.js). Usage: node report.js WORK_DIR RATE THREADS PACED_CONNS SATURATION_CONNS

const fs = require('node:fs');
const path = require('node:path');

const [work, rate, threads, pacedConnections, saturationConnections] = process.argv.slice(2);
const phases = ['warmup', 'paced', 'saturation'];
const receivers = ['app', 'node'];

const read = (name) => {
  const file = path.join(work, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
};
const meta = Object.fromEntries(phases.map((p) => [p, JSON.parse(read(`${p}.meta.json`))]));

function wrk(receiver, phase) {
  const text = read(`${receiver}-${phase}.wrk`);
  const line = text?.split('\n').find((l) => l.startsWith('WRK '));
  if (!line) return null;
  return Object.fromEntries(line.slice(4).trim().split(/\s+/).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
}

function counts(receiver, phase) {
  const text = read(`${receiver}-${phase}.counts.json`);
  return text ? JSON.parse(text) : null;
}

const results = {};
for (const r of receivers) {
  for (const p of phases) {
    const w = wrk(r, p);
    const c = counts(r, p);
    if (!w || !c) continue;
    const m = meta[p];
    const twice = (c.stored - c.distinctEvents) + (c.rowsWithManyWorkItems ?? 0);
    results[`${r}/${p}`] = {
      deliveries: m.deliveries,
      events: m.events,
      sent: w.requests,
      rate: w.requests / (w.duration_us / 1e6),
      seconds: w.duration_us / 1e6,
      p50: w.p50_us / 1000,
      p90: w.p90_us / 1000,
      p99: w.p99_us / 1000,
      p999: w.p999_us / 1000,
      max: w.max_us / 1000,
      non2xx: w.status,
      socketErrors: w.connect + w.read + w.write + w.timeout,
      stored: c.stored,
      distinct: c.distinctEvents,
      lostStored: m.events - c.distinctEvents,
      applied: r === 'app' ? c.products : null,
      lostApplied: r === 'app' ? m.events - c.products : null,
      lost: Math.max(m.events - c.distinctEvents, r === 'app' ? m.events - c.products : 0),
      pending: c.pending ?? null,
      twice,
      reclaimed: c.rowsClaimedMoreThanOnce ?? null,
      waited: c.waitedMs === undefined ? null : c.waitedMs / 1000,
      applyRate: c.processedSpanMs ? c.applied / (c.processedSpanMs / 1000) : null,
      statuses: c.statuses ?? null,
    };
  }
}

const has = (r) => phases.some((p) => results[`${r}/${p}`]);
const fmt = (v, digits = 2) => (v === null || v === undefined ? '-' : typeof v === 'number' && !Number.isInteger(v)
  ? v.toFixed(digits) : String(v));
const row = (label, key, digits, ratio) => (phase) => {
  const a = results[`app/${phase}`]?.[key];
  const n = results[`node/${phase}`]?.[key];
  const q = ratio && a != null && n ? (a / n).toFixed(2) : '';
  return `  ${label.padEnd(40)}${fmt(a, digits).padStart(12)}${fmt(n, digits).padStart(12)}${q.padStart(12)}`;
};
const lines = [
  row('deliveries sent / built', 'sent', 0),
  row('events (deliveries less repeats)', 'events', 0),
  row('achieved req/s', 'rate', 0, true),
  row('wall s', 'seconds', 1),
  row('p50 ms', 'p50', 2, true),
  row('p90 ms', 'p90', 2, true),
  row('p99 ms', 'p99', 2, true),
  row('p99.9 ms', 'p999', 2, true),
  row('max ms', 'max', 1),
  row('non-2xx (status >= 400)', 'non2xx', 0),
  row('socket errors and timeouts', 'socketErrors', 0),
  row('inbox rows stored', 'stored', 0),
  row('distinct events stored', 'distinct', 0),
  row('lost (events not stored)', 'lostStored', 0),
  row('events applied once (products)', 'applied', 0),
  row('lost (events not applied)', 'lostApplied', 0),
  row('applied twice (rows or work > 1)', 'twice', 0),
  row('not processed when counted', 'pending', 0),
  row('work claimed more than once', 'reclaimed', 0),
  row('processing wait after the phase, s', 'waited', 1),
  row('applied/s, first received to last done', 'applyRate', 0),
];

const bodyKb = meta.saturation.bytes / meta.saturation.deliveries / 1024;
const repeatShare = (100 * meta.saturation.repeats) / meta.saturation.deliveries;
console.log();
console.log(`Webhook ingress benchmark: products/update deliveries of ${bodyKb.toFixed(1)} KB, ${repeatShare.toFixed(1)}%`
  + ` repeats of an earlier event; wrk, ${threads} threads; every delivery sent once`);
console.log(`  ${''.padEnd(40)}${'app'.padStart(12)}${'node'.padStart(12)}${'app/node'.padStart(12)}`);
for (const [phase, title] of [
  ['paced', `paced at ${rate} req/s, ${pacedConnections} connections`],
  ['saturation', `saturation, ${saturationConnections} connections`],
]) {
  console.log(title);
  for (const line of lines) console.log(line(phase));
}
const warm = receivers.filter((r) => results[`${r}/warmup`])
  .map((r) => `${r} ${results[`${r}/warmup`].sent} sent, ${results[`${r}/warmup`].distinct} stored`);
console.log(`warm-up (untimed, ${meta.warmup.deliveries} deliveries): ${warm.join('; ') || '-'}`);
if (has('app')) {
  for (const p of phases) {
    const s = results[`app/${p}`]?.statuses;
    if (s) console.log(`app inbox statuses, ${p}: ${JSON.stringify(s)}`);
  }
}

// Targets.
const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : 'MISSED');
const sum = (r, key) => phases.reduce((t, p) => t + (results[`${r}/${p}`]?.[key] ?? 0), 0);
const appP99 = results['app/paced']?.p99 ?? null;
const satRatio = results['app/saturation'] && results['node/saturation']
  ? results['app/saturation'].rate / results['node/saturation'].rate : null;
const incomplete = Object.entries(results).filter(([, v]) => v.sent !== v.deliveries).map(([k]) => k);
const lost = receivers.filter(has).map((r) => `${r} ${sum(r, 'lost')}`);
const lostTotal = receivers.filter(has).reduce((t, r) => t + sum(r, 'lost'), 0);
const twiceTotal = receivers.filter(has).reduce((t, r) => t + sum(r, 'twice'), 0);
console.log('Targets');
console.log(`  ${'paced p99 <= 5 ms (app)'.padEnd(40)}${fmt(appP99).padStart(12)} ms  ${verdict(appP99 === null ? null : appP99 <= 5)}`);
console.log(`  ${'saturation req/s >= Node receiver'.padEnd(40)}${(satRatio === null ? '-' : satRatio.toFixed(2) + 'x').padStart(12)}     ${verdict(satRatio === null ? null : satRatio >= 1)}`);
console.log(`  ${'0 lost (all phases)'.padEnd(40)}${lost.join(', ').padStart(12)}     ${verdict(has('app') || has('node') ? lostTotal === 0 : null)}`);
console.log(`  ${'0 applied twice (all phases)'.padEnd(40)}${String(twiceTotal).padStart(12)}     ${verdict(has('app') || has('node') ? twiceTotal === 0 : null)}`);
if (!has('app')) console.log('  (app not measured: --node-only)');
if (incomplete.length) console.log(`  WARNING: wrk's time bound ended ${incomplete.join(', ')} before every delivery was sent`);
