# Deutsch (Standardsprache). Jede Zeichenkette der Oberfläche steht hier und in en/ und fr/.

lang-name = Deutsch
skip-to-content = Zum Inhalt springen
official-site = Offizielles Serviceportal des Landes { $region }
language-switcher-label = Sprache wählen
footer-nav-label = Rechtliches und Barrierefreiheit
footer-imprint = Impressum
footer-privacy = Datenschutz
footer-accessibility = Barrierefreiheit
footer-easy-language = Leichte Sprache
footer-sign-language = Gebärdensprache
title-error-prefix = Fehler: { $title }
manifest-description = Verwaltungsleistungen finden und online beantragen.
form-optional = optional
contact-email = E-Mail
contact-phone = Telefon

home-title = Startseite
home-heading = Serviceportal { $region }
home-lead = Hier finden Sie die Verwaltungsleistungen des Landes { $region } und seiner Kommunen – und erledigen viele davon online.
home-about-heading = Was Sie hier erwarten können
home-about-text = Das Serviceportal zeigt Ihnen, welche Behörde für Ihr Anliegen an Ihrem Wohnort zuständig ist, welche Unterlagen Sie brauchen und was es kostet. Mit einem Servicekonto speichern Sie Ihre Angaben, Entwürfe und Anträge und erhalten Antworten der Behörden in Ihr Postfach.
home-cards-label = Informationen zum Portal
home-card-easy-language = Das Portal in einfachen Worten erklärt.
home-card-sign-language = Informationen in Deutscher Gebärdensprache.
home-card-accessibility = Wie barrierefrei das Portal ist und wie Sie uns Barrieren melden.

not-found-title = Seite nicht gefunden
not-found-lead = Die Adresse ist falsch geschrieben oder die Seite gibt es nicht mehr.
not-found-home = Zur Startseite
not-found-report = Einen Fehler auf dieser Website melden

error-page-title = Es ist ein Fehler aufgetreten
error-page-lead = Ihre Eingaben konnten wegen eines technischen Problems nicht gespeichert werden. Bitte versuchen Sie es später noch einmal.
error-page-reference = Wenn Sie uns deswegen kontaktieren, nennen Sie bitte diese Kennung:

offline-title = Keine Verbindung
offline-lead = Ihr Gerät ist gerade nicht mit dem Internet verbunden. Sobald die Verbindung wieder besteht, können Sie weitermachen.
offline-retry = Erneut versuchen

error-summary-title = Bitte prüfen Sie Ihre Angaben
error-bad-request = Die Anfrage konnte nicht verarbeitet werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-forbidden = Diese Anfrage ist nicht erlaubt. Bitte laden Sie die Seite neu.
error-not-found = Das Gesuchte wurde nicht gefunden.
error-too-large = Ihre Eingabe ist zu groß, um sie zu senden. Bitte kürzen Sie sie.
error-too-many = Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.
error-internal = Wegen eines technischen Problems konnten wir Ihre Eingabe nicht speichern. Bitte versuchen Sie es später noch einmal.
error-network = Der Server ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung; Ihre Eingaben bleiben erhalten.

accessibility-title = Erklärung zur Barrierefreiheit
accessibility-lead = { $operator } ist bemüht, das { $site } barrierefrei zugänglich zu machen, nach dem Behindertengleichstellungsrecht des Bundes und der Länder und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0). Diese Erklärung gilt für { $url }.
accessibility-status-heading = Stand der Vereinbarkeit mit den Anforderungen
accessibility-status-text = Das Serviceportal ist wegen der unten genannten Einschränkungen teilweise mit der BITV 2.0 und der europäischen Norm EN 301 549 (die WCAG 2.1 auf Stufe AA umsetzt) vereinbar.
accessibility-limitations-heading = Nicht barrierefreie Inhalte
accessibility-limitation-sign-language = Videos in Deutscher Gebärdensprache gibt es noch nicht. Die Seite „Gebärdensprache“ beschreibt, was sie zeigen werden und wie Sie bis dahin Hilfe bekommen.
accessibility-limitation-easy-language = In Leichter Sprache wird bisher das Portal selbst erklärt, noch nicht jede einzelne Verwaltungsleistung.
accessibility-limitation-external = Links führen teilweise zu Websites anderer Behörden. Für deren Barrierefreiheit sind diese Behörden verantwortlich.
accessibility-method-heading = Erstellung dieser Erklärung
accessibility-method-text = Diese Erklärung wurde am { $date } erstellt und beruht auf einer Selbstbewertung: Jede Seite wird bei jeder Änderung automatisch nach WCAG 2.1 Stufe AA geprüft (axe-core), alle Abläufe werden nur mit der Tastatur und ohne JavaScript getestet.
accessibility-contact-heading = Barrieren melden: Kontakt
accessibility-contact-text = Sind Ihnen Barrieren auf dieser Website aufgefallen? Brauchen Sie Inhalte in einer anderen, barrierefreien Form? Schreiben Sie uns über das Formular unten, per E-Mail, oder rufen Sie uns an.
accessibility-enforcement-heading = Schlichtungsverfahren
accessibility-enforcement-text = Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Schlichtungsstelle wenden. Das Verfahren ist kostenlos und Sie brauchen keinen Rechtsbeistand.

