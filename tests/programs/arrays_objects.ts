// Arrays of strings and arrays of class instances: building, searching, mutating fields through the
// array, swapping elements, and arrays stored in object fields.
class Item {
  constructor(public name: string, public price: number, public qty: number) {}

  total(): number {
    return this.price * this.qty;
  }
}

class Inventory {
  items: Item[] = [];
  names: string[] = [];

  add(it: Item): void {
    this.items.push(it);
    this.names.push(it.name);
  }

  find(name: string): Item | null {
    for (const it of this.items) {
      if (it.name === name) return it;
    }
    return null;
  }

  value(): number {
    let v = 0;
    for (const it of this.items) v += it.total();
    return v;
  }
}

export function main(argv: string[]): number {
  const colors: string[] = ["red", "green", "blue"];
  colors.push("yellow");
  colors[1] = colors[1] + "ish";
  let line = "";
  for (const c of colors) line += c + ";";
  console.log(line, colors.length, colors[colors.length - 1].length);
  const inv = new Inventory();
  inv.add(new Item("apple", 0.5, 10));
  inv.add(new Item("pear", 0.75, 4));
  inv.add(new Item("melon", 3, 1));
  console.log(inv.items.length, inv.names.length, inv.value());
  inv.items[0].qty += 5;
  inv.items[2].price = 2.5;
  console.log(inv.items[0].total(), inv.items[2].total(), inv.value());
  const pear = inv.find("pear");
  if (pear !== null) {
    pear.qty = 0;
    console.log("found", pear.name, pear.total());
  }
  const kiwi = inv.find("kiwi");
  console.log("kiwi", kiwi === null);
  for (let i = 0; i < inv.items.length; i++) {
    const it = inv.items[i];
    console.log(i, it.name, it.price, it.qty, it.total());
  }
  const tmp = inv.items[0];
  inv.items[0] = inv.items[2];
  inv.items[2] = tmp;
  let order = "";
  for (const it of inv.items) order += it.name + " ";
  console.log(order);
  const table: Item[] = [];
  for (let i = 0; i < 5; i++) table.push(new Item("n" + i, i * 1.5, i));
  let best = table[0];
  for (const it of table) if (it.total() > best.total()) best = it;
  console.log("best", best.name, best.total());
  const same = table[3];
  same.name = "renamed";
  console.log(table[3].name, same === table[3], table[3] === table[4]);
  let chars = "";
  for (const n of inv.names) chars += n.charAt(0);
  console.log(chars);
  return 0;
}
