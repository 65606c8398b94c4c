# English. Every user interface string lives here and in de/ and fr/.

lang-name = English
skip-to-content = Skip to main content
official-site = Official service portal of { $region }
language-switcher-label = Choose language
footer-nav-label = Legal information and accessibility
footer-imprint = Legal notice
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-easy-language = Easy-to-read German
footer-sign-language = Sign language
title-error-prefix = Error: { $title }
manifest-description = Find public services and apply online.
form-optional = optional
contact-email = Email
contact-phone = Phone

home-title = Home
home-heading = Service portal { $region }
home-lead = Find the public services of { $region } and its municipalities here – and complete many of them online.
home-about-heading = What you can expect here
home-about-text = The service portal shows you which authority is responsible for your request where you live, which documents you need and what it costs. With a service account you keep your details, drafts and applications, and receive answers from the authorities in your mailbox.
home-cards-label = About the portal
home-card-easy-language = The portal explained in simple words.
home-card-sign-language = Information in German Sign Language.
home-card-accessibility = How accessible the portal is and how to report barriers.

not-found-title = Page not found
not-found-lead = The address is misspelled or the page no longer exists.
not-found-home = Go to the home page
not-found-report = Report a problem with this website

error-page-title = Something went wrong
error-page-lead = A technical problem prevented us from saving what you entered. Please try again later.
error-page-reference = If you contact us about this, please quote this reference:

offline-title = No connection
offline-lead = Your device is not connected to the internet right now. You can continue as soon as the connection is back.
offline-retry = Try again

error-summary-title = Please check your entries
error-bad-request = The request could not be processed. Please reload the page and try again.
error-forbidden = This request is not allowed. Please reload the page.
error-not-found = What you were looking for was not found.
error-too-large = Your entry is too large to send. Please shorten it.
error-too-many = Too many requests in a short time. Please wait a moment.
error-internal = A technical problem prevented us from saving your entry. Please try again later.
error-network = The server cannot be reached right now. Check your connection; what you entered is kept.

accessibility-title = Accessibility statement
accessibility-lead = { $operator } is committed to making the { $site } accessible, in accordance with federal and state disability equality law and the German Accessible Information Technology Ordinance (BITV 2.0). This statement applies to { $url }.
accessibility-status-heading = Compliance status
accessibility-status-text = The service portal is partially compliant with BITV 2.0 and the European standard EN 301 549 (which implements WCAG 2.1 level AA) because of the limitations listed below.
accessibility-limitations-heading = Non-accessible content
accessibility-limitation-sign-language = Videos in German Sign Language are not available yet. The "Sign language" page describes what they will show and how to get help until then.
accessibility-limitation-easy-language = Easy-to-read German currently explains the portal itself, not yet every single public service.
accessibility-limitation-external = Some links lead to websites of other authorities. Those authorities are responsible for their accessibility.
accessibility-method-heading = Preparation of this statement
accessibility-method-text = This statement was prepared on { $date } and is based on a self-assessment: every page is checked automatically against WCAG 2.1 level AA (axe-core) with every change, and every journey is tested using only the keyboard and without JavaScript.
accessibility-contact-heading = Report barriers: contact
accessibility-contact-text = Have you noticed barriers on this website? Do you need content in another, accessible form? Write to us using the form below, by email, or call us.
accessibility-enforcement-heading = Enforcement procedure
accessibility-enforcement-text = If you have received no answer, or no satisfactory answer, to your feedback, you can turn to the conciliation body. The procedure is free of charge and you do not need legal representation.

