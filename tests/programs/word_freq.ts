// Text processing without Map: split a text into lowercase words by char codes, count frequencies
// with parallel arrays, sort by count then word, and print the top entries.
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function splitWords(text: string): string[] {
  const words: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      cur += String.fromCharCode(lower(c));
    } else if (cur.length > 0) {
      words.push(cur);
      cur = "";
    }
  }
  if (cur.length > 0) words.push(cur);
  return words;
}

class Freq {
  words: string[] = [];
  counts: number[] = [];

  add(w: string): void {
    for (let i = 0; i < this.words.length; i++) {
      if (this.words[i] === w) {
        this.counts[i]++;
        return;
      }
    }
    this.words.push(w);
    this.counts.push(1);
  }

  sort(): void {
    for (let i = 1; i < this.words.length; i++) {
      const w = this.words[i];
      const c = this.counts[i];
      let j = i - 1;
      while (j >= 0 && (this.counts[j] < c || (this.counts[j] === c && this.words[j] > w))) {
        this.words[j + 1] = this.words[j];
        this.counts[j + 1] = this.counts[j];
        j--;
      }
      this.words[j + 1] = w;
      this.counts[j + 1] = c;
    }
  }
}

export function main(argv: string[]): number {
  const text =
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age " +
    "of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season " +
    "of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair. " +
    "We had everything before us, we had nothing before us; we're all going direct to Heaven.";
  const words = splitWords(text);
  console.log("words", words.length, "first", words[0], "last", words[words.length - 1]);
  const f = new Freq();
  for (const w of words) f.add(w);
  console.log("distinct", f.words.length);
  f.sort();
  for (let i = 0; i < 10; i++) console.log(f.counts[i], f.words[i]);
  let longest = "";
  for (const w of f.words) if (w.length > longest.length) longest = w;
  console.log("longest", longest, longest.length);
  let letters = 0;
  for (const w of words) letters += w.length;
  console.log("average length", letters / words.length);
  return 0;
}
