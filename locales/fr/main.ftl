# Français. Chaque texte de l'interface se trouve ici ainsi que dans de/ et en/.

lang-name = Français
skip-to-content = Aller au contenu principal
official-site = Portail de services officiel du Land de { $region }
language-switcher-label = Choisir la langue
footer-nav-label = Informations légales et accessibilité
footer-imprint = Mentions légales
footer-privacy = Protection des données
footer-accessibility = Accessibilité
footer-easy-language = Allemand facile à lire
footer-sign-language = Langue des signes
title-error-prefix = Erreur : { $title }
manifest-description = Trouver les services administratifs et faire ses démarches en ligne.
form-optional = facultatif
contact-email = Courriel
contact-phone = Téléphone

home-title = Accueil
home-heading = Portail de services { $region }
home-lead = Retrouvez ici les services administratifs du Land de { $region } et de ses communes – et effectuez-en beaucoup en ligne.
home-about-heading = Ce que vous trouverez ici
home-about-text = Le portail vous indique quelle administration est compétente pour votre démarche là où vous habitez, quels documents sont nécessaires et ce que cela coûte. Avec un compte de service, vous conservez vos données, brouillons et demandes et recevez les réponses des administrations dans votre boîte de réception.
home-cards-label = À propos du portail
home-card-easy-language = Le portail expliqué avec des mots simples.
home-card-sign-language = Informations en langue des signes allemande.
home-card-accessibility = Le niveau d'accessibilité du portail et comment nous signaler un obstacle.

not-found-title = Page introuvable
not-found-lead = L'adresse est mal orthographiée ou la page n'existe plus.
not-found-home = Aller à la page d'accueil
not-found-report = Signaler un problème sur ce site

error-page-title = Une erreur s'est produite
error-page-lead = Un problème technique nous a empêchés d'enregistrer votre saisie. Veuillez réessayer plus tard.
error-page-reference = Si vous nous contactez à ce sujet, indiquez cette référence :

offline-title = Pas de connexion
offline-lead = Votre appareil n'est pas connecté à Internet pour le moment. Vous pourrez continuer dès que la connexion sera rétablie.
offline-retry = Réessayer

error-summary-title = Veuillez vérifier votre saisie
error-bad-request = La demande n'a pas pu être traitée. Veuillez recharger la page et réessayer.
error-forbidden = Cette demande n'est pas autorisée. Veuillez recharger la page.
error-not-found = L'élément recherché est introuvable.
error-too-large = Votre saisie est trop volumineuse pour être envoyée. Veuillez la raccourcir.
error-too-many = Trop de demandes en peu de temps. Veuillez patienter un instant.
error-internal = Un problème technique nous a empêchés d'enregistrer votre saisie. Veuillez réessayer plus tard.
error-network = Le serveur est injoignable pour le moment. Vérifiez votre connexion ; votre saisie est conservée.

accessibility-title = Déclaration d'accessibilité
accessibility-lead = { $operator } s'engage à rendre le { $site } accessible, conformément au droit fédéral et régional de l'égalité des personnes handicapées et au règlement allemand sur l'accessibilité des technologies de l'information (BITV 2.0). Cette déclaration s'applique à { $url }.
accessibility-status-heading = État de conformité
accessibility-status-text = Le portail est partiellement conforme à la BITV 2.0 et à la norme européenne EN 301 549 (qui transpose les WCAG 2.1 niveau AA) en raison des limites indiquées ci-dessous.
accessibility-limitations-heading = Contenus non accessibles
accessibility-limitation-sign-language = Les vidéos en langue des signes allemande ne sont pas encore disponibles. La page « Langue des signes » décrit ce qu'elles montreront et comment obtenir de l'aide d'ici là.
accessibility-limitation-easy-language = L'allemand facile à lire explique pour l'instant le portail lui-même, pas encore chaque service administratif.
accessibility-limitation-external = Certains liens mènent aux sites d'autres administrations. Celles-ci sont responsables de leur accessibilité.
accessibility-method-heading = Établissement de cette déclaration
accessibility-method-text = Cette déclaration a été établie le { $date } sur la base d'une auto-évaluation : chaque page est vérifiée automatiquement selon les WCAG 2.1 niveau AA (axe-core) à chaque modification, et chaque parcours est testé uniquement au clavier et sans JavaScript.
accessibility-contact-heading = Signaler un obstacle : contact
accessibility-contact-text = Vous avez constaté des obstacles sur ce site ? Vous avez besoin d'un contenu sous une autre forme accessible ? Écrivez-nous avec le formulaire ci-dessous, par courriel, ou appelez-nous.
accessibility-enforcement-heading = Procédure de conciliation
accessibility-enforcement-text = Si vous n'avez reçu aucune réponse, ou aucune réponse satisfaisante, à votre message, vous pouvez vous adresser à l'organe de conciliation. La procédure est gratuite et ne nécessite pas d'avocat.

