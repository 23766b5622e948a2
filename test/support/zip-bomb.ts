/**
 * Zip bombs of bounded size, made at test time: one deflated entry whose text is a `unit`
 * repeated `times` times (after an optional `prefix`). The unit is deflated once, ending on a
 * full flush (byte-aligned, no reference to earlier data), so its compressed bytes can be
 * repeated as they are: 1 MiB of repeated text deflates to about 1 KiB, and a 1 GiB entry is a
 * zip of about 1 MB, written in well under a second.
 */
import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipBombSpec {
  readonly entry: string;
  readonly unit: Uint8Array;
  readonly times: number;
  readonly prefix?: Uint8Array;
}

/** Writes the zip to `file`; returns the entry's decompressed size and the zip's size. */
export function writeZipBomb(
  file: string,
  spec: ZipBombSpec,
): { inflatedBytes: number; zipBytes: number } {
  const prefix = spec.prefix ?? new Uint8Array(0);
  const inflatedBytes = prefix.length + spec.unit.length * spec.times;
  if (inflatedBytes >= 2 ** 32) throw new Error('a bomb past 4 GiB would need ZIP64');
  const flushed = (bytes: Uint8Array) =>
    deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const unit = flushed(spec.unit);
  const parts: Uint8Array[] = [flushed(prefix)];
  let crc = crc32(prefix);
  for (let i = 0; i < spec.times; i++) {
    parts.push(unit);
    crc = crc32(spec.unit, crc);
  }
  // The last block: final, fixed Huffman codes, nothing but the end-of-block code.
  parts.push(Uint8Array.of(0x03, 0x00));
  const data = Buffer.concat(parts);
  const name = Buffer.from(spec.entry, 'utf8');

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 name
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(inflatedBytes, 22);
  local.writeUInt16LE(name.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by
  central.writeUInt16LE(20, 6); // version needed
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(inflatedBytes, 24);
  central.writeUInt16LE(name.length, 28);
  // Local header at offset 0: the remaining fields stay zero.

  const centralAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);

  const zip = Buffer.concat([local, name, data, central, name, end]);
  writeFileSync(file, zip);
  return { inflatedBytes, zipBytes: zip.length };
}

/** `count` lines of `width` bytes each (line end included): `row` filled with dots. */
export function shortLines(count: number, width: number, row = 'x'): Uint8Array {
  const line = `${row}${'.'.repeat(width - row.length - 1)}\n`;
  return Buffer.from(line.repeat(count), 'latin1');
}
