// Math functions, written in RTS, bit-identical to V8's (Node 20, V8 11.3).
//
// V8 computes Math.pow/exp/log/sin/... with its port of fdlibm (v8/src/base/ieee754.cc, from
// FreeBSD msun / Sun fdlibm 5.3). These functions are faithful ports of that C code: the same
// operations on doubles in the same order (IEEE-754 double arithmetic is deterministic, so the
// results are the same bits), and the same 32-bit word manipulations, done with JS's 32-bit
// bitwise operators on `int`s:
//   GET_HIGH_WORD(x)        floatHighWord(x)        (signed)
//   GET_LOW_WORD(x)         floatLowWord(x)         (unsigned)
//   INSERT_WORDS(hi, lo)    floatFromWords(hi, lo)
//   SET_HIGH_WORD / SET_LOW_WORD   setHighWord / setLowWord below
// A C `unsigned >> n` is `>>>`; C casts of a double to int (which truncate) are `toInt`.
// fdlibm's "raise inexact" tests (`if (huge + x > one) return x`) are always true and kept only
// where they are cheap. NaN payloads are not preserved (JS has one NaN).
//
// sqrt and abs are Math.sqrt / Math.abs (the translator maps them to f64.sqrt / f64.abs, which
// are exact, as are C's sqrt and fabs).
import type { int, float } from "./types.ts";
import { floatHighWord, floatLowWord, floatFromWords, floatTrunc } from "./lowlevel.ts";
import { intDiv, toInt, toFloat } from "./rarith.ts";

const ZERO: float = 0.0;
const ONE: float = 1.0;
const TWO: float = 2.0;
const HALF: float = 0.5;
const HUGE: float = 1.0e300;
const TINY: float = 1.0e-300;
const INF: float = Infinity;
const NAN: float = NaN;
const TWO24: float = 1.67772160000000000000e+07; /* 0x41700000, 0x00000000 */
const TWON24: float = 5.96046447753906250000e-08; /* 0x3E700000, 0x00000000 */
const TWO53: float = 9007199254740992.0; /* 0x43400000, 0x00000000 */
const TWO54: float = 1.80143985094819840000e+16; /* 0x43500000, 0x00000000 */
const TWOM54: float = 5.55111512312578270212e-17; /* 0x3C900000, 0x00000000 */
const LN2: float = 6.93147180559945286227e-01; /* 0x3FE62E42, 0xFEFA39EF */
const LN2_HI: float = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
const LN2_LO: float = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
const INVLN2: float = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */

/** SET_LOW_WORD(x, lo): x with its low word replaced. */
function setLowWord(x: float, lo: int): float {
  return floatFromWords(floatHighWord(x), lo);
}

/** SET_HIGH_WORD(x, hi): x with its high word replaced. */
function setHighWord(x: float, hi: int): float {
  return floatFromWords(hi, floatLowWord(x));
}

/** x * 2^n, correctly rounded (fdlibm s_scalbn.c; same as C's scalbn). */
function scalbn(x: float, n: int): float {
  let hx = floatHighWord(x);
  const lx = floatLowWord(x);
  let k = (hx & 0x7ff00000) >> 20; /* extract exponent */
  let v = x;
  if (k === 0) { /* 0 or subnormal x */
    if ((lx | (hx & 0x7fffffff)) === 0) return x; /* +-0 */
    v = x * TWO54;
    hx = floatHighWord(v);
    k = ((hx & 0x7ff00000) >> 20) - 54;
    if (n < -50000) return TINY * v; /*underflow*/
  }
  if (k === 0x7ff) return v + v; /* NaN or Inf */
  k = k + n;
  if (k > 0x7fe) return HUGE * copySign(HUGE, v); /* overflow  */
  if (k > 0) return setHighWord(v, (hx & 0x800fffff) | (k << 20)); /* normal result */
  if (k <= -54) {
    if (n > 50000) return HUGE * copySign(HUGE, v); /* in case integer overflow in n+k */
    return TINY * copySign(TINY, v); /*underflow*/
  }
  k += 54; /* subnormal result */
  return setHighWord(v, (hx & 0x800fffff) | (k << 20)) * TWOM54;
}

/** |x| with the sign of y. */
function copySign(x: float, y: float): float {
  return floatFromWords((floatHighWord(x) & 0x7fffffff) | (floatHighWord(y) & 0x80000000), floatLowWord(x));
}

// ---- Argument reduction for the trigonometric functions ----

/* Table of constants for 2/pi, 396 Hex digits (476 decimal) of 2/pi */
const TWO_OVER_PI: number[] = [
  0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C,
  0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649,
  0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44,
  0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C, 0x845F8B,
  0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D,
  0x367ECF, 0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5,
  0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330,
  0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E, 0xE61B08,
  0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
  0x73A8C9, 0x60E27B, 0xC08C6B,
];

const NPIO2_HW: number[] = [
  0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
  0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
  0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
  0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
  0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
  0x404858EB, 0x404921FB,
];

/*
 * invpio2:  53 bits of 2/pi
 * pio2_1:   first  33 bit of pi/2
 * pio2_1t:  pi/2 - pio2_1
 * pio2_2:   second 33 bit of pi/2
 * pio2_2t:  pi/2 - (pio2_1+pio2_2)
 * pio2_3:   third  33 bit of pi/2
 * pio2_3t:  pi/2 - (pio2_1+pio2_2+pio2_3)
 */
const INVPIO2: float = 6.36619772367581382433e-01; /* 0x3FE45F30, 0x6DC9C883 */
const PIO2_1: float = 1.57079632673412561417e+00; /* 0x3FF921FB, 0x54400000 */
const PIO2_1T: float = 6.07710050650619224932e-11; /* 0x3DD0B461, 0x1A626331 */
const PIO2_2: float = 6.07710050630396597660e-11; /* 0x3DD0B461, 0x1A600000 */
const PIO2_2T: float = 2.02226624879595063154e-21; /* 0x3BA3198A, 0x2E037073 */
const PIO2_3: float = 2.02226624871116645580e-21; /* 0x3BA3198A, 0x2E000000 */
const PIO2_3T: float = 8.47842766036889956997e-32; /* 0x397B839A, 0x252049C1 */

/** sin (which = 0), cos (1) or tan (2) of x for pi/4 < |x| < Infinity: __ieee754_rem_pio2(x, y)
 *  reduces x to y[0] + y[1] = x - n pi/2, then the kernels give the result by n & 3 (as fdlibm's
 *  s_sin.c, s_cos.c, s_tan.c). The reduction keeps y[0], y[1] in locals rather than an array, so
 *  that arguments below 2^19 pi/2 allocate nothing; larger ones go to kernelRemPio2. */
