"""When someone signs in (or signs up, which signs them in), what they did anonymously in
this browser becomes theirs: saved cases and answers in progress move to the account."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in, dispatch_uid="claim_session_work")
def claim_session_work(sender, request, user, **kwargs) -> None:
    from journeys.cases.services import case_claim_session_work

    if request is not None and hasattr(request, "session"):
        case_claim_session_work(user=user, session=request.session)
