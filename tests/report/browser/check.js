// check.js - loads each report in headless Chromium from a file URL and
// fails on any console error or warning, page error, or network request
// (anything but the report's own file URL); saves a full-page screenshot and
// checks it is not blank; prints the render time of each report.
// usage: node check.js CHROMIUM OUT_DIR REPORT.html...
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');

// Minimal PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium writes).
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, ctype = 0, idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
      ctype = data[9];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = ctype === 6 ? 4 : ctype === 2 ? 3 : 0;
  if (!bpp) throw new Error('unsupported PNG colour type ' + ctype);
  const raw = zlib.inflateSync(Buffer.concat(idat)), stride = width * bpp;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[dst + x - bpp] : 0, b = y ? out[dst - stride + x] : 0;
      const c = x >= bpp && y ? out[dst - stride + x - bpp] : 0, v = raw[src + x];
      let p;
      if (f === 0) p = 0; else if (f === 1) p = a; else if (f === 2) p = b;
      else if (f === 3) p = (a + b) >> 1;
      else { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
             p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[dst + x] = (v + p) & 255;
    }
  }
  return { width, height, bpp, data: out };
}

// Share of pixels that differ from the most common colour (the page
// background), and the number of distinct colours.
function blankness(png) {
  const { width, height, bpp, data } = png;
  const counts = new Map();
  for (let i = 0; i < width * height; i++) {
    const k = (data[i * bpp] << 16) | (data[i * bpp + 1] << 8) | data[i * bpp + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  let bgCount = 0;
  for (const v of counts.values()) if (v > bgCount) bgCount = v;
  return { fraction: 1 - bgCount / (width * height), colours: counts.size };
}

(async () => {
  const [exe, outDir, ...reports] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  let failures = 0, passed = 0;
  for (const report of reports) {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brink-chromium-'));
    const ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: exe, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run',
             '--disable-dev-shm-usage'],
      viewport: { width: 1280, height: 900 },
    });
    const problems = [];
    const url = 'file://' + path.resolve(report);
    const page = ctx.pages()[0] || await ctx.newPage();
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', e => problems.push('page error: ' + e.message));
    page.on('request', r => { if (r.url() !== url) problems.push('network request: ' + r.url()); });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const wall = Date.now() - t0;
    // rendered: after the load event, two animation frames later the page
    // has been laid out and painted; its time since navigation start
    const paintTime = () => page.evaluate(() => new Promise(res =>
      requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now())))));
    let rendered = await paintTime();
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { load: n.loadEventEnd, svgs: document.querySelectorAll('svg').length,
               empty: [...document.querySelectorAll('svg')].filter(s => { const b = s.getBoundingClientRect(); return b.width < 50 || b.height < 50; }).length };
    });
    const shot = path.join(outDir, path.basename(report, '.html') + '.png');
    const png = await page.screenshot({ path: shot, fullPage: true });
    // a machine busy with other work slows one load down: over the budget,
    // the page is loaded again (twice at most) and the fastest load counts
    const budget = Number(process.env.BRINK_MAX_LOAD_MS || 0);
    for (let retry = 0; budget && rendered > budget && retry < 2; retry++) {
      await page.goto(url, { waitUntil: 'load' });
      rendered = Math.min(rendered, await paintTime());
    }
    await ctx.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    const bl = blankness(decodePng(png));
    if (nav.svgs === 0) problems.push('no chart (svg element) in the page');
    if (nav.empty > 0) problems.push(`${nav.empty} chart(s) rendered smaller than 50 px`);
    if (bl.fraction < 0.02 || bl.colours < 8)
      problems.push(`screenshot looks blank: ${(100 * bl.fraction).toFixed(2)}% non-background pixels, ${bl.colours} colours`);
    const size = fs.statSync(report).size;
    console.log(`${path.basename(report)}: ${(size / 1048576).toFixed(2)} MB, ${nav.svgs} charts, ` +
                `load event at ${nav.load.toFixed(0)} ms, painted at ${rendered.toFixed(0)} ms (goto ${wall} ms), ` +
                `screenshot ${(100 * bl.fraction).toFixed(1)}% drawn, ${bl.colours} colours -> ${shot}`);
    if (problems.length) { failures++; for (const p of problems) console.log('  FAIL ' + p); }
    else passed++;
    if (process.env.BRINK_MAX_LOAD_MS && rendered > Number(process.env.BRINK_MAX_LOAD_MS)) {
      console.log(`  FAIL rendering took ${rendered.toFixed(0)} ms > ${process.env.BRINK_MAX_LOAD_MS} ms`); failures++;
    }
  }
  console.log(`report-browser: ${passed} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
