import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST } from '../auth/session.fixtures';
import { networkMock } from '../centres/centres.fixtures';
import { programMock, RELATIVES_GROUP } from './programs.fixtures';
import { UpdateProgramMutation } from './programs-documents';

const { runs: _runs, ...PROGRAM_FIELDS } = RELATIVES_GROUP;

describe('the program edit form', () => {
  it('starts from the program as it is, and drops the age reason once the range needs none', async () => {
    const user = userEvent.setup();
    const input = {
      id: RELATIVES_GROUP.id,
      code: 'relatives-group',
      kind: 'SUPPORT_GROUP',
      names: { kk: 'Relatives support group (kk)', ru: 'Relatives support group (ru)', en: 'Relatives support group' },
      descriptions: {
        kk: 'Weekly meetings for the families of young people. (kk)',
        ru: 'Weekly meetings for the families of young people. (ru)',
        en: 'Weekly meetings for the families of young people.',
      },
      minAge: 18,
      maxAge: 35,
      ageExceptionReason: null,
      minEducation: 'NONE',
      ruralOnly: false,
      anonymous: true,
      durationWeeks: 5,
      partners: [],
      mentors: [{ fullName: 'Saule Nurlanovna', expertises: { kk: 'Family psychology (kk)', ru: 'Family psychology (ru)', en: 'Family psychology' } }],
    };
    const saved = { ...PROGRAM_FIELDS, maxAge: 35, ageExceptionReason: null, partners: [] };
    const { router } = renderApp({
      path: `/catalogue/programs/${RELATIVES_GROUP.id}/edit`,
      mocks: [
        programMock(RELATIVES_GROUP),
        { request: { query: UpdateProgramMutation, variables: { input } }, result: { data: { updateProgram: { __typename: 'ProgramPayload', program: saved } } } },
        networkMock(),
      ],
    });

    const oldest = await screen.findByRole('spinbutton', { name: 'Oldest age' });
    expect(oldest).toHaveValue(80);
    expect(screen.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' })).toHaveValue('Relatives of any adult age');
    expect(screen.getByRole('checkbox', { name: 'Anonymous support group' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Partner 1 — English' })).toHaveValue('Atameken chamber of entrepreneurs');

    await user.clear(oldest);
    await user.type(oldest, '35');
    await user.click(screen.getByRole('button', { name: 'Remove partner 1' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toHaveAttribute('role', 'status');
    expect(router.state.location.pathname).toBe(`/catalogue/programs/${RELATIVES_GROUP.id}`);
    expect(screen.getByText('No partner organisations are listed. Add them with “Edit the program”.')).toBeInTheDocument();
  });

  it('is not open to an analyst', async () => {
    renderApp({ path: `/catalogue/programs/${RELATIVES_GROUP.id}/edit`, session: ANALYST });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
