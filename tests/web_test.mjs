// The web page of `palmyra serve` in a real browser: Debian's Chromium driven
// by playwright-core, against a server over a database coded from examples/.
// Every count the page shows is checked against the JSON API's answer to the
// same filters.
//
//   node tests/web_test.mjs PALMYRA_BINARY SOURCE_DIR [SCREENSHOT.png]
//
// Exits 1 naming the first thing that is wrong. With SCREENSHOT, codes the
// two corpora of ../shared/corpus instead and saves a picture of the page.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [binary, source, screenshot] = process.argv.slice(2);

function fail(message) {
  console.error('web_test: ' + message);
  process.exitCode = 1;
  throw new Error(message);
}

function check(condition, message) {
  if (!condition) fail(message);
}

function browserPath() {
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (fs.existsSync(p)) return p;
  }
  fail('Chromium is not installed (make setup installs Debian\'s chromium)');
}

async function startServer(db) {
  const server = spawn(binary, ['serve', '--db', db, '--port', '0', '-q'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error('the server exited with ' + code + ': ' + log)));
    setTimeout(() => reject(new Error('the server did not start: ' + log)), 20000);
  });
  return { server, base: 'http://127.0.0.1:' + port + '/' };
}

async function apiTotal(base, params) {
  const response = await fetch(base + 'api/events?limit=1&' + new URLSearchParams(params));
  const body = await response.json();
  check(response.ok, 'API error: ' + JSON.stringify(body));
  return body.total;
}

async function countShown(page) {
  return Number(await page.getByTestId('result-count').textContent());
}

// Waits until the page shows `total` events (the filters' answer arrived).
async function waitForCount(page, total, what) {
  try {
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid=result-count]').textContent === String(t),
      total, { timeout: 30000 });
  } catch {
    fail(what + ': the page shows ' + (await countShown(page)) + ' events, the API ' + total);
  }
}

// The box of an element once it is laid out: a chart drawn again after new
// data (the timeline after "Clear") has none for a moment.
async function boxOf(locator) {
  for (let tries = 0; tries < 100; ++tries) {
    await locator.waitFor({ state: 'visible', timeout: 30000 });
    const box = await locator.boundingBox();
    if (box !== null && box.width > 0) return box;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail('the element was never laid out');
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'palmyra-web-'));
  const db = path.join(scratch, 'events.db');
  const inputs = screenshot
    ? ['../shared/corpus/bbc.jsonl', '../shared/corpus/guardian_syria.jsonl'].map((f) => path.join(source, f))
    : [path.join(source, 'examples')];
  const coded = spawnSync(binary, ['code', '-q', '--db', db, ...inputs], { encoding: 'utf8' });
  check(coded.status === 0, 'palmyra code --db failed: ' + coded.stderr);
  const { server, base } = await startServer(db);
  const browser = await chromium.launch({ executablePath: browserPath(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(base);
    const total = await apiTotal(base, {});
    check(total > 0, 'the database has no events');
    await waitForCount(page, total, 'no filter');
    await page.getByTestId('event-row').first().waitFor();
    const rows = await page.getByTestId('event-row').count();
    check(rows === Math.min(total, 50), rows + ' rows for ' + total + ' events (pages of 50)');

    // The map: country shapes and one marker per place; the timeline drawn.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=map] path').length > 100);
    const places = await (await fetch(base + 'api/places.geojson')).json();
    await page.waitForFunction((n) => document.querySelectorAll(
      '[data-testid=map] path.leaflet-interactive').length === n, places.features.length);
    const canvas = await page.locator('[data-testid=timeline] canvas').first().boundingBox();
    check(canvas && canvas.width > 100 && canvas.height > 50, 'the timeline is not drawn');

    if (screenshot) {
      await page.getByTestId('event-row').first().click();
      await page.getByTestId('evidence').locator('mark').first().waitFor();
      await page.screenshot({ path: screenshot, fullPage: false });
      console.log('web_test: screenshot of ' + total + ' events in ' + screenshot);
      return;
    }

    // A type narrows the table and the count as the API does.
    await page.getByTestId('filter-type').selectOption('ASSAULT');
    const assaults = await apiTotal(base, { type: 'ASSAULT' });
    check(assaults > 0 && assaults < total, 'the examples should have some assaults');
    await waitForCount(page, assaults, 'type ASSAULT');
    for (const text of await page.getByTestId('event-row').allTextContents()) {
      check(text.includes('ASSAULT'), 'a row of another type: ' + text);
    }
    check(page.url().includes('type=ASSAULT'), 'the type is not in the URL: ' + page.url());

    // Full text search, with the type cleared.
    await page.getByTestId('filter-type').selectOption('');
    await page.getByTestId('filter-text').fill('Brussels');
    await page.getByTestId('filter-text').press('Enter');
    const brussels = await apiTotal(base, { q: 'Brussels' });
    check(brussels > 0 && brussels < total, 'the examples should mention Brussels');
    await waitForCount(page, brussels, 'q=Brussels');
    const url = page.url();
    check(url.includes('q=Brussels'), 'the search is not in the URL: ' + url);

    // A row's evidence, with its spans marked; by the keyboard too.
    const first = page.getByTestId('event-row').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const evidence = page.getByTestId('evidence');
    await evidence.locator('mark.evidence').first().waitFor();
    const id = await first.getAttribute('data-id');
    const event = await (await fetch(base + 'api/events/' + id)).json();
    const marked = (await evidence.locator('mark.evidence').allTextContents()).join('');
    check(marked === event.evidence.text, 'marked "' + marked + '", evidence "' + event.evidence.text + '"');
    const kinds = await evidence.locator('mark').evaluateAll((ms) => [...new Set(ms.map((m) => m.className))]);
    for (const span of event.spans) {
      if (span.start !== null) check(kinds.includes(span.kind), 'no mark for the ' + span.kind);
    }
    check(page.url().includes('event=' + id), 'the chosen event is not in the URL');

    // The URL gives the same view in a new page.
    const again = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    again.on('pageerror', (e) => problems.push(e.message));
    await again.goto(page.url());
    await waitForCount(again, brussels, 'the shared URL');
    check(await again.getByTestId('filter-text').inputValue() === 'Brussels', 'the search was not restored');
    await again.getByTestId('evidence').locator('mark.evidence').first().waitFor();

    // A brushed period on the timeline filters the rest.
    await page.getByRole('button', { name: 'Clear' }).click();
    await waitForCount(page, total, 'cleared');
    const box = await boxOf(page.locator('[data-testid=timeline] .u-over'));
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from'));
    const from = await page.getByTestId('filter-from').inputValue();
    const to = await page.getByTestId('filter-to').inputValue();
    const period = await apiTotal(base, { from, to });
    check(period < total, 'brushing ' + from + ' to ' + to + ' narrowed nothing');
    await waitForCount(page, period, 'the brushed period');

    // A phone-sized screen: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      // The timeline follows its box's new width once the browser has laid it out.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= 392,
        null, { timeout: 30000 });
    } catch {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      fail('the page is ' + wide + ' px wide on a 390 px screen');
    }

    check(problems.length === 0, 'console errors: ' + problems.join(' | '));
    console.log('web_test: ' + total + ' events; map, timeline, filters, evidence and URL checked');
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  if (!process.exitCode) console.error('web_test: ' + (error.stack || error));
  process.exitCode = 1;
});
