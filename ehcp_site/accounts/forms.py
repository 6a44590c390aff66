"""Forms for accounts: sign up, sign in, reset a password, delete an account.

Fields render with the GOV.UK helpers in journeys/templatetags/govuk.py, so errors read the
same as the journeys': a summary at the top and a message next to the field. Messages are
short and plain; a password is never written back into the page.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from ehcp_site.accounts.models import User, normalise_email
from ehcp_site.validators import one_line

MIN_PASSWORD_LENGTH = 10

EMAIL_MESSAGES = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "max_length": "Your email address must be 254 characters or fewer",
}
PASSWORD_HINT = (
    f"Use at least {MIN_PASSWORD_LENGTH} characters. "
    "Three or four random words together are easy to remember and hard to guess."
)
# Django's password validators, said plainly. Codes not listed keep Django's words.
PASSWORD_MESSAGES = {
    "password_too_short": f"Your password must be at least {MIN_PASSWORD_LENGTH} characters",
    "password_too_common": "This password is too easy to guess. Choose a different one",
    "password_entirely_numeric": "Your password cannot be only numbers",
    "password_too_similar": "Your password is too like your email address",
}


class PasswordField(forms.CharField):
    """A password box that never shows what was typed, even when the page has errors."""

    def __init__(self, *, autocomplete: str, **kwargs):
        kwargs.setdefault("strip", False)
        kwargs.setdefault("max_length", 4096)
        super().__init__(widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}), **kwargs)

    def prepare_value(self, value):
        return ""


def email_field(**kwargs) -> forms.EmailField:
    return forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages=EMAIL_MESSAGES,
        **kwargs,
    )


def password_problems(password: str, *, user) -> list[str]:
    """What is wrong with a new password for this person, in plain words (empty: nothing)."""
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as error:
        return [PASSWORD_MESSAGES.get(e.code, " ".join(e.messages)) for e in error.error_list]
    return []


def check_new_password(form: forms.Form, first: str, second: str, *, user) -> None:
    """Add errors to a form with a new password typed twice: problems with the password go
    next to the first box, a mismatch next to the second."""
    password, again = form.cleaned_data.get(first), form.cleaned_data.get(second)
    if not password:
        return
    problems = password_problems(password, user=user)
    if problems:
        # One message at a time, as the GOV.UK pattern asks; the next shows if it still applies.
        form.add_error(first, problems[0])
    if again and again != password:
        form.add_error(second, "The passwords do not match. Type the same password twice")


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="Advocates and support workers you share a case with will see this name.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        # A name goes into email subjects: a line break there is a header injection.
        validators=[one_line("Your name")],
        error_messages={
            "required": "Enter your full name",
            "max_length": "Your name must be 150 characters or fewer",
        },
    )
    email = email_field(help_text="You will use this to sign in.")
    password1 = PasswordField(
        label="Create a password",
        autocomplete="new-password",
        help_text=PASSWORD_HINT,
        error_messages={"required": "Create a password"},
    )
    password2 = PasswordField(
        label="Type your password again",
        autocomplete="new-password",
        error_messages={"required": "Type your password again"},
    )

    def clean_email(self) -> str:
        # Whether the address has an account is not said here (views.sign_up_view).
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        # Compared with the name and email typed here, as Django does for an existing user.
        person = User(email=cleaned.get("email") or "", full_name=cleaned.get("full_name") or "")
        check_new_password(self, "password1", "password2", user=person)
        return cleaned


class SignInForm(auth_forms.AuthenticationForm):
    """Django's sign-in form with an email label and plain messages.

    The field stays named `username`: django-axes counts failures by it.
    """

    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account has been closed",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = "Email address"
        username.widget = forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
        username.error_messages["required"] = "Enter your email address"
        self.fields["password"] = PasswordField(
            label="Password",
            autocomplete="current-password",
            error_messages={"required": "Enter your password"},
        )

    def clean_username(self) -> str:
        # "Sam@X.org " and "sam@x.org" are one account, and one count of failed attempts.
        return normalise_email(self.cleaned_data.get("username"))


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    email = email_field(
        help_text="Use the email address you signed up with.",
    )


class NewPasswordForm(auth_forms.SetPasswordForm):
    """The form a reset link opens: choose a new password, typed twice."""

    new_password1 = PasswordField(
        label="New password",
        autocomplete="new-password",
        help_text=PASSWORD_HINT,
        error_messages={"required": "Enter a new password"},
    )
    new_password2 = PasswordField(
        label="Type your new password again",
        autocomplete="new-password",
        error_messages={"required": "Type your new password again"},
    )

    def clean(self):
        check_new_password(self, "new_password1", "new_password2", user=self.user)
        return self.cleaned_data


class AccountDeleteForm(forms.Form):
    """Deleting an account asks for its password, so nobody at an unlocked computer can."""

    password = PasswordField(
        label="Your password",
        autocomplete="current-password",
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("The password is not correct. Try again", code="wrong")
        return password


class ChangeNameForm(forms.Form):
    full_name = SignUpForm.base_fields["full_name"]


class ChangeEmailForm(forms.Form):
    """A new address, with the password: someone at an unlocked computer cannot take over
    the account by changing where its reset links go."""

    email = email_field(help_text="We will email a link to it. Open it to confirm the address.")
    password = PasswordField(
        label="Your password",
        autocomplete="current-password",
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if email == normalise_email(self.user.email):
            raise ValidationError("This is already your email address", code="same")
        # Whether another account has the address is never said (issue 12, item 15): the
        # view answers the same way and the email tells that address's owner.
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("The password is not correct. Try again", code="wrong")
        return password


class ChangePasswordForm(NewPasswordForm):
    """The current password, then a new one typed twice."""

    field_order = ["old_password", "new_password1", "new_password2"]
    old_password = PasswordField(
        label="Your current password",
        autocomplete="current-password",
        error_messages={"required": "Enter your current password"},
    )

    def clean_old_password(self) -> str:
        password = self.cleaned_data["old_password"]
        if not self.user.check_password(password):
            raise ValidationError("Your current password is not correct. Try again", code="wrong")
        return password
