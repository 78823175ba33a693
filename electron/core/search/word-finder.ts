// Finds the indexed words a query word may mean: itself, the words it begins (as the user
// types), and words one or two letters away (typing errors). One letter away is found
// through the words' one-letter deletions (a hash lookup, whatever the vocabulary's size);
// two letters away only for long words that are not words of the directory as typed, among
// words of the same first letter and about the same length whose letters differ little.

/** Rows of the distance table, reused from one call to the next. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance, given up as soon as it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [previousPrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[b.length]!;
}

/** Which of 32 letter classes a word holds: two words within two edits differ in at most two classes each way. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 32);
  return mask;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

export type WordMatch = { word: string; kind: 'exact' | 'prefix' | 'typo'; distance: number };

export class WordFinder {
  private readonly words = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly byFirstLetterAndLength = new Map<string, { words: string[]; masks: number[] }>();
  private sorted: string[] = [];
  private sortedIsCurrent = true;

  get size(): number {
    return this.words.size;
  }

  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    this.sortedIsCurrent = false;
    if (word.length >= 4) {
      for (const deletion of deletions(word)) {
        const list = this.byDeletion.get(deletion);
        if (list) list.push(word);
        else this.byDeletion.set(deletion, [word]);
      }
    }
    if (word.length >= 8) {
      const key = `${word[0]}${word.length}`;
      let list = this.byFirstLetterAndLength.get(key);
      if (!list) this.byFirstLetterAndLength.set(key, (list = { words: [], masks: [] }));
      list.words.push(word);
      list.masks.push(letterMask(word));
    }
  }

  /** The words a query word may mean; `asPrefix` for the word being typed. */
  find(term: string, options: { asPrefix: boolean; maxPrefixWords?: number }): WordMatch[] {
    const found = new Map<string, WordMatch>();
    const keep = (match: WordMatch) => {
      const known = found.get(match.word);
      if (!known || known.distance > match.distance) found.set(match.word, match);
    };
    if (this.words.has(term)) keep({ word: term, kind: 'exact', distance: 0 });
    if (options.asPrefix && term.length >= 2) {
      for (const word of this.wordsStartingWith(term, options.maxPrefixWords ?? 100)) if (word !== term) keep({ word, kind: 'prefix', distance: 0.5 });
    }
    if (term.length >= 4) {
      const candidates = new Set<string>(this.byDeletion.get(term) ?? []);
      for (const deletion of deletions(term)) {
        if (this.words.has(deletion) && deletion.length >= 4) candidates.add(deletion);
        for (const word of this.byDeletion.get(deletion) ?? []) candidates.add(word);
      }
      for (const word of candidates) if (word !== term && editDistance(term, word, 1) <= 1) keep({ word, kind: 'typo', distance: 1 });
    }
    if (term.length >= 8 && !this.words.has(term)) {
      const termMask = letterMask(term);
      for (let length = term.length - 2; length <= term.length + 2; length++) {
        const list = this.byFirstLetterAndLength.get(`${term[0]}${length}`);
        if (!list) continue;
        for (let i = 0; i < list.words.length; i++) {
          const mask = list.masks[i]!;
          if (bitCount(termMask & ~mask) > 2 || bitCount(mask & ~termMask) > 2) continue;
          const word = list.words[i]!;
          if (!found.has(word) && editDistance(term, word, 2) === 2) keep({ word, kind: 'typo', distance: 2 });
        }
      }
    }
    return [...found.values()];
  }

  private wordsStartingWith(prefix: string, limit: number): string[] {
    if (!this.sortedIsCurrent) {
      this.sorted = [...this.words].sort();
      this.sortedIsCurrent = true;
    }
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const result: string[] = [];
    for (let i = low; i < this.sorted.length && result.length < limit && this.sorted[i]!.startsWith(prefix); i++) result.push(this.sorted[i]!);
    return result;
  }
}
