// A binary search tree from classes: insert, contains, in-order / pre-order traversal into strings,
// height, count, min/max, sum by depth, and a tree of 1000 pseudo-random keys.
class TreeNode {
  left: TreeNode | null = null;
  right: TreeNode | null = null;
  constructor(public key: number) {}
}

class Out {
  text = "";
}

function insert(node: TreeNode | null, key: number): TreeNode {
  if (node === null) return new TreeNode(key);
  if (key < node.key) node.left = insert(node.left, key);
  else if (key > node.key) node.right = insert(node.right, key);
  return node;
}

function contains(node: TreeNode | null, key: number): boolean {
  let cur = node;
  while (cur !== null) {
    if (key === cur.key) return true;
    cur = key < cur.key ? cur.left : cur.right;
  }
  return false;
}

function inorder(node: TreeNode | null, out: Out): void {
  if (node === null) return;
  inorder(node.left, out);
  out.text += node.key + " ";
  inorder(node.right, out);
}

function preorder(node: TreeNode | null, out: Out): void {
  if (node == null) return;
  out.text += node.key + " ";
  preorder(node.left, out);
  preorder(node.right, out);
}

function height(node: TreeNode | null): number {
  if (node === null) return 0;
  const l = height(node.left);
  const r = height(node.right);
  return 1 + (l > r ? l : r);
}

function count(node: TreeNode | null): number {
  if (node === null) return 0;
  return 1 + count(node.left) + count(node.right);
}

function minKey(node: TreeNode): number {
  let cur = node;
  while (cur.left !== null) cur = cur.left;
  return cur.key;
}

function maxKey(node: TreeNode): number {
  let cur = node;
  while (cur.right !== null) cur = cur.right;
  return cur.key;
}

function sumAtDepth(node: TreeNode | null, depth: number, sums: number[]): void {
  if (node === null) return;
  while (sums.length <= depth) sums.push(0);
  sums[depth] += node.key;
  sumAtDepth(node.left, depth + 1, sums);
  sumAtDepth(node.right, depth + 1, sums);
}

export function main(argv: string[]): number {
  const keys: number[] = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 2.5];
  let root: TreeNode | null = null;
  for (const k of keys) root = insert(root, k);
  const o1 = new Out();
  inorder(root, o1);
  console.log("inorder", o1.text);
  const o2 = new Out();
  preorder(root, o2);
  console.log("preorder", o2.text);
  console.log("height", height(root), "count", count(root));
  console.log(contains(root, 45), contains(root, 46), contains(root, 2.5), contains(null, 1));
  if (root !== null) console.log("min", minKey(root), "max", maxKey(root));
  const sums: number[] = [];
  sumAtDepth(root, 0, sums);
  let line = "";
  for (const s of sums) line += s + " ";
  console.log("sums by depth", line);
  let big: TreeNode | null = null;
  let seed = 12345;
  for (let i = 0; i < 1000; i++) {
    seed = (seed * 16807) % 2147483647;
    big = insert(big, seed % 10000);
  }
  console.log("random tree count", count(big), "height", height(big));
  if (big !== null) console.log("min", minKey(big), "max", maxKey(big));
  let found = 0;
  for (let k = 0; k < 10000; k += 7) if (contains(big, k)) found++;
  console.log("found", found);
  return 0;
}
