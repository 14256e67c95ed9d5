import { SaxesParser } from 'saxes';

import { InvalidInputError } from '../../../shared/errors.js';

/** Callbacks for one XML part. Element names arrive without a namespace prefix. */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Thrown by a handler that has read all it needs; parseXml then stops without an error. */
export class StopParsing extends Error {
  override readonly name = 'StopParsing';
}

/** Characters handed to the parser at a time, so a large part is never one string. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Parses one XML part of a workbook, calling the handlers as elements open and close. Entities
 * are decoded; DOCTYPE declarations are rejected, so no external entity is ever read.
 */
export function parseXml(file: string, part: string, bytes: Buffer, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => {
    throw new InvalidInputError({ file }, `${part} declares a DOCTYPE, which workbooks never do`);
  });
  parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag) => handlers.close?.(localName(tag.name)));
  parser.on('text', (text) => handlers.text?.(text));
  parser.on('cdata', (text) => handlers.text?.(text));

  // NOTE: Parts are decoded as UTF-8; a part encoded in UTF-16, which XML allows, is reported as
  // not well-formed.
  const decoder = new TextDecoder('utf-8');
  try {
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
      const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + CHUNK_BYTES));
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof StopParsing) return;
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(
      { file },
      `${part} is not well-formed XML (${(error as Error).message}); re-save the workbook`,
    );
  }
}

/** Returns the attribute whose name, without its namespace prefix, is `name`. */
export function attributeOf(attributes: Record<string, string>, name: string): string | undefined {
  if (attributes[name] !== undefined) {
    return attributes[name];
  }
  const key = Object.keys(attributes).find((candidate) => localName(candidate) === name);
  return key === undefined ? undefined : attributes[key];
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