function reduceAndEval(x: float, which: int): float {
  const hx = floatHighWord(x); /* high word of x */
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) { /* |x| < 3pi/4, special case with n=+-1 */
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { /* 33+53 bit pi is good enough */
        const y0 = z - PIO2_1T;
        return evalReduced(which, 1, y0, (z - y0) - PIO2_1T);
      }
      /* near pi/2, use 33+33+53 bit pi */
      z -= PIO2_2;
      const y0 = z - PIO2_2T;
      return evalReduced(which, 1, y0, (z - y0) - PIO2_2T);
    } else { /* negative x */
      let z = x + PIO2_1;
      if (ix !== 0x3ff921fb) { /* 33+53 bit pi is good enough */
        const y0 = z + PIO2_1T;
        return evalReduced(which, -1, y0, (z - y0) + PIO2_1T);
      }
      /* near pi/2, use 33+33+53 bit pi */
      z += PIO2_2;
      const y0 = z + PIO2_2T;
      return evalReduced(which, -1, y0, (z - y0) + PIO2_2T);
    }
  }
  if (ix <= 0x413921fb) { /* |x| ~<= 2^19*(pi/2), medium size */
    const t = Math.abs(x);
    const n = toInt(t * INVPIO2 + HALF);
    const fn = toFloat(n);
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; /* 1st round good to 85 bit */
    let y0 = r - w;
    if (n >= 32 || ix === NPIO2_HW[n - 1]) { /* else quick check no cancellation */
      const j = ix >> 20;
      let i = j - ((floatHighWord(y0) >> 20) & 0x7ff);
      if (i > 16) { /* 2nd iteration needed, good to 118 */
        let t2 = r;
        w = fn * PIO2_2;
        r = t2 - w;
        w = fn * PIO2_2T - ((t2 - r) - w);
        y0 = r - w;
        i = j - ((floatHighWord(y0) >> 20) & 0x7ff);
        if (i > 49) { /* 3rd iteration need, 151 bits acc */
          t2 = r; /* will cover all possible cases */
          w = fn * PIO2_3;
          r = t2 - w;
          w = fn * PIO2_3T - ((t2 - r) - w);
          y0 = r - w;
        }
      }
    }
    const y1 = (r - y0) - w;
    if (hx < 0) return evalReduced(which, 0 - n, -y0, -y1);
    return evalReduced(which, n, y0, y1);
  }
  /*
   * all other (large) arguments
   */
  /* set z = scalbn(|x|,ilogb(x)-23) */
  const e0 = (ix >> 20) - 1046; /* e0 = ilogb(z)-23; */
  let z = floatFromWords(ix - (e0 << 20), floatLowWord(x));
  const tx = new Float64Array(3);
  for (let i = 0; i < 2; i++) {
    tx[i] = toFloat(toInt(z));
    z = (z - tx[i]) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === ZERO) nx--; /* skip zero term */
  const y = new Float64Array(2);
  const n = kernelRemPio2(tx, y, e0, nx);
  if (hx < 0) return evalReduced(which, 0 - n, -y[0], -y[1]);
  return evalReduced(which, n, y[0], y[1]);
}

/** sin (which = 0), cos (1) or tan (2) of y0 + y1 + n pi/2, |y0| <~ pi/4. */
function evalReduced(which: int, n: int, y0: float, y1: float): float {
  if (which === 2) return kernelTan(y0, y1, 1 - ((n & 1) << 1)); /* 1 -> n even, -1 -> n odd */
  /* cos(x) is sin(x + pi/2): s_cos.c's case n is s_sin.c's case n + 1. */
  const k = (n + which) & 3;
  if (k === 0) return kernelSin(y0, y1, 1);
  if (k === 1) return kernelCos(y0, y1);
  if (k === 2) return -kernelSin(y0, y1, 1);
  return -kernelCos(y0, y1);
}

/* PIo2[]: pi/2 cut into 24-bit chunks. */
const PIO2: number[] = [
  1.57079625129699707031e+00, /* 0x3FF921FB, 0x40000000 */
  7.54978941586159635335e-08, /* 0x3E74442D, 0x00000000 */
  5.39030252995776476554e-15, /* 0x3CF84698, 0x80000000 */
  3.28200341580791294123e-22, /* 0x3B78CC51, 0x60000000 */
  1.27065575308067607349e-29, /* 0x39F01B83, 0x80000000 */
  1.22933308981111328932e-36, /* 0x387A2520, 0x40000000 */
  2.73370053816464559624e-44, /* 0x36E38222, 0x80000000 */
  2.16741683877804819444e-51, /* 0x3569F31D, 0x00000000 */
];

/** __kernel_rem_pio2(x, y, e0, nx, prec = 2, ipio2 = two_over_pi): x[0..nx) are 24-bit chunks of
 *  a positive number X (x[0] scaled by 2^e0); puts X rem pi/2 in y[0] + y[1] and returns the
 *  last three bits of the quotient. See fdlibm's k_rem_pio2.c for the method. */
function kernelRemPio2(x: Float64Array, y: Float64Array, e0: int, nx: int): int {
  const jk = 4; /* init_jk[prec] for prec = 2 */
  const jp = jk;
  const f = new Float64Array(20);
  const q = new Float64Array(20);
  const fq = new Float64Array(20);
  const iq = new Int32Array(20);

  /* determine jx,jv,q0, note that 3>q0 */
  const jx = nx - 1;
  /* jv = (e0-3)/24, not below 0 (C's division truncates; a negative e0-3 gives 0 either way) */
  const jv = e0 - 3 <= 0 ? 0 : intDiv(e0 - 3, 24);
  let q0 = e0 - 24 * (jv + 1);

  /* set up f[0] to f[jx+jk] where f[jx+jk] = ipio2[jv+jk] */
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++) {
    f[i] = j < 0 ? ZERO : toFloat(TWO_OVER_PI[j]);
    j++;
  }

  /* compute q[0],q[1],...q[jk] */
  for (let i = 0; i <= jk; i++) {
    let fw = ZERO;
    for (let jj = 0; jj <= jx; jj++) fw += x[jj] * f[jx + i - jj];
    q[i] = fw;
  }

  let jz = jk;
  let z = ZERO;
  let n = 0;
  let ih = 0;
  while (true) { /* recompute: */
    /* distill q[] into iq[] reversingly */
    let i = 0;
    j = jz;
    z = q[jz];
    while (j > 0) {
      const fw = toFloat(toInt(TWON24 * z));
      iq[i] = toInt(z - TWO24 * fw);
      z = q[j - 1] + fw;
      i++;
      j--;
    }

    /* compute n */
    z = scalbn(z, q0); /* actual value of z */
    z -= 8.0 * floatTrunc(z * 0.125); /* trim off integer >= 8 (z >= 0: floor is trunc) */
    n = toInt(z);
    z -= toFloat(n);
    ih = 0;
    if (q0 > 0) { /* need iq[jz-1] to determine n */
      i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) { /* q > 0.5 */
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) { /* compute 1-q */
        j = iq[i];
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else {
          iq[i] = 0xffffff - j;
        }
      }
      if (q0 > 0) { /* rare case: chance is 1 in 12 */
        if (q0 === 1) {
          iq[jz - 1] &= 0x7fffff;
        } else if (q0 === 2) {
          iq[jz - 1] &= 0x3fffff;
        }
      }
      if (ih === 2) {
        z = ONE - z;
        if (carry !== 0) z -= scalbn(ONE, q0);
      }
    }

    /* check if recomputation is needed */
    if (z === ZERO) {
      j = 0;
      for (i = jz - 1; i >= jk; i--) j |= iq[i];
      if (j === 0) { /* need recomputation */
        let k = 1;
        while (jk >= k && iq[jk - k] === 0) k++; /* k = no. of terms needed */
        for (i = jz + 1; i <= jz + k; i++) { /* add q[jz+1] to q[jz+k] */
          f[jx + i] = toFloat(TWO_OVER_PI[jv + i]);
          let fw = ZERO;
          for (let jj = 0; jj <= jx; jj++) fw += x[jj] * f[jx + i - jj];
          q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }

  /* chop off zero terms */
  if (z === ZERO) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else { /* break z into 24-bit if necessary */
    z = scalbn(z, 0 - q0);
    if (z >= TWO24) {
      const fw = toFloat(toInt(TWON24 * z));
      iq[jz] = toInt(z - TWO24 * fw);
      jz += 1;
      q0 += 24;
      iq[jz] = toInt(fw);
    } else {
      iq[jz] = toInt(z);
    }
  }

  /* convert integer "bit" chunk to floating-point value */
  let fw = scalbn(ONE, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * toFloat(iq[i]);
    fw *= TWON24;
  }

  /* compute PIo2[0,...,jp]*q[jz,...,0] */
  for (let i = jz; i >= 0; i--) {
    fw = ZERO;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k] * q[i + k];
    fq[jz - i] = fw;
  }

  /* compress fq[] into y[] (prec 2) */
  fw = ZERO;
  for (let i = jz; i >= 0; i--) fw += fq[i];
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0] - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i];
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

// ---- Kernels on [-pi/4, pi/4] ----

const S1: float = -1.66666666666666324348e-01; /* 0xBFC55555, 0x55555549 */
const S2: float = 8.33333333332248946124e-03; /* 0x3F811111, 0x1110F8A6 */
const S3: float = -1.98412698298579493134e-04; /* 0xBF2A01A0, 0x19C161D5 */
const S4: float = 2.75573137070700676789e-06; /* 0x3EC71DE3, 0x57B1FE7D */
const S5: float = -2.50507602534068634195e-08; /* 0xBE5AE5E6, 0x8A2B9CEB */
const S6: float = 1.58969099521155010221e-10; /* 0x3DE5D93A, 0x5ACFD57C */

