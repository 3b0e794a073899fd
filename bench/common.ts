/** The date every benchmark case evaluates as of. */
export const AS_OF = '2026-11-23';
