const C0_AND_DEL = /[\u0000-\u001f\u007f]/g;
const C1 = /[\u0080-\u009f]/g;
const CONTROL_PICTURES = 0x2400;
const DEL_PICTURE = 0x2421;

/**
 * Text with its control characters made visible, so that a terminal shows them instead of running them (ESC from a
 * host name could clear the screen or retitle the window): C0 and DEL as their Control Pictures (ESC as ␛), C1 as
 * `\x9b`-style escapes.
 */
export function visibleControls(text: string): string {
  return text
    .replace(C0_AND_DEL, (c) => String.fromCharCode(c === '\u007f' ? DEL_PICTURE : CONTROL_PICTURES + c.charCodeAt(0)))
    .replace(C1, (c) => `\\x${c.charCodeAt(0).toString(16)}`);
}
