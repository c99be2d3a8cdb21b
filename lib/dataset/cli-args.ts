/**
 * The value of the option at `argv[i]` (`--name=value` or `--name value`) and the index of the
 * last argument it used; throws when it has none. Shared by the dataset commands' parsers.
 */
export function optionValue(argv: readonly string[], i: number): [value: string, last: number] {
  const arg = argv[i]!;
  if (arg.includes('=')) return [arg.slice(arg.indexOf('=') + 1), i];
  const next = argv[i + 1];
  if (next === undefined) throw new Error(`${arg} needs a value`);
  return [next, i + 1];
}

/** {@link optionValue} for a parser that walks `argv` with a shared position: moves `at.i` past the value. */
export function takeValue(argv: readonly string[], at: { i: number }): string {
  const [value, last] = optionValue(argv, at.i);
  at.i = last;
  return value;
}
