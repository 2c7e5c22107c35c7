// The pool and PgBouncer experiments of "Why SET LOCAL, not SET". Not run by CI.
//
// Needs Node 18+, `npm install pg@8` here, and the essay's setup block run in a database named
// setlocal (invoices_app / dev-only). Each run fires 2,000 concurrent requests through a
// node-postgres pool of four connections, alternating tenants 1 and 2, and counts what each
// request read:
//   node leak.js 5432 session 50   # direct, set_config(..., false), every 50th request forgets
//   node leak.js 5432 local 50     # direct, BEGIN; set_config(..., true); query; COMMIT
//   node leak.js 6432 session 0    # through PgBouncer (pgbouncer.ini here), nobody forgets
//   node leak.js 6432 local 0
// Restart PgBouncer before each run so that it starts with unset server connections.
// Swap the policy between runs with the essay's blocks (the setup's, or current_tenant_id()).
const { Pool } = require('pg');
const [port, style, forgetEvery, n = '2000'] = process.argv.slice(2);
const pool = new Pool({ host: '127.0.0.1', port: +port, database: 'setlocal', user: 'invoices_app', password: 'dev-only', max: 4 });
const tally = {};
const bump = (k) => (tally[k] = (tally[k] || 0) + 1);
async function request(i) {
  const tenant = String((i % 2) + 1);
  const forgets = +forgetEvery > 0 && i % +forgetEvery === +forgetEvery - 1;
  const tag = forgets ? 'forgot' : 'set';
  const c = await pool.connect();
  try {
    let rows;
    if (style === 'session') {
      if (!forgets) await c.query("SELECT set_config('app.tenant_id', $1, false)", [tenant]);
      rows = (await c.query('SELECT tenant_id FROM invoices')).rows;
    } else {
      await c.query('BEGIN');
      try {
        if (!forgets) await c.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
        rows = (await c.query('SELECT tenant_id FROM invoices')).rows;
        await c.query('COMMIT');
      } catch (e) { await c.query('ROLLBACK'); throw e; }
    }
    if (rows.length === 0) bump(tag + ': empty');
    else if (rows.some((r) => String(r.tenant_id) !== tenant)) bump(tag + ': other tenant');
    else bump(tag + ': own tenant');
  } catch (e) {
    bump(tag + ': error ' + e.message);
  } finally {
    c.release();
  }
}
(async () => {
  await Promise.all(Array.from({ length: +n }, (_, i) => request(i)));
  await pool.end();
  console.log(JSON.stringify(tally));
})();