/** __kernel_sin(x, y, iy): sin(x + y) for |x| <~ pi/4, y the tail of x (iy = 0: y is 0). */
function kernelSin(x: float, y: float, iy: int): float {
  const ix = floatHighWord(x) & 0x7fffffff; /* high word of x */
  if (ix < 0x3e400000) { /* |x| < 2**-27 */
    if (toInt(x) === 0) return x; /* generate inexact */
  }
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (HALF * y - v * r) - y) - v * S1);
}

const C1: float = 4.16666666666666019037e-02; /* 0x3FA55555, 0x5555554C */
const C2: float = -1.38888888888741095749e-03; /* 0xBF56C16C, 0x16C15177 */
const C3: float = 2.48015872894767294178e-05; /* 0x3EFA01A0, 0x19CB1590 */
const C4: float = -2.75573143513906633035e-07; /* 0xBE927E4F, 0x809C52AD */
const C5: float = 2.08757232129817482790e-09; /* 0x3E21EE9E, 0xBDB4B1C4 */
const C6: float = -1.13596475577881948265e-11; /* 0xBDA8FAE9, 0xBE8838D4 */

/** __kernel_cos(x, y): cos(x + y) for |x| <~ pi/4, y the tail of x. */
function kernelCos(x: float, y: float): float {
  const ix = floatHighWord(x) & 0x7fffffff; /* ix = |x|'s high word*/
  if (ix < 0x3e400000) { /* if x < 2**27 */
    if (toInt(x) === 0) return ONE; /* generate inexact */
  }
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) { /* if |x| < 0.3 */
    return ONE - (HALF * z - (z * r - x * y));
  }
  let qx = 0.28125; /* x > 0.78125 */
  if (ix <= 0x3fe90000) qx = floatFromWords(ix - 0x00200000, 0); /* x/4 */
  const iz = HALF * z - qx;
  const a = ONE - qx;
  return a - (iz - (z * r - x * y));
}

/* __kernel_tan coefficients T[0..12] */
const T: number[] = [
  3.33333333333334091986e-01, /* 3FD55555, 55555563 */
  1.33333333333201242699e-01, /* 3FC11111, 1110FE7A */
  5.39682539762260521377e-02, /* 3FABA1BA, 1BB341FE */
  2.18694882948595424599e-02, /* 3F9664F4, 8406D637 */
  8.86323982359930005737e-03, /* 3F8226E3, E96E8493 */
  3.59207910759131235356e-03, /* 3F6D6D22, C9560328 */
  1.45620945432529025516e-03, /* 3F57DBC8, FEE08315 */
  5.88041240820264096874e-04, /* 3F4344D8, F2F26501 */
  2.46463134818469906812e-04, /* 3F3026F7, 1A8D1068 */
  7.81794442939557092300e-05, /* 3F147E88, A03792A6 */
  7.14072491382608190305e-05, /* 3F12B80F, 32F0A7E9 */
  -1.85586374855275456654e-05, /* BEF375CB, DB605373 */
  2.59073051863633712884e-05, /* 3EFB2A70, 74BF7AD4 */
];
const PIO4: float = 7.85398163397448278999e-01; /* 3FE921FB, 54442D18 */
const PIO4LO: float = 3.06161699786838301793e-17; /* 3C81A626, 33145C07 */

/** __kernel_tan(x, y, k): tan(x + y) (k = 1) or -1/tan(x + y) (k = -1) for |x| <~ pi/4. */
function kernelTan(x0: float, y0: float, iy: int): float {
  let x = x0;
  let y = y0;
  const hx = floatHighWord(x); /* high word of x */
  const ix = hx & 0x7fffffff; /* high word of |x| */
  if (ix < 0x3e300000) { /* x < 2**-28 */
    if (toInt(x) === 0) { /* generate inexact */
      const low = floatLowWord(x);
      if (((ix | low) | (iy + 1)) === 0) {
        return ONE / Math.abs(x);
      } else if (iy === 1) {
        return x;
      } else { /* compute -1 / (x+y) carefully */
        const w = x + y;
        const z = setLowWord(w, 0);
        const v = y - (z - x);
        const a = -ONE / w;
        const t = setLowWord(a, 0);
        const s = ONE + t * z;
        return t + a * (s + t * v);
      }
    }
  }
  if (ix >= 0x3fe59428) { /* |x| >= 0.6744 */
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    const z = PIO4 - x;
    const w = PIO4LO - y;
    x = z + w;
    y = ZERO;
  }
  const z = x * x;
  let w = z * z;
  /*
   * Break x^5*(T[1]+x^2*T[2]+...) into
   * x^5(T[1]+x^4*T[3]+...+x^20*T[11]) +
   * x^5(x^2*(T[2]+x^4*T[4]+...+x^22*[T12]))
   */
  let r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
  let v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
  let s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T[0] * s;
  w = x + r;
  if (ix >= 0x3fe59428) {
    v = toFloat(iy);
    return toFloat(1 - ((hx >> 30) & 2)) * (v - TWO * (x - (w * w / (w + v) - r)));
  }
  if (iy === 1) return w;
  /*
   * if allow error up to 2 ulp, simply return
   * -1.0 / (x+r) here
   */
  /* compute -1.0 / (x+r) accurately */
  const z2 = setLowWord(w, 0);
  v = r - (z2 - x); /* z+v = r+x */
  const a = -ONE / w; /* a = -1.0/w */
  const t = setLowWord(a, 0);
  s = ONE + t * z2;
  return t + a * (s + t * v);
}

// ---- sin, cos, tan ----

/** Math.sin. */
export function sin(x: float): float {
  const ix = floatHighWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, ZERO, 0); /* |x| ~< pi/4 */
  if (ix >= 0x7ff00000) return x - x; /* sin(Inf or NaN) is NaN */
  return reduceAndEval(x, 0); /* argument reduction needed */
}

/** Math.cos. */
export function cos(x: float): float {
  const ix = floatHighWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, ZERO); /* |x| ~< pi/4 */
  if (ix >= 0x7ff00000) return x - x; /* cos(Inf or NaN) is NaN */
  return reduceAndEval(x, 1); /* argument reduction needed */
}

/** Math.tan. */
export function tan(x: float): float {
  const ix = floatHighWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelTan(x, ZERO, 1); /* |x| ~< pi/4 */
  if (ix >= 0x7ff00000) return x - x; /* tan(Inf or NaN) is NaN */
  return reduceAndEval(x, 2); /* argument reduction needed */
}

// ---- Inverse trigonometric functions ----

const PIO2_HI: float = 1.57079632679489655800e+00; /* 0x3FF921FB, 0x54442D18 */
const PIO2_LO: float = 6.12323399573676603587e-17; /* 0x3C91A626, 0x33145C07 */
const PIO4_HI: float = 7.85398163397448278999e-01; /* 0x3FE921FB, 0x54442D18 */
const PI: float = 3.14159265358979311600e+00; /* 0x400921FB, 0x54442D18 */
const PS0: float = 1.66666666666666657415e-01; /* 0x3FC55555, 0x55555555 */
const PS1: float = -3.25565818622400915405e-01; /* 0xBFD4D612, 0x03EB6F7D */
const PS2: float = 2.01212532134862925881e-01; /* 0x3FC9C155, 0x0E884455 */
const PS3: float = -4.00555345006794114027e-02; /* 0xBFA48228, 0xB5688F3B */
const PS4: float = 7.91534994289814532176e-04; /* 0x3F49EFE0, 0x7501B288 */
const PS5: float = 3.47933107596021167570e-05; /* 0x3F023DE1, 0x0DFDF709 */
const QS1: float = -2.40339491173441421878e+00; /* 0xC0033A27, 0x1C8A2D4B */
const QS2: float = 2.02094576023350569471e+00; /* 0x40002AE5, 0x9C598AC8 */
const QS3: float = -6.88283971605453293030e-01; /* 0xBFE6066C, 0x1B8D0159 */
const QS4: float = 7.70381505559019352791e-02; /* 0x3FB3B8C5, 0xB12E9282 */

