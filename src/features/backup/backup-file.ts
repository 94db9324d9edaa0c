import {
  type CipherGCM,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../core/app-error.js';

/**
 * A Polon backup file:
 *
 *   "POLONBAK" · header length (uint32 BE) · header (JSON) · payload · [GCM tag, 16 bytes] · SHA-256 of all before (32 bytes)
 *
 * The payload is gzip of JSON lines (one row each, tables parents-first, then a manifest
 * line with every table's row count and hash), encrypted with AES-256-GCM when a key is
 * given. The trailing checksum lets restore refuse a truncated or altered file before it
 * reads a row; the GCM tag (with the header as associated data) refuses a forged one.
 */
const MAGIC = Buffer.from('POLONBAK');
const TAG_BYTES = 16;
const SUM_BYTES = 32;
// scrypt at N=2^15, r=8 takes ~0.1 s and 32 MiB: cheap once per backup, dear per guess.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface BackupHeader {
  format: 'polon-backup';
  version: 1;
  createdAt: string;
  /** The database the backup was taken from: restore may go to the other one. */
  dialect: string;
  /** Migrations the source database had: restore needs the same schema. */
  migrations: string[];
  encryption: null | {
    cipher: 'aes-256-gcm';
    kdf: 'scrypt';
    salt: string;
    iv: string;
    check: string;
  };
}

const deriveKey = (key: string, salt: Buffer): Buffer => scryptSync(key, salt, 32, SCRYPT);
// A value only the right key reproduces, so a wrong key is named before any row is read.
const keyCheck = (k: Buffer): string =>
  createHmac('sha256', k).update('polon backup key check').digest('hex').slice(0, 32);

/** Feeds every byte that passes into a hash. */
function hashTap(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
}

/**
 * Writes lines to `path` through a temporary file beside it, renamed into place only when
 * complete, so an interrupted backup never leaves a file that looks whole.
 */
export async function writeBackupFile(
  path: string,
  header: Omit<BackupHeader, 'encryption'>,
  lines: AsyncIterable<string>,
  key: string | undefined,
): Promise<{ bytes: number; sha256: string }> {
  let cipher: CipherGCM | undefined;
  let encryption: BackupHeader['encryption'] = null;
  if (key) {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const k = deriveKey(key, salt);
    cipher = createCipheriv('aes-256-gcm', k, iv);
    encryption = {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      check: keyCheck(k),
    };
  }
  const headerBytes = Buffer.from(JSON.stringify({ ...header, encryption }));
  cipher?.setAAD(headerBytes);
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(headerBytes.length);

  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const sum = createHash('sha256');
  try {
    const head = Buffer.concat([MAGIC, prefix, headerBytes]);
    sum.update(head);
    const out = createWriteStream(tmp, { mode: 0o600 });
    out.write(head);
    // Lines go on in chunks of about 64 KiB: one stream chunk per row costs more than the row.
    const payload = (async function* () {
      let chunk = '';
      for await (const line of lines) {
        chunk += `${line}\n`;
        if (chunk.length >= 65_536) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })();
    const stages = cipher ? [createGzip(), cipher, hashTap(sum)] : [createGzip(), hashTap(sum)];
    await pipeline(Readable.from(payload), ...(stages as [Transform]), out);
    const fh = await open(tmp, 'a');
    try {
      if (cipher) {
        const tag = cipher.getAuthTag();
        sum.update(tag);
        await fh.write(tag);
      }
      const digest = sum.digest();
      await fh.write(digest);
      await fh.sync();
      await rename(tmp, path);
      return { bytes: (await fh.stat()).size, sha256: digest.toString('hex') };
    } finally {
      await fh.close();
    }
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Reads and checks a backup's header and checksum; `lines()` then streams its rows. */
export async function openBackupFile(
  path: string,
  key: string | undefined,
): Promise<{ header: BackupHeader; lines: () => AsyncIterable<string> }> {
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new AppError('not_found', `no backup file at ${path}`);
    },
  );
  const fh = await open(path, 'r');
  let header: BackupHeader;
  let headerBytes: Buffer;
  let payloadStart: number;
  let trailer: Buffer;
  try {
    const first = Buffer.alloc(12);
    await fh.read(first, 0, 12, 0);
    if (size < 12 + SUM_BYTES || !first.subarray(0, 8).equals(MAGIC)) {
      throw new AppError(
        'invalid_input',
        `${path} is not a Polon backup (it does not start with POLONBAK); give a file written by \`polon backup\``,
      );
    }
    const headerLength = first.readUInt32BE(8);
    payloadStart = 12 + headerLength;
    if (payloadStart + SUM_BYTES > size) throw damaged(path);
    headerBytes = Buffer.alloc(headerLength);
    await fh.read(headerBytes, 0, headerLength, 12);
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as BackupHeader;
    } catch {
      throw damaged(path);
    }
    if (header.format !== 'polon-backup' || header.version !== 1) {
      throw new AppError(
        'invalid_input',
        `${path} is a backup of format ${String(header.version)}, which this Polon cannot read; restore it with the Polon that made it`,
      );
    }
    trailer = Buffer.alloc(SUM_BYTES);
    await fh.read(trailer, 0, SUM_BYTES, size - SUM_BYTES);
  } finally {
    await fh.close();
  }
  const sum = createHash('sha256');
  await pipeline(createReadStream(path, { end: size - SUM_BYTES - 1 }), hashTap(sum), async (s) => {
    for await (const _ of s as AsyncIterable<Buffer>) void _;
  });
  if (!timingSafeEqual(sum.digest(), trailer)) throw damaged(path);

  const enc = header.encryption;
  let decipherKey: Buffer | undefined;
  if (enc) {
    if (!key) {
      throw new AppError(
        'invalid_input',
        `${path} is encrypted: set POLON_BACKUP_KEY (or POLON_DB_KEY) to the key it was made with`,
      );
    }
    decipherKey = deriveKey(key, Buffer.from(enc.salt, 'base64'));
    if (keyCheck(decipherKey) !== enc.check) {
      throw new AppError(
        'invalid_input',
        `the key does not open ${path}: set POLON_BACKUP_KEY (or POLON_DB_KEY) to the key it was made with`,
      );
    }
  }
  const payloadEnd = size - SUM_BYTES - (enc ? TAG_BYTES : 0);
  const lines = async function* (): AsyncIterable<string> {
    const stages: Transform[] = [];
    if (enc && decipherKey) {
      const tag = Buffer.alloc(TAG_BYTES);
      const fh2 = await open(path, 'r');
      await fh2.read(tag, 0, TAG_BYTES, payloadEnd).finally(() => fh2.close());
      const decipher = createDecipheriv('aes-256-gcm', decipherKey, Buffer.from(enc.iv, 'base64'));
      decipher.setAAD(headerBytes);
      decipher.setAuthTag(tag);
      stages.push(decipher);
    }
    stages.push(createGunzip());
    // Each stage passes its error (a failed GCM tag, a broken gzip stream) down, so the
    // reader below throws instead of waiting for data that never comes.
    let input: NodeJS.ReadableStream = createReadStream(path, {
      start: payloadStart,
      end: payloadEnd - 1,
    });
    for (const stage of stages) {
      input.on('error', (e: Error) => stage.destroy(e));
      input = input.pipe(stage);
    }
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  };
  return { header, lines };
}

const damaged = (path: string): AppError =>
  new AppError(
    'invalid_input',
    `${path} is damaged or incomplete (its checksum does not match): it may have been cut short while copying; restore from another copy`,
  );
