import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// The decoder's WebAssembly comes from node_modules, never from the network.
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
void prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });

/** Decodes the QR codes in an encoded image (PNG, …) with ZXing: their text, version and level. */
export async function decodeQr(image: Uint8Array): Promise<{ text: string; version: string; ecLevel: string }[]> {
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true });
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const extra = JSON.parse(r.extra || '{}') as { Version?: string | number; ECLevel?: string };
      return { text: r.text, version: String(extra.Version ?? ''), ecLevel: String(extra.ECLevel ?? '') };
    });
}
