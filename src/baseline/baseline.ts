import { termValues } from '../analysis/vocabulary';

/** `queries/vocabulary.json`'s severities, most severe first. */
export const severities = termValues('severities');
export type Severity = string;

export const osFamilies = termValues('os_families');
export type OsFamily = string;

export type ControlParamValue = number | string | boolean;

/** Which computers a control applies to: all conditions given must hold; a missing one does not narrow. */
export interface BaselineScope {
  osFamilies: OsFamily[] | null;
  /** Policy ids (numbers) or names (text). */
  policies: (number | string)[] | null;
}

/** One control as a baseline applies it. */
export interface BaselineControl {
  id: string;
  severity: Severity;
  /** The control's parameters: the baseline's values over the control's defaults. */
  params: Record<string, ControlParamValue>;
  scope: BaselineScope;
}

/** A validated baseline: which controls apply, where, with which parameters and severities. */
export interface Baseline {
  name: string;
  description: string | null;
  controls: BaselineControl[];
  /** Where it was read from. */
  file: string;
  /** The file's text, as an auditor would compare it. */
  text: string;
}
