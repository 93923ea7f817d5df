import base from '@mrc/eslint-config';

// A command-line tool: it prints its figures with console.log on purpose.
export default [...base, { rules: { 'no-console': 'off' } }];
