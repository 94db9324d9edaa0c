import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/app-error.js';
import { completeUpTo, decodeStrictly } from './csv-encoding.js';

/** The bytes cut into the given pieces, streamed through the strict UTF-8 check. */
const through = (bytes: Buffer, cuts: number[]): Promise<string> => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...at, bytes.length].slice(1).map((end, i, ends) => {
    const start = i === 0 ? 0 : (ends[i - 1] ?? 0);
    return bytes.subarray(start, end);
  });
  return text(Readable.from(pieces.filter((p) => p.length)).pipe(decodeStrictly('f.csv', 'utf-8')));
};

describe('the strict UTF-8 check of a streamed CSV', () => {
  it('finds where the last, unfinished letter of a chunk starts', () => {
    const word = Buffer.from('aЖ€😀');
    expect(completeUpTo(word)).toBe(word.length);
    expect(completeUpTo(word.subarray(0, word.length - 1))).toBe(word.length - 4);
    expect(completeUpTo(word.subarray(0, 4))).toBe(3); // a, Ж, first byte of €
    expect(completeUpTo(Buffer.alloc(0))).toBe(0);
  });

  it('passes every valid text through unchanged, however the chunks cut its letters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (s, cuts) => {
          expect(await through(Buffer.from(s), cuts)).toBe(s);
        },
      ),
    );
  });

  it('refuses a broken byte anywhere, as the decoder of a whole file does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (raw, cuts) => {
          const bytes = Buffer.from(raw);
          let whole: string | undefined;
          try {
            whole = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            whole = undefined;
          }
          const streamed = await through(bytes, cuts).catch((e: unknown) => e);
          if (whole === undefined) expect(streamed).toBeInstanceOf(InputError);
          else expect(streamed).toBe(whole);
        },
      ),
    );
  });

  it('refuses a file that ends in the middle of a letter', async () => {
    const cut = Buffer.from('id\nЖ').subarray(0, 4);
    await expect(through(cut, [])).rejects.toThrow(/not UTF-8/);
  });
});
