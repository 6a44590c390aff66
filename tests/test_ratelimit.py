"""ehcp_site/ratelimit.py: a fixed window per client and scope, counted in the cache."""

import re
import threading
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from ehcp_site import ratelimit
from ehcp_site.ratelimit import client_ip, parse_rate, rate_limited
from tests.conftest import make_user

factory = RequestFactory()
# A moment 15 seconds into a minute: 45 seconds of the window are left.
START = 1_800_000_000.0 - (1_800_000_000.0 % 60) + 15


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand (only the rate limiter's view of time)."""
    now = SimpleNamespace(value=START)
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: now.value))
    return now


def throwaway_view(**limit):
    calls = []

    @rate_limited(**limit)
    def view(request):
        calls.append(request)
        return HttpResponse("done")

    view.calls = calls
    return view


def post(ip="203.0.113.7", user=None, **meta):
    request = factory.post("/anything/", REMOTE_ADDR=ip, **meta)
    request.user = user or AnonymousUser()
    return request


def signed_in(number):
    """A real account: the 429 page's header asks the user about their organisations."""
    return make_user(f"parent{number}@example.org")


class ParseRateTests:
    @pytest.mark.parametrize(
        ("rate", "expected"),
        [("20/m", (20, 60)), ("1/s", (1, 1)), ("5/h", (5, 3600)), ("100/d", (100, 86400))],
    )
    def test_reads_count_and_window(self, rate, expected):
        assert parse_rate(rate) == expected

    @pytest.mark.parametrize("rate", ["0/m", "20", "20/min", "m/20", "-1/m", " 20/m", "20/M"])
    def test_refuses_anything_else(self, rate):
        with pytest.raises(ValueError, match="rate must look like"):
            parse_rate(rate)

    def test_a_bad_rate_or_key_fails_when_the_view_is_decorated_not_when_called(self):
        with pytest.raises(ValueError):
            rate_limited(scope="x", rate="lots")
        with pytest.raises(ValueError, match="key must be one of"):
            rate_limited(scope="x", key="session")


