from django.urls import include, path

urlpatterns = [
    path("", include("ehcp_site.pages")),
    path("", include("letters.urls")),
    path("", include("journeys.urls")),
]
