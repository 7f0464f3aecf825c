/**
 * The limit: one hand-written statement per scenario (bench/scenarios.ts HAND_SQL) behind a bare
 * node:http server. POST /<scenario> with the scenario's variables as JSON; the answer is
 * `{"data": <the statement's JSON text>}`, forwarded without parsing it.
 */
import 'reflect-metadata'; // scenarios.ts reads the completeness module's public face
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { HAND_SQL } from '../scenarios';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const hand = HAND_SQL[(req.url ?? '/').slice(1)];
    if (!hand) {
      res.statusCode = 404;
      return res.end();
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : {};
    pool.query(hand.sql, hand.params(body.variables ?? {})).then(
      ({ rows }) => {
        res.setHeader('content-type', 'application/json');
        res.end(`{"data":${rows[0].j}}`);
      },
      (err: Error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ errors: [{ message: err.message }] }));
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
