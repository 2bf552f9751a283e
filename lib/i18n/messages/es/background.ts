import type { background as english } from '../en/background';
import type { Translation } from '../types';

export const background: Translation<typeof english> = {
  'background.alert.breach': 'Atrasado: {who}',
  'background.alert.reminder': 'Sigue atrasado: {who}',
  'background.alert.warning': 'Vence pronto: {who}',
  'background.alert.someLead': 'Un lead',
  'background.alert.noOwner': 'sin responsable',
  'background.alert.openThread': 'Abrir conversación',
  'background.alert.snooze': 'Posponer',
  'background.escalation.title': 'Escalado: {who}',
  'background.escalation.message': '“{words}” · solo respuesta humana · {owner}',
  'background.escalation.messageNoWords': 'solo respuesta humana · {owner}',

  'background.badge.overdue': 'DM Handoff: {count, plural, one {# lead atrasado} other {# leads atrasados}}',
  'background.badge.warning': 'DM Handoff: {count, plural, one {# lead vence pronto} other {# leads vencen pronto}}',
  'background.badge.clear': 'DM Handoff: todos los leads están a tiempo',

  'background.menu.openBoard': 'Abrir el tablero del embudo',
  'background.menu.openReview': 'Abrir la revisión semanal',

  'background.error.malformed': 'Mensaje mal formado: {details}',
  'background.error.unknownRequest': 'Solicitud desconocida "{name}"',
  'background.error.invalidRequest': 'Solicitud "{name}" no válida: {details}',
  'background.error.newerDatabase':
    'Tus datos de DM Handoff fueron guardados por una versión más nueva de la extensión. Actualiza DM Handoff (chrome://extensions, Actualizar) para abrirlos; no se cambió nada.',
  'background.error.storageFull':
    'El almacenamiento del navegador está lleno: no se guardó nada. Libera espacio en disco y vuelve a intentarlo.',
  'background.error.internal': 'Algo salió mal al procesar "{name}": {details}',
  'background.error.leadGone': 'Este lead ya no existe. Puede que se haya eliminado en otro dispositivo.',
  'background.error.leadNotTracked': 'Este lead ya no tiene seguimiento.',
  'background.error.notesFull': 'Las notas de este lead están llenas: acórtalas y luego agrega el hallazgo.',
  'background.error.restoreMissing': 'Ese cambio no está en el historial de este lead o no tenía texto anterior.',
  'background.error.restoreNoLongerFits': 'Ese valor anterior ya no cabe en este campo.',
  'background.error.memberGone': 'Ese miembro del equipo ya no existe.',
  'background.error.syncUnavailable': 'La sincronización del equipo no está disponible aquí.',
  'background.error.coachOnly': 'Solo el coach puede cambiar esta configuración.',
  'background.teamSettings.askCoaches':
    '{team} comparte esta configuración: solo su coach puede cambiarla. Pídeselo a {coaches}.',
  'background.teamSettings.askTheCoach':
    '{team} comparte esta configuración: solo su coach puede cambiarla. Pídeselo al coach.',
  'background.booking.noLink':
    'Tu equipo aún no tiene enlace de reserva: un coach lo agrega en Opciones → Conectar un calendario.',

  'background.policy.noWeeklyHours': 'El calendario de cobertura no tiene horario de atención en su semana.',
  'background.policy.neverOpens': 'El calendario de cobertura no tiene horario de atención en {days} días.',
  'background.policy.windowTooLong':
    '{subject}: el calendario de cobertura no alcanza {minutes, plural, one {# minuto hábil} other {# minutos hábiles}} en {days} días.',
  'background.policy.windowTooLongHours':
    '{subject}: el calendario de cobertura no alcanza {hours, plural, one {# hora hábil} other {# horas hábiles}} en {days} días.',

  'background.sync.notInTeam': 'Este navegador aún no está en un equipo',
  'background.sync.alreadyInTeam':
    'Este navegador ya está en un equipo: sal de él primero (se perderían los cambios aún no enviados).',
  'background.sync.notAnAddress': '"{input}" no es una dirección web. Escríbela así: https://sync.example.com',
  'background.sync.httpsOnly': 'La dirección del servidor debe empezar por https:// (o http:// para un servidor local)',
  'background.sync.timedOut': 'El servidor del equipo no respondió en {seconds} s',
  'background.sync.unreachable':
    'No se puede conectar con el servidor del equipo (sin conexión, o el servidor está caído)',
  'background.sync.answered': 'El servidor del equipo respondió {status}',
  'background.sync.garbage': 'El servidor del equipo envió una respuesta que DM Handoff no entiende',
  'background.sync.memberMatched': 'Ese miembro ya fue asociado, o el miembro del equipo ya no existe.',
  'background.sync.setAside':
    'El servidor del equipo falla siempre con este cambio ({details}); se apartó para que el resto se sincronice',
  'background.sync.failed': 'La sincronización falló: {details}',

  'background.backup.tooLarge': 'Este archivo es demasiado grande para ser una copia de seguridad de DM Handoff.',
  'background.backup.unreadable': 'No se pudo leer el archivo.',
  'background.backup.notReceived': 'El archivo no llegó a la extensión. Vuelve a elegirlo.',
  'background.backup.chooseFirst': 'Primero elige un archivo de copia de seguridad.',
  'background.backup.checking': 'Revisando cada lead y evento…',
  'background.backup.importing': 'Importando…',
  'background.backup.teamSettingsKept':
    'La política de SLA, el horario de cobertura y las listas de este archivo no se importan: {reason}',
  'background.workspace.unclaimed': 'Pipeline de este navegador',
  'background.workspace.gone': 'El pipeline de esa cuenta ya no está en este navegador.',
  'background.workspace.notUsername': '“{name}” no es un nombre de usuario de Instagram.',
};
