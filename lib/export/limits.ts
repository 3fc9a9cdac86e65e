// The import size limit, apart from the schema so that the browser's check does not pull in zod.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
