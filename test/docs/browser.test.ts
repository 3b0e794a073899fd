import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRuleSetIds, evaluateParsed, loadBundledRuleSet } from '../../src/index.js';
import { nameBasedUuid, toCards } from '../../src/adapters/cdsHooks/index.js';
import { personFromBundle } from '../../src/adapters/fhir/index.js';
import type { Lang } from '../../src/index.js';
import { buildBrowserExample } from '../../examples/browser/build.js';
import { browserGate, browserNotice, chromiumPath } from '../support/browserGate.js';
import { readJson, right, ROOT } from '../support/helpers.js';

/*
 * The browser example, built from the package source with esbuild, served on 127.0.0.1 and opened
 * in Debian's headless Chromium through playwright-core. The cards on the page must be the cards the
 * library gives in Node for the same record. Without Chromium it is skipped with a notice that says
 * how to run it, except under CI=true, where it fails (test/support/browserGate.ts).
 */

const CHROMIUM = chromiumPath(process.env);
const GATE = browserGate(process.env, existsSync(CHROMIUM));
// Shown outside the test's own output, where a newcomer running `npm test` sees it.
if (GATE === 'skip') process.stderr.write(`\n[browser test skipped] ${browserNotice(CHROMIUM)}\n\n`);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DIR = join(ROOT, 'examples/browser');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

let server: ReturnType<typeof createServer> | undefined;
let url = '';

// Only where the browser is missing: the skipped test's name is the notice, in the test report too.
if (GATE === 'skip') describe('browser example (skipped: no Chromium)', () => it.skip(browserNotice(CHROMIUM), () => {}));

describe.runIf(GATE !== 'skip')('browser example', () => {
  beforeAll(async () => {
    await buildBrowserExample();
    server = createServer((req, res) => {
      const path = normalize(join(DIR, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html')));
      if (!path.startsWith(DIR) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  function expectedSummaries(name: string, lang: Lang): string[] {
    const person = right(personFromBundle(readJson(`examples/fhir/${name}.json`), { lang })).person;
    return bundledRuleSetIds().flatMap((id) => {
      const rs = right(loadBundledRuleSet(id, { lang }));
      const d = evaluateParsed(rs, person, { asOf: '2026-11-23', lang });
      return right(
        toCards(d, rs, {
          hookInstance: nameBasedUuid(['browser', name]),
          patient: `Patient/${name}`,
          user: `Practitioner/gp-${name}`,
          lang,
        }),
      ).map((c) => c.summary);
    });
  }

  describe('the page', () => {
    it('type-checks against the DOM types', () => {
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const r = spawnSync(process.execPath, [tsc, '-p', join(DIR, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
      // One tsc run: close to a minute on two busy cores.
    }, 240_000);

    it('shows the same cards as Node, in three languages, and turns a click into FHIR and feedback', async () => {
      expect(GATE, browserNotice(CHROMIUM)).toBe('run');
      const profile = mkdtempSync(join(tmpdir(), 'oppfolgingsteam-chromium-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
      const errors: string[] = [];
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        await page.goto(url);
        await page.locator('.card').first().waitFor({ timeout: 20_000 });
        expect(await page.locator('.card h2').allTextContents()).toEqual(expectedSummaries('klara', 'nb'));
        // For people checking the page by eye: .tmp/ is git-ignored.
        mkdirSync(join(ROOT, '.tmp'), { recursive: true });
        await page.screenshot({ path: join(ROOT, '.tmp/browser-example.png') });

        await page.selectOption('#lang', 'nn');
        await page.selectOption('#person', 'morten');
        await expect.poll(() => page.locator('.card h2').allTextContents()).toEqual(expectedSummaries('morten', 'nn'));
        expect(await page.locator('#status').textContent()).toContain('Vurdert per 2026-11-23');

        await page.selectOption('#lang', 'nb');
        await page.selectOption('#person', 'klara');
        await page.locator('.card button.primary').first().click();
        await expect.poll(() => page.locator('#log').textContent()).toContain('"resourceType": "Task"');
        expect(await page.locator('#log').textContent()).toContain('"outcome": "accepted"');
        await page.locator('.card .override button').nth(1).click();
        await expect.poll(() => page.locator('#log').textContent()).toContain('"outcome": "overridden"');
        // No markup from a rule text or record reaches the page unescaped.
        expect(await page.locator('.card .detail script').count()).toBe(0);

        expect(errors).toEqual([]);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    });
  });
});
