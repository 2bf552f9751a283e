import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.language.heading': 'Idioma',
  'options.language.label': 'La extensión habla',
  'options.language.auto': 'El idioma del navegador ({language})',
  'options.language.note':
    'Las etapas, listas y motivos que tu equipo escribió se quedan tal como están, sea cual sea el idioma.',
};
