import type { popup as english } from '../en/popup';
import type { Translation } from '../types';

export const popup: Translation<typeof english> = {
  'popup.whose': 'Wessen Leads',
  'popup.scope.mine': 'Meine',
  'popup.scope.all': 'Alle',
  'popup.scope.chooseMe': 'Angezeigt: meine Leads · wähle in den Einstellungen, wer du bist, um sie zu sehen',
  'popup.scope.note':
    'Angezeigt: {shown, select, mine {meine Leads} other {alle Leads}} · {badge, select, same {das Badge zählt diese} mine {das Badge zählt nur meine} other {das Badge zählt alle Leads}}',
  'popup.loadingLeads': 'Leads werden geladen…',
  'popup.loadError': 'Leads konnten nicht geladen werden: {reason}',
  'popup.allOnTime': 'Alle Leads sind im Zeitplan.',
  'popup.overdue': 'Überfällig ({count})',
  'popup.dueSoon': 'Bald fällig ({count})',
  'popup.thread': 'Chat {id}',
  'popup.noOwner': 'Niemand zuständig',
  'popup.due': 'fällig {when}',
  'popup.byStage.mine': 'Meine offenen Leads nach Phase',
  'popup.byStage.all': 'Offene Leads nach Phase',
  'popup.noOpenLeads': 'Keine offenen Leads.',
  'popup.link.board': 'Pipeline-Board',
  'popup.link.review': 'Wochenrückblick',
  'popup.link.settings': 'Einstellungen',
  'popup.sync.signedOut': 'Team-Sync gestoppt: Dieser Browser wurde aus dem Team entfernt. Siehe Einstellungen.',
  'popup.sync.unreachable': 'Team-Sync: Server nicht erreichbar, deine Änderungen bleiben erhalten',
  'popup.sync.team': 'Team-Sync: {team} · {when}',
  'popup.sync.updatedAgo': 'vor {duration} aktualisiert',
  'popup.sync.notYet': 'noch nicht synchronisiert',
  'popup.sync.waiting':
    '{count, plural, one {# Änderung wartet auf das Senden} other {# Änderungen warten auf das Senden}}',
};
