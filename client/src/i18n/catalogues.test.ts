import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, type FeatureMessages } from './catalogues';
import { en } from './en';
import { fi } from './fi';
import { createTranslate, languages, placeholders } from './i18n';
import { sv } from './sv';

const src = path.resolve(import.meta.dirname, '..');

// Every feature's catalogue, found by name so that a new one cannot be left out of these tests.
const featureModules = import.meta.glob<Record<string, FeatureMessages<string>>>('../features/*/*.messages.ts', { eager: true });

/** A catalogue: the file that loads it and its messages per language. */
interface Loaded {
  readonly file: string;
  readonly messages: { readonly [L in (typeof languages)[number]]: Readonly<Record<string, string>> };
}

const catalogueList: Loaded[] = [
  { file: path.join(src, 'i18n/catalogues.ts'), messages: { fi, sv, en } },
  ...Object.entries(featureModules).map(([file, exports]) => ({
    file: path.resolve(import.meta.dirname, file),
    messages: Object.values(exports)[0]!,
  })),
];
const name = (c: Loaded) => path.relative(src, c.file);

describe('the catalogues', () => {
  it('include every feature that has words of its own', () => {
    const withWords = readdirSync(path.join(src, 'features')).filter((feature) =>
      readdirSync(path.join(src, 'features', feature)).some((f) => f.endsWith('.fi.ts')),
    );
    const loaded = new Set(catalogueList.map((c) => path.basename(path.dirname(c.file))));
    expect(withWords.filter((feature) => !loaded.has(feature))).toEqual([]);
  });

  it.each(catalogueList.map((c) => [name(c), c] as const))(
    '%s has the Finnish keys in Swedish and English, none empty',
    (_, c) => {
      const keys = Object.keys(c.messages.fi).sort();
      for (const lang of languages) {
        expect(Object.keys(c.messages[lang]).sort(), lang).toEqual(keys);
        expect(
          Object.entries(c.messages[lang]).filter(([, text]) => text.trim() === ''),
          lang,
        ).toEqual([]);
      }
    },
  );

  it.each(catalogueList.map((c) => [name(c), c] as const))(
    '%s: every message parses as ICU MessageFormat and uses the same arguments in all three languages',
    (_, c) => {
      const problems: string[] = [];
      for (const [key, finnish] of Object.entries(c.messages.fi)) {
        const args = (lang: (typeof languages)[number]) => {
          try {
            return placeholders(c.messages[lang][key] ?? '').join();
          } catch (error) {
            problems.push(`${lang} ${key}: ${(error as Error).message}`);
            return null;
          }
        };
        const reference = args('fi');
        for (const lang of ['sv', 'en'] as const) {
          const own = args(lang);
          if (reference !== null && own !== null && own !== reference)
            problems.push(`${lang} ${key}: {${own}} where fi has {${reference}} in "${finnish}"`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('write a count in the form each language needs, and say none in a sentence of its own', () => {
    const [fiT, svT, enT] = languages.map((lang) => createTranslate(catalogues[lang], lang));
    expect(fiT!('people.count', { count: 1 })).toBe('1 käyttäjä');
    expect(fiT!('people.count', { count: 12 })).toBe('12 käyttäjää');
    expect(enT!('people.count', { count: 1 })).toBe('1 user');
    expect(svT!('home.gapsCount', { count: 2 })).toBe('2 öppna behov utan en part med huvudansvar');
    expect(fiT!('home.gapsCount', { count: 0 })).toBe('Jokaisella avoimella tarpeella on vetovastuussa oleva osapuoli.');
    expect(enT!('meet.sync.offlineUnsaved', { count: 1 })).toBe('Offline – 1 unsaved change waiting');
    expect(fiT!('dash.res.bar', { theme: 'Nuoret', days: 1, count: 1500 })).toBe(
      'Nuoret: mediaani 1 päivä, 1\u00a0500 ratkaistua',
    );
  });

  it('define each key once', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const c of catalogueList) {
      for (const key of Object.keys(c.messages.fi)) {
        const first = seen.get(key);
        if (first) twice.push(`${key}: ${first} and ${name(c)}`);
        seen.set(key, name(c));
      }
    }
    expect(twice).toEqual([]);
  });
});

// The client's own sources (tests and generated code aside), each with the files it imports for their code.
const sources = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : walk(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
})(src);

/** Relative imports that load code: `import type` and imports of types only are left out, as the bundler leaves them. */
function codeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?'(\.{1,2}\/[^']+)'/gm)) {
    const [, typeOnly, names, spec] = m;
    const list = /^\{([^}]*)\}$/.exec(names?.trim() ?? '');
    const onlyTypes = list !== null && list[1]!.split(',').every((part) => part.trim() === '' || part.trim().startsWith('type '));
    if (typeOnly || onlyTypes) continue;
    const base = path.resolve(path.dirname(file), spec!);
    const target = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ext) => base + ext)
      .find((f) => existsSync(f) && statSync(f).isFile());
    if (target && /\.tsx?$/.test(target)) found.push(target);
  }
  return found;
}

