"""Pages that are not part of a journey: the start page, other nations, accessibility."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from journeys.rules.vocabulary import Country

app_name = "pages"

# Where families outside England get help (DOMAIN.md section 3).
OTHER_NATIONS = {
    Country.WALES: {
        "system": "the Additional Learning Needs (ALN) system",
        "plan": "an Individual Development Plan (IDP)",
        "law": "the Additional Learning Needs and Education Tribunal (Wales) Act 2018",
        "tribunal": "the Education Tribunal for Wales",
        "help": "SNAP Cymru",
    },
    Country.SCOTLAND: {
        "system": "additional support for learning",
        "plan": "a Co-ordinated Support Plan (CSP)",
        "law": "the Education (Additional Support for Learning) (Scotland) Act 2004",
        "tribunal": "the Health and Education Chamber of the First-tier Tribunal for Scotland",
        "help": "Enquire",
    },
    Country.NORTHERN_IRELAND: {
        "system": "special educational needs statements from the Education Authority",
        "plan": "a statement of special educational needs",
        "tribunal": "the Special Educational Needs and Disability Tribunal for Northern Ireland",
        "help": "SENAC",
    },
}


@require_GET
def home(request):
    """The start page, offering first to carry on with anything in progress."""
    from journeys.cases.overview_views import carry_on_context

    return render(request, "pages/home.html", carry_on_context(request))


@require_GET
def other_nation(request, country: str):
    try:
        nation = Country(country)
    except ValueError:
        raise Http404("Unknown nation") from None
    if nation not in OTHER_NATIONS:
        raise Http404("England is covered by the service")
    return render(request, "pages/other_nation.html", {"nation": nation, **OTHER_NATIONS[nation]})


@require_GET
def accessibility(request):
    return render(request, "pages/accessibility.html")


@require_GET
def healthz(request):
    """For load balancers and uptime checks: the app answers. It reads nothing, so it is
    also the "bare Django view" the server benchmark compares the wizard with."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", home, name="home"),
    path("healthz/", healthz, name="healthz"),
    path("other-nations/<slug:country>/", other_nation, name="other-nation"),
    path("accessibility/", accessibility, name="accessibility"),
]
