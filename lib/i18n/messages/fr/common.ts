import type { common as english } from '../en/common';
import type { Translation } from '../types';

export const common: Translation<typeof english> = {
  'unit.second': '{n} s',
  'unit.minute': '{n} min',
  'unit.hour': '{n} h',
  'unit.day': '{n} j',
  'unit.narrow.minute': '{n}min',
  'unit.narrow.hour': '{n}h',
  'unit.narrow.day': '{n}j',
  'unit.axis.minutes': 'min',
  'unit.axis.hours': 'h',
  'unit.axis.days': 'j',
  'time.left': 'encore {duration}',
  'time.overdue': '{duration} de retard',
  'common.loading': 'Chargement…',
  'common.save': 'Enregistrer',
  'common.saving': 'Enregistrement…',
  'common.saved': 'Enregistré',
  'common.cancel': 'Annuler',
  'common.close': 'Fermer',
  'common.notSaved': 'Non enregistré : {reason}',
  'common.autosave.requiredHint': 'Obligatoire avant que cette étape ne passe la main',
  'common.autosave.needed': 'requis',
  'common.autosave.notSaved': 'Non enregistré : {reason}. Votre texte est conservé ici ; réessayez.',
};
