// Builds the dashboard (web/) with Vite when it exists, so `npm run build` covers the whole app.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('web/vite.config.ts')) process.exit(0);
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
