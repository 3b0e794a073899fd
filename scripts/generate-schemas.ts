/**
 * Writes JSON Schemas for the file formats into `schemas/`, generated from the zod schemas so the two
 * can never drift. A test fails when a committed schema is stale: run `npm run schemas` after a change.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from './schemas.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
for (const [name, text] of Object.entries(renderSchemas())) writeFileSync(dir + name, text);
