from django.urls import reverse


def test_home_lists_the_associations(world):
    response = world.client("anonymous").get(reverse("home"))
    assert response.status_code == 200
    assert "AA" in response.content.decode()
