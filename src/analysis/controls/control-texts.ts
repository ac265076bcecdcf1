import type { Language } from '../vocabulary';
import type { ControlDefinition } from './control-definition';

/** A template with each `{name}` replaced by `values[name]`; names without a value stay as written. */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** The `{name}` placeholders of a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** A result's reason in `lang`, or null when the control's texts have no sentence for its key. */
export function controlReason(lang: Language, control: ControlDefinition, reasonKey: string, args: Record<string, unknown>): string | null {
  const template = control.texts[lang].reasons[reasonKey];
  return template === undefined ? null : fillTemplate(template, args);
}

/** What a control checks, in `lang`, with the baseline's parameter values in place. */
export function controlDescription(lang: Language, control: ControlDefinition, params: Record<string, unknown>): string {
  return fillTemplate(control.texts[lang].description, params);
}
