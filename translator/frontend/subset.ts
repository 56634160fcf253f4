// The RTS subset's rejections: each unsupported construct gets a message naming it and a
// suggested rewrite. Messages are pinned by golden tests (tests/diagnostics/).
import { ts } from "ts-morph";
import { RtsError } from "../diagnostics/diagnostic.ts";
import { locOfNode } from "./loc.ts";

interface Rejection {
  what: string;
  hint: string;
}

const BY_KIND: Partial<Record<ts.SyntaxKind, Rejection>> = {
  [ts.SyntaxKind.ClassDeclaration]: { what: "classes declared inside functions", hint: "declare the class at the top level of the module" },
  [ts.SyntaxKind.ClassExpression]: { what: "class expressions", hint: "declare the class at the top level of the module" },
  [ts.SyntaxKind.ForInStatement]: { what: "for...in", hint: "iterate over an array with for...of or an index loop" },
  [ts.SyntaxKind.WithStatement]: { what: "with statements", hint: "name the object explicitly" },
  [ts.SyntaxKind.DebuggerStatement]: { what: "debugger statements", hint: "remove it" },
  [ts.SyntaxKind.TypeOfExpression]: { what: "typeof on values (RTS types are static)", hint: "use instanceof on classes, or a tag field" },
  [ts.SyntaxKind.DeleteExpression]: { what: "delete (objects have a fixed shape)", hint: "set the field to null instead" },
  [ts.SyntaxKind.VoidExpression]: { what: "the void operator", hint: "write the expression as a statement" },
  [ts.SyntaxKind.AwaitExpression]: { what: "await (RTS programs are synchronous)", hint: "use the synchronous rlib/os API" },
  [ts.SyntaxKind.YieldExpression]: { what: "generators", hint: "write an explicit iterator class" },
  [ts.SyntaxKind.ObjectLiteralExpression]: { what: "object literals", hint: "declare a class and construct it with new" },
  [ts.SyntaxKind.RegularExpressionLiteral]: { what: "regular expressions", hint: "scan the string with charCodeAt" },
  [ts.SyntaxKind.TaggedTemplateExpression]: { what: "tagged templates", hint: "call a function with the pieces" },
  [ts.SyntaxKind.SpreadElement]: { what: "spread (...)", hint: "pass the elements explicitly or loop over the array" },
  [ts.SyntaxKind.InKeyword]: { what: "the `in` operator", hint: "objects have a fixed shape: test a field or use instanceof" },
  [ts.SyntaxKind.QuestionQuestionEqualsToken]: { what: "the ??= operator", hint: "write `if (x === null) x = other`" },
  [ts.SyntaxKind.BarBarEqualsToken]: { what: "the ||= operator", hint: "write `if (!x) x = other`" },
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: { what: "the &&= operator", hint: "write `if (x) x = other`" },
};

/** Stops translation at `node`: RTS does not support it. `what` overrides the default name. */
export function reject(node: ts.Node, what?: string): never {
  const known = BY_KIND[node.kind];
  const name = what ?? known?.what ?? `${ts.SyntaxKind[node.kind]} (${JSON.stringify(node.getText().slice(0, 40))})`;
  throw new RtsError(
    locOfNode(node),
    `RTS does not support ${name}`,
    what === undefined ? (known?.hint ?? "see docs/rts-language.md for the supported subset") : hintFor(what),
  );
}

