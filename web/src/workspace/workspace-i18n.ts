import { i18next } from '../i18n/i18n.js';

/*
 * The workspace's strings are a namespace of their own, in this folder: they load with the
 * workspace's code (the public pages never carry them), and the two can change apart. A
 * language without a file here shows the workspace in English, as i18n.ts does for strings
 * missing from a translation.
 */
const files = import.meta.glob<Record<string, unknown>>('./i18n/*.json', {
  eager: true,
  import: 'default',
});
for (const [path, strings] of Object.entries(files)) {
  const code = path.replace(/^\.\/i18n\/(.*)\.json$/, '$1');
  i18next.addResourceBundle(code, 'workspace', strings, true, true);
}
