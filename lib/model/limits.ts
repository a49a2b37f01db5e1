// Limits shared by the parser and the pages that read files, kept free of zod so that the
// pages stay small.

export const PLAN_MAX_BYTES = 1_000_000;
export const MAX_PROBLEMS_SHOWN = 5;
export const BACKUP_MAX_BYTES = 50_000_000;
/** The most course cards one message to the catalogue carries; a long list sends several. */
export const CATALOGUE_BATCH = 200;
