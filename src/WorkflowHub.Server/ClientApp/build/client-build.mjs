// Restores and builds the ClientApp for MSBuild (ClientApp.targets), safely when several builds
// run at once: one build at a time holds a lock directory, and every step re-checks under the
// lock whether it is still needed, so a build that waited finds the work done and skips it.
//
//   node build/client-build.mjs restore   npm ci when node_modules is missing or older than package-lock.json
//   node build/client-build.mjs build     restore if needed, then `npm run build` when an input is newer than the manifest
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockDir = join(appDir, '.build.lock');
const hiddenLockfile = join(appDir, 'node_modules', '.package-lock.json');
const manifest = resolve(appDir, '..', 'wwwroot', 'dist', '.vite', 'manifest.json');
const staleLockMs = 15 * 60 * 1000;
const waitLimitMs = 20 * 60 * 1000;

const step = process.argv[2];
if (step !== 'restore' && step !== 'build') {
  console.error('usage: node build/client-build.mjs restore|build');
  process.exit(2);
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function newestUnder(path) {
  if (!existsSync(path)) {
    return -1;
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestUnder(join(path, entry)));
  }
  return newest;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquireLock() {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
    }
    // A build killed mid-way leaves its lock behind; one older than any real build is taken over.
    if (Date.now() - mtime(lockDir) > staleLockMs) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > waitLimitMs) {
      console.error(`ClientApp: gave up waiting for ${lockDir}; delete it if no other build is running.`);
      process.exit(1);
    }
    if (!announced) {
      console.log('ClientApp: another build is restoring or building the client app; waiting for it.');
      announced = true;
    }
    sleep(500);
  }
}

function releaseLock() {
  rmSync(lockDir, { recursive: true, force: true });
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: appDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }
  });
  if (result.error) {
    throw result.error;
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with code ${result.status}`);
  }
}

function restoreIfNeeded() {
  if (mtime(hiddenLockfile) >= mtime(join(appDir, 'package-lock.json'))) {
    return;
  }
  console.log('ClientApp: npm ci');
  // Install scripts are not needed by any dependency (the only ones are telemetry).
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
  const now = new Date();
  utimesSync(hiddenLockfile, now, now);
}

function buildIfNeeded() {
  const inputs = ['src', 'build', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.node.json', '.bpmnlintrc'];
  const newestInput = Math.max(...inputs.map((input) => newestUnder(join(appDir, input))));
  if (mtime(manifest) >= newestInput) {
    return;
  }
  console.log('ClientApp: npm run build');
  run('npm', ['run', 'build']);
}

acquireLock();
process.on('SIGINT', () => { releaseLock(); process.exit(130); });
process.on('SIGTERM', () => { releaseLock(); process.exit(143); });
try {
  restoreIfNeeded();
  if (step === 'build') {
    buildIfNeeded();
  }
} catch (error) {
  console.error(`ClientApp: ${error.message}`);
  process.exitCode = 1;
} finally {
  releaseLock();
}
