// Renders every process model and decision table of processes/ as a person sees it: each BPMN plane
// (the root, and each collapsed sub-process drilled into) with bpmn-js fit to a 1920 × 1080 screen,
// and each decision table of each DMN file with dmn-js, in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core). The libraries come from node_modules through a
// loopback HTTP server, never from a CDN.
//
//   node tools/render/render-models.mjs [--out DIR]     (npm run render:models writes docs/screens)
//
// Fails when a model does not import cleanly (bpmn-js / dmn-js import warnings count) or when a
// plane fitted to the screen draws its labels smaller than MIN_LABEL_PX.
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const PROCESSES = join(ROOT, 'processes');
const MIN_LABEL_PX = 10;
// docs/screens/intake.png is the intake page's screenshot: the intake process gets another name
const NAMES = { intake: 'intake-process' };

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = resolve(outIndex >= 0 ? args[outIndex + 1] : join(ROOT, 'docs/screens'));
mkdirSync(OUT, { recursive: true });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.svg': 'image/svg+xml' };
const SERVED = [join(ROOT, 'node_modules', 'bpmn-js', 'dist'), join(ROOT, 'node_modules', 'dmn-js', 'dist'),
  join(ROOT, 'tools', 'render')];

const server = createServer((req, res) => {
  const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!SERVED.some((dir) => path.startsWith(dir + sep)) || !existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
  res.end(readFileSync(path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/tools/render/render.html`;

const profile = mkdtempSync(join(tmpdir(), 'render-models-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1920, height: 1080 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const failures = [];
const written = [];
async function freshPage() {
  const page = await browser.newPage();
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => failures.push(`request failed: ${r.url()}`));
  await page.goto(base);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

try {
  for (const file of readdirSync(PROCESSES).filter((n) => n.endsWith('.bpmn')).sort()) {
    const name = NAMES[file.replace(/\.bpmn$/, '')] || file.replace(/\.bpmn$/, '');
    const page = await freshPage();
    const { warnings, planes } = await page.evaluate((xml) => window.openBpmn(xml),
      readFileSync(join(PROCESSES, file), 'utf8'));
    warnings.forEach((w) => failures.push(`${file}: import warning: ${w}`));
    for (const [i, plane] of planes.entries()) {
      const { scale, minFont } = await page.evaluate((id) => window.showPlane(id), plane);
      const png = i === 0 ? `${name}.png` : `${name}-${plane.replace(/_plane$/, '')}.png`;
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(OUT, png) });
      written.push(png);
      const shown = Number.isFinite(minFont) ? minFont.toFixed(1) : '-';
      console.log(`${png}: scale ${scale.toFixed(2)}, smallest label ${shown}px`);
      if (minFont < MIN_LABEL_PX) {
        failures.push(`${png}: fitted to 1920 × 1080 its smallest label is ${shown}px (< ${MIN_LABEL_PX}px)`);
      }
    }
    await page.close();
  }
  for (const file of readdirSync(PROCESSES).filter((n) => n.endsWith('.dmn')).sort()) {
    const page = await freshPage();
    const { warnings, tables } = await page.evaluate((xml) => window.openDmn(xml),
      readFileSync(join(PROCESSES, file), 'utf8'));
    warnings.forEach((w) => failures.push(`${file}: import warning: ${w}`));
    if (tables.length === 0) failures.push(`${file}: no decision table`);
    for (const table of tables) {
      await page.evaluate((id) => window.showTable(id), table.id);
      await page.waitForTimeout(100);
      const png = `dmn-${table.id}.png`;
      await page.locator('#canvas').screenshot({ path: join(OUT, png) });
      written.push(png);
      console.log(`${png}: ${file} 「${table.name}」`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length > 0) {
  failures.forEach((f) => console.error(`FAIL ${f}`));
  process.exit(1);
}
console.log(`render:models: ${written.length} screenshot(s) in ${OUT}`);
