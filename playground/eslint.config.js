// ESLint for the playground's front end (make lint, make check): the
// recommended rules on the ES modules the site ships (web/*.js: browser
// pages, and worker.js in a Web Worker), on their unit tests and on the
// build's own scripts (Node).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["web/**/*.js", "web/**/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: { ...globals.browser },
    },
  },
  {
    files: ["web/worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["web/test/**", "eslint.config.js", "trace-stdlib.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
];
