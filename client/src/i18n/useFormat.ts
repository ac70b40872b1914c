import { useMemo } from 'react';
import { locales, TIME_ZONE } from './i18n';
import { useI18n } from './useI18n';

/** Number formats of the dashboard in the UI language (decimals, percentages, days). */
export function useFormat() {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = locales[lang];
    const decimals = new Map<number, Intl.NumberFormat>();
    const dec = (value: number, digits = 1) => {
      let f = decimals.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
        decimals.set(digits, f);
      }
      return f.format(value);
    };
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE });
    return {
      /** A value with up to `digits` decimals: "12,3" in Finnish, "12.3" in English. */
      dec,
      /** A share 0..1 as a percentage: "58 %" in Finnish. */
      pct: (share: number) => pct.format(share),
      /** A change with its sign: "+1,2", "−0,4". */
      signed: (value: number) => signed.format(value),
      /** A clock time, for "updated". */
      time: (date: Date) => time.format(date),
    };
  }, [lang]);
}
