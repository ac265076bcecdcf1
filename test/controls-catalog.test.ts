import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listControls, SHIPPED_CONTROLS_DIR } from '../src/analysis/controls/control-catalog';
import type { ControlCase } from '../src/analysis/controls/control-cases';
import { readControlCases } from '../src/analysis/controls/control-cases';
import type { ControlDefinition } from '../src/analysis/controls/control-definition';
import { checkControlBinds, installControlMacros, runControl } from '../src/analysis/controls/control-engine';
import { ControlError } from '../src/analysis/controls/control-error';
import { loadSnapshots } from '../src/load/load-snapshots';
import { Store } from '../src/store/store';
import { runCli } from './helpers/cli';
import { jsonLines, tempDir, writeKey } from './helpers/tree';

type Json = Record<string, unknown>;

const root = tempDir('controls-catalog');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The folders of queries/controls/ as the file system has them, not as the catalog reads them. */
const shippedFolders = readdirSync(SHIPPED_CONTROLS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'macros')
  .map((e) => e.name)
  .sort();
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** A store holding a control's cases, one computers run per case, loaded by the real loader. */
async function storeOfCases(control: ControlDefinition, cases: ControlCase[]): Promise<Store> {
  const dir = join(root, `cases-${control.id}`);
  cases.forEach((c, i) => {
    const executionId = `${String(i + 1).padStart(8, '0')}-0000-4000-8000-000000000000`;
    writeKey(join(dir, 'exports'), `computers-cases/${executionId}/part-0`, jsonLines(c.computers.map((x) => x.record)), new Date(c.taken_at));
  });
  const summary = await loadSnapshots({ source: join(dir, 'exports'), db: join(dir, 'fleet.duckdb') });
  expect(summary.failures, control.id).toEqual([]);
  return Store.open(join(dir, 'fleet.duckdb'));
}

