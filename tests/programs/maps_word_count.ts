// Word counts with string keys: insertion order, updates, get with ! and ??, sorting the entries.
class Entry {
  constructor(public word: string, public count: number) {}
}

function sortEntries(xs: Entry[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && (xs[j].count < x.count || (xs[j].count === x.count && xs[j].word > x.word))) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

const TEXT = "the quick brown fox jumps over the lazy dog the dog barks and the fox runs " +
  "away over the hills and far away a quick brown dog follows the fox";

export function main(argv: string[]): number {
  const counts = new Map<string, number>();
  for (const w of TEXT.split(" ")) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  console.log("distinct", counts.size);
  for (const [w, c] of counts) console.log(w, c);
  console.log("the", counts.get("the")!, "cat", counts.get("cat") ?? -1, counts.has("fox"), counts.has("cat"));

  const entries: Entry[] = [];
  for (const [w, c] of counts) entries.push(new Entry(w, c));
  sortEntries(entries);
  for (let i = 0; i < 5; i++) console.log(`${i + 1}. ${entries[i].word} x${entries[i].count}`);

  // Letters: keys built at run time (fresh string objects each time) must hash and compare by value.
  const letters = new Map<string, number>();
  for (let i = 0; i < TEXT.length; i++) {
    const ch = TEXT.charAt(i);
    if (ch === " ") continue;
    const key = "k" + ch;
    letters.set(key, letters.has(key) ? letters.get(key)! + 1 : 1);
  }
  let line = "";
  for (const k of letters.keys()) line += k.charAt(1) + letters.get(k)! + " ";
  console.log(line);
  let total = 0;
  for (const v of letters.values()) total += v;
  console.log("letters", letters.size, total);

  // Many keys: growth of the index and of the entry arrays.
  const big = new Map<string, string>();
  for (let i = 0; i < 5000; i++) big.set("key" + i, "value" + (i * 7));
  let found = 0;
  for (let i = 0; i < 10000; i += 3) if (big.has("key" + i)) found++;
  console.log(big.size, found, big.get("key4321"), big.get("nokey") === undefined);
  const v = big.get("key17");
  console.log(v !== undefined ? v.length : -1);
  return 0;
}
