import { expect } from '@open-wc/testing';

/*
 * The test server's ClickHouse paths (test/clickhouse/wtr-plugin.mjs), as a page sees them:
 * the same-origin proxy to the two-shard cluster, the proxy with its upstream down, the
 * DuckDB oracle over the same rows, and the admin door the tests use to look at the server.
 */

const reader = { user: 'piccoli_reader', password: 'lettore-2026' };
const basic = (u: { user: string; password: string }) => `Basic ${btoa(`${u.user}:${u.password}`)}`;

async function ch(sql: string, init: RequestInit = {}): Promise<Response> {
  return fetch('/__ch__/', { method: 'POST', body: sql, headers: { Authorization: basic(reader) }, ...init });
}

async function oracle(sql: string): Promise<{ columns: string[]; types: string[]; rows: unknown[][] }> {
  const res = await fetch('/__duckdb_node__', { method: 'POST', body: sql });
  expect(res.status, await res.clone().text()).to.equal(200);
  return res.json();
}

describe('ClickHouse test harness', () => {
  it('the proxy answers as the cluster does: the Distributed table holds the rows DuckDB reads from the Parquet file', async () => {
    const sql = 'SELECT programme, count() AS n FROM piccoli.programme_events GROUP BY programme ORDER BY programme FORMAT JSONCompact';
    const res = await ch(sql);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/json/);
    const body = await res.json();
    const expected = await oracle('SELECT programme, count(*) AS n FROM programme_events GROUP BY programme ORDER BY programme');
    expect(expected.columns).to.deep.equal(['programme', 'n']);
    expect(expected.types).to.deep.equal(['VARCHAR', 'BIGINT']);
    // UInt64 arrives quoted from ClickHouse, BIGINT as a string from the oracle.
    expect(body.data).to.deep.equal(expected.rows);
    expect(body.data.length).to.equal(4);
  });

  it('the oracle writes dates as YYYY-MM-DD and reports a bad query with 400', async () => {
    const { rows } = await oracle("SELECT min(date) AS d FROM programme_events WHERE programme = 'piccoli'");
    expect(rows[0][0]).to.match(/^\d{4}-\d{2}-\d{2}$/);
    const bad = await fetch('/__duckdb_node__', { method: 'POST', body: 'SELECT nope FROM programme_events' });
    expect(bad.status).to.equal(400);
    expect((await bad.json()).error).to.match(/nope/);
  });

  it('credentials travel in X-ClickHouse-* headers and in the query string; a wrong password is 401', async () => {
    const viaHeaders = await fetch('/__ch__/', {
      method: 'POST',
      body: 'SELECT 1',
      headers: { 'X-ClickHouse-User': reader.user, 'X-ClickHouse-Key': reader.password },
    });
    expect(await viaHeaders.text()).to.equal('1\n');
    const viaQuery = await fetch(`/__ch__/?user=${reader.user}&password=${reader.password}&query=${encodeURIComponent('SELECT 2')}`);
    expect(await viaQuery.text()).to.equal('2\n');
    const wrong = await ch('SELECT 1', { headers: { Authorization: basic({ user: reader.user, password: 'nope' }) } });
    expect(wrong.status).to.equal(401);
    // Hidden by the proxy (as by the recipe): with it, the browser would open a login dialog.
    expect(wrong.headers.get('www-authenticate')).to.equal(null);
    expect(await wrong.text()).to.match(/^Code: 193, .*Wrong password for user piccoli_reader/);
  });

  it('a long answer streams through the proxy whole', async () => {
    const text = await (await ch('SELECT number FROM system.numbers LIMIT 300000')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines.length).to.equal(300000);
    expect(lines[299999]).to.equal('299999');
  });

  it('the proxy answers a preflight itself, with the CORS headers of the nginx recipe', async () => {
    const res = await fetch('/__ch__/', { method: 'OPTIONS' });
    expect(res.status).to.equal(204);
    expect(res.headers.get('access-control-allow-methods')).to.equal('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).to.contain('X-ClickHouse-Key');
    expect(res.headers.get('access-control-allow-headers')).to.contain('Authorization');
  });

  it('the closed upstream answers 502 as nginx does', async () => {
    const res = await fetch('/__ch_closed__/', { method: 'POST', body: 'SELECT 1' });
    expect(res.status).to.equal(502);
    expect(await res.text()).to.contain('<center><h1>502 Bad Gateway</h1></center>');
    expect((await fetch('/__ch_closed__/', { method: 'OPTIONS' })).status).to.equal(204);
  });

  it('the admin door runs SQL as the admin user (the readers cannot)', async () => {
    const res = await fetch('/__ch_admin__', {
      method: 'POST',
      body: "SELECT count() FROM system.processes WHERE user = 'piccoli_reader'",
    });
    expect(res.status).to.equal(200);
    expect(await res.text()).to.equal('0\n');
    const info = await (await fetch('/__ch_info__')).json();
    expect(info.users.reader).to.deep.equal(reader);
    expect(info.table).to.equal('programme_events');
    expect(info.perShard.length).to.equal(2);
  });
});