const HINTS: [RegExp, string][] = [
  [/abstract generic method/, "give it a body in the base class, or make it a generic top-level function that takes the object as a parameter"],
  [/overriding a generic method/, "give the subclass's method another name, or make it a generic top-level function that takes the object (and tests its class with instanceof)"],
  [/generic method called through/, "call it on a value of the class type (narrow it with instanceof first)"],
  [/generic method of an interface/, "declare the generic method in a class and call it on a value of that class type"],
  [/bind\(\) of a generic method/, "wrap the call in an arrow function with fixed types: `(x: number) => obj.m(x)`"],
  [/rest parameter of a closure|with a rest parameter used/, "take an array parameter instead"],
  [/tuple with optional or rest/, "use a fixed-length tuple, or a class (with a nullable field for what may be missing)"],
  [/tuple indexed by/, "index a tuple with a constant; when the elements share one type, use an array (`number[]`)"],
  [/tuple used where an array/, "give the value an array type where it is made (`const t: number[] = [1, 2]`), or copy it into an array (`[t[0], t[1]]`)"],
  [/on a tuple|for-of over a tuple/, "when the elements share one type and it is used as an array, give it an array type (`number[]`)"],
  [/rest element in an object pattern/, "name the fields you need: `const { a, b } = obj`"],
  [/spread of anything but an array/, "spread an array: `...Array.from(s)` (JS spreads any iterable, RTS only arrays)"],
  [/catch variable/, "write `catch (e)`: the caught value is always an Error; narrow it with `e instanceof MyError`"],
  [/`any`|`unknown`/, "give the value its precise type (a class, number, string, boolean, an array...)"],
  [/that may be null/, "numbers and booleans are machine values that cannot be null: use a sentinel (NaN, -1) or a separate boolean field"],
  [/a union of/, "use one type; for alternatives use subclasses of a common base class, or separate fields"],
  [/eval/, "RTS programs are compiled ahead of time: interpret the code yourself"],
  [/^Function/, "RTS programs are compiled ahead of time: write the function in the program"],
  [/async functions/, "write a synchronous function: RTS programs have no event loop (rlib/os has synchronous I/O)"],
  [/'Math\.hypot'/, "write Math.sqrt(x * x + y * y) (with a scaling step if the squares may overflow)"],
  [/replacement function/, "find the matches with indexOf and build the result with slice in a loop"],
  [/optional element access/, "test for null first: `x !== null ? x[i] : fallback`"],
  [/default or optional parameter of a closure/, "declare the parameter required and pass it at every call"],
  [/closure/, "pass the value as a parameter, or keep it in an object field"],
  [/static field or a module's binding/, "keep mutable state in an object: `static readonly state = new State()` and assign `C.state.x = ...`"],
  [/destructuring declaration at module level/, "declare each module-level constant on its own: `const a = 1;`"],
  [/module-level binding/, "keep mutable state in an object: `const state = new State()` and assign `state.x = ...`"],
  [/loose equality/, "use === or !=="],
  [/different default parameter values/, "give the override the same defaults as the method it overrides"],
  [/default parameter value/, "compute the value inside the function (e.g. pass -1 and test for it)"],
  [/optional/, "test for null first: `if (x !== null) x.f()`"],
  [/spread/, "pass the elements explicitly"],
  [/typed array/, "write `new Uint8Array(length)` and fill it in a loop"],
  [/abstract class/, "instantiate a concrete subclass"],
  [/class, module or built-in function used as a value/, "wrap it in an arrow function: `(x) => f(x)`"],
  [/method used as a value without binding/, "bind it to its object: `obj.method.bind(obj)`, or wrap the call: `(x) => obj.method(x)`"],
  [/bind\(\)/, "write `obj.method.bind(obj)` with obj a local or `this`, or an arrow function `(x) => obj.method(x)`"],
  [/`this` in a function expression/, "use an arrow function, which keeps the `this` of the method it is written in"],
  [/`arguments`/, "declare the parameters, or take an array parameter"],
  [/outside a for-of or Array.from/, "write `for (const k of m.keys())`, or `Array.from(m.keys())` for an array"],
  [/^(Map|Set)\.\w+$/, "iterate with `for (const [k, v] of m)` (Set: `for (const x of s)`) and do the work in the loop"],
  [/as a Map key/, "use strings, numbers, booleans or class instances as keys"],
  [/held where its/, "declare the binding, field or array holding it with the class and its type arguments (`const boxes: Box<number>[] = ...`), or build it in main"],
  [/arrays as Map keys/, "arrays are compared by identity in JS: key by a string built from the elements, or by an object"],
  [/ever larger types/, "give the recursive call a fixed type (e.g. wrap the value in a class)"],
  [/new Map\(entries\)/, "create the Map empty and `set` each entry"],
  [/new Set\(items\)/, "add the items in a for-of loop"],
  [/Map\.get/, "write `m.get(k) ?? 0`, or test `m.has(k)` first and write `m.get(k)!`"],
  [/iterator kept in a variable/, "write `for (const k of m.keys())`, or `Array.from(m.keys())` for an array"],
  [/instanceof with a generic class/, "test a field (a `kind` tag), use a non-generic subclass, or test a value whose type has one instantiation of the class (`Box<number> | Other`)"],
  [/type arguments TypeScript cannot infer/, "write the type arguments: `new Map<string, number>()`"],
  [/for-of over a string/, "write an index loop: `for (let i = 0; i < s.length; i++) s.charCodeAt(i)`"],
  [/for-of/, "write `for (const x of array)`"],
];

function hintFor(what: string): string {
  for (const [re, hint] of HINTS) if (re.test(what)) return hint;
  return "see docs/rts-language.md for the supported subset";
}
