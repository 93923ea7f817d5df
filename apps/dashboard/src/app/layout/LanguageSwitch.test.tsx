import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { overviewMock } from '../../features/overview/overview.fixtures';
import { renderApp } from '../../test/render';
import { createI18n } from '../i18n/i18n';
import { LANGUAGE_CHOSEN_KEY, LANGUAGE_STORAGE_KEY } from '../i18n/language-preference';

describe('the language switch', () => {
  it('changes the visible text, <html lang> and the remembered choice', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/', language: 'en', mocks: [overviewMock()] });
    expect(screen.getByRole('link', { name: 'Overview' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Қазақша');

    expect(screen.getByRole('link', { name: 'Шолу' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Желі' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Тіл' })).toHaveValue('kk');
    expect(screen.queryByRole('link', { name: 'Overview' })).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('kk');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('kk');
    // A choice, not a guess: signing in will not replace it with the account's language.
    expect(localStorage.getItem(LANGUAGE_CHOSEN_KEY)).toBe('true');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Тіл' }), 'Русский');
    expect(screen.getByRole('link', { name: 'Обзор' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
  });

  it('names each language in itself, whatever the UI language', () => {
    renderApp({ path: '/', language: 'ru', mocks: [overviewMock()] });
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Қазақша', 'Русский', 'English']);
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['kk', 'ru', 'en']);
  });

  it('starts next time in the remembered language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'kk');
    const i18n = createI18n(undefined, { storage: localStorage, browserLanguages: ['en-US'], document });
    expect(i18n.language).toBe('kk');
    expect(document.documentElement.lang).toBe('kk');
  });
});
