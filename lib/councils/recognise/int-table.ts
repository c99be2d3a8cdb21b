/**
 * A fixed map from 32-bit word hashes to small positive integers, in two typed arrays with linear
 * probing. A JS Map keyed by such hashes boxes every key outside the small-integer range, so each
 * lookup allocated; the scans look up every word of a page (tests/bench/recognition.bench.ts).
 */
export class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  /** 32 minus log2 of the size: the slot is the top bits of the key times a Fibonacci constant. */
  private shift: number;
  private count = 0;

  constructor(capacity = 16) {
    let size = 16;
    while (size < capacity * 4) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }

  /** The value stored for `key`, or 0. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    // Multiplicative hashing spreads structured keys (a trie's node * 65536 + word) that a mask of
    // the low bits would pile into long probe runs.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const v = this.values[i]!;
      if (v === 0) return 0;
      if (keys[i] === key) return v;
      i = (i + 1) & mask;
    }
  }

  /** Stores `value` (>= 1) for `key`, replacing any value it had. */
  set(key: number, value: number): void {
    if (value < 1) throw new RangeError('IntTable values start at 1');
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.values[i] === 0) this.count++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift = 32 - Math.log2(this.keys.length);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}
