// Streams one zip entry's XML through saxes, so a sheet is never held whole as text or as a DOM.
// saxes expands only the five predefined entities and character references (no DTD, no external
// entities), so XML entity tricks cannot grow the input. Tag names are reduced to their local part:
// some writers prefix the spreadsheet namespace (<x:c>), most do not.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../../../errors/catalog.ts';
import { badFile } from '../file-errors.ts';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Feeds the stream to the handlers; a handler that throws (a limit) stops the stream and is rethrown. */
export async function readXml(stream: Readable, h: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  if (h.open) parser.on('opentag', (t: SaxesTagPlain) => h.open!(local(t.name), t.attributes));
  if (h.close) parser.on('closetag', (t: SaxesTagPlain) => h.close!(local(t.name)));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  // Chunks can split a UTF-8 sequence; the streaming decoder carries the partial bytes over.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    stream.destroy();
    if (err instanceof AppError) throw err;
    throw badFile(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
}
