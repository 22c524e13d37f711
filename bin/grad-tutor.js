#!/usr/bin/env node
// The entry: a few lines that load dist/cli.cjs with a V8 code cache, so a
// later start skips most of the parsing and compiling of the bundle.
// CommonJS (bin/package.json says so): an ES module entry costs Node 20 about
// 8 ms more to start, a fifth of a bare `node -e 0`.
'use strict';
const { createRequire, enableCompileCache } = require('node:module');
const path = require('node:path');

const bundle = path.join(__dirname, '../dist/cli.cjs');

if (enableCompileCache) {
  // Node ≥ 22 caches compiled code itself (in the OS temp directory).
  enableCompileCache();
  require(bundle);
} else {
  runWithCodeCache(bundle);
}

/**
 * Node 20: compile the bundle as a vm.Script with V8 cached data from an
 * earlier run, and save fresh cached data when there was none, V8 refused it,
 * or this run compiled much more (the cache of a `list` lacks the Ink code
 * that the tutor needs). Any trouble with the cache only costs speed.
 */
function runWithCodeCache(file) {
  const fs = require('node:fs');
  const { Script } = require('node:vm');
  const bytes = fs.readFileSync(file);
  // Node's own CommonJS wrapper, on the first line so that line numbers in
  // stack traces stay right. Latin-1 decodes several times faster than UTF-8;
  // scripts/build.mjs makes the bundle ASCII.
  const source = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('latin1')}\n})`;
  const cache = codeCache(file, bytes);
  const cachedData = cache.read();
  const script = new Script(source, { filename: file, cachedData });
  cache.saveLater(script, script.cachedDataRejected === false ? cachedData.length : 0);
  const bundleModule = { exports: {} };
  script.runInThisContext()(bundleModule.exports, createRequire(file), bundleModule, file, path.dirname(file));
}

/**
 * One cache file per installed bundle, in $XDG_CACHE_HOME/grad-tutor/. V8 only
 * checks that the source has the same length, so the file starts with a header
 * naming the exact source (CRC-32 and length) and the CRC-32 of the data: a
 * rebuilt bundle or a damaged file is ignored, then replaced.
 */
function codeCache(file, bytes) {
  const fs = require('node:fs');
  const os = require('node:os');
  const zlib = require('node:zlib');
  const MAGIC = 0x47544331; // "GTC1"
  const HEADER = 16;
  let cacheFile;
  let sourceCrc;
  try {
    const xdg = process.env.XDG_CACHE_HOME;
    const dir = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
    // zlib.crc32 is new in Node 20.15; without it, no cache.
    sourceCrc = zlib.crc32(bytes);
    cacheFile = path.join(dir, 'grad-tutor', `${path.basename(file)}-${zlib.crc32(file).toString(16)}.v8cache`);
  } catch {
    return { read: () => undefined, saveLater() {} };
  }

  function read() {
    try {
      const data = fs.readFileSync(cacheFile);
      if (data.length < HEADER || data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== sourceCrc || data.readUInt32LE(8) !== bytes.length) return undefined;
      const payload = data.subarray(HEADER);
      return zlib.crc32(payload) === data.readUInt32LE(12) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  function save(payload) {
    try {
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(MAGIC, 0);
      header.writeUInt32LE(sourceCrc, 4);
      header.writeUInt32LE(bytes.length, 8);
      header.writeUInt32LE(zlib.crc32(payload), 12);
      // Not mkdirSync({ recursive: true }): on Node 20 it spins forever under /proc.
      for (const dir of [path.dirname(path.dirname(cacheFile)), path.dirname(cacheFile)]) {
        try {
          fs.mkdirSync(dir);
        } catch (error) {
          if (error.code !== 'EEXIST') throw error;
        }
      }
      // Write, then rename: a concurrent start never reads half a file.
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, Buffer.concat([header, payload]));
        fs.renameSync(temp, cacheFile);
      } finally {
        fs.rmSync(temp, { force: true });
      }
    } catch {
      // A read-only or full disk: run without a cache.
    }
  }

  /**
   * V8 puts every function compiled so far in the cached data, so it is made
   * late: one second in (the first frame is drawn by then), or at exit for a
   * command that is over sooner.
   */
  function saveLater(script, loadedLength) {
    let saved = false;
    const saveNow = (onlyIfGrown) => {
      if (saved) return;
      saved = true;
      try {
        const payload = script.createCachedData();
        if (!onlyIfGrown || payload.length > loadedLength * 1.1) save(payload);
      } catch {
        // No cached data this time.
      }
    };
    setTimeout(() => saveNow(loadedLength > 0), 1000).unref();
    if (loadedLength === 0) process.once('exit', () => saveNow(false));
  }

  return { read, saveLater };
}
