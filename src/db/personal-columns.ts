import type { Database } from './tables.js';

/**
 * Columns that hold personal data: names, birth dates, contacts and free-text testimony.
 * They never appear in public outputs, logs or error messages; the protection issue
 * encrypts, audits and hides them, and the leak scan reads this list.
 */
export const PERSONAL_COLUMNS: { [T in keyof Database]?: (keyof Database[T] & string)[] } = {
  records: [
    'family_name',
    'given_name',
    'patronymic',
    'full_name',
    'birth_date',
    'birth_from',
    'birth_to',
    'relatives_contact',
    'notes',
    'source_record_id',
  ],
  events: ['notes'],
  episodes: ['notes'],
  occupancy_reports: ['notes'],
};
