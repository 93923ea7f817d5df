import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { FormError } from './FormError';

function refusal(code: string) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Not for people', extensions: { code } }] });
}

function renderFormError(props: Parameters<typeof FormError>[0]) {
  const i18n = createI18n('en', { browserLanguages: [] });
  render(
    <I18nextProvider i18n={i18n}>
      <FormError {...props} />
    </I18nextProvider>,
  );
  return screen.getByRole('alert');
}

describe('a form refusal', () => {
  it('explains the code when no field shows a problem', () => {
    const alert = renderFormError({ title: 'The club could not be started.', error: refusal('CONFLICT') });
    expect(alert).toHaveTextContent('The club could not be started.The data changed while you were working. Try again.');
    expect(alert).toHaveAttribute('data-error-code', 'CONFLICT');
  });

  it('points to the fields, and reads out what no field can show', () => {
    const alert = renderFormError({ title: 'The space could not be added.', error: refusal('BAD_USER_INPUT'), atFields: true, elsewhere: ['The centre closed.'] });
    expect(within(alert).getByRole('listitem')).toHaveTextContent('The centre closed.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
  });

  it("says only the API's words when every problem is one no field shows", () => {
    const alert = renderFormError({ title: 'The run could not be scheduled.', error: refusal('BAD_USER_INPUT'), elsewhere: ['The program was retired.'] });
    expect(alert).toHaveTextContent('The run could not be scheduled.The program was retired.');
  });

  it("uses the form's own words for a refusal it explains better", () => {
    const alert = renderFormError({ title: 'The club type could not be retired.', error: refusal('CONFLICT'), explanation: 'Its clubs still run.' });
    expect(alert).toHaveTextContent('The club type could not be retired.Its clubs still run.');
  });
});