class RateLimitedTests:
    def test_allows_the_limit_then_answers_429_without_calling_the_view(self, clock):
        view = throwaway_view(scope="t", rate="3/m")
        statuses = [view(post()).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        assert len(view.calls) == 3

    def test_429_says_when_to_try_again_and_sends_retry_after(self, clock):
        view = throwaway_view(scope="t", rate="1/m")
        view(post())
        response = view(post())
        assert response.status_code == 429
        assert response["Retry-After"] == "45"  # the end of this minute's window
        assert response["Cache-Control"] == "private, no-store"
        page = response.content.decode()
        assert '<h1 class="govuk-heading-l">You have tried too many times</h1>' in page
        assert re.search(r"try again in 45 seconds \(after \d{1,2}:\d{2}(am|pm)\)", page)

    @pytest.mark.parametrize(
        ("rate", "later", "retry_after", "words"),
        [
            ("1/m", 44, "1", "1 second"),
            ("1/h", 0, "3585", "1 hour"),  # 59 minutes 45 seconds: the next whole unit up
            ("1/h", 1800, "1785", "30 minutes"),
            ("1/h", 3525, "60", "1 minute"),
            ("1/d", 0, "57585", "16 hours"),  # START is 8:00:15am UTC
        ],
    )
    def test_wait_is_said_in_plain_words(self, clock, rate, later, retry_after, words):
        view = throwaway_view(scope="t", rate=rate)
        clock.value += later
        view(post())
        response = view(post())
        assert response["Retry-After"] == retry_after
        assert f"try again in {words} (after" in response.content.decode()

    def test_a_new_window_starts_a_new_count(self, clock):
        view = throwaway_view(scope="t", rate="2/m")
        assert [view(post()).status_code for _ in range(3)] == [200, 200, 429]
        clock.value += 45  # the next minute
        assert [view(post()).status_code for _ in range(3)] == [200, 200, 429]

    def test_fixed_window_forgets_at_the_boundary_not_a_minute_after_the_first_request(self, clock):
        view = throwaway_view(scope="t", rate="1/m")
        view(post())
        clock.value += 44
        assert view(post()).status_code == 429
        clock.value += 1
        assert view(post()).status_code == 200

    def test_only_the_listed_methods_count(self, clock):
        view = throwaway_view(scope="t", rate="1/m")
        for _ in range(5):
            request = factory.get("/anything/", REMOTE_ADDR="203.0.113.7")
            request.user = AnonymousUser()
            assert view(request).status_code == 200
        assert view(post()).status_code == 200
        assert view(post()).status_code == 429

    def test_get_can_be_limited_too(self, clock):
        view = throwaway_view(scope="t", rate="1/m", methods=("get",))
        request = factory.get("/anything/", REMOTE_ADDR="203.0.113.7")
        request.user = AnonymousUser()
        assert [view(request).status_code for _ in range(2)] == [200, 429]

    def test_each_address_has_its_own_count(self, clock):
        view = throwaway_view(scope="t", rate="1/m")
        assert view(post(ip="203.0.113.7")).status_code == 200
        assert view(post(ip="198.51.100.2")).status_code == 200
        assert view(post(ip="203.0.113.7")).status_code == 429

    def test_each_scope_has_its_own_count(self, clock):
        letters = throwaway_view(scope="letters", rate="1/m")
        sign_in = throwaway_view(scope="sign-in", rate="1/m")
        assert letters(post()).status_code == 200
        assert sign_in(post()).status_code == 200
        assert letters(post()).status_code == 429

    @pytest.mark.django_db
    def test_ip_key_counts_signed_in_people_by_address(self, clock):
        view = throwaway_view(scope="t", rate="1/m", key="ip")
        assert view(post(user=signed_in(1))).status_code == 200
        assert view(post(user=signed_in(2))).status_code == 429

    @pytest.mark.django_db
    def test_user_or_ip_counts_a_signed_in_person_wherever_they_are(self, clock):
        view = throwaway_view(scope="t", rate="1/m", key="user_or_ip")
        first, second = signed_in(1), signed_in(2)
        assert view(post(ip="203.0.113.7", user=first)).status_code == 200
        assert view(post(ip="198.51.100.2", user=first)).status_code == 429
        # Someone else on the same school network is not held back by them.
        assert view(post(ip="203.0.113.7", user=second)).status_code == 200

    def test_user_or_ip_falls_back_to_the_address_when_not_signed_in(self, clock):
        view = throwaway_view(scope="t", rate="1/m", key="user_or_ip")
        assert view(post(ip="203.0.113.7")).status_code == 200
        assert view(post(ip="203.0.113.7")).status_code == 429
        assert view(post(ip="198.51.100.2")).status_code == 200

    def test_a_counter_that_expires_between_add_and_incr_starts_again_at_one(self, monkeypatch):
        # cache.add "succeeds" but the key is gone before incr, as when it expires right then.
        monkeypatch.setattr(cache, "add", lambda *args, **kwargs: True)
        monkeypatch.setattr(cache, "incr", lambda key: (_ for _ in ()).throw(ValueError(key)))
        assert ratelimit._count("ratelimit:t:ip:x:1", 60) == 1

    def test_simultaneous_requests_never_get_past_the_limit(self):
        # add + incr are atomic in the cache, so 20 requests at once let exactly 10 through.
        view = throwaway_view(scope="t", rate="10/h")
        barrier = threading.Barrier(20)
        statuses = []

        def hit():
            request = post()
            barrier.wait()
            statuses.append(view(request).status_code)

        threads = [threading.Thread(target=hit) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [200] * 10 + [429] * 10

    def test_the_view_keeps_its_name(self):
        view = throwaway_view(scope="t")
        assert view.__name__ == "view"


class ClientIpTests:
    def test_without_trusted_proxies_x_forwarded_for_is_ignored(self):
        request = post(ip="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.2")
        with override_settings(TRUSTED_PROXY_COUNT=0):
            assert client_ip(request) == "203.0.113.7"

    @pytest.mark.parametrize(
        ("proxies", "forwarded_for", "expected"),
        [
            # One proxy (nginx) appends the address it saw: the last entry.
            (1, "198.51.100.2", "198.51.100.2"),
            # ... and whatever the client wrote before it is ignored.
            (1, "10.9.9.9, 198.51.100.2", "198.51.100.2"),
            (1, "198.51.100.2 ,", "198.51.100.2"),
            # Two proxies (a load balancer, then nginx): the second from the right.
            (2, "6.6.6.6, 198.51.100.2, 10.0.0.5", "198.51.100.2"),
            # Fewer entries than proxies: the furthest one a trusted proxy wrote.
            (2, "198.51.100.2", "198.51.100.2"),
        ],
    )
    def test_behind_proxies_the_entry_the_nearest_untrusted_hop_wrote(
        self, proxies, forwarded_for, expected
    ):
        request = post(ip="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
        with override_settings(TRUSTED_PROXY_COUNT=proxies):
            assert client_ip(request) == expected

    def test_behind_a_proxy_without_the_header_the_peer_address(self):
        with override_settings(TRUSTED_PROXY_COUNT=1):
            assert client_ip(post(ip="10.0.0.1")) == "10.0.0.1"

    def test_a_spoofed_header_gives_no_fresh_allowance_behind_a_proxy(self, clock):
        view = throwaway_view(scope="t", rate="1/m")
        with override_settings(TRUSTED_PROXY_COUNT=1):
            first = post(ip="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.2")
            second = post(ip="10.0.0.1", HTTP_X_FORWARDED_FOR="2.2.2.2, 198.51.100.2")
            assert view(first).status_code == 200
            assert view(second).status_code == 429

    def test_django_axes_sees_the_same_client(self):
        from axes.helpers import get_client_ip_address

        request = post(ip="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.2")
        with override_settings(TRUSTED_PROXY_COUNT=1):
            assert get_client_ip_address(request) == "198.51.100.2"
        with override_settings(TRUSTED_PROXY_COUNT=0):
            assert get_client_ip_address(request) == "10.0.0.1"
