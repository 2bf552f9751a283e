import type { background as english } from '../en/background';
import type { Translation } from '../types';

export const background: Translation<typeof english> = {
  'background.alert.breach': 'En retard : {who}',
  'background.alert.reminder': 'Toujours en retard : {who}',
  'background.alert.warning': 'Bientôt dû : {who}',
  'background.alert.someLead': 'Un lead',
  'background.alert.noOwner': 'sans responsable',
  'background.alert.openThread': 'Ouvrir la conversation',
  'background.alert.snooze': 'Reporter',
  'background.escalation.title': 'Escalade : {who}',
  'background.escalation.message': '« {words} » · réponse humaine uniquement · {owner}',
  'background.escalation.messageNoWords': 'réponse humaine uniquement · {owner}',

  'background.badge.overdue': 'DM Handoff : {count, plural, one {# lead en retard} other {# leads en retard}}',
  'background.badge.warning': 'DM Handoff : {count, plural, one {# lead bientôt dû} other {# leads bientôt dus}}',
  'background.badge.clear': 'DM Handoff : tous les leads sont dans les temps',

  'background.menu.openBoard': 'Ouvrir le tableau du pipeline',
  'background.menu.openReview': 'Ouvrir la revue hebdomadaire',

  'background.error.malformed': 'Message mal formé : {details}',
  'background.error.unknownRequest': 'Requête inconnue « {name} »',
  'background.error.invalidRequest': 'Requête « {name} » non valide : {details}',
  'background.error.newerDatabase':
    'Vos données DM Handoff ont été enregistrées par une version plus récente de l’extension. Mettez à jour DM Handoff (chrome://extensions, Mettre à jour) pour les ouvrir ; rien n’a été modifié.',
  'background.error.storageFull':
    'Le stockage du navigateur est plein : rien n’a été enregistré. Libérez de l’espace disque, puis réessayez.',
  'background.error.internal': 'Un problème est survenu lors du traitement de « {name} » : {details}',
  'background.error.leadGone': 'Ce lead n’existe plus. Il a peut-être été supprimé sur un autre appareil.',
  'background.error.leadNotTracked': 'Ce lead n’est plus suivi.',
  'background.error.notesFull': 'Les notes de ce lead sont pleines : raccourcissez-les, puis ajoutez la remarque.',
  'background.error.restoreMissing':
    'Cette modification n’est pas dans l’historique de ce lead, ou n’avait pas de texte précédent.',
  'background.error.restoreNoLongerFits': 'Cette valeur précédente ne convient plus à ce champ.',
  'background.error.memberGone': 'Ce membre de l’équipe n’existe plus.',
  'background.error.syncUnavailable': 'La synchronisation d’équipe n’est pas disponible ici.',
  'background.error.coachOnly': 'Seul le coach peut modifier ces réglages.',
  'background.teamSettings.askCoaches':
    '{team} partage ces réglages : seul son coach peut les modifier. Demandez à {coaches}.',
  'background.teamSettings.askTheCoach':
    '{team} partage ces réglages : seul son coach peut les modifier. Demandez au coach.',
  'background.booking.noLink':
    'Votre équipe n’a pas encore de lien de réservation : un coach l’ajoute dans Options → Connecter un agenda.',

  'background.policy.noWeeklyHours': 'Le calendrier de couverture n’a aucune heure d’ouverture dans sa semaine.',
  'background.policy.neverOpens': 'Le calendrier de couverture n’a aucune heure d’ouverture d’ici {days} jours.',
  'background.policy.windowTooLong':
    '{subject} : le calendrier de couverture ne contient pas {minutes, plural, one {# minute ouvrée} other {# minutes ouvrées}} d’ici {days} jours.',
  'background.policy.windowTooLongHours':
    '{subject} : le calendrier de couverture ne contient pas {hours, plural, one {# heure ouvrée} other {# heures ouvrées}} d’ici {days} jours.',

  'background.sync.notInTeam': 'Ce navigateur ne fait pas encore partie d’une équipe',
  'background.sync.alreadyInTeam':
    'Ce navigateur fait déjà partie d’une équipe : quittez-la d’abord (les modifications pas encore envoyées seraient perdues).',
  'background.sync.notAnAddress': '« {input} » n’est pas une adresse web. Saisissez-la comme https://sync.example.com',
  'background.sync.httpsOnly': 'L’adresse du serveur doit commencer par https:// (ou http:// pour un serveur local)',
  'background.sync.timedOut': 'Le serveur de l’équipe n’a pas répondu en {seconds} s',
  'background.sync.unreachable': 'Impossible de joindre le serveur de l’équipe (hors ligne, ou serveur indisponible)',
  'background.sync.answered': 'Le serveur de l’équipe a répondu {status}',
  'background.sync.garbage': 'Le serveur de l’équipe a envoyé une réponse que DM Handoff ne comprend pas',
  'background.sync.memberMatched': 'Ce membre a déjà été associé, ou le membre de l’équipe n’existe plus.',
  'background.sync.setAside':
    'Le serveur de l’équipe échoue à chaque fois sur cette modification ({details}) ; elle a été mise de côté pour que le reste se synchronise',
  'background.sync.failed': 'La synchronisation a échoué : {details}',

  'background.backup.tooLarge': 'Ce fichier est trop volumineux pour être une sauvegarde DM Handoff.',
  'background.backup.unreadable': 'Le fichier n’a pas pu être lu.',
  'background.backup.notReceived': 'Le fichier n’est pas parvenu à l’extension. Choisissez-le à nouveau.',
  'background.backup.chooseFirst': 'Choisissez d’abord un fichier de sauvegarde.',
  'background.backup.checking': 'Vérification de chaque lead et événement…',
  'background.backup.importing': 'Importation…',
  'background.backup.teamSettingsKept':
    'La politique SLA, les heures de couverture et les listes de ce fichier ne sont pas importées : {reason}',
  'background.workspace.unclaimed': 'Pipeline de ce navigateur',
  'background.workspace.gone': 'Le pipeline de ce compte n’est plus dans ce navigateur.',
  'background.workspace.notUsername': '« {name} » n’est pas un nom d’utilisateur Instagram.',
};
