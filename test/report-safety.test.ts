import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { html, htmlText, trustedHtml } from '../src/report/html';
import { parseQuarter, previousQuarter, quarterEndInstant } from '../src/report/quarter';
import { cssString } from '../src/report/report-style';
import { sqlFile } from '../src/store/sql-files';

describe('HTML escaping', () => {
  it('escapes every interpolated value, nested templates and lists included', () => {
    const host = '<script>alert(1)</script>';
    const out = html`<td title="${'"x" & \'y\''}">${host}</td>${[host, html`<b>${'a<b'}</b>`]}${null}${undefined}${3}`;
    expect(out.text).toBe(
      '<td title="&quot;x&quot; &amp; &#39;y&#39;">&lt;script&gt;alert(1)&lt;/script&gt;</td>' +
        '&lt;script&gt;alert(1)&lt;/script&gt;<b>a&lt;b</b>3',
    );
    expect(htmlText('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html`${trustedHtml('<svg></svg>')}`.text).toBe('<svg></svg>');
  });

  it('writes CSS strings that cannot close the string or the style element', () => {
    expect(cssString('a "quoted" \\ </style><script>')).toBe('"a \\22 quoted\\22  \\5c  \\3c /style\\3e \\3c script\\3e "');
  });
});

describe('CSV cells', () => {
  it('neutralises formulas and leaves other values as they are', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(sqlFile('report/macros'));
    const values = ['=HYPERLINK("http://x","y")', '+1+2', '-cmd', '@SUM(A1)', '\tx', '\r=cmd', 'host-01', '-5', '+3.5', '', 'a=b', 'x\r'];
    const reader = await connection.runAndReadAll('SELECT fk_csv_cell(unnest($values)) AS cell', { values: listValue(values) });
    expect(reader.getRowObjectsJS().map((r) => r.cell)).toEqual([
      '\'=HYPERLINK("http://x","y")', "'+1+2", "'-cmd", "'@SUM(A1)", "'\tx", "'\r=cmd", 'host-01', '-5', '+3.5', '', 'a=b', 'x\r',
    ]);
    const numbers = await connection.runAndReadAll('SELECT fk_csv_cell(-12) AS n, fk_csv_cell(NULL) AS z');
    expect(numbers.getRowObjectsJS()).toEqual([{ n: '-12', z: null }]);
    connection.closeSync();
    instance.closeSync();
  });
});

describe('quarters', () => {
  it('reads 2026Q3 as July to September in UTC, with its last instant and the previous quarter', () => {
    const q = parseQuarter('2026Q3');
    expect([q.start.toISOString(), q.end.toISOString()]).toEqual(['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z']);
    expect(quarterEndInstant(q)).toBe('2026-09-30 23:59:59.999999+00');
    expect(previousQuarter(parseQuarter('2026q1')).label).toBe('2025Q4');
    expect(() => parseQuarter('2026-07')).toThrow('Quarter "2026-07" is not valid: expected a year and a quarter such as 2026Q3.');
    expect(() => parseQuarter('2026Q5')).toThrow(/not valid/);
  });
});
