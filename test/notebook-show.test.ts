import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowCountCaption } from '../src/notebook/html-table';
import { show, showHtml } from '../src/notebook/show';
import { toDanfo } from '../src/notebook/to-danfo';
import { fixtureChart } from './charts-fixtures';

function cellTexts(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => match[1]);
}

describe('show', () => {
  it('escapes every value and column name', async () => {
    const html = await showHtml([{ '<b>name</b>': '<script>alert("x")</script>', note: "Tom & Jerry's" }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>name</b>');
    expect(html).toContain('&lt;b&gt;name&lt;/b&gt;');
    expect(cellTexts(html)).toEqual(['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', 'Tom &amp; Jerry&#39;s']);
  });

  it('returns the HTML outside a Jupyter kernel', async () => {
    const rows = [{ host_name: 'web-01' }];
    expect(await show(rows)).toBe(await showHtml(rows));
  });

  it('draws at most the row limit and tells how many rows there are', async () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ computer_id: i }));
    const html = await showHtml(rows, { limit: 10 });
    expect(cellTexts(html)).toHaveLength(10);
    expect(html).toContain('Showing 10 of 45 rows');
    expect(await showHtml(rows)).toContain('Showing 20 of 45 rows');
    expect(await showHtml(rows.slice(0, 3))).toContain('>3 rows<');
    expect(rowCountCaption(1, 1)).toBe('1 row');
    expect(rowCountCaption(20, 12345)).toBe('Showing 20 of 12,345 rows');
  });

  it("uses a result's columns and total count", async () => {
    const result = { rows: [{ a: 1, b: null }], columns: [{ name: 'b' }, { name: 'a' }], totalRows: 1200 };
    const html = await showHtml(result);
    expect([...html.matchAll(/<th style[^>]*>(.*?)<\/th>/g)].map((match) => match[1])).toEqual(['b', 'a']);
    expect(cellTexts(html)).toEqual(['<span style="color:#94a3b8">NULL</span>', '1']);
    expect(html).toContain('Showing 1 of 1,200 rows');
  });

  it('writes times as ISO-8601 UTC, BIGINTs in full, nested values as JSON and fractions to 4 digits', async () => {
    const html = await showHtml([
      {
        seen: new Date('2026-03-14T09:30:00Z'),
        id: 9007199254740993n,
        hosts: ['web-01', '<x>'],
        settings: { mode: 'on' },
        coverage: 0.9413919413919414,
        computers: 12345,
      },
    ]);
    expect(cellTexts(html)).toEqual([
      '2026-03-14T09:30:00.000Z',
      '9007199254740993',
      '[&quot;web-01&quot;,&quot;&lt;x&gt;&quot;]',
      '{&quot;mode&quot;:&quot;on&quot;}',
      '0.9414',
      '12345',
    ]);
  });

  it('shows a chart spec as SVG', async () => {
    const svg = await show(fixtureChart('fleet-size'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Fleet size by operating system');
  });

  it('shows an Arrow table', async () => {
    const table = tableFromArrays({ host_name: ['a', 'b', 'c'], computers: Int32Array.from([1, 2, 3]) });
    const html = await showHtml(table, { limit: 2 });
    expect(cellTexts(html)).toEqual(['a', '1', 'b', '2']);
    expect(html).toContain('Showing 2 of 3 rows');
  });

  it('shows a danfo DataFrame', async () => {
    const frame = toDanfo({ rows: [{ os: 'linux', computers: 3n }, { os: '<windows>', computers: 5n }] });
    const html = await showHtml(frame);
    expect(cellTexts(html)).toEqual(['linux', '3', '&lt;windows&gt;', '5']);
  });

  it('draws at most the row limit of a danfo DataFrame and tells how many rows it has', async () => {
    const frame = toDanfo({ rows: Array.from({ length: 25 }, (_, i) => ({ host: `web-${i}` })) });
    const limited = await showHtml(frame, { limit: 3 });
    expect(cellTexts(limited)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(limited).toContain('Showing 3 of 25 rows');
    expect(cellTexts(await showHtml(frame))).toHaveLength(20);
  });
});

describe('toDanfo', () => {
  it('makes a DataFrame with danfojs, BIGINTs as numbers and nested values as JSON text', () => {
    const frame = toDanfo([
      { host: 'web-01', computers: 2n, seen: new Date('2026-01-01T00:00:00Z'), tags: ['a'] },
      { host: 'db-01', computers: 3n, seen: new Date('2026-02-01T00:00:00Z'), tags: [] },
    ]);
    expect(frame.shape).toEqual([2, 4]);
    expect(frame.columns).toEqual(['host', 'computers', 'seen', 'tags']);
    expect(frame.values[1]).toEqual(['db-01', 3, new Date('2026-02-01T00:00:00Z'), '[]']);
    const sums = frame.groupby(['host']).col(['computers']).sum();
    expect(sums.values).toEqual([
      ['web-01', 2],
      ['db-01', 3],
    ]);
  });
});