feedback-heading = Vos remarques sur l'accessibilité
feedback-intro = Seul votre message est obligatoire. Si vous indiquez une adresse électronique, nous vous répondrons.
feedback-name-label = Votre nom
feedback-name-hint = Pour que nous puissions nous adresser à vous.
feedback-email-label = Votre adresse électronique
feedback-email-hint = Seulement si vous souhaitez une réponse. Par exemple : nom@exemple.fr
feedback-page-label = Page concernée
feedback-page-hint = L'adresse ou le nom de la page, par exemple : Accueil
feedback-message-label = Votre message
feedback-message-hint = Décrivez ce qui n'a pas fonctionné. 5000 caractères au maximum.
feedback-name-too-long = Votre nom ne doit pas dépasser 200 caractères.
feedback-email-invalid-email = Saisissez une adresse électronique au bon format, par exemple nom@exemple.fr.
feedback-email-too-long = Votre adresse électronique ne doit pas dépasser 254 caractères.
feedback-page-too-long = La page concernée ne doit pas dépasser 500 caractères.
feedback-message-required = Saisissez votre message.
feedback-message-too-long = Votre message ne doit pas dépasser 5000 caractères.
feedback-submit = Envoyer
feedback-sending = Envoi en cours …
feedback-success-title = Merci pour votre message
feedback-success-body = Nous avons bien reçu votre message. Nous allons l'examiner et vous répondrons si vous avez indiqué une adresse électronique.
feedback-back-to-statement = Retour à la déclaration d'accessibilité

easy-language-title = Informations faciles à lire
easy-what-heading = Qu'est-ce que le portail de services ?
easy-what-1 = Le portail de services est un site Internet du Land de { $region }.
easy-what-2 = Vous y trouvez les services et les administrations. Par exemple : le bureau des citoyens de votre commune.
easy-what-3 = Vous voyez : Quel service m'aide ? Que dois-je apporter ? Combien ça coûte ?
easy-how-heading = Que puis-je faire ici ?
easy-how-1 = Vous pouvez faire beaucoup de demandes sur Internet. Vous n'avez alors pas besoin d'aller au bureau.
easy-how-2 = Avec un compte de service, vous pouvez enregistrer vos données. Vous n'avez pas besoin de les écrire à chaque fois.
easy-how-3 = L'administration vous écrit une réponse. La réponse arrive dans votre boîte de réception du portail.
easy-help-heading = Qui peut m'aider ?
easy-help-1 = Vous ne comprenez pas quelque chose ? Demandez au bureau des citoyens de votre commune.
easy-help-2 = Vous pouvez aussi venir avec une personne de confiance.
easy-barrier-heading = Quelque chose ne marche pas ?
easy-barrier-1 = Nous voulons que tout le monde puisse utiliser le portail.
easy-barrier-2 = Quelque chose ne marche pas pour vous ? Écrivez-nous.
easy-barrier-link = Vous pouvez nous écrire ici.

sign-language-title = Langue des signes
sign-language-lead = Sur cette page, nous expliquons le portail en langue des signes allemande (DGS).
sign-videos-heading = Les vidéos
sign-videos-text = Les vidéos en langue des signes allemande sont en cours de réalisation. Elles seront présentées ici avec des sous-titres et expliqueront ces sujets :
sign-topic-portal = ce qu'est le portail et qui le gère,
sign-topic-search = comment trouver les services et l'administration compétente,
sign-topic-account = comment créer et utiliser un compte de service,
sign-topic-apply = comment faire une demande en ligne et lire les réponses dans la boîte de réception,
sign-topic-barrier = comment nous signaler un obstacle.
sign-help-heading = De l'aide d'ici là
sign-help-text = Si vous avez des questions, écrivez-nous un courriel. Nous vous répondrons par écrit, dans un langage simple.

imprint-title = Mentions légales
imprint-operator-heading = Éditeur
imprint-represented-by = Représenté par { $who }.
imprint-software-heading = Logiciel
imprint-software-text = Le portail est un logiciel libre sous licence EUPL-1.2, la licence open source des administrations publiques en Europe.

privacy-title = Protection des données
privacy-lead = Quelles données le portail traite, dans quel but et pour combien de temps.
privacy-controller-heading = Responsable du traitement
privacy-controller-text = Le responsable du traitement est { $operator }, joignable à { $email }.
privacy-officer-text = Délégué à la protection des données : { $officer }, joignable à { $email }.
privacy-feedback-heading = Remarques sur l'accessibilité
privacy-feedback-text = Lorsque vous nous envoyez un message, nous enregistrons votre message, la page concernée et – seulement si vous les indiquez – votre nom et votre adresse électronique, afin de traiter votre message et de vous répondre. La base juridique est l'article 6, paragraphe 1, point e) du RGPD, en lien avec les obligations de la BITV 2.0.
privacy-feedback-retention = Nous supprimons les messages une fois traités, lorsqu'aucune obligation de conservation ne s'applique plus.
privacy-cookies-heading = Cookies
privacy-cookies-text = Le portail ne dépose que les cookies nécessaires à son fonctionnement. Il n'y a ni publicité, ni mesure d'audience, ni contenu d'autres fournisseurs.
privacy-cookie-language = « sprache » retient la langue choisie pendant un an.
privacy-cookie-form = « formular » conserve au plus dix minutes ce que vous avez saisi dans un formulaire revenu avec des erreurs sans JavaScript, afin que rien ne soit perdu.
privacy-logs-heading = Journaux du serveur
privacy-logs-text = Pour la recherche d'erreurs et la sécurité, le serveur enregistre l'heure, l'adresse demandée et le résultat de chaque requête, mais pas le contenu des formulaires.
privacy-rights-heading = Vos droits
privacy-rights-text = Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation du traitement et d'opposition (articles 15 à 21 du RGPD).
privacy-authority-text = Vous pouvez introduire une réclamation auprès de l'autorité de contrôle : { $authority }.

