import { field } from '../imports/index.js';
import { parseCitations } from './citation.js';

/** The `sources` column: every row must cite at least one source. */
export const citationsField = () =>
  field.cell((v, ctx) => {
    const list = parseCitations(v ?? '');
    return list.length
      ? list
      : field.fail(
          ctx,
          v,
          'is empty',
          'cite at least one source: a URL, a registered source id, or a reference; separate several with " ; "',
        );
  });
