from django.urls import path

from peerlearn.exchanges.models import Need, Offer
from peerlearn.exchanges.views import dashboard, exchange, matching, seek_offer

app_name = "exchanges"

urlpatterns = [
    path("my/", seek_offer.MySeekOfferView.as_view(), name="mine"),
    # A programme's seek & offer.
    path("programmes/<int:programme>/", seek_offer.ProgrammeView.as_view(), name="programme"),
    path("programmes/<int:programme>/offer/", seek_offer.OfferFormView.as_view(), name="offer_new"),
    path("programmes/<int:programme>/seek/", seek_offer.NeedFormView.as_view(), name="need_new"),
    path("programmes/<int:programme>/pool/", seek_offer.PoolView.as_view(), name="pool"),
    path("programmes/<int:programme>/needs/", seek_offer.OpenNeedsView.as_view(), name="needs"),
    path("programmes/<int:programme>/review/", seek_offer.ReviewQueueView.as_view(), name="review"),
    # Offers and needs.
    path("offers/<int:pk>/", seek_offer.OfferDetailView.as_view(), name="offer"),
    path("offers/<int:pk>/edit/", seek_offer.OfferFormView.as_view(), name="offer_edit"),
    path(
        "offers/<int:pk>/review/", seek_offer.ReviewView.as_view(model=Offer), name="offer_review"
    ),
    path(
        "offers/<int:pk>/withdraw/",
        seek_offer.WithdrawView.as_view(model=Offer, permission="exchanges.change_offer"),
        name="offer_withdraw",
    ),
    path("needs/<int:pk>/", seek_offer.NeedDetailView.as_view(), name="need"),
    path("needs/<int:pk>/edit/", seek_offer.NeedFormView.as_view(), name="need_edit"),
    path("needs/<int:pk>/review/", seek_offer.ReviewView.as_view(model=Need), name="need_review"),
    path(
        "needs/<int:pk>/withdraw/",
        seek_offer.WithdrawView.as_view(model=Need, permission="exchanges.change_need"),
        name="need_withdraw",
    ),
    # Matching console.
    path("programmes/<int:programme>/matching/", matching.ConsoleView.as_view(), name="console"),
    path(
        "programmes/<int:programme>/pair-rules/",
        matching.PairRuleView.as_view(),
        name="pair_rule",
    ),
    path(
        "pair-rules/<int:pk>/remove/",
        matching.RemovePairRuleView.as_view(),
        name="pair_rule_remove",
    ),
    path("programmes/<int:programme>/publish/", matching.PublishView.as_view(), name="publish"),
    path("runs/<int:pk>/", matching.RunView.as_view(), name="run"),
    path("runs/<int:pk>/approve-all/", matching.ApproveAllView.as_view(), name="run_approve_all"),
    path("proposals/<int:pk>/approve/", matching.ApproveProposalView.as_view(), name="approve"),
    # Matches and the answers of both sides.
    path("matches/<int:pk>/", matching.MatchDetailView.as_view(), name="match"),
    path("matches/<int:pk>/answer/", matching.AnswerMatchView.as_view(), name="answer"),
    path("matches/<int:pk>/withdraw/", matching.WithdrawMatchView.as_view(), name="match_withdraw"),
    # Exchanges (follow-up).
    path("exchanges/<int:pk>/", exchange.ExchangeView.as_view(), name="exchange"),
    path("exchanges/<int:pk>/phase/", exchange.PhaseView.as_view(), name="exchange_phase"),
    path(
        "exchanges/<int:pk>/coordination/",
        exchange.CoordinationView.as_view(),
        name="exchange_coordination",
    ),
    path("exchanges/<int:pk>/close/", exchange.CloseView.as_view(), name="exchange_close"),
    path(
        "exchanges/<int:pk>/participants/new/",
        exchange.ParticipantNewView.as_view(),
        name="participant_new",
    ),
    path(
        "participants/<int:pk>/remove/",
        exchange.ParticipantRemoveView.as_view(),
        name="participant_remove",
    ),
    path("exchanges/<int:pk>/meetings/new/", exchange.MeetingNewView.as_view(), name="meeting_new"),
    path("meetings/<int:pk>/edit/", exchange.MeetingEditView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/minutes/", exchange.MinutesView.as_view(), name="meeting_minutes"),
    path(
        "meetings/<int:pk>/calendar.ics",
        exchange.MeetingCalendarView.as_view(),
        name="meeting_calendar",
    ),
    path(
        "meetings/<int:pk>/follow-ups/new/",
        exchange.FollowUpNewView.as_view(),
        name="follow_up_new",
    ),
    path("follow-ups/<int:pk>/done/", exchange.FollowUpDoneView.as_view(), name="follow_up_done"),
    path(
        "exchanges/<int:pk>/staff-exchanges/new/",
        exchange.StaffExchangeNewView.as_view(),
        name="staff_exchange_new",
    ),
    path(
        "staff-exchanges/<int:pk>/decide/",
        exchange.StaffExchangeDecideView.as_view(),
        name="staff_exchange_decide",
    ),
    path(
        "exchanges/<int:pk>/work-plan/new/", exchange.ActivityNewView.as_view(), name="activity_new"
    ),
    path("work-plan/<int:pk>/edit/", exchange.ActivityEditView.as_view(), name="activity_edit"),
    path(
        "exchanges/<int:pk>/endorsements/new/",
        exchange.EndorsementNewView.as_view(),
        name="endorsement_new",
    ),
    path(
        "exchanges/<int:pk>/learning-note/",
        exchange.LearningNoteView.as_view(),
        name="learning_note",
    ),
    path("exchanges/<int:pk>/feedback/", exchange.FeedbackView.as_view(), name="feedback"),
    path(
        "programmes/<int:programme>/exchanges/",
        exchange.ProgrammeExchangesView.as_view(),
        name="programme_exchanges",
    ),
    # Programme dashboard.
    path(
        "programmes/<int:programme>/dashboard/",
        dashboard.DashboardView.as_view(),
        name="dashboard",
    ),
]