feedback-heading = Feedback on accessibility
feedback-intro = Only your message is required. If you give an email address, we will answer you.
feedback-name-label = Your name
feedback-name-hint = So that we can address you.
feedback-email-label = Your email address
feedback-email-hint = Only if you would like an answer. For example: name@example.com
feedback-page-label = Page concerned
feedback-page-hint = The address or the name of the page, for example: Home
feedback-message-label = Your message
feedback-message-hint = Please describe what did not work. At most 5000 characters.
feedback-name-too-long = Your name must be 200 characters or fewer.
feedback-email-invalid-email = Enter an email address in the correct format, like name@example.com.
feedback-email-too-long = Your email address must be 254 characters or fewer.
feedback-page-too-long = The page concerned must be 500 characters or fewer.
feedback-message-required = Enter your message.
feedback-message-too-long = Your message must be 5000 characters or fewer.
feedback-submit = Send feedback
feedback-sending = Sending …
feedback-success-title = Thank you for your feedback
feedback-success-body = We have received your message. We will look into it and get back to you if you gave an email address.
feedback-back-to-statement = Back to the accessibility statement

easy-language-title = Easy-to-read information
easy-what-heading = What is the service portal?
easy-what-1 = The service portal is a website of { $region }.
easy-what-2 = Here you find offices and authorities. For example: the citizens' office where you live.
easy-what-3 = You see: Which office helps me? What do I need to bring? What does it cost?
easy-how-heading = What can I do here?
easy-how-1 = You can make many applications on the internet. Then you do not need to go to the office.
easy-how-2 = With a service account you can save your details. Then you do not need to write them again every time.
easy-how-3 = The office writes you an answer. The answer arrives in your mailbox in the service portal.
easy-help-heading = Who helps me?
easy-help-1 = Is something hard to understand? Then ask at the citizens' office where you live.
easy-help-2 = You can also bring a person you trust.
easy-barrier-heading = Something does not work?
easy-barrier-1 = We want everybody to be able to use the service portal.
easy-barrier-2 = Does something not work for you? Then please write to us.
easy-barrier-link = You can write to us here.

sign-language-title = Sign language
sign-language-lead = On this page we explain the service portal in German Sign Language (DGS).
sign-videos-heading = The videos
sign-videos-text = The videos in German Sign Language are being produced. They will be shown here with subtitles and explain these topics:
sign-topic-portal = what the service portal is and who runs it,
sign-topic-search = how to find services and the responsible authority,
sign-topic-account = how to create and use a service account,
sign-topic-apply = how to apply online and read answers in the mailbox,
sign-topic-barrier = how to report barriers to us.
sign-help-heading = Help until then
sign-help-text = If you have questions, send us an email. We will answer in writing and in plain language.

imprint-title = Legal notice
imprint-operator-heading = Publisher
imprint-represented-by = Represented by { $who }.
imprint-software-heading = Software
imprint-software-text = The service portal is free software under the EUPL-1.2, the open-source licence of public administrations in Europe.

privacy-title = Privacy
privacy-lead = What data the service portal processes, why, and for how long.
privacy-controller-heading = Controller
privacy-controller-text = The controller is { $operator }, reachable at { $email }.
privacy-officer-text = Data protection officer: { $officer }, reachable at { $email }.
privacy-feedback-heading = Feedback on accessibility
privacy-feedback-text = When you send us feedback, we store your message, the page concerned and – only if you give them – your name and email address, in order to handle your feedback and answer you. The legal basis is Art. 6(1)(e) GDPR together with the duties under BITV 2.0.
privacy-feedback-retention = We delete feedback once it has been handled and no retention duty applies any more.
privacy-cookies-heading = Cookies
privacy-cookies-text = The portal only sets cookies it needs to work. There is no advertising, no audience measurement and no content from other providers.
privacy-cookie-language = "sprache" remembers the language you chose for one year.
privacy-cookie-form = "formular" keeps what you typed into a form for at most ten minutes when it came back with errors without JavaScript, so nothing is lost.
privacy-logs-heading = Server logs
privacy-logs-text = For troubleshooting and security, the server logs the time, the address requested and the result of each request, but not the content of forms.
privacy-rights-heading = Your rights
privacy-rights-text = You have the right of access, rectification, erasure, restriction of processing and objection (Art. 15 to 21 GDPR).
privacy-authority-text = You may lodge a complaint with the supervisory authority: { $authority }.

