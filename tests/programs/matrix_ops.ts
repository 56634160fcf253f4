// Dense matrices in a Float64Array: products, transpose, Gaussian elimination with partial
// pivoting (solve and determinant), an integer matrix power (Fibonacci), printed with toFixed.
class Matrix {
  data: Float64Array;
  constructor(
    public rows: number,
    public cols: number,
  ) {
    this.data = new Float64Array(rows * cols);
  }
  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }
  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }
  mul(o: Matrix): Matrix {
    const r = new Matrix(this.rows, o.cols);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < o.cols; j++) {
        let s = 0.0;
        for (let k = 0; k < this.cols; k++) s += this.get(i, k) * o.get(k, j);
        r.set(i, j, s);
      }
    }
    return r;
  }
  transpose(): Matrix {
    const r = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) r.set(j, i, this.get(i, j));
    return r;
  }
  copy(): Matrix {
    const r = new Matrix(this.rows, this.cols);
    for (let i = 0; i < this.data.length; i++) r.data[i] = this.data[i];
    return r;
  }
  show(digits: number): string {
    const lines: string[] = [];
    for (let i = 0; i < this.rows; i++) {
      const cells: string[] = [];
      for (let j = 0; j < this.cols; j++) cells.push(this.get(i, j).toFixed(digits).padStart(9));
      lines.push(cells.join(" "));
    }
    return lines.join("\n");
  }
}

/** Solves a x = b in place by elimination; returns the determinant of a. */
function solve(a: Matrix, b: Float64Array): number {
  const n = a.rows;
  let det = 1.0;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a.get(r, c)) > Math.abs(a.get(p, c))) p = r;
    if (a.get(p, c) === 0) return 0;
    if (p !== c) {
      det = -det;
      for (let j = 0; j < n; j++) {
        const t = a.get(c, j);
        a.set(c, j, a.get(p, j));
        a.set(p, j, t);
      }
      const t = b[c];
      b[c] = b[p];
      b[p] = t;
    }
    det *= a.get(c, c);
    for (let r = c + 1; r < n; r++) {
      const f = a.get(r, c) / a.get(c, c);
      for (let j = c; j < n; j++) a.set(r, j, a.get(r, j) - f * a.get(c, j));
      b[r] -= f * b[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let j = r + 1; j < n; j++) s -= a.get(r, j) * b[j];
    b[r] = s / a.get(r, r);
  }
  return det;
}

function fibMatrix(n: number): number[] {
  let r = [1, 0, 0, 1];
  let m = [1, 1, 1, 0];
  const mul = (x: number[], y: number[]): number[] => [
    x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3],
    x[2] * y[0] + x[3] * y[2], x[2] * y[1] + x[3] * y[3],
  ];
  while (n > 0) {
    if (n & 1) r = mul(r, m);
    m = mul(m, m);
    n >>= 1;
  }
  return r;
}

export function main(argv: string[]): number {
  const a = new Matrix(3, 4);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) a.set(i, j, (i + 1) * (j + 2) - 3.5 * (i === j ? 1 : 0));
  console.log(a.show(2));
  console.log(a.mul(a.transpose()).show(3));
  const n = 5;
  const m = new Matrix(n, n);
  let seed = 7;
  for (let i = 0; i < n * n; i++) {
    seed = (seed * 16807) % 2147483647;
    m.data[i] = (seed % 200) / 10 - 10;
  }
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = i + 1;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[i];
  const det = solve(m.copy(), x);
  console.log("det", det.toFixed(6), det);
  const xs: string[] = [];
  for (let i = 0; i < n; i++) xs.push(x[i].toFixed(8));
  console.log("x", xs.join(" "));
  let residual = 0.0;
  for (let i = 0; i < n; i++) {
    let s = 0.0;
    for (let j = 0; j < n; j++) s += m.get(i, j) * x[j];
    residual = Math.max(residual, Math.abs(s - b[i]));
  }
  console.log("residual small", residual < 1e-9);
  for (const k of [1, 2, 10, 40, 50]) console.log("fib", k, fibMatrix(k)[1]);
  const singular = new Matrix(2, 2);
  singular.set(0, 0, 1);
  singular.set(0, 1, 2);
  singular.set(1, 0, 2);
  singular.set(1, 1, 4);
  console.log("singular det", solve(singular, new Float64Array(2)));
  return 0;
}
