// Second step of trunk's post_build hook (build/post_build.mjs, after build/csp.mjs): on
// release builds, writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
// beside every .wasm, .js, .css, .html, .json and .svg file in trunk's staging dir, so that a
// static host (nginx `brotli_static`/`gzip_static`, `keyturn-proxy --serve-dir`) can send them
// without compressing on every request.
//
// A variant is written only when it is smaller than the file. `config.json` gets none: it is
// meant to be edited on the host after the build, and a host would keep serving the stale
// variant. Uses only Node's built-in zlib. Trunk sets TRUNK_PROFILE and TRUNK_STAGING_DIR.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, extname } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const EXTENSIONS = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg']);
const EDITED_AFTER_BUILD = new Set(['config.json']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const { TRUNK_PROFILE: profile, TRUNK_STAGING_DIR: dir } = process.env;
if (profile !== 'release') {
  console.log(`compress.mjs: TRUNK_PROFILE is ${profile ?? 'unset'}, not release: no .br/.gz written`);
  process.exit(0);
}
if (!dir) {
  console.error('compress.mjs: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
  process.exit(1);
}

/** Every file under `root` that should get variants. */
async function assets(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && EXTENSIONS.has(extname(e.name)))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((path) => !EDITED_AFTER_BUILD.has(relative(root, path)));
}

/** Writes the variants of one file that are smaller than it; returns a report line. */
async function compress(path) {
  const data = await readFile(path);
  const { BROTLI_MODE_GENERIC, BROTLI_MODE_TEXT } = zlib.constants;
  const mode = extname(path) === '.wasm' ? BROTLI_MODE_GENERIC : BROTLI_MODE_TEXT;
  const variants = {
    br: await brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: mode,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz: await gzip(data, { level: 9 }),
  };
  const sizes = [];
  for (const [ext, bytes] of Object.entries(variants)) {
    if (bytes.length < data.length) {
      await writeFile(`${path}.${ext}`, bytes);
      sizes.push(`${ext} ${bytes.length}`);
    } else {
      sizes.push(`${ext} skipped (${bytes.length})`);
    }
  }
  return `  ${relative(dir, path)} ${data.length} B -> ${sizes.join(', ')}`;
}

const lines = await Promise.all((await assets(dir)).map(compress));
console.log(`compress.mjs: precompressed in ${dir}\n${lines.sort().join('\n')}`);
