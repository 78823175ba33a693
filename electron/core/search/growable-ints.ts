// A list of 32-bit integers that grows as it is filled: the search index keeps its
// postings and its per-authority columns in these (4 bytes a value, no object per value).

export class GrowableInts {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  static of(values: ArrayLike<number>): GrowableInts {
    const list = new GrowableInts(values.length);
    list.data.set(values);
    list.length = values.length;
    return list;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Sets position `at`, growing the list (with zeros) up to it. */
  set(at: number, value: number): void {
    if (at >= this.data.length) this.grow(at + 1);
    if (at >= this.length) this.length = at + 1;
    this.data[at] = value;
  }

  get(at: number): number {
    return this.data[at]!;
  }

  /** Keeps each value for which `map` answers 0 or more, replaced by that answer, in order. */
  rewrite(map: (value: number) => number): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const value = map(this.data[i]!);
      if (value >= 0) this.data[kept++] = value;
    }
    this.length = kept;
  }

  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private grow(minimum: number): void {
    let capacity = this.data.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}
