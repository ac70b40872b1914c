import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A feature's stylesheet loads with its page's chunk and stays loaded after the user leaves the page, so a rule
 * that two stylesheets both write for one class makes that class look as whichever page the browser opened
 * last. These checks keep each class with one owner: the shared styles (client/src/styles, loaded first, in
 * order) or one feature.
 */
const SRC = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : filesUnder(full, ext);
    return ext.test(e.name) ? [full] : [];
  });
}

/**
 * The classes a stylesheet writes rules for at its top level, where a selector is just the class (with pseudo
 * classes or elements): `.yp-check`, `.yp-check:hover`. Rules inside @media, @supports etc. are another
 * context (print, a width) and are left out, as are compound selectors, which are scoped by their parts.
 */
export function topLevelClasses(css: string): Set<string> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const classes = new Set<string>();
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      const prelude = text.slice(start, i).trim();
      if (depth === 0 && !prelude.startsWith('@'))
        for (const selector of prelude.split(',').map((s) => s.trim())) {
          const match = /^\.([\w-]+)(?::{1,2}[\w-]+(?:\([^)]*\))?)*$/.exec(selector);
          if (match) classes.add(match[1]!);
        }
      depth++;
      start = i + 1;
    } else if (c === '}') {
      depth--;
      start = i + 1;
    } else if (c === ';' && depth === 0) start = i + 1;
  }
  return classes;
}

/**
 * The classes a stylesheet styles as the subject of a compound selector (the class in the selector's last
 * part, after a combinator or a scope): `.yp-need-form .yp-field-error` and `.yp-a > .yp-b:hover` style
 * `yp-field-error` and `yp-b`, wherever the rule stands (also inside @media). A lone class is left to
 * topLevelClasses.
 */
export function compoundSubjectClasses(css: string): Set<string> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const classes = new Set<string>();
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      const prelude = text.slice(start, i).trim();
      if (!prelude.startsWith('@'))
        for (const selector of prelude.split(/,(?![^(]*\))/).map((s) => s.trim())) {
          const parts = selector
            .replace(/\([^)]*\)/g, '()')
            .split(/\s*[\s>+~]\s*/)
            .filter(Boolean);
          if (parts.length < 2) continue;
          for (const match of parts.at(-1)!.matchAll(/\.([\w-]+)/g)) classes.add(match[1]!);
        }
      start = i + 1;
    } else if (c === '}' || c === ';') start = i + 1;
  }
  return classes;
}

/** The feature a file belongs to (`needs` for client/src/features/needs/...), or null for shared code. */
const featureOf = (file: string): string | null => /features\/([^/]+)\//.exec(path.relative(SRC, file))?.[1] ?? null;

describe('the stylesheets', () => {
  const sheets = filesUnder(SRC, /\.css$/).map((file) => ({
    file,
    feature: featureOf(file),
    classes: topLevelClasses(readFileSync(file, 'utf8')),
    subjects: compoundSubjectClasses(readFileSync(file, 'utf8')),
  }));
  const code = filesUnder(SRC, /\.tsx?$/)
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .map((file) => ({ file, feature: featureOf(file), text: readFileSync(file, 'utf8') }));
  const usedBy = (cls: string) => code.filter((c) => new RegExp(`(^|[^\\w-])${cls}($|[^\\w-])`).test(c.text));

  it('reads the top-level class rules of a sheet, not those inside @media or compound selectors', () => {
    const css = `/* .yp-old { } */ .yp-a, .yp-b:hover { x: 1 } .yp-c .yp-d { } @media print { .yp-e { } } .yp-f::before { }`;
    expect([...topLevelClasses(css)].sort()).toEqual(['yp-a', 'yp-b', 'yp-f']);
  });

  it('give no class rules in two features', () => {
    const owners = new Map<string, Set<string>>();
    for (const s of sheets.filter((s) => s.feature))
      for (const cls of s.classes) owners.set(cls, (owners.get(cls) ?? new Set()).add(s.feature!));
    expect([...owners].filter(([, features]) => features.size > 1).map(([cls, f]) => `${cls}: ${[...f].join(', ')}`)).toEqual([]);
  });

  it("let a feature restyle a shared class only where that feature's own components use it", () => {
    const shared = new Set(sheets.filter((s) => !s.feature).flatMap((s) => [...s.classes]));
    const clashes = sheets
      .filter((s) => s.feature)
      .flatMap((s) =>
        [...s.classes]
          .filter((cls) => shared.has(cls))
          .flatMap((cls) => {
            const elsewhere = usedBy(cls).filter((c) => c.feature !== s.feature);
            return elsewhere.length
              ? [
                  `${cls} (${path.relative(SRC, s.file)}) is also used in ${elsewhere.map((c) => path.relative(SRC, c.file)).join(', ')}`,
                ]
              : [];
          }),
      );
    expect(clashes).toEqual([]);
  });

  it('reads the classes that compound selectors style, also inside @media', () => {
    const css = `/* .yp-x .yp-old { } */ .yp-a .yp-b, .yp-c { } .yp-d > .yp-e:hover, .yp-f:not(.yp-g, .yp-h) { } @media print { .yp-i .yp-j.yp-k::before { } }`;
    expect([...compoundSubjectClasses(css)].sort()).toEqual(['yp-b', 'yp-e', 'yp-j', 'yp-k']);
  });

  it("give a field's error message one look: no feature restyles it, not even inside its own forms", () => {
    // The shared look is the design system's error status text (styles/forms.css); a feature's `.yp-x .yp-field-error`
    // made that feature's messages look different from every other form's.
    const errorClasses = ['yp-field-error', 'yp-field__error'];
    const restyles = sheets
      .filter((s) => s.feature)
      .flatMap((s) =>
        errorClasses
          .filter((cls) => s.classes.has(cls) || s.subjects.has(cls))
          .map((cls) => `${cls} (${path.relative(SRC, s.file)})`),
      );
    expect(restyles).toEqual([]);
  });
});
