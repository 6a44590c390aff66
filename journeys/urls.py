from django.urls import path

from journeys import views
from journeys.definition import JOURNEYS

app_name = "journeys"

urlpatterns = [
    path("<slug:journey>/new/", views.journey_new, name="new"),
    path("example/", views.journey_example, name="example"),
    path(
        "<slug:journey>/<uuid:case_id>/confirmation/",
        views.journey_confirmation,
        name="confirmation",
    ),
    *(
        path(
            f"{journey.slug}/<uuid:case_id>/<slug:step>/",
            views.JourneyStepView.for_journey(journey),
            name=f"{journey.slug}-step",
        )
        for journey in JOURNEYS.values()
    ),
]
