import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { precompressedFiles } from './precompressed.js';

/**
 * Serves the built React app. Any unknown path outside the API answers with index.html so that
 * a kiosk reloading a deep link (/check, /meeting/…) lands on the right screen. The build's
 * files go out compressed (brotli or gzip) to a browser that accepts it.
 */
export function webAppRoutes(distDir: string): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text/plain').send(`The web app is not built (${index} is missing).`);
    });
    return router;
  }
  router.use(precompressedFiles(distDir));
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^(?!\/(api|socket\.io|healthz|metrics)\b).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