feedback-heading = Rückmeldung zur Barrierefreiheit
feedback-intro = Nur Ihre Nachricht ist ein Pflichtfeld. Wenn Sie eine E-Mail-Adresse angeben, antworten wir Ihnen.
feedback-name-label = Ihr Name
feedback-name-hint = Damit wir Sie ansprechen können.
feedback-email-label = Ihre E-Mail-Adresse
feedback-email-hint = Nur wenn Sie eine Antwort möchten. Zum Beispiel: name@beispiel.de
feedback-page-label = Betroffene Seite
feedback-page-hint = Die Adresse oder der Name der Seite, zum Beispiel: Startseite
feedback-message-label = Ihre Nachricht
feedback-message-hint = Beschreiben Sie bitte, was nicht funktioniert hat. Höchstens 5000 Zeichen.
feedback-name-too-long = Ihr Name darf höchstens 200 Zeichen lang sein.
feedback-email-invalid-email = Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de.
feedback-email-too-long = Ihre E-Mail-Adresse darf höchstens 254 Zeichen lang sein.
feedback-page-too-long = Die Angabe zur Seite darf höchstens 500 Zeichen lang sein.
feedback-message-required = Geben Sie Ihre Nachricht ein.
feedback-message-too-long = Ihre Nachricht darf höchstens 5000 Zeichen lang sein.
feedback-submit = Rückmeldung senden
feedback-sending = Wird gesendet …
feedback-success-title = Vielen Dank für Ihre Rückmeldung
feedback-success-body = Ihre Nachricht ist bei uns eingegangen. Wir prüfen sie und melden uns bei Ihnen, wenn Sie eine E-Mail-Adresse angegeben haben.
feedback-back-to-statement = Zurück zur Erklärung zur Barrierefreiheit

easy-language-title = Leichte Sprache
easy-what-heading = Was ist das Service·portal?
easy-what-1 = Das Service·portal ist eine Internet-Seite vom Land { $region }.
easy-what-2 = Hier finden Sie Ämter und Behörden. Zum Beispiel: das Bürger·amt in Ihrem Ort.
easy-what-3 = Sie sehen: Welches Amt hilft mir? Was muss ich mitbringen? Was kostet das?
easy-how-heading = Was kann ich hier machen?
easy-how-1 = Sie können viele Anträge im Internet stellen. Dann müssen Sie nicht zum Amt gehen.
easy-how-2 = Mit einem Service·konto können Sie Ihre Daten speichern. Dann müssen Sie sie nicht jedes Mal neu schreiben.
easy-how-3 = Das Amt schreibt Ihnen eine Antwort. Die Antwort kommt in Ihr Post·fach im Service·portal.
easy-help-heading = Wer hilft mir?
easy-help-1 = Sie verstehen etwas nicht? Dann fragen Sie beim Bürger·amt in Ihrem Ort.
easy-help-2 = Sie können auch eine Person mitnehmen, der Sie vertrauen.
easy-barrier-heading = Etwas funktioniert nicht?
easy-barrier-1 = Wir wollen, dass alle Menschen das Service·portal benutzen können.
easy-barrier-2 = Funktioniert etwas nicht für Sie? Dann schreiben Sie uns bitte.
easy-barrier-link = Hier können Sie uns schreiben.

sign-language-title = Gebärdensprache
sign-language-lead = Auf dieser Seite erklären wir das Serviceportal in Deutscher Gebärdensprache (DGS).
sign-videos-heading = Die Videos
sign-videos-text = Die Videos in Deutscher Gebärdensprache werden gerade erstellt. Sie werden hier mit Untertiteln zu sehen sein und diese Themen erklären:
sign-topic-portal = was das Serviceportal ist und wem es gehört,
sign-topic-search = wie Sie Leistungen und die zuständige Behörde finden,
sign-topic-account = wie Sie ein Servicekonto anlegen und nutzen,
sign-topic-apply = wie Sie einen Antrag online stellen und Antworten im Postfach lesen,
sign-topic-barrier = wie Sie uns Barrieren melden.
sign-help-heading = Hilfe bis dahin
sign-help-text = Wenn Sie Fragen haben, schreiben Sie uns eine E-Mail. Wir antworten Ihnen schriftlich und in einfacher Sprache.

imprint-title = Impressum
imprint-operator-heading = Herausgeber
imprint-represented-by = Vertreten durch { $who }.
imprint-software-heading = Software
imprint-software-text = Das Serviceportal ist freie Software unter der Lizenz EUPL-1.2, der Lizenz für Open-Source-Software der öffentlichen Verwaltung in Europa.

privacy-title = Datenschutz
privacy-lead = Hier erfahren Sie, welche Daten das Serviceportal verarbeitet, wozu und wie lange.
privacy-controller-heading = Verantwortlich
privacy-controller-text = Verantwortlich für die Verarbeitung ist { $operator }, erreichbar unter { $email }.
privacy-officer-text = Datenschutzbeauftragte: { $officer }, erreichbar unter { $email }.
privacy-feedback-heading = Rückmeldungen zur Barrierefreiheit
privacy-feedback-text = Wenn Sie uns eine Rückmeldung senden, speichern wir Ihre Nachricht, die betroffene Seite und – nur wenn Sie sie angeben – Ihren Namen und Ihre E-Mail-Adresse, um Ihre Rückmeldung zu bearbeiten und Ihnen zu antworten. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit den Pflichten aus der BITV 2.0.
privacy-feedback-retention = Wir löschen Rückmeldungen, sobald sie bearbeitet sind und keine Aufbewahrungspflicht mehr besteht.
privacy-cookies-heading = Cookies
privacy-cookies-text = Das Portal setzt nur Cookies, die für seine Funktion nötig sind. Es gibt keine Werbung, keine Reichweitenmessung und keine Inhalte anderer Anbieter.
privacy-cookie-language = „sprache“ merkt sich die von Ihnen gewählte Sprache für ein Jahr.
privacy-cookie-form = „formular“ hält höchstens zehn Minuten lang fest, was Sie in ein Formular eingegeben haben, wenn es ohne JavaScript mit Fehlern zurückkam, damit nichts verloren geht.
privacy-logs-heading = Server-Protokolle
privacy-logs-text = Der Server protokolliert zur Fehlersuche und Sicherheit Zeitpunkt, aufgerufene Adresse und Ergebnis jeder Anfrage, nicht aber den Inhalt von Formularen.
privacy-rights-heading = Ihre Rechte
privacy-rights-text = Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO).
privacy-authority-text = Sie können sich bei der Aufsichtsbehörde beschweren: { $authority }.

