// A Brainfuck interpreter over a Uint8Array tape (cells wrap at 256) with precomputed bracket jumps;
// output collected in a string. Runs hello world and a few small programs.
function computeJumps(prog: string): Int32Array {
  const jumps = new Int32Array(prog.length);
  const stack: number[] = [];
  for (let i = 0; i < prog.length; i++) {
    const c = prog.charAt(i);
    if (c === "[") {
      stack.push(i);
    } else if (c === "]") {
      const open = stack[stack.length - 1];
      stack.pop();
      jumps[i] = open;
      jumps[open] = i;
    }
  }
  return jumps;
}

function run(prog: string, input: string): string {
  const jumps = computeJumps(prog);
  const tape = new Uint8Array(30000);
  let ptr = 0;
  let pc = 0;
  let inPos = 0;
  let out = "";
  while (pc < prog.length) {
    const c = prog.charCodeAt(pc);
    if (c === 43) tape[ptr]++;
    else if (c === 45) tape[ptr]--;
    else if (c === 62) ptr++;
    else if (c === 60) ptr--;
    else if (c === 46) out += String.fromCharCode(tape[ptr]);
    else if (c === 44) {
      tape[ptr] = inPos < input.length ? input.charCodeAt(inPos) : 0;
      inPos++;
    } else if (c === 91) {
      if (tape[ptr] === 0) pc = jumps[pc];
    } else if (c === 93) {
      if (tape[ptr] !== 0) pc = jumps[pc];
    }
    pc++;
  }
  return out;
}

export function main(argv: string[]): number {
  const hello =
    "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.";
  console.log(run(hello, ""));
  // echo the input with every letter shifted by one
  console.log(run(",[+.,]", "HAL"));
  // wrap-around: 0 - 1 = 255, then add 66 -> 65 = 'A'
  console.log(run("->" + "++++++++[<++++++++>-]<++.", ""));
  // reverse the input
  console.log(run(">,[>,]<[.<]", "stressed"));
  // print the digits 0..9
  console.log(run("++++++++[>++++++<-]++++++++++[>.+<-]", ""));
  return 0;
}
