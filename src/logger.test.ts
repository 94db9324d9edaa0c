import { describe, expect, it } from 'vitest';
import { AppError } from './core/app-error.js';
import { loggedPath, maskMessage, safeError } from './logger.js';

describe('what the logger keeps of an error', () => {
  it('keeps the wording of a database error and masks the values it quotes', () => {
    expect(
      maskMessage(
        'duplicate key value violates unique constraint "records_pkey": Петренко 1987-11-23',
      ),
    ).toBe('duplicate key value violates unique constraint "records_pkey": … …');
    expect(maskMessage('no such column: records.family_name')).toBe(
      'no such column: records.family_name',
    );
    expect(maskMessage('mail ivan.petrenko@example.org failed')).toBe('mail … failed');
  });

  it("drops a database error's detail, keeps its code and constraint, and the stack without the message", () => {
    const err = Object.assign(new Error('violates constraint: Петренко'), {
      code: '23505',
      constraint: 'records_pkey',
      detail: 'Key (family_name)=(Петренко) already exists.',
    });
    const s = safeError(err);
    expect(s).toMatchObject({ type: 'Error', code: '23505', constraint: 'records_pkey' });
    expect(s).not.toHaveProperty('detail');
    expect(JSON.stringify(s)).not.toContain('Петренко');
    expect(s.stack).toMatch(/^\s+at /);
    expect(s.messageHash).toMatch(/^[0-9a-f]{12}$/);
  });

  it("keeps Polon's own messages, which are written without personal data", () => {
    expect(safeError(new AppError('not_found', 'no facility with id X-1'))).toMatchObject({
      message: 'no facility with id X-1',
    });
  });
});

describe('the path of a logged request', () => {
  it('drops the query string and masks the ids of personal routes', () => {
    expect(loggedPath('/api/records/rec_0123456789abcdef01234567?x=Петренко')).toBe(
      '/api/records/:id',
    );
    expect(loggedPath('/api/persons/per_0123456789abcdef01234567/events')).toBe(
      '/api/persons/:id/events',
    );
    expect(loggedPath('/api/exchanges/2024-05-31')).toBe('/api/exchanges/2024-05-31');
  });
});
