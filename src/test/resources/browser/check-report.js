// Opens a fleetcompat report in headless Chromium (Debian's, driven by playwright-core), collects
// console errors, page errors and any request that leaves the file, takes screenshots (screen and
// print media) and a PDF, reads the key numbers from the DOM, and tries sorting and filtering.
// Usage: node check-report.js REPORT.html OUT_DIR CHROMIUM; prints one JSON object on stdout.
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');
const { chromium } = require('playwright-core');

async function main() {
  const [report, outDir, executablePath] = process.argv.slice(2);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetcompat-report-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out = { consoleErrors: [], pageErrors: [], externalRequests: [] };
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') { out.consoleErrors.push(m.text()); } });
    page.on('pageerror', (e) => out.pageErrors.push(String(e)));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) { out.externalRequests.push(r.url()); } });
    const started = Date.now();
    await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
    out.loadMillis = Date.now() - started;
    out.title = await page.title();
    await page.screenshot({ path: path.join(outDir, 'report-laptop.png') });
    await page.screenshot({ path: path.join(outDir, 'report-full.png'), fullPage: true });

    out.figures = await page.$$eval('.figure', (els) => els.map((e) => ({ id: e.id, value: e.dataset.value })));
    out.status = await page.$eval('#run-status', (e) => e.dataset.statusCode);
    out.cells = await page.$$eval('#heatmap g.cell', (els) => els.map((e) => ({
      source: e.parentNode.dataset.source, target: e.dataset.target, fit: Number(e.dataset.fit), vms: Number(e.parentNode.dataset.vms),
      title: e.querySelector('title').textContent })));
    out.pools = await page.$$eval('#pool-diagram g.pool', (els) => els.map((e) => ({
      id: Number(e.dataset.poolId), hosts: Number(e.dataset.hosts), vms: Number(e.dataset.vms) })));
    out.edges = await page.$$eval('#pool-diagram line.order', (els) => els.map((e) => [Number(e.dataset.super), Number(e.dataset.sub)]));
    out.blockers = await page.$$eval('#blocker-chart g.blocker', (els) => els.map((e) => ({
      vectorId: Number(e.dataset.vectorId), reason: e.dataset.reason, blocked: Number(e.dataset.blocked),
      sole: Number(e.dataset.sole), label: e.querySelector('text').textContent })));
    out.stranded = await page.$$eval('#stranded-table tbody tr', (els) => els.map((e) => e.dataset.vmId));
    out.undrainable = await page.$$eval('#undrainable-table tbody tr', (els) => els.map((e) => ({
      host: e.dataset.hostId, blocking: Number(e.dataset.blocking) })));
    out.causes = await page.$$eval('#drift-causes li.cause', (els) => els.map((e) => ({
      kind: e.dataset.kind, pairsLost: Number(e.dataset.pairsLost), vmsLost: Number(e.dataset.vmsLost), text: e.textContent })));
    out.driftFigures = await page.$$eval('#drift-figures tbody tr', (els) => els.map((e) => ({
      figure: e.dataset.figure, old: Number(e.dataset.old), now: Number(e.dataset.new) })));

    // Sorting: a click on "hosts now" of the drift VM table sorts by it, ascending.
    const header = page.locator('#drift-vms-table thead th', { hasText: 'hosts now' });
    if (await header.count() > 0) {
      await header.first().click();
      out.sortedHostsNow = await page.$$eval('#drift-vms-table tbody tr',
        (rows) => rows.slice(0, 20).map((r) => Number(r.cells[3].getAttribute('data-sort') || r.cells[3].textContent.replace(/,/g, '')) || 0));
    }
    // Filtering: typing a cluster name into the undrainable hosts' box leaves only its rows.
    const filter = page.locator('input.filter[data-table="undrainable-table"]');
    if (await filter.count() > 0 && out.undrainable.length > 0) {
      const cluster = await page.$eval('#undrainable-table tbody tr td:nth-child(2)', (td) => td.textContent);
      await filter.fill(cluster);
      out.filterCluster = cluster;
      out.filteredRows = await page.$$eval('#undrainable-table tbody tr', (rows) => rows
        .filter((r) => r.style.display !== 'none').map((r) => r.cells[1].textContent));
      await filter.fill('');
    }
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(outDir, 'report-print.png'), fullPage: true });
    await page.pdf({ path: path.join(outDir, 'report.pdf'), format: 'A4', printBackground: true });
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
