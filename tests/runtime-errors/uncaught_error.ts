// An exception that leaves main: "Uncaught <name>: <message>" and the functions it left, in
// every mode. It passes through a getter, a method, a static method, constructors (an
// explicit one and an implicit one that forwards to it) and a finally block that rethrows.
class ConfigError extends Error {
  constructor(key: string) {
    super("missing key '" + key + "'");
    this.name = "ConfigError";
  }
}

class Config {
  constructor(public strict: boolean) {
    if (strict) this.lookup("mode");
  }
  get mode(): string {
    return this.lookup("mode");
  }
  lookup(key: string): string {
    throw new ConfigError(key);
  }
  static load(strict: boolean): Config {
    return new StrictConfig(strict);
  }
}

class StrictConfig extends Config {}

function start(): string {
  try {
    return Config.load(true).mode;
  } finally {
    console.log("cleanup");
  }
}

export function main(argv: string[]): number {
  console.log("starting");
  console.log(start());
  return 0;
}
