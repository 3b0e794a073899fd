import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { CryptoKey, JWK } from 'jose';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsServer } from '../../../examples/cds-service/server.js';
import { patientViewRequest } from '../../../examples/node-epj/ehr.js';
import type { CdsHooksResponse } from '../../../src/services/cdsHooks.js';
import { CdsDiscovery, validateCdsResponse } from '../../../src/services/cdsHooks.js';
import { readJson, right } from '../../support/helpers.js';

/*
 * The example service (examples/cds-service) started on a random port and called over HTTP as a CDS
 * client would: a CDS Hooks 2.0 `patient-view` request for Klara with her record as prefetch, signed
 * with the client's key. What a vendor gets from about a hundred lines of host code.
 */

const ISSUER = 'https://epj.example.no';
let server: Server;
let base: string;
let clientKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const client = await generateKeyPair('ES384');
  clientKey = client.privateKey;
  otherKey = (await generateKeyPair('ES384')).privateKey;
  const jwk: JWK = { ...(await exportJWK(client.publicKey)), kid: 'epj-2026', alg: 'ES384', use: 'sig' };
  // The base URL is known once the port is: the JWT audience names it.
  server = cdsServer({
    clientKeys: createLocalJWKSet({ keys: [jwk] }),
    issuers: [ISSUER],
    baseUrl: () => base,
    service: { today: '2026-11-23' },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A CDS client's JWT (CDS Hooks 2.0): iss, sub, aud (the endpoint), exp, iat, jti, signed with ES384. */
function jwt(audience: string, key: CryptoKey = clientKey, expires = '5m'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', kid: 'epj-2026', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject('epj-client-1')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .setJti(randomUUID())
    .sign(key);
}

/** A realistic request: a fresh hook instance, the FHIR server, no fhirAuthorization (all is prefetched), Klara's record. */
function klaraRequest(): Record<string, unknown> {
  const request = patientViewRequest(readJson('examples/fhir/klara.json') as never, randomUUID(), 'Practitioner/gp-anne');
  expect(request).not.toHaveProperty('fhirAuthorization');
  return request;
}

async function post(path: string, body: string, token?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, json: await res.json() };
}

describe('the example CDS service over HTTP', () => {
  it('GET /cds-services answers the discovery document', async () => {
    const res = await fetch(`${base}/cds-services`);
    expect(res.status).toBe(200);
    const body = CdsDiscovery.parse(await res.json());
    expect(body.services.map((s) => s.hook)).toEqual(['patient-view', 'encounter-discharge']);
  });

  it('a signed patient-view request gets 200 with valid cards, and feedback on one is matched by its id', async () => {
    const path = '/cds-services/oppfolgingsteam';
    const answer = await post(path, JSON.stringify(klaraRequest()), await jwt(`${base}${path}`));
    expect(answer.status).toBe(200);
    const response = right(validateCdsResponse(answer.json)) as CdsHooksResponse;
    expect(response.cards.map((c) => c.summary)).toContain('Vurder strukturert tverrfaglig oppfølging');
    const card = response.cards[0]!;
    const feedback = {
      feedback: [
        {
          card: card.uuid,
          outcome: 'overridden',
          overrideReason: { reason: card.overrideReasons![0] },
          outcomeTimestamp: '2026-11-23T10:15:00Z',
        },
      ],
    };
    const fb = await post(`${path}/feedback`, JSON.stringify(feedback), await jwt(`${base}${path}/feedback`));
    expect(fb).toEqual({ status: 200, json: { matched: 1, unknown: [] } });
  });

  it.each([
    ['no JWT', async () => undefined],
    ['a JWT signed by another key', async () => jwt(`${base}/cds-services/oppfolgingsteam`, otherKey)],
    ['a JWT for another endpoint', async () => jwt(`${base}/cds-services/other`)],
    ['an expired JWT', async () => jwt(`${base}/cds-services/oppfolgingsteam`, clientKey, '-1m')],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
  ])('401 for %s, before the body is read', async (_what, token) => {
    const answer = await post('/cds-services/oppfolgingsteam', JSON.stringify(klaraRequest()), await token());
    expect(answer).toEqual({ status: 401, json: { error: 'unauthorized' } });
  });

  it('400 for a body that is not JSON, and for one that is not a patient-view request, naming the field', async () => {
    const path = '/cds-services/oppfolgingsteam';
    const notJson = await post(path, '{"hook": "patient-view",', await jwt(`${base}${path}`));
    expect(notJson.status).toBe(400);
    const bad = await post(path, JSON.stringify({ ...klaraRequest(), hookInstance: 'abc' }), await jwt(`${base}${path}`));
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: 'invalid_request',
      issues: [{ path: 'hookInstance', code: 'invalid_format', message: expect.stringContaining('hookInstance') }],
    });
  });

  it('404 for a service that does not exist', async () => {
    const path = '/cds-services/nope';
    const answer = await post(path, JSON.stringify(klaraRequest()), await jwt(`${base}${path}`));
    expect(answer.status).toBe(404);
  });
});
