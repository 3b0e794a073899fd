import type { CompiledRuleSet } from '../engine/compile.js';
import type { Block, Inline } from './doc.js';

/*
 * Sign-off and change log in the rule catalogue: who approved the version shown, when, when it takes
 * effect and what changed; and, when a folder holds several versions of a rule set, one line per
 * version, oldest first. Kept apart from the catalogue's layout so either can change alone.
 */

/** The catalogue's languages (as in catalogue.ts). */
type CatalogueLang = 'nb' | 'nn';

const T = {
  approvedBy: { nb: 'Godkjent av', nn: 'Godkjend av' },
  approvedOn: { nb: 'Godkjent', nn: 'Godkjend' },
  notApproved: { nb: 'ikke registrert', nn: 'ikkje registrert' },
  changeNote: { nb: 'Endring', nn: 'Endring' },
  changeLog: { nb: 'Endringslogg', nn: 'Endringslogg' },
  version: { nb: 'Versjon', nn: 'Versjon' },
  validFrom: { nb: 'Gjelder fra', nn: 'Gjeld frå' },
  validTo: { nb: 'Gjelder til', nn: 'Gjeld til' },
  shown: { nb: ' (vist her)', nn: ' (vist her)' },
} as const;

/**
 * The sign-off of one version as catalogue fields: approved by and on (said to be missing when it
 * is, so an unapproved version cannot pass for an approved one) and the change note when there is one.
 */
export function signOffFields(rs: CompiledRuleSet, lang: CatalogueLang): { label: string; value: Inline[] }[] {
  const f = rs.file;
  return [
    { label: T.approvedBy[lang], value: [f.approvedBy ?? T.notApproved[lang]] },
    ...(f.approvedOn !== undefined ? [{ label: T.approvedOn[lang], value: [f.approvedOn] }] : []),
    ...(f.changeNote !== undefined ? [{ label: T.changeNote[lang], value: [f.changeNote[lang]] }] : []),
  ];
}

/**
 * The change log of one rule set: every version, oldest first, with its period, sign-off and change
 * note. Empty when there is only the version shown and it has no change note.
 */
export function changeLogBlocks(shown: CompiledRuleSet, versions: readonly CompiledRuleSet[], lang: CatalogueLang): Block[] {
  const all = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  if (all.length <= 1 && shown.file.changeNote === undefined) return [];
  return [
    { kind: 'heading', level: 3, text: T.changeLog[lang], id: `${lang}-${shown.id}-change-log` },
    {
      kind: 'table',
      head: [T.version[lang], T.validFrom[lang], T.validTo[lang], T.approvedBy[lang], T.approvedOn[lang], T.changeNote[lang]],
      rows: all.map((rs) => [
        [rs.version, ...(rs === shown ? [T.shown[lang]] : [])],
        [rs.validFrom],
        [rs.validTo ?? '—'],
        [rs.file.approvedBy ?? T.notApproved[lang]],
        [rs.file.approvedOn ?? '—'],
        [rs.file.changeNote?.[lang] ?? '—'],
      ]),
    },
  ];
}
