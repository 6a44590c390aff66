from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("account/", include("ehcp_site.accounts.urls")),
    path("", include("ehcp_site.pages")),
    path("", include("letters.urls")),
    path("", include("journeys.urls")),
    path("", include("journeys.caseload.urls")),
]