service-responsible-heading = Service compétent
service-responsible-for = Compétent pour { $place } :
service-change-place = Choisir un autre lieu
service-choose-place = Choisissez votre commune et nous vous indiquerons le service compétent pour vous.
service-online-portal = Possible en ligne
service-online-external = Possible en ligne
service-online-external-link = Accéder au service en ligne
service-texts-german-only = La description de ce service n'existe pour l'instant qu'en allemand.
service-description-heading = Description
service-who-heading = Qui peut faire la demande ?
service-documents-heading = De quels documents ai-je besoin ?
service-fees-heading = Combien cela coûte-t-il ?
service-duration-heading = Combien de temps cela prend-il ?
service-legal-heading = Base juridique
service-life-situations-heading = Situations de vie liées
place-label = Votre commune
place-hint = La commune où vous habitez. Nous retenons votre choix.
place-choose = Veuillez choisir
place-submit = Retenir ce lieu
privacy-cookie-place = « ort » retient pendant un an la commune choisie, afin de vous indiquer le service compétent.

life-umzug = Déménagement
life-geburt = Naissance
life-heirat = Mariage
life-todesfall = Décès
life-auto-und-verkehr = Voiture et circulation
life-arbeit-und-gewerbe = Travail et entreprise
life-bauen-und-wohnen = Construire et se loger
life-soziales = Aides sociales
life-tiere = Animaux
life-ausweise-und-dokumente = Papiers d'identité et documents
life-familie-und-kinder = Famille et enfants
life-wahlen = Élections
life-freizeit = Loisirs
life-migration = Immigration et séjour
life-situation-lead = Les services dont vous avez souvent besoin dans cette situation.
place-page-title = Services à { $place }
place-page-lead = Tous les services du portail avec le service compétent pour ce lieu.
home-life-situations-heading = Situations de vie
home-place-heading = Mon lieu
home-place-text = Choisissez votre commune : chaque service indiquera alors qui est compétent pour vous.
home-place-current = Votre lieu : { $place }
home-place-all = Tous les services pour { $place }
search-label = Que cherchez-vous ?
search-hint = Par exemple : carte d'identité, déménagement, immatriculer une voiture (les mots allemands donnent les meilleurs résultats)
search-submit = Rechercher
search-title = Recherche
search-title-for = Recherche « { $query } »
search-count = { $count ->
    [0] Aucun service trouvé
    [one] 1 service trouvé
   *[other] { $count } services trouvés
}
search-did-you-mean = Vouliez-vous dire :
search-empty = Nous n'avons trouvé aucun service pour votre recherche.
search-empty-tip = Essayez un autre mot, par exemple le nom courant du service, ou choisissez une situation de vie sur la page d'accueil.
search-previous = Page précédente
search-next = Page suivante
search-page-of = Page { $page } sur { $pages }
search-pages-label = Pages de résultats
search-filter-life = Situation de vie
search-filter-all = Toutes les situations de vie
search-filter-online = Seulement les services possibles en ligne
search-filter-apply = Appliquer les filtres
authority-serves = Compétent pour { $region }.
authority-services-heading = Services de cet organisme
search-suggestions = { $count } suggestions, choisir avec les flèches
search-suggestions-label = Suggestions
home-popular-heading = Les plus demandées
place-search-title = Choisir votre commune
place-search-lead = Cherchez votre commune par son nom ou son code postal, ou choisissez-la dans la liste.
place-search-label = Commune ou code postal
place-search-hint = Par exemple « Homburg », ou les premiers chiffres du code postal.
place-search-submit = Chercher la commune
place-search-count = { $count ->
    [one] Une commune trouvée.
   *[other] { $count } communes trouvées.
}
place-search-none = Aucune commune trouvée pour « { $query } ».
place-search-invalid = « { $query } » n’est pas un code postal : il compte au plus cinq chiffres.
place-search-none-hint = Vérifiez l’orthographe, cherchez le nom de la commune ou choisissez-la dans la liste de toutes les communes.
place-search-all = Afficher toutes les communes
authority-opening-hours = Horaires d’ouverture
authority-accessibility = Accessibilité du bâtiment

