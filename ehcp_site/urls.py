from django.contrib import admin
from django.urls import include, path

from ehcp_site.accounts.views import password_form_limit

urlpatterns = [
    # The admin's password forms have the same limits as the service's own (issue 12).
    path("admin/login/", password_form_limit(admin.site.login)),
    path(
        "admin/password_change/",
        password_form_limit(admin.site.admin_view(admin.site.password_change, cacheable=True)),
    ),
    path("admin/", admin.site.urls),
    path("account/", include("ehcp_site.accounts.urls")),
    path("", include("ehcp_site.pages")),
    path("", include("letters.urls")),
    path("", include("journeys.urls")),
    path("", include("journeys.caseload.urls")),
]
