#!/usr/bin/env node
// The entry: a few lines that load dist/cli.cjs with a V8 code cache, so a
// later start skips most of the parsing and compiling of the bundle.
// CommonJS (bin/package.json says so): an ES module entry costs Node 20 about
// 8 ms more to start, a fifth of a bare `node -e 0`.
//
// Not module.enableCompileCache() on Node >= 22: Node makes that cache when it
// compiles the bundle, before it runs, so it lacks the functions compiled
// lazily later: most of Ink and React. Measured on Node 24, the first frame
// came at 4.5x `node -e 0` with it and 2.8x with this cache.
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

runWithCodeCache(path.join(__dirname, '../dist/cli.cjs'));

/**
 * Compile the bundle as a vm.Script with V8 cached data from an earlier run,
 * and save fresh cached data when there was none, V8 refused it, or this run
 * compiled much more (the cache of a `list` lacks the Ink code that the tutor
 * needs). Any trouble with the cache only costs speed.
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
 * One cache file per installed bundle and Node version, in
 * $XDG_CACHE_HOME/grad-tutor/: V8 refuses another version's data, and two
 * Nodes sharing a file would each replace the other's. V8 only checks that the
 * source has the same length (and its own version and flags), so the file
 * starts with a header naming the exact bundle: the build id on its first line
 * (npm gives every file the same mtime), its length and its mtime (for a
 * bundle edited by hand). A rebuilt bundle's cache is ignored, then replaced;
 * so is a damaged file (see fingerprint).
 */
function codeCache(file, bytes) {
  const fs = require('node:fs');
  const os = require('node:os');
  const MAGIC = 0x47544332; // "GTC2"
  const HEADER = 24;
  const MONTH = 30 * 24 * 3600 * 1000;
  let cacheFile;
  let build;
  let mtime;
  try {
    const id = /^\/\/ grad-tutor build ([0-9a-f]{8})\n/.exec(bytes.toString('latin1', 0, 40));
    if (!id) throw new Error('a bundle without a build id');
    build = Number.parseInt(id[1], 16);
    mtime = fs.statSync(file).mtimeMs;
    const xdg = process.env.XDG_CACHE_HOME;
    // With HOME="" the home folder is "" and .cache would land in the current folder: no cache then.
    const home = os.homedir();
    if (!(xdg && path.isAbsolute(xdg)) && !path.isAbsolute(home)) throw new Error('no folder for a cache');
    const dir = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
    cacheFile = path.join(
      dir,
      'grad-tutor',
      `${path.basename(file)}-${fingerprint(Buffer.from(`${file}\n${process.version}\n${process.arch}`)).toString(16)}.v8cache`,
    );
  } catch {
    return { read: () => undefined, saveLater() {} };
  }

  function read() {
    try {
      const data = readRegular(cacheFile);
      if (
        data.length < HEADER ||
        data.readUInt32LE(0) !== MAGIC ||
        data.readUInt32LE(4) !== build ||
        data.readUInt32LE(8) !== bytes.length ||
        data.readDoubleLE(12) !== mtime
      )
        return undefined;
      const payload = data.subarray(HEADER);
      return fingerprint(payload) === data.readUInt32LE(20) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  function save(payload) {
    try {
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(MAGIC, 0);
      header.writeUInt32LE(build, 4);
      header.writeUInt32LE(bytes.length, 8);
      header.writeDoubleLE(mtime, 12);
      header.writeUInt32LE(fingerprint(payload), 20);
      const dir = path.dirname(cacheFile);
      // Not mkdirSync({ recursive: true }): on Node 20 it spins forever under /proc.
      // The user's alone (0700), as XDG asks of the cache folder.
      for (const folder of [path.dirname(dir), dir]) {
        try {
          fs.mkdirSync(folder, 0o700);
        } catch (error) {
          if (error.code !== 'EEXIST') throw error;
        }
      }
      // Write, then rename: a concurrent start never reads half a file. The
      // temporary file has an unpredictable name and is created exclusively,
      // never through a symlink, so a link planted there cannot redirect the
      // write. node:crypto is loaded here, after the start, not before it.
      const temp = `${cacheFile}.${require('node:crypto').randomBytes(6).toString('hex')}.tmp`;
      const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;
      const fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
      try {
        try {
          const data = Buffer.concat([header, payload]);
          for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(temp, cacheFile);
      } finally {
        fs.rmSync(temp, { force: true });
      }
      // Caches of bundles that are gone (an old install, a deleted clone)
      // would pile up: drop those not written for a month.
      for (const name of fs.readdirSync(dir)) {
        const other = path.join(dir, name);
        if (name.endsWith('.v8cache') && other !== cacheFile && fs.statSync(other).mtimeMs < Date.now() - MONTH)
          fs.rmSync(other, { force: true });
      }
    } catch {
      // A read-only or full disk: run without a cache.
    }
  }

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

/**
 * A cache file's bytes: only a regular file, opened without blocking, so a
 * FIFO or device planted at its name cannot stall the start.
 */
function readRegular(file) {
  const fs = require('node:fs');
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || stats.size > 256 * 1024 * 1024) return Buffer.alloc(0);
    const data = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < data.length) {
      const n = fs.readSync(fd, data, read, data.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return data.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A 32-bit FNV-1a sum of the length and of 4,096 words spread over the data.
 * A truncated, overwritten or foreign file fails it; a lone flipped bit may
 * not. Hashing every byte would mean node:zlib or node:crypto, each ~4 ms to
 * load (a tenth of Node's own start), or a JavaScript loop as slow; and the
 * bundle itself, as likely to rot, is not checked at all.
 */
function fingerprint(buffer) {
  const data = buffer.byteOffset % 4 === 0 ? buffer : new Uint8Array(buffer);
  const words = new Int32Array(data.buffer, data.byteOffset, data.length >>> 2);
  const step = Math.max(1, Math.floor(words.length / 4096));
  let sum = 0x811c9dc5 ^ data.length;
  for (let i = 0; i < words.length; i += step) sum = Math.imul(sum ^ words[i], 0x01000193);
  return sum >>> 0;
}
