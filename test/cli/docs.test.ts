import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readZipEntry } from '../support/unzip.js';
import { cli, copyFixture, editJson, ROOT, tempDir } from './run.js';

/* `oppfolgingsteam docs`: the rule catalogue, and that bad input writes nothing. */

const FILES = ['regelkatalog.nb.html', 'regelkatalog.nb.md', 'regelkatalog.nn.html', 'regelkatalog.nn.md'];

describe('docs', () => {
  it('writes the catalogue in bokmål and nynorsk, each as Markdown and as a self-contained HTML page', async () => {
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', 'rules', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Skrev 4 filer til ${out}:`);
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

    const html = readFileSync(join(out, 'regelkatalog.nb.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).toContain('<title>Regelkatalog</title>');
    // One language per page: the nynorsk catalogue is its own file.
    expect(html).not.toContain('Namngjevne vilkår');
    expect(readFileSync(join(out, 'regelkatalog.nn.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="nn">/);
    expect(html).toContain('id="nb-identification-id-target-group"');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // Nothing that would make the browser fetch anything.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
  });

  it('links its contents to every rule set and rule, names rule files relative to the folder, and shows code, not backticks', async () => {
    // The folder named by its absolute path, as an author's script would: the path must not reach the catalogue.
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', join(ROOT, 'rules'), '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'regelkatalog.nb.html'), 'utf8');
    const md = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8');
    expect(html).not.toContain(ROOT);
    expect(md).not.toContain(ROOT);
    expect(html).toContain('<dt>Fil</dt><dd><code>identification.json</code></dd>');
    expect(md).toContain('- **Fil:** `identification.json`');
    expect(html).toContain('<a href="#nb-identification">Tidlig identifisering (identification ');
    expect(html).toContain('<a href="#nb-identification-id-target-group">ID-TARGET-GROUP: Vurder strukturert tverrfaglig oppfølging</a>');
    // Every link in the contents lands on an anchor in the same page, in HTML and in Markdown.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((x) => x[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((x) => x[1]);
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    const mdIds = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((x) => x[1]));
    const mdLinks = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((x) => x[1]);
    expect(mdLinks.length).toBe(links.length);
    expect(mdLinks.filter((l) => !mdIds.has(l))).toEqual([]);
    // Fact descriptions write their window parameter as code: the reader sees code, not «`months`».
    expect(html).toContain('de siste <code>months</code> månedene');
    expect(html).not.toContain('`');
    expect(md).toContain('de siste `months` månedene');
    expect(md).not.toContain('\\`');
  });

  it('writes one language, or one rule set, on request; the title names the rule set', async () => {
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', 'rules', '--out', out, '--language', 'nn', '--rule-set', 'identification']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['regelkatalog-identification.nn.html', 'regelkatalog-identification.nn.md']);
    const html = readFileSync(join(out, 'regelkatalog-identification.nn.html'), 'utf8');
    expect(html).toContain('<title>Regelkatalog: Tidleg identifisering</title>');
    expect(html).not.toContain('Regelkatalog · Regelkatalog');
    expect(html).not.toContain('id="nn-team"');

    const split = join(tempDir(), 'delt');
    const s = await cli(['docs', 'rules', '--out', split, '--split', '--language', 'nb']);
    expect(s.code).toBe(0);
    const ids = readdirSync(join(ROOT, 'rules'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.test.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect(readdirSync(split).sort()).toEqual(ids.flatMap((id) => [`regelkatalog-${id}.nb.html`, `regelkatalog-${id}.nb.md`]).sort());

    const [badLang, badId] = await Promise.all([
      cli(['docs', 'rules', '--out', join(tempDir(), 'x'), '--language', 'en']),
      cli(['docs', 'rules', '--out', join(tempDir(), 'y'), '--rule-set', 'identifcation']),
    ]);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toContain('--language må være nb eller nn');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('Fant ikke regelsettet «identifcation». Regelsettene her: ');
    expect(badId.stderr).toContain('identification');
  });

  it('writes a Word document (--docx) with headings, bookmarks and linked contents', async () => {
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', 'rules', '--out', out, '--docx', '--language', 'nb']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['regelkatalog.nb.docx', 'regelkatalog.nb.html', 'regelkatalog.nb.md']);
    const bytes = readFileSync(join(out, 'regelkatalog.nb.docx'));
    // A .docx is a zip (PK) holding word/document.xml.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = readZipEntry(bytes, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('Vurder strukturert tverrfaglig oppfølging');
    const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((x) => x[1]));
    const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((x) => x[1]);
    expect(anchors.length).toBeGreaterThan(50);
    expect(anchors.filter((a) => !bookmarks.has(a))).toEqual([]);
    // A4 portrait, in twentieths of a point.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('says how to install docx when it is missing, and writes nothing', async () => {
    const { loadDocx } = await import('../../src/node/catalogueDocx.js');
    const missing = await loadDocx(() => Promise.reject(Object.assign(new Error('Cannot find package'), { code: 'ERR_MODULE_NOT_FOUND' })));
    expect(missing).toEqual({ _tag: 'Left', left: { _tag: 'DocxMissing' } });
    const present = await loadDocx();
    expect(present._tag).toBe('Right');
  });

  it('escapes rule texts in HTML and Markdown', async () => {
    const dir = copyFixture();
    editJson(join(dir, 'sample.json'), (j) => {
      j.rules[0].text.nb = 'Se <script>alert(1)</script> og *dette* | her.';
    });
    const out = join(tempDir(), 'katalog');
    const r = await cli(['docs', dir, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'regelkatalog.nb.html'), 'utf8');
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
      const url = pathToFileURL(join(out, 'regelkatalog.nn.html')).href;
      await page.goto(`${url}#nn-identification-rules`);
      expect(await page.locator('#nn-identification-rules').innerText()).toBe('Reglar');
      // One heading per rule, as in the Markdown.
      const rules = readFileSync(join(out, 'regelkatalog.nb.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('#### ')).length;
      expect(rules).toBeGreaterThan(0);
      expect(await page.locator('h4').count()).toBe(rules);
      // The page itself is the only request.
      expect(requests).toEqual([url]);
      // Printed, it is A4 (595 × 842 points), and nothing is wider than the page.
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    } finally {
      await browser.close();
    }
  });
});