service-responsible-heading = Responsible office
service-responsible-for = Responsible for { $place }:
service-change-place = Choose another place
service-choose-place = Choose your municipality and we will show you which office is responsible for you.
service-online-portal = Available online
service-online-external = Available online
service-online-external-link = Go to the online service
service-texts-german-only = The description of this service is only available in German so far.
service-description-heading = Description
service-who-heading = Who can apply?
service-documents-heading = Which documents do I need?
service-fees-heading = What does it cost?
service-duration-heading = How long does it take?
service-legal-heading = Legal basis
service-life-situations-heading = Related life situations
place-label = Your municipality
place-hint = The municipality where you live. We remember your choice.
place-choose = Please choose
place-submit = Use this place
privacy-cookie-place = "ort" remembers the municipality you chose for one year, so that we can show the office responsible for you.

life-umzug = Moving house
life-geburt = Birth
life-heirat = Marriage
life-todesfall = Death
life-auto-und-verkehr = Cars and traffic
life-arbeit-und-gewerbe = Work and business
life-bauen-und-wohnen = Building and housing
life-soziales = Social benefits
life-tiere = Animals
life-ausweise-und-dokumente = ID cards and documents
life-familie-und-kinder = Family and children
life-wahlen = Elections
life-freizeit = Leisure
life-migration = Immigration and residence
life-situation-lead = The services you often need in this situation.
place-page-title = Services in { $place }
place-page-lead = Every service of the portal with the office responsible for this place.
home-life-situations-heading = Life situations
home-place-heading = My place
home-place-text = Choose your municipality, and every service shows who is responsible for you.
home-place-current = Your place: { $place }
home-place-all = All services for { $place }
search-label = What are you looking for?
search-hint = For example: ID card, moving house, register a car (German words work best)
search-submit = Search
search-title = Search
search-title-for = Search for "{ $query }"
search-count = { $count ->
    [0] No services found
    [one] 1 service found
   *[other] { $count } services found
}
search-did-you-mean = Did you mean:
search-empty = We found no service for your search.
search-empty-tip = Try another word, for example the everyday name of the service, or choose a life situation on the home page.
search-previous = Previous page
search-next = Next page
search-page-of = Page { $page } of { $pages }
search-pages-label = Result pages
search-filter-life = Life situation
search-filter-all = All life situations
search-filter-online = Only services available online
search-filter-apply = Apply filters
authority-serves = Responsible for { $region }.
authority-services-heading = Services of this office
search-suggestions = { $count } suggestions, choose with the arrow keys
search-suggestions-label = Suggestions
home-popular-heading = Frequently used
place-search-title = Choose your place
place-search-lead = Find your municipality by name or postcode, or choose it from the list.
place-search-label = Municipality or postcode
place-search-hint = For example “Homburg”, or the first digits of the postcode.
place-search-submit = Find municipality
place-search-count = { $count ->
    [one] One municipality found.
   *[other] { $count } municipalities found.
}
place-search-none = No municipality found for “{ $query }”.
place-search-invalid = “{ $query }” is not a postcode: it has at most five digits.
place-search-none-hint = Check the spelling, search for the name of the municipality, or choose it from the list of all municipalities.
place-search-all = Show all municipalities
authority-opening-hours = Opening hours
authority-accessibility = Accessibility of the building

