// String comparison: === !== < > <= >= (UTF-16 code unit order), equality of built strings, sorting.
function sortStrings(arr: string[]): void {
  for (let i = 1; i < arr.length; i++) {
    const key = arr[i];
    let j = i - 1;
    while (j >= 0 && arr[j] > key) {
      arr[j + 1] = arr[j];
      j--;
    }
    arr[j + 1] = key;
  }
}

function cmp(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

export function main(argv: string[]): number {
  const pairs: string[] = ["apple", "banana", "Zebra", "apple", "abc", "abcd", "", "a", "10", "9", "é", "z", "a", "A"];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const x = pairs[i];
    const y = pairs[i + 1];
    console.log("[" + x + "] vs [" + y + "]:", x < y, x > y, x <= y, x >= y, x === y, x !== y, cmp(x, y));
  }
  const built = "ab" + "c";
  let loopBuilt = "";
  for (let i = 0; i < 3; i++) loopBuilt += String.fromCharCode(97 + i);
  console.log(built === "abc", loopBuilt === "abc", built === loopBuilt, loopBuilt !== "abd");
  console.log(loopBuilt.length === built.length, "abc" < loopBuilt, "abc" <= loopBuilt);
  const words: string[] = ["pear", "Apple", "fig", "banana", "apple", "Fig", "cherry", "date", "b", ""];
  sortStrings(words);
  let line = "";
  for (const w of words) line += "[" + w + "]";
  console.log(line);
  let maxWord = words[0];
  for (const w of words) if (w > maxWord) maxWord = w;
  console.log("max", maxWord);
  const u = "日本";
  const v = "日";
  console.log(u > v, u < "😀", "😀" > "\uffff", "é" > "e");
  return 0;
}
