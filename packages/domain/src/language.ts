/** The three languages the platform speaks. Kazakh and Russian are what the users speak every day. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ru';

/** A text stored in all three languages; any of them may still be missing while an editor fills it in. */
export interface LocalisedText {
  kk?: string | null;
  ru?: string | null;
  en?: string | null;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The text in the wanted language. When it is missing the domain says: fall back to Russian, then
 * Kazakh (the languages every record is written in first), and English last.
 */
export function pickLocalised(text: LocalisedText, language: Language): string {
  const order: Language[] = [language, 'ru', 'kk', 'en'];
  for (const candidate of order) {
    const value = text[candidate]?.trim();
    if (value) return value;
  }
  return '';
}

/**
 * The best supported language for an HTTP `Accept-Language` header (RFC 9110 quality values),
 * or undefined when the header names none of ours. `kk-KZ` counts as `kk`; `*` is ignored.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}
