import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import { Marked } from 'marked';
import { pickLocale, type Locale } from '../lib/locale.js';

const LOCALES: Locale[] = ['fi', 'sv', 'en'];

/** The page's own words in each language. */
const WORDS: Record<Locale, { languages: string; skip: string; table: string; markdown: string; self: string; back: string }> = {
  fi: {
    languages: 'Kieli',
    skip: 'Siirry sisältöön',
    table: 'Taulukko',
    markdown: 'Markdown-versio (englanniksi) työkaluille',
    self: 'suomi',
    back: 'Takaisin API-avaimiin',
  },
  sv: {
    languages: 'Språk',
    skip: 'Till innehållet',
    table: 'Tabell',
    markdown: 'Markdown-version (på engelska) för verktyg',
    self: 'svenska',
    back: 'Tillbaka till API-nycklarna',
  },
  en: {
    languages: 'Language',
    skip: 'Skip to content',
    table: 'Table',
    markdown: 'Markdown version for tools',
    self: 'English',
    back: 'Back to API tokens',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The guide as an accessible page: `lang` on the document, a skip link,
 * language links, and scrolling code blocks and tables that a keyboard can reach.
 */
export function renderGuidePage(markdown: string, locale: Locale): string {
  const words = WORDS[locale];
  let tables = 0;
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      code({ text, lang }) {
        const cls = lang ? ` class="language-${escapeHtml(lang.split(/\s/)[0]!)}"` : '';
        return `<pre tabindex="0"><code${cls}>${escapeHtml(text)}</code></pre>\n`;
      },
    },
  });
  const body = (marked.parse(markdown, { async: false }) as string)
    .replace(/<table>/g, () => {
      tables += 1;
      return `<div class="table" tabindex="0" role="region" aria-label="${words.table} ${tables}"><table>`;
    })
    .replace(/<\/table>/g, '</table></div>');
  const title = escapeHtml(/^#\s+(.+)$/m.exec(markdown)?.[1] ?? 'Yhteispeli');
  const others = LOCALES.map((l) =>
    l === locale
      ? `<li><span aria-current="page">${WORDS[l].self}</span></li>`
      : `<li><a href="/docs/analytics?lang=${l}" hreflang="${l}" lang="${l}">${WORDS[l].self}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Yhteispeli</title>
<style>
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#fff}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #c8cdd0}
header p{margin:0}
header ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
a{color:#00347a}a:focus,pre:focus,.table:focus{outline:3px solid #1a99c7;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem .5rem}
pre{background:#f4f5f6;border:1px solid #c8cdd0;padding:.75rem;overflow-x:auto;font-size:.875rem}
code{font-family:ui-monospace,Consolas,monospace}
.table{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse}th,td{border:1px solid #c8cdd0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eaf2fa}
</style>
</head>
<body>
<a class="skip" href="#main">${words.skip}</a>
<header>
<nav aria-label="${words.languages}"><ul>${others}</ul></nav>
<p><a href="/api-tokens">${words.back}</a></p>
<p><a href="/docs/analytics.md" hreflang="en" type="text/markdown">${words.markdown}</a></p>
</header>
<main id="main">
${body}</main>
</body>
</html>
`;
}

/**
 * The analysts' guide: `/docs/analytics.md` (markdown, for tools) and
 * `/docs/analytics?lang=fi|sv|en` (a web page; without `lang`, Accept-Language,
 * else Finnish). `file` is the English markdown; `analytics.fi.md` and
 * `analytics.sv.md` beside it are its translations (a missing one falls back to
 * English). Read and rendered once at start: the guide ships with the server.
 */
export function serveAnalystsGuide(app: express.Express, file: string): void {
  const read = (f: string) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  const guide = read(file);
  const pages = new Map<Locale, string>();
  if (guide !== undefined) {
    const base = path.join(path.dirname(file), path.basename(file, '.md'));
    for (const l of LOCALES) pages.set(l, renderGuidePage((l === 'en' ? guide : read(`${base}.${l}.md`)) ?? guide, l));
  }
  app.get('/docs/analytics.md', (_req, res) => {
    if (guide === undefined) res.status(404).type('text/plain').send('Not found');
    else res.type('text/markdown; charset=utf-8').set('Cache-Control', 'no-cache').send(guide);
  });
  app.get('/docs/analytics', (req, res) => {
    const lang = typeof req.query.lang === 'string' ? req.query.lang : req.header('accept-language');
    const page = pages.get(pickLocale(lang));
    if (page === undefined) res.status(404).type('text/plain').send('Not found');
    else
      res.type('text/html; charset=utf-8').set('Cache-Control', 'no-cache').set('Content-Language', pickLocale(lang)).send(page);
  });
}
