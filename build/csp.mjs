// Part of trunk's post_build hook (build/post_build.mjs): on release builds, puts the site's
// Content-Security-Policy into index.html as `<meta http-equiv="Content-Security-Policy">`, first
// in <head>, before trunk's inline loader script.
//
// Trunk writes one inline `<script type=module>` that imports the JS glue and instantiates the
// wasm. Its content names the hashed files, so it changes with every build: the policy allows
// exactly this build's inline scripts by their SHA-256 hashes, computed here from the final
// (minified) HTML. No nonce: a nonce baked into a static file would be the same on every load.
// Trunk's own `create_nonce` stays off.
//
// What a <meta> policy cannot do, a host must send as a header (README, "Hosting dist/"):
// `frame-ancestors` is ignored in <meta>, and `connect-src` here allows what the settings
// accept (any https origin, plain http only on this computer), because the proxy is chosen at
// run time (config.json, the Settings page). A host narrows it to its proxy with a header;
// browsers enforce both policies.
//
// Debug builds (`trunk serve`) get no policy: trunk serve injects its own live-reload script.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The plain-http sources allowed: the same hosts as LOOPBACK_HOSTS in keyturn-core's settings
 * (a policy cannot name an IPv6 address, so not [::1]).
 */
export const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];

/** The contents of every inline <script> (one without `src`) of `html`, as written. */
export function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes, content] = match;
    if (!/\bsrc\s*=/i.test(attributes)) scripts.push(content);
  }
  return scripts;
}

/** The policy for a page whose inline scripts are `scripts`. */
export function policyFor(scripts) {
  const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' https: ${LOOPBACK_SOURCES.join(' ')}`,
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** `html` with `policy` as a <meta> right after the charset declaration (or first in <head>). */
export function withPolicy(html, policy) {
  if (/http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error('index.html already has a Content-Security-Policy <meta>');
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = html.match(/<meta\s+charset=["']?utf-8["']?\s*\/?>/i);
  if (charset) {
    const at = charset.index + charset[0].length;
    return html.slice(0, at) + meta + html.slice(at);
  }
  const head = html.match(/<head\b[^>]*>/i);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + meta + html.slice(at);
  }
  throw new Error('index.html has neither <meta charset=utf-8> nor <head>');
}

/** Adds the policy to `dir`/index.html; returns the policy. */
export async function addPolicy(dir) {
  const path = join(dir, 'index.html');
  const html = await readFile(path, 'utf8');
  const policy = policyFor(inlineScripts(html));
  await writeFile(path, withPolicy(html, policy));
  return policy;
}
