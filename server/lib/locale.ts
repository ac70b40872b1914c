/** The interface languages: Finnish by default, Swedish and English. */
export type Locale = 'fi' | 'sv' | 'en';

/** Picks the first supported language of an Accept-Language header (or a `locale` value); Finnish otherwise. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return 'fi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'fi' || lang === 'sv' || lang === 'en') return lang;
  return 'fi';
}

/** Text in the locale, falling back to Finnish. */
export function localized(text: { fi: string; sv?: string | null; en?: string | null }, locale: Locale): string {
  return (locale === 'fi' ? text.fi : text[locale]) || text.fi;
}