/** Every file whose code runs before this one's: what it imports, and what those import. */
const closures = new Map<string, Set<string>>();
function loadedBefore(file: string): Set<string> {
  let seen = closures.get(file);
  if (seen) return seen;
  seen = new Set<string>();
  closures.set(file, seen);
  const stack = [file];
  while (stack.length > 0) {
    for (const next of codeImports(stack.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The keys a file uses, each with the catalogues that may define it. */
function usedCatalogues(file: string, owner: ReadonlyMap<string, Loaded>): Set<Loaded> {
  const text = readFileSync(file, 'utf8');
  const used = new Set<Loaded>();
  for (const [, key] of text.matchAll(/['"]([a-zA-Z][\w.-]*)['"]/g)) {
    const c = owner.get(key!);
    if (c) used.add(c);
  }
  // A key built at run time (`enum.event.${name}`) may be any key with its prefix.
  for (const [, prefix] of text.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)) {
    for (const c of catalogueList) if (Object.keys(c.messages.fi).some((k) => k.startsWith(prefix!))) used.add(c);
  }
  return used;
}

describe('words load with the code that shows them', () => {
  const owner = new Map<string, Loaded>();
  for (const c of catalogueList) for (const key of Object.keys(c.messages.fi)) owner.set(key, c);
  const isCatalogue = (file: string) => /(\/i18n\/|\.)(fi|sv|en)\.ts$/.test(file);

  // What the browser loads as one piece before anything renders: the first load (main.tsx and its imports) and
  // each lazily loaded page (an `import()` and its imports).
  const entries = [
    path.join(src, 'main.tsx'),
    ...sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)]
        .map(([, spec]) =>
          ['.tsx', '.ts'].map((ext) => path.resolve(path.dirname(file), spec!) + ext).filter((f) => existsSync(f)),
        )
        .flat(),
    ),
  ];

  it('finds the first load and the lazily loaded pages', () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.map((entry) => path.relative(src, entry))).toContain('features/goals/GoalReportPage.tsx');
  });

  it("the first load and each lazy page import the catalogues of every key their code uses, so a page's words come in its chunk", () => {
    const missing = new Set<string>();
    for (const entry of new Set(entries)) {
      const loaded = loadedBefore(entry);
      for (const file of [entry, ...loaded].filter((f) => !isCatalogue(f))) {
        for (const c of usedCatalogues(file, owner)) {
          if (c !== catalogueList[0] && !loaded.has(c.file))
            missing.add(`${path.relative(src, entry)} lacks ${name(c)} (used in ${path.relative(src, file)})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("the first load brings no feature's catalogue but the notification bell's", () => {
    const first = [...loadedBefore(path.join(src, 'main.tsx'))]
      .filter((f) => f.endsWith('.messages.ts'))
      .map((f) => path.relative(src, f));
    expect(first).toEqual(['features/notifications/notifications.messages.ts']);
  });
});
