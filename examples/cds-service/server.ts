/**
 * A CDS Hooks 2.0 service over node:http, built on `createCdsService`: discovery, `patient-view`,
 * `encounter-discharge` and feedback, with the CDS client's JWT verified by `jose`. The library itself
 * does no HTTP, no network and no authentication; this file is the host's part, about a hundred lines.
 *
 * Run:   CDS_CLIENT_JWKS=client-jwks.json CDS_CLIENT_ISSUER=https://epj.example.no npx tsx examples/cds-service/server.ts
 * Then:  GET http://localhost:3000/cds-services, POST http://localhost:3000/cds-services/oppfolgingsteam
 *
 * In your own code, import from 'oppfolgingsteam/cds-hooks' instead of the source file below.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { CdsCard, CdsServiceOptions, FeedbackRecord } from '../../src/services/cdsHooks.js';
import { createCdsService } from '../../src/services/cdsHooks.js';

/** What the server needs: the CDS clients it trusts, and where it is reached. */
export interface CdsServerOptions {
  /** The public keys of the trusted CDS clients (their JWKS), as `jose` reads them. */
  readonly clientKeys: JWTVerifyGetKey;
  /** The issuers (`iss`) of the trusted CDS clients. */
  readonly issuers: readonly string[];
  /**
   * The address clients call, e.g. `https://cds.example.no`: each JWT's `aud` must be the called endpoint
   * under it. Configured, never taken from the request's Host header, which the caller chooses.
   * A function is read per request (for a port known only after `listen`).
   */
  readonly baseUrl: string | (() => string);
  /** Options for the service (language, date, data-quality card, …). */
  readonly service?: CdsServiceOptions;
  /** Where feedback records go; by default they are kept in memory. */
  readonly storeFeedback?: (records: readonly FeedbackRecord[]) => void;
}

const MAX_BODY = 10 * 1024 * 1024;
const MAX_ISSUED = 10_000;

/** A node:http server that answers CDS Hooks calls. Call `listen` on it. */
export function cdsServer(options: CdsServerOptions): Server {
  // Cards issued, by UUID, so feedback can be matched by id. A real host keeps them in its database.
  const issued = new Map<string, CdsCard>();
  const stored: FeedbackRecord[] = [];
  const service = createCdsService({ ...options.service, issuedCardLookup: (id) => issued.get(id) });
  const base = () => (typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).replace(/\/$/, '');

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  /** The CDS client's JWT (CDS Hooks 2.0, "Trusting CDS Clients"): signed by a trusted client, for this endpoint, not expired. */
  const authorized = async (req: IncomingMessage, path: string, serviceId: string): Promise<boolean> => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return false;
    try {
      await jwtVerify(token, options.clientKeys, {
        issuer: [...options.issuers],
        // The called endpoint; for feedback, clients name either the feedback endpoint or the service's.
        audience: [`${base()}${path}`, `${base()}/cds-services/${serviceId}`],
        algorithms: ['ES384', 'RS384'],
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
        maxTokenAge: '5 minutes',
      });
      return true;
    } catch {
      return false;
    }
  };

  const readBody = async (req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return { ok: false };
      chunks.push(chunk as Buffer);
    }
    try {
      return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    } catch {
      return { ok: false };
    }
  };

  return createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
      if (req.method === 'GET' && path === '/cds-services') return send(res, 200, (await service.discovery()).body);
      const m = /^\/cds-services\/([A-Za-z0-9\-._~]+)(\/feedback)?$/.exec(path);
      if (req.method !== 'POST' || !m) return send(res, 404, { error: 'not_found' });
      if (!(await authorized(req, path, m[1]!))) return send(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
      const body = await readBody(req);
      if (!body.ok)
        return send(res, 400, {
          error: 'invalid_request',
          issues: [{ path: '', code: 'invalid_json', message: 'The body is not JSON (or too large).' }],
        });
      if (m[2]) {
        const answer = await service.feedback(body.value);
        (options.storeFeedback ?? ((r) => stored.push(...r)))(answer.records);
        return send(res, answer.status, answer.body);
      }
      const answer = await service.call(m[1]!, body.value);
      if ('cards' in answer.body) {
        for (const card of answer.body.cards) if (card.uuid) issued.set(card.uuid, card);
        // Keep the store bounded: the oldest cards go first.
        for (const id of issued.keys()) if (issued.size > MAX_ISSUED) issued.delete(id);
      }
      return send(res, answer.status, answer.body);
    } catch {
      return send(res, 500, { error: 'internal' });
    }
  });
}

// Started directly: trust the clients in the JWKS file and listen.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const jwksFile = process.env['CDS_CLIENT_JWKS'];
  const issuer = process.env['CDS_CLIENT_ISSUER'];
  if (!jwksFile || !issuer) {
    console.error('Set CDS_CLIENT_JWKS (a JWKS file of the CDS client) and CDS_CLIENT_ISSUER (its iss).');
    process.exit(2);
  }
  const port = Number(process.env['PORT'] ?? 3000);
  const jwks = JSON.parse(readFileSync(jwksFile, 'utf8')) as JSONWebKeySet;
  const server = cdsServer({
    clientKeys: createLocalJWKSet(jwks),
    issuers: [issuer],
    baseUrl: process.env['BASE_URL'] ?? `http://localhost:${port}`,
  });
  server.listen(port, () => console.log(`CDS Hooks service on http://localhost:${port}/cds-services`));
}
