// The layout docs/architecture.md describes: every folder of src/ is documented there, and no module imports
// itself back through others (the engines form layers, rules sit on top).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const architecture = readFileSync(path.resolve(srcDir, '../docs/architecture.md'), 'utf8');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const imports: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
    imports.push(path.resolve(path.dirname(file), `${match[1]}.ts`));
  }
  return imports;
}

describe('the source layout', () => {
  it('documents every folder of src/ in docs/architecture.md', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    for (const folder of folders) expect(architecture, folder).toContain(`src/${folder}/`);
  });

  it('has no import cycles', () => {
    const graph = new Map(sourceFiles(srcDir).map((file) => [file, localImports(file)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    function visit(file: string, trail: string[]): void {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((entry) => path.relative(srcDir, entry)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    }
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
