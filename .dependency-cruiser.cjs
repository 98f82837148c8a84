/**
 * The direction of dependencies, checked in `npm test` (`pnpm deps`). The domain (meetings,
 * recording, attendance, minutes, directives, directory, sfu, cluster, auth…) knows nothing of how
 * clients reach it: socket.io and express live in the edges (signalling/, http/), which implement
 * the domain's ports. No import cycles anywhere.
 */
const edges = '^packages/server/src/(signalling|http|metrics)/';
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-not-to-edges',
      comment: 'The meeting core and its neighbours reach clients through ports, never through socket.io or express.',
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: [edges, '^packages/server/src/(platform|main)\\.ts$'] },
      to: { path: [edges, '^node_modules/.*/(socket\\.io|@socket\\.io|express)/'] },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      from: { path: '^packages/shared/' },
      to: { path: '^packages/(server|web)/' },
    },
    { name: 'web-not-to-server', severity: 'error', from: { path: '^packages/web/' }, to: { path: '^packages/server/' } },
    {
      name: 'packages-not-to-tests',
      comment: 'A package and its own tests stand without the repository test harness.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['packages/server/src/db/generated/', 'dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
