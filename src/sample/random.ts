/** Deterministic randomness for the sample generator: a stateless hash of integers and a small seeded PRNG. */

function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a list of integers (each taken modulo 2^32). Same inputs, same output. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9 ^ parts.length;
  for (const part of parts) {
    h = mix32(h ^ Math.imul(part | 0, 0xcc9e2d51));
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return mix32(h);
}

/** A number in [0, 1) drawn from a hash of the parts: a random draw that needs no state. */
export function unitHash(...parts: number[]): number {
  return hash32(...parts) / 0x1_0000_0000;
}

/** Choices with relative weights. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** A seeded PRNG (sfc32) with the draws the generator needs. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    this.a = hash32(...seedParts, 1);
    this.b = hash32(...seedParts, 2);
    this.c = hash32(...seedParts, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the values, each with its relative weight. */
  weighted<T>(choices: Weighted<T>): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += Math.floor(this.next() * 16).toString(16);
    return text;
  }

  /** A version-4 style UUID in lowercase. */
  uuid(): string {
    const digits = this.hex(32).split('');
    digits[12] = '4';
    digits[16] = '89ab'[Math.floor(this.next() * 4)];
    const text = digits.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}