## Servicekonto
nav-account = Mon compte
nav-sign-in = Se connecter
nav-account-label = Compte de service
sign-out = Se déconnecter
account-email-label = Adresse électronique
account-password-label = Mot de passe
account-new-password-label = Nouveau mot de passe
account-current-password-label = Mot de passe actuel
account-password-hint = Au moins { $min } caractères. Une phrase de plusieurs mots est facile à retenir et sûre. Les mots de passe courants et les mots tels que le nom du portail ne sont pas autorisés.
account-email-required = Saisissez votre adresse électronique.
account-email-invalid-email = Saisissez une adresse électronique de la forme nom@exemple.fr.
account-email-too-long = L’adresse électronique ne doit pas dépasser 254 caractères.
account-password-required = Saisissez votre mot de passe.
account-password-too-short = Le mot de passe doit comporter au moins 12 caractères.
account-password-too-long = Le mot de passe ne doit pas dépasser 128 caractères.
account-password-common-password = Ce mot de passe est très répandu et facile à deviner. Choisissez-en un autre.
account-password-context-password = Le mot de passe reprend trop votre adresse électronique ou le nom du portail. Choisissez-en un autre.
account-password-wrong-password = Le mot de passe n’est pas correct.
account-password-unchanged = Le nouveau mot de passe doit être différent de l’actuel.
account-current-required = Saisissez votre mot de passe actuel.
account-current-wrong-password = Le mot de passe actuel n’est pas correct.
account-form-wrong-password = L’adresse électronique ou le mot de passe n’est pas correct.
account-form-too-many = Trop de tentatives. Veuillez patienter quelques minutes, puis réessayer.
account-form-unconfirmed = Veuillez d’abord confirmer votre adresse électronique à l’aide du lien figurant dans notre courriel.
account-form-invalid-code = Le lien n’est pas valide ou a expiré.
account-confirm-required = Confirmez que vous souhaitez supprimer votre compte.
register-title = Créer un compte de service
register-lead = Avec un compte de service, vous enregistrez vos données, brouillons et demandes et recevez les réponses des administrations dans votre boîte de réception.
register-email-hint = Nous vous enverrons un lien pour confirmer l’adresse.
register-submit = Créer le compte
register-have-account = Vous avez déjà un compte ?
registered-title = Veuillez consulter votre boîte de réception
registered-lead = Nous vous avons envoyé un courriel.
registered-text = Ouvrez le lien figurant dans le courriel pour confirmer votre adresse. Le lien est valable 24 heures. Si le courriel n’arrive pas, vérifiez aussi votre dossier de courrier indésirable.
resend-heading = Renvoyer le lien de confirmation
resend-submit = Renvoyer le lien
confirm-title = Confirmer l’adresse électronique
confirm-text = Veuillez confirmer que cette adresse électronique vous appartient.
confirm-submit = Confirmer l’adresse
confirm-invalid-title = Ce lien n’est pas valide ou a expiré.
confirm-invalid-text = Un lien de confirmation est valable 24 heures et une seule fois. Vous pouvez en demander un nouveau.
sign-in-title = Se connecter
sign-in-lead = Connectez-vous avec votre compte de service.
sign-in-submit = Se connecter
session-expired = Vous avez été déconnecté après une période d’inactivité. Veuillez vous reconnecter.
forgot-title = Mot de passe oublié
forgot-lead = Saisissez l’adresse électronique de votre compte. Nous vous enverrons un lien pour définir un nouveau mot de passe.
forgot-submit = Demander un lien
forgot-sent-title = Veuillez consulter votre boîte de réception
forgot-sent-lead = Si un compte correspond à cette adresse, nous avons envoyé un lien. Il est valable 30 minutes et une seule fois.
reset-title = Définir un nouveau mot de passe
reset-submit = Enregistrer le mot de passe
reset-invalid-title = Ce lien n’est pas valide ou a expiré.
reset-invalid-text = Un lien de réinitialisation est valable 30 minutes et une seule fois. Veuillez en demander un nouveau.
account-title = Mon compte de service
account-since = Compte créé le
account-trust = Niveau de confiance de cette connexion
trust-basic = Basique (adresse électronique et mot de passe)
trust-substantial = Substantiel (avec un second facteur)
account-card-security = Appareils connectés, derniers événements et modification du mot de passe.
account-privacy-title = Mes données
account-card-privacy = Télécharger toutes les données enregistrées ou supprimer le compte.
security-title = Sécurité
security-lead = Vous voyez ici où vous êtes connecté et ce qui s’est passé récemment sur votre compte.
security-sessions-heading = Appareils connectés
security-device = Appareil
security-address = Adresse
security-started = Connecté depuis
security-last-seen = Dernière activité
security-actions = Actions
security-this-session = Cet appareil
security-unknown-device = Appareil inconnu
security-revoke = Déconnecter
security-sign-out-everywhere = Se déconnecter partout
security-password-heading = Modifier le mot de passe
security-password-submit = Modifier le mot de passe
security-events-heading = Derniers événements
security-when = Date et heure
security-what = Événement
event-registered = Compte créé
event-registered-again = Nouvelle inscription avec cette adresse
event-email-verified = Adresse électronique confirmée
event-signed-in = Connexion
event-sign-in-failed = Échec de la connexion
event-sign-in-throttled = Connexion retardée en raison d’un trop grand nombre de tentatives
event-signed-out = Déconnexion
event-signed-out-everywhere = Déconnexion partout
event-session-revoked = Un appareil a été déconnecté
event-password-reset-requested = Réinitialisation du mot de passe demandée
event-password-reset = Mot de passe réinitialisé
event-password-changed = Mot de passe modifié
event-reauthenticated = Mot de passe confirmé à nouveau
event-email-change-requested = Modification de l’adresse électronique demandée
event-email-changed = Adresse électronique modifiée
event-profile-changed = Données personnelles modifiées
event-data-exported = Données téléchargées
event-account-deleted = Compte supprimé
event-unconfirmed-account-removed = Compte non confirmé supprimé
event-role-changed = Rôle modifié
account-privacy-lead = Vos droits au titre du règlement général sur la protection des données (RGPD) : droit d’accès et droit à la portabilité des données (articles 15 et 20 du RGPD) ainsi que droit à l’effacement (article 17 du RGPD).
export-heading = Télécharger mes données
export-text = Vous recevez toutes les données que le portail enregistre sur votre compte sous forme de fichier JSON. Pour cela, vous confirmez d’abord votre mot de passe, sauf si vous venez de le saisir.
export-link = Télécharger les données (JSON)
delete-heading = Supprimer le compte
delete-text = Si vous supprimez votre compte, nous effaçons vos identifiants de connexion, vos données personnelles, vos brouillons et votre boîte de réception. Vous serez déconnecté partout. Cette opération est irréversible.
delete-applications = Les demandes déjà déposées restent auprès de l’administration compétente, car la loi l’oblige à les conserver. Elles sont dissociées de votre compte ; vous recevrez alors les réponses par courrier postal ou par courriel.
delete-password-hint = Par sécurité : votre mot de passe actuel.
delete-confirm-label = Oui, je souhaite supprimer définitivement mon compte de service.
delete-submit = Supprimer définitivement le compte
reauth-title = Confirmer le mot de passe
reauth-lead = Pour cette étape, veuillez confirmer à nouveau votre mot de passe.
reauth-submit = Confirmer
notice-confirmation-resent = Si un compte non confirmé correspond à cette adresse, nous avons envoyé un nouveau lien.
notice-email-confirmed = Votre adresse électronique est confirmée.
notice-signed-out = Vous êtes déconnecté.
notice-signed-out-everywhere = Vous êtes déconnecté sur tous les appareils.
notice-session-revoked = L’appareil est déconnecté.
notice-password-reset = Votre nouveau mot de passe est enregistré. Vous avez été déconnecté sur tous les appareils ; veuillez vous connecter.
notice-password-changed = Votre mot de passe a été modifié. Les autres appareils ont été déconnectés.
notice-account-deleted = Votre compte de service a été supprimé.
mail-footer = Ce courriel a été envoyé automatiquement par { $site }. Merci de ne pas y répondre.
mail-verify-subject = Veuillez confirmer votre adresse électronique
mail-verify-body = Bonjour,

    Vous avez créé un compte de service sur { $site }. Veuillez confirmer votre adresse électronique à l’aide de ce lien :

    { $link }

    Le lien est valable 24 heures. Si vous n’avez pas créé de compte, vous pouvez ignorer ce courriel.
