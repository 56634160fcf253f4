// Sorting number[] with insertion sort, recursive quicksort and merge sort on pseudo-random data;
// sorting objects by a key; printing samples and checksums.
class Rng {
  constructor(public state: number) {}
  next(): number {
    this.state = (this.state * 16807) % 2147483647;
    return this.state;
  }
}

function insertionSort(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const key = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > key) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = key;
  }
}

function quickSort(a: number[], lo: number, hi: number): void {
  if (lo >= hi) return;
  const pivot = a[(lo + hi) >> 1];
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (a[i] < pivot) i++;
    while (a[j] > pivot) j--;
    if (i <= j) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
      i++;
      j--;
    }
  }
  quickSort(a, lo, j);
  quickSort(a, i, hi);
}

function mergeSort(a: number[]): number[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (i < mid) left.push(a[i]);
    else right.push(a[i]);
  }
  const l = mergeSort(left);
  const r = mergeSort(right);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) {
    if (l[i] <= r[j]) out.push(l[i++]);
    else out.push(r[j++]);
  }
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}

function checksum(a: number[]): number {
  let h = 0;
  for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) | 0;
  return h;
}

function isSorted(a: number[]): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1] > a[i]) return false;
  return true;
}

class Person {
  constructor(public name: string, public age: number) {}
}

export function main(argv: string[]): number {
  const rng = new Rng(42);
  const data: number[] = [];
  for (let i = 0; i < 2000; i++) data.push(rng.next() % 1000 - 500);
  const a: number[] = [];
  const b: number[] = [];
  for (const v of data) {
    a.push(v);
    b.push(v);
  }
  insertionSort(a);
  quickSort(b, 0, b.length - 1);
  const c = mergeSort(data);
  console.log(isSorted(a), isSorted(b), isSorted(c), isSorted(data));
  console.log(checksum(a), checksum(b), checksum(c));
  console.log(a[0], a[1], a[999], a[1999], c[1000]);
  const floats: number[] = [3.5, -1.25, 0, 2, -0.5, 1e-3, 100, -100];
  quickSort(floats, 0, floats.length - 1);
  let fl = "";
  for (const f of floats) fl += f + " ";
  console.log(fl);
  const people: Person[] = [new Person("eve", 31), new Person("al", 25), new Person("bo", 40), new Person("cy", 25)];
  for (let i = 1; i < people.length; i++) {
    const p = people[i];
    let j = i - 1;
    while (j >= 0 && people[j].age > p.age) {
      people[j + 1] = people[j];
      j--;
    }
    people[j + 1] = p;
  }
  let line = "";
  for (const p of people) line += p.name + "(" + p.age + ") ";
  console.log(line);
  return 0;
}
