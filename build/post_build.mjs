// Trunk's post_build hook (Trunk.toml). Trunk starts every hook of a stage at once, so the
// steps that must follow each other are one hook: first the Content-Security-Policy goes into
// index.html (build/csp.mjs), then the precompressed variants are written (build/compress.mjs),
// so that index.html.br and .gz carry the policy too. Both do nothing on debug builds.

import { addPolicy } from './csp.mjs';

const { TRUNK_PROFILE: profile, TRUNK_STAGING_DIR: dir } = process.env;
if (profile === 'release') {
  if (!dir) {
    console.error('post_build.mjs: TRUNK_STAGING_DIR is not set (run me as a trunk hook)');
    process.exit(1);
  }
  const policy = await addPolicy(dir);
  console.log(`csp.mjs: index.html's Content-Security-Policy: ${policy}`);
} else {
  console.log(`csp.mjs: TRUNK_PROFILE is ${profile ?? 'unset'}, not release: no policy written`);
}

await import('./compress.mjs');
