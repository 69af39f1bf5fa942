'use strict';
// The benchmark's baseline webhook receiver: plain node:http and pg, doing what the app's POST /webhooks does on the
// request thread and nothing more. Body read through a bound (Content-Length over it: 413 before reading; a body
// growing past it: 413 and the connection closed), HMAC-SHA256 of the exact bytes compared in constant time with
// crypto.timingSafeEqual, the body required to be a JSON object with a product payload's keys, the shop looked up in
// the database's `shops` (cached per domain), one INSERT ... ON CONFLICT (shop_id, event_id) DO NOTHING into
// `webhook_inbox` (autocommit), then 200. A repeated event stores nothing and is answered 200; an unknown shop is
// answered 200 and nothing is stored (as the app does). The app additionally queues a work item in the same
// transaction and runs under row-level security; this receiver does neither.
//
// Environment: PORT (28190), HOST (127.0.0.1), DATABASE_URL (postgres://neanelu:neanelu@127.0.0.1:54329/bench_webhooks),
// SHOPIFY_API_SECRET (the dev secret), WEBHOOK_MAX_BYTES (8388608), DB_POOL_MAX (20, as the app's DB_POOL_MAX).
// Prints "listening on http://HOST:PORT" once it accepts connections.

const crypto = require('node:crypto');
const http = require('node:http');
const { Pool } = require('pg');

const port = Number(process.env.PORT ?? '28190');
const host = process.env.HOST ?? '127.0.0.1';
const secret = Buffer.from(process.env.SHOPIFY_API_SECRET ?? 'neanelu-dev-client-secret-for-hs256-tokens', 'utf8');
const maxBytes = Number(process.env.WEBHOOK_MAX_BYTES ?? '8388608');
const pool = new Pool({
  connectionString: process.env.DATABASE_URL ?? 'postgres://neanelu:neanelu@127.0.0.1:54329/bench_webhooks',
  max: Number(process.env.DB_POOL_MAX ?? '20'),
});

const PRODUCT_KEYS = ['id', 'admin_graphql_api_id', 'updated_at'];
const INSERT =
  'INSERT INTO webhook_inbox (shop_id, topic, webhook_id, event_id, triggered_at, api_version, body)' +
  ' VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (shop_id, event_id) DO NOTHING';
const shopIds = new Map(); // domain -> Promise of the shop's id, or of null when unknown

function shopId(domain) {
  let id = shopIds.get(domain);
  if (!id) {
    id = pool.query('SELECT id FROM shops WHERE shop_domain = $1', [domain]).then((r) => r.rows[0]?.id ?? null);
    id.catch(() => shopIds.delete(domain));
    shopIds.set(domain, id);
  }
  return id;
}

function answer(res, status, detail, close) {
  const body = detail ? JSON.stringify({ status, detail }) : '';
  const headers = { 'Content-Length': Buffer.byteLength(body) };
  if (detail) headers['Content-Type'] = 'application/problem+json';
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

function verifies(body, header) {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header.trim(), 'base64');
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  // The digest's length is public (32 bytes); only equal lengths reach the constant-time compare.
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function triggeredAt(header) {
  if (typeof header !== 'string') return null;
  const t = Date.parse(header);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

async function deliver(req, res, body) {
  if (!verifies(body, req.headers['x-shopify-hmac-sha256'])) {
    return answer(res, 401, 'webhook signature is missing or does not verify');
  }
  let text;
  let json;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    json = JSON.parse(text);
  } catch {
    return answer(res, 401, 'the body is not a JSON object');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return answer(res, 401, 'the body is not a JSON object');
  }
  const topic = req.headers['x-shopify-topic'];
  if ((topic === 'products/create' || topic === 'products/update') &&
      PRODUCT_KEYS.some((k) => json[k] === undefined || json[k] === null)) {
    return answer(res, 401, `the body is not a ${topic} payload`);
  }
  const shop = await shopId(String(req.headers['x-shopify-shop-domain'] ?? '').toLowerCase());
  if (shop === null) {
    return answer(res, 200);
  }
  const webhookId = req.headers['x-shopify-webhook-id'] ?? null;
  const eventId = req.headers['x-shopify-event-id'] || (webhookId ? `webhook:${webhookId}` : `hmac:${req.headers['x-shopify-hmac-sha256']}`);
  await pool.query(INSERT, [shop, topic, webhookId, eventId, triggeredAt(req.headers['x-shopify-triggered-at']),
    req.headers['x-shopify-api-version'] ?? null, text.replaceAll('\u0000', '\ufffd')]);
  return answer(res, 200);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/webhooks') {
    req.resume();
    return answer(res, 404, 'not found');
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    return answer(res, 413, `webhook bodies are limited to ${maxBytes} bytes`, true);
  }
  const chunks = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      answer(res, 413, `webhook bodies are limited to ${maxBytes} bytes`, true);
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    deliver(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).catch((e) => {
      console.error(`delivery failed: ${e.message}`);
      if (!res.headersSent) answer(res, 500, 'the delivery could not be stored');
    });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    pool.end().finally(() => process.exit(0));
  });
}
