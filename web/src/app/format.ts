import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, kroner and times in the reader's language (nb-NO or en-GB). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nb-NO';
  return useMemo(() => {
    const wholeKroner = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
    const withOre = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      money: (value: number | null | undefined) => (value === null || value === undefined ? '' : (Number.isInteger(value) ? wholeKroner : withOre).format(value)),
      number: (value: number | null | undefined) => (value === null || value === undefined ? '' : number.format(value)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
    };
  }, [locale]);
}
