// The options page's words.
export const options = {
  'options.language.heading': 'Language',
  'options.language.label': 'The extension speaks',
  'options.language.auto': 'The browser’s language ({language})',
  'options.language.note':
    'Stage labels, lists and reasons your team wrote itself stay exactly as written, whatever the language.',
} as const;
