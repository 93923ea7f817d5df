export { default } from '@mrc/eslint-config/react';
