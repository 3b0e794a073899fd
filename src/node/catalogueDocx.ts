import * as E from '../util/either.js';
import type { Block, Inline, ListItem } from '../policy/doc.js';

/*
 * The catalogue as a Word document (.docx), which every municipal office suite opens. The `docx`
 * library is large (over 20 MB installed, with its own Node types), so it is not a dependency of the
 * library that EPJ systems embed: it is an optional peer dependency, loaded here, at the node edge,
 * only when `docs --docx` asks for it. It is never bundled into dist.
 */

type Docx = typeof import('docx');

/** Why the Word export is not available. */
export interface DocxMissing {
  readonly _tag: 'DocxMissing';
}

/** Loads the `docx` library; `DocxMissing` when it is not installed. The importer is a parameter so the failure can be tested. */
export async function loadDocx(importer: () => Promise<unknown> = () => import('docx')): Promise<E.Either<DocxMissing, Docx>> {
  try {
    const mod = (await importer()) as Docx & { default?: Docx };
    // CommonJS interop: the named exports may sit on `default`.
    const lib = typeof mod.Document === 'function' ? mod : mod.default;
    return lib && typeof lib.Document === 'function' ? E.right(lib) : E.left({ _tag: 'DocxMissing' });
  } catch {
    return E.left({ _tag: 'DocxMissing' });
  }
}

/**
 * Renders document blocks as a .docx file: headings as Word headings (so Word's navigation pane and
 * table of contents see them), anchors as bookmarks and `#id` links as internal links, lists as
 * bulleted paragraphs, tables as tables, and A4 pages.
 */
export async function renderDocx(docx: Docx, blocks: readonly Block[], title: string, lang: string): Promise<Uint8Array> {
  const {
    Document,
    Packer,
    Paragraph,
    TextRun,
    HeadingLevel,
    Table,
    TableRow,
    TableCell,
    WidthType,
    Bookmark,
    InternalHyperlink,
    ExternalHyperlink,
  } = docx;
  // Word bookmark names: a letter first, letters, digits and underscores, at most 40 characters.
  const names = new Map<string, string>();
  const bookmark = (id: string) => {
    let n = names.get(id);
    if (n === undefined) names.set(id, (n = `a${names.size + 1}`));
    return n;
  };
  type Child = InstanceType<typeof TextRun> | InstanceType<typeof InternalHyperlink> | InstanceType<typeof ExternalHyperlink>;
  const runs = (parts: readonly Inline[], bold = false): Child[] =>
    parts.map((p): Child => {
      if (typeof p === 'string') return new TextRun({ text: p, bold });
      if ('code' in p) return new TextRun({ text: p.code, font: 'Consolas', bold });
      if ('strong' in p) return new TextRun({ text: p.strong, bold: true });
      const link = new TextRun({ text: p.text, style: 'Hyperlink' });
      if (p.href.startsWith('#')) return new InternalHyperlink({ anchor: bookmark(p.href.slice(1)), children: [link] });
      if (/^https?:\/\//i.test(p.href)) return new ExternalHyperlink({ link: p.href, children: [link] });
      return new TextRun({ text: p.text, bold });
    });
  const list = (items: readonly ListItem[], level: number): InstanceType<typeof Paragraph>[] =>
    items.flatMap((it) => [new Paragraph({ children: runs(it.text), bullet: { level } }), ...list(it.children ?? [], level + 1)]);
  const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            heading: heading[b.level - 1],
            children: [new Bookmark({ id: bookmark(b.id), children: [new TextRun(b.text)] })],
          }),
        );
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: runs(b.text) }));
        break;
      case 'list':
        children.push(...list(b.items, 0));
        break;
      case 'table': {
        const cell = (parts: readonly Inline[], bold = false) =>
          new TableCell({ children: [new Paragraph({ children: runs(parts, bold) })] });
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: b.head.map((h) => cell([h], true)) }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
            ],
          }),
          new Paragraph({}),
        );
        break;
      }
      case 'fields':
        for (const f of b.fields) {
          children.push(new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), ...runs(f.value)] }));
          if (f.list) children.push(...list(f.list, 1));
        }
        break;
    }
  }
  const doc = new Document({
    title,
    // No creator or dates from this machine: the file names no one's account.
    creator: 'oppfolgingsteam',
    styles: { default: { document: { run: { font: 'Calibri', size: 21, language: { value: lang === 'nn' ? 'nn-NO' : 'nb-NO' } } } } },
    sections: [
      {
        // A4 in twentieths of a point, 2 cm margins.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
