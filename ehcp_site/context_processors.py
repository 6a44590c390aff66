from django.utils.functional import SimpleLazyObject

SERVICE_NAME = "EHCP Helper"


def service(request):
    """Values every page template needs: the service name shown in the header and title, and
    whether to offer "Your organisations" (asked only when a signed-in page's header reads it)."""
    return {
        "service_name": SERVICE_NAME,
        "belongs_to_an_organisation": SimpleLazyObject(lambda: _belongs(request)),
    }


def _belongs(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.memberships.exists())
