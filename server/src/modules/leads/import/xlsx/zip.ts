// The .xlsx container, opened with yauzl so that nothing is inflated before the central directory's
// declared sizes pass the limits: entry count, total uncompressed size, compression ratio (a zip
// bomb declares gigabytes or a 1000:1 ratio). yauzl checks each entry's inflated bytes against its
// declared size while streaming (validateEntrySizes), so an entry that lies stops at what it declared.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportLimits } from '../../../../workers/limits.ts';
import { badFile, tooLarge } from '../file-errors.ts';

export interface GuardedZip {
  has(name: string): boolean;
  /** Inflates one entry as a stream; at most its declared size, which passed the limits. */
  open(name: string): Promise<Readable>;
  close(): void;
}

const MB = 1024 * 1024;

function fromBuffer(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(badFile(err.message)) : resolve(zip)),
    );
  });
}

/** Why the directory entry is refused, if it is; `count` entries and `total` bytes so far, this one included in total. */
function entryProblem(e: yauzl.Entry, count: number, total: number, limits: ImportLimits): Error | undefined {
  if (count >= limits.maxZipEntries)
    return tooLarge(`more than ${limits.maxZipEntries} entries in the workbook`);
  if (total > limits.maxUncompressedBytes)
    return tooLarge(`more than ${limits.maxUncompressedBytes / MB} MB uncompressed`);
  const ratioed = e.uncompressedSize > limits.ratioFloorBytes;
  if (ratioed && e.uncompressedSize > e.compressedSize * limits.maxCompressionRatio) {
    return tooLarge(`${e.fileName} is compressed more than ${limits.maxCompressionRatio}:1`);
  }
  if (e.isEncrypted()) return badFile('encrypted (password-protected) workbook');
  return undefined;
}

function readDirectory(zip: yauzl.ZipFile, limits: ImportLimits): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', (err: Error) => reject(badFile(err.message)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (e: yauzl.Entry) => {
      total += e.uncompressedSize;
      const problem = entryProblem(e, entries.size, total, limits);
      if (problem) {
        zip.close();
        reject(problem);
        return;
      }
      entries.set(e.fileName.replace(/^\//, ''), e);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

export async function openGuardedZip(buf: Buffer, limits: ImportLimits): Promise<GuardedZip> {
  const zip = await fromBuffer(buf);
  const entries = await readDirectory(zip, limits);
  return {
    has: (name) => entries.has(name),
    open: (name) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(name);
        if (!entry) return reject(badFile(`${name} is missing`));
        zip.openReadStream(entry, (err, stream) => (err ? reject(badFile(err.message)) : resolve(stream)));
      }),
    close: () => zip.close(),
  };
}
