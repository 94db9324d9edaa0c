import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error.js';
import { validateOverlapTable, type OverlapTable } from '../../estimation/index.js';

/** Reads `{"lists": [...], "histories": {"110": 37, ...}}` from a file, or says what to fix. */
export async function readHistoriesFile(path: string): Promise<OverlapTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError(
      missing ? 'not_found' : 'invalid_input',
      missing
        ? `file ${path} does not exist; check the path`
        : `cannot read ${path}: ${(err as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new AppError(
      'invalid_input',
      `${path} is not valid JSON (${(err as Error).message}); write {"lists": ["A","B"], "histories": {"10": 12, "01": 9, "11": 4}}`,
    );
  }
  return validateOverlapTable(data);
}