service-responsible-heading = Zuständige Stelle
service-responsible-for = Für { $place } ist zuständig:
service-change-place = Anderen Ort wählen
service-choose-place = Wählen Sie Ihre Gemeinde, dann zeigen wir Ihnen, welche Stelle für Sie zuständig ist.
service-online-portal = Online möglich
service-online-external = Online möglich
service-online-external-link = Zum Online-Dienst
service-texts-german-only = Die Beschreibung dieser Leistung gibt es bisher nur auf Deutsch.
service-description-heading = Beschreibung
service-who-heading = Wer kann den Antrag stellen?
service-documents-heading = Welche Unterlagen brauche ich?
service-fees-heading = Was kostet es?
service-duration-heading = Wie lange dauert es?
service-legal-heading = Rechtsgrundlagen
service-life-situations-heading = Passt zu diesen Lebenslagen
place-label = Ihre Gemeinde
place-hint = Die Gemeinde, in der Sie wohnen. Wir merken uns Ihre Auswahl.
place-choose = Bitte wählen
place-submit = Ort übernehmen
privacy-cookie-place = „ort“ merkt sich für ein Jahr die Gemeinde, die Sie gewählt haben, damit wir die für Sie zuständige Stelle zeigen können.

life-umzug = Umzug
life-geburt = Geburt
life-heirat = Heirat
life-todesfall = Todesfall
life-auto-und-verkehr = Auto und Verkehr
life-arbeit-und-gewerbe = Arbeit und Gewerbe
life-bauen-und-wohnen = Bauen und Wohnen
life-soziales = Soziales
life-tiere = Tiere
life-ausweise-und-dokumente = Ausweise und Dokumente
life-familie-und-kinder = Familie und Kinder
life-wahlen = Wahlen
life-freizeit = Freizeit
life-migration = Einwanderung und Aufenthalt
life-situation-lead = Diese Leistungen brauchen Sie in dieser Lebenslage häufig.
place-page-title = Leistungen in { $place }
place-page-lead = Alle Leistungen des Portals mit der Stelle, die für diesen Ort zuständig ist.
home-life-situations-heading = Lebenslagen
home-place-heading = Mein Ort
home-place-text = Wählen Sie Ihre Gemeinde, dann sehen Sie bei jeder Leistung, wer für Sie zuständig ist.
home-place-current = Ihr Ort: { $place }
home-place-all = Alle Leistungen für { $place }
search-label = Wonach suchen Sie?
search-hint = Zum Beispiel: Personalausweis, Umzug, Auto anmelden
search-submit = Suchen
search-title = Suche
search-title-for = Suche nach „{ $query }“
search-count = { $count ->
    [0] Keine Leistung gefunden
    [one] 1 Leistung gefunden
   *[other] { $count } Leistungen gefunden
}
search-did-you-mean = Meinten Sie:
search-empty = Zu Ihrer Suche haben wir keine Leistung gefunden.
search-empty-tip = Versuchen Sie ein anderes Wort, zum Beispiel wie die Leistung im Alltag heißt, oder wählen Sie eine Lebenslage auf der Startseite.
search-previous = Vorherige Seite
search-next = Nächste Seite
search-page-of = Seite { $page } von { $pages }
search-pages-label = Seiten der Ergebnisse
search-filter-life = Lebenslage
search-filter-all = Alle Lebenslagen
search-filter-online = Nur Leistungen, die online möglich sind
search-filter-apply = Filter anwenden
authority-serves = Zuständig für { $region }.
authority-services-heading = Leistungen dieser Stelle
search-suggestions = { $count } Vorschläge, mit den Pfeiltasten auswählen
search-suggestions-label = Vorschläge
home-popular-heading = Häufig genutzt
place-search-title = Ort wählen
place-search-lead = Suchen Sie Ihre Gemeinde nach Namen oder Postleitzahl, oder wählen Sie sie aus der Liste.
place-search-label = Gemeinde oder Postleitzahl
place-search-hint = Zum Beispiel „Homburg“ oder die ersten Ziffern der Postleitzahl.
place-search-submit = Gemeinde suchen
place-search-count = { $count ->
    [one] Eine Gemeinde gefunden.
   *[other] { $count } Gemeinden gefunden.
}
place-search-none = Keine Gemeinde zu „{ $query }“ gefunden.
place-search-invalid = „{ $query }“ ist keine Postleitzahl: Sie hat höchstens fünf Ziffern.
place-search-none-hint = Prüfen Sie die Schreibweise, suchen Sie nach dem Namen der Gemeinde oder wählen Sie sie aus der Liste aller Gemeinden.
place-search-all = Alle Gemeinden anzeigen
authority-opening-hours = Öffnungszeiten
authority-accessibility = Barrierefreiheit des Gebäudes

