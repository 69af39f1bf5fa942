'use strict';
// Writes N signed products/update deliveries for deliver.lua, one a line, tab-separated:
//   topic, shop domain, API version, X-Shopify-Hmac-Sha256, X-Shopify-Webhook-Id, X-Shopify-Event-Id,
//   X-Shopify-Triggered-At, body
// and prints what it wrote as one JSON line (deliveries, events, repeats, the product id range, the event id prefix).
//
// Every event updates its own product, so the products a receiver applied can be counted. A share of the deliveries
// (--repeat, default 0.05) repeats an earlier event: same event id, same body bytes, same signature, same
// triggered-at, a new webhook id, as Shopify's retries and second subscriptions do. Bodies are ASCII JSON in the
// REST resource shape the simulator sends (shopify-simulator .../webhook/RestPayloads.java), about 2.4 KB each.
//
// Ids stay below 2^53 (exact in JSON numbers everywhere): product ids are
//   4e15 + (run mod 4e6) * 1e9 + phase * 1e7 + k     (k < 1e7),
// so runs and phases never share a product; event ids are UUID-shaped, "<run 8 hex>-<phase 4 hex>-4000-8000-<k>",
// so a run's phase is counted with event_id LIKE '<prefix>%'.
//
// Usage: node deliveries.js --out FILE --count N --phase P --run R --secret S --shop DOMAIN
//                           [--repeat 0.05] [--api-version 2026-04] [--seed 1]

const crypto = require('node:crypto');
const fs = require('node:fs');

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`bad argument ${argv[i]}`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

// mulberry32: a small seeded PRNG, so a run's repeat positions can be reproduced.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n, width) => n.toString(16).padStart(width, '0');

function product(ids, k, at) {
  const productId = ids.product(k);
  const gid = `gid://shopify/Product/${productId}`;
  const variants = [0, 1].map((j) => {
    const id = ids.variant(k, j);
    return {
      admin_graphql_api_id: `gid://shopify/ProductVariant/${id}`,
      barcode: `40${hex(k, 10)}${j}`,
      compare_at_price: null,
      created_at: '2026-01-15T09:30:00Z',
      id,
      inventory_policy: 'deny',
      position: j + 1,
      price: (19.99 + j * 5).toFixed(2),
      product_id: productId,
      sku: `BENCH-${k}-${j === 0 ? 'S' : 'M'}`,
      taxable: true,
      title: j === 0 ? 'Small' : 'Medium',
      updated_at: at,
      option1: j === 0 ? 'Small' : 'Medium',
      option2: null,
      option3: null,
      inventory_quantity: 10 + (k % 50),
    };
  });
  const mediaId = ids.media(k);
  const imageId = ids.image(k);
  const src = `https://cdn.shopify.com/s/files/1/0000/0001/products/bench-${k}.jpg`;
  const image = { id: imageId, alt: `Bench product ${k}`, position: 1, product_id: productId, src, width: 800,
    height: 800 };
  return {
    admin_graphql_api_id: gid,
    body_html: `<p>Benchmark product ${k}: a webhook-delivered update of a product that exists only in this run.</p>`,
    created_at: '2026-01-15T09:30:00Z',
    handle: `bench-product-${k}`,
    id: productId,
    product_type: 'Bench',
    published_at: '2026-01-15T09:30:00Z',
    template_suffix: null,
    title: `Bench product ${k}`,
    updated_at: at,
    vendor: 'Neanelu Bench',
    status: 'active',
    published_scope: 'global',
    tags: 'bench, webhooks',
    variants,
    options: [{ name: 'Size', position: 1, product_id: productId, values: ['Small', 'Medium'] }],
    images: [image],
    image,
    media: [{
      id: mediaId,
      product_id: productId,
      position: 1,
      created_at: '2026-01-15T09:30:00Z',
      alt: `Bench product ${k}`,
      status: 'READY',
      media_content_type: 'IMAGE',
      preview_image: { width: 800, height: 800, src, status: 'READY' },
      variant_ids: [],
      admin_graphql_api_id: `gid://shopify/MediaImage/${mediaId}`,
    }],
  };
}

