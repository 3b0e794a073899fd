import type { Extension } from './datatypes.js';

/*
 * Builders for the library's simple extensions. Values that are absent give no extension at all, so
 * nothing empty is ever written.
 */

/** A string extension, or none. */
export function extString(url: string, value: string | undefined): Extension[] {
  return value === undefined || value === '' ? [] : [{ url, valueString: value }];
}

/** A boolean extension, or none. */
export function extBoolean(url: string, value: boolean | undefined): Extension[] {
  return value === undefined ? [] : [{ url, valueBoolean: value }];
}

/** A code extension, or none. */
export function extCode(url: string, value: string | undefined): Extension[] {
  return value === undefined || value === '' ? [] : [{ url, valueCode: value }];
}

/** Sets `extension` on an element when there is at least one. */
export function withExtensions<T extends { extension?: Extension[] | undefined }>(element: T, extensions: readonly Extension[]): T {
  if (extensions.length > 0) element.extension = [...(element.extension ?? []), ...extensions];
  return element;
}