/** A user's control folder, written from its files' texts. */
function userControl(name: string, files: Record<string, string | Json>): string {
  const dir = join(root, 'user', name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const userCheck = (reasonKey: string) => `-- @severity high
SELECT CASE WHEN coalesce(firewall_state, '') = 'on' THEN 'ok' ELSE 'alarm' END AS status,
  ${reasonKey} AS reason_key, json_object('state', firewall_state) AS reason_args,
  resource, computer_id, host_name, policy_id, policy_name, os_family, cloud_account_id, snapshot_id, snapshot_at
FROM fk_control_subjects($as_of::TIMESTAMPTZ);`;
const userTexts = (reasons: Json = { on: 'The firewall is {state}.', off: 'The firewall is {state}, not on.' }) => ({
  en: { title: 'Firewall on', description: 'The firewall is on.', reasons },
  ja: { title: 'ファイアウォールがオン', description: 'ファイアウォールがオンである。', reasons: Object.fromEntries(Object.keys(reasons).map((k) => [k, `ファイアウォールは {state} です（${k}）。`])) },
});
const firewallKey = "CASE WHEN coalesce(firewall_state, '') = 'on' THEN 'on' ELSE 'off' END";

describe('the shipped control catalog', () => {
  it('is one folder per control, each with check.sql, texts.json and cases.json, all found by the engine', () => {
    expect(shippedFolders.length).toBeGreaterThanOrEqual(8);
    for (const folder of shippedFolders) {
      for (const file of ['check.sql', 'texts.json', 'cases.json']) expect(existsSync(join(SHIPPED_CONTROLS_DIR, folder, file)), `${folder}/${file}`).toBe(true);
    }
    expect(listControls().map((c) => c.id)).toEqual(shippedFolders);
  });

  it('has texts in en and ja for every reason its cases return, the same reasons in both', () => {
    for (const folder of shippedFolders) {
      const texts = readJson(join(SHIPPED_CONTROLS_DIR, folder, 'texts.json')) as Record<string, { title: string; reasons: Json }>;
      const cases = readJson(join(SHIPPED_CONTROLS_DIR, folder, 'cases.json')).cases as { computers: { reason_key: string }[] }[];
      const returned = new Set(cases.flatMap((c) => c.computers.map((x) => x.reason_key)));
      expect(Object.keys(texts.ja.reasons).sort(), folder).toEqual(Object.keys(texts.en.reasons).sort());
      for (const key of returned) {
        expect(texts.en.reasons[key], `${folder} en ${key}`).toMatch(/^[A-Z{].*\.$/);
        expect(texts.ja.reasons[key], `${folder} ja ${key}`).toMatch(/。$/);
      }
      expect(texts.ja.title, folder).toMatch(/[\u3000-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('binds every check.sql against a fresh store', async () => {
    const store = await Store.open(join(root, 'fresh.duckdb'));
    try {
      const controls = listControls();
      await installControlMacros(store, controls);
      for (const control of controls) await checkControlBinds(store, control);
    } finally {
      store.closeSync();
    }
  });

  for (const control of listControls()) {
    it(`${control.id}: every case gives each computer the status and reason its cases.json expects`, async () => {
      const cases = readControlCases(control);
      expect(cases.length).toBeGreaterThan(0);
      const store = await storeOfCases(control, cases);
      try {
        await installControlMacros(store, [control]);
        for (const c of cases) {
          const rows = await runControl(store, control, c.taken_at, c.params);
          const got = rows.map((r) => ({ id: Number(r.computer_id), status: r.status, reason_key: r.reason_key }));
          const want = c.computers.map((x) => ({ id: x.record.ID, status: x.status, reason_key: x.reason_key }));
          const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
          expect(got.sort(byId), `${control.id}: ${c.name}`).toEqual(want.sort(byId));
          for (const row of rows) expect(String(row.reason), `${control.id}: ${c.name}`).not.toMatch(/[{}]/);
        }
      } finally {
        store.closeSync();
      }
    });
  }
});

describe("a user's own controls (--controls DIR)", () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(join(root, 'user.duckdb'));
  });
  afterAll(() => store?.closeSync());

  const refusal = (dir: string): string => {
    try {
      listControls([dir]);
    } catch (error) {
      expect(error).toBeInstanceOf(ControlError);
      return (error as Error).message;
    }
    throw new Error(`${dir} was accepted`);
  };

  it('joins the catalog and runs, its reasons from its own texts.json', async () => {
    const dir = userControl('firewall-on', { 'check.sql': userCheck(firewallKey), 'texts.json': userTexts() });
    const controls = listControls([join(root, 'user')]);
    const mine = controls.find((c) => c.id === 'firewall-on') as ControlDefinition;
    expect(mine.dir).toBe(dir);
    expect(mine.severity).toBe('high');
    await installControlMacros(store, controls);
    await checkControlBinds(store, mine);
    expect(await runControl(store, mine, '2026-01-01T00:00:00Z')).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('refuses a folder without check.sql or texts.json, naming the file', () => {
    const noCheck = userControl('no-check', { 'texts.json': userTexts() });
    expect(refusal(noCheck)).toBe(`${join(noCheck, 'check.sql')}: missing (a control folder holds check.sql and texts.json)`);
    const noTexts = userControl('no-texts', { 'check.sql': userCheck(firewallKey) });
    expect(refusal(noTexts)).toMatch(new RegExp(`^${join(noTexts, 'texts.json')}: missing`));
  });

  it('refuses a bad texts.json on one line naming it: not JSON, a language missing, a reason without its other language', () => {
    const cases: [Json | string, string][] = [
      ['{ "en": ', 'not JSON'],
      [{ en: userTexts().en }, '"ja" is missing: every control has texts in en and ja'],
      [{ ...userTexts(), ja: { ...userTexts().ja, reasons: { on: 'オン。' } } }, 'ja.reasons has no text for reason_key "off" (en.reasons has one)'],
      [{ ...userTexts(), en: { ...userTexts().en, description: 'At most {max_hours} hours.' } }, 'en.description names {max_hours}, which is not a parameter of check.sql'],
    ];
    cases.forEach(([texts, problem], i) => {
      const dir = userControl(`bad-texts-${i}`, { 'check.sql': userCheck(firewallKey), 'texts.json': texts });
      const message = refusal(dir);
      expect(message.startsWith(`${join(dir, 'texts.json')}: ${problem}`), message).toBe(true);
      expect(message).not.toContain('\n');
    });
  });

  it('refuses a check.sql without a severity and a case whose reason_key has no text', () => {
    const noSeverity = userControl('no-severity', { 'check.sql': userCheck(firewallKey).replace('-- @severity high\n', ''), 'texts.json': userTexts() });
    expect(refusal(noSeverity)).toMatch(/check\.sql: needs a header line "-- @severity <critical \| high \| medium \| low>"/);
    const badCase = userControl('bad-case', {
      'check.sql': userCheck(firewallKey),
      'texts.json': userTexts(),
      'cases.json': { cases: [{ name: 'x', taken_at: '2026-01-01T00:00:00Z', computers: [{ record: { ID: 1 }, status: 'alarm', reason_key: 'unplugged' }] }] },
    });
    expect(refusal(badCase)).toBe(`${join(badCase, 'cases.json')}: cases[0].computers[0].reason_key "unplugged" has no reason in ${join(badCase, 'texts.json')}`);
  });

  it('refuses SQL that does not bind or lacks a column a check returns, naming check.sql', async () => {
    const unknownColumn = userControl('unknown-column', { 'check.sql': userCheck(firewallKey).replace('firewall_state)', 'firewall_mode)'), 'texts.json': userTexts() });
    const lacking = userControl('lacking', { 'check.sql': userCheck(firewallKey).replace('resource, ', ''), 'texts.json': userTexts() });
    for (const [dir, problem] of [
      [unknownColumn, /: does not bind against the store: Binder Error: .*firewall_mode/],
      [lacking, /: returns no resource \(a check returns status, reason_key, reason_args, resource, /],
    ] as const) {
      const [control] = listControls([dir]).filter((c) => c.dir === dir);
      await installControlMacros(store, [control]);
      const error = await checkControlBinds(store, control).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ControlError);
      expect((error as Error).message.startsWith(join(dir, 'check.sql')), (error as Error).message).toBe(true);
      expect((error as Error).message).toMatch(problem);
    }
  });

  it('stops with the texts.json named when check.sql returns a reason_key it has no text for', async () => {
    const dir = userControl('mystery-key', { 'check.sql': userCheck("'mystery'"), 'texts.json': userTexts() });
    const [control] = listControls([dir]).filter((c) => c.dir === dir);
    const cases = [{ name: 'one computer', taken_at: '2026-02-01T00:00:00Z', params: {}, computers: [{ record: { ID: 7, hostName: 'h', agentVersion: '20.0.1-1' }, status: 'alarm', reason_key: 'x' }] }];
    const withData = await storeOfCases(control, cases);
    try {
      await installControlMacros(withData, [control]);
      await expect(runControl(withData, control, '2026-02-01T00:00:00Z')).rejects.toThrow(
        `control mystery-key returned reason_key "mystery", which ${join(dir, 'texts.json')} has no "en" reason for`,
      );
    } finally {
      withData.closeSync();
    }
  });

  it('fleetkit report --controls names the bad file and exits 1', async () => {
    const dir = userControl('cli-no-check', { 'texts.json': userTexts() });
    const result = await runCli(['report', '--db', join(root, 'user.duckdb'), '--quarter', '2026Q1', '--out', join(root, 'out'), '--controls', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'check.sql')}: missing (a control folder holds check.sql and texts.json)`);
  });
});
