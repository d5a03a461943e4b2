// Draws the extension's icon, images/icon.png (128×128 RGBA), from rectangles:
// a rounded teal square with a white `[[ ]]` and a dot-dash-dot "link" between
// the brackets. Deterministic (same bytes every run), no dependencies:
//   node scripts/package-icon.mjs            (writes images/icon.png)
//   node scripts/package-icon.mjs --check    (exit 1 if the file differs)
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const BACKGROUND = [0x1f, 0x6f, 0x7a, 0xff];
const INK = [0xff, 0xff, 0xff, 0xff];
const ACCENT = [0xff, 0xc8, 0x57, 0xff];

/** Rectangles [x, y, width, height, colour]: `[[` at the left, `]]` at the right, the link between. */
function shapes() {
  const bracket = (x, open) => {
    const foot = open ? x : x - 8;
    return [[x, 30, 6, 68, INK], [foot, 30, 14, 6, INK], [foot, 92, 14, 6, INK]];
  };
  return [
    ...bracket(18, true), ...bracket(30, true),
    ...bracket(104, false), ...bracket(92, false),
    [50, 60, 8, 8, ACCENT], [60, 62, 8, 4, ACCENT], [70, 60, 8, 8, ACCENT],
  ];
}

/** Whether (x, y) lies inside the square with corners rounded to radius 22. */
function inRoundedSquare(x, y) {
  const r = 22;
  const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
  const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (inRoundedSquare(x, y)) rgba.set(BACKGROUND, (y * SIZE + x) * 4);
    }
  }
  for (const [x0, y0, w, h, colour] of shapes()) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgba.set(colour, (y * SIZE + x) * 4);
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: signature, IHDR (8-bit RGBA), one IDAT of filter-0 rows, IEND. */
export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rgba = pixels();
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
const png = iconPng();
if (process.argv.includes('--check')) {
  const same = existsSync(out) && readFileSync(out).equals(png);
  if (!same) process.stderr.write(`${out} is out of date: run node scripts/package-icon.mjs\n`);
  process.exit(same ? 0 : 1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
