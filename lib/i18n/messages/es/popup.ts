import type { popup as english } from '../en/popup';
import type { Translation } from '../types';

export const popup: Translation<typeof english> = {
  'popup.whose': 'Leads de quién',
  'popup.scope.mine': 'Míos',
  'popup.scope.all': 'Todos',
  'popup.scope.chooseMe': 'Mostrando: mis leads · elige quién eres en Configuración para verlos',
  'popup.scope.note':
    'Mostrando: {shown, select, mine {mis leads} other {todos los leads}} · {badge, select, same {la insignia cuenta estos} mine {la insignia cuenta solo los míos} other {la insignia cuenta todos los leads}}',
  'popup.loadingLeads': 'Cargando leads…',
  'popup.loadError': 'No se pudieron cargar los leads: {reason}',
  'popup.allOnTime': 'Todos los leads van a tiempo.',
  'popup.overdue': 'Vencidos ({count})',
  'popup.dueSoon': 'Vencen pronto ({count})',
  'popup.thread': 'Conversación {id}',
  'popup.noOwner': 'Sin responsable',
  'popup.due': 'vence {when}',
  'popup.byStage.mine': 'Mis leads abiertos por etapa',
  'popup.byStage.all': 'Leads abiertos por etapa',
  'popup.noOpenLeads': 'No hay leads abiertos.',
  'popup.link.board': 'Tablero del pipeline',
  'popup.link.review': 'Revisión semanal',
  'popup.link.settings': 'Configuración',
  'popup.sync.signedOut': 'Sincronización detenida: este navegador fue eliminado del equipo. Ver Configuración.',
  'popup.sync.unreachable': 'Sincronización: no se puede conectar con el servidor, tus cambios se conservan',
  'popup.sync.team': 'Sincronización: {team} · {when}',
  'popup.sync.updatedAgo': 'actualizado hace {duration}',
  'popup.sync.notYet': 'aún sin sincronizar',
  'popup.sync.waiting': '{count, plural, one {# cambio pendiente de envío} other {# cambios pendientes de envío}}',
};
