// Writes each browser file of a release build compressed beside it, once, at the
// strongest settings (brotli quality 11, gzip level 9): `portal.wasm.br`,
// `portal.wasm.gz`, … The portal serves these as they are (tower-http's ServeDir
// precompressed support) instead of compressing every answer at a fast, weaker level.
// Usage: node scripts/precompress.mjs [PKG_DIR] (default target/site/pkg).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "target/site/pkg";
const compressible = /\.(wasm|js|css)$/;
for (const name of readdirSync(dir).filter((n) => compressible.test(n))) {
  const path = join(dir, name);
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  console.log(`${name}: ${raw.length} bytes, brotli ${br.length}, gzip ${gz.length}`);
}
