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
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
  </script>
</body>
</html>`;

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
  router.use('/api/docs', express.static(swaggerUiDir, { index: false, maxAge: '1d' }));
  return router;
}
