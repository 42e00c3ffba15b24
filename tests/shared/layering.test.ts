import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DESK_CONTRACTS } from '../../shared/contract/desks';

/**
 * Layering (#11 §4): no import cycles among the app's sources. eslint.config.js forbids the wrong
 * imports between folders; a cycle needs the whole graph, so it is checked here (no eslint plugin).
 * Every import counts, type-only ones too: a cycle of types is still two modules that cannot be
 * understood, or moved, one without the other.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['shared', 'db', 'renderer', 'electron'];
const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;

/**
 * The imports that close today's cycles, as `from → to`: the graph without them has no cycle.
 * They are known defects, each to be removed by the slice named (issue #11); the test fails on an
 * entry that no longer closes a cycle, so the list only shrinks. Any other cycle is new and fails.
 */
const KNOWN_CYCLE_IMPORTS: [from: string, to: string][] = [
  // None left: the last ones (#11) went with the desk modules and the session rules' own file.
];

type Graph = Map<string, string[]>;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const CANDIDATES = ['', '.ts', '.tsx', '.mts', '.cts', '.mjs', '.cjs', '.js', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or null (a package, a stylesheet, something outside). */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const suffix of CANDIDATES) {
    const path = base + suffix;
    if (SOURCE.test(path) && existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

/** Every file under the four folders and the files it imports (import, export … from, import(), import('…').Type). */
function importGraph(): Graph {
  const files = FOLDERS.flatMap((folder) => sourcesUnder(join(ROOT, folder)));
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((ref) => resolveImport(file, ref.fileName))
      .filter((path): path is string => path !== null && known.has(path));
    graph.set(rel(file), [...new Set(targets.map(rel))]);
  }
  return graph;
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** Whether an import path leads from `from` to `to`. */
function reaches(graph: Graph, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return true;
    for (const next of graph.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

/** One loop through a component, for the message: a → b → c → a. */
function loopThrough(graph: Graph, component: string[]): string {
  const members = new Set(component);
  const start = component[0]!;
  const path = [start];
  const seen = new Set([start]);
  const walk = (node: string): boolean => {
    for (const target of graph.get(node) ?? []) {
      if (target === start) return true;
      if (!members.has(target) || seen.has(target)) continue;
      seen.add(target);
      path.push(target);
      if (walk(target)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start].join(' → ');
}

describe('layering: import cycles', () => {
  const graph = importGraph();

  it('reads the sources of every layer and resolves their relative imports', () => {
    for (const folder of FOLDERS) expect([...graph.keys()].some((file) => file.startsWith(`${folder}/`))).toBe(true);
    // A known edge, so a resolver that finds nothing cannot pass the cycle test by finding no cycles.
    expect(graph.get('electron/bridge.ts')).toContain('shared/contract/index.ts');
  });

  it('has no import cycle beyond the known ones of issue #11', () => {
    const known = new Set(KNOWN_CYCLE_IMPORTS.map(([from, to]) => `${from} → ${to}`));
    const withoutKnown: Graph = new Map(
      [...graph].map(([from, targets]) => [from, targets.filter((to) => !known.has(`${from} → ${to}`))]),
    );
    const report = [
      ...cycles(withoutKnown).map((c) => `new import cycle: ${loopThrough(withoutKnown, c)}`),
      ...KNOWN_CYCLE_IMPORTS.filter(([from, to]) => !graph.get(from)?.includes(to) || !reaches(graph, to, from)).map(
        ([from, to]) => `${from} → ${to} no longer closes a cycle: remove it from KNOWN_CYCLE_IMPORTS`,
      ),
    ];
    if (report.length > 0) console.log(report.join('\n'));
    expect(report).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    const found = cycles(looped);
    expect(found).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(loopThrough(looped, found[0]!)).toBe('a.ts → b.ts → c.ts → a.ts');
  });
});

describe('layering: shared pickers', () => {
  const graph = importGraph();

  it('desks find units, people and staff through renderer/components/pickers, not boxes of their own', () => {
    // #11 §3: the next desks pick the same things; one picker each, so they behave alike.
    const ownSearchBoxes = [...graph]
      .filter(([, targets]) => targets.includes('renderer/search/useCounterSearch.ts'))
      .map(([from]) => from)
      .filter((from) => !from.startsWith('renderer/search/') && !from.startsWith('renderer/components/pickers/'));
    expect(ownSearchBoxes).toEqual([]);
  });
});

describe('names say what a file holds (#11 §4)', () => {
  it('the F4 hook and the reception log entry’s parties live under names that say so', () => {
    // renderer/reception/keys.ts held the F4 hook, not keys (钥匙 is a desk of its own); and
    // db/reception/people.ts resolved an entry's contact and handler, not the residents that
    // db/estate/people.ts is about.
    for (const [misleading, plain] of [
      ['renderer/reception/keys.ts', 'renderer/reception/useNewEntryShortcut.ts'],
      ['db/reception/people.ts', 'db/reception/parties.ts'],
    ] as const) {
      expect(existsSync(join(ROOT, misleading)), misleading).toBe(false);
      expect(existsSync(join(ROOT, plain)), plain).toBe(true);
    }
  });
});

describe('layering: desks as modules (#11 §1)', () => {
  const graph = importGraph();
  /** The desks built so far (their contracts are listed); each owns these paths. */
  const DESKS: string[] = DESK_CONTRACTS.map((c) => c.desk);
  const deskOf = (file: string): string | null =>
    DESKS.find(
      (d) =>
        file.startsWith(`db/${d}/`) ||
        file.startsWith(`renderer/${d}/`) ||
        file === `shared/contract/${d}.ts` ||
        // A desk's contract in parts (shared/contract/fees-billing.ts, fees-counter.ts).
        file.startsWith(`shared/contract/${d}-`) ||
        // A desk's pure rules: shared/<desk>.ts, and files named after it (shared/repairs-summary.ts).
        file === `shared/${d}.ts` ||
        file.startsWith(`shared/${d}-`),
    ) ?? null;
  /** Where the desks are plugged in: one line per desk each. */
  const MODULE_LISTS = new Set(['shared/contract/desks.ts', 'db/desks.ts', 'renderer/desks.ts']);
  /**
   * 房屋住户 is what every desk points at (units, people, the personal-data rules): the lower
   * layers and the other desks may use what it exports; it uses none of theirs.
   */
  const BASE_DESK = 'estate';

  it('no lower layer imports a desk, and a desk uses no other desk — but the estate, which all build on', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      if (MODULE_LISTS.has(from)) continue;
      const own = deskOf(from);
      for (const to of targets) {
        const desk = deskOf(to);
        if (desk === null || desk === own) continue;
        if (desk === BASE_DESK) continue;
        wrong.push(`${from} → ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows every desk folder there is', () => {
    // A desk added without being named above would escape the rule: every db/ folder with a module.ts is a desk.
    const withModules = readdirSync(join(ROOT, 'db'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(ROOT, 'db', e.name, 'module.ts')))
      .map((e) => e.name)
      .sort();
    expect(withModules).toEqual([...DESKS].sort());
  });
});
