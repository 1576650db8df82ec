// Every limit on untrusted files and on the worker threads that read them, in one place.
// An import is refused with RS_IMPORT_TOO_LARGE (413) before the worker allocates for it wherever a
// limit can be read up front (upload size, the zip's declared sizes, the sheet's <dimension>), and is
// counted again while the file streams, so a file that lies about itself is refused all the same.
// The console's RS_IMPORT_TOO_LARGE text (web-agent/src/i18n) quotes the first three: keep them in step.

const MB = 1024 * 1024;

export const IMPORT_LIMITS = {
  /** Raw upload body. The largest real lists we see (100k rows, a dozen columns) are 8–12 MB as CSV
   *  and far less as XLSX; 20 MB leaves room without letting one request pin much memory. */
  maxUploadBytes: 20 * MB,
  /** Data rows (the header excluded). bench:crm imports 100k rows, the size we measure and promise. */
  maxRows: 100_000,
  /** Columns. A lead has ~10 standard fields plus custom ones; 200 is far past any real sheet and far
   *  below Excel's 16,384 (XFD), the width the hostile file that started this claimed. */
  maxColumns: 200,
  /** Cells (declared rows × columns, and cells seen). 100k rows × 50 columns; at ~40 bytes a cell the
   *  parsed table stays near 200 MB, under the parse worker's heap cap. */
  maxCells: 5_000_000,
  /** Sum of the declared uncompressed sizes of an .xlsx's zip entries. A 100k × 50 sheet is ~100 MB
   *  of XML with its shared strings; a zip bomb declares gigabytes. */
  maxUncompressedBytes: 200 * MB,
  /** Uncompressed / compressed size of one entry. Sheet XML deflates 5–20×; a bomb of zeros 1000×.
   *  Only checked on entries above ratioFloorBytes, as tiny files can compress oddly well. */
  maxCompressionRatio: 100,
  ratioFloorBytes: 1 * MB,
  /** Entries in the zip: a workbook has a dozen or two; thousands are a directory-walking attack. */
  maxZipEntries: 1_000,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

export interface WorkerLimits {
  /** V8 old-generation heap of the worker; past it the worker dies alone with ERR_WORKER_OUT_OF_MEMORY. */
  heapMb: number;
  /** Wall-clock budget until the worker has its answer (for a session: until it is ready). */
  timeoutMs: number;
}

/** Reading a spreadsheet: the file (≤ 20 MB, outside the heap), ≤ 5M cells of text and the XML parser. */
export const PARSE_WORKER: WorkerLimits = { heapMb: 512, timeoutMs: 60_000 };
/** Waveform peaks and report files: the wav lives outside the heap; the peaks and a report are small. */
export const LIGHT_WORKER: WorkerLimits = { heapMb: 192, timeoutMs: 30_000 };

/**
 * Workers alive at once, per lane. Parse workers hold up to 512 MB each, so two bound the import
 * memory at ~1 GB beside the server; a lead or list import job keeps its worker while it writes
 * (it pulls rows chunk by chunk), so a third upload waits its turn. Waveforms and exports use their
 * own lane, so an import never delays a supervisor opening a recording.
 */
export const WORKER_LANES = { parse: 2, light: 2 } as const;
export type WorkerLane = keyof typeof WORKER_LANES;
