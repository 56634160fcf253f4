// The adapter functions that make top-level functions, static methods and bound methods
// into function values. Every function value has one calling convention (the closure object
// first, then the arguments), so each gets a one-block graph that calls the real thing.
import { ts } from "ts-morph";
import { Block, Constant, Graph, Link, Operation, Variable } from "../flowgraph/model.ts";
import { localName, THIS_KEY } from "./joins.ts";
import { locOfNode } from "./loc.ts";
import { FunctionDesc, NumberKind } from "./program.ts";
import { reject } from "./subset.ts";
import { instantiationKey, TypeArg } from "./generics.ts";

export class FunctionValues {
  /** The adapters of top-level functions and static methods, by function. */
  private ofFunctions = new Map<FunctionDesc, FunctionDesc>();
  /** The adapters of method references `obj.m.bind(obj)`, by method and receiver type. */
  private ofMethods = new Map<string, FunctionDesc>();
  private methodIds = new Map<ts.Node, number>();

  constructor(
    private checker: ts.TypeChecker,
    private numberKind: (type: ts.TypeNode | undefined) => NumberKind,
  ) {}

  all(): FunctionDesc[] {
    return [...this.ofFunctions.values(), ...this.ofMethods.values()];
  }

  /** A top-level function or static method used as a value: a closure (with nothing
   *  captured) whose function calls it. */
  functionValue(fn: FunctionDesc, at: ts.Node): FunctionDesc {
    let desc = this.ofFunctions.get(fn);
    if (desc) return desc;
    // A call through a function value passes the arguments one by one.
    if (fn.params.some((p) => p.dotDotDotToken)) reject(at, "a function with a rest parameter used as a value");
    desc = new FunctionDesc(`${fn.name}.value`, null, fn.loc);
    desc.captures = [];
    desc.params = fn.params;
    desc.paramKinds = fn.paramKinds;
    desc.returnKind = fn.returnKind;
    const params = fn.params.map((p) => new Variable(localName(p)));
    const start = new Block([new Variable("closure"), ...params]);
    const result = new Variable("result");
    start.operations.push(new Operation("simple_call", [new Constant(fn), ...params], result, fn.loc));
    desc.graph = new Graph(desc.name, start, fn.loc);
    start.closeWith([new Link([result], desc.graph.returnblock)]);
    this.ofFunctions.set(fn, desc);
    return desc;
  }

  /** `obj.m.bind(obj)`: a closure capturing obj (as its `this`) whose function calls the
   *  method on it, dispatching as `obj.m(...)` would. One per method and receiver type, so
   *  that each is typed with one receiver class (or interface). */
  boundMethod(decl: ts.MethodDeclaration | ts.MethodSignature, receiver: TypeArg, at: ts.Node): FunctionDesc {
    if (!this.methodIds.has(decl)) this.methodIds.set(decl, this.methodIds.size);
    const receiverKey = instantiationKey(this.checker, [receiver]);
    const key = `${this.methodIds.get(decl)}:${receiverKey}`;
    let desc = this.ofMethods.get(key);
    if (desc) return desc;
    if (decl.parameters.some((p) => p.dotDotDotToken)) reject(at, "a method with a rest parameter used as a value");
    const name = decl.name.getText();
    const loc = locOfNode(at);
    desc = new FunctionDesc(`${name}.bound${receiverKey}`, null, loc);
    desc.captures = [THIS_KEY];
    desc.params = [...decl.parameters];
    desc.paramKinds = decl.parameters.map((p) => this.numberKind(p.type));
    desc.returnKind = this.numberKind(decl.type);
    const closure = new Variable("closure");
    const params = decl.parameters.map((p) => new Variable(localName(p)));
    const start = new Block([closure, ...params]);
    const self = new Variable("this");
    const result = new Variable("result");
    start.operations.push(new Operation("closure_get", [closure, new Constant(desc), new Constant(0)], self, loc));
    start.operations.push(new Operation("call_method", [self, new Constant(name), ...params], result, loc));
    desc.graph = new Graph(desc.name, start, loc);
    start.closeWith([new Link([result], desc.graph.returnblock)]);
    this.ofMethods.set(key, desc);
    return desc;
  }
}