mail-already-registered-subject = Vous avez déjà un compte de service
mail-already-registered-body = Bonjour,

    Quelqu’un a voulu créer un compte sur { $site } avec cette adresse électronique. Un compte de service existe déjà pour cette adresse.

    Se connecter :

    { $sign_in }

    Mot de passe oublié ?

    { $reset }

    Si ce n’était pas vous, vous n’avez rien à faire.
mail-reset-subject = Nouveau mot de passe pour votre compte de service
mail-reset-body = Bonjour,

    Vous souhaitez définir un nouveau mot de passe pour votre compte de service. Utilisez pour cela ce lien :

    { $link }

    Le lien est valable 30 minutes et une seule fois. Si vous n’avez pas fait cette demande, vous pouvez ignorer ce courriel ; votre mot de passe reste inchangé.
mail-reset-unknown-subject = Réinitialisation du mot de passe sur { $site }
mail-reset-unknown-body = Bonjour,

    Quelqu’un a voulu réinitialiser le mot de passe d’un compte de service avec cette adresse électronique. Il n’existe toutefois aucun compte pour cette adresse.

    Créer un compte :

    { $register }

    Si ce n’était pas vous, vous n’avez rien à faire.
mail-email-change-subject = Veuillez confirmer votre nouvelle adresse électronique
mail-email-change-body = Bonjour,

    Vous souhaitez utiliser cette adresse pour votre compte de service sur { $site }. Veuillez la confirmer à l’aide de ce lien :

    { $link }

    Le lien est valable 24 heures.
mail-email-changed-subject = L’adresse électronique de votre compte de service a été modifiée
mail-email-changed-body = Bonjour,

    L’adresse électronique de votre compte de service a été remplacée par : { $new_email }

    Si ce n’était pas vous, veuillez contacter immédiatement l’exploitant du portail.
mail-password-changed-subject = Votre mot de passe a été modifié
mail-password-changed-body = Bonjour,

    Le mot de passe de votre compte de service sur { $site } vient d’être modifié.

    Si ce n’était pas vous, veuillez immédiatement définir un nouveau mot de passe via « Mot de passe oublié » et contacter l’exploitant du portail.
mail-account-deleted-subject = Votre compte de service a été supprimé
mail-account-deleted-body = Bonjour,

    Votre compte de service sur { $site } a été supprimé à votre demande. L’administration compétente continue de traiter les demandes déjà déposées.