## Servicekonto
nav-account = Mein Konto
nav-sign-in = Anmelden
nav-account-label = Servicekonto
sign-out = Abmelden
account-email-label = E-Mail-Adresse
account-password-label = Passwort
account-new-password-label = Neues Passwort
account-current-password-label = Aktuelles Passwort
account-password-hint = Mindestens { $min } Zeichen. Ein Satz aus mehreren Wörtern ist gut zu merken und sicher. Häufige Passwörter und Wörter wie der Name des Portals sind nicht erlaubt.
account-email-required = Geben Sie Ihre E-Mail-Adresse ein.
account-email-invalid-email = Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.
account-email-too-long = Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein.
account-password-required = Geben Sie Ihr Passwort ein.
account-password-too-short = Das Passwort muss mindestens 12 Zeichen lang sein.
account-password-too-long = Das Passwort darf höchstens 128 Zeichen lang sein.
account-password-common-password = Dieses Passwort ist sehr verbreitet und leicht zu erraten. Wählen Sie ein anderes.
account-password-context-password = Das Passwort besteht zu sehr aus Ihrer E-Mail-Adresse oder dem Namen des Portals. Wählen Sie ein anderes.
account-password-wrong-password = Das Passwort ist nicht richtig.
account-password-unchanged = Das neue Passwort muss sich vom bisherigen unterscheiden.
account-current-required = Geben Sie Ihr aktuelles Passwort ein.
account-current-wrong-password = Das aktuelle Passwort ist nicht richtig.
account-form-wrong-password = E-Mail-Adresse oder Passwort sind nicht richtig.
account-form-too-many = Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.
account-form-unconfirmed = Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse mit dem Link aus unserer E-Mail.
account-form-invalid-code = Der Link ist ungültig oder abgelaufen.
account-confirm-required = Bestätigen Sie, dass Sie Ihr Konto löschen möchten.
register-title = Servicekonto anlegen
register-lead = Mit einem Servicekonto speichern Sie Ihre Angaben, Entwürfe und Anträge und erhalten Antworten der Behörden in Ihr Postfach.
register-email-hint = Wir schicken Ihnen einen Link, mit dem Sie die Adresse bestätigen.
register-submit = Konto anlegen
register-have-account = Sie haben schon ein Konto?
registered-title = Bitte prüfen Sie Ihr Postfach
registered-lead = Wir haben Ihnen eine E-Mail geschickt.
registered-text = Öffnen Sie den Link in der E-Mail, um Ihre Adresse zu bestätigen. Der Link gilt 24 Stunden. Falls die E-Mail nicht ankommt, sehen Sie auch im Spam-Ordner nach.
resend-heading = Bestätigungslink erneut senden
resend-submit = Link erneut senden
confirm-title = E-Mail-Adresse bestätigen
confirm-text = Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört.
confirm-submit = Adresse bestätigen
confirm-invalid-title = Dieser Link ist ungültig oder abgelaufen.
confirm-invalid-text = Ein Bestätigungslink gilt 24 Stunden und nur einmal. Sie können einen neuen anfordern.
sign-in-title = Anmelden
sign-in-lead = Melden Sie sich mit Ihrem Servicekonto an.
sign-in-submit = Anmelden
session-expired = Sie wurden nach längerer Inaktivität abgemeldet. Bitte melden Sie sich erneut an.
forgot-title = Passwort vergessen
forgot-lead = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.
forgot-submit = Link anfordern
forgot-sent-title = Bitte prüfen Sie Ihr Postfach
forgot-sent-lead = Wenn zu der Adresse ein Konto gehört, haben wir einen Link geschickt. Er gilt 30 Minuten und nur einmal.
reset-title = Neues Passwort festlegen
reset-submit = Passwort speichern
reset-invalid-title = Dieser Link ist ungültig oder abgelaufen.
reset-invalid-text = Ein Link zum Zurücksetzen gilt 30 Minuten und nur einmal. Fordern Sie bitte einen neuen an.
account-title = Mein Servicekonto
account-since = Konto seit
account-trust = Vertrauensniveau dieser Anmeldung
trust-basic = Basis (E-Mail und Passwort)
trust-substantial = Substanziell (mit zweitem Faktor)
account-card-security = Angemeldete Geräte, letzte Ereignisse und Passwort ändern.
account-privacy-title = Meine Daten
account-card-privacy = Alle gespeicherten Daten herunterladen oder das Konto löschen.
security-title = Sicherheit
security-lead = Hier sehen Sie, wo Sie angemeldet sind und was zuletzt mit Ihrem Konto geschah.
security-sessions-heading = Angemeldete Geräte
security-device = Gerät
security-address = Adresse
security-started = Angemeldet seit
security-last-seen = Zuletzt aktiv
security-actions = Aktionen
security-this-session = Dieses Gerät
security-unknown-device = Unbekanntes Gerät
security-revoke = Abmelden
security-sign-out-everywhere = Überall abmelden
security-password-heading = Passwort ändern
security-password-submit = Passwort ändern
security-events-heading = Letzte Ereignisse
security-when = Zeitpunkt
security-what = Ereignis
event-registered = Konto angelegt
event-registered-again = Erneute Registrierung mit dieser Adresse
event-email-verified = E-Mail-Adresse bestätigt
event-signed-in = Angemeldet
event-sign-in-failed = Anmeldung fehlgeschlagen
event-sign-in-throttled = Anmeldung wegen zu vieler Versuche verzögert
event-signed-out = Abgemeldet
event-signed-out-everywhere = Überall abgemeldet
event-session-revoked = Ein Gerät abgemeldet
event-password-reset-requested = Zurücksetzen des Passworts angefordert
event-password-reset = Passwort zurückgesetzt
event-password-changed = Passwort geändert
event-reauthenticated = Passwort erneut bestätigt
event-email-change-requested = Änderung der E-Mail-Adresse angefordert
event-email-changed = E-Mail-Adresse geändert
event-profile-changed = Persönliche Daten geändert
event-data-exported = Daten heruntergeladen
event-account-deleted = Konto gelöscht
event-unconfirmed-account-removed = Unbestätigtes Konto entfernt
event-role-changed = Rolle geändert
account-privacy-lead = Ihre Rechte nach der Datenschutz-Grundverordnung: Auskunft und Datenübertragbarkeit (Art. 15 und 20) sowie Löschung (Art. 17).
export-heading = Meine Daten herunterladen
export-text = Sie erhalten alle Daten, die das Portal zu Ihrem Konto speichert, als JSON-Datei. Dazu bestätigen Sie vorher Ihr Passwort, wenn Sie es nicht gerade eingegeben haben.
export-link = Daten herunterladen (JSON)
delete-heading = Konto löschen
delete-text = Wenn Sie Ihr Konto löschen, entfernen wir Ihre Zugangsdaten, Ihre persönlichen Daten, Entwürfe und Ihr Postfach. Sie werden überall abgemeldet. Das lässt sich nicht rückgängig machen.
delete-applications = Bereits eingereichte Anträge bleiben bei der zuständigen Behörde, weil sie diese nach Gesetz aufbewahren muss. Sie werden von Ihrem Konto getrennt; Antworten erhalten Sie dann per Post oder E-Mail.
delete-password-hint = Zur Sicherheit: Ihr aktuelles Passwort.
delete-confirm-label = Ja, ich möchte mein Servicekonto endgültig löschen.
delete-submit = Konto endgültig löschen
reauth-title = Passwort bestätigen
reauth-lead = Für diesen Schritt bestätigen Sie bitte noch einmal Ihr Passwort.
reauth-submit = Bestätigen
notice-confirmation-resent = Wenn zu der Adresse ein unbestätigtes Konto gehört, haben wir einen neuen Link geschickt.
notice-email-confirmed = Ihre E-Mail-Adresse ist bestätigt.
notice-signed-out = Sie sind abgemeldet.
notice-signed-out-everywhere = Sie sind auf allen Geräten abgemeldet.
notice-session-revoked = Das Gerät ist abgemeldet.
notice-password-reset = Ihr neues Passwort ist gespeichert. Sie wurden auf allen Geräten abgemeldet; bitte melden Sie sich an.
notice-password-changed = Ihr Passwort ist geändert. Andere Geräte wurden abgemeldet.
notice-account-deleted = Ihr Servicekonto ist gelöscht.
mail-footer = Diese E-Mail wurde automatisch vom { $site } versendet. Bitte antworten Sie nicht darauf.
mail-verify-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse
mail-verify-body = Guten Tag,

    Sie haben beim { $site } ein Servicekonto angelegt. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link:

    { $link }

    Der Link gilt 24 Stunden. Wenn Sie kein Konto angelegt haben, können Sie diese E-Mail ignorieren.
