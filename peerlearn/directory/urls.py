from django.urls import path

from peerlearn.directory import views

app_name = "directory"

urlpatterns = [
    path("local-governments/", views.LocalGovernmentListView.as_view(), name="local_governments"),
    path(
        "local-governments/<slug:slug>/",
        views.LocalGovernmentDetailView.as_view(),
        name="local_government",
    ),
    path(
        "local-governments/<slug:slug>/edit/",
        views.LocalGovernmentEditView.as_view(),
        name="local_government_edit",
    ),
    path("experts/", views.ExpertListView.as_view(), name="experts"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person"),
    path("people/<int:pk>/edit/", views.PersonEditView.as_view(), name="person_edit"),
    path("profile/", views.OwnProfileView.as_view(), name="profile"),
    path("associations/", views.AssociationListView.as_view(), name="associations"),
    path("associations/<slug:slug>/", views.AssociationDetailView.as_view(), name="association"),
    path(
        "associations/<slug:association>/programmes/<slug:slug>/",
        views.ProgrammeDetailView.as_view(),
        name="programme",
    ),
    path("topics/", views.TopicListView.as_view(), name="topics"),
]