field-error-too-long = { $label } : l’entrée est trop longue (100 caractères au plus).
field-error-invalid-choice = { $label } : veuillez choisir une entrée de la liste.
account-birth_date-invalid-date = Indiquez une date de naissance passée, par exemple 24/12/1980.
account-postcode-invalid-postcode = Indiquez un code postal de cinq chiffres (à l’étranger 3 à 10 caractères).
account-phone-invalid-phone = Indiquez un numéro de téléphone de 5 à 20 chiffres, par exemple +49 681 12345.
account-email-unchanged = C’est déjà l’adresse e-mail de votre compte.
account-card-profile = Nom, adresse et coordonnées qui préremplissent vos demandes.
profile-title = Données personnelles
profile-lead = Ces données préremplissent vos demandes. Tous les champs sont facultatifs ; vous pouvez encore modifier chaque entrée dans la demande.
profile-person = Personne
profile-address = Adresse
profile-contact = Contact et langue
profile-choose = Veuillez choisir
profile-salutation = Civilité
salutation-frau = Madame
salutation-herr = Monsieur
salutation-keine = Sans civilité
profile-academic_title = Titre universitaire
profile-given_names = Prénoms
profile-family_name = Nom de famille
profile-birth_name = Nom de naissance
profile-birth_date = Date de naissance
profile-birth_date-hint = Par exemple 24/12/1980.
profile-birth_place = Lieu de naissance
profile-nationality = Nationalité
profile-street = Rue
profile-house_number = Numéro
profile-postcode = Code postal
profile-city = Localité
profile-gemeinde = Commune
profile-country = Pays
profile-phone = Téléphone
profile-language = Langue préférée
profile-submit = Enregistrer
profile-email-heading = Changer d’adresse e-mail
profile-email-current = Votre adresse e-mail : { $email }
profile-email-text = Nous envoyons un lien de confirmation à la nouvelle adresse. La nouvelle adresse ne s’applique qu’après l’ouverture du lien ; l’ancienne adresse en est alors informée.
profile-new-email = Nouvelle adresse e-mail
profile-email-submit = Envoyer le lien de confirmation
notice-profile-saved = Vos données sont enregistrées.
notice-email-change-sent = Nous avons envoyé un lien de confirmation à la nouvelle adresse.
account-code-required = Saisissez le code.
account-code-invalid-code = Le code est erroné ou a expiré. Saisissez le code actuel de votre application.
sign-in-code-title = Saisir le code
sign-in-code-lead = Votre compte est protégé par un second facteur.
sign-in-code-label = Code de l’application d’authentification
sign-in-code-hint = Six chiffres. Sans votre téléphone, vous pouvez saisir l’un de vos codes de récupération.
sign-in-code-restart = Recommencer la connexion
totp-title = Configurer une application d’authentification
totp-lead = Avec un second facteur, votre compte reste protégé même si quelqu’un connaît votre mot de passe.
totp-required-for-staff = Un second facteur est obligatoire pour le personnel des administrations et les administrateurs. Veuillez le configurer maintenant.
totp-intro = Il vous faut une application d’authentification sur votre téléphone, par exemple FreeOTP, Aegis ou celle de votre gestionnaire de mots de passe.
totp-start = Commencer la configuration
totp-step-scan = Ouvrez votre application d’authentification et scannez ce code QR.
totp-qr-label = Code QR pour configurer l’application d’authentification
totp-step-type = Si le scan ne fonctionne pas, saisissez cette clé dans l’application :
totp-step-confirm = Pour confirmer, saisissez le code que l’application affiche maintenant.
totp-code-label = Code de l’application
totp-code-hint = Six chiffres ; le code change toutes les 30 secondes.
totp-confirm = Confirmer et configurer
recovery-title = Vos codes de récupération
recovery-done = L’application d’authentification est configurée.
recovery-text = Si vous perdez votre téléphone, connectez-vous avec l’un de ces codes. Chaque code ne sert qu’une fois. Conservez-les en lieu sûr, par exemple imprimés ; ils ne sont affichés que maintenant.
recovery-continue = Continuer vers la sécurité
recovery-gone = Les codes de récupération ne sont affichés qu’une fois, juste après la configuration.
security-factor-heading = Second facteur
security-factor-active = Une application d’authentification est configurée. Codes de récupération inutilisés : { $count }.
security-factor-none = Aucun second facteur n’est encore configuré.
security-factor-remove = Retirer l’application d’authentification
security-recovery-renew = Créer de nouveaux codes de récupération
security-recovery-renew-text = Vous avez perdu vos codes de récupération ou presque tous utilisés ? Créez-en de nouveaux ; les anciens ne seront plus valables.
event-recovery-codes-renewed = Nouveaux codes de récupération créés
event-application-submitted = Demande envoyée
event-second-factor-added = Second facteur configuré
event-second-factor-removed = Second facteur retiré
event-second-factor-failed = Code de second facteur erroné
event-recovery-code-used = Code de récupération utilisé
notice-second-factor-removed = L’application d’authentification a été retirée.
timeout-title = Votre session va bientôt expirer
timeout-body = Pour votre sécurité, vous serez déconnecté dans { $minutes } minutes sans activité. Ce que vous avez saisi sur cette page est conservé.
timeout-stay = Rester connecté
timeout-ended-title = Vous avez été déconnecté
timeout-ended-body = Ce que vous avez saisi sur cette page est toujours là. Connectez-vous dans un nouvel onglet, puis envoyez le formulaire d’ici.
timeout-sign-in = Se connecter dans un nouvel onglet
password-missing = Encore { $n } caractères.
password-too-long = { $max } caractères au plus.
password-strength-1 = Assez long. Un mot de passe plus long serait plus sûr.
password-strength-2 = Assez long, force moyenne.
password-strength-3 = Bonne force.
password-strength-4 = Très bonne force.
passkeys-heading = Clés d’accès
passkeys-text = Avec une clé d’accès, vous vous connectez sans mot de passe, par empreinte digitale, reconnaissance faciale, code PIN de l’appareil ou clé de sécurité. Une clé d’accès compte comme second facteur.
passkey-add = Ajouter une clé d’accès
passkey-name-label = Nom de la clé d’accès (par exemple « Mon téléphone »)
passkey-sign-in = Se connecter avec une clé d’accès
passkey-sign-in-heading = Ou sans mot de passe
passkey-second-step-heading = Ou avec une clé d’accès
passkey-failed = Cela n’a pas fonctionné. Veuillez réessayer ou utiliser un autre moyen.
passkey-unsupported = Ce navigateur ne prend pas en charge les clés d’accès.
passkey-needs-javascript = Les clés d’accès nécessitent JavaScript. Vous pouvez vous connecter avec mot de passe et code.
passkey-added = ajoutée le { $date }
passkey-remove = Retirer
passkey-confirm-first = Confirmez votre mot de passe pour ajouter une clé d’accès
notice-passkey-removed = La clé d’accès a été retirée.