mail-already-registered-subject = Sie haben bereits ein Servicekonto
mail-already-registered-body = Guten Tag,

    jemand wollte beim { $site } ein Konto mit dieser E-Mail-Adresse anlegen. Zu dieser Adresse gibt es bereits ein Servicekonto.

    Anmelden:

    { $sign_in }

    Passwort vergessen?

    { $reset }

    Wenn Sie das nicht waren, müssen Sie nichts tun.
mail-reset-subject = Neues Passwort für Ihr Servicekonto
mail-reset-body = Guten Tag,

    Sie möchten ein neues Passwort für Ihr Servicekonto festlegen. Nutzen Sie dazu diesen Link:

    { $link }

    Der Link gilt 30 Minuten und nur einmal. Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.
mail-reset-unknown-subject = Passwort zurücksetzen beim { $site }
mail-reset-unknown-body = Guten Tag,

    jemand wollte das Passwort für ein Servicekonto mit dieser E-Mail-Adresse zurücksetzen. Zu dieser Adresse gibt es aber kein Konto.

    Ein Konto anlegen:

    { $register }

    Wenn Sie das nicht waren, müssen Sie nichts tun.
mail-email-change-subject = Bitte bestätigen Sie Ihre neue E-Mail-Adresse
mail-email-change-body = Guten Tag,

    Sie möchten diese Adresse für Ihr Servicekonto beim { $site } verwenden. Bitte bestätigen Sie sie mit diesem Link:

    { $link }

    Der Link gilt 24 Stunden.
mail-email-changed-subject = Die E-Mail-Adresse Ihres Servicekontos wurde geändert
mail-email-changed-body = Guten Tag,

    die E-Mail-Adresse Ihres Servicekontos wurde geändert in: { $new_email }

    Wenn Sie das nicht waren, wenden Sie sich bitte sofort an den Betreiber des Portals.
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body = Guten Tag,

    das Passwort Ihres Servicekontos beim { $site } wurde soeben geändert.

    Wenn Sie das nicht waren, setzen Sie bitte sofort ein neues Passwort über „Passwort vergessen“ und wenden Sie sich an den Betreiber des Portals.
mail-account-deleted-subject = Ihr Servicekonto wurde gelöscht
mail-account-deleted-body = Guten Tag,

    Ihr Servicekonto beim { $site } wurde auf Ihren Wunsch gelöscht. Bereits eingereichte Anträge bearbeitet die zuständige Behörde weiter.
