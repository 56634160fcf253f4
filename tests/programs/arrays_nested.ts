// Nested arrays number[][] (and string[][]): matrices, matrix product, transpose, Pascal's triangle,
// jagged rows, and aliasing of a row pushed twice.
function makeMatrix(rows: number, cols: number, start: number): number[][] {
  const m: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) row.push(start + r * cols + c);
    m.push(row);
  }
  return m;
}

function multiply(a: number[][], b: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < b[0].length; j++) {
      let s = 0;
      for (let k = 0; k < b.length; k++) s += a[i][k] * b[k][j];
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

function transpose(a: number[][]): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < a[0].length; j++) {
    const row: number[] = [];
    for (let i = 0; i < a.length; i++) row.push(a[i][j]);
    out.push(row);
  }
  return out;
}

function printMatrix(label: string, m: number[][]): void {
  console.log(label, m.length + "x" + m[0].length);
  for (const row of m) {
    let line = "";
    for (const v of row) line += " " + v;
    console.log(line);
  }
}

export function main(argv: string[]): number {
  const a = makeMatrix(2, 3, 1);
  const b = makeMatrix(3, 2, 7);
  printMatrix("a", a);
  printMatrix("b", b);
  printMatrix("a*b", multiply(a, b));
  printMatrix("t(a)", transpose(a));
  const pascal: number[][] = [[1]];
  for (let n = 1; n < 10; n++) {
    const prev = pascal[n - 1];
    const row: number[] = [1];
    for (let k = 1; k < n; k++) row.push(prev[k - 1] + prev[k]);
    row.push(1);
    pascal.push(row);
  }
  for (const row of pascal) {
    let line = "";
    for (const v of row) line += v + " ";
    console.log(line);
  }
  const shared: number[] = [1, 2];
  const grid: number[][] = [];
  grid.push(shared);
  grid.push(shared);
  grid[0][1] = 99;
  console.log(grid[1][1], grid[0] === grid[1]);
  grid[1] = [5, 6, 7];
  grid[1].push(8);
  console.log(grid[0].length, grid[1].length, grid[1][3]);
  const board: string[][] = [];
  for (let r = 0; r < 3; r++) {
    const row: string[] = [];
    for (let c = 0; c < 3; c++) row.push((r + c) % 2 === 0 ? "X" : "O");
    board.push(row);
  }
  board[1][1] = ".";
  for (const row of board) console.log(row[0] + row[1] + row[2]);
  const id = makeMatrix(3, 3, 0);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) id[i][j] = i === j ? 1 : 0;
  printMatrix("id*m", multiply(id, makeMatrix(3, 3, -4)));
  const halves = makeMatrix(2, 2, 1);
  for (const row of halves) for (let j = 0; j < row.length; j++) row[j] = row[j] / 2;
  printMatrix("halves", halves);
  return 0;
}
