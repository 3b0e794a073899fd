import { canonicalJson, sha256, utf8 } from './sha256.js';

/*
 * Name-based UUIDs (RFC 9562 §5.8, version 8, built as in its appendix B.2: SHA-256 over a namespace
 * UUID and a name). The same parts always give the same UUID, so cards, suggestions and resource
 * identifiers can be replayed, de-duplicated and tested without a random source.
 */

/** The library's namespace UUID. Fixed forever: changing it would change every derived id. */
export const OPPFOLGINGSTEAM_UUID_NAMESPACE = '6b8e898d-beee-45d1-9e71-0a748d62df74';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function format(b: Uint8Array): string {
  let h = '';
  for (let i = 0; i < 16; i++) h += b[i]!.toString(16).padStart(2, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A deterministic UUID (version 8, RFC 9562 variant) for an ordered list of parts. The parts are
 * serialised as canonical JSON, so `['a', 'b']` and `['ab']` never collide.
 */
export function nameBasedUuid(parts: readonly string[], namespace: string = OPPFOLGINGSTEAM_UUID_NAMESPACE): string {
  const ns = uuidBytes(namespace);
  const name = utf8(canonicalJson(parts));
  const input = new Uint8Array(ns.length + name.length);
  input.set(ns);
  input.set(name, ns.length);
  const b = sha256(input).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80; // version 8
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 9562 variant (10xx)
  return format(b);
}
