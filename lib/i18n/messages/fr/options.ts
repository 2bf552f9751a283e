import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.page.title': 'Paramètres de DM Handoff',
  'options.page.sections': 'Sections des paramètres',
  'options.nav.team': 'Équipe',
  'options.nav.sync': 'Synchronisation d’équipe',
  'options.nav.calendar': 'Connecter un agenda',
  'options.nav.policy': 'SLA et horaires',
  'options.nav.lists': 'Listes',
  'options.nav.alerts': 'Notifications',
  'options.nav.language': 'Langue',
  'options.nav.backup': 'Sauvegarde et données',
  'options.form.problem': '{path} : {problem}',
  'options.form.discard': 'Annuler les modifications',
  'options.form.reset': 'Rétablir les valeurs par défaut',

  'options.team.heading': 'Équipe',
  'options.team.loading': 'Chargement de l’équipe…',
  'options.team.syncedNote':
    'La synchronisation d’équipe est active : les membres rejoignent l’équipe avec un code d’invitation et le coach les retire (Synchronisation d’équipe, plus bas). Vous êtes connecté en tant que {name}.',
  'options.team.empty': 'Pas encore de membres. Ajoutez-vous d’abord, puis vos setters, assistant·e·s et closers.',
  'options.team.you': '(vous)',
  'options.team.removeConfirm':
    'Retirer {name} de l’équipe ? Ses leads gardent leur historique mais n’ont plus de responsable.',
  'options.team.remove': 'Retirer',
  'options.team.name': 'Nom',
  'options.team.role': 'Rôle',
  'options.team.add': 'Ajouter un membre',
  'options.team.whoAmI': 'Qui suis-je sur ce navigateur',
  'options.team.notSet': 'Non défini',

  'options.status.lastChanged': 'Dernière modification par {name}, {at}.',
  'options.status.readOnly': 'Lecture seule ici.',

  'options.sync.heading': 'Synchronisation d’équipe',
  'options.sync.team': 'Équipe',
  'options.sync.you': 'Vous',
  'options.sync.server': 'Serveur',
  'options.sync.lastSynced': 'Dernière synchronisation',
  'options.sync.never': 'jamais',
  'options.sync.ago': 'il y a {duration}',
  'options.sync.syncing': 'Synchronisation…',
  'options.sync.waiting': 'En attente d’envoi',
  'options.sync.allSent': 'Rien : toutes les modifications sont envoyées',
  'options.sync.changes': '{count, plural, one {# modification} other {# modifications}}',
  'options.sync.signedOut':
    'Le serveur d’équipe n’accepte plus ce navigateur ({reason}). Vos données sont en sécurité ici ; déconnectez-vous et rejoignez l’équipe avec un nouveau code d’invitation.',
  'options.sync.failed':
    'La dernière synchronisation a échoué : {reason}. Vos modifications sont conservées et envoyées dès que le serveur répond.',
  'options.sync.failedRetry':
    'La dernière synchronisation a échoué : {reason}. Vos modifications sont conservées et envoyées dès que le serveur répond (prochain essai dans {duration}).',
  'options.sync.rejected':
    '{count, plural, one {# modification a été refusée par le serveur et mise de côté sur ce navigateur.} other {# modifications ont été refusées par le serveur et mises de côté sur ce navigateur.}}',
  'options.sync.skipped':
    '{count, plural, one {# lead de l’équipe n’est pas affiché sur ce navigateur} other {# leads de l’équipe ne sont pas affichés sur ce navigateur}}',
  'options.sync.now': 'Synchroniser maintenant',
  'options.sync.leave': 'Quitter l’équipe sur ce navigateur',
  'options.sync.leaveConfirm': 'Quitter l’équipe sur ce navigateur ? Vos leads restent ici.',
  'options.sync.leaveConfirmUnsent':
    'Quitter l’équipe sur ce navigateur ? Vos leads restent ici. {count, plural, one {# modification pas encore envoyée reste} other {# modifications pas encore envoyées restent}} uniquement sur ce navigateur.',

  'options.connect.label': 'Se connecter à un serveur d’équipe',
  'options.connect.intro':
    'DM Handoff fonctionne seul. Connectez-vous au serveur de votre équipe pour partager un seul pipeline avec votre coach, vos setters et vos assistant·e·s : les leads suivis sur un navigateur apparaissent sur tous.',
  'options.connect.how': 'Comment se connecter',
  'options.connect.join': 'Rejoindre mon équipe avec un code d’invitation',
  'options.connect.create': 'Créer une nouvelle équipe (je suis le coach)',
  'options.connect.server': 'Adresse du serveur',
  'options.connect.serverExample': 'https://sync.example.com',
  'options.connect.name': 'Votre nom',
  'options.connect.code': 'Code d’invitation',
  'options.connect.teamName': 'Nom de l’équipe',
  'options.connect.connecting': 'Connexion…',
  'options.connect.joinButton': 'Rejoindre l’équipe',
  'options.connect.createButton': 'Créer l’équipe',
  'options.connect.sharedOnJoin':
    'Les leads déjà présents sur ce navigateur sont partagés avec l’équipe quand vous la rejoignez.',
  'options.connect.httpsOnly':
    'Utilisez une adresse https:// pour un serveur d’équipe qui n’est pas sur cet ordinateur.',
  'options.connect.badProtocol':
    'L’adresse du serveur doit commencer par https:// (ou http:// pour un serveur sur cet ordinateur).',
  'options.connect.notAnAddress':
    '« {address} » n’est pas une adresse web. Saisissez-la ainsi : https://sync.example.com',
  'options.connect.permissionDenied':
    'DM Handoff a besoin de votre autorisation pour joindre le serveur d’équipe. Rien n’a été modifié.',

  'options.invites.heading': 'Inviter un membre',
  'options.invites.create': 'Créer un code d’invitation',
  'options.invites.code':
    'Code d’invitation pour {role, select, coach {un coach} closer {un closer} setter {un setter} va {un·e assistant·e} other {un membre de l’équipe}} : {code} (usage unique, expire {expiresAt})',
  'options.invites.members': 'Membres',
  'options.invites.roleOf': 'Rôle de {name}',
  'options.invites.revoked': '{name} · {role} · accès révoqué',
  'options.invites.revoke': 'Révoquer {name}',
  'options.invites.revokeConfirm':
    'Révoquer l’accès de {name} ? Son navigateur arrête immédiatement de se synchroniser.',
  'options.invites.open': 'Invitations ouvertes',
  'options.invites.formerMember': 'un ancien membre',
  'options.invites.cancelConfirm':
    'Annuler l’invitation {role} créée par {maker} ? Son code cesse immédiatement de fonctionner.',
  'options.invites.listFailed': 'Impossible de lister les invitations : {reason}',
  'options.invites.cancelFailed': 'Non annulée : {reason}',
  'options.invites.none': 'Aucune invitation ouverte : chaque code créé a été utilisé, annulé ou a expiré.',
  'options.invites.item': '{role} · créée par {maker} le {createdAt} · expire {expiresAt}',
  'options.invites.cancelLabel': 'Annuler l’invitation {role} créée le {createdAt}',

  'options.matching.listFailed': 'Impossible de lister les membres ajoutés sur ce navigateur : {reason}',
  'options.matching.heading': 'Membres ajoutés sur ce navigateur avant de rejoindre l’équipe',
  'options.matching.intro':
    'Indiquez qui est chacun dans l’équipe : ses leads et son historique passent à ce membre. Un membre qui rejoint plus tard sous le même nom est associé automatiquement. Un ancien membre reste nommé dans l’historique ; ses leads n’ont plus de responsable.',
  'options.matching.nobody': 'Personne dans l’équipe ne s’appelle encore {name}.',
  'options.matching.several':
    '{count, plural, one {# membre de l’équipe s’appelle} other {# membres de l’équipe s’appellent}} {name}.',
  'options.matching.is': '{name} est',
  'options.matching.choose': 'Choisir…',
  'options.matching.revoked': '(accès révoqué)',
  'options.matching.former': 'Garder comme ancien membre',
  'options.matching.saveFor': 'Enregistrer pour {name}',

  'options.calendar.heading': 'Connecter un agenda',
  'options.calendar.intro':
    'Calendly ou Cal.com prévient le serveur d’équipe quand un lead réserve, déplace, annule ou manque un appel, et le lead avance tout seul sur le navigateur de chaque membre. Envoyez aux leads le lien de {copyLink} dans le panneau, pour que chaque réservation nomme son lead.',
  'options.calendar.copyLinkButton': 'Copier le lien de réservation',
  'options.calendar.needsSync':
    'Cela passe par la synchronisation d’équipe : créez ou rejoignez une équipe dans {teamSync}. Un coach seul peut faire tourner le serveur d’équipe pour lui-même.',
  'options.calendar.coachOnly':
    'Le coach de votre équipe connecte l’agenda et définit le lien de réservation de l’équipe.',
  'options.calendar.unreachable': 'Impossible de joindre le serveur d’équipe : {reason}',
  'options.calendar.connecting': 'Connexion…',
  'options.calendar.connect': 'Connecter un agenda',
  'options.calendar.webhooksHeading': 'Où l’agenda envoie ses événements',
  'options.calendar.webhooksIntro':
    'Calendly et Cal.com doivent atteindre cette adresse depuis Internet : le serveur d’équipe a besoin d’une adresse publique (derrière un proxy inverse TLS) ou d’un tunnel. Un serveur uniquement sur cet ordinateur ne peut pas les recevoir.',
  'options.calendar.localAddress':
    'Ce navigateur joint le serveur à une adresse locale. Collez plutôt l’adresse publique de votre proxy ou tunnel, avec le même chemin (/v1/hooks/…).',
  'options.calendar.calendlyUrl': 'URL du webhook Calendly',
  'options.calendar.calendlyHint':
    'L’URL de callback d’un abonnement webhook (API Calendly, événements invitee.created, invitee.canceled, invitee_no_show.created, invitee_no_show.deleted), avec la clé de signature ci-dessous.',
  'options.calendar.calcomUrl': 'URL du webhook Cal.com',
  'options.calendar.calcomHint':
    'Cal.com → Settings → Developer → Webhooks → New : la subscriber URL, avec les déclencheurs Booking created, rescheduled, cancelled et no-show updated, et le secret ci-dessous.',
  'options.calendar.bookingLink': 'Lien de réservation de l’équipe',
  'options.calendar.bookingLinkHint':
    'Votre page de réservation Calendly ou Cal.com. Le bouton {copyLink} de chaque membre y ajoute la référence du lead.',
  'options.calendar.bookingLinkExample': 'https://calendly.com/vous/appel-decouverte',
  'options.calendar.saveLink': 'Enregistrer le lien',
  'options.calendar.wholeAddress': 'Saisissez l’adresse complète, en commençant par https://',
  'options.calendar.linkSaved': 'Enregistré. L’équipe le reçoit à sa prochaine synchronisation.',
  'options.calendar.newSecretConfirm':
    'Créer un nouveau secret de signature ? Calendly et Cal.com seront refusés jusqu’à ce que vous y colliez le nouveau.',
  'options.calendar.secret': 'Secret de signature',
  'options.calendar.secretReplacedHint':
    'Nouveau secret : collez-le maintenant dans l’abonnement Calendly et le webhook Cal.com, l’ancien ne fonctionne plus.',
  'options.calendar.secretHint':
    'La clé de signature de Calendly et le secret de Cal.com. Gardez-le privé : quiconque le possède peut envoyer des événements au nom de votre agenda.',
  'options.calendar.secretHidden': 'Secret de signature : masqué.',
  'options.calendar.secretHiddenMade': 'Secret de signature : masqué (créé {at}).',
  'options.calendar.hideSecret': 'Masquer le secret',
  'options.calendar.showSecret': 'Afficher le secret de signature',
  'options.calendar.newSecret': 'Créer un nouveau secret',
  'options.calendar.matchedBy.reference': 'par la référence du lien',
  'options.calendar.matchedBy.booking': 'par sa réservation précédente',
  'options.calendar.matchedBy.instagram': 'par le pseudo Instagram du formulaire',
  'options.calendar.matchedBy.hand': 'à la main',
  'options.calendar.aLead': 'un lead',
  'options.calendar.leadElsewhere': 'un lead absent de ce navigateur',
  'options.calendar.matched': '{lead} ({how})',
  'options.calendar.unmatched': 'aucun lead associé pour l’instant : voir plus bas',
  'options.calendar.dismissed': 'écarté : pas un lead',
  'options.calendar.test': 'un test, pas de lead',
  'options.calendar.received': 'Reçu',
  'options.calendar.event': 'Événement',
  'options.calendar.lead': 'Lead',
  'options.calendar.outcome': 'Ce qu’il a fait',
  'options.calendar.lastEvent': 'Dernier événement reçu',
  'options.calendar.noEvents':
    'Rien pour l’instant. Réservez un appel test via votre lien, ou utilisez le Ping test de Cal.com.',
  'options.calendar.sending': 'Envoi…',
  'options.calendar.sendTest': 'Envoyer un événement test',
  'options.calendar.checking': 'Vérification…',
  'options.calendar.check': 'Chercher de nouveaux événements',
  'options.calendar.testNote':
    'L’événement test est signé avec le secret et lu comme une livraison Calendly, sur le serveur lui-même : il montre que la connexion fonctionne, pas que Calendly atteint l’adresse publique du serveur.',
  'options.calendar.waiting':
    '{count, plural, =0 {Événements en attente d’un lead} one {Événements en attente d’un lead (#)} other {Événements en attente d’un lead (#)}}',
  'options.calendar.allMatched': 'Aucun : chaque événement a trouvé son lead.',
  'options.calendar.noName': 'Aucun nom indiqué',
  'options.calendar.callAt': 'appel {at}',
  'options.calendar.receivedAt': 'reçu {at}',
  'options.calendar.leadFor': 'Lead pour {who}',
  'options.calendar.leadForEvent': 'Lead pour cet événement',
  'options.calendar.matchToLead': 'Associer à un lead',
  'options.calendar.dismissConfirm': 'Écarter cet événement ? Il ne déplacera aucun lead.',
  'options.calendar.dismiss': 'Pas un lead : écarter',
  'options.calendar.searchLead': 'Nom d’utilisateur ou nom',
  'options.calendar.noLeadMatches': 'Aucun lead ne correspond à « {term} ».',
  'options.calendar.matchTo': 'Associer à {lead}',
  'options.calendar.thisLead': 'ce lead',
  'options.copy.copy': 'Copier',
  'options.copy.label': 'Copier {label}',
  'options.copy.copied': 'Copié.',
  'options.copy.failed': 'Copie impossible : sélectionnez le texte et copiez-le.',

  'options.policy.heading': 'SLA et heures de couverture',
  'options.policy.loadFailed': 'Impossible de charger le SLA : {reason}',
  'options.policy.loading': 'Chargement du SLA…',
  'options.policy.saved': 'Enregistré. Les chronos de chaque lead suivent maintenant ces règles.',
  'options.policy.coverageHeading': 'Heures de couverture',
  'options.policy.save': 'Enregistrer les règles',
  'options.policy.defaultsLoaded':
    'Valeurs par défaut chargées dans le formulaire : enregistrez pour les appliquer, ou annulez.',
  'options.policy.coverageProblem': 'Couverture {path} : {problem}',
  'options.policy.overlap': 'Des heures de couverture se chevauchent. {overlap} : modifiez-en une, ou retirez-la.',

  'options.rule.clockOn': 'Chrono actif',
  'options.rule.ownerRoles': 'Rôles responsables pour {label}',
  'options.rule.window': 'Délai',
  'options.rule.window.duration': 'Sous',
  'options.rule.window.end_of_coverage_day': 'Avant la fin de la journée de couverture',
  'options.rule.window.before_call': 'Avant l’appel',
  'options.rule.minutes': 'Minutes',
  'options.rule.counts': 'Compte',
  'options.rule.basis.coverage': 'Temps ouvré (heures de couverture)',
  'options.rule.basis.calendar': 'Temps calendaire (chaque minute)',
  'options.rule.warnAfter': 'Avertir après (% du délai)',
  'options.rule.noClock': '{label} : pas de chrono',
  'options.rule.who.coach': 'coach',
  'options.rule.who.closer': 'closer',
  'options.rule.who.setter': 'setter',
  'options.rule.who.va': 'assistant·e',
  'options.rule.who.automation': 'IA',
  'options.rule.preview.within':
    '{label} : {who} {trigger, select, reply {répond} stage_follow_up {relance} stage_fields {remplit la passation} other {agit}} sous {duration}',
  'options.rule.preview.withinCalendar':
    '{label} : {who} {trigger, select, reply {répond} stage_follow_up {relance} stage_fields {remplit la passation} other {agit}} sous {duration} (temps calendaire)',
  'options.rule.preview.endOfDay':
    '{label} : {who} {trigger, select, reply {répond} stage_follow_up {relance} stage_fields {remplit la passation} other {agit}} avant la fin de la journée de couverture',
  'options.rule.preview.beforeCall':
    '{label} : {who} {trigger, select, reply {répond} stage_follow_up {relance} stage_fields {remplit la passation} other {agit}} {duration} avant l’appel',
  'options.rule.minutesCount': '{count, plural, one {# minute} other {# minutes}}',
  'options.rule.hoursCount': '{count, plural, one {# heure} other {# heures}}',
  'options.rule.daysCount': '{count, plural, one {# jour} other {# jours}}',
  'options.rule.daysBeforeCount': '{count, plural, one {# jour} other {# jours}}',
  'options.rule.workingMinutesCount': '{count, plural, one {# minute ouvrée} other {# minutes ouvrées}}',
  'options.rule.workingHoursCount': '{count, plural, one {# heure ouvrée} other {# heures ouvrées}}',

  'options.coverage.timeZone': 'Fuseau horaire de l’équipe',
  'options.coverage.caption': 'Heures d’ouverture par jour de la semaine',
  'options.coverage.closed': 'Fermé',
  'options.coverage.opens': '{day} : ouverture',
  'options.coverage.closes': '{day} : fermeture',
  'options.coverage.removeShift': 'Retirer {day} {start}–{end}',
  'options.coverage.addHoursOn': 'Ajouter des heures ({day})',
  'options.coverage.addHours': 'Ajouter des heures',
  'options.coverage.untilMidnight': 'Ouvert jusqu’à minuit',
  'options.coverage.holidays': 'Jours fériés (fermé toute la journée)',
  'options.coverage.noHolidays': 'Aucun.',
  'options.coverage.removeHoliday': 'Retirer le jour férié {date}',
  'options.coverage.addHolidayLabel': 'Ajouter un jour férié',
  'options.coverage.addHoliday': 'Ajouter le jour férié',
  'options.coverage.holidayHint':
    'Ajouté quand vous appuyez sur Entrée, quittez le champ ou cliquez sur Ajouter le jour férié.',
  'options.coverage.holidayIncomplete':
    'Ce n’est pas une date complète : indiquez le jour, le mois et une année à quatre chiffres.',
  'options.coverage.holidayOutOfRange': '{date} n’est pas entre {first} et {last} : vérifiez l’année.',
  'options.coverage.overlapSameDay': '{day} : {first} chevauche {second}',
  'options.coverage.overlapNextDay': '{day} {first} déborde sur {nextDay} {second}',
  'options.weekday.0': 'Lundi',
  'options.weekday.1': 'Mardi',
  'options.weekday.2': 'Mercredi',
  'options.weekday.3': 'Jeudi',
  'options.weekday.4': 'Vendredi',
  'options.weekday.5': 'Samedi',
  'options.weekday.6': 'Dimanche',

  'options.timeZone.list': 'Fuseaux horaires',
  'options.timeZone.current': '(actuel)',
  'options.timeZone.now': '{zone} · il est {time} là-bas',
  'options.timeZone.typeToSearch':
    'Saisissez une ville pour chercher parmi {count, plural, one {# fuseau horaire} other {# fuseaux horaires}}.',
  'options.timeZone.noMatch': 'Aucun fuseau horaire ne correspond à « {query} ».',
  'options.timeZone.found': '{count, plural, one {# fuseau horaire trouvé.} other {# fuseaux horaires trouvés.}}',
  'options.timeZone.foundMany':
    '{count, number} fuseaux horaires trouvés, les {shown, number} premiers affichés : continuez à taper.',

  'options.lists.heading': 'Listes',
  'options.lists.loadFailed': 'Impossible de charger les listes : {reason}',
  'options.lists.loading': 'Chargement des listes…',
  'options.lists.lostReasons': 'Raisons de perte',
  'options.lists.lostReasonsHint': 'Précises, jamais « mort », « froid » ou « peut-être ». Une par ligne.',
  'options.lists.nurtureReasons': 'Raisons de nurturing',
  'options.lists.nurtureReasonsHint': 'Pourquoi un lead attend plus tard. Une par ligne.',
  'options.lists.keywords': 'Mots-clés d’automatisation',
  'options.lists.keywordsHint': 'Un premier message identique à l’un d’eux est un lead par mot-clé.',
  'options.lists.bookingLinkPatterns': 'Modèles de liens de réservation',
  'options.lists.bookingLinkPatternsHint': 'Un domaine, avec un chemin facultatif : calendly.com, votredomaine.fr/rdv.',
  'options.lists.escalation': 'Déclencheurs d’escalade',
  'options.lists.escalationHint':
    'Des mots entiers dans n’importe quelle langue, un par ligne ; terminez par * pour un préfixe (thérap* trouve thérapeute).',
  'options.lists.escalationFieldHint': 'Les phrases qui confient la conversation à un humain.',
  'options.lists.saved': 'Listes enregistrées.',
  'options.lists.save': 'Enregistrer les listes',
  'options.lists.defaultsLoaded':
    'Listes par défaut chargées dans le formulaire : enregistrez pour les appliquer, ou annulez.',

  'options.alerts.heading': 'Notifications',
  'options.alerts.scope': 'Notifier et compter sur le badge',
  'options.alerts.scope.mine': 'Mes leads (définissez « qui suis-je » plus haut)',
  'options.alerts.scope.all': 'Tous les leads',
  'options.alerts.warnings': 'Avertir avant qu’un chrono n’expire',
  'options.alerts.breaches': 'Me prévenir quand un chrono est en retard',
  'options.alerts.quiet': 'Silence en dehors des heures de couverture',
  'options.alerts.snooze': 'Mettre en pause pendant',
  'options.alerts.snoozeMinutes': '{count, plural, one {# minute} other {# minutes}}',
  'options.alerts.snoozeHours': '{count, plural, one {# heure} other {# heures}}',
  'options.alerts.escalations': 'Les escalades notifient toujours, quel que soit leur responsable et l’heure.',

  'options.language.heading': 'Langue',
  'options.language.label': 'L’extension parle',
  'options.language.auto': 'La langue du navigateur ({language})',
  'options.language.note':
    'Les étapes, listes et motifs rédigés par votre équipe restent tels quels, quelle que soit la langue.',

  'options.backup.heading': 'Sauvegarde et données',
  'options.backup.intro':
    'Votre pipeline vous appartient : enregistrez tout (leads, historique, équipe, règles, paramètres) dans un fichier de sauvegarde, ou les leads dans un tableur. Importer une sauvegarde ajoute et met à jour ; elle ne supprime jamais ce qui n’existe qu’ici.',
  'options.backup.exportJson': 'Exporter la sauvegarde (JSON)',
  'options.backup.exportCsv': 'Exporter les leads (CSV)',
  'options.backup.import': 'Importer une sauvegarde…',
  'options.backup.writingCsv': 'Écriture du CSV…',
  'options.backup.writingBackup': 'Écriture de la sauvegarde…',
  'options.backup.savedFile': '{fileName} enregistré.',
  'options.backup.reading': 'Lecture de {fileName}…',
  'options.backup.importing': 'Importation…',
  'options.backup.imported':
    'Importé : {leadsAdded, plural, one {# lead ajouté} other {# leads ajoutés}}, {leadsUpdated, number} mis à jour ; {historyAdded, plural, one {# événement d’historique ajouté} other {# événements d’historique ajoutés}}.',
  'options.backup.rowsImported': 'Lignes importées',
  'options.backup.progress':
    '{done} lignes sur {total}. Gardez cette page ouverte : si elle se ferme avant, rien n’est modifié.',
  'options.backup.nothingChanged': 'Rien n’a été importé ni modifié.',
  'options.backup.preview':
    '{fileName}, exporté {exportedAt}{older, select, yes { (un ancien format de sauvegarde : il sera mis à niveau)} other {}}. Rien n’a encore été écrit.',
  'options.backup.plan': 'Ce que l’importation va faire',
  'options.backup.table.leads': 'Leads',
  'options.backup.table.history': 'Événements d’historique',
  'options.backup.table.members': 'Membres de l’équipe',
  'options.backup.table.settings': 'Paramètres',
  'options.backup.column.add': 'Ajout',
  'options.backup.column.update': 'Mise à jour',
  'options.backup.column.unchanged': 'Inchangé',
  'options.backup.column.keptLocal': 'Seulement ici (conservé)',
  'options.backup.column.skipped': 'Ignoré',
  'options.backup.importButton': 'Importer',

  'options.delete.heading': 'Supprimer toutes les données',
  'options.delete.intro':
    'Supprime de ce navigateur chaque lead, son historique, l’équipe, le SLA, les horaires, les listes et les choix de notification.',
  'options.delete.open': 'Supprimer toutes les données…',
  'options.delete.cannotUndo': 'Cette action est irréversible.',
  'options.delete.warning':
    'Chaque lead, son historique, l’équipe, le SLA, les heures de couverture, les listes et les choix de notification de ce navigateur sont supprimés.',
  'options.delete.leavesTeam':
    'Ce navigateur quitte aussi l’équipe {team} : les données de l’équipe sur son serveur ne sont pas touchées.',
  'options.delete.backupFirst': 'Télécharger d’abord une sauvegarde',
  'options.delete.backupSaved': 'Sauvegarde enregistrée.',
  'options.delete.backupRecommended': 'Recommandé : une sauvegarde permet de tout récupérer (Importer une sauvegarde).',
  'options.delete.confirmWord': 'SUPPRIMER',
  'options.delete.typeToConfirm': 'Saisissez {word} pour confirmer',
  'options.delete.deleting': 'Suppression…',
  'options.delete.submit': 'Supprimer toutes les données',
  'options.delete.report':
    '{leads, plural, one {# lead supprimé} other {# leads supprimés}} avec {history, plural, one {# événement d’historique} other {# événements d’historique}}, {members, plural, one {# membre de l’équipe} other {# membres de l’équipe}} et {settings, plural, one {# paramètre} other {# paramètres}}.',
  'options.delete.reportLeftTeam':
    'Ce navigateur a quitté l’équipe {team} ; les données de l’équipe sur son serveur sont intactes (rejoignez-la avec un nouveau code d’invitation pour les voir ici).',
  'options.delete.failed': 'Non supprimé : {reason}',
  'options.page.workspaceNote':
    'Chaque compte Instagram a son propre pipeline, son équipe, sa politique, ses horaires, ses listes, sa synchronisation et sa sauvegarde ; ces réglages sont ceux du compte choisi.',
};
