import type { common as english } from '../en/common';
import type { Translation } from '../types';

export const common: Translation<typeof english> = {
  'unit.second': '{n} s',
  'unit.minute': '{n} Min.',
  'unit.hour': '{n} Std.',
  'unit.day': '{n} T.',
  'unit.narrow.minute': '{n}m',
  'unit.narrow.hour': '{n}h',
  'unit.narrow.day': '{n}T',
  'unit.axis.minutes': 'Min.',
  'unit.axis.hours': 'Std.',
  'unit.axis.days': 'T.',
  'time.left': 'noch {duration}',
  'time.overdue': '{duration} überfällig',
  'common.loading': 'Wird geladen…',
  'common.save': 'Speichern',
  'common.saving': 'Wird gespeichert…',
  'common.saved': 'Gespeichert',
  'common.cancel': 'Abbrechen',
  'common.close': 'Schließen',
  'common.notSaved': 'Nicht gespeichert: {reason}',
  'common.autosave.requiredHint': 'Pflicht, bevor diese Phase übergeben wird',
  'common.autosave.needed': 'fehlt',
  'common.autosave.notSaved': 'Nicht gespeichert: {reason}. Dein Text bleibt hier erhalten – versuche es noch einmal.',
};
