"""Messages of installed apps that ship no Kurdish translation, translated in locale/: django-axes has
no Kurdish catalogue, and Django's own lacks a few recent messages.

Django fills a missing Kurdish message from the default language's catalogue, so without these the
Kurdish admin would show axes' models and fields in Arabic. `makemessages` finds them here; nothing
imports this module. The Arabic follows the apps' own translations.
"""

from django.utils.translation import gettext_noop

AXES = [
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account."),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("Logout Time"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]

# Django's admin and auth: missing from its Kurdish catalogue, or spelled there with an Arabic ي.
DJANGO = [
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("None available"),
    gettext_noop(
        "Raw passwords are not stored, so there is no way to see this user’s password, but you can change the "
        'password using <a href="{}">this form</a>.'
    ),
    gettext_noop("Password (again)"),
    gettext_noop(
        "Enter a valid username. This value may contain only English letters, numbers, and @/./+/-/_ characters."
    ),
]
