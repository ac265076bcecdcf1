import type { NamedQuery, QueryParameter } from '../../store/named-queries';
import type { Language } from '../vocabulary';

/** What a control says in one language (its `texts.json` entry for that language). */
export interface ControlTexts {
  /** A short name, for table rows. */
  title: string;
  /** What a computer must satisfy; `{param}` marks a parameter's value. */
  description: string;
  /** Each result's sentence by `reason_key`; `{name}` marks a value of the result's `reason_args`. */
  reasons: Record<string, string>;
}

/**
 * A control: one folder holding `check.sql` (one row per computer: status, reason_key, reason_args, resource and
 * the dimensions), `texts.json` and, for the shipped ones, `cases.json`.
 */
export interface ControlDefinition {
  id: string;
  /** The control's folder. */
  dir: string;
  files: { check: string; texts: string; cases: string | null };
  /** The severity the default baseline gives it (`-- @severity` in check.sql). */
  severity: string;
  /** Every parameter but `as_of`, which the runner always binds. */
  params: QueryParameter[];
  texts: Record<Language, ControlTexts>;
  /** check.sql's text, without its final semicolon. */
  check: string;
  /** The check as the engine runs it: check.sql under the control's id, with its English reasons. */
  query: NamedQuery;
}

export const AS_OF_PARAM = 'as_of';

/** The columns a check.sql must return, besides any others it likes. */
export const CHECK_COLUMNS = [
  'status', 'reason_key', 'reason_args', 'resource', 'computer_id', 'host_name', 'policy_id', 'policy_name',
  'os_family', 'cloud_account_id', 'snapshot_id', 'snapshot_at',
] as const;
