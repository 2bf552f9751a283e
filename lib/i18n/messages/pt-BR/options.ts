import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.language.heading': 'Idioma',
  'options.language.label': 'A extensão fala',
  'options.language.auto': 'O idioma do navegador ({language})',
  'options.language.note':
    'Etapas, listas e motivos que sua equipe escreveu ficam exatamente como foram escritos, seja qual for o idioma.',
};
