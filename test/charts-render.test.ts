import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartNames, charts } from '../src/charts/engine/catalog';
import { renderChart } from '../src/charts/engine/render-chart';
import type { NamedQueryRunner } from '../src/charts/engine/render-chart';
import { chartFont } from '../src/render/chart-font';
import { chartFormatOfFile } from '../src/render/chart-format';
import { escapeHtml } from '../src/render/escape-html';
import { findChartFontFiles } from '../src/render/font-files';
import { toHtml } from '../src/render/to-html';
import { toPng } from '../src/render/to-png';
import { toSvg } from '../src/render/to-svg';
import { loadVegaModules } from '../src/render/vega-modules';
import { writeChart } from '../src/render/write-chart';
import { fixtureChart, fixtureRows } from './charts-fixtures';
import { darkPixels, decodePng } from './charts-png';

const pngScale = 2;

describe('PNG', () => {
  it('draws the title text with the chart font', async () => {
    const image = decodePng(await toPng(fixtureChart('coverage-trend')));
    expect(image.width).toBeGreaterThan(1200);
    const titleBand = { x: 0, y: 0, width: 400 * pngScale, height: 40 * pngScale };
    expect(darkPixels(image, titleBand, 60)).toBeGreaterThan(1500);
    const emptyBand = { x: 560 * pngScale, y: 0, width: 200 * pngScale, height: 40 * pngScale };
    expect(darkPixels(image, emptyBand, 60)).toBe(0);
  });

  it('renders an SVG string as well as a spec', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="black"/></svg>';
    const image = decodePng(await toPng(svg, { scale: 1 }));
    expect([image.width, image.height]).toEqual([10, 5]);
    expect(darkPixels(image, { x: 0, y: 0, width: 10, height: 5 })).toBe(50);
  });
});

describe('text measurement', () => {
  it('lays out text as wide as resvg draws it in the chart font', async () => {
    const { vega } = await loadVegaModules();
    const textMetrics = (vega as unknown as { textMetrics: { width(item: object, text: string): number } }).textMetrics;
    const fonts = findChartFontFiles();
    expect(fonts).not.toBeNull();
    const text = 'Protection coverage by module';
    for (const fontWeight of ['normal', 'bold']) {
      const measured = textMetrics.width({ font: chartFont, fontSize: 16, fontWeight }, text);
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="30" ` +
        `font-family="${chartFont}" font-size="16" font-weight="${fontWeight}">${text}</text></svg>`;
      const drawn = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles: [fonts!.regular, fonts!.bold!], defaultFontFamily: 'DejaVu Sans' },
      }).getBBox()!.width;
      expect(Math.abs(measured - drawn) / drawn).toBeLessThan(0.03);
      const vegaEstimate = 0.8 * text.length * 16;
      expect(vegaEstimate / drawn).toBeGreaterThan(1.3);
    }
  });

  it('counts East Asian characters the chart font lacks as one em and respects label limits', async () => {
    const { vega } = await loadVegaModules();
    const textMetrics = (vega as unknown as { textMetrics: { width(item: object, text: string): number } }).textMetrics;
    expect(textMetrics.width({ font: chartFont, fontSize: 10 }, '本番サーバー')).toBe(60);
    expect(textMetrics.width({ font: chartFont, fontSize: 10, limit: 25 }, '本番サーバー')).toBe(25);
  });
});

describe('HTML page', () => {
  const html = toHtml(fixtureChart('policy-changes'));

  it('inlines vega, vega-lite and vega-embed and loads nothing from the network', () => {
    expect(html.length).toBeGreaterThan(700_000);
    expect(html).toContain('vegaEmbed(');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=["']?https?:/i);
    expect(html).toContain('<title>Policy changes</title>');
  });

  it('keeps the data from closing the script element', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Legacy \\u003cscript>alert(1)\\u003c/script>');
  });

  it('draws the chart in a browser with the network cut off', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => (requests.push(route.request().url()), route.abort()));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent(html);
      await page.waitForSelector('#chart svg .mark-symbol.role-mark path', { timeout: 20_000 });
      expect(await page.locator('#chart svg .mark-symbol.role-mark path').count()).toBe(8);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a period without rows', () => {
  it.each(chartNames)('%s still renders, with its title', async (name) => {
    const svg = await toSvg(charts[name].build([]));
    expect(svg).toContain(`>${escapeHtml(charts[name].title)}</text>`);
  });
});

describe('writing charts', () => {
  it('writes each format to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetkit-charts-'));
    const spec = fixtureChart('silent-agents');
    await writeChart(spec, 'svg', join(dir, 'c.svg'));
    await writeChart(spec, 'png', join(dir, 'c.png'));
    await writeChart(spec, 'html', join(dir, 'c.html'));
    await writeChart(spec, 'vl.json', join(dir, 'c.vl.json'));
    expect(readFileSync(join(dir, 'c.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(readFileSync(join(dir, 'c.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(dir, 'c.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(readFileSync(join(dir, 'c.vl.json'), 'utf8'))).toEqual(spec);
  });

  it('tells the format from the file name', () => {
    expect(chartFormatOfFile('out/coverage.vl.json')).toBe('vl.json');
    expect(chartFormatOfFile('COVERAGE.PNG')).toBe('png');
    expect(chartFormatOfFile('coverage.json')).toBeUndefined();
  });
});

describe('renderChart (fleetkit chart)', () => {
  function storeWith(rows: object[]) {
    const calls: [string, Record<string, string | number> | undefined][] = [];
    const store: NamedQueryRunner = {
      named: async (name, params) => (calls.push([name, params]), { rows }),
    };
    return { store, calls };
  }

  it("runs the chart's named query with the period and writes the chart", async () => {
    const { store, calls } = storeWith(fixtureRows('agent-health'));
    const out = join(mkdtempSync(join(tmpdir(), 'fleetkit-chart-')), 'silent.svg');
    const rendered = await renderChart(store, 'silent-agents', { out, from: '2026-02-01', silentDays: 14 });
    expect(calls).toEqual([['agent-health', { from: '2026-02-01', silent_days: 14 }]]);
    expect(rendered).toEqual({ name: 'silent-agents', format: 'svg', out, rows: 6 });
    expect(readFileSync(out, 'utf8')).toContain('more than 14 days');
  });

  it('refuses an unknown chart or an output it cannot name a format for', async () => {
    const { store } = storeWith([]);
    await expect(renderChart(store, 'pie', { out: 'x.svg' })).rejects.toThrow(
      'unknown chart "pie"; charts: coverage-trend, coverage-heatmap,',
    );
    await expect(renderChart(store, 'fleet-size', { out: 'chart.txt' })).rejects.toThrow('--format svg|png|html|vl.json');
  });
});
