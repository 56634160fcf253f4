// The array methods without callbacks: indexOf, lastIndexOf, includes (SameValueZero),
// slice, concat, reverse, fill, join, shift, unshift, splice, on numbers, strings and objects.
class Reg {
  constructor(public name: string) {}
}

export function main(argv: string[]): number {
  const xs = [5, 3, 8, 3, 1];
  console.log(xs.indexOf(3), xs.indexOf(7), xs.indexOf(3, 2), xs.indexOf(3, -1), xs.indexOf(5, -100), xs.indexOf(1, 9));
  console.log(xs.lastIndexOf(3), xs.lastIndexOf(9), xs.includes(8), xs.includes(9));
  const fs = [1.5, NaN, -0, 2];
  console.log(fs.indexOf(NaN), fs.includes(NaN), fs.indexOf(0), fs.includes(0), fs.lastIndexOf(2), fs.indexOf(1.5));
  const ss = ["a", "b", "c", "d"];
  console.log(ss.indexOf("c"), ss.includes("z"), ss.slice(1).join("-"), ss.slice(-2).join(), ss.slice(1, -1).join(), ss.slice(3, 1).length);
  console.log(ss.slice(-100, 100).join(""), ss.slice(2.7).join(""), ss.slice(NaN, 2).join(""), ss.slice().length);
  const regs = [new Reg("r0"), new Reg("r1"), new Reg("r2")];
  const r1 = regs[1];
  console.log(regs.indexOf(r1), regs.indexOf(new Reg("r1")), regs.includes(r1), regs.lastIndexOf(regs[2]));
  console.log(xs.concat([9, 9]).join(), xs.concat([0], [7]).length, [1, 2].concat([]).join(" "), xs.length);
  console.log(xs.slice().reverse().join(), xs.join(), xs.join("; "), [true, false].join(), [0.5, -0, 1e21].join("|"));
  const copy = ss.slice();
  copy.reverse();
  console.log(copy.join(""), ss.join(""), copy.reverse() === copy);
  const zs = [0, 0, 0, 0, 0];
  zs.fill(7);
  console.log(zs.join(), zs.fill(1, 2).join(), zs.fill(9, 1, -2).join(), zs.fill(4, 10).join(), zs.fill(3, -1).join());
  const queue = [1, 2, 3];
  console.log(queue.shift(), queue.join(), queue.unshift(0), queue.join(), queue.shift(), queue.shift(), queue.length);
  const names = ["x"];
  names.unshift("w");
  names.unshift("v");
  console.log(names.join(), names.shift(), names.join());
  const sp = [1, 2, 3, 4, 5, 6];
  console.log(sp.splice(1, 2).join(), sp.join(), sp.splice(-2, 1, 10).join(), sp.join(), sp.splice(1, 0, 7).length, sp.join());
  console.log(sp.splice(0, 100).join(), sp.length, sp.splice(0, 1).length);
  // An array nothing is ever stored in: the methods' loops over its items are dead code.
  const none: number[] = [];
  const names2: string[] = [];
  console.log(none.filter((v) => v > 0).length, none.map((v) => v + 1).length, none.indexOf(3), none.includes(3), none.slice(1).length);
  console.log(names2.join("+"), names2.concat(names2).length, none.reverse().length, none.some((v) => v > 0), none.every((v) => v > 0));
  // A free list of registers, as a register allocator keeps one.
  const free = ["r0", "r1", "r2", "r3"];
  const used: string[] = [];
  for (let i = 0; i < 6; i++) {
    if (i % 3 === 2 && used.length > 0) {
      const r = used.splice(0, 1)[0];
      free.unshift(r);
      console.log("release", r, free.join(""));
    } else {
      const r = free.shift()!;
      used.push(r);
      console.log("alloc", r, used.join(""), used.includes("r1"), free.indexOf("r3"));
    }
  }
  return 0;
}
