"""Response headers Django and django-csp do not set themselves, and the ones static files
need (WhiteNoise answers them before any other middleware runs)."""

from django.conf import settings

# No page uses any of these browser features, so no page (or anything injected into one)
# may ask for them. The header is cheap and costs nothing when nothing needs a feature.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    """Adds Permissions-Policy to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoStoreMiddleware:
    """Cache-Control: private, no-store on every page that does not say otherwise.

    Pages show a child's details (cases, timelines, questions, the caseload, accounts); a
    shared computer's back button or a proxy must never show them again after sign-out.
    Static files are answered by WhiteNoise before this runs and keep their long caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "private, no-store"
        return response


def content_security_policy() -> str:
    """The policy of settings.CONTENT_SECURITY_POLICY as a header value."""
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def static_file_headers(headers, path: str, url: str) -> None:
    """WHITENOISE_ADD_HEADERS_FUNCTION: the headers every page has, on static files too
    (SecurityMiddleware already adds HSTS, nosniff, Referrer-Policy and COOP to them)."""
    headers["Content-Security-Policy"] = content_security_policy()
    headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
