import { type Language, LANGUAGES } from '@mrc/domain';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** GraphQL's Language enum: KK, RU, EN on the wire, 'kk', 'ru', 'en' in code. */
export const LanguageEnum = Object.fromEntries(LANGUAGES.map((code) => [code.toUpperCase(), code])) as Record<
  'KK' | 'RU' | 'EN',
  Language
>;

registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'A language of the platform: Kazakh (KK), Russian (RU) or English (EN).',
  valuesMap: {
    KK: { description: 'Kazakh (қазақ тілі).' },
    RU: { description: 'Russian (русский язык).' },
    EN: { description: 'English.' },
  },
});

@ObjectType({ description: 'A text in all three languages; a language not filled in yet is null.' })
export class LocalisedText {
  @Field(() => String, { nullable: true, description: 'Kazakh.' })
  kk!: string | null;

  @Field(() => String, { nullable: true, description: 'Russian.' })
  ru!: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  en!: string | null;
}

export const LANG_ARG_DESCRIPTION =
  'Language of the text. Defaults to the request\'s Accept-Language, then Russian. A missing translation falls back to Russian, then Kazakh, then English.';

/** ICU collations present in every PostgreSQL built with ICU: lists sort the way readers of each language expect. */
export const COLLATION: Record<Language, string> = { kk: 'kk-x-icu', ru: 'ru-x-icu', en: 'en-x-icu' };
