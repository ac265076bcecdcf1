/** Orders dotted versions numerically part by part ("20.0.1-1234" after "9.6.2"), text after numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.\-_ ]/);
  const right = b.split(/[.\-_ ]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const order = compareVersionPart(left[i], right[i]);
    if (order !== 0) return order;
  }
  return 0;
}

function compareVersionPart(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const left = Number(a);
  const right = Number(b);
  if (Number.isInteger(left) && Number.isInteger(right)) return left - right;
  if (Number.isInteger(left)) return -1;
  if (Number.isInteger(right)) return 1;
  return a < b ? -1 : 1;
}
