import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.language.heading': 'Sprache',
  'options.language.label': 'Die Erweiterung spricht',
  'options.language.auto': 'Die Sprache des Browsers ({language})',
  'options.language.note':
    'Phasen, Listen und Gründe, die Ihr Team selbst geschrieben hat, bleiben genau so, wie sie geschrieben wurden – in jeder Sprache.',
};