## Servicekonto
nav-account = My account
nav-sign-in = Sign in
nav-account-label = Service account
sign-out = Sign out
account-email-label = Email address
account-password-label = Password
account-new-password-label = New password
account-current-password-label = Current password
account-password-hint = At least { $min } characters. A sentence of several words is easy to remember and secure. Common passwords and words such as the name of the portal are not allowed.
account-email-required = Enter your email address.
account-email-invalid-email = Enter an email address in the form name@example.com.
account-email-too-long = The email address must be at most 254 characters long.
account-password-required = Enter your password.
account-password-too-short = The password must be at least 12 characters long.
account-password-too-long = The password must be at most 128 characters long.
account-password-common-password = This password is very common and easy to guess. Please choose another one.
account-password-context-password = The password is too close to your email address or the name of the portal. Please choose another one.
account-password-wrong-password = The password is not correct.
account-password-unchanged = The new password must be different from the current one.
account-current-required = Enter your current password.
account-current-wrong-password = The current password is not correct.
account-form-wrong-password = The email address or password is not correct.
account-form-too-many = Too many attempts. Please wait a few minutes and then try again.
account-form-unconfirmed = Please first confirm your email address using the link in our email.
account-form-invalid-code = The link is invalid or has expired.
account-confirm-required = Confirm that you want to delete your account.
register-title = Create a service account
register-lead = With a service account you can save your details, drafts and applications and receive replies from the authorities in your mailbox.
register-email-hint = We will send you a link to confirm the address.
register-submit = Create account
register-have-account = Already have an account?
registered-title = Please check your mailbox
registered-lead = We have sent you an email.
registered-text = Open the link in the email to confirm your address. The link is valid for 24 hours. If the email does not arrive, please also check your spam folder.
resend-heading = Send the confirmation link again
resend-submit = Send link again
confirm-title = Confirm email address
confirm-text = Please confirm that this email address belongs to you.
confirm-submit = Confirm address
confirm-invalid-title = This link is invalid or has expired.
confirm-invalid-text = A confirmation link is valid for 24 hours and can be used only once. You can request a new one.
sign-in-title = Sign in
sign-in-lead = Sign in with your service account.
sign-in-submit = Sign in
session-expired = You were signed out after a period of inactivity. Please sign in again.
forgot-title = Forgotten password
forgot-lead = Enter the email address of your account. We will send you a link to set a new password.
forgot-submit = Request link
forgot-sent-title = Please check your mailbox
forgot-sent-lead = If there is an account for this address, we have sent a link. It is valid for 30 minutes and can be used only once.
reset-title = Set a new password
reset-submit = Save password
reset-invalid-title = This link is invalid or has expired.
reset-invalid-text = A password reset link is valid for 30 minutes and can be used only once. Please request a new one.
account-title = My service account
account-since = Account since
account-trust = Trust level of this sign-in
trust-basic = Basic (email and password)
trust-substantial = Substantial (with a second factor)
account-card-security = Signed-in devices, recent events and changing your password.
account-privacy-title = My data
account-card-privacy = Download all stored data or delete the account.
security-title = Security
security-lead = Here you can see where you are signed in and what has recently happened with your account.
security-sessions-heading = Signed-in devices
security-device = Device
security-address = Address
security-started = Signed in since
security-last-seen = Last active
security-actions = Actions
security-this-session = This device
security-unknown-device = Unknown device
security-revoke = Sign out
security-sign-out-everywhere = Sign out everywhere
security-password-heading = Change password
security-password-submit = Change password
security-events-heading = Recent events
security-when = Time
security-what = Event
event-registered = Account created
event-registered-again = New registration attempt with this address
event-email-verified = Email address confirmed
event-signed-in = Signed in
event-sign-in-failed = Sign-in failed
event-sign-in-throttled = Sign-in delayed because of too many attempts
event-signed-out = Signed out
event-signed-out-everywhere = Signed out everywhere
event-session-revoked = A device was signed out
event-password-reset-requested = Password reset requested
event-password-reset = Password reset
event-password-changed = Password changed
event-reauthenticated = Password confirmed again
event-email-change-requested = Email address change requested
event-email-changed = Email address changed
event-profile-changed = Personal details changed
event-data-exported = Data downloaded
event-account-deleted = Account deleted
event-unconfirmed-account-removed = Unconfirmed account removed
event-role-changed = Role changed
account-privacy-lead = Your rights under the General Data Protection Regulation (GDPR): access and data portability (Art. 15 and 20 GDPR) and erasure (Art. 17 GDPR).
export-heading = Download my data
export-text = You receive all the data the portal stores about your account as a JSON file. To do so, you first confirm your password, unless you have just entered it.
export-link = Download data (JSON)
delete-heading = Delete account
delete-text = If you delete your account, we remove your sign-in details, your personal details, drafts and your mailbox. You will be signed out everywhere. This cannot be undone.
delete-applications = Applications you have already submitted remain with the responsible authority, because it must keep them by law. They are separated from your account; you will then receive replies by post or email.
delete-password-hint = For your security: your current password.
delete-confirm-label = Yes, I want to permanently delete my service account.
delete-submit = Permanently delete account
reauth-title = Confirm password
reauth-lead = For this step, please confirm your password once more.
reauth-submit = Confirm
notice-confirmation-resent = If there is an unconfirmed account for this address, we have sent a new link.
notice-email-confirmed = Your email address is confirmed.
notice-signed-out = You are signed out.
notice-signed-out-everywhere = You are signed out on all devices.
notice-session-revoked = The device is signed out.
notice-password-reset = Your new password has been saved. You were signed out on all devices; please sign in.
notice-password-changed = Your password has been changed. Other devices were signed out.
notice-account-deleted = Your service account has been deleted.
mail-footer = This email was sent automatically by { $site }. Please do not reply to it.
mail-verify-subject = Please confirm your email address
mail-verify-body = Hello,

    You have created a service account on { $site }. Please confirm your email address with this link:

    { $link }

    The link is valid for 24 hours. If you did not create an account, you can ignore this email.
