from django.urls import path

from spreadsheets.urls import FormatConverter  # noqa: F401 - registers the "sheetformat" converter

from . import views

app_name = "outcomes"
# Pages with several forms: each form posts to its own address below the page's.
EMPLOYER = "arbeitgeber/<int:pk>/"
INVITE = "speed-dating/<int:pk>/einladen/"

urlpatterns = [
    path("arbeitgeber/", views.EmployerListView.as_view(), name="employer_list"),
    path("arbeitgeber/neu/", views.EmployerCreateView.as_view(), name="employer_create"),
    path("arbeitgeber/aus-einrichtungen/", views.EmployersFromFacilitiesView.as_view(), name="employer_import"),
    path("arbeitgeber/<int:pk>/", views.EmployerEditView.as_view(), name="employer_edit"),
    path(EMPLOYER + "einrichtungen/", views.EmployerFacilityAddView.as_view(), name="employer_facility_add"),
    path("speed-dating/", views.EventListView.as_view(), name="event_list"),
    path("speed-dating/neu/", views.EventCreateView.as_view(), name="event_create"),
    path("speed-dating/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("speed-dating/<int:pk>/bearbeiten/", views.EventEditView.as_view(), name="event_edit"),
    path(INVITE, views.EventInviteView.as_view(), name="event_invite"),
    path(INVITE + "zertifizierte/", views.EventInviteHoldersView.as_view(), name="event_invite_holders"),
    path(INVITE + "alle/", views.EventInviteEveryoneView.as_view(), name="event_invite_everyone"),
    path(
        "speed-dating/<int:pk>/arbeitgeber-einladen/",
        views.EventInviteEmployersView.as_view(),
        name="event_invite_employers",
    ),
    path(
        "einladungen/teilnehmende/<int:pk>/antwort/",
        views.InvitationAnswerView.as_view(kind="participant"),
        name="participant_answer",
    ),
    path(
        "einladungen/arbeitgeber/<int:pk>/antwort/",
        views.InvitationAnswerView.as_view(kind="employer"),
        name="employer_answer",
    ),
    path("einladungen/teilnehmende/<int:pk>/wuensche/", views.WishesView.as_view(), name="wishes"),
    path("einladungen/arbeitgeber/<int:pk>/wuensche/", views.EmployerMarksView.as_view(), name="employer_marks"),
    path("speed-dating/<int:pk>/plan/", views.EventScheduleView.as_view(), name="event_schedule"),
    path("speed-dating/<int:pk>/planen/", views.EventScheduleRunView.as_view(), name="event_schedule_run"),
    path("gespraeche/<int:pk>/verschieben/", views.TalkMoveView.as_view(), name="talk_move"),
    path("speed-dating/<int:pk>/erfassen/", views.EventRecordView.as_view(), name="event_record"),
    path("gespraeche/<int:pk>/ergebnis/", views.TalkRecordView.as_view(), name="talk_record"),
    path("gespraeche/<int:pk>/bestaetigen/", views.TalkConfirmView.as_view(), name="talk_confirm"),
    path("speed-dating/<int:pk>/ausdrucke.zip", views.EventPrintView.as_view(kind="zip"), name="event_zip"),
    path(
        "speed-dating/<int:pk>/teilnehmende.pdf",
        views.EventPrintView.as_view(kind="participants"),
        name="event_pdf_participants",
    ),
    path(
        "speed-dating/<int:pk>/arbeitgeber.pdf",
        views.EventPrintView.as_view(kind="employers"),
        name="event_pdf_employers",
    ),
    path("speed-dating/<int:pk>/raumplan.pdf", views.EventPrintView.as_view(kind="plan"), name="event_pdf_plan"),
    path("teilnehmende/<int:pk>/verbleib/", views.ParticipantOutcomesView.as_view(), name="participant_outcomes"),
    path("teilnehmende/<int:pk>/ziele/neu/", views.GoalAddView.as_view(), name="goal_add"),
    path("teilnehmende/<int:pk>/ziele/status/", views.GoalStatusView.as_view(), name="goal_status"),
    path("teilnehmende/<int:pk>/profil/", views.IntakeEditView.as_view(), name="intake_edit"),
    path("nachfragen/antwort/", views.FollowUpAnswerView.as_view(), name="follow_up_answer"),
    path("kohorten/<int:pk>/verbleib/", views.CohortOutcomesView.as_view(), name="cohort_outcomes"),
    path(
        "kohorten/<int:pk>/verbleib.<sheetformat:file_format>",
        views.CohortOutcomesExportView.as_view(),
        name="cohort_outcomes_export",
    ),
    path("mein-speed-dating/", views.OwnEventsView.as_view(), name="own_events"),
]
