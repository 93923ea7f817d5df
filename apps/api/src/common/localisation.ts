import { type Language, LANGUAGES, type LocalisedText as StoredText } from '@mrc/domain';
import { applyDecorators } from '@nestjs/common';
import { Args, Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, registerDecorator, ValidateNested, type ValidationOptions } from 'class-validator';
import { HasNoNul, OmitOrGive } from './input-rules.js';

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

/**
 * SQL for a record's name in one language, falling back as the domain says (Russian, Kazakh,
 * English) and collated by that language's rules, for ORDER BY and keyset cursors.
 */
export function localisedNameSql(alias: string, language: Language, column = 'name'): string {
  const part = (lang: Language) => `nullif(btrim(${alias}.${column}_${lang}), '')`;
  return `coalesce(${part(language)}, ${part('ru')}, ${part('kk')}, ${part('en')}, '') COLLATE "${COLLATION[language]}"`;
}

/** `name ILIKE` in any of the three languages, with the search text's wildcards escaped. */
export function nameSearchSql(alias: string, columns: string[] = ['name']): string {
  return columns.flatMap((column) => LANGUAGES.map((lang) => `${alias}.${column}_${lang} ILIKE :searchPattern`)).join(' OR ');
}

export function searchPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A stored localised text with blanks as null, as the API hands it out. */
export function localised(kk: string | null | undefined, ru: string | null | undefined, en: string | null | undefined): LocalisedText {
  return { kk: cleanText(kk), ru: cleanText(ru), en: cleanText(en) };
}

/** A localised text kept as jsonb; null when no language is filled in. */
export function localisedJson(text: StoredText | null | undefined): LocalisedText | null {
  if (!text) return null;
  const value = localised(text.kk, text.ru, text.en);
  return value.kk || value.ru || value.en ? value : null;
}


@InputType({ description: 'A text in the three languages. Give at least the languages you have; blanks count as missing.' })
export class LocalisedTextInput {
  @Field(() => String, { nullable: true, description: 'Kazakh.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  kk?: string | null;

  @Field(() => String, { nullable: true, description: 'Russian.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  ru?: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  en?: string | null;
}

/**
 * For a required name: the text must be filled in in at least one language (and at most
 * `maxLength` characters in each). Reported at the field itself, e.g. `names`.
 */
export function HasTextInSomeLanguage(maxLength = 200, options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyKey) => {
    registerDecorator({
      name: 'hasTextInSomeLanguage',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `needs a text of 1 to ${maxLength} characters in at least one language`, ...options },
      validator: {
        validate(value: unknown) {
          if (!value || typeof value !== 'object') return false;
          const texts = LANGUAGES.map((lang) => (value as LocalisedTextInput)[lang]).filter((text) => typeof text === 'string');
          return texts.some((text) => text.trim() !== '') && texts.every((text) => text.trim().length <= maxLength);
        },
      },
    });
  };
}

/** Required localised text as an input field: present, valid per language, filled in somewhere. */
export function LocalisedNameField(description: string, maxLength = 200): PropertyDecorator {
  return applyDecorators(
    Field(() => LocalisedTextInput, { description }),
    ValidateNested(),
    Type(() => LocalisedTextInput),
    HasTextInSomeLanguage(maxLength),
  );
}

/** Optional localised text as an input field (null clears it). */
export function OptionalLocalisedField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => LocalisedTextInput, { nullable: true, description }),
    IsOptional(),
    ValidateNested(),
    Type(() => LocalisedTextInput),
  );
}

/** A name in an update input: omitted stays as it is; given, it must still have text in some language (null is refused). */
export function OptionalLocalisedNameField(description: string, maxLength = 200): PropertyDecorator {
  return applyDecorators(
    Field(() => LocalisedTextInput, { nullable: true, description }),
    OmitOrGive(),
    ValidateNested(),
    Type(() => LocalisedTextInput),
    HasTextInSomeLanguage(maxLength),
  );
}

/** The `lang` argument of every localised field. */
export const LangArg = () => Args('lang', { type: () => LanguageEnum, nullable: true, description: LANG_ARG_DESCRIPTION });

/** A trimmed text, or null when blank. */
export function cleanText(text: string | null | undefined): string | null {
  return text?.trim() ? text.trim() : null;
}

/** The three name columns of a named record, from a name input. */
export function nameColumns(text: StoredText): { nameKk: string | null; nameRu: string | null; nameEn: string | null } {
  return { nameKk: cleanText(text.kk), nameRu: cleanText(text.ru), nameEn: cleanText(text.en) };
}
