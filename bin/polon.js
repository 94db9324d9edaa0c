#!/usr/bin/env node
// The compiled CLI; `npm ci` builds it (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('polon: not built yet. Run `npm run build` in the project folder.\n');
  process.exit(70);
}
await import(entry.href);
