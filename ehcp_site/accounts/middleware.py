"""Turns `SignInRequired`, raised by a case selector for a visitor who is not signed in,
into a redirect to the sign-in page that comes back to the page they asked for."""

from django.contrib.auth.views import redirect_to_login

from journeys.cases.selectors import SignInRequired


class SignInRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SignInRequired):
            return redirect_to_login(request.get_full_path())
        return None