/** Math.asin. */
export function asin(x: float): float {
  let t = ZERO;
  const hx = floatHighWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) { /* |x|>= 1 */
    const lx = floatLowWord(x);
    if (((ix - 0x3ff00000) | lx) === 0) { /* asin(1)=+-pi/2 with inexact */
      return x * PIO2_HI + x * PIO2_LO;
    }
    return NAN; /* asin(|x|>1) is NaN */
  } else if (ix < 0x3fe00000) { /* |x|<0.5 */
    if (ix < 0x3e400000) { /* if |x| < 2**-27 */
      if (HUGE + x > ONE) return x; /* return x with inexact if x!=0*/
    } else {
      t = x * x;
    }
    const p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
    const q = ONE + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
    const w = p / q;
    return x + x * w;
  }
  /* 1> |x|>= 0.5 */
  let w = ONE - Math.abs(x);
  t = w * 0.5;
  let p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
  let q = ONE + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
  const s = Math.sqrt(t);
  if (ix >= 0x3fef3333) { /* if |x| > 0.975 */
    w = p / q;
    t = PIO2_HI - (TWO * (s + s * w) - PIO2_LO);
  } else {
    w = setLowWord(s, 0);
    const c = (t - w * w) / (s + w);
    const r = p / q;
    p = TWO * s * r - (PIO2_LO - TWO * c);
    q = PIO4_HI - TWO * w;
    t = PIO4_HI - (p - q);
  }
  return hx > 0 ? t : -t;
}

/** Math.acos. */
export function acos(x: float): float {
  const hx = floatHighWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) { /* |x| >= 1 */
    const lx = floatLowWord(x);
    if (((ix - 0x3ff00000) | lx) === 0) { /* |x|==1 */
      if (hx > 0) return ZERO; /* acos(1) = 0  */
      return PI + TWO * PIO2_LO; /* acos(-1)= pi */
    }
    return NAN; /* acos(|x|>1) is NaN */
  }
  if (ix < 0x3fe00000) { /* |x| < 0.5 */
    if (ix <= 0x3c600000) return PIO2_HI + PIO2_LO; /*if|x|<2**-57*/
    const z = x * x;
    const p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
    const q = ONE + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
    const r = p / q;
    return PIO2_HI - (x - (PIO2_LO - x * r));
  } else if (hx < 0) { /* x < -0.5 */
    const z = (ONE + x) * 0.5;
    const p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
    const q = ONE + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
    const s = Math.sqrt(z);
    const r = p / q;
    const w = r * s - PIO2_LO;
    return PI - TWO * (s + w);
  } else { /* x > 0.5 */
    const z = (ONE - x) * 0.5;
    const s = Math.sqrt(z);
    const df = setLowWord(s, 0);
    const c = (z - df * df) / (s + df);
    const p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
    const q = ONE + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
    const r = p / q;
    const w = r * s + c;
    return TWO * (df + w);
  }
}

const ATANHI: number[] = [
  4.63647609000806093515e-01, /* atan(0.5)hi 0x3FDDAC67, 0x0561BB4F */
  7.85398163397448278999e-01, /* atan(1.0)hi 0x3FE921FB, 0x54442D18 */
  9.82793723247329054082e-01, /* atan(1.5)hi 0x3FEF730B, 0xD281F69B */
  1.57079632679489655800e+00, /* atan(inf)hi 0x3FF921FB, 0x54442D18 */
];
const ATANLO: number[] = [
  2.26987774529616870924e-17, /* atan(0.5)lo 0x3C7A2B7F, 0x222F65E2 */
  3.06161699786838301793e-17, /* atan(1.0)lo 0x3C81A626, 0x33145C07 */
  1.39033110312309984516e-17, /* atan(1.5)lo 0x3C700788, 0x7AF0CBBD */
  6.12323399573676603587e-17, /* atan(inf)lo 0x3C91A626, 0x33145C07 */
];
const AT: number[] = [
  3.33333333333329318027e-01, /* 0x3FD55555, 0x5555550D */
  -1.99999999998764832476e-01, /* 0xBFC99999, 0x9998EBC4 */
  1.42857142725034663711e-01, /* 0x3FC24924, 0x920083FF */
  -1.11111104054623557880e-01, /* 0xBFBC71C6, 0xFE231671 */
  9.09088713343650656196e-02, /* 0x3FB745CD, 0xC54C206E */
  -7.69187620504482999495e-02, /* 0xBFB3B0F2, 0xAF749A6D */
  6.66107313738753120669e-02, /* 0x3FB10D66, 0xA0D03D51 */
  -5.83357013379057348645e-02, /* 0xBFADDE2D, 0x52DEFD9A */
  4.97687799461593236017e-02, /* 0x3FA97B4B, 0x24760DEB */
  -3.65315727442169155270e-02, /* 0xBFA2B444, 0x2C6A6C2F */
  1.62858201153657823623e-02, /* 0x3F90AD3A, 0xE322DA11 */
];

/** Math.atan. */
export function atan(x0: float): float {
  let x = x0;
  const hx = floatHighWord(x);
  const ix = hx & 0x7fffffff;
  let id = -1;
  if (ix >= 0x44100000) { /* if |x| >= 2^66 */
    const low = floatLowWord(x);
    if (ix > 0x7ff00000 || (ix === 0x7ff00000 && low !== 0)) return x + x; /* NaN */
    if (hx > 0) return ATANHI[3] + ATANLO[3];
    return -ATANHI[3] - ATANLO[3];
  }
  if (ix < 0x3fdc0000) { /* |x| < 0.4375 */
    if (ix < 0x3e400000) { /* |x| < 2^-27 */
      if (HUGE + x > ONE) return x; /* raise inexact */
    }
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) { /* |x| < 1.1875 */
      if (ix < 0x3fe60000) { /* 7/16 <=|x|<11/16 */
        id = 0;
        x = (TWO * x - ONE) / (TWO + x);
      } else { /* 11/16<=|x|< 19/16 */
        id = 1;
        x = (x - ONE) / (x + ONE);
      }
    } else {
      if (ix < 0x40038000) { /* |x| < 2.4375 */
        id = 2;
        x = (x - 1.5) / (ONE + 1.5 * x);
      } else { /* 2.4375 <= |x| < 2^66 */
        id = 3;
        x = -ONE / x;
      }
    }
  }
  /* end of argument reduction */
  let z = x * x;
  const w = z * z;
  /* break sum from i=0 to 10 aT[i]z**(i+1) into odd and even poly */
  const s1 = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
  const s2 = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
  if (id < 0) return x - x * (s1 + s2);
  z = ATANHI[id] - ((x * (s1 + s2) - ATANLO[id]) - x);
  return hx < 0 ? -z : z;
}

const PI_O_4: float = 7.8539816339744827900e-01; /* 0x3FE921FB, 0x54442D18 */
const PI_O_2: float = 1.5707963267948965580e+00; /* 0x3FF921FB, 0x54442D18 */
const PI_LO: float = 1.2246467991473531772e-16; /* 0x3CA1A626, 0x33145C07 */