mail-already-registered-subject = You already have a service account
mail-already-registered-body = Hello,

    Someone tried to create an account on { $site } with this email address. There is already a service account for this address.

    Sign in:

    { $sign_in }

    Forgotten your password?

    { $reset }

    If this was not you, you do not need to do anything.
mail-reset-subject = New password for your service account
mail-reset-body = Hello,

    You would like to set a new password for your service account. Please use this link:

    { $link }

    The link is valid for 30 minutes and can be used only once. If you did not request this, you can ignore this email; your password stays unchanged.
mail-reset-unknown-subject = Password reset on { $site }
mail-reset-unknown-body = Hello,

    Someone tried to reset the password for a service account with this email address. However, there is no account for this address.

    Create an account:

    { $register }

    If this was not you, you do not need to do anything.
mail-email-change-subject = Please confirm your new email address
mail-email-change-body = Hello,

    You would like to use this address for your service account on { $site }. Please confirm it with this link:

    { $link }

    The link is valid for 24 hours.
mail-email-changed-subject = The email address of your service account has been changed
mail-email-changed-body = Hello,

    The email address of your service account has been changed to: { $new_email }

    If this was not you, please contact the operator of the portal immediately.
mail-password-changed-subject = Your password has been changed
mail-password-changed-body = Hello,

    The password of your service account on { $site } has just been changed.

    If this was not you, please set a new password immediately using “Forgotten password” and contact the operator of the portal.
mail-account-deleted-subject = Your service account has been deleted
mail-account-deleted-body = Hello,

    Your service account on { $site } has been deleted at your request. The responsible authority will continue to process applications you have already submitted.