# Online applications
service-apply-online = Faire la demande en ligne
account-card-applications = Brouillons et demandes envoyées, avec leur numéro de référence.
applications-title = Mes demandes
applications-lead = Vos demandes envoyées et les brouillons que vous pouvez reprendre.
applications-none = Vous n’avez encore commencé aucune demande. Les démarches en ligne sont signalées par « En ligne possible ».
applications-sent = Demandes envoyées
applications-drafts = Brouillons
applications-service = Démarche
applications-status = État
applications-reference = Référence / conservé jusqu’au
applications-updated = Dernière modification
application-status-draft = Brouillon
application-status-submitted = Envoyée
application-draft-until = Brouillon jusqu’au { $until }
application-needs-account = Connectez-vous avec votre Servicekonto pour cette demande. Vos indications sont enregistrées et la réponse de l’administration arrive dans votre messagerie.
application-start = Commencer la demande
application-resume = Continuer
application-draft-saved = Votre brouillon a été enregistré le { $at } et est conservé jusqu’au { $until }.
application-before-heading = Avant de commencer
application-steps-heading = Les étapes de la demande
application-step-done = Terminé
application-step-open = À faire
application-back = Retour
application-progress = Étape { $n } sur { $total }
application-continue = Continuer
application-save-later = Enregistrer et continuer plus tard
application-prefilled = Repris de votre Servicekonto. Vous pouvez le modifier ici.
application-add-entry = Ajouter : { $group }
application-remove-entry = Retirer : { $entry }
application-yes = Oui
application-no-answer = Non renseigné
application-change = Modifier
application-check-title = Vérifier vos réponses et envoyer
application-gemeinde-label = Commune pour laquelle vous faites la demande
application-gemeinde-hint = Elle détermine l’administration compétente. En général, c’est votre commune de résidence.
application-gemeinde-required = Choisissez la commune pour laquelle vous faites la demande.
application-gemeinde-no-authority = Aucune administration n’est enregistrée pour cette démarche dans cette commune. Votre brouillon reste enregistré ; veuillez contacter votre mairie.
application-declaration-heading = Déclaration
application-declaration-required = Confirmez la déclaration pour envoyer la demande.
application-submit = Envoyer la demande
application-sent-title = Demande envoyée : { $service }
application-reference = Votre numéro de référence :
application-sent-at = Envoyée le { $at }.
application-next-heading = Et ensuite ?
application-authority-heading = Administration compétente
application-answers-heading = Vos réponses
notice-draft-saved = Votre brouillon est enregistré. Vous le trouvez sous « Mes demandes ».
form-error-required = { $label } : veuillez répondre.
form-error-too-short = { $label } : au moins { $min } caractères.
form-error-too-long = { $label } : au plus { $max } caractères.
form-error-not-a-number = { $label } : saisissez un nombre, par exemple 12 ou 12,50.
form-error-too-small = { $label } : au moins { $min }.
form-error-too-large = { $label } : au plus { $max }.
form-error-not-a-date = { $label } : saisissez une date valide.
form-error-too-early = { $label } : au plus tôt le { $min }.
form-error-too-late = { $label } : au plus tard le { $max }.
form-error-invalid-email = { $label } : saisissez une adresse du type nom@exemple.fr.
form-error-invalid-phone = { $label } : saisissez un numéro de 5 à 20 chiffres, par exemple +49 681 12345.
form-error-invalid-iban = { $label } : l’IBAN n’est pas correct. Vérifiez les chiffres (IBAN allemand : 22 caractères, commençant par DE).
form-error-invalid-postcode = { $label } : saisissez un code postal à cinq chiffres.
form-error-invalid-choice = { $label } : choisissez une entrée de la liste.
form-error-pattern = { $label } : la forme attendue n’est pas respectée.
form-error-too-few-items = { $label } : au moins { $min } entrées.
form-error-too-many-items = { $label } : au plus { $max } entrées.
form-error-too-many-files = { $label } : au plus { $max } fichiers.
form-error-file-type = { $label } : téléversez un fichier PDF, JPEG ou PNG.
form-error-file-too-large = { $label } : le fichier est trop volumineux (au plus { $max } Mo par fichier).
form-error-application-too-many-files = { $label } : une demande peut contenir au plus { $max } fichiers. Supprimez un autre fichier si vous souhaitez téléverser celui-ci.
form-error-application-files-too-large = { $label } : l’ensemble des fichiers d’une demande ne peut pas dépasser { $max } Mo. Supprimez un autre fichier ou téléversez-en un plus petit.
application-file-hint = PDF, JPEG ou PNG, au plus { $max } Mo par fichier.
application-file-upload = Téléverser le fichier
application-file-remove = Retirer : { $file }
application-files-of = Fichiers téléversés : { $label }
mail-application-submitted-subject = Demande reçue : { $reference }
mail-application-submitted-body = Bonjour,

    votre demande « { $service } » est parvenue au { $site } et a été transmise à l’administration compétente : { $authority }.

    Votre numéro de référence : { $reference }

    Vos réponses, l’accusé de réception (PDF) et l’état de la demande se trouvent dans votre Servicekonto :

    { $link }