/** Math.atan2. */
export function atan2(y: float, x: float): float {
  const hx = floatHighWord(x);
  const lx = floatLowWord(x);
  const ix = hx & 0x7fffffff;
  const hy = floatHighWord(y);
  const ly = floatLowWord(y);
  const iy = hy & 0x7fffffff;
  if ((ix | ((lx | (0 - lx)) >>> 31)) > 0x7ff00000 || (iy | ((ly | (0 - ly)) >>> 31)) > 0x7ff00000) {
    return x + y; /* x or y is NaN */
  }
  if (((hx - 0x3ff00000) | lx) === 0) return atan(y); /* x=1.0 */
  let m = ((hy >> 31) & 1) | ((hx >> 30) & 2); /* 2*sign(x)+sign(y) */

  /* when y = 0 */
  if ((iy | ly) === 0) {
    if (m === 0 || m === 1) return y; /* atan(+-0,+anything)=+-0 */
    if (m === 2) return PI + TINY; /* atan(+0,-anything) = pi */
    return -PI - TINY; /* atan(-0,-anything) =-pi */
  }
  /* when x = 0 */
  if ((ix | lx) === 0) return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;

  /* when x is INF */
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      if (m === 0) return PI_O_4 + TINY; /* atan(+INF,+INF) */
      if (m === 1) return -PI_O_4 - TINY; /* atan(-INF,+INF) */
      if (m === 2) return 3.0 * PI_O_4 + TINY; /*atan(+INF,-INF)*/
      return -3.0 * PI_O_4 - TINY; /*atan(-INF,-INF)*/
    } else {
      if (m === 0) return ZERO; /* atan(+...,+INF) */
      if (m === 1) return -ZERO; /* atan(-...,+INF) */
      if (m === 2) return PI + TINY; /* atan(+...,-INF) */
      return -PI - TINY; /* atan(-...,-INF) */
    }
  }
  /* when y is INF */
  if (iy === 0x7ff00000) return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;

  /* compute y/x */
  const k = (iy - ix) >> 20;
  let z = ZERO;
  if (k > 60) { /* |y/x| >  2**60 */
    z = PI_O_2 + 0.5 * PI_LO;
    m &= 1;
  } else if (hx < 0 && k < -60) {
    z = ZERO; /* 0 > |y|/x > -2**-60 */
  } else {
    z = atan(Math.abs(y / x)); /* safe to do y/x */
  }
  if (m === 0) return z; /* atan(+,+) */
  if (m === 1) return -z; /* atan(-,+) */
  if (m === 2) return PI - (z - PI_LO); /* atan(+,-) */
  return (z - PI_LO) - PI; /* atan(-,-) */
}

// ---- Exponentials ----

const O_THRESHOLD: float = 7.09782712893383973096e+02; /* 0x40862E42, 0xFEFA39EF */
const U_THRESHOLD: float = -7.45133219101941108420e+02; /* 0xC0874910, 0xD52D3051 */
const P1: float = 1.66666666666666019037e-01; /* 0x3FC55555, 0x5555553E */
const P2: float = -2.77777777770155933842e-03; /* 0xBF66C16C, 0x16BEBD93 */
const P3: float = 6.61375632143793436117e-05; /* 0x3F11566A, 0xAF25DE2C */
const P4: float = -1.65339022054652515390e-06; /* 0xBEBBBD41, 0xC5D26BF1 */
const P5: float = 4.13813679705723846039e-08; /* 0x3E663769, 0x72BEA4D0 */
const E: float = 2.718281828459045; /* 0x4005BF0A, 0x8B145769 */
const TWOM1000: float = 9.33263618503218878990e-302; /* 2**-1000=0x01700000,0*/
const TWO1023: float = 8.988465674311579539e307; /* 0x1p1023 */

