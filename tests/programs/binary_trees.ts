// The binary-trees benchmark (allocation heavy): build, check and drop many trees while a
// long-lived tree stays reachable. The depth is argv[0] (default 10; 16 in the benchmark).
class TreeNode {
  constructor(public left: TreeNode | null, public right: TreeNode | null) {}
  check(): number {
    if (this.left === null || this.right === null) return 1;
    return 1 + this.left.check() + this.right.check();
  }
}

function bottomUp(depth: number): TreeNode {
  if (depth === 0) return new TreeNode(null, null);
  return new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
}

function parseDepth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

export function main(argv: string[]): number {
  const maxDepth = Math.max(6, argv.length > 0 ? parseDepth(argv[0]) : 10);
  const stretch = maxDepth + 1;
  console.log(`stretch tree of depth ${stretch}\t check: ${bottomUp(stretch).check()}`);
  const longLived = bottomUp(maxDepth);
  for (let depth = 4; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + 4);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += bottomUp(depth).check();
    console.log(`${iterations}\t trees of depth ${depth}\t check: ${check}`);
  }
  console.log(`long lived tree of depth ${maxDepth}\t check: ${longLived.check()}`);
  return 0;
}
