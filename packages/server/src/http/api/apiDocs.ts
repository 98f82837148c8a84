import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { openApiDocument } from './openapi.js';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The reference page: Swagger UI from the npm package, served here (no CDN on a government network). */
const DOCS_PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>API — Họp trực tuyến tỉnh</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>`;

/** Starts Swagger UI: a file of its own, as the Content-Security-Policy allows no inline script. */
const START_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/** `/api/openapi.json` (generated once) and the interactive reference at `/api/docs`. */
export function apiDocs(version: string): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= openApiDocument(version);
    res.json(document);
  });
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/api/docs/start.js', (_req, res) => {
    res.type('text/javascript').send(START_SCRIPT);
  });
  router.use('/api/docs', express.static(swaggerUiDir, { index: false, maxAge: '1d' }));
  return router;
}
