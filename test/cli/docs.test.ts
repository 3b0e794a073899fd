import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli, copyFixture, editJson, ROOT, tempDir } from './run.js';

/* `oppfolgingsteam docs`: the rule catalogue, and that bad input writes nothing. */

const FILES = ['regelkatalog.html', 'regelkatalog.nb.md', 'regelkatalog.nn.md'];

describe('docs', () => {
  it('writes the catalogue in bokmål and nynorsk as Markdown and one self-contained HTML page', async () => {
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', 'rules', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Skrev 3 filer til ${out}:`);
    expect(readdirSync(out).sort()).toEqual(FILES);

    const nb = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8');
    // Every bundled rule set has its section, and every rule its heading.
    for (const f of readdirSync(join(ROOT, 'rules')).filter((x) => x.endsWith('.json') && !x.endsWith('.test.json'))) {
      const rs = JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as { id: string; title: { nb: string }; rules: { id: string }[] };
      expect(nb).toContain(`\n## ${rs.title.nb} (${rs.id})\n`);
      for (const rule of rs.rules) expect(nb).toContain(`\n#### ${rule.id}: `);
    }
    expect(nb).toContain('## Tidlig identifisering (identification)');
    expect(nb).toContain('#### ID-TARGET-GROUP: Vurder strukturert tverrfaglig oppfølging');
    // The rule in prose, generated from its conditions, with the parameter named.
    expect(nb).toContain(
      [
        '- **Gjelder når:**',
        '  - «targetGroup»: minst én av disse er oppfylt:',
        '    - «ng56MultimorbidityWithTrigger»: alle disse er oppfylt:',
        '      - «multimorbidity»: antall langvarige tilstander er minst 2',
        '      - «anyTrigger»: minst én av disse er oppfylt:',
        '        - personen har bedt om oppfølging: ja',
        '        - både somatisk og psykisk tilstand: ja',
        '        - «unplannedCare»: minst én av disse er oppfylt:',
        '          - antall akutte innleggelser siste 12 måneder er minst 2 (parameteren unplannedCareAdmissions)',
      ].join('\n'),
    );
    expect(nb).toContain('- **Kilde:** [NICE NG56 Multimorbidity: clinical assessment and management (2016), 1.2.1');
    expect(nb).toContain('  - **nynorsk:** Vurder strukturert tverrfagleg oppfølging.');
    expect(nb).toContain('    - Two long-term conditions and a physical-and-mental trigger: target group');
    expect(nb).toContain('- høy risiko fra 10 poeng (parameteren highRiskCutOff)');

    const nn = readFileSync(join(out, 'regelkatalog.nn.md'), 'utf8');
    expect(nn).toContain('### Namngjevne vilkår');
    expect(nn).toContain('      - «anyTrigger»: minst éin av desse er oppfylt:');
    expect(nn).toContain('- **Kjelde:**');
    expect(nn).toContain('  - venta utløyst:');

    const html = readFileSync(join(out, 'regelkatalog.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<section id="nb" lang="nb">');
    expect(html).toContain('<section id="nn" lang="nn">');
    expect(html).toContain('id="nb-identification-id-target-group"');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // Nothing that would make the browser fetch anything.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
  });

  it('escapes rule texts in HTML and Markdown', async () => {
    const dir = copyFixture();
    editJson(join(dir, 'sample.json'), (j) => {
      j.rules[0].text.nb = 'Se <script>alert(1)</script> og *dette* | her.';
    });
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', dir, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'regelkatalog.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Se &lt;script&gt;alert(1)&lt;/script&gt; og *dette* | her.');
    const md = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8');
    expect(md).toContain('Se \\<script\\>alert(1)\\</script\\> og \\*dette\\* \\| her.');
  });

  it('gives the same bytes every time, so a committed catalogue diffs cleanly', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    const runs = await Promise.all([cli(['docs', 'rules', '--out', a]), cli(['docs', 'rules', '--out', b])]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    for (const f of FILES) expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
  });

  it('writes nothing when the rules are invalid: no folder, and an old catalogue is left untouched (exit 2)', async () => {
    const dir = copyFixture();
    editJson(join(dir, 'sample.json'), (j) => {
      j.conditions.older.all[0].fact = 'agee';
    });
    const fresh = join(tempDir(), 'new-folder');
    const old = tempDir();
    writeFileSync(join(old, 'regelkatalog.nb.md'), 'old catalogue\n');
    const [a, b] = await Promise.all([cli(['docs', dir, '--out', fresh]), cli(['docs', dir, '--out', old])]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('Betingelsen «older», felt «all[0].fact» viser til faktumet «agee», som ikke finnes. Mente du «age»?');
    expect(a.stderr).toContain('oppfolgingsteam docs: Regelfilene har 1 feil; rett dem først');
    expect(existsSync(fresh)).toBe(false);
    expect(b.code).toBe(2);
    expect(readdirSync(old)).toEqual(['regelkatalog.nb.md']);
    expect(readFileSync(join(old, 'regelkatalog.nb.md'), 'utf8')).toBe('old catalogue\n');
  });

  it('writes nothing when the output cannot be written (exit 2)', async () => {
    const parent = tempDir();
    const notADir = join(parent, 'file.txt');
    writeFileSync(notADir, 'x');
    const r = await cli(['docs', 'rules', '--out', notADir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Could not write "${notADir}". Nothing was written.`);
    expect(readdirSync(parent)).toEqual(['file.txt']);
  });

  it('treats a missing --out, a missing folder and a folder without rule sets as usage errors (exit 2)', async () => {
    const out = join(tempDir(), 'x');
    const [noOut, missing, noRuleSets] = await Promise.all([
      cli(['docs', 'rules']),
      cli(['docs', 'no/such/folder', '--out', out]),
      cli(['docs', 'schemas', '--out', out]),
    ]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Mangler --out.');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fant ikke «no/such/folder»');
    expect(noRuleSets.code).toBe(2);
    expect(noRuleSets.stderr).toContain('Fant ingen regelsett i «schemas»');
    expect(existsSync(out)).toBe(false);
  });

  // Debian's Chromium (CI installs it); the test is skipped only where no browser exists.
  it.skipIf(!existsSync('/usr/bin/chromium'))('opens in a browser without a single network request', async () => {
    const out = join(tempDir(), 'katalog');
    await cli(['docs', 'rules', '--out', out]);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(out, 'regelkatalog.html')).href;
      await page.goto(`${url}#nn-identification-rules`);
      expect(await page.locator('#nn-identification-rules').innerText()).toBe('Reglar');
      // One heading per rule, as in the Markdown.
      const rules = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('#### ')).length;
      expect(rules).toBeGreaterThan(0);
      expect(await page.locator('section#nb h4').count()).toBe(rules);
      // The page itself is the only request.
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }
  });
});