field-error-too-long = { $label }: the entry is too long (at most 100 characters).
field-error-invalid-choice = { $label }: please choose an entry from the list.
account-birth_date-invalid-date = Enter a date of birth in the past, for example 24/12/1980.
account-postcode-invalid-postcode = Enter a postcode of five digits (abroad 3 to 10 characters).
account-phone-invalid-phone = Enter a phone number of 5 to 20 digits, for example +49 681 12345.
account-email-unchanged = This already is the email address of your account.
account-card-profile = Name, address and contact details we use to prefill your applications.
profile-title = Personal details
profile-lead = These details prefill your applications. Every field is optional; you can still change each entry in the application.
profile-person = Person
profile-address = Address
profile-contact = Contact and language
profile-choose = Please choose
profile-salutation = Salutation
salutation-frau = Ms
salutation-herr = Mr
salutation-keine = No salutation
profile-academic_title = Academic title
profile-given_names = Given names
profile-family_name = Family name
profile-birth_name = Name at birth
profile-birth_date = Date of birth
profile-birth_date-hint = For example 24/12/1980.
profile-birth_place = Place of birth
profile-nationality = Nationality
profile-street = Street
profile-house_number = House number
profile-postcode = Postcode
profile-city = Town
profile-gemeinde = Municipality
profile-country = Country
profile-phone = Phone
profile-language = Preferred language
profile-submit = Save details
profile-email-heading = Change email address
profile-email-current = Your email address: { $email }
profile-email-text = We send a confirmation link to the new address. The new address only applies once you open it; the previous address is then informed.
profile-new-email = New email address
profile-email-submit = Send confirmation link
notice-profile-saved = Your details have been saved.
notice-email-change-sent = We have sent a confirmation link to the new address.
account-code-required = Enter the code.
account-code-invalid-code = The code is wrong or has expired. Enter the current code from your app.
sign-in-code-title = Enter the code
sign-in-code-lead = Your account is protected with a second factor.
sign-in-code-label = Code from the authenticator app
sign-in-code-hint = Six digits. Without your phone you can enter one of your recovery codes instead.
sign-in-code-restart = Start signing in again
totp-title = Set up an authenticator app
totp-lead = With a second factor your account stays protected even if someone knows your password.
totp-required-for-staff = A second factor is required for authority staff and administrators. Please set it up now.
totp-intro = You need an authenticator app on your phone, for example FreeOTP, Aegis or the app of your password manager.
totp-start = Start set-up
totp-step-scan = Open your authenticator app and scan this QR code.
totp-qr-label = QR code for setting up the authenticator app
totp-step-type = If scanning does not work, enter this key in the app:
totp-step-confirm = To confirm, enter the code the app shows now.
totp-code-label = Code from the app
totp-code-hint = Six digits; the code changes every 30 seconds.
totp-confirm = Confirm and set up
recovery-title = Your recovery codes
recovery-done = The authenticator app is set up.
recovery-text = If you lose your phone, sign in with one of these codes. Each code works once. Keep them safe, for example printed; they are shown only now.
recovery-continue = Continue to security
recovery-gone = The recovery codes are shown only once, right after the set-up.
security-factor-heading = Second factor
security-factor-active = An authenticator app is set up. Unused recovery codes: { $count }.
security-factor-none = No second factor is set up yet.
security-factor-remove = Remove the authenticator app
security-recovery-renew = Create new recovery codes
security-recovery-renew-text = Lost your recovery codes or used most of them? Create new ones; the old ones then stop working.
event-recovery-codes-renewed = New recovery codes created
event-application-submitted = Application submitted
event-second-factor-added = Second factor set up
event-second-factor-removed = Second factor removed
event-second-factor-failed = Wrong second-factor code
event-recovery-code-used = Recovery code used
notice-second-factor-removed = The authenticator app has been removed.
timeout-title = Your session ends soon
timeout-body = For your security you will be signed out in { $minutes } minutes if you do nothing. What you typed on this page stays.
timeout-stay = Stay signed in
timeout-ended-title = You have been signed out
timeout-ended-body = What you typed on this page is still here. Sign in in a new tab, then send the form from here.
timeout-sign-in = Sign in in a new tab
password-missing = { $n } more characters.
password-too-long = At most { $max } characters.
password-strength-1 = Long enough. A longer password would be safer.
password-strength-2 = Long enough, medium strength.
password-strength-3 = Good strength.
password-strength-4 = Very good strength.
passkeys-heading = Passkeys
passkeys-text = With a passkey you sign in without a password, using your fingerprint, face, device PIN or a security key. A passkey counts as a second factor.
passkey-add = Add a passkey
passkey-name-label = Name of the passkey (for example “My phone”)
passkey-sign-in = Sign in with a passkey
passkey-sign-in-heading = Or without a password
passkey-second-step-heading = Or with a passkey
passkey-failed = That did not work. Please try again or use another way.
passkey-unsupported = This browser does not support passkeys.
passkey-needs-javascript = Passkeys need JavaScript. You can sign in with password and code.
passkey-added = added on { $date }
passkey-remove = Remove
passkey-confirm-first = Confirm your password to add a passkey
notice-passkey-removed = The passkey has been removed.

