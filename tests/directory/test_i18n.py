"""Pages in the viewer's language: right-to-left Arabic, vocabulary labels in
the chosen language, and a language switcher that works without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from peerlearn.directory.models import Topic
from tests.helpers import content_of, has_arabic, needs_arabic_catalogue

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["home", "directory:local_governments"]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
@pytest.mark.parametrize(
    ("language", "html_tag"),
    [
        ("ar", '<html lang="ar" dir="rtl">'),
        ("en", '<html lang="en" dir="ltr">'),
        ("tr", '<html lang="tr" dir="ltr">'),
        ("ar-PS,ar;q=0.9,en;q=0.5", '<html lang="ar" dir="rtl">'),
    ],
)
def test_the_page_declares_its_language_and_direction(world, name, language, html_tag):
    page = Client().get(reverse(name), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert html_tag in page


def test_an_unsupported_language_falls_back_to_english(world):
    page = Client().get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert '<html lang="en" dir="ltr">' in page


class TestVocabularyLabels:
    def test_topics_in_arabic(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        page = Client().get(reverse("directory:topics"), HTTP_ACCEPT_LANGUAGE="ar")
        text = page.content.decode()
        assert waste.label_ar and waste.label_ar in text
        assert waste.label_en not in text

    def test_topics_in_english(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        text = Client().get(reverse("directory:topics")).content.decode()
        assert waste.label_en in text
        assert waste.label_ar not in text

    def test_expertise_on_the_expert_list_and_profile_in_arabic(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        for url in (reverse("directory:experts"), world.people["expert"].get_absolute_url()):
            text = Client().get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
            assert waste.label_ar in text, url
            assert waste.label_en not in text, url

    def test_the_topic_filter_offers_arabic_labels(self, world):
        planning = Topic.objects.get(code="planning")
        text = Client().get(reverse("directory:experts"), HTTP_ACCEPT_LANGUAGE="ar")
        options = re.findall(r"<option value=\"[a-z_.]+\">([^<]+)</option>", text.content.decode())
        assert planning.label_ar in options

    def test_a_missing_label_falls_back_to_english(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        Topic.objects.filter(pk=waste.pk).update(label_tr="")
        text = Client().get(reverse("directory:topics"), HTTP_ACCEPT_LANGUAGE="tr").content.decode()
        assert waste.label_en in text

    def test_the_export_uses_the_viewers_language_for_labels(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        response = Client().get(
            reverse("directory:experts") + "?export=csv", HTTP_ACCEPT_LANGUAGE="ar"
        )
        assert waste.label_ar in content_of(response)

    def test_the_api_gives_every_label(self, world):
        url = reverse("api:topic-detail", kwargs={"code": "environment.solid_waste"})
        data = Client().get(url, HTTP_ACCEPT_LANGUAGE="ar").json()
        assert has_arabic(data["label"])
        assert set(data["labels"]) == {"en", "ar", "tr", "fr", "es"}


class TestLanguageSwitcher:
    def test_every_page_has_a_plain_form(self, world):
        page = Client().get(reverse("directory:topics")).content.decode()
        form = re.search(
            r'<form action="/i18n/setlang/" method="post"[^>]*>(.*?)</form>', page, re.S
        )
        assert form, "no language form"
        inner = form[1]
        assert 'name="csrfmiddlewaretoken"' in inner
        assert '<input name="next" type="hidden" value="/topics/">' in inner
        assert '<select name="language"' in inner
        assert '<option value="ar" lang="ar">العربيّة</option>' in inner
        assert '<button type="submit">' in inner

    def test_choosing_arabic_returns_to_the_page_in_arabic(self, world):
        client = Client(enforce_csrf_checks=True)
        page = client.get(reverse("directory:topics"))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]  # type: ignore[index]
        response = client.post(
            reverse("set_language"),
            {"language": "ar", "next": "/topics/", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302
        assert response["Location"] == "/topics/"
        assert client.cookies["django_language"].value == "ar"
        again = client.get("/topics/").content.decode()
        assert '<html lang="ar" dir="rtl">' in again
        # The choice beats the browser's preference.
        english_browser = client.get("/topics/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<html lang="ar" dir="rtl">' in english_browser

    def test_the_switcher_never_sends_to_another_site(self, world):
        response = Client().post(
            reverse("set_language"), {"language": "fr", "next": "https://evil.example/"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/"

    def test_an_unknown_language_changes_nothing(self, world):
        client = Client()
        client.post(reverse("set_language"), {"language": "xx", "next": "/"})
        assert "django_language" not in client.cookies


@needs_arabic_catalogue
def test_navigation_in_arabic__needs_arabic_catalogue(world):
    page = Client().get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    nav = re.search(r'<ul class="nav">(.*?)</ul>', page, re.S)
    assert nav
    assert has_arabic(nav[1])
    assert "Local governments" not in nav[1]
