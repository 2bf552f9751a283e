import type { popup as english } from '../en/popup';
import type { Translation } from '../types';

export const popup: Translation<typeof english> = {
  'popup.whose': 'Leads de qui',
  'popup.scope.mine': 'Les miens',
  'popup.scope.all': 'Tous',
  'popup.scope.chooseMe': 'Affichés : mes leads · indiquez qui vous êtes dans les Paramètres pour les voir',
  'popup.scope.note':
    'Affichés : {shown, select, mine {mes leads} other {tous les leads}} · {badge, select, same {le badge compte ceux-ci} mine {le badge ne compte que les miens} other {le badge compte tous les leads}}',
  'popup.loadingLeads': 'Chargement des leads…',
  'popup.loadError': 'Impossible de charger les leads : {reason}',
  'popup.allOnTime': 'Tous les leads sont dans les temps.',
  'popup.overdue': 'En retard ({count})',
  'popup.dueSoon': 'Bientôt dus ({count})',
  'popup.thread': 'Conversation {id}',
  'popup.noOwner': 'Sans responsable',
  'popup.due': 'échéance {when}',
  'popup.byStage.mine': 'Mes leads ouverts par étape',
  'popup.byStage.all': 'Leads ouverts par étape',
  'popup.noOpenLeads': 'Aucun lead ouvert.',
  'popup.link.board': 'Tableau du pipeline',
  'popup.link.review': 'Bilan hebdomadaire',
  'popup.link.settings': 'Paramètres',
  'popup.sync.signedOut': "Synchro d'équipe arrêtée : ce navigateur a été retiré de l'équipe. Voir les Paramètres.",
  'popup.sync.unreachable': "Synchro d'équipe : serveur injoignable, vos modifications sont conservées",
  'popup.sync.team': "Synchro d'équipe : {team} · {when}",
  'popup.sync.updatedAgo': 'mise à jour il y a {duration}',
  'popup.sync.notYet': 'pas encore synchronisée',
  'popup.sync.waiting':
    "{count, plural, one {# modification en attente d'envoi} other {# modifications en attente d'envoi}}",
};
