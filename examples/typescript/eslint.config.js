// Twilio's TypeScript template compiles src/functions/*.ts with `module: commonjs`. `recommended-type-checked` lets
// TypeScript's checker tell no-floating-promises which calls return a Promise, so a method of your own class counts
// too; the files need type information, which `projectService` gives them.
const twilioFunctions = require('eslint-plugin-twilio-functions');

module.exports = [
  ...twilioFunctions.configs['recommended-type-checked'],
  {
    files: ['src/functions/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
  },
  {
    settings: { 'twilio-functions': { ...twilioFunctions.readProjectSettings(__dirname) } },
  },
];
