// The preset for browser code: the base preset plus the rules of hooks.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import base from './index.js';

export default tseslint.config(...base, {
  languageOptions: { globals: { ...globals.browser } },
  plugins: { 'react-hooks': reactHooks },
  rules: { ...reactHooks.configs.recommended.rules },
});
