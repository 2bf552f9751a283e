import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.language.heading': 'Langue',
  'options.language.label': 'L’extension parle',
  'options.language.auto': 'La langue du navigateur ({language})',
  'options.language.note':
    'Les étapes, listes et motifs rédigés par votre équipe restent tels quels, quelle que soit la langue.',
};
