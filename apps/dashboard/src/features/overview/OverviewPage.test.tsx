import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { networkErrorMock, networkMock, KARAGANDA_NETWORK } from '../centres/centres.fixtures';
import { renderApp } from '../../test/render';

describe('the overview page', () => {
  it('states how many centres the network has, with the right plural, and links to them', async () => {
    renderApp({ path: '/', language: 'ru', mocks: [networkMock()] });

    expect(await screen.findByTestId('centre-count')).toHaveTextContent('15 центров в сети');
    expect(screen.getByRole('link', { name: 'Все центры сети' })).toHaveAttribute('href', '/centres');
  });

  it('uses the singular and few forms where Russian needs them', async () => {
    const { unmount } = renderApp({ path: '/', language: 'ru', mocks: [networkMock(KARAGANDA_NETWORK.slice(0, 1))] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('1 центр в сети');
    unmount();

    renderApp({ path: '/', language: 'ru', mocks: [networkMock(KARAGANDA_NETWORK.slice(0, 3))] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('3 центра в сети');
  });

  it('shows an error in plain words when the count cannot be fetched', async () => {
    renderApp({ path: '/', mocks: [networkErrorMock('RATE_LIMITED')] });

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests in a short time.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
