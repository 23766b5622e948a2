/**
 * Checks XML before parsing: a DOCTYPE declaring entities (billion laughs, external entities /
 * XXE) is refused outright, and malformed or truncated XML gets a clear error with its line.
 * @module
 */
import { XMLValidator } from 'fast-xml-parser';
import { VigieError } from '../../domain/errors.js';

export function guardXml(xml: string, where: string): void {
  const doctype = /<!DOCTYPE[^>[]*(\[[\s\S]*?\]\s*)?>/i.exec(xml);
  if (doctype && /<!ENTITY/i.test(doctype[0])) {
    throw new VigieError(
      'VIGIE_PARSE_FAILED',
      'XML with a DOCTYPE declaring entities is refused (entity expansion / external entities)',
      { where },
    );
  }
  if (/<!ENTITY/i.test(xml.slice(0, 65536))) {
    throw new VigieError('VIGIE_PARSE_FAILED', 'XML with entity declarations is refused', {
      where,
    });
  }
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (result !== true) {
    const { msg, line } = result.err;
    const truncated = /closed|end|unclosed|not closed|expected/i.test(msg)
      ? ' (truncated or malformed XML)'
      : '';
    throw new VigieError('VIGIE_PARSE_FAILED', `invalid XML at line ${line}: ${msg}${truncated}`, {
      where: `${where}:${line}`,
    });
  }
}
