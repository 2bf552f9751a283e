import type { options as english } from '../en/options';
import type { Translation } from '../types';

export const options: Translation<typeof english> = {
  'options.page.title': 'DM Handoff – Einstellungen',
  'options.page.sections': 'Bereiche der Einstellungen',
  'options.nav.team': 'Team',
  'options.nav.sync': 'Team-Sync',
  'options.nav.calendar': 'Kalender verbinden',
  'options.nav.policy': 'SLA-Regeln und Zeiten',
  'options.nav.lists': 'Listen',
  'options.nav.alerts': 'Benachrichtigungen',
  'options.nav.language': 'Sprache',
  'options.nav.backup': 'Backup und Daten',
  'options.form.problem': '{path}: {problem}',
  'options.form.discard': 'Änderungen verwerfen',
  'options.form.reset': 'Auf Standard zurücksetzen',

  'options.team.heading': 'Team',
  'options.team.loading': 'Team wird geladen…',
  'options.team.syncedNote':
    'Team-Sync ist an: Teammitglieder treten mit einem Einladungscode bei, und der Coach entfernt sie (Team-Sync, unten). Du bist angemeldet als {name}.',
  'options.team.empty':
    'Noch keine Teammitglieder. Füge zuerst dich selbst hinzu, dann deine Setter, Assistenzen und Closer.',
  'options.team.you': '(du)',
  'options.team.removeConfirm':
    '{name} aus dem Team entfernen? Die Leads behalten ihren Verlauf, haben aber niemanden mehr, der sie betreut.',
  'options.team.remove': 'Entfernen',
  'options.team.name': 'Name',
  'options.team.role': 'Rolle',
  'options.team.add': 'Mitglied hinzufügen',
  'options.team.whoAmI': 'Wer bin ich in diesem Browser',
  'options.team.notSet': 'Nicht festgelegt',

  'options.status.lastChanged': 'Zuletzt geändert von {name}, {at}.',
  'options.status.readOnly': 'Hier nur lesbar.',

  'options.sync.heading': 'Team-Sync',
  'options.sync.team': 'Team',
  'options.sync.you': 'Du',
  'options.sync.server': 'Server',
  'options.sync.lastSynced': 'Zuletzt synchronisiert',
  'options.sync.never': 'nie',
  'options.sync.ago': 'vor {duration}',
  'options.sync.syncing': 'Wird synchronisiert…',
  'options.sync.waiting': 'Wartet auf Versand',
  'options.sync.allSent': 'Nichts: alle Änderungen gesendet',
  'options.sync.changes': '{count, plural, one {# Änderung} other {# Änderungen}}',
  'options.sync.signedOut':
    'Der Team-Server akzeptiert diesen Browser nicht mehr ({reason}). Deine Daten sind hier sicher; melde dich ab und tritt mit einem neuen Einladungscode wieder bei.',
  'options.sync.failed':
    'Letzte Synchronisierung fehlgeschlagen: {reason}. Deine Änderungen bleiben erhalten und werden gesendet, sobald der Server antwortet.',
  'options.sync.failedRetry':
    'Letzte Synchronisierung fehlgeschlagen: {reason}. Deine Änderungen bleiben erhalten und werden gesendet, sobald der Server antwortet (nächster Versuch in {duration}).',
  'options.sync.rejected':
    '{count, plural, one {# Änderung wurde vom Server abgelehnt und in diesem Browser zurückgelegt.} other {# Änderungen wurden vom Server abgelehnt und in diesem Browser zurückgelegt.}}',
  'options.sync.skipped':
    '{count, plural, one {# Team-Lead wird in diesem Browser nicht angezeigt} other {# Team-Leads werden in diesem Browser nicht angezeigt}}',
  'options.sync.now': 'Jetzt synchronisieren',
  'options.sync.leave': 'Team in diesem Browser verlassen',
  'options.sync.leaveConfirm': 'Das Team in diesem Browser verlassen? Deine Leads bleiben hier.',
  'options.sync.leaveConfirmUnsent':
    'Das Team in diesem Browser verlassen? Deine Leads bleiben hier. {count, plural, one {# noch nicht gesendete Änderung bleibt} other {# noch nicht gesendete Änderungen bleiben}} nur in diesem Browser.',

  'options.connect.label': 'Mit einem Team-Server verbinden',
  'options.connect.intro':
    'DM Handoff funktioniert auch allein. Verbinde dich mit dem Server deines Teams, um eine gemeinsame Pipeline mit deinem Coach, deinen Settern und Assistenzen zu nutzen: Leads, die in einem Browser erfasst werden, erscheinen in allen.',
  'options.connect.how': 'Wie verbinden',
  'options.connect.join': 'Meinem Team mit einem Einladungscode beitreten',
  'options.connect.create': 'Ein neues Team gründen (ich bin der Coach)',
  'options.connect.server': 'Serveradresse',
  'options.connect.serverExample': 'https://sync.example.com',
  'options.connect.name': 'Dein Name',
  'options.connect.code': 'Einladungscode',
  'options.connect.teamName': 'Teamname',
  'options.connect.connecting': 'Wird verbunden…',
  'options.connect.joinButton': 'Team beitreten',
  'options.connect.createButton': 'Team erstellen',
  'options.connect.sharedOnJoin': 'Leads, die schon in diesem Browser sind, werden beim Beitritt mit dem Team geteilt.',
  'options.connect.httpsOnly':
    'Verwende eine https://-Adresse für einen Team-Server, der nicht auf diesem Computer läuft.',
  'options.connect.badProtocol':
    'Die Serveradresse muss mit https:// beginnen (oder mit http:// für einen Server auf diesem Computer).',
  'options.connect.notAnAddress': '„{address}“ ist keine Webadresse. Gib sie so ein: https://sync.example.com',
  'options.connect.permissionDenied':
    'DM Handoff braucht deine Erlaubnis, um den Team-Server zu erreichen. Es wurde nichts geändert.',

  'options.invites.heading': 'Teammitglied einladen',
  'options.invites.create': 'Einladungscode erstellen',
  'options.invites.code':
    'Einladungscode für {role, select, coach {einen Coach} closer {einen Closer} setter {einen Setter} va {eine Assistenz} other {ein Teammitglied}}: {code} (einmalig gültig, läuft ab {expiresAt})',
  'options.invites.members': 'Mitglieder',
  'options.invites.roleOf': 'Rolle von {name}',
  'options.invites.revoked': '{name} · {role} · Zugang entzogen',
  'options.invites.revoke': '{name} den Zugang entziehen',
  'options.invites.revokeConfirm':
    '{name} den Zugang entziehen? Der Browser dieser Person hört sofort auf zu synchronisieren.',
  'options.invites.open': 'Offene Einladungen',
  'options.invites.formerMember': 'ein ehemaliges Mitglied',
  'options.invites.cancelConfirm':
    'Die Einladung als {role} von {maker} zurückziehen? Ihr Code funktioniert sofort nicht mehr.',
  'options.invites.listFailed': 'Die Einladungen konnten nicht geladen werden: {reason}',
  'options.invites.cancelFailed': 'Nicht zurückgezogen: {reason}',
  'options.invites.none':
    'Keine offenen Einladungen: jeder erstellte Code wurde genutzt, zurückgezogen oder ist abgelaufen.',
  'options.invites.item': '{role} · erstellt von {maker} am {createdAt} · läuft ab {expiresAt}',
  'options.invites.cancelLabel': 'Einladung als {role} vom {createdAt} zurückziehen',

  'options.matching.listFailed': 'Die in diesem Browser angelegten Mitglieder konnten nicht geladen werden: {reason}',
  'options.matching.heading': 'Vor dem Beitritt in diesem Browser angelegte Mitglieder',
  'options.matching.intro':
    'Sag, wer jede Person im Team ist: Ihre Leads und ihr Verlauf gehen an dieses Mitglied. Wer später unter demselben Namen beitritt, wird automatisch zugeordnet. Ein ehemaliges Mitglied bleibt im Verlauf genannt; seine Leads haben dann niemanden mehr, der sie betreut.',
  'options.matching.nobody': 'Im Team heißt noch niemand {name}.',
  'options.matching.several': '{count, plural, one {# Teammitglied heißt} other {# Teammitglieder heißen}} {name}.',
  'options.matching.is': '{name} ist',
  'options.matching.choose': 'Auswählen…',
  'options.matching.revoked': '(Zugang entzogen)',
  'options.matching.former': 'Als ehemaliges Mitglied behalten',
  'options.matching.saveFor': 'Für {name} speichern',

  'options.calendar.heading': 'Kalender verbinden',
  'options.calendar.intro':
    'Calendly oder Cal.com meldet dem Team-Server, wenn ein Lead einen Call bucht, verschiebt, absagt oder verpasst, und der Lead wandert in jedem Browser des Teams von selbst weiter. Schick Leads den Link über {copyLink} im Panel, damit jede Buchung ihren Lead nennt.',
  'options.calendar.copyLinkButton': 'Buchungslink kopieren',
  'options.calendar.needsSync':
    'Das läuft über den Team-Sync: Gründe ein Team oder tritt einem bei unter {teamSync}. Ein Coach allein kann den Team-Server auch nur für sich betreiben.',
  'options.calendar.coachOnly':
    'Der Coach deines Teams verbindet den Kalender und legt den Buchungslink des Teams fest.',
  'options.calendar.unreachable': 'Der Team-Server ist nicht erreichbar: {reason}',
  'options.calendar.connecting': 'Wird verbunden…',
  'options.calendar.connect': 'Kalender verbinden',
  'options.calendar.webhooksHeading': 'Wohin der Kalender seine Ereignisse sendet',
  'options.calendar.webhooksIntro':
    'Calendly und Cal.com müssen diese Adresse aus dem Internet erreichen: Der Team-Server braucht eine öffentliche Adresse (hinter einem TLS-Reverse-Proxy) oder einen Tunnel. Ein Server nur auf diesem Computer kann sie nicht empfangen.',
  'options.calendar.localAddress':
    'Dieser Browser erreicht den Server unter einer lokalen Adresse. Füge stattdessen die öffentliche Adresse deines Proxys oder Tunnels ein, mit demselben Pfad (/v1/hooks/…).',
  'options.calendar.calendlyUrl': 'Calendly-Webhook-URL',
  'options.calendar.calendlyHint':
    'Die Callback-URL eines Webhook-Abonnements (Calendly-API, Ereignisse invitee.created, invitee.canceled, invitee_no_show.created, invitee_no_show.deleted), mit dem Signaturschlüssel unten.',
  'options.calendar.calcomUrl': 'Cal.com-Webhook-URL',
  'options.calendar.calcomHint':
    'Cal.com → Settings → Developer → Webhooks → New: die Subscriber-URL, mit den Triggern Booking created, rescheduled, cancelled und no-show updated, und dem Secret unten.',
  'options.calendar.bookingLink': 'Buchungslink des Teams',
  'options.calendar.bookingLinkHint':
    'Deine Calendly- oder Cal.com-Buchungsseite. {copyLink} hängt für jedes Teammitglied die Referenz des Leads daran.',
  'options.calendar.bookingLinkExample': 'https://calendly.com/du/erstgespraech',
  'options.calendar.saveLink': 'Link speichern',
  'options.calendar.wholeAddress': 'Gib die ganze Adresse ein, beginnend mit https://',
  'options.calendar.linkSaved': 'Gespeichert. Dein Team erhält ihn mit der nächsten Synchronisierung.',
  'options.calendar.newSecretConfirm':
    'Ein neues Signatur-Secret erstellen? Calendly und Cal.com werden abgewiesen, bis du das neue dort einfügst.',
  'options.calendar.secret': 'Signatur-Secret',
  'options.calendar.secretReplacedHint':
    'Neues Secret: Füge es jetzt in das Calendly-Abonnement und den Cal.com-Webhook ein, das alte funktioniert nicht mehr.',
  'options.calendar.secretHint':
    'Der Signaturschlüssel für Calendly und das Secret für Cal.com. Halte es geheim: Wer es hat, kann Ereignisse im Namen deines Kalenders senden.',
  'options.calendar.secretHidden': 'Signatur-Secret: verborgen.',
  'options.calendar.secretHiddenMade': 'Signatur-Secret: verborgen (erstellt {at}).',
  'options.calendar.hideSecret': 'Secret verbergen',
  'options.calendar.showSecret': 'Signatur-Secret anzeigen',
  'options.calendar.newSecret': 'Neues Secret erstellen',
  'options.calendar.matchedBy.reference': 'über die Referenz im Link',
  'options.calendar.matchedBy.booking': 'über die frühere Buchung',
  'options.calendar.matchedBy.instagram': 'über den Instagram-Namen im Formular',
  'options.calendar.matchedBy.hand': 'von Hand',
  'options.calendar.aLead': 'ein Lead',
  'options.calendar.leadElsewhere': 'ein Lead, der nicht in diesem Browser ist',
  'options.calendar.matched': '{lead} ({how})',
  'options.calendar.unmatched': 'noch kein Lead zugeordnet: siehe unten',
  'options.calendar.dismissed': 'verworfen: kein Lead',
  'options.calendar.test': 'ein Test, kein Lead',
  'options.calendar.received': 'Empfangen',
  'options.calendar.event': 'Ereignis',
  'options.calendar.lead': 'Lead',
  'options.calendar.outcome': 'Was passiert ist',
  'options.calendar.lastEvent': 'Zuletzt empfangenes Ereignis',
  'options.calendar.noEvents':
    'Noch nichts. Buche einen Test-Call über deinen Link oder nutze den Ping-Test von Cal.com.',
  'options.calendar.sending': 'Wird gesendet…',
  'options.calendar.sendTest': 'Testereignis senden',
  'options.calendar.checking': 'Wird geprüft…',
  'options.calendar.check': 'Nach neuen Ereignissen suchen',
  'options.calendar.testNote':
    'Das Testereignis wird mit dem Secret signiert und auf dem Server selbst wie eine Calendly-Zustellung gelesen: Es zeigt, dass die Verbindung funktioniert, nicht, dass Calendly die öffentliche Adresse des Servers erreicht.',
  'options.calendar.waiting':
    '{count, plural, =0 {Ereignisse, die auf einen Lead warten} one {Ereignisse, die auf einen Lead warten (#)} other {Ereignisse, die auf einen Lead warten (#)}}',
  'options.calendar.allMatched': 'Keine: Jedes Ereignis hat seinen Lead gefunden.',
  'options.calendar.noName': 'Kein Name angegeben',
  'options.calendar.callAt': 'Call {at}',
  'options.calendar.receivedAt': 'empfangen {at}',
  'options.calendar.leadFor': 'Lead für {who}',
  'options.calendar.leadForEvent': 'Lead für dieses Ereignis',
  'options.calendar.matchToLead': 'Einem Lead zuordnen',
  'options.calendar.dismissConfirm': 'Dieses Ereignis verwerfen? Es verändert keinen Lead.',
  'options.calendar.dismiss': 'Kein Lead: verwerfen',
  'options.calendar.searchLead': 'Benutzername oder Name',
  'options.calendar.noLeadMatches': 'Kein Lead passt zu „{term}“.',
  'options.calendar.matchTo': '{lead} zuordnen',
  'options.calendar.thisLead': 'diesen Lead',
  'options.copy.copy': 'Kopieren',
  'options.copy.label': '{label} kopieren',
  'options.copy.copied': 'Kopiert.',
  'options.copy.failed': 'Kopieren nicht möglich: Markiere den Text und kopiere ihn.',

  'options.policy.heading': 'SLA-Regeln und Servicezeiten',
  'options.policy.loadFailed': 'Die SLA-Regeln konnten nicht geladen werden: {reason}',
  'options.policy.loading': 'SLA-Regeln werden geladen…',
  'options.policy.saved': 'Gespeichert. Die Uhren aller Leads folgen jetzt diesen Regeln.',
  'options.policy.coverageHeading': 'Servicezeiten',
  'options.policy.save': 'Regeln speichern',
  'options.policy.defaultsLoaded':
    'Standardwerte ins Formular geladen: Speichere, um sie zu übernehmen, oder verwirf sie.',
  'options.policy.coverageProblem': 'Servicezeiten {path}: {problem}',
  'options.policy.overlap': 'Servicezeiten überschneiden sich. {overlap}: Ändere eine davon oder entferne sie.',

  'options.rule.clockOn': 'Uhr an',
  'options.rule.ownerRoles': 'Zuständige Rollen für {label}',
  'options.rule.window': 'Frist',
  'options.rule.window.duration': 'Innerhalb von',
  'options.rule.window.end_of_coverage_day': 'Bis Ende des Servicetags',
  'options.rule.window.before_call': 'Vor dem Call',
  'options.rule.minutes': 'Minuten',
  'options.rule.counts': 'Zählt',
  'options.rule.basis.coverage': 'Arbeitszeit (Servicezeiten)',
  'options.rule.basis.calendar': 'Kalenderzeit (jede Minute)',
  'options.rule.warnAfter': 'Warnen nach (% der Frist)',
  'options.rule.noClock': '{label}: keine Uhr',
  'options.rule.who.coach': 'Coach',
  'options.rule.who.closer': 'Closer',
  'options.rule.who.setter': 'Setter',
  'options.rule.who.va': 'Assistenz',
  'options.rule.who.automation': 'KI',
  'options.rule.preview.within':
    '{label}: {who} {trigger, select, reply {antwortet innerhalb von {duration}} stage_follow_up {fasst innerhalb von {duration} nach} stage_fields {füllt die Übergabe innerhalb von {duration} aus} other {handelt innerhalb von {duration}}}',
  'options.rule.preview.withinCalendar':
    '{label}: {who} {trigger, select, reply {antwortet innerhalb von {duration}} stage_follow_up {fasst innerhalb von {duration} nach} stage_fields {füllt die Übergabe innerhalb von {duration} aus} other {handelt innerhalb von {duration}}} (Kalenderzeit)',
  'options.rule.preview.endOfDay':
    '{label}: {who} {trigger, select, reply {antwortet bis zum Ende des Servicetags} stage_follow_up {fasst bis zum Ende des Servicetags nach} stage_fields {füllt die Übergabe bis zum Ende des Servicetags aus} other {handelt bis zum Ende des Servicetags}}',
  'options.rule.preview.beforeCall':
    '{label}: {who} {trigger, select, reply {antwortet {duration} vor dem Call} stage_follow_up {fasst {duration} vor dem Call nach} stage_fields {füllt die Übergabe {duration} vor dem Call aus} other {handelt {duration} vor dem Call}}',
  'options.rule.minutesCount': '{count, plural, one {# Minute} other {# Minuten}}',
  'options.rule.hoursCount': '{count, plural, one {# Stunde} other {# Stunden}}',
  'options.rule.daysCount': '{count, plural, one {# Tag} other {# Tagen}}',
  'options.rule.daysBeforeCount': '{count, plural, one {# Tag} other {# Tage}}',
  'options.rule.workingMinutesCount': '{count, plural, one {# Arbeitsminute} other {# Arbeitsminuten}}',
  'options.rule.workingHoursCount': '{count, plural, one {# Arbeitsstunde} other {# Arbeitsstunden}}',

  'options.coverage.timeZone': 'Zeitzone des Teams',
  'options.coverage.caption': 'Servicezeiten nach Wochentag',
  'options.coverage.closed': 'Geschlossen',
  'options.coverage.opens': '{day} öffnet',
  'options.coverage.closes': '{day} schließt',
  'options.coverage.removeShift': '{day} {start}–{end} entfernen',
  'options.coverage.addHoursOn': 'Zeiten am {day} hinzufügen',
  'options.coverage.addHours': 'Zeiten hinzufügen',
  'options.coverage.untilMidnight': 'Bis Mitternacht geöffnet',
  'options.coverage.holidays': 'Feiertage (ganztägig geschlossen)',
  'options.coverage.noHolidays': 'Keine.',
  'options.coverage.removeHoliday': 'Feiertag {date} entfernen',
  'options.coverage.addHolidayLabel': 'Feiertag hinzufügen',
  'options.coverage.addHoliday': 'Feiertag hinzufügen',
  'options.coverage.holidayHint':
    'Wird hinzugefügt, wenn du Enter drückst, das Feld verlässt oder auf „Feiertag hinzufügen“ klickst.',
  'options.coverage.holidayIncomplete':
    'Das ist kein vollständiges Datum: Gib Tag, Monat und ein vierstelliges Jahr an.',
  'options.coverage.holidayOutOfRange': '{date} liegt nicht zwischen {first} und {last}: Prüfe das Jahr.',
  'options.coverage.overlapSameDay': '{day}: {first} überschneidet sich mit {second}',
  'options.coverage.overlapNextDay': '{day} {first} reicht in {nextDay} {second} hinein',
  'options.weekday.0': 'Montag',
  'options.weekday.1': 'Dienstag',
  'options.weekday.2': 'Mittwoch',
  'options.weekday.3': 'Donnerstag',
  'options.weekday.4': 'Freitag',
  'options.weekday.5': 'Samstag',
  'options.weekday.6': 'Sonntag',

  'options.timeZone.list': 'Zeitzonen',
  'options.timeZone.current': '(aktuell)',
  'options.timeZone.now': '{zone} · dort jetzt {time}',
  'options.timeZone.typeToSearch':
    'Tippe eine Stadt, um {count, plural, one {# Zeitzone} other {# Zeitzonen}} zu durchsuchen.',
  'options.timeZone.noMatch': 'Keine Zeitzone passt zu „{query}“.',
  'options.timeZone.found': '{count, plural, one {# Zeitzone gefunden.} other {# Zeitzonen gefunden.}}',
  'options.timeZone.foundMany':
    '{count, number} Zeitzonen gefunden, die ersten {shown, number} angezeigt: Tippe weiter.',

  'options.lists.heading': 'Listen',
  'options.lists.loadFailed': 'Die Listen konnten nicht geladen werden: {reason}',
  'options.lists.loading': 'Listen werden geladen…',
  'options.lists.lostReasons': 'Verlustgründe',
  'options.lists.lostReasonsHint': 'Konkret, nie „tot“, „kalt“ oder „vielleicht“. Einer pro Zeile.',
  'options.lists.nurtureReasons': 'Nurturing-Gründe',
  'options.lists.nurtureReasonsHint': 'Warum ein Lead auf später wartet. Einer pro Zeile.',
  'options.lists.keywords': 'Automations-Keywords',
  'options.lists.keywordsHint': 'Eine erste Nachricht, die genau einem davon entspricht, ist ein Keyword-Lead.',
  'options.lists.bookingLinkPatterns': 'Muster für Buchungslinks',
  'options.lists.bookingLinkPatternsHint': 'Ein Host, optional mit Pfad: calendly.com, deinedomain.de/buchen.',
  'options.lists.escalation': 'Eskalationsauslöser',
  'options.lists.escalationHint':
    'Ganze Wörter in jeder Sprache, eines pro Zeile; ein * am Ende steht für einen Wortanfang (therap* findet Therapeut).',
  'options.lists.escalationFieldHint': 'Formulierungen, die den Chat an einen Menschen übergeben.',
  'options.lists.saved': 'Listen gespeichert.',
  'options.lists.save': 'Listen speichern',
  'options.lists.defaultsLoaded':
    'Standardlisten ins Formular geladen: Speichere, um sie zu übernehmen, oder verwirf sie.',

  'options.alerts.heading': 'Benachrichtigungen',
  'options.alerts.scope': 'Benachrichtigen und auf dem Badge zählen',
  'options.alerts.scope.mine': 'Meine Leads („Wer bin ich“ oben festlegen)',
  'options.alerts.scope.all': 'Alle Leads',
  'options.alerts.warnings': 'Warnen, bevor eine Uhr abläuft',
  'options.alerts.breaches': 'Melden, wenn eine Uhr überfällig ist',
  'options.alerts.quiet': 'Still außerhalb der Servicezeiten',
  'options.alerts.snooze': 'Schlummern für',
  'options.alerts.snoozeMinutes': '{count, plural, one {# Minute} other {# Minuten}}',
  'options.alerts.snoozeHours': '{count, plural, one {# Stunde} other {# Stunden}}',
  'options.alerts.escalations': 'Eskalationen melden sich immer, egal wem sie gehören und zu welcher Uhrzeit.',

  'options.language.heading': 'Sprache',
  'options.language.label': 'Die Erweiterung spricht',
  'options.language.auto': 'Die Sprache des Browsers ({language})',
  'options.language.note':
    'Phasen, Listen und Gründe, die dein Team selbst geschrieben hat, bleiben genau so, wie sie geschrieben wurden – in jeder Sprache.',

  'options.backup.heading': 'Backup und Daten',
  'options.backup.intro':
    'Deine Pipeline gehört dir: Speichere alles (Leads, Verlauf, Team, Regeln, Einstellungen) als Backup-Datei oder die Leads als Tabelle. Ein importiertes Backup fügt hinzu und aktualisiert; es löscht nie, was es nur hier gibt.',
  'options.backup.exportJson': 'Backup exportieren (JSON)',
  'options.backup.exportCsv': 'Leads exportieren (CSV)',
  'options.backup.import': 'Backup importieren…',
  'options.backup.writingCsv': 'CSV wird geschrieben…',
  'options.backup.writingBackup': 'Backup wird geschrieben…',
  'options.backup.savedFile': '{fileName} gespeichert.',
  'options.backup.reading': '{fileName} wird gelesen…',
  'options.backup.importing': 'Wird importiert…',
  'options.backup.imported':
    'Importiert: {leadsAdded, plural, one {# Lead hinzugefügt} other {# Leads hinzugefügt}}, {leadsUpdated, number} aktualisiert; {historyAdded, plural, one {# Verlaufseintrag hinzugefügt} other {# Verlaufseinträge hinzugefügt}}.',
  'options.backup.rowsImported': 'Importierte Zeilen',
  'options.backup.progress':
    '{done} von {total} Zeilen. Lass diese Seite offen: Wird sie vorher geschlossen, ändert sich nichts.',
  'options.backup.nothingChanged': 'Es wurde nichts importiert oder geändert.',
  'options.backup.preview':
    '{fileName}, exportiert {exportedAt}{older, select, yes { (ein älteres Backup-Format: es wird aktualisiert)} other {}}. Noch wurde nichts geschrieben.',
  'options.backup.plan': 'Was der Import tun wird',
  'options.backup.table.leads': 'Leads',
  'options.backup.table.history': 'Verlaufseinträge',
  'options.backup.table.members': 'Teammitglieder',
  'options.backup.table.settings': 'Einstellungen',
  'options.backup.column.add': 'Neu',
  'options.backup.column.update': 'Aktualisiert',
  'options.backup.column.unchanged': 'Unverändert',
  'options.backup.column.keptLocal': 'Nur hier (bleibt)',
  'options.backup.column.skipped': 'Übersprungen',
  'options.backup.importButton': 'Importieren',

  'options.delete.heading': 'Alle Daten löschen',
  'options.delete.intro':
    'Entfernt jeden Lead, seinen Verlauf, das Team, die SLA-Regeln, Zeiten, Listen und Benachrichtigungseinstellungen aus diesem Browser.',
  'options.delete.open': 'Alle Daten löschen…',
  'options.delete.cannotUndo': 'Das lässt sich nicht rückgängig machen.',
  'options.delete.warning':
    'Jeder Lead, sein Verlauf, das Team, die SLA-Regeln, Servicezeiten, Listen und Benachrichtigungseinstellungen in diesem Browser werden gelöscht.',
  'options.delete.leavesTeam':
    'Dieser Browser verlässt außerdem das Team {team}: Die Daten des Teams auf seinem Server bleiben unberührt.',
  'options.delete.backupFirst': 'Zuerst ein Backup herunterladen',
  'options.delete.backupSaved': 'Backup gespeichert.',
  'options.delete.backupRecommended': 'Empfohlen: Mit einem Backup holst du alles zurück (Backup importieren).',
  'options.delete.confirmWord': 'LÖSCHEN',
  'options.delete.typeToConfirm': 'Gib {word} ein, um zu bestätigen',
  'options.delete.deleting': 'Wird gelöscht…',
  'options.delete.submit': 'Alle Daten löschen',
  'options.delete.report':
    '{leads, plural, one {# Lead} other {# Leads}} mit {history, plural, one {# Verlaufseintrag} other {# Verlaufseinträgen}}, {members, plural, one {# Teammitglied} other {# Teammitgliedern}} und {settings, plural, one {# Einstellung} other {# Einstellungen}} gelöscht.',
  'options.delete.reportLeftTeam':
    'Dieser Browser hat das Team {team} verlassen; die Daten des Teams auf seinem Server bleiben unberührt (tritt mit einem neuen Einladungscode wieder bei, um sie hier zu sehen).',
  'options.delete.failed': 'Nicht gelöscht: {reason}',
  'options.page.workspaceNote':
    'Jedes Instagram-Konto hat eigene Pipeline, eigenes Team, eigene Richtlinie, Zeiten, Listen, Team-Sync und Backup; diese Einstellungen gelten für das gewählte Konto.',
};
