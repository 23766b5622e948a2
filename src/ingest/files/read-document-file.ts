/**
 * One local file → the documents it holds: .txt/.md (text), .html/.htm (article extraction,
 * no network), .pdf (text layer), .eml (a mail message). JSON Lines go through the corpus reader.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import type { InputDocument } from '../../domain/document.js';
import { VigieError } from '../../domain/errors.js';
import { decodeBytes } from '../charset/decode-bytes.js';
import { extractArticle } from '../pages/extract-article.js';
import { htmlToText, normaliseText } from '../pages/html-to-text.js';

export type FileKind = 'jsonl' | 'text' | 'markdown' | 'html' | 'pdf' | 'eml';

const KINDS: Readonly<Record<string, FileKind>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.eml': 'eml',
};

/** The kind of a file by its extension, or null when Vigie cannot read it. */
export function fileKind(path: string): FileKind | null {
  return KINDS[extname(path).toLowerCase()] ?? null;
}

/** Reads one non-JSONL file into a document (throws VigieError with the file as `where`). */
export async function readDocumentFile(
  path: string,
  kind: Exclude<FileKind, 'jsonl'>,
): Promise<InputDocument> {
  const bytes = await readFile(path);
  const url = pathToFileURL(path).href;
  const id = `file-${createHash('sha256').update(url).update('\0').update(bytes).digest('hex').slice(0, 24)}`;
  const base = { id, url };
  switch (kind) {
    case 'text':
    case 'markdown': {
      const text = normaliseText(decodeBytes(bytes).text);
      requireText(text, path);
      return {
        ...base,
        text,
        title: kind === 'markdown' ? (markdownTitle(text) ?? basename(path)) : basename(path),
      };
    }
    case 'html': {
      const article = extractArticle(decodeBytes(bytes).text, path);
      return withOptional(
        { ...base, text: article.text },
        {
          title: article.title,
          published: article.published,
          lang: article.lang,
          outlet: article.siteName,
        },
      );
    }
    case 'pdf':
      return { ...base, text: await pdfText(bytes, path), title: basename(path) };
    case 'eml':
      return emlDocument(bytes, base, path);
  }
}

async function pdfText(bytes: Buffer, path: string): Promise<string> {
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch (error) {
    throw new VigieError('VIGIE_PARSE_FAILED', `cannot read PDF: ${(error as Error).message}`, {
      where: path,
      cause: error,
    });
  }
  const normalised = normaliseText(text);
  if (normalised.length === 0) {
    throw new VigieError(
      'VIGIE_PARSE_FAILED',
      'PDF has no text layer (scanned images need OCR first)',
      { where: path },
    );
  }
  return normalised;
}

async function emlDocument(
  bytes: Buffer,
  base: { id: string; url: string },
  path: string,
): Promise<InputDocument> {
  const mail = await simpleParser(bytes, { skipImageLinks: true, maxHtmlLengthToParse: 5_000_000 });
  const text = normaliseText(
    mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : ''),
  );
  requireText(text, path);
  const from = mail.from?.value[0];
  return withOptional(
    { ...base, text },
    {
      title: mail.subject ?? null,
      published: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
      outlet: from ? from.name || from.address || null : null,
    },
  );
}

function markdownTitle(text: string): string | null {
  const heading = /^#{1,3}\s+(.+)$/m.exec(text);
  return heading ? heading[1]!.trim() : null;
}

function requireText(text: string, path: string): void {
  if (text.trim().length === 0)
    throw new VigieError('VIGIE_PARSE_FAILED', 'the file has no text', { where: path });
}

function withOptional(
  doc: InputDocument,
  extra: Record<string, string | null | undefined>,
): InputDocument {
  const out: Record<string, unknown> = { ...doc };
  for (const [key, value] of Object.entries(extra)) if (value) out[key] = value;
  return out as InputDocument;
}
