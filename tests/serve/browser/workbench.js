// workbench.js - the browser test of `brink serve` (docs/workbench.md):
// loads the workbench in Debian's chromium, changes a lever (and sees the
// located error of an out-of-range value at the field), runs an ensemble to
// completion, compares the what-if with the baseline, reads one run's
// "why", plays 12 months as the USA with the advisor, saves the game log and
// replays it byte for byte; fails on any console error or warning, page
// error, or request to anything but the server.  Saves a screenshot of each
// view into OUT_DIR.
// usage: node workbench.js CHROMIUM URL OUT_DIR
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const [, , CHROMIUM, URL, OUT] = process.argv;
const problems = [];

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
                                          args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push('console ' + m.type() + ': ' + m.text());
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(URL)) problems.push('request outside the server: ' + r.url());
  });
  page.on('requestfailed', (r) => problems.push('failed request: ' + r.url()));
  page.setDefaultTimeout(120000);
  const shot = (name) => page.screenshot({ path: path.join(OUT, name + '.png') });

  await page.goto(URL);
  await page.waitForSelector('body[data-ready="1"]');
  // a lever: an out-of-range value shows the located message at the field
  const rivalry = page.locator('input[data-path="params.rivalry"]');
  await page.locator('summary', { hasText: 'model parameters' }).click();
  await rivalry.fill('7');
  await rivalry.dispatchEvent('change');
  await page.waitForFunction(() => {
    const row = document.querySelector('.lever[data-path="params.rivalry"] .err');
    return row && /params\.rivalry: 7 is out of range; expected a number in \[0, 1\]/.test(row.textContent);
  });
  await rivalry.fill('0.75');
  await rivalry.dispatchEvent('change');
  await page.waitForFunction(() => /1 lever\(s\) changed; the scenario is valid/.test(document.getElementById('validate-status').textContent));
  await rivalry.scrollIntoViewIfNeeded();
  await shot('workbench-levers');

  // an ensemble to completion
  await page.click('#tabs button[data-view="ensemble"]');
  await page.fill('#ens-runs', '400');
  await page.click('#ens-run');
  await page.waitForFunction(() => /^done \(400 \/ 400 runs\)/.test(document.getElementById('ens-status').textContent));
  const outcomes = await page.locator('#ens-outcomes tr').count();
  if (outcomes !== 6) problems.push('ensemble: ' + outcomes + ' outcome rows, expected 5 and a header');
  await page.locator('#ens-result svg').first().hover();
  await shot('workbench-ensemble');

  // the what-if against the baseline
  await page.click('#tabs button[data-view="compare"]');
  await page.fill('#cmp-runs', '400');
  await page.click('#cmp-run');
  await page.waitForFunction(() => /^done \(400 \/ 400 runs\)/.test(document.getElementById('cmp-status').textContent));
  const crow = await page.locator('#cmp-table tr').count();
  if (crow < 10) problems.push('compare: only ' + crow + ' rows');
  await shot('workbench-compare');

  // one run and its "why"
  await page.click('#tabs button[data-view="run"]');
  await page.click('#run-go');
  await page.waitForSelector('#run-events .why');
  await page.selectOption('#run-actor', 'USA');
  const foreign = await page.locator('#run-events .event').evaluateAll((es) => es.filter((e) => !/^\d{4}-\d\d USA/.test(e.textContent)).length);
  if (foreign) problems.push('run view: the actor filter let ' + foreign + ' events of other actors through');
  await shot('workbench-run');

  // 12 months as the USA, with the advisor once
  await page.click('#tabs button[data-view="play"]');
  await page.selectOption('#play-actor', 'USA');
  await page.click('#play-start');
  await page.waitForSelector('#play-options');
  await page.click('#play-advise');
  await page.waitForSelector('#play-outlook');
  const moves = ['wait', 'impose_sanctions', 'threaten_force'], stances = ['model', 'seek', 'refuse'];
  for (let i = 0; i < 12; i++) {
    const before = await page.textContent('#play-month');
    await page.check(`input[name="play-option"][value="${moves[i % 3]}"]`);
    await page.selectOption('#play-talks', stances[(i >> 1) % 3]);
    await page.click('#play-decide');
    await page.waitForFunction((b) => document.getElementById('play-month').textContent !== b, before);
  }
  if (!/^2013-01: USA decides/.test(await page.textContent('#play-month')))
    problems.push('play: after 12 decisions the month is ' + await page.textContent('#play-month'));
  await page.click('#play-save');
  await page.waitForFunction(() => (document.getElementById('play-log').value.match(/\n/g) || []).length === 17);
  await page.click('#play-replay');
  await page.waitForFunction(() => /replayed:/.test(document.getElementById('play-replay-status').textContent));
  const rs = await page.textContent('#play-replay-status');
  if (!/the same events, byte for byte/.test(rs)) problems.push('play replay: ' + rs);
  await page.click('#play-advise');
  await page.waitForSelector('#play-outlook');
  await shot('workbench-play');
  await browser.close();
  if (problems.length) {
    console.log('workbench-browser: FAIL\n  ' + problems.join('\n  '));
    process.exit(1);
  }
  console.log('workbench-browser: levers, ensemble, compare, run and 12 months of play passed; no console error, no outside request');
})().catch((e) => { console.log('workbench-browser: FAIL: ' + e.message + '\n  ' + problems.join('\n  ')); process.exit(1); });
