import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { BALKHASH_CENTRE, centrePageErrorMock, centrePageMock } from './centre.fixtures';

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the centre page', () => {
  it('shows a skeleton, then the centre: where it is, its contacts, spaces, equipment, clubs and programs', async () => {
    renderApp({ path: '/centres/c-3', mocks: [centrePageMock()] });

    expect(await screen.findByTestId('centre-loading')).toHaveTextContent('Loading the centre…');
    expect(await screen.findByRole('heading', { level: 1, name: 'Temirtau' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Temirtau · MRC Network'));

    const about = section('About the centre');
    expect(about).toHaveTextContent('KindCity');
    expect(within(about).getByRole('link', { name: 'Youth Resource Centre of Karaganda region' })).toHaveAttribute('href', '/centres/c-0');
    expect(about).toHaveTextContent('Opened on15 November 2019');

    const contacts = section('Contacts');
    expect(within(contacts).getByRole('link', { name: '+7 7213 98 31 16' })).toHaveAttribute('href', 'tel:+77213983116');
    expect(within(contacts).getByRole('link', { name: 'temirtau@mrc-karaganda.kz' })).toHaveAttribute('href', 'mailto:temirtau@mrc-karaganda.kz');
    expect(contacts).toHaveTextContent('12 Metallurgov Avenue');

    const spaces = within(section('Spaces')).getAllByTestId('space-row');
    expect(spaces[0]).toHaveTextContent('Coworking zoneCoworking zone30 people');
    expect(spaces[0]).toHaveTextContent('In use');
    expect(spaces[1]).toHaveTextContent('Podcast studio');
    expect(spaces[1]).toHaveTextContent('Closed on 1 October 2026');

    expect(within(section('Equipment')).getByTestId('equipment-row')).toHaveTextContent('Mirrorless cameraCameras3');

    const clubs = within(section('Clubs')).getAllByTestId('club-row');
    expect(clubs).toHaveLength(3);
    expect(clubs[0]).toHaveTextContent('Dombra');
    expect(clubs[0]).toHaveTextContent('● Active');
    expect(clubs[0]).toHaveTextContent('Bakhytzhan Nurpeisov');
    expect(clubs[0]).toHaveTextContent('Wed 18:00–19:30');
    expect(clubs[0]).toHaveTextContent('9 September 2026');
    // Status in words with a mark, never colour alone; a closed club without a leader says so.
    expect(clubs[2]).toHaveTextContent('✕ Closed');
    expect(clubs[2]).toHaveTextContent('Nobody yet');

    const runs = within(section('Programs')).getAllByTestId('run-row');
    expect(runs[0]).toHaveTextContent('Business clubFrom 15 September 2026, ongoing▶ Running');
    expect(runs[1]).toHaveTextContent('School of Analytics2 March 2026 – 3 April 2026✓ Finished');
  });

  it('gives an administrator every way to change the centre and what it has', async () => {
    renderApp({ path: '/centres/c-3', mocks: [centrePageMock()] });

    expect(await screen.findByRole('link', { name: 'Edit the centre' })).toHaveAttribute('href', '/centres/c-3/edit');
    expect(screen.getByRole('link', { name: 'Add a space' })).toHaveAttribute('href', '/centres/c-3/spaces/new');
    expect(screen.getByRole('link', { name: 'Add equipment' })).toHaveAttribute('href', '/centres/c-3/equipment/new');
    expect(screen.getByRole('link', { name: 'Start a club' })).toHaveAttribute('href', '/centres/c-3/clubs/new');
    expect(screen.getByRole('link', { name: 'Edit Dombra' })).toHaveAttribute('href', '/centres/c-3/clubs/club-dombra');
    expect(screen.getByRole('link', { name: 'Edit Coworking zone' })).toHaveAttribute('href', '/centres/c-3/spaces/s-1');
    expect(screen.getByRole('link', { name: 'See the audit trail of this centre' })).toHaveAttribute('href', '/audit?centre=c-3');
  });

  it("lets a coordinator keep their own centre's contacts and records", async () => {
    renderApp({ path: '/centres/c-3', session: COORDINATOR, language: 'en', mocks: [centrePageMock()] });

    expect(await screen.findByRole('link', { name: 'Edit the contacts' })).toHaveAttribute('href', '/centres/c-3/edit');
    expect(screen.queryByRole('link', { name: 'Edit the centre' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a club' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit Public speaking' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit Mirrorless camera' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See the audit trail of this centre' })).not.toBeInTheDocument();
  });

  it("shows a coordinator another centre's clubs without any way to change them", async () => {
    renderApp({ path: '/centres/c-4', session: COORDINATOR, mocks: [centrePageMock(BALKHASH_CENTRE)] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Balkhash' })).toBeInTheDocument();
    expect(within(section('Clubs')).getByTestId('club-row')).toHaveTextContent('Dombra');
    expect(screen.queryByRole('link', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^(Add|Start)/ })).not.toBeInTheDocument();
    // An empty list says who fills it in, rather than offering what this person cannot do.
    expect(section('Equipment')).toHaveTextContent("No equipment yetThe centre's coordinator or the regional centre adds them.");
    expect(section('Contacts')).toHaveTextContent('PhoneNot given');
  });

  it('gives an analyst nothing to change', async () => {
    renderApp({ path: '/centres/c-3', session: ANALYST, mocks: [centrePageMock()] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Temirtau' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^(Edit|Add|Start)/ })).not.toBeInTheDocument();
  });

  it('says plainly when there is no such centre', async () => {
    renderApp({ path: '/centres/nope', mocks: [centrePageErrorMock('nope', 'NOT_FOUND')] });

    expect(await screen.findByText('There is no such centre')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Network of centres' })).toHaveAttribute('href', '/centres');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a failure and loads the centre when Retry is pressed', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/c-3', mocks: [centrePageErrorMock('c-3', 'INTERNAL_SERVER_ERROR'), centrePageMock()] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The centre could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Temirtau' })).toBeInTheDocument();
  });
});