field-error-too-long = { $label }: Der Eintrag ist zu lang (höchstens 100 Zeichen).
field-error-invalid-choice = { $label }: Bitte wählen Sie einen Eintrag aus der Liste.
account-birth_date-invalid-date = Geben Sie ein Geburtsdatum in der Vergangenheit an, zum Beispiel 24.12.1980.
account-postcode-invalid-postcode = Geben Sie eine Postleitzahl mit fünf Ziffern an (im Ausland 3 bis 10 Zeichen).
account-phone-invalid-phone = Geben Sie eine Telefonnummer mit 5 bis 20 Ziffern an, zum Beispiel +49 681 12345.
account-email-unchanged = Das ist bereits die E-Mail-Adresse Ihres Kontos.
account-card-profile = Name, Anschrift und Kontaktdaten, mit denen wir Ihre Anträge vorausfüllen.
profile-title = Persönliche Daten
profile-lead = Diese Angaben füllen Ihre Anträge vor. Alle Felder sind freiwillig; Sie können jeden Eintrag im Antrag noch ändern.
profile-person = Person
profile-address = Anschrift
profile-contact = Kontakt und Sprache
profile-choose = Bitte wählen
profile-salutation = Anrede
salutation-frau = Frau
salutation-herr = Herr
salutation-keine = Keine Anrede
profile-academic_title = Akademischer Grad
profile-given_names = Vornamen
profile-family_name = Familienname
profile-birth_name = Geburtsname
profile-birth_date = Geburtsdatum
profile-birth_date-hint = Zum Beispiel 24.12.1980.
profile-birth_place = Geburtsort
profile-nationality = Staatsangehörigkeit
profile-street = Straße
profile-house_number = Hausnummer
profile-postcode = Postleitzahl
profile-city = Ort
profile-gemeinde = Gemeinde
profile-country = Staat
profile-phone = Telefon
profile-language = Bevorzugte Sprache
profile-submit = Daten speichern
profile-email-heading = E-Mail-Adresse ändern
profile-email-current = Ihre E-Mail-Adresse: { $email }
profile-email-text = Wir schicken einen Bestätigungslink an die neue Adresse. Erst wenn Sie ihn öffnen, gilt die neue Adresse; die bisherige Adresse erhält dann eine Nachricht.
profile-new-email = Neue E-Mail-Adresse
profile-email-submit = Bestätigungslink senden
notice-profile-saved = Ihre Daten sind gespeichert.
notice-email-change-sent = Wir haben einen Bestätigungslink an die neue Adresse geschickt.
account-code-required = Geben Sie den Code ein.
account-code-invalid-code = Der Code stimmt nicht oder ist abgelaufen. Geben Sie den aktuellen Code aus Ihrer App ein.
sign-in-code-title = Code eingeben
sign-in-code-lead = Ihr Konto ist mit einem zweiten Faktor geschützt.
sign-in-code-label = Code aus der Authenticator-App
sign-in-code-hint = Sechs Ziffern. Ohne Ihr Telefon können Sie auch einen Ihrer Wiederherstellungscodes eingeben.
sign-in-code-restart = Anmeldung neu beginnen
totp-title = Authenticator-App einrichten
totp-lead = Mit einem zweiten Faktor ist Ihr Konto auch dann geschützt, wenn jemand Ihr Passwort kennt.
totp-required-for-staff = Für Mitarbeitende von Behörden und für Administratorinnen und Administratoren ist ein zweiter Faktor Pflicht. Bitte richten Sie ihn jetzt ein.
totp-intro = Sie brauchen eine Authenticator-App auf Ihrem Telefon, zum Beispiel FreeOTP, Aegis oder die App Ihres Passwort-Managers.
totp-start = Einrichtung beginnen
totp-step-scan = Öffnen Sie Ihre Authenticator-App und scannen Sie diesen QR-Code.
totp-qr-label = QR-Code zum Einrichten der Authenticator-App
totp-step-type = Falls das Scannen nicht geht, geben Sie diesen Schlüssel in der App ein:
totp-step-confirm = Geben Sie zur Bestätigung den Code ein, den die App jetzt anzeigt.
totp-code-label = Code aus der App
totp-code-hint = Sechs Ziffern; der Code wechselt alle 30 Sekunden.
totp-confirm = Bestätigen und einrichten
recovery-title = Ihre Wiederherstellungscodes
recovery-done = Die Authenticator-App ist eingerichtet.
recovery-text = Falls Sie Ihr Telefon verlieren, melden Sie sich mit einem dieser Codes an. Jeder Code gilt einmal. Bewahren Sie sie sicher auf, zum Beispiel ausgedruckt; sie werden nur jetzt angezeigt.
recovery-continue = Weiter zur Sicherheit
recovery-gone = Die Wiederherstellungscodes werden nur einmal direkt nach der Einrichtung angezeigt.
security-factor-heading = Zweiter Faktor
security-factor-active = Eine Authenticator-App ist eingerichtet. Unbenutzte Wiederherstellungscodes: { $count }.
security-factor-none = Es ist noch kein zweiter Faktor eingerichtet.
security-factor-remove = Authenticator-App entfernen
security-recovery-renew = Neue Wiederherstellungscodes erzeugen
security-recovery-renew-text = Haben Sie Ihre Wiederherstellungscodes verloren oder fast aufgebraucht? Erzeugen Sie neue; die bisherigen gelten dann nicht mehr.
event-recovery-codes-renewed = Neue Wiederherstellungscodes erzeugt
event-application-submitted = Antrag gesendet
event-second-factor-added = Zweiter Faktor eingerichtet
event-second-factor-removed = Zweiter Faktor entfernt
event-second-factor-failed = Falscher Code beim zweiten Faktor
event-recovery-code-used = Wiederherstellungscode benutzt
notice-second-factor-removed = Die Authenticator-App ist entfernt.
timeout-title = Ihre Sitzung endet bald
timeout-body = Aus Sicherheitsgründen werden Sie in { $minutes } Minuten abgemeldet, wenn Sie nichts tun. Ihre Eingaben auf dieser Seite bleiben erhalten.
timeout-stay = Angemeldet bleiben
timeout-ended-title = Sie wurden abgemeldet
timeout-ended-body = Ihre Eingaben auf dieser Seite sind noch da. Melden Sie sich in einem neuen Tab an und senden Sie das Formular dann hier ab.
timeout-sign-in = In neuem Tab anmelden
password-missing = Noch { $n } Zeichen.
password-too-long = Höchstens { $max } Zeichen.
password-strength-1 = Lang genug. Ein längeres Passwort wäre sicherer.
password-strength-2 = Lang genug, mittlere Stärke.
password-strength-3 = Gute Stärke.
password-strength-4 = Sehr gute Stärke.
passkeys-heading = Passkeys
passkeys-text = Mit einem Passkey melden Sie sich ohne Passwort an, mit Fingerabdruck, Gesichtserkennung, PIN des Geräts oder einem Sicherheitsschlüssel. Ein Passkey zählt als zweiter Faktor.
passkey-add = Passkey hinzufügen
passkey-name-label = Name des Passkeys (zum Beispiel „Mein Telefon“)
passkey-sign-in = Mit Passkey anmelden
passkey-sign-in-heading = Oder ohne Passwort
passkey-second-step-heading = Oder mit Passkey
passkey-failed = Das hat nicht geklappt. Bitte versuchen Sie es noch einmal oder nutzen Sie einen anderen Weg.
passkey-unsupported = Dieser Browser unterstützt keine Passkeys.
passkey-needs-javascript = Passkeys brauchen JavaScript. Sie können sich mit Passwort und Code anmelden.
passkey-added = hinzugefügt am { $date }
passkey-remove = Entfernen
passkey-confirm-first = Passwort bestätigen, um einen Passkey hinzuzufügen
notice-passkey-removed = Der Passkey ist entfernt.

