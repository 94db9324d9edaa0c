import { field } from '../imports/index.js';
import { CATEGORY_WORDS, STATUS_STEMS } from './person-vocabulary.js';

export type StatusEvent = (typeof STATUS_STEMS)[number][0];

export interface Status {
  event: StatusEvent | null;
  category: 'military' | 'civilian' | null;
}

const CATEGORY = new Map<string, 'military' | 'civilian'>();
for (const [value, words] of Object.entries(CATEGORY_WORDS) as [
  'military' | 'civilian',
  string[],
][])
  for (const w of [value, ...words]) CATEGORY.set(w, value);

/**
 * A "Статус" cell: what happened to the person ("в полоні", "звільнений з полону 24.08",
 * "загинув", "зник безвісти"), who they are ("військовий", "цивільна"), or both
 * ("військовий, в полоні"). Read by word stems, since people write it in their own words;
 * a cell that says none of these is a problem to fix, not a guess.
 */
export const statusCell = () =>
  field.cell((v, ctx): Status | null => {
    const s = (v ?? '').trim().toLowerCase().replace(/ё/g, 'е');
    if (!s) return null;
    let category: Status['category'] = null;
    for (const part of s.split(/\s*[,;/]\s*|\s+та\s+|\s+и\s+/u)) {
      const c = CATEGORY.get(part.replace(/\.$/, '').trim());
      if (c) category ??= c;
    }
    const found = STATUS_STEMS.find(([, stem]) => stem.test(s));
    const event = found ? found[0] : null;
    if (!event && !category)
      return field.fail(
        ctx,
        v?.trim(),
        'is not a status Polon knows',
        'write "в полоні", "звільнений", "загинув", "зник безвісти" (or in Russian or English), or leave the status blank',
      );
    return { event, category };
  });
