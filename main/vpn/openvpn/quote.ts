// Writing one argument so that OpenVPN's (and the importer's) line parser reads it back unchanged:
// plain when it only has harmless characters, in single quotes when it has no single quote, else in
// double quotes with backslash escapes. A newline or NUL cannot be expressed in an .ovpn file.

const PLAIN = /^[A-Za-z0-9_\-:/.@+=,%~[\]]+$/;

export function quoteArg(value: string): string {
  if (PLAIN.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** True when the value survives a trip through an .ovpn line. */
export function expressible(value: string): boolean {
  return value !== '' && !value.includes('\n') && !value.includes('\0');
}

export function directiveLine(name: string, ...args: (string | undefined)[]): string {
  const words = args.filter((a): a is string => a !== undefined).map(quoteArg);
  return [name, ...words].join(' ');
}
