'use strict';
// The benchmark's database work, each command printing one JSON line (or failing with a message on stderr):
//   node db.js setup-node  NODE_DB_URL ADMIN_URL SHOP
//       creates the Node receiver's database if missing (through ADMIN_URL, a superuser, owner: NODE_DB_URL's user),
//       recreates its tables `shops` and `webhook_inbox` (the app's inbox columns and unique key, no row-level
//       security) and registers SHOP.
//   node db.js app-shop    APP_DB_URL SHOP
//       the app's id of SHOP, read from `shops`; fails unless the shop is installed.
//   node db.js count-node  NODE_DB_URL PREFIX
//       inbox rows whose event id starts with PREFIX, and their distinct event ids.
//   node db.js count-app   APP_DB_URL SHOP_ID PREFIX PRODUCT_LO PRODUCT_HI WAIT_SECONDS
//       waits (at most WAIT_SECONDS) until every inbox row of the prefix has processed_at, then counts the rows, their
//       distinct event ids, their statuses, the products of the id range, and the fair-dispatch work items per row.
//       Connects as the schema owner: the tables FORCE row-level security, so the session first sets
//       app.current_shop_id, which their policies admit.

const { Client } = require('pg');

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function setupNode(nodeUrl, adminUrl, shop) {
  const target = new URL(nodeUrl);
  const database = decodeURIComponent(target.pathname.slice(1));
  const owner = decodeURIComponent(target.username);
  await withClient(adminUrl, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await c.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)} ENCODING 'UTF8'`);
    }
  });
  await withClient(nodeUrl, async (c) => {
    await c.query(`
      SET client_min_messages = warning;
      DROP TABLE IF EXISTS webhook_inbox;
      DROP TABLE IF EXISTS shops;
      CREATE TABLE shops (
          id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          shop_domain text NOT NULL UNIQUE
      );
      CREATE TABLE webhook_inbox (
          id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          shop_id      uuid        NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
          topic        text        NOT NULL,
          webhook_id   text,
          event_id     text        NOT NULL,
          triggered_at timestamptz,
          api_version  text,
          body         text        NOT NULL,
          received_at  timestamptz NOT NULL DEFAULT now(),
          status       text        NOT NULL DEFAULT 'received',
          processed_at timestamptz,
          outcome      text,
          CONSTRAINT webhook_inbox_one_per_event UNIQUE (shop_id, event_id)
      );
      CREATE INDEX webhook_inbox_pending ON webhook_inbox (shop_id, id) WHERE status = 'received';`);
    await c.query('INSERT INTO shops (shop_domain) VALUES ($1)', [shop]);
  });
  return { database, owner };
}

async function appShop(url, shop) {
  return withClient(url, async (c) => {
    const r = await c.query('SELECT id, uninstalled_at FROM shops WHERE shop_domain = $1', [shop]);
    if (r.rowCount === 0) throw new Error(`shop ${shop} is not registered with the app`);
    if (r.rows[0].uninstalled_at) throw new Error(`shop ${shop} is uninstalled`);
    return { id: r.rows[0].id };
  });
}

async function countNode(url, prefix) {
  return withClient(url, async (c) => {
    const r = await c.query(
      'SELECT count(*)::bigint AS stored, count(DISTINCT event_id)::bigint AS distinct_events FROM webhook_inbox' +
        " WHERE event_id LIKE $1 || '%'", [prefix]);
    return { stored: Number(r.rows[0].stored), distinctEvents: Number(r.rows[0].distinct_events) };
  });
}

async function countApp(url, shopId, prefix, lo, hi, waitSeconds) {
  return withClient(url, async (c) => {
    await c.query("SELECT set_config('app.current_shop_id', $1, false)", [shopId]);
    const started = Date.now();
    let pending;
    for (;;) {
      const r = await c.query(
        "SELECT count(*)::bigint AS n FROM webhook_inbox WHERE event_id LIKE $1 || '%' AND processed_at IS NULL",
        [prefix]);
      pending = Number(r.rows[0].n);
      if (pending === 0 || Date.now() - started > waitSeconds * 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const waitedMs = Date.now() - started;
    const rows = (await c.query(
      'SELECT count(*)::bigint AS stored, count(DISTINCT event_id)::bigint AS distinct_events,' +
        " count(*) FILTER (WHERE status = 'applied')::bigint AS applied," +
        ' round(extract(epoch FROM max(processed_at) - min(received_at)) * 1000)::bigint AS span_ms' +
        " FROM webhook_inbox WHERE event_id LIKE $1 || '%'", [prefix])).rows[0];
    const statuses = Object.fromEntries((await c.query(
      "SELECT status, count(*)::bigint AS n FROM webhook_inbox WHERE event_id LIKE $1 || '%' GROUP BY status",
      [prefix])).rows.map((r) => [r.status, Number(r.n)]));
    const products = (await c.query(
      'SELECT count(*)::bigint AS n FROM products WHERE product_id BETWEEN $1 AND $2 AND deleted_at IS NULL',
      [lo, hi])).rows[0];
    // One webhook work item drains all of a shop's waiting rows, so work is counted per drain, not per row.
    const work = (await c.query(
      "SELECT count(*)::bigint AS drains, count(*) FILTER (WHERE attempts > 1)::bigint AS reclaimed FROM work_items" +
        " WHERE kind = 'webhook' AND enqueued_at >= (SELECT min(received_at) FROM webhook_inbox" +
        "       WHERE event_id LIKE $1 || '%')",
      [prefix])).rows[0];
    return {
      stored: Number(rows.stored),
      distinctEvents: Number(rows.distinct_events),
      pending,
      waitedMs,
      applied: Number(rows.applied),
      statuses,
      products: Number(products.n),
      processedSpanMs: rows.span_ms === null ? null : Number(rows.span_ms),
      drainItems: Number(work.drains),
      rowsWithManyWorkItems: 0,
      rowsClaimedMoreThanOnce: Number(work.reclaimed),
    };
  });
}

function ident(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function main() {
  const [command, ...a] = process.argv.slice(2);
  const commands = {
    'setup-node': () => setupNode(a[0], a[1], a[2]),
    'app-shop': () => appShop(a[0], a[1]),
    'count-node': () => countNode(a[0], a[1]),
    'count-app': () => countApp(a[0], a[1], a[2], a[3], a[4], Number(a[5])),
  };
  if (!commands[command]) throw new Error(`unknown command ${command}; see the head of db.js`);
  process.stdout.write(JSON.stringify(await commands[command]()) + '\n');
}

main().catch((e) => {
  console.error(`db.js: ${e.message}`);
  process.exit(1);
});
