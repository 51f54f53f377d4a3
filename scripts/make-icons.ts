/**
 * Draws the toolbar icons (public/icon/{16,32,48,128}.png): a blue rounded square with three rising bars —
 * figures compared side by side. Node built-ins only (zlib for PNG's deflate). Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BLUE: Rgba = [26, 95, 208, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [255, 190, 60, 255];

/** Colour of the icon at (x, y) in a 1×1 square, or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars: Array<[number, number, number, Rgba]> = [
    // [left, right, top] with bottom at 0.8
    [0.2, 0.36, 0.52, WHITE],
    [0.42, 0.58, 0.36, AMBER],
    [0.64, 0.8, 0.2, WHITE],
  ];
  for (const [left, right, top, colour] of bars) {
    if (x >= left && x <= right && y >= top && y <= 0.8) return colour;
  }
  return BLUE;
}

/** Renders at `size` px with 4×4 supersampling so small sizes stay smooth. */
function render(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          // Premultiplied accumulation so edges blend towards transparent, not towards black.
          acc[0]! += c[0] * c[3];
          acc[1]! += c[1] * c[3];
          acc[2]! += c[2] * c[3];
          acc[3]! += c[3];
        }
      }
      const alpha = acc[3]!;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = alpha ? Math.round(acc[0]! / alpha) : 0;
      raw[o + 1] = alpha ? Math.round(acc[1]! / alpha) : 0;
      raw[o + 2] = alpha ? Math.round(acc[2]! / alpha) : 0;
      raw[o + 3] = Math.round(alpha / (ss * ss));
    }
  }
  return png(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const file = path.join(outDir, `${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
