import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Turns one browser-side TypeScript file (the harness client, a bench probe) into a JavaScript
 * module at start-up. These files import types only, so transpiling without a bundler is enough,
 * and no build step or file in out/ is needed for something that must never ship.
 */
export function browserScript(path: string): string {
  const source = readFileSync(path, 'utf8');
  const output = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: false,
    },
  });
  const errors = output.diagnostics ?? [];
  if (errors.length > 0) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    throw new Error(`${path} does not transpile: ${text.join('; ')}`);
  }
  // Type imports are gone after transpiling; one left would fail in the page without a bundler.
  if (/^\s*import\s/m.test(output.outputText)) {
    throw new Error(
      `${path} imports a value; browser scripts of the harness may import types only`,
    );
  }
  return output.outputText;
}