# Online applications
service-apply-online = Online beantragen
account-card-applications = Entwürfe und gesendete Anträge, mit Eingangsnummer.
applications-title = Meine Anträge
applications-lead = Ihre gesendeten Anträge und die Entwürfe, an denen Sie weiterarbeiten können.
applications-none = Sie haben noch keinen Antrag begonnen. Online-Anträge finden Sie bei den Leistungen mit „Online möglich“.
applications-sent = Gesendete Anträge
applications-drafts = Entwürfe
applications-service = Leistung
applications-status = Stand
applications-reference = Eingangsnummer / aufbewahrt
applications-updated = Zuletzt geändert
application-status-draft = Entwurf
application-status-submitted = Gesendet
application-draft-until = Entwurf bis { $until }
application-needs-account = Für diesen Antrag melden Sie sich mit Ihrem Servicekonto an. So werden Ihre Angaben gespeichert, und Sie erhalten die Antwort der Behörde in Ihr Postfach.
application-start = Antrag starten
application-resume = Weiter ausfüllen
application-draft-saved = Ihr Entwurf wurde am { $at } gespeichert und wird bis { $until } aufbewahrt.
application-before-heading = Bevor Sie beginnen
application-steps-heading = So ist der Antrag aufgebaut
application-step-done = Erledigt
application-step-open = Offen
application-back = Zurück
application-progress = Schritt { $n } von { $total }
application-continue = Weiter
application-save-later = Speichern und später weitermachen
application-prefilled = Aus Ihrem Servicekonto übernommen. Sie können den Eintrag hier ändern.
application-add-entry = Weitere Angabe hinzufügen: { $group }
application-remove-entry = Entfernen: { $entry }
application-yes = Ja
application-no-answer = Keine Angabe
application-change = Ändern
application-check-title = Angaben prüfen und Antrag senden
application-gemeinde-label = Gemeinde, für die Sie den Antrag stellen
application-gemeinde-hint = Danach richtet sich, welche Behörde zuständig ist. Meist ist es Ihre Wohngemeinde.
application-gemeinde-required = Wählen Sie die Gemeinde aus, für die Sie den Antrag stellen.
application-gemeinde-no-authority = Für diese Gemeinde ist bei uns keine Behörde für diese Leistung hinterlegt. Ihr Entwurf bleibt gespeichert; bitte wenden Sie sich an Ihre Gemeindeverwaltung.
application-declaration-heading = Erklärung
application-declaration-required = Bestätigen Sie die Erklärung, um den Antrag zu senden.
application-submit = Antrag verbindlich senden
application-sent-title = Antrag gesendet: { $service }
application-reference = Ihre Eingangsnummer:
application-sent-at = Gesendet am { $at }.
application-next-heading = Wie geht es weiter?
application-authority-heading = Zuständige Behörde
application-answers-heading = Ihre Angaben
notice-draft-saved = Ihr Entwurf ist gespeichert. Sie finden ihn unter „Meine Anträge“.
form-error-required = { $label }: Bitte machen Sie eine Angabe.
form-error-too-short = { $label }: Bitte mindestens { $min } Zeichen.
form-error-too-long = { $label }: Höchstens { $max } Zeichen.
form-error-not-a-number = { $label }: Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 12,50.
form-error-too-small = { $label }: Mindestens { $min }.
form-error-too-large = { $label }: Höchstens { $max }.
form-error-not-a-date = { $label }: Bitte geben Sie ein gültiges Datum ein.
form-error-too-early = { $label }: Frühestens am { $min }.
form-error-too-late = { $label }: Spätestens am { $max }.
form-error-invalid-email = { $label }: Bitte eine E-Mail-Adresse in der Form name@beispiel.de.
form-error-invalid-phone = { $label }: Bitte eine Telefonnummer mit 5 bis 20 Ziffern, zum Beispiel +49 681 12345.
form-error-invalid-iban = { $label }: Die IBAN stimmt nicht. Bitte prüfen Sie die Ziffern (in Deutschland 22 Zeichen, beginnend mit DE).
form-error-invalid-postcode = { $label }: Bitte eine Postleitzahl mit fünf Ziffern.
form-error-invalid-choice = { $label }: Bitte wählen Sie einen Eintrag aus der Liste.
form-error-pattern = { $label }: Die Angabe hat nicht die erwartete Form.
form-error-too-few-items = { $label }: Bitte mindestens { $min } Einträge.
form-error-too-many-items = { $label }: Höchstens { $max } Einträge.
form-error-too-many-files = { $label }: Höchstens { $max } Dateien.
form-error-file-type = { $label }: Bitte laden Sie eine PDF-, JPEG- oder PNG-Datei hoch.
form-error-file-too-large = { $label }: Die Datei ist zu groß (höchstens { $max } MB je Datei).
form-error-application-too-many-files = { $label }: Ein Antrag kann höchstens { $max } Dateien haben. Entfernen Sie eine andere Datei, wenn Sie diese hochladen möchten.
form-error-application-files-too-large = { $label }: Alle Dateien eines Antrags zusammen dürfen höchstens { $max } MB groß sein. Entfernen Sie eine andere Datei oder laden Sie eine kleinere hoch.
application-file-hint = PDF, JPEG oder PNG, höchstens { $max } MB je Datei.
application-file-upload = Datei hochladen
application-file-remove = Entfernen: { $file }
application-files-of = Hochgeladene Dateien: { $label }
mail-application-submitted-subject = Antrag eingegangen: { $reference }
mail-application-submitted-body = Guten Tag,

    Ihr Antrag „{ $service }“ ist beim { $site } eingegangen und an die zuständige Stelle weitergeleitet: { $authority }.

    Ihre Eingangsnummer: { $reference }

    Ihre Angaben, die Empfangsbestätigung (PDF) und den Stand finden Sie in Ihrem Servicekonto:

    { $link }
