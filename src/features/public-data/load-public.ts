import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/index.js';
import { claimsImport } from '../claims/index.js';
import { exchangesImport } from '../exchanges/index.js';
import { facilitiesImport } from '../facilities/index.js';
import {
  importMany,
  type ImportKind,
  type ImportOptions,
  type ImportResult,
} from '../imports/index.js';
import { bundledDataDir } from '../../package-root.js';

/** The bundled public dataset, in the order its references need. */
export const PUBLIC_FILES: { file: string; kind: ImportKind<unknown> }[] = [
  { file: 'facilities.csv', kind: facilitiesImport },
  { file: 'exchanges.csv', kind: exchangesImport },
  { file: 'claims.csv', kind: claimsImport },
];

/** Loads the bundled dataset in one transaction; loading it again changes nothing. */
export async function loadPublicDataset(
  db: Db,
  options: ImportOptions & { dataDir?: string } = {},
): Promise<ImportResult[]> {
  const dir = options.dataDir ?? bundledDataDir();
  const items = await Promise.all(
    PUBLIC_FILES.map(async ({ file, kind }) => {
      const path = join(dir, file);
      return { kind, path, bytes: await readFile(path) };
    }),
  );
  return importMany(db, items, { ...options, actor: options.actor ?? 'load-public' });
}
