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
  'time.left': 'faltam {duration}',
  'time.overdue': '{duration} de atraso',
  'common.loading': 'Carregando…',
  'common.save': 'Salvar',
  'common.saving': 'Salvando…',
  'common.saved': 'Salvo',
  'common.cancel': 'Cancelar',
  'common.close': 'Fechar',
  'common.notSaved': 'Não salvo: {reason}',
  'common.autosave.requiredHint': 'Obrigatório antes de esta etapa passar adiante',
  'common.autosave.needed': 'obrigatório',
  'common.autosave.notSaved': 'Não salvo: {reason}. Seu texto continua aqui; tente de novo.',
};