receipt-title = Empfangsbestätigung { $reference }
receipt-reference = Eingangsnummer
receipt-service = Leistung
receipt-submitted = Gesendet am
receipt-authority = Zuständige Behörde
receipt-files = Anlagen
receipt-footer = { $site } · { $reference } · Seite { $n } von { $m }
application-receipt-link = Empfangsbestätigung herunterladen (PDF)
mail-draft-reminder-subject = Ihr Entwurf wird bald gelöscht
mail-draft-reminder-body = Guten Tag,

    Ihr Entwurf für „{ $service }“ beim { $site } wird am { $until } gelöscht, wenn Sie ihn bis dahin nicht weiter bearbeiten. Jedes Speichern verlängert die Frist.

    Hier geht es weiter:

    { $link }
sign-in-email-access = Ohne Passwort: Anmeldelink per E-Mail
trust-email = E-Mail-Adresse bestätigt (ohne Passwort)
email-access-title = Mit Ihrer E-Mail-Adresse fortfahren
email-access-lead = Für manche Anträge brauchen Sie kein Servicekonto: Eine bestätigte E-Mail-Adresse genügt.
email-access-text = Wir senden Ihnen einen Link, der Sie ohne Passwort anmeldet. Mit einem neuen Link finden Sie Ihre Entwürfe und Anträge jederzeit wieder, auch auf einem anderen Gerät.
email-access-email-hint = An diese Adresse senden wir den Link und später die Nachrichten zu Ihrem Antrag.
email-access-submit = Link senden
email-access-have-account = Sie haben ein Servicekonto mit Passwort?
email-access-sent-title = Bitte prüfen Sie Ihr E-Mail-Postfach
email-access-sent-lead = Wenn die Adresse stimmt, ist ein Link zu Ihnen unterwegs.
email-access-sent-text = Der Link gilt 30 Minuten und nur einmal. Keine E-Mail erhalten? Schauen Sie auch im Spam-Ordner nach.
email-access-again = Einen neuen Link anfordern
sign-in-link-title = Anmelden mit Link
sign-in-link-text = Mit dieser Schaltfläche melden Sie sich an und machen dort weiter, wo Sie den Link angefordert haben.
sign-in-link-submit = Anmelden und weiter
sign-in-link-invalid-title = Dieser Link gilt nicht mehr
sign-in-link-invalid-text = Er wurde schon benutzt, ist abgelaufen oder wurde durch einen neueren Link ersetzt.
application-access-heading = So stellen Sie den Antrag
application-access-choice = Melden Sie sich mit Ihrem Servicekonto an, oder fahren Sie nur mit Ihrer E-Mail-Adresse fort.
application-access-account = Mit Servicekonto anmelden
application-access-email = Ohne Servicekonto fortfahren
application-needs-password-title = Für diesen Antrag brauchen Sie ein Passwort
application-needs-password = Sie sind nur mit Ihrer E-Mail-Adresse angemeldet. Dieser Antrag braucht ein vollständiges Servicekonto: Legen Sie dafür ein Passwort fest. Ihre bisherigen Anträge bleiben erhalten.
account-set-password = Passwort festlegen
account-no-password-title = Sie nutzen das Portal ohne Passwort
account-no-password-text = Sie melden sich mit einem Link an, den wir an Ihre E-Mail-Adresse senden. Mit einem Passwort wird daraus ein vollständiges Servicekonto: für alle Anträge, mit zweitem Faktor und Passkeys.
delete-without-password-hint = Liegt Ihre Anmeldung länger als zehn Minuten zurück, bestätigen Sie das Löschen zuvor mit einem neuen Link.
reauth-link-title = Mit einem neuen Link bestätigen
reauth-link-lead = Für diesen Schritt bestätigen Sie bitte noch einmal, dass Sie Zugriff auf Ihre E-Mail-Adresse haben. Wir senden Ihnen dazu einen Link.
event-sign-in-link-requested = Anmeldelink angefordert
event-signed-in-by-link = Mit Link angemeldet
mail-sign-in-link-subject = Ihr Anmeldelink
mail-sign-in-link-body = Guten Tag,

    mit diesem Link melden Sie sich beim { $site } an, ohne Passwort:

    { $link }

    Der Link gilt 30 Minuten und nur einmal. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.
mail-sign-in-link-password-subject = Bitte melden Sie sich mit Ihrem Passwort an
mail-sign-in-link-password-body = Guten Tag,

    jemand hat beim { $site } einen Anmeldelink für diese Adresse angefordert. Zu dieser Adresse gibt es ein Servicekonto mit Passwort. Bitte melden Sie sich damit an:

    { $sign_in }

    Passwort vergessen?

    { $reset }

    Wenn Sie das nicht waren, müssen Sie nichts tun.
