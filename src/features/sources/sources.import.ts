import type { z } from 'zod';
import { defineImport, field } from '../imports/index.js';

const RELIABILITY = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

const schema = field.row({
  id: field.id(),
  title: field.name('title'),
  url: field.text(),
  publisher: field.name('publisher'),
  kind: field.text(),
  reliability: field.oneOf(RELIABILITY, 'f'),
  credibility: field.optionalNumber(
    1,
    6,
    'write the Admiralty credibility as a digit from 1 (confirmed) to 6 (cannot be judged)',
  ),
  notes: field.text(),
  synthetic: field.flag(),
});
export type SourceInput = z.infer<typeof schema>;

export const sourcesImport = defineImport<SourceInput>({
  kind: 'sources',
  columns: [
    {
      name: 'id',
      required: true,
      description: 'stable id that other files cite in their sources column',
    },
    { name: 'title', required: false, description: 'title of the document or dataset' },
    { name: 'url', required: false, description: 'where it can be read' },
    { name: 'publisher', required: false, description: 'who published it' },
    { name: 'kind', required: false, description: 'official, ngo, media, court, …' },
    {
      name: 'reliability',
      required: false,
      description: 'Admiralty reliability A–F (blank: F, cannot be judged)',
    },
    {
      name: 'credibility',
      required: false,
      description: 'Admiralty credibility 1–6 (blank: 6, cannot be judged)',
    },
    { name: 'notes', required: false, description: 'remarks' },
    {
      name: 'synthetic',
      required: false,
      description:
        'yes: made-up test data (`polon synth` writes it); its records never count in a public figure',
    },
  ],
  schema,
  id: (s) => s.id,
  table: 'sources',
  toRow: (s, { now }) => ({
    id: s.id,
    title: s.title,
    url: s.url,
    publisher: s.publisher,
    kind: s.kind,
    reliability: s.reliability.toUpperCase(),
    credibility: s.credibility ?? 6,
    notes: s.notes,
    updated_at: now,
  }),
  // Once synthetic, always: a later sources file without the column must not let test data
  // into the public figures, so the flag is only ever set here, never cleared.
  async after(trx, { rows }) {
    const synthetic = rows.filter((r) => r.value.synthetic === true).map((r) => r.value.id);
    if (synthetic.length)
      await trx.updateTable('sources').set({ synthetic: 1 }).where('id', 'in', synthetic).execute();
    return {};
  },
});
