"""Account forms: plain messages, one at a time; emails normalised; passwords never echoed."""

from __future__ import annotations

import pytest

from ehcp_site.accounts.forms import (
    AccountDeleteForm,
    NewPasswordForm,
    SignInForm,
    SignUpForm,
)
from tests.conftest import PASSWORD, make_user

GOOD = {
    "full_name": "  Grace Okafor ",
    "email": " Grace@Example.ORG ",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


@pytest.mark.django_db
class SignUpFormTests:
    def test_valid_answers_give_a_lower_case_email(self):
        form = SignUpForm(GOOD)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["email"] == "grace@example.org"
        assert form.cleaned_data["full_name"] == "Grace Okafor"

    def test_the_form_does_not_say_whether_an_address_has_an_account(self):
        # Issue 12: sign-up answers the same either way (views.sign_up_view).
        make_user("grace@example.org")
        form = SignUpForm(GOOD)
        assert form.is_valid(), form.errors

    @pytest.mark.parametrize(
        ("password", "message"),
        [
            ("short-1", "Your password must be at least 10 characters"),
            ("password123", "This password is too easy to guess. Choose a different one"),
            ("20240917365512", "Your password cannot be only numbers"),
            ("grace@example.org!", "Your password is too like your email address"),
        ],
    )
    def test_a_weak_password_gets_one_plain_message(self, password, message):
        form = SignUpForm({**GOOD, "password1": password, "password2": password})
        assert not form.is_valid()
        assert form.errors["password1"] == [message]
        assert "password2" not in form.errors

    def test_passwords_that_differ_are_flagged_at_the_second_box(self):
        form = SignUpForm({**GOOD, "password2": PASSWORD + "x"})
        assert not form.is_valid()
        assert form.errors["password2"] == [
            "The passwords do not match. Type the same password twice"
        ]

    def test_nothing_typed_names_each_box(self):
        form = SignUpForm({})
        assert not form.is_valid()
        assert form.errors == {
            "full_name": ["Enter your full name"],
            "email": ["Enter your email address"],
            "password1": ["Create a password"],
            "password2": ["Type your password again"],
        }

    def test_a_password_is_never_written_back_into_the_page(self):
        form = SignUpForm({**GOOD, "email": "not an email"})
        assert not form.is_valid()
        html = str(form["password1"]) + str(form["password2"])
        assert PASSWORD not in html
        assert form["full_name"].value() == GOOD["full_name"]
        assert form["email"].value() == "not an email"

    def test_every_box_tells_the_browser_what_it_is_for(self):
        form = SignUpForm()
        autocomplete = {
            name: form.fields[name].widget.attrs["autocomplete"] for name in form.fields
        }
        assert autocomplete == {
            "full_name": "name",
            "email": "email",
            "password1": "new-password",
            "password2": "new-password",
        }


@pytest.mark.django_db
class SignInFormTests:
    def test_the_email_box_is_still_called_username_for_the_lockout(self, rf):
        form = SignInForm(rf.post("/"))
        assert list(form.fields) == ["username", "password"]
        assert form.fields["username"].label == "Email address"
        assert form.fields["username"].widget.attrs["autocomplete"] == "email"
        assert form.fields["password"].widget.attrs["autocomplete"] == "current-password"

    def test_the_email_is_normalised_before_checking(self, rf):
        user = make_user("parent@example.org")
        request = rf.post("/")
        form = SignInForm(request, data={"username": " PARENT@Example.org", "password": PASSWORD})
        assert form.is_valid(), form.errors
        assert form.get_user() == user

    def test_a_wrong_password_gets_a_plain_message_and_is_not_echoed(self, rf):
        make_user("parent@example.org")
        form = SignInForm(
            rf.post("/"), data={"username": "parent@example.org", "password": "not-it-at-all"}
        )
        assert not form.is_valid()
        assert form.non_field_errors() == ["Enter a correct email address and password"]
        assert "not-it-at-all" not in str(form["password"])


@pytest.mark.django_db
class NewPasswordFormTests:
    def test_checks_the_new_password_against_this_account(self):
        user = make_user("parent@example.org")
        form = NewPasswordForm(
            user, {"new_password1": "parent@example.org", "new_password2": "parent@example.org"}
        )
        assert not form.is_valid()
        assert form.errors["new_password1"] == ["Your password is too like your email address"]

    def test_saves_a_good_password(self):
        user = make_user("parent@example.org")
        new = "plum-kettle-river-42"
        form = NewPasswordForm(user, {"new_password1": new, "new_password2": new})
        assert form.is_valid(), form.errors
        form.save()
        user.refresh_from_db()
        assert user.check_password(new)


@pytest.mark.django_db
class AccountDeleteFormTests:
    def test_needs_the_right_password(self):
        user = make_user()
        assert AccountDeleteForm({"password": PASSWORD}, user=user).is_valid()
        wrong = AccountDeleteForm({"password": "something-else"}, user=user)
        assert not wrong.is_valid()
        assert wrong.errors["password"] == ["The password is not correct. Try again"]
