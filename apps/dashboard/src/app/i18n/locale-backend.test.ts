import { describe, expect, it } from 'vitest';
import { bundledLocales } from './bundled-locales';
import { importLocale, localeBackend } from './locale-backend';

function read(language: string): Promise<{ error: unknown; data: unknown }> {
  return new Promise((resolve) => {
    localeBackend.read(language, 'translation', (error, data) => resolve({ error, data }));
  });
}

describe('the locale backend', () => {
  it('answers from the messages provided up front (the tests provide all three in their setup)', async () => {
    expect(await read('kk')).toEqual({ error: null, data: bundledLocales.kk });
  });

  it('downloads a language from its own file when it was not provided', async () => {
    expect(await importLocale('ru')).toEqual(bundledLocales.ru);
  });

  it('refuses a language the app does not speak, without asking to retry', async () => {
    const { error, data } = await read('de');
    expect(error).toBeInstanceOf(Error);
    expect(data).toBe(false);
  });
});
