import type { common as english } from '../en/common';
import type { Translation } from '../types';

export const common: Translation<typeof english> = {
  'unit.second': '{n} s',
  'unit.minute': '{n} min',
  'unit.hour': '{n} h',
  'unit.day': '{n} d',
  'unit.narrow.minute': '{n}min',
  'unit.narrow.hour': '{n}h',
  'unit.narrow.day': '{n}d',
  'unit.axis.minutes': 'min',
  'unit.axis.hours': 'h',
  'unit.axis.days': 'd',
  'time.left': 'quedan {duration}',
  'time.overdue': '{duration} de retraso',
  'common.loading': 'Cargando…',
  'common.save': 'Guardar',
  'common.saving': 'Guardando…',
  'common.saved': 'Guardado',
  'common.cancel': 'Cancelar',
  'common.close': 'Cerrar',
  'common.notSaved': 'No se guardó: {reason}',
  'common.autosave.requiredHint': 'Obligatorio antes de que esta etapa pase al siguiente',
  'common.autosave.needed': 'obligatorio',
  'common.autosave.notSaved': 'No se guardó: {reason}. Tu texto sigue aquí; inténtalo de nuevo.',
};
