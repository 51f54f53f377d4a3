/**
 * Bundle sizes of the built extension (.output/chrome-mv3): what each part costs to load. Sizes are of the
 * files as built (WXT minifies production builds) and gzipped (level 9, per file, as a store package or
 * a network would compress them). The popup counts its HTML, its script, the chunks that script imports
 * and its styles.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  /** What every page evaluates at load: the manifest's content script and its CSS. */
  contentScript: BundleSize;
  /** The web-accessible scripts the content script imports when first needed (the hover card). */
  onDemand: BundleSize;
  background: BundleSize;
  popup: BundleSize;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: (string | { resources?: string[] })[];
  action?: { default_popup?: string };
}

async function sizeOf(dir: string, files: string[]): Promise<BundleSize> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const data = await readFile(path.join(dir, f));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

/** A script and every chunk it imports statically (`import "./x.js"`, `from "./x.js"`), transitively. */
async function withImports(dir: string, entry: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (out.includes(file)) continue;
    out.push(file);
    if (!file.endsWith('.js')) continue;
    const code = await readFile(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1]!;
      const resolved = spec.startsWith('/')
        ? spec.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      queue.push(resolved);
    }
  }
  return out;
}

export async function measureBundles(dir: string): Promise<BundleSizes> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const background = manifest.background?.service_worker
    ? await withImports(dir, manifest.background.service_worker)
    : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup;
  if (!popupHtml) throw new Error(`${dir}/manifest.json has no action.default_popup`);
  const html = await readFile(path.join(dir, popupHtml), 'utf8');
  const popup = [popupHtml];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)) {
    const ref = m[1]!.replace(/^\//, '');
    for (const f of ref.endsWith('.js') ? await withImports(dir, ref) : [ref]) {
      if (!popup.includes(f)) popup.push(f);
    }
  }
  const onDemand = (manifest.web_accessible_resources ?? [])
    .flatMap((r) => (typeof r === 'string' ? [r] : (r.resources ?? [])))
    .filter((f) => f.endsWith('.js'));
  return {
    contentScript: await sizeOf(dir, content),
    onDemand: await sizeOf(dir, onDemand),
    background: await sizeOf(dir, background),
    popup: await sizeOf(dir, popup),
  };
}
