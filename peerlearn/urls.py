from django.contrib import admin
from django.urls import include, path

from peerlearn.directory.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("", include("peerlearn.directory.urls")),
    path("accounts/", include("peerlearn.accounts.urls")),
    path("", include("peerlearn.exchanges.urls")),
    path("api/", include("peerlearn.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "peerlearn.errors.bad_request"
handler403 = "peerlearn.errors.permission_denied"
handler404 = "peerlearn.errors.page_not_found"
handler500 = "peerlearn.errors.server_error"
