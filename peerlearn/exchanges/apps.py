from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "peerlearn.exchanges"
    verbose_name = _("Seek & offer and exchanges")

    def ready(self) -> None:
        from django.conf import settings

        from peerlearn.exchanges import signals  # noqa: F401 - connects the receivers

        if settings.CELERY_BROKER_URL:
            import peerlearn.celery  # noqa: F401 - binds the shared tasks to the app
