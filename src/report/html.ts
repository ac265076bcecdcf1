import { escapeHtml } from '../render/escape-html';

/** Markup that is already safe to place in a page: produced by `html` or marked trusted with `trustedHtml`. */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** Any value as HTML text (null and undefined as nothing), through the project's one escaping function. */
export function htmlText(value: unknown): string {
  return value === null || value === undefined ? '' : escapeHtml(String(value));
}

/**
 * A template of markup: every interpolated value is escaped with `htmlText`, except `Html` values (nested
 * templates); arrays are joined after the same treatment of each element.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += interpolate(value) + strings[i + 1];
  });
  return new Html(out);
}

function interpolate(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  return htmlText(value);
}

/** Markup made by code, not by data (a chart's SVG, the style sheet): placed as it is. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}
