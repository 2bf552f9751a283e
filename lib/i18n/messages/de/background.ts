import type { background as english } from '../en/background';
import type { Translation } from '../types';

export const background: Translation<typeof english> = {
  'background.alert.breach': 'Überfällig: {who}',
  'background.alert.reminder': 'Immer noch überfällig: {who}',
  'background.alert.warning': 'Bald fällig: {who}',
  'background.alert.someLead': 'Ein Lead',
  'background.alert.noOwner': 'niemand zuständig',
  'background.alert.openThread': 'Chat öffnen',
  'background.alert.snooze': 'Schlummern',
  'background.escalation.title': 'Eskalation: {who}',
  'background.escalation.message': '„{words}“ · nur persönliche Antwort · {owner}',
  'background.escalation.messageNoWords': 'nur persönliche Antwort · {owner}',

  'background.badge.overdue': 'DM Handoff: {count, plural, one {# Lead überfällig} other {# Leads überfällig}}',
  'background.badge.warning': 'DM Handoff: {count, plural, one {# Lead bald fällig} other {# Leads bald fällig}}',
  'background.badge.clear': 'DM Handoff: alle Leads im Zeitplan',

  'background.menu.openBoard': 'Pipeline-Board öffnen',
  'background.menu.openReview': 'Wochenrückblick öffnen',

  'background.error.malformed': 'Fehlerhafte Nachricht: {details}',
  'background.error.unknownRequest': 'Unbekannte Anfrage „{name}“',
  'background.error.invalidRequest': 'Ungültige Anfrage „{name}“: {details}',
  'background.error.newerDatabase':
    'Deine DM-Handoff-Daten wurden von einer neueren Version der Erweiterung gespeichert. Aktualisiere DM Handoff (chrome://extensions, Aktualisieren), um sie zu öffnen; nichts wurde geändert.',
  'background.error.storageFull':
    'Der Browserspeicher ist voll: nichts wurde gespeichert. Gib Speicherplatz frei und versuche es erneut.',
  'background.error.internal': 'Bei „{name}“ ist etwas schiefgelaufen: {details}',
  'background.error.leadGone':
    'Dieser Lead existiert nicht mehr. Vielleicht wurde er auf einem anderen Gerät gelöscht.',
  'background.error.leadNotTracked': 'Dieser Lead wird nicht mehr verfolgt.',
  'background.error.notesFull': 'Die Notizen dieses Leads sind voll: kürze sie und füge den Befund dann hinzu.',
  'background.error.restoreMissing':
    'Diese Änderung steht nicht im Verlauf dieses Leads oder hatte keinen früheren Text.',
  'background.error.restoreNoLongerFits': 'Der frühere Wert passt nicht mehr in dieses Feld.',
  'background.error.memberGone': 'Dieses Teammitglied gibt es nicht mehr.',
  'background.error.syncUnavailable': 'Team-Sync ist hier nicht verfügbar.',
  'background.error.coachOnly': 'Nur der Coach kann diese Einstellungen ändern.',
  'background.teamSettings.askCoaches':
    '{team} teilt diese Einstellungen: Nur der Coach kann sie ändern. Frag {coaches}.',
  'background.teamSettings.askTheCoach':
    '{team} teilt diese Einstellungen: Nur der Coach kann sie ändern. Frag den Coach.',
  'background.booking.noLink':
    'Dein Team hat noch keinen Buchungslink: Ein Coach fügt ihn unter Optionen → Kalender verbinden hinzu.',

  'background.policy.noWeeklyHours': 'Der Abdeckungskalender hat in seiner Woche keine Öffnungszeiten.',
  'background.policy.neverOpens': 'Der Abdeckungskalender hat innerhalb von {days} Tagen keine Öffnungszeiten.',
  'background.policy.windowTooLong':
    '{subject}: Der Abdeckungskalender hat innerhalb von {days} Tagen nicht genug Öffnungszeit für {minutes, plural, one {# Arbeitsminute} other {# Arbeitsminuten}}.',
  'background.policy.windowTooLongHours':
    '{subject}: Der Abdeckungskalender hat innerhalb von {days} Tagen nicht genug Öffnungszeit für {hours, plural, one {# Arbeitsstunde} other {# Arbeitsstunden}}.',

  'background.sync.notInTeam': 'Dieser Browser ist noch in keinem Team',
  'background.sync.alreadyInTeam':
    'Dieser Browser ist bereits in einem Team: Verlasse es zuerst (noch nicht gesendete Änderungen gingen verloren).',
  'background.sync.notAnAddress': '„{input}“ ist keine Webadresse. Gib sie so ein: https://sync.example.com',
  'background.sync.httpsOnly': 'Die Serveradresse muss mit https:// beginnen (oder http:// für einen lokalen Server)',
  'background.sync.timedOut': 'Der Teamserver hat nicht innerhalb von {seconds} s geantwortet',
  'background.sync.unreachable': 'Der Teamserver ist nicht erreichbar (offline, oder der Server ist ausgefallen)',
  'background.sync.answered': 'Der Teamserver hat mit {status} geantwortet',
  'background.sync.garbage': 'Der Teamserver hat eine Antwort gesendet, die DM Handoff nicht versteht',
  'background.sync.memberMatched':
    'Dieses Mitglied wurde bereits zugeordnet, oder das Teammitglied gibt es nicht mehr.',
  'background.sync.setAside':
    'Der Teamserver scheitert jedes Mal an dieser Änderung ({details}); sie wurde beiseitegelegt, damit der Rest synchronisiert',
  'background.sync.failed': 'Synchronisierung fehlgeschlagen: {details}',

  'background.backup.tooLarge': 'Diese Datei ist zu groß für ein DM-Handoff-Backup.',
  'background.backup.unreadable': 'Die Datei konnte nicht gelesen werden.',
  'background.backup.notReceived': 'Die Datei ist nicht bei der Erweiterung angekommen. Wähle sie noch einmal.',
  'background.backup.chooseFirst': 'Wähle zuerst eine Backup-Datei.',
  'background.backup.checking': 'Jeder Lead und jedes Ereignis wird geprüft…',
  'background.backup.importing': 'Wird importiert…',
  'background.backup.teamSettingsKept':
    'SLA-Richtlinie, Abdeckungszeiten und Listen aus dieser Datei werden nicht importiert: {reason}',
  'background.workspace.unclaimed': 'Pipeline dieses Browsers',
  'background.workspace.gone': 'Die Pipeline dieses Kontos ist nicht mehr in diesem Browser.',
  'background.workspace.notUsername': '„{name}“ ist kein Instagram-Benutzername.',
};
