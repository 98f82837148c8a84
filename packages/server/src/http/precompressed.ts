import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/** The encodings the web build writes beside its files, by preference, with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves the web build's precompressed files (`x.js.br`, `x.js.gz`, written by the build) to a
 * browser that accepts them: the static handler after it then sends the compressed file with the
 * original's media type. Only files listed at start are considered, so a request path never
 * reaches the file system here.
 */
export function precompressedFiles(distDir: string): RequestHandler {
  const available = new Map<string, Set<string>>();
  for (const file of listFiles(distDir)) {
    for (const { name, suffix } of ENCODINGS) {
      if (!file.endsWith(suffix)) continue;
      const original = `/${file.slice(0, -suffix.length)}`;
      available.set(original, (available.get(original) ?? new Set()).add(name));
    }
  }
  return (req, res, next) => {
    const encodings = (req.method === 'GET' || req.method === 'HEAD') && available.get(req.path);
    if (!encodings) return next();
    // Caches must keep the variants apart, whichever this answer is.
    res.vary('Accept-Encoding');
    // Ours is the preference (brotli is smaller): browsers list gzip first, with the same weight.
    const encoding = ENCODINGS.find((e) => encodings.has(e.name) && req.acceptsEncodings(e.name) === e.name);
    if (!encoding) return next();
    res.type(path.extname(req.path));
    res.set('Content-Encoding', encoding.name);
    req.url = `${req.path}${encoding.suffix}`;
    next();
  };
}

/** Every file under `dir`, as a path relative to it with `/` separators. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
