import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { usersMock } from '../users/users.fixtures';
import { centre, nationalCentres, networkErrorMock, networkPageMock, REGIONAL_CENTRE } from './centres.fixtures';

// The regional centre and 150 districts: "District 100" to "District 150" come on the second page.
const NETWORK = nationalCentres(150);

describe('the centre picker', () => {
  it('groups a national network by region, so two districts of one name can be told apart', async () => {
    const user = userEvent.setup();
    const under = (id: string, name: string, parent: string) => centre({ id, name, kind: 'CITY_DISTRICT', parent: { __typename: 'Centre', id: parent } });
    // In the API's order: the root, then by name.
    const national = [
      REGIONAL_CENTRE,
      under('almaty', 'Almaty city', REGIONAL_CENTRE.id),
      under('almaty-central', 'Central district', 'almaty'),
      under('karaganda-central', 'Central district', 'karaganda'),
      under('karaganda', 'Karaganda region', REGIONAL_CENTRE.id),
    ];
    renderApp({ path: '/users/new', mocks: [networkPageMock(national, 0)] });

    const picker = await screen.findByLabelText('Centre', { exact: false });
    const karaganda = await within(picker).findByRole('group', { name: 'Karaganda region' });
    // The closed picker shows the option alone: a shared name carries its parent's.
    await user.selectOptions(picker, within(karaganda).getByRole('option', { name: 'Central district (Karaganda region)' }));
    expect(picker).toHaveValue('karaganda-central');
    expect(within(within(picker).getByRole('group', { name: 'Almaty city' })).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual([
      'almaty',
      'almaty-central',
    ]);
    // Every centre once, and "Choose the coordinator's centre".
    expect(within(picker).getAllByRole('option')).toHaveLength(national.length + 1);
  });

  it('does not group districts whose region is still on a later page', async () => {
    // Every district sorts before its region, as the bench's English names do: page one has none of the regions.
    const districts = Array.from({ length: 120 }, (_, index) =>
      centre({ id: `d-${index}`, name: `A district ${String(index).padStart(3, '0')}`, kind: 'RURAL_DISTRICT', parent: { __typename: 'Centre', id: 'region' } }),
    );
    const region = centre({ id: 'region', name: 'Zhetisu region', kind: 'CITY', parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id } });
    const national = [REGIONAL_CENTRE, ...districts, region];
    renderApp({ path: '/users/new', mocks: [networkPageMock(national, 0), networkPageMock(national, 1, 300)] });

    const picker = await screen.findByLabelText('Centre', { exact: false });
    await within(picker).findByRole('option', { name: 'A district 000' });
    expect(within(picker).queryAllByRole('group')).toEqual([]);

    const group = await within(picker).findByRole('group', { name: 'Zhetisu region' });
    expect(within(group).getAllByRole('option')).toHaveLength(121);
    expect(within(picker).getAllByRole('group')).toHaveLength(1);
  });

  it('offers the centres of the first page at once, then a centre of the second page too, saying nothing alarming meanwhile', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/users/new', mocks: [networkPageMock(NETWORK, 0), networkPageMock(NETWORK, 1, 300)] });

    const picker = await screen.findByLabelText('Centre', { exact: false });
    await within(picker).findByRole('option', { name: 'District 001' });
    // The second page is on its way: the picker already works, and says nothing about it.
    expect(within(picker).queryByRole('option', { name: 'District 150' })).not.toBeInTheDocument();
    await user.selectOptions(picker, 'District 099');
    expect(picker).toHaveValue('d-99');
    expect(picker).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('button', { name: 'Load the centres again' })).not.toBeInTheDocument();

    await user.selectOptions(picker, await within(picker).findByRole('option', { name: 'District 150' }));
    expect(picker).toHaveValue('d-150');
    // Every centre once: the regional centre, 150 districts and "Choose the coordinator's centre".
    expect(within(picker).getAllByRole('option')).toHaveLength(152);
    expect(picker).not.toHaveAttribute('aria-invalid');
    // One level under the regional centre, as Karaganda: a plain list.
    expect(within(picker).queryAllByRole('group')).toEqual([]);
  });

  it('keeps a centre of a later page chosen in the URL, as loading rather than unknown, until its page comes', async () => {
    renderApp({
      path: '/users?centre=d-150',
      mocks: [networkPageMock(NETWORK, 0), networkPageMock(NETWORK, 1, 300), usersMock({ nodes: [], filter: { centreId: 'd-150' } })],
    });

    const picker = await screen.findByLabelText('Centre');
    await within(picker).findByRole('option', { name: 'District 001' });
    expect(within(picker).getByRole('option', { selected: true })).toHaveTextContent('Loading the centres…');
    expect(within(picker).queryByRole('option', { name: 'A centre not in the list' })).not.toBeInTheDocument();

    await waitFor(() => expect(within(picker).getByRole('option', { selected: true })).toHaveTextContent('District 150'));
    expect(picker).toHaveValue('d-150');
    expect(within(picker).queryByRole('option', { name: 'Loading the centres…' })).not.toBeInTheDocument();
  });

  it('says that a later page failed, keeps the centres before it, and its retry goes on from that page', async () => {
    const user = userEvent.setup();
    // One answer per page: asking for the first page again would find no mock and fail the test.
    renderApp({
      path: '/users/new',
      mocks: [networkPageMock(NETWORK, 0), networkErrorMock('INTERNAL_SERVER_ERROR', 1), networkPageMock(NETWORK, 1)],
    });

    const picker = await screen.findByLabelText('Centre', { exact: false });
    await waitFor(() => expect(picker).toHaveAttribute('aria-invalid', 'true'));
    expect(picker).toHaveAccessibleDescription(
      /^The centres could not be loaded\. Something went wrong on the server\. Try again; if it keeps happening, tell the regional centre\./,
    );
    expect(within(picker).getByRole('option', { name: 'District 099' })).toBeInTheDocument();
    expect(within(picker).queryByRole('option', { name: 'District 100' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load the centres again' }));

    await user.selectOptions(picker, await within(picker).findByRole('option', { name: 'District 150' }));
    expect(picker).toHaveValue('d-150');
    expect(within(picker).getAllByRole('option')).toHaveLength(152);
    expect(picker).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('button', { name: 'Load the centres again' })).not.toBeInTheDocument();
  });
});