/** Math.exp. */
export function exp(x0: float): float {
  let x = x0;
  let hi = ZERO;
  let lo = ZERO;
  let k = 0;
  let hx = floatHighWord(x);
  const xsb = (hx >> 31) & 1; /* sign bit of x */
  hx &= 0x7fffffff; /* high word of |x| */

  /* filter out non-finite argument */
  if (hx >= 0x40862e42) { /* if |x|>=709.78... */
    if (hx >= 0x7ff00000) {
      const lx = floatLowWord(x);
      if (((hx & 0xfffff) | lx) !== 0) return x + x; /* NaN */
      return xsb === 0 ? x : ZERO; /* exp(+-inf)={inf,0} */
    }
    if (x > O_THRESHOLD) return HUGE * HUGE; /* overflow */
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; /* underflow */
  }

  /* argument reduction */
  if (hx > 0x3fd62e42) { /* if  |x| > 0.5 ln2 */
    if (hx < 0x3ff0a2b2) { /* and |x| < 1.5 ln2 */
      /* V8 special-cases exp(1) to return the correctly rounded E. */
      if (x === ONE) return E;
      hi = x - (xsb === 0 ? LN2_HI : -LN2_HI);
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = toInt(INVLN2 * x + (xsb === 0 ? HALF : -HALF));
      const t = toFloat(k);
      hi = x - t * LN2_HI; /* t*ln2HI is exact here */
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { /* when |x|<2**-28 */
    if (HUGE + x > ONE) return ONE + x; /* trigger inexact */
  } else {
    k = 0;
  }

  /* x is now in primary range */
  const t = x * x;
  let twopk = ZERO;
  if (k >= -1021) {
    twopk = floatFromWords(0x3ff00000 + (k << 20), 0);
  } else {
    twopk = floatFromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  }
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return ONE - ((x * c) / (c - TWO) - x);
  const y = ONE - ((lo - (x * c) / (TWO - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * TWO * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}

/* Scaled Q's: Qn_here = 2**n * Qn_above, for R(2*z) where z = hxs = x*x/2: */
const Q1: float = -3.33333333333331316428e-02; /* BFA11111 111110F4 */
const Q2: float = 1.58730158725481460165e-03; /* 3F5A01A0 19FE5585 */
const Q3: float = -7.93650757867487942473e-05; /* BF14CE19 9EAADBB7 */
const Q4: float = 4.00821782732936239552e-06; /* 3ED0CFCA 86E65239 */
const Q5: float = -2.01099218183624371326e-07; /* BE8AFDB7 6E09C32D */

/** Math.expm1. */
export function expm1(x0: float): float {
  let x = x0;
  let hx = floatHighWord(x);
  const xsb = hx & 0x80000000; /* sign bit of x */
  hx &= 0x7fffffff; /* high word of |x| */
  let k = 0;
  let c = ZERO;

  /* filter out huge and non-finite argument */
  if (hx >= 0x4043687a) { /* if |x|>=56*ln2 */
    if (hx >= 0x40862e42) { /* if |x|>=709.78... */
      if (hx >= 0x7ff00000) {
        const low = floatLowWord(x);
        if (((hx & 0xfffff) | low) !== 0) return x + x; /* NaN */
        return xsb === 0 ? x : -ONE; /* exp(+-inf)={inf,-1} */
      }
      if (x > O_THRESHOLD) return HUGE * HUGE; /* overflow */
    }
    if (xsb !== 0) { /* x < -56*ln2, return -1.0 with inexact */
      if (x + TINY < ZERO) return TINY - ONE; /* return -1 */
    }
  }

  /* argument reduction */
  if (hx > 0x3fd62e42) { /* if  |x| > 0.5 ln2 */
    let hi = ZERO;
    let lo = ZERO;
    if (hx < 0x3ff0a2b2) { /* and |x| < 1.5 ln2 */
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = toInt(INVLN2 * x + (xsb === 0 ? HALF : -HALF));
      const t = toFloat(k);
      hi = x - t * LN2_HI; /* t*ln2_hi is exact here */
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) { /* when |x|<2**-54, return x */
    const t = HUGE + x; /* return x with inexact flags when x!=0 */
    return x - (t - (HUGE + x));
  } else {
    k = 0;
  }

  /* x is now in primary range */
  const hfx = HALF * x;
  const hxs = x * hfx;
  const r1 = ONE + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); /* c is 0 */
  const twopk = floatFromWords(0x3ff00000 + (k << 20), 0); /* 2^k */
  e = (x * (e - c) - c);
  e -= hxs;
  if (k === -1) return HALF * (x - e) - HALF;
  if (k === 1) {
    if (x < -0.25) return -TWO * (e - (x + HALF));
    return ONE + TWO * (x - e);
  }
  let y = ZERO;
  if (k <= -2 || k > 56) { /* suffice to return exp(x)-1 */
    y = ONE - (e - x);
    if (k === 1024) {
      y = y * TWO * 8.98846567431158e+307;
    } else {
      y = y * twopk;
    }
    return y - ONE;
  }
  if (k < 20) {
    t = floatFromWords(0x3ff00000 - (0x200000 >> k), 0); /* t=1-2^-k */
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = floatFromWords((0x3ff - k) << 20, 0); /* 2^-k */
    y = x - (e + t);
    y += ONE;
    y = y * twopk;
  }
  return y;
}

// ---- Logarithms ----

const LG1: float = 6.666666666666735130e-01; /* 3FE55555 55555593 */
const LG2: float = 3.999999999940941908e-01; /* 3FD99999 9997FA04 */
const LG3: float = 2.857142874366239149e-01; /* 3FD24924 94229359 */
const LG4: float = 2.222219843214978396e-01; /* 3FCC71C5 1D8E78AF */
const LG5: float = 1.818357216161805012e-01; /* 3FC74664 96CB03DE */
const LG6: float = 1.531383769920937332e-01; /* 3FC39A09 D078C69F */
const LG7: float = 1.479819860511658591e-01; /* 3FC2F112 DF3E5244 */

/** Math.log. */
export function log(x0: float): float {
  let x = x0;
  let hx = floatHighWord(x);
  const lx = floatLowWord(x);
  let k = 0;
  if (hx < 0x00100000) { /* x < 2**-1022  */
    if (((hx & 0x7fffffff) | lx) === 0) return -INF; /* log(+-0)=-inf */
    if (hx < 0) return NAN; /* log(-#) = NaN */
    k -= 54;
    x *= TWO54; /* subnormal number, scale up x */
    hx = floatHighWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = setHighWord(x, hx | (i ^ 0x3ff00000)); /* normalize x or x/2 */
  k += i >> 20;
  const f = x - ONE;
  if ((0x000fffff & (2 + hx)) < 3) { /* -2**-20 <= f < 2**-20 */
    if (f === ZERO) {
      if (k === 0) return ZERO;
      const dk = toFloat(k);
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (HALF - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    const dk = toFloat(k);
    return dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (TWO + f);
  const dk = toFloat(k);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = HALF * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

/** Math.log1p. */
export function log1p(x: float): float {
  const hx = floatHighWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = ZERO;
  let hu = 0;
  let c = ZERO;
  if (hx < 0x3fda827a) { /* 1+x < sqrt(2)+ */
    if (ax >= 0x3ff00000) { /* x <= -1.0 */
      if (x === -ONE) return -INF; /* log1p(-1)=+inf */
      return NAN; /* log1p(x<-1)=NaN */
    }
    if (ax < 0x3e200000) { /* |x| < 2**-29 */
      if (TWO54 + x > ZERO && ax < 0x3c900000) return x; /* |x| < 2**-54 */
      return x - x * x * HALF;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { /* sqrt(2)/2- <= 1+x < sqrt(2)+ */
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u = ZERO;
    if (hx < 0x43400000) {
      u = ONE + x;
      hu = floatHighWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? ONE - (u - x) : x - (u - ONE); /* correction term */
      c /= u;
    } else {
      u = x;
      hu = floatHighWord(u);
      k = (hu >> 20) - 1023;
      c = ZERO;
    }
    hu &= 0x000fffff;
    /*
     * The approximation to sqrt(2) used in thresholds is not
     * critical.  However, the ones used above must give less
     * strict bounds than the one here so that the k==0 case is
     * never reached from here, since here we have committed to
     * using the correction term but don't use it if k==0.
     */
    if (hu < 0x6a09e) { /* u ~< sqrt(2) */
      u = setHighWord(u, hu | 0x3ff00000); /* normalize u */
    } else {
      k += 1;
      u = setHighWord(u, hu | 0x3fe00000); /* normalize u/2 */
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - ONE;
  }
  const hfsq = HALF * f * f;
  const dk = toFloat(k);
  if (hu === 0) { /* |f| < 2**-20 */
    if (f === ZERO) {
      if (k === 0) return ZERO;
      c += dk * LN2_LO;
      return dk * LN2_HI + c;
    }
    const R = hfsq * (ONE - 0.66666666666666666 * f);
    if (k === 0) return f - R;
    return dk * LN2_HI - ((R - (dk * LN2_LO + c)) - f);
  }
  const s = f / (TWO + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return dk * LN2_HI - ((hfsq - (s * (hfsq + R) + (dk * LN2_LO + c))) - f);
}

/** k_log1p(f): log(1+f) - f for 1+f in ~[sqrt(2)/2, sqrt(2)]. */
function kLog1p(f: float): float {
  const s = f / (TWO + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = HALF * f * f;
  return s * (hfsq + R);
}

const IVLN2HI: float = 1.44269504072144627571e+00; /* 0x3FF71547, 0x65200000 */
const IVLN2LO: float = 1.67517131648865118353e-10; /* 0x3DE705FC, 0x2EEFA200 */

/** Math.log2. */
export function log2(x0: float): float {
  let x = x0;
  let hx = floatHighWord(x);
  const lx = floatLowWord(x);
  let k = 0;
  if (hx < 0x00100000) { /* x < 2**-1022  */
    if (((hx & 0x7fffffff) | lx) === 0) return -INF; /* log(+-0)=-inf */
    if (hx < 0) return NAN; /* log(-#) = NaN */
    k -= 54;
    x *= TWO54; /* subnormal number, scale up x */
    hx = floatHighWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lx === 0) return ZERO; /* log(1) = +0 */
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = setHighWord(x, hx | (i ^ 0x3ff00000)); /* normalize x or x/2 */
  k += i >> 20;
  const y = toFloat(k);
  const f = x - ONE;
  const hfsq = HALF * f * f;
  const r = kLog1p(f);
  const hi = setLowWord(f - hfsq, 0);
  const lo = (f - hi) - hfsq + r;
  let valHi = hi * IVLN2HI;
  let valLo = (lo + hi) * IVLN2LO + lo * IVLN2HI;
  /* spadd(val_hi, val_lo, y), except for not using double_t: */
  const w = y + valHi;
  valLo += (y - w) + valHi;
  valHi = w;
  return valLo + valHi;
}

const IVLN10: float = 4.34294481903251816668e-01;
const LOG10_2HI: float = 3.01029995663611771306e-01; /* 0x3FD34413, 0x509F6000 */
const LOG10_2LO: float = 3.69423907715893078616e-13; /* 0x3D59FEF3, 0x11F12B36 */

/** Math.log10. */
export function log10(x0: float): float {
  let x = x0;
  let hx = floatHighWord(x);
  let lx = floatLowWord(x);
  let k = 0;
  if (hx < 0x00100000) { /* x < 2**-1022  */
    if (((hx & 0x7fffffff) | lx) === 0) return -INF; /* log(+-0)=-inf */
    if (hx < 0) return NAN; /* log(-#) = NaN */
    k -= 54;
    x *= TWO54; /* subnormal number, scale up x */
    hx = floatHighWord(x);
    lx = floatLowWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lx === 0) return ZERO; /* log(1) = +0 */
  k += (hx >> 20) - 1023;
  const i = (k & 0x80000000) >>> 31;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = toFloat(k + i);
  x = floatFromWords(hx, lx);
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}

// ---- cbrt ----

const CBRT_B1 = 715094163; /* B1 = (1023-1023/3-0.03306235651)*2**20 */
const CBRT_B2 = 696219795; /* B2 = (1023-1023/3-54/3-0.03306235651)*2**20 */
/* |1/cbrt(x) - p(x)| < 2**-23.5 (~[-7.93e-8, 7.929e-8]). */
const CBRT_P0: float = 1.87595182427177009643; /* 0x3FFE03E6, 0x0F61E692 */
const CBRT_P1: float = -1.88497979543377169875; /* 0xBFFE28E0, 0x92F02420 */
const CBRT_P2: float = 1.621429720105354466140; /* 0x3FF9F160, 0x4A49D6C2 */
const CBRT_P3: float = -0.758397934778766047437; /* 0xBFE844CB, 0xBEE751D9 */
const CBRT_P4: float = 0.145996192886612446982; /* 0x3FC2B000, 0xD4E4EDD7 */

/** Math.cbrt. */
export function cbrt(x: float): float {
  let hx = floatHighWord(x);
  const low = floatLowWord(x);
  const sign = hx & 0x80000000; /* sign= sign(x) */
  hx ^= sign;
  if (hx >= 0x7ff00000) return x + x; /* cbrt(NaN,INF) is itself */
  /*
   * Rough cbrt to 5 bits:
   *    cbrt(2**e*(1+m) ~= 2**(e/3)*(1+(e%3+m)/3)
   */
  let t = ZERO;
  if (hx < 0x00100000) { /* zero or subnormal? */
    if ((hx | low) === 0) return x; /* cbrt(0) is itself */
    t = floatFromWords(0x43500000, 0); /* set t= 2**54 */
    t *= x;
    const high = floatHighWord(t);
    t = floatFromWords(sign | (intDiv(high & 0x7fffffff, 3) + CBRT_B2), 0);
  } else {
    t = floatFromWords(sign | (intDiv(hx, 3) + CBRT_B1), 0);
  }
  /*
   * New cbrt to 23 bits:
   *    cbrt(x) = t*cbrt(x/t**3) ~= t*P(t**3/x)
   */
  let r = (t * t) * (t / x);
  t = t * ((CBRT_P0 + r * (CBRT_P1 + r * CBRT_P2)) + ((r * r) * r) * (CBRT_P3 + r * CBRT_P4));
  /*
   * Round t away from zero to 23 bits: the 64-bit (bits + 0x80000000) & 0xFFFFFFFFC0000000,
   * done on the two words (the carry out of the low word goes into the high word).
   */
  const tl = floatLowWord(t);
  t = floatFromWords(floatHighWord(t) + (tl >>> 31), (tl ^ 0x80000000) & 0xc0000000);
  /* one step Newton iteration to 53 bits with error < 0.667 ulps */
  const s = t * t; /* t*t is exact */
  r = x / s; /* error <= 0.5 ulps; |r| < |t| */
  const w = t + t; /* t+t is exact */
  r = (r - t) / (w + r); /* r-t is exact; w+r ~= 3*t */
  t = t + t * r; /* error <= 0.5 + 0.5/3 + epsilon */
  return t;
}

// ---- Hyperbolic functions ----

const KCOSH_OVERFLOW: float = 710.4758600739439;
const TWO_M28: float = 3.725290298461914e-9; // 2^-28, empty lower half
const LOG_MAXD: float = 709.7822265625; // 0x40862E42 00000000, empty lower half
const SHUGE: float = 1.0e307;
const TWENTY_TWO: float = 22.0;

/** Math.sinh. */
export function sinh(x: float): float {
  const h = x < ZERO ? -HALF : HALF;
  /* |x| in [0, 22]. return sign(x)*0.5*(E+E/(E+1)) */
  const ax = Math.abs(x);
  if (ax < TWENTY_TWO) {
    if (ax < TWO_M28) return x; /* For |x| < 2^-28, sinh(x) = x */
    const t = expm1(ax);
    if (ax < ONE) return h * (TWO * t - t * t / (t + ONE));
    return h * (t + t / (t + ONE));
  }
  /* |x| in [22, log(maxdouble)], return 0.5 * exp(|x|) */
  if (ax < LOG_MAXD) return h * exp(ax);
  /* |x| in [log(maxdouble), overflowthreshold] */
  if (ax <= KCOSH_OVERFLOW) {
    const w = exp(HALF * ax);
    const t = h * w;
    return t * w;
  }
  /* |x| > overflowthreshold or is NaN: Infinity of the appropriate sign or NaN. */
  return x * SHUGE;
}

/** Math.cosh. */
export function cosh(x: float): float {
  const ix = floatHighWord(x) & 0x7fffffff; /* High word of |x|. */
  /* |x| in [0,0.5*log2], return 1+expm1(|x|)^2/(2*exp(|x|)) */
  if (ix < 0x3fd62e43) {
    const t = expm1(Math.abs(x));
    const w = ONE + t;
    if (ix < 0x3c800000) return w; /* For |x| < 2^-55, cosh(x) = 1 */
    return ONE + (t * t) / (w + w);
  }
  /* |x| in [0.5*log2, 22], return (exp(|x|)+1/exp(|x|)/2 */
  if (ix < 0x40360000) {
    const t = exp(Math.abs(x));
    return HALF * t + HALF / t;
  }
  /* |x| in [22, log(maxdouble)], return half*exp(|x|) */
  if (ix < 0x40862e42) return HALF * exp(Math.abs(x));
  /* |x| in [log(maxdouble), overflowthreshold] */
  if (Math.abs(x) <= KCOSH_OVERFLOW) {
    const w = exp(HALF * Math.abs(x));
    const t = HALF * w;
    return t * w;
  }
  /* x is INF or NaN */
  if (ix >= 0x7ff00000) return x * x;
  /* |x| > overflowthreshold. */
  return HUGE * HUGE;
}

/** Math.tanh. */
export function tanh(x: float): float {
  const jx = floatHighWord(x);
  const ix = jx & 0x7fffffff;
  /* x is INF or NaN */
  if (ix >= 0x7ff00000) {
    if (jx >= 0) return ONE / x + ONE; /* tanh(+-inf)=+-1 */
    return ONE / x - ONE; /* tanh(NaN) = NaN */
  }
  let z = ZERO;
  if (ix < 0x40360000) { /* |x|<22 */
    if (ix < 0x3e300000) { /* |x|<2**-28 */
      if (HUGE + x > ONE) return x; /* tanh(tiny) = tiny with inexact */
    }
    if (ix >= 0x3ff00000) { /* |x|>=1  */
      const t = expm1(TWO * Math.abs(x));
      z = ONE - TWO / (t + TWO);
    } else {
      const t = expm1(-TWO * Math.abs(x));
      z = -t / (t + TWO);
    }
  } else { /* |x| >= 22, return +-1 */
    z = ONE - TINY; /* raise inexact flag */
  }
  return jx >= 0 ? z : -z;
}

/** Math.asinh. */
export function asinh(x: float): float {
  const hx = floatHighWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return x + x; /* x is inf or NaN */
  if (ix < 0x3e300000) { /* |x|<2**-28 */
    if (HUGE + x > ONE) return x; /* return x inexact except 0 */
  }
  let w = ZERO;
  if (ix > 0x41b00000) { /* |x| > 2**28 */
    w = log(Math.abs(x)) + LN2;
  } else if (ix > 0x40000000) { /* 2**28 > |x| > 2.0 */
    const t = Math.abs(x);
    w = log(TWO * t + ONE / (Math.sqrt(x * x + ONE) + t));
  } else { /* 2.0 > |x| > 2**-28 */
    const t = x * x;
    w = log1p(Math.abs(x) + t / (ONE + Math.sqrt(ONE + t)));
  }
  return hx > 0 ? w : -w;
}

/** Math.acosh. */
export function acosh(x: float): float {
  const hx = floatHighWord(x);
  const lx = floatLowWord(x);
  if (hx < 0x3ff00000) { /* x < 1 */
    return NAN;
  } else if (hx >= 0x41b00000) { /* x > 2**28 */
    if (hx >= 0x7ff00000) return x + x; /* x is inf of NaN */
    return log(x) + LN2; /* acosh(huge)=log(2x) */
  } else if (((hx - 0x3ff00000) | lx) === 0) {
    return ZERO; /* acosh(1) = 0 */
  } else if (hx > 0x40000000) { /* 2**28 > x > 2 */
    const t = x * x;
    return log(TWO * x - ONE / (x + Math.sqrt(t - ONE)));
  }
  /* 1<x<2 */
  const t = x - ONE;
  return log1p(t + Math.sqrt(TWO * t + t * t));
}

/** Math.atanh. */
export function atanh(x0: float): float {
  const hx = floatHighWord(x0);
  const lx = floatLowWord(x0);
  const ix = hx & 0x7fffffff;
  if ((ix | ((lx | (0 - lx)) >>> 31)) > 0x3ff00000) return NAN; /* |x|>1 */
  if (ix === 0x3ff00000) return x0 > ZERO ? INF : -INF;
  if (ix < 0x3e300000 && (HUGE + x0) > ZERO) return x0; /* x<2**-28 */
  const x = setHighWord(x0, ix);
  let t = ZERO;
  if (ix < 0x3fe00000) { /* x < 0.5 */
    t = x + x;
    t = HALF * log1p(t + t * x / (ONE - x));
  } else {
    t = HALF * log1p((x + x) / (ONE - x));
  }
  return hx >= 0 ? t : -t;
}

// ---- pow ----

const DP_H1: float = 5.84962487220764160156e-01; /* 0x3FE2B803, 0x40000000 */
const DP_L1: float = 1.35003920212974897128e-08; /* 0x3E4CFDEB, 0x43CFD006 */
/* poly coefs for (3/2)*(log(x)-2s-2/3*s**3 */
const L1: float = 5.99999999999994648725e-01; /* 0x3FE33333, 0x33333303 */
const L2: float = 4.28571428578550184252e-01; /* 0x3FDB6DB6, 0xDB6FABFF */
const L3: float = 3.33333329818377432918e-01; /* 0x3FD55555, 0x518F264D */
const L4: float = 2.72728123808534006489e-01; /* 0x3FD17460, 0xA91D4101 */
const L5: float = 2.30660745775561754067e-01; /* 0x3FCD864A, 0x93C9DB65 */
const L6: float = 2.06975017800338417784e-01; /* 0x3FCA7E28, 0x4A454EEF */
const LG2_H: float = 6.93147182464599609375e-01; /* 0x3FE62E43, 0x00000000 */
const LG2_L: float = -1.90465429995776804525e-09; /* 0xBE205C61, 0x0CA86C39 */
const OVT: float = 8.0085662595372944372e-17; /* -(1024-log2(ovfl+.5ulp)) */
const CP: float = 9.61796693925975554329e-01; /* 0x3FEEC709, 0xDC3A03FD =2/(3ln2) */
const CP_H: float = 9.61796700954437255859e-01; /* 0x3FEEC709, 0xE0000000 =(float)cp */
const CP_L: float = -7.02846165095275826516e-09; /* 0xBE3E2FE0, 0x145B01F5 =tail cp_h */
const IVLN2_H: float = 1.44269502162933349609e+00; /* 0x3FF71547, 0x60000000 =24b 1/ln2 */
const IVLN2_L: float = 1.92596299112661746887e-08; /* 0x3E54AE0B, 0xF85DDF44 =1/ln2 tail */

/** Math.pow and `**` (V8's ieee754::pow, fdlibm's e_pow.c with ECMAScript's special cases:
 *  x ** NaN is NaN, (+-1) ** (+-Infinity) is NaN). */
export function pow(x: float, y: float): float {
  const hx = floatHighWord(x);
  const lx = floatLowWord(x);
  const hy = floatHighWord(y);
  const ly = floatLowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  /* y==zero: x**0 = 1 */
  if ((iy | ly) === 0) return ONE;

  /* +-NaN return x+y */
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) {
    return x + y;
  }

  /* determine if y is an odd int when x < 0
   * yisint = 0 ... y is not an integer
   * yisint = 1 ... y is an odd int
   * yisint = 2 ... y is an even int
   */
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yisint = 2; /* even integer y */
    } else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff; /* exponent */
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) === (ly | 0)) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if ((j << (20 - k)) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  /* special value of y */
  if (ly === 0) {
    if (iy === 0x7ff00000) { /* y is +-inf */
      if (((ix - 0x3ff00000) | lx) === 0) {
        return y - y; /* inf**+-1 is NaN */
      } else if (ix >= 0x3ff00000) { /* (|x|>1)**+-inf = inf,0 */
        return hy >= 0 ? y : ZERO;
      } else { /* (|x|<1)**-,+inf = inf,0 */
        return hy < 0 ? -y : ZERO;
      }
    }
    if (iy === 0x3ff00000) { /* y is  +-1 */
      if (hy < 0) return ONE / x;
      return x;
    }
    if (hy === 0x40000000) return x * x; /* y is  2 */
    if (hy === 0x3fe00000) { /* y is  0.5 */
      if (hx >= 0) return Math.sqrt(x); /* x >= +0 */
    }
  }

  let ax = Math.abs(x);
  /* special value of x */
  if (lx === 0) {
    if (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000) {
      let z = ax; /*x is +-0,+-inf,+-1*/
      if (hy < 0) z = ONE / z; /* z = (1/|x|) */
      if (hx < 0) {
        if (((ix - 0x3ff00000) | yisint) === 0) {
          z = NAN; /* (-1)**non-int is NaN */
        } else if (yisint === 1) {
          z = -z; /* (x<0)**odd = -(|x|**odd) */
        }
      }
      return z;
    }
  }

  let n = (hx >> 31) + 1;

  /* (x<0)**(non-int) is NaN */
  if ((n | yisint) === 0) return NAN;

  let s = ONE; /* s (sign of result -ve**odd) = -1 else = 1 */
  if ((n | (yisint - 1)) === 0) s = -ONE; /* (-ve)**(odd int) */

  let t1 = ZERO;
  let t2 = ZERO;
  /* |y| is huge */
  if (iy > 0x41e00000) { /* if |y| > 2**31 */
    if (iy > 0x43f00000) { /* if |y| > 2**64, must o/uflow */
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    /* over/underflow if x is not close to one */
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    /* now |1-x| is tiny <= 2**-20, suffice to compute
       log(x) by x-x^2/2+x^3/3-x^4/4 */
    const t = ax - ONE; /* t has 20 trailing zeros */
    const w = (t * t) * (HALF - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t; /* ivln2_h has 21 sig. bits */
    const v = t * IVLN2_L - w * INVLN2;
    t1 = setLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    /* take care subnormal number */
    if (ix < 0x00100000) {
      ax *= TWO53;
      n -= 53;
      ix = floatHighWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    /* determine interval */
    ix = j | 0x3ff00000; /* normalize ix */
    let k = 0;
    if (j <= 0x3988e) {
      k = 0; /* |x|<sqrt(3/2) */
    } else if (j < 0xbb67a) {
      k = 1; /* |x|<sqrt(3)   */
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = setHighWord(ax, ix);
    const bp = k === 0 ? ONE : 1.5;
    const dpH = k === 0 ? ZERO : DP_H1;
    const dpL = k === 0 ? ZERO : DP_L1;

    /* compute ss = s_h+s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5) */
    let u = ax - bp; /* bp[0]=1.0, bp[1]=1.5 */
    let v = ONE / (ax + bp);
    const ss = u * v;
    const sH = setLowWord(ss, 0);
    /* t_h=ax+bp[k] High */
    let tH = floatFromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - bp);
    const sL = v * ((u - sH * tH) - sH * tL);
    /* compute log(ax) */
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = setLowWord(3.0 + s2 + r, 0);
    tL = r - ((tH - 3.0) - s2);
    /* u+v = ss*(1+...) */
    u = sH * tH;
    v = sL * tH + tL * ss;
    /* 2/(3log2)*(ss+...) */
    const pH = setLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH; /* cp_h+cp_l = 2/(3*log2) */
    const zL = CP_L * pH + pL * CP + dpL;
    /* log2(ax) = (ss+..)*2/(3*log2) = n + dp_h + z_h + z_l */
    const t = toFloat(n);
    t1 = setLowWord(((zH + zL) + dpH) + t, 0);
    t2 = zL - (((t1 - t) - dpH) - zH);
  }

  /* split up y into y1+y2 and compute (y1+y2)*(t1+t2) */
  const y1 = setLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = floatHighWord(z);
  let i = floatLowWord(z) | 0;
  if (j >= 0x40900000) { /* z >= 1024 */
    if (((j - 0x40900000) | i) !== 0) { /* if z > 1024 */
      return s * HUGE * HUGE; /* overflow */
    } else if (pL + OVT > z - pH) {
      return s * HUGE * HUGE; /* overflow */
    }
  } else if ((j & 0x7fffffff) >= 0x4090cc00) { /* z <= -1075 */
    if (((j - 0xc090cc00) | i) !== 0) { /* z < -1075 */
      return s * TINY * TINY; /* underflow */
    } else if (pL <= z - pH) {
      return s * TINY * TINY; /* underflow */
    }
  }
  /*
   * compute 2**(p_h+p_l)
   */
  i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) { /* if |z| > 0.5, set n = [z+0.5] */
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; /* new k for n */
    const t = floatFromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = 0 - n;
    pH -= t;
  }
  let t = setLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LN2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / ((t1 - TWO) - (w + z * w));
  z = ONE - (r - z);
  j = floatHighWord(z);
  j = (j + (n << 20)) | 0;
  if ((j >> 20) <= 0) {
    z = scalbn(z, n); /* subnormal output */
  } else {
    z = setHighWord(z, (floatHighWord(z) + (n << 20)) | 0);
  }
  return s * z;
}
