// End-to-end test as a student sees the kernel: start the classic Jupyter Notebook on localhost
// with a token, open a notebook in headless Chromium, click Cell > Run All, and check that every
// cell ran without an error and that a chart image appeared. Takes a screenshot.
//
//   node run-notebook.mjs --notebook FILE [--screenshot OUT.png] [--kernel-display-name NAME]
//                         [--expect-text TEXT]... [--timeout SECONDS]
//
// The kernelspec must already be installed where Jupyter finds it (the caller sets JUPYTER_PATH).
// The notebook is copied into a temporary folder; the original is never touched.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function parseArgs(argv) {
  const args = { expectText: [], timeout: 240, kernelDisplayName: 'Java (Glassbox)',
                 jupyter: '/usr/bin/jupyter', chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case '--notebook': args.notebook = value(); break;
      case '--screenshot': args.screenshot = value(); break;
      case '--kernel-display-name': args.kernelDisplayName = value(); break;
      case '--expect-text': args.expectText.push(value()); break;
      case '--timeout': args.timeout = Number(value()); break;
      case '--jupyter': args.jupyter = value(); break;
      case '--chromium': args.chromium = value(); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!args.notebook) throw new Error('--notebook FILE is required');
  return args;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log('[e2e]', ...a);

async function waitForServer(base, token, server, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`jupyter notebook exited with code ${server.exitCode}`);
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await sleep(250);
  }
  throw new Error(`jupyter notebook did not answer within ${seconds} s`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glassbox-e2e-'));
  const work = path.join(tmp, 'work');
  fs.mkdirSync(work);
  const name = path.basename(args.notebook);
  fs.copyFileSync(args.notebook, path.join(work, name));

  const token = randomBytes(16).toString('hex');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverLog = path.join(tmp, 'notebook-server.log');
  const out = fs.openSync(serverLog, 'w');
  // Only the server's own config and runtime folders are redirected: the kernelspec comes from
  // JUPYTER_PATH as the caller set it, and nothing is written to the user's Jupyter folders.
  const env = { ...process.env,
    JUPYTER_CONFIG_DIR: path.join(tmp, 'config'), JUPYTER_RUNTIME_DIR: path.join(tmp, 'runtime'),
    JUPYTER_DATA_DIR: process.env.JUPYTER_DATA_DIR || path.join(tmp, 'data'), IPYTHONDIR: path.join(tmp, 'ipython') };
  const server = spawn(args.jupyter, ['notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
    '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${work}`,
    ...(process.getuid && process.getuid() === 0 ? ['--allow-root'] : [])], { env, stdio: ['ignore', out, out] });

  let context;
  let failure = null;
  const started = Date.now();
  try {
    await waitForServer(base, token, server, 60);
    log(`notebook server up on ${base} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const profile = path.join(tmp, 'chromium-profile');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: args.chromium,
      headless: true,
      viewport: { width: 1280, height: 1600 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] || await context.newPage();
    const consoleErrors = [];
    page.on('pageerror', (e) => consoleErrors.push(String(e)));

    await page.goto(`${base}/notebooks/${encodeURIComponent(name)}?token=${token}`);
    await page.waitForSelector('#notebook-container .cell', { timeout: 60_000 });
    await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 120_000 });
    const kernelName = (await page.textContent('.kernel_indicator_name'))?.trim();
    const logo = await page.evaluate(() => {
      const img = document.querySelector('#kernel_logo_widget img.current_kernel_logo');
      return img && img.complete ? img.naturalWidth : 0;
    });
    if (logo !== 64) throw new Error(`the kernel's 64x64 logo did not load in the toolbar (width ${logo})`);
    log(`notebook open, kernel "${kernelName}" idle after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (kernelName !== args.kernelDisplayName) {
      throw new Error(`the notebook runs kernel "${kernelName}", expected "${args.kernelDisplayName}"`);
    }

    // Notice the kernel going busy, so that outputs stored in the notebook never pass for a run.
    await page.evaluate(() => {
      window.__glassboxSawBusy = false;
      const icon = document.querySelector('#kernel_indicator_icon');
      new MutationObserver(() => {
        if (icon.classList.contains('kernel_busy_icon')) window.__glassboxSawBusy = true;
      }).observe(icon, { attributes: true, attributeFilter: ['class'] });
    });
    // As a student would: Cell menu > Run All.
    await page.click('#celllink');
    await page.click('#run_all_cells > a');
    const runStarted = Date.now();
    await page.waitForFunction(() => {
      const prompts = [...document.querySelectorAll('.code_cell .input_prompt')].map((e) => e.textContent);
      return window.__glassboxSawBusy && prompts.length > 0 && prompts.every((t) => /\[\d+\]/.test(t))
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    }, null, { timeout: args.timeout * 1000, polling: 250 });
    log(`Run All finished in ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);

    const report = await page.evaluate(() => {
      const images = [...document.querySelectorAll('.output_area .output_png img, .output_area .output_jpeg img')]
        .filter((img) => img.complete && img.naturalWidth > 0)
        .map((img) => ({ kind: 'png', width: img.naturalWidth, height: img.naturalHeight }));
      const svgs = [...document.querySelectorAll('.output_area .output_svg svg')]
        .map((svg) => svg.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ kind: 'svg', width: Math.round(r.width), height: Math.round(r.height) }));
      const errors = [...document.querySelectorAll('.output_area .output_error, .output_area .output_stderr pre')]
        .filter((e) => e.closest('.output_error'))
        .map((e) => e.innerText.slice(0, 500));
      return { images: [...images, ...svgs], errors, text: document.querySelector('#notebook-container').innerText };
    });
    if (args.screenshot) {
      fs.mkdirSync(path.dirname(path.resolve(args.screenshot)), { recursive: true });
      await page.screenshot({ path: args.screenshot, fullPage: true });
      log(`screenshot ${args.screenshot}`);
    }
    log(`images: ${JSON.stringify(report.images)}`);
    if (report.errors.length) throw new Error(`cells showed errors:\n${report.errors.join('\n---\n')}`);
    if (report.images.length === 0) throw new Error('no chart image appeared in the outputs');
    for (const text of args.expectText) {
      if (!report.text.includes(text)) throw new Error(`the page does not show "${text}"`);
    }
    if (consoleErrors.length) log(`page errors (not fatal): ${consoleErrors.join(' | ')}`);

    // Shut the kernel down through the REST API, as the Notebook's "Close and Halt" does.
    const kernels = await (await fetch(`${base}/api/kernels?token=${token}`)).json();
    for (const k of kernels) await fetch(`${base}/api/kernels/${k.id}?token=${token}`, { method: 'DELETE' });
    log('PASS');
  } catch (e) {
    failure = e;
  } finally {
    if (context) await context.close().catch(() => {});
    server.kill('SIGTERM');
    for (let i = 0; i < 40 && server.exitCode === null && server.signalCode === null; i++) await sleep(250);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    fs.closeSync(out);
    if (failure) {
      console.error(`[e2e] FAIL: ${failure.message}`);
      console.error(`[e2e] notebook server log (${serverLog}):\n${fs.readFileSync(serverLog, 'utf8').slice(-4000)}`);
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  process.exit(failure ? 1 : 0);
}

main().catch((e) => { console.error(`[e2e] FAIL: ${e.stack || e}`); process.exit(1); });
