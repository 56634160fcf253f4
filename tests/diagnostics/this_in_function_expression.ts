class Button {
  clicks = 0;
}

export function main(argv: string[]): number {
  const b = new Button();
  const click = function (this: Button): void {
    this.clicks++;
  };
  click.call(b);
  return b.clicks;
}
