"""Signing in with an e-mail address, signing out, and resetting a forgotten
password through the e-mailed link."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=PASSWORD, next_url=None):
    data = {"username": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


class TestSignIn:
    def test_with_email_and_password(self, world):
        client = Client()
        response = sign_in(client, "member@test.example")
        assert response.status_code == 302
        assert response["Location"] == reverse("home")
        assert signed_in_user_id(client) == str(world.users["member"].pk)

    def test_the_email_is_not_case_sensitive(self, world):
        client = Client()
        response = sign_in(client, "  Member@Test.EXAMPLE ")
        assert response.status_code == 302
        assert signed_in_user_id(client) == str(world.users["member"].pk)

    def test_returns_to_the_page_asked_for(self, world):
        client = Client()
        edit = reverse("directory:local_government_edit", kwargs={"slug": world.lg1.slug})
        response = sign_in(client, "focal@test.example", next_url=edit)
        assert response["Location"] == edit

    def test_never_returns_to_another_site(self, world):
        client = Client()
        response = sign_in(client, "member@test.example", next_url="https://evil.example/")
        assert response["Location"] == reverse("home")

    def test_wrong_password_is_refused(self, world):
        client = Client()
        response = sign_in(client, "member@test.example", password="wrong-password-123")
        assert response.status_code == 200
        assert "Please enter a correct e-mail address and password." in response.content.decode()
        assert signed_in_user_id(client) is None

    def test_an_inactive_account_cannot_sign_in(self, world):
        member = world.users["member"]
        member.is_active = False
        member.save()
        client = Client()
        sign_in(client, "member@test.example")
        assert signed_in_user_id(client) is None

    def test_the_sign_in_page_is_in_arabic_for_arabic_browsers(self, world):
        page = Client().get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
        assert '<html lang="ar" dir="rtl">' in page


class TestSignOut:
    def test_post_signs_out(self, world):
        client = world.client("member")
        response = client.post(reverse("accounts:logout"))
        assert response.status_code == 302
        assert signed_in_user_id(client) is None
        assert client.get(reverse("directory:profile")).status_code == 302

    def test_get_does_not_sign_out(self, world):
        # A link or an image on another site must not sign anyone out.
        client = world.client("member")
        assert client.get(reverse("accounts:logout")).status_code == 405
        assert signed_in_user_id(client) == str(world.users["member"].pk)

    def test_every_page_offers_a_sign_out_button(self, world):
        page = world.client("member").get(reverse("home")).content.decode()
        assert f'<form method="post" action="{reverse("accounts:logout")}"' in page


class TestPasswordReset:
    def reset_link(self, email):
        response = Client().post(reverse("accounts:password_reset"), {"email": email})
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:password_reset_done")
        return response

    def test_the_email_link_lets_the_user_choose_a_new_password(self, world):
        self.reset_link("member@test.example")
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["member@test.example"]
        match = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/\S+/)", str(message.body))
        assert match, message.body
        client = Client()
        form_page = client.get(match[1], follow=True)
        assert form_page.status_code == 200
        assert "new_password1" in form_page.content.decode()
        new_password = "another-long-password-77"
        done = client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": new_password, "new_password2": new_password},
        )
        assert done.status_code == 302
        assert done["Location"] == reverse("accounts:password_reset_complete")
        assert sign_in(Client(), "member@test.example", password=new_password).status_code == 302
        assert sign_in(Client(), "member@test.example").status_code == 200  # old one refused

    def test_the_link_works_once(self, world):
        self.reset_link("member@test.example")
        match = re.search(r"(/accounts/password/reset/\S+/\S+/)", str(mail.outbox[0].body))
        assert match
        path = match[1]
        client = Client()
        form_url = client.get(path, follow=True).redirect_chain[-1][0]
        client.post(
            form_url, {"new_password1": "x-new-pass-1234", "new_password2": "x-new-pass-1234"}
        )
        again = Client().get(path, follow=True)
        assert "This link has expired or has already been used." in again.content.decode()

    def test_an_unknown_address_gets_the_same_answer_and_no_email(self, world):
        # The page must not reveal which addresses have accounts.
        response = self.reset_link("nobody@test.example")
        assert response["Location"] == reverse("accounts:password_reset_done")
        assert mail.outbox == []