# Online applications
service-apply-online = Apply online
account-card-applications = Drafts and submitted applications, with their reference numbers.
applications-title = My applications
applications-lead = Your submitted applications and the drafts you can continue.
applications-none = You have not started an application yet. Online applications are offered with the services marked “Online possible”.
applications-sent = Submitted applications
applications-drafts = Drafts
applications-service = Service
applications-status = Status
applications-reference = Reference / kept until
applications-updated = Last changed
application-status-draft = Draft
application-status-submitted = Submitted
application-draft-until = Draft until { $until }
application-needs-account = Sign in with your Servicekonto for this application. Your details are saved, and the authority's answer reaches your mailbox.
application-start = Start application
application-resume = Continue
application-draft-saved = Your draft was saved on { $at } and is kept until { $until }.
application-before-heading = Before you start
application-steps-heading = The steps of the application
application-step-done = Done
application-step-open = To do
application-back = Back
application-progress = Step { $n } of { $total }
application-continue = Continue
application-save-later = Save and continue later
application-prefilled = Taken from your Servicekonto. You can change it here.
application-add-entry = Add another: { $group }
application-remove-entry = Remove: { $entry }
application-yes = Yes
application-no-answer = Not given
application-change = Change
application-check-title = Check your answers and submit
application-gemeinde-label = Municipality you are applying for
application-gemeinde-hint = This decides which authority is responsible. Usually it is where you live.
application-gemeinde-required = Choose the municipality you are applying for.
application-gemeinde-no-authority = No authority is on record for this service in this municipality. Your draft stays saved; please contact your municipal administration.
application-declaration-heading = Declaration
application-declaration-required = Confirm the declaration to submit the application.
application-submit = Submit application
application-sent-title = Application submitted: { $service }
application-reference = Your reference number:
application-sent-at = Submitted on { $at }.
application-next-heading = What happens next
application-authority-heading = Responsible authority
application-answers-heading = Your answers
notice-draft-saved = Your draft is saved. You find it under “My applications”.
form-error-required = { $label }: Please answer this.
form-error-too-short = { $label }: At least { $min } characters.
form-error-too-long = { $label }: At most { $max } characters.
form-error-not-a-number = { $label }: Enter a number, for example 12 or 12.50.
form-error-too-small = { $label }: At least { $min }.
form-error-too-large = { $label }: At most { $max }.
form-error-not-a-date = { $label }: Enter a valid date.
form-error-too-early = { $label }: On { $min } at the earliest.
form-error-too-late = { $label }: On { $max } at the latest.
form-error-invalid-email = { $label }: Enter an email address like name@example.com.
form-error-invalid-phone = { $label }: Enter a phone number with 5 to 20 digits, for example +49 681 12345.
form-error-invalid-iban = { $label }: The IBAN is not right. Check the digits (German IBANs have 22 characters and start with DE).
form-error-invalid-postcode = { $label }: Enter a postcode with five digits.
form-error-invalid-choice = { $label }: Choose an entry from the list.
form-error-pattern = { $label }: This is not in the expected form.
form-error-too-few-items = { $label }: At least { $min } entries.
form-error-too-many-items = { $label }: At most { $max } entries.
form-error-too-many-files = { $label }: At most { $max } files.
form-error-file-type = { $label }: Upload a PDF, JPEG or PNG file.
form-error-file-too-large = { $label }: The file is too large (at most { $max } MB per file).
form-error-application-too-many-files = { $label }: An application can hold at most { $max } files. Remove another file if you want to upload this one.
form-error-application-files-too-large = { $label }: All files of an application together may be at most { $max } MB. Remove another file or upload a smaller one.
application-file-hint = PDF, JPEG or PNG, at most { $max } MB per file.
application-file-upload = Upload file
application-file-remove = Remove: { $file }
application-files-of = Uploaded files: { $label }
mail-application-submitted-subject = Application received: { $reference }
mail-application-submitted-body = Hello,

    your application “{ $service }” has reached the { $site } and was passed on to the responsible authority: { $authority }.

    Your reference number: { $reference }

    Your answers, the receipt (PDF) and the status are in your Servicekonto:

    { $link }
