// TypeScript's tuples (`[number, string]`), as a translated program represents them: one
// small record class per arity, instantiated like any generic class with the element types
// (`[number, string]` is `Tuple2<number, string>`), so that each element keeps its own
// precise type where a JS array would need one element type for all. The frontend builds
// them for tuple literals and reads `t[0]` as the field `_0`. Untranslated programs use
// JS arrays; RTS allows only what both representations do alike (see docs/rts-language.md).
export class Tuple1<A> {
  constructor(public _0: A) {}
}

export class Tuple2<A, B> {
  constructor(public _0: A, public _1: B) {}
}

export class Tuple3<A, B, C> {
  constructor(public _0: A, public _1: B, public _2: C) {}
}

export class Tuple4<A, B, C, D> {
  constructor(public _0: A, public _1: B, public _2: C, public _3: D) {}
}

export class Tuple5<A, B, C, D, E> {
  constructor(public _0: A, public _1: B, public _2: C, public _3: D, public _4: E) {}
}

export class Tuple6<A, B, C, D, E, F> {
  constructor(public _0: A, public _1: B, public _2: C, public _3: D, public _4: E, public _5: F) {}
}
