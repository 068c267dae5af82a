/** Writes .br and .gz copies of the text files under `dir`; bytes of those files before and after (brotli). */
export function precompress(dir: string): { before: number; after: number }
