import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { centre, KARAGANDA_NETWORK, networkErrorMock, networkMock, REGIONAL_CENTRE } from './centres.fixtures';

describe('the centres page', () => {
  it('shows a skeleton while loading, then the regional centre with its 14 district centres', async () => {
    renderApp({ path: '/centres', mocks: [networkMock()] });

    expect(await screen.findByTestId('centres-loading')).toHaveTextContent('Loading the centres…');
    const regional = await screen.findByTestId('regional-centre');
    expect(screen.queryByTestId('centres-loading')).not.toBeInTheDocument();

    expect(within(regional).getByRole('heading', { level: 2 })).toHaveTextContent(REGIONAL_CENTRE.name);
    expect(regional).toHaveTextContent('Regional centre');
    expect(screen.getByRole('table', { name: '14 centres in its network' })).toBeInTheDocument();

    const rows = screen.getAllByTestId('centre-row');
    expect(rows).toHaveLength(14);
    // Server order is kept, kinds are translated, towns shown.
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Kazybek Bi district');
    expect(rows[0]).toHaveTextContent('City district');
    expect(rows[2]).toHaveTextContent('Temirtau');
    expect(rows[2]).toHaveTextContent('City');
    expect(rows[13]).toHaveTextContent('Shet district');
    expect(rows[13]).toHaveTextContent('Rural district');
    expect(rows[13]).toHaveTextContent('Aksu-Ayuly');
    expect(document.title).toBe('Network of centres · MRC Network');
  });

  it('explains an error in plain words and loads the list when Retry is pressed', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres', mocks: [networkErrorMock('INTERNAL_SERVER_ERROR'), networkMock()] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The centres could not be loaded.');
    expect(alert).toHaveTextContent('Something went wrong on the server.');
    expect(alert).not.toHaveTextContent('A message the UI must not depend on');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(14);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('branches on the error code: no Retry where asking again cannot help', async () => {
    renderApp({ path: '/centres', mocks: [networkErrorMock('FORBIDDEN')] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You do not have access to this information.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says what to expect when the network has no centres yet', async () => {
    renderApp({ path: '/centres', mocks: [networkMock([])] });

    expect(await screen.findByText('There are no centres yet')).toBeInTheDocument();
    expect(screen.queryAllByTestId('centre-row')).toHaveLength(0);
  });

  it('marks a closed centre with its closing date in the chosen language', async () => {
    const closed = centre({
      id: 'c-closed',
      name: 'Приозёрск қаласы',
      closedOn: '2025-12-31',
      parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id },
    });
    renderApp({ path: '/centres', language: 'kk', mocks: [networkMock([REGIONAL_CENTRE, closed])] });

    const [row] = await screen.findAllByTestId('centre-row');
    expect(row).toHaveTextContent('2025 жылғы 31 желтоқсан жабылды');
    expect(screen.getByRole('table', { name: 'Оның желісінде 1 орталық' })).toBeInTheDocument();
  });

  it('is reachable from the navigation, which marks the current page', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/', mocks: [networkMock(), networkMock()] });

    await user.click(screen.getByRole('link', { name: 'Centres' }));

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(KARAGANDA_NETWORK.length - 1);
    expect(screen.getByRole('link', { name: 'Centres' })).toHaveAttribute('aria-current', 'page');
  });
});
