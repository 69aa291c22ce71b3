from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from peerlearn.api import views

app_name = "api"

router = DefaultRouter()
router.register("topics", views.TopicViewSet, basename="topic")
router.register("local-governments", views.LocalGovernmentViewSet, basename="localgovernment")
router.register("associations", views.AssociationViewSet, basename="association")
router.register("people", views.PersonViewSet, basename="person")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("", include(router.urls)),
]
