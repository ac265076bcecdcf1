import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartNames, charts } from '../src/charts/engine/catalog';
import { chartSpecFromStore } from '../src/charts/engine/render-chart';
import { chartLanguages } from '../src/charts/kit/languages';
import { loadSnapshots } from '../src/load/load-snapshots';
import { escapeHtml } from '../src/render/escape-html';
import { toSvg } from '../src/render/to-svg';
import { writeSampleData } from '../src/sample/write';
import { Store } from '../src/store/store';
import { projectRoot } from './charts-fixtures';

const chartsFolder = join(projectRoot, 'src', 'charts');
const chartFiles = readdirSync(chartsFolder).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

let store: Store;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fk-charts-catalog-'));
  await writeSampleData({ outDir: join(dir, 'bucket'), computers: 12, weeks: 14, seed: 3, eventDays: 21, eventsPerHostDay: 3 });
  await loadSnapshots({ source: join(dir, 'bucket'), db: join(dir, 'fleet.duckdb') });
  store = await Store.openReadOnly(join(dir, 'fleet.duckdb'));
});

afterAll(() => store?.closeSync());

/** The text of every `<text>` element of an SVG, unescaped. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) =>
    text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** Every string value of the rows: names from the data (policies, versions), which no language translates. */
function namesIn(rows: readonly object[]): Set<string> {
  return new Set(rows.flatMap((row) => Object.values(row).flat().filter((value): value is string => typeof value === 'string')));
}

/** A name from the data that an axis cut short to its label limit (vega ends it with "…"). */
function cutName(text: string, names: Set<string>): boolean {
  return text.endsWith('…') && [...names].some((name) => name.startsWith(text.slice(0, -1)));
}

const japanese = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
const numbersAndTimes = /^[\d\s.,:%()+±−–-]*(UTC)?$/;
const brandNames = new Set(['Windows', 'Linux']);

describe('the charts folder', () => {
  it('holds only charts, and the engine finds each of them under its file name', () => {
    expect(chartFiles.length).toBeGreaterThan(0);
    expect([...chartNames].sort()).toEqual(chartFiles.map((file) => file.replace(/\.ts$/, '')).sort());
  });

  it('names in docs/charts.md only charts that exist, each with its query', () => {
    const docs = readFileSync(join(projectRoot, 'docs', 'charts.md'), 'utf8');
    const rows = [...docs.matchAll(/^\| `([a-z-]+)` \| `([a-z-]+)` \|/gm)].map(([, name, query]) => [name, query]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter(([name, query]) => !(chartNames as readonly string[]).includes(name) || charts[name as keyof typeof charts].query !== query)).toEqual([]);
  });
});

describe.each(chartNames)('%s', (name) => {
  it('draws the rows of its query on a store, with its English texts', async () => {
    const rows = (await store.named(charts[name].query)).rows;
    expect(rows.length).toBeGreaterThan(0);
    const { spec, rows: drawn } = await chartSpecFromStore(store, name, { lang: 'en' });
    expect(drawn).toBe(rows.length);
    const svg = await toSvg(spec);
    expect(svg).toContain(`>${escapeHtml(charts[name].title)}</text>`);
    const names = namesIn(rows);
    expect(svgTexts(svg).filter((text) => japanese.test(text) && !names.has(text.trim()))).toEqual([]);
  });

  it('draws every text in Japanese with lang ja, but for numbers and names from the data', async () => {
    const names = namesIn((await store.named(charts[name].query)).rows);
    const { spec } = await chartSpecFromStore(store, name, { lang: 'ja' });
    const texts = svgTexts(await toSvg(spec));
    expect(texts.length).toBeGreaterThan(5);
    const untranslated = texts
      .map((text) => text.trim())
      .filter((text) => text !== '' && !japanese.test(text) && !numbersAndTimes.test(text) && !brandNames.has(text) && !names.has(text) && !cutName(text, names));
    expect(untranslated).toEqual([]);
    expect(texts).not.toContain(charts[name].title);
  });

  it('labels the domain terms it draws as queries/vocabulary.json does', async () => {
    const vocabulary = JSON.parse(readFileSync(join(projectRoot, 'queries', 'vocabulary.json'), 'utf8')) as Record<
      string,
      Array<Record<string, string>>
    >;
    const listed = (lang: string) => new Set(Object.values(vocabulary).flatMap((terms) => terms.map((term) => term[lang])));
    const domainTexts = (texts: string[], lang: string) => texts.filter((text) => listed(lang).has(text.trim()));
    const names = namesIn((await store.named(charts[name].query)).rows);
    for (const lang of chartLanguages) {
      const { spec } = await chartSpecFromStore(store, name, { lang });
      const legends = JSON.stringify(spec).match(/"domain":\[[^\]]*\]/g) ?? [];
      for (const domain of legends) {
        const labels = JSON.parse(domain.replace(/^"domain":/, '')) as unknown[];
        const strings = labels.filter((label): label is string => typeof label === 'string' && !names.has(label));
        expect(domainTexts(strings, lang), `${lang} legend ${domain}`).toEqual(strings);
      }
    }
  });

  it('has a text table for every language', () => {
    const titles = chartLanguages.map((lang) => JSON.stringify(charts[name].build([], { lang }).title));
    expect(new Set(titles).size).toBe(chartLanguages.length);
  });
});