receipt-title = Accusé de réception { $reference }
receipt-reference = Numéro de référence
receipt-service = Démarche
receipt-submitted = Envoyée le
receipt-authority = Administration compétente
receipt-files = Pièces jointes
receipt-footer = { $site } · { $reference } · Page { $n } sur { $m }
application-receipt-link = Télécharger l’accusé de réception (PDF)
mail-draft-reminder-subject = Votre brouillon sera bientôt supprimé
mail-draft-reminder-body = Bonjour,

    votre brouillon pour « { $service } » sur le { $site } sera supprimé le { $until } si vous ne le reprenez pas d’ici là. Chaque enregistrement prolonge le délai.

    Pour continuer :

    { $link }
sign-in-email-access = Sans mot de passe : un lien de connexion par courriel
trust-email = Adresse électronique confirmée (sans mot de passe)
email-access-title = Continuer avec votre adresse électronique
email-access-lead = Certaines demandes ne nécessitent pas de Servicekonto : une adresse électronique confirmée suffit.
email-access-text = Nous vous envoyons un lien qui vous connecte sans mot de passe. Avec un nouveau lien, vous retrouvez à tout moment vos brouillons et vos demandes, aussi sur un autre appareil.
email-access-email-hint = Nous envoyons le lien à cette adresse, puis les messages concernant votre demande.
email-access-submit = Envoyer le lien
email-access-have-account = Vous avez un Servicekonto avec mot de passe ?
email-access-sent-title = Veuillez consulter votre messagerie
email-access-sent-lead = Si l’adresse est correcte, un lien est en route.
email-access-sent-text = Le lien est valable 30 minutes et une seule fois. Pas de courriel ? Regardez aussi dans le dossier des indésirables.
email-access-again = Demander un nouveau lien
sign-in-link-title = Se connecter avec un lien
sign-in-link-text = Ce bouton vous connecte et vous ramène là où vous avez demandé le lien.
sign-in-link-submit = Se connecter et continuer
sign-in-link-invalid-title = Ce lien n’est plus valable
sign-in-link-invalid-text = Il a déjà été utilisé, il a expiré ou un lien plus récent l’a remplacé.
application-access-heading = Comment faire la demande
application-access-choice = Connectez-vous avec votre Servicekonto ou continuez avec votre seule adresse électronique.
application-access-account = Se connecter avec un Servicekonto
application-access-email = Continuer sans Servicekonto
application-needs-password-title = Cette demande nécessite un mot de passe
application-needs-password = Vous êtes connecté avec votre seule adresse électronique. Cette demande nécessite un Servicekonto complet : définissez un mot de passe. Vos demandes précédentes sont conservées.
account-set-password = Définir un mot de passe
account-no-password-title = Vous utilisez le portail sans mot de passe
account-no-password-text = Vous vous connectez avec un lien que nous envoyons à votre adresse électronique. Avec un mot de passe, il devient un Servicekonto complet : pour toutes les demandes, avec second facteur et clés d’accès.
delete-without-password-hint = Si votre connexion date de plus de dix minutes, vous confirmez d’abord la suppression avec un nouveau lien.
reauth-link-title = Confirmer avec un nouveau lien
reauth-link-lead = Pour cette étape, veuillez confirmer une nouvelle fois que vous avez accès à votre adresse électronique. Nous vous envoyons un lien à cet effet.
event-sign-in-link-requested = Lien de connexion demandé
event-signed-in-by-link = Connexion avec un lien
mail-sign-in-link-subject = Votre lien de connexion
mail-sign-in-link-body = Bonjour,

    ce lien vous connecte à { $site } sans mot de passe :

    { $link }

    Le lien est valable 30 minutes et une seule fois. Si vous ne l’avez pas demandé, vous pouvez ignorer ce courriel.
mail-sign-in-link-password-subject = Veuillez vous connecter avec votre mot de passe
mail-sign-in-link-password-body = Bonjour,

    quelqu’un a demandé à { $site } un lien de connexion pour cette adresse. Cette adresse a un Servicekonto avec mot de passe. Veuillez vous connecter avec celui-ci :

    { $sign_in }

    Mot de passe oublié ?

    { $reset }

    Si ce n’était pas vous, vous n’avez rien à faire.