receipt-title = Receipt { $reference }
receipt-reference = Reference number
receipt-service = Service
receipt-submitted = Submitted on
receipt-authority = Responsible authority
receipt-files = Attachments
receipt-footer = { $site } · { $reference } · Page { $n } of { $m }
application-receipt-link = Download the receipt (PDF)
mail-draft-reminder-subject = Your draft will be deleted soon
mail-draft-reminder-body = Hello,

    your draft for “{ $service }” at the { $site } will be deleted on { $until } unless you continue it by then. Every save extends the time.

    Continue here:

    { $link }
sign-in-email-access = No password: a sign-in link by email
trust-email = Email address confirmed (no password)
email-access-title = Continue with your email address
email-access-lead = Some applications do not need a Servicekonto: a confirmed email address is enough.
email-access-text = We send you a link that signs you in without a password. With a new link you find your drafts and applications again at any time, on another device too.
email-access-email-hint = We send the link to this address, and later the messages about your application.
email-access-submit = Send the link
email-access-have-account = Do you have a Servicekonto with a password?
email-access-sent-title = Please check your email
email-access-sent-lead = If the address is right, a link is on its way to you.
email-access-sent-text = The link is valid for 30 minutes and can be used only once. No email? Please also look in your spam folder.
email-access-again = Ask for a new link
sign-in-link-title = Sign in with a link
sign-in-link-text = This button signs you in and takes you back to where you asked for the link.
sign-in-link-submit = Sign in and continue
sign-in-link-invalid-title = This link is no longer valid
sign-in-link-invalid-text = It has been used already, has expired, or a newer link has replaced it.
application-access-heading = How to apply
application-access-choice = Sign in with your Servicekonto, or continue with only your email address.
application-access-account = Sign in with a Servicekonto
application-access-email = Continue without a Servicekonto
application-needs-password-title = This application needs a password
application-needs-password = You are signed in with only your email address. This application needs a full Servicekonto: set a password for it. Your applications so far stay.
account-set-password = Set a password
account-no-password-title = You use the portal without a password
account-no-password-text = You sign in with a link that we send to your email address. A password makes it a full Servicekonto: for every application, with a second factor and passkeys.
delete-without-password-hint = If you signed in more than ten minutes ago, you confirm the deletion with a new link first.
reauth-link-title = Confirm with a new link
reauth-link-lead = For this step, please confirm once more that you can read your email. We send you a link for it.
event-sign-in-link-requested = Sign-in link requested
event-signed-in-by-link = Signed in with a link
mail-sign-in-link-subject = Your sign-in link
mail-sign-in-link-body = Hello,

    this link signs you in to { $site } without a password:

    { $link }

    The link is valid for 30 minutes and can be used only once. If you did not ask for it, you can ignore this email.
mail-sign-in-link-password-subject = Please sign in with your password
mail-sign-in-link-password-body = Hello,

    someone asked { $site } for a sign-in link for this address. This address has a Servicekonto with a password. Please sign in with it:

    { $sign_in }

    Forgotten your password?

    { $reset }

    If this was not you, there is nothing you need to do.
