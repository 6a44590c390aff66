from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path(
        "cases/<uuid:case_id>/letters/<slug:kind>.<slug:fmt>",
        views.letter_download,
        name="download",
    ),
]