function main() {
  const a = args(process.argv.slice(2));
  for (const required of ['out', 'count', 'phase', 'run', 'secret', 'shop']) {
    if (a[required] === undefined) {
      throw new Error(`--${required} is required`);
    }
  }
  const count = Number(a.count);
  const phase = Number(a.phase);
  const run = Number(a.run);
  const repeatShare = Number(a.repeat ?? '0.05');
  const apiVersion = a['api-version'] ?? '2026-04';
  if (!Number.isInteger(count) || count < 1 || count >= 1e7) throw new Error('--count must be 1..9999999');
  if (!Number.isInteger(phase) || phase < 0 || phase > 9) throw new Error('--phase must be 0..9');
  if (!Number.isInteger(run) || run < 0) throw new Error('--run must be a non-negative integer');
  if (!(repeatShare >= 0 && repeatShare < 1)) throw new Error('--repeat must be in [0, 1)');

  const base = 4e15 + (run % 4e6) * 1e9;
  const kOf = (k) => phase * 1e7 + k;
  const ids = {
    product: (k) => base + kOf(k),
    variant: (k, j) => base + 2e8 + 2 * kOf(k) + j,
    media: (k) => base + 6e8 + kOf(k),
    image: (k) => base + 8e8 + kOf(k),
  };
  const prefix = `${hex(run % 2 ** 32, 8)}-${hex(phase, 4)}-4000-`;
  const eventId = (k) => `${prefix}8000-${hex(k, 12)}`;
  const webhookId = (n) => `${prefix}9000-${hex(n, 12)}`;

  // Which delivery positions repeat an earlier event: exactly round(count * share) of them, never the first.
  const random = prng(Number(a.seed ?? '1') ^ run ^ (phase << 24));
  const repeats = Math.min(Math.round(count * repeatShare), count - 1);
  const isRepeat = new Uint8Array(count);
  for (let placed = 0; placed < repeats;) {
    const i = 1 + Math.floor(random() * (count - 1));
    if (!isRepeat[i]) {
      isRepeat[i] = 1;
      placed++;
    }
  }

  const secret = Buffer.from(a.secret, 'utf8');
  const originals = []; // delivery lines of the events so far, by k
  const fd = fs.openSync(a.out, 'w');
  let bytes = 0;
  let pending = [];
  const flush = () => {
    const chunk = pending.join('');
    fs.writeSync(fd, chunk);
    bytes += Buffer.byteLength(chunk);
    pending = [];
  };
  for (let n = 0; n < count; n++) {
    let fields;
    if (isRepeat[n]) {
      // A repeat of one of the last 5,000 events: a retry minutes later or a second subscription at once.
      const from = Math.max(0, originals.length - 5000);
      const source = originals[from + Math.floor(random() * (originals.length - from))];
      fields = { ...source, webhookId: webhookId(n) };
    } else {
      const k = originals.length;
      const at = new Date().toISOString();
      const body = JSON.stringify(product(ids, k, at));
      const hmac = crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64');
      fields = { hmac, webhookId: webhookId(n), eventId: eventId(k), at, body };
      originals.push(fields);
    }
    pending.push(['products/update', a.shop, apiVersion, fields.hmac, fields.webhookId, fields.eventId, fields.at,
      fields.body].join('\t') + '\n');
    if (pending.length >= 1000) {
      flush();
    }
  }
  flush();
  fs.closeSync(fd);
  process.stdout.write(JSON.stringify({
    file: a.out,
    deliveries: count,
    events: originals.length,
    repeats,
    productLo: ids.product(0),
    productHi: ids.product(originals.length - 1),
    eventPrefix: prefix,
    bytes,
  }) + '\n');
}

main();
