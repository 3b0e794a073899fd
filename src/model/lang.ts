import * as z from 'zod';

/** The languages every prompt, reason and error message exists in: bokmål, nynorsk, English. The one place they are listed. */
export const LANGS = ['nb', 'nn', 'en'] as const;

/** A supported language code, as a schema (`Lang.options` lists them). */
export const Lang = z.enum(LANGS);
/** A supported language code. Bokmål (`nb`) is the default everywhere. */
export type Lang = z.infer<typeof Lang>;

/** A text in all three languages. A missing language is a validation error, never a silent fallback. */
export const LocalizedText = z.strictObject({
  nb: z.string().min(1),
  nn: z.string().min(1),
  en: z.string().min(1),
});
/** A text in bokmål, nynorsk and English. */
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks one language from a localized text. */
export function pickText(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/**
 * The language to write in. An unknown value (a host's typo, a damaged stored decision) falls back to
 * bokmål, the default everywhere, instead of producing `undefined` texts or throwing.
 */
export function resolveLang(lang: unknown): Lang {
  return isLang(lang) ? lang : 'nb';
}

/** Whether a value is one of the supported language codes. */
export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}
