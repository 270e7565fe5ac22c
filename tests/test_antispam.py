"""The anti-spam mechanism that the membership and feedback forms share."""

import logging
import threading
import time
from unittest import mock

import pytest
import redis
from django import forms
from django.core import signing
from django.db import connection
from django.test import RequestFactory

from party_site import antispam


class MessageForm(antispam.AntiSpamFormMixin, forms.Form):
    antispam_scope = "test-form"
    message = forms.CharField()


def token(seconds_ago, scope="test-form"):
    return antispam.new_token(scope, issued=time.time() - seconds_ago)


def request_from(address="203.0.113.7"):
    return RequestFactory().post("/x/", REMOTE_ADDR=address)


def form(data=None, address="203.0.113.7", **extra):
    data = {"message": "مرحباً", antispam.TOKEN_FIELD: token(10), **(data or {}), **extra}
    return MessageForm(data, request=request_from(address))


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (3, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"  # a new client hash space per test (Redis keeps counts)


def neutral(f):
    return f.non_field_errors() == [str(antispam.NEUTRAL_ERROR)]


def rate_limited(f):
    return f.non_field_errors() == [str(antispam.RATE_LIMITED_ERROR)]


def test_a_person_who_took_their_time_is_accepted(db):
    f = form()
    assert f.is_valid(), f.errors


def test_filled_honeypot_is_refused_neutrally(db):
    f = form(website="http://spam.example")
    assert not f.is_valid() and neutral(f)
    assert f.data["message"] == "مرحباً"  # what was typed is kept for the page shown again


@pytest.mark.parametrize(
    "bad_token",
    ["", "not-a-token", signing.dumps(1, salt="other-salt"), signing.dumps(int(time.time()) - 60, salt=antispam._SALT)],
    ids=["empty", "garbage", "other-salt", "old-format"],
)
def test_missing_or_forged_token_is_refused(db, bad_token):
    f = form(**{antispam.TOKEN_FIELD: bad_token})
    assert not f.is_valid() and neutral(f)


def test_sending_faster_than_a_person_can_type_is_refused(db):
    f = form(**{antispam.TOKEN_FIELD: token(1)})
    assert not f.is_valid() and neutral(f)


def test_a_day_old_form_is_refused_and_the_page_gets_a_fresh_token(db, settings):
    f = form(**{antispam.TOKEN_FIELD: token(settings.ANTISPAM_MAX_AGE + 60)})
    assert not f.is_valid() and neutral(f)
    assert antispam.token_age(f.antispam_token, "test-form") < 5


def test_rate_limit_refuses_the_fourth_submission_from_one_client_only_with_its_own_message(db):
    for _ in range(3):
        assert form().is_valid()
    fourth = form()
    assert not fourth.is_valid() and rate_limited(fourth)
    assert fourth.data["message"] == "مرحباً"  # what was typed is kept
    assert form(address="198.51.100.9").is_valid()  # another visitor is not blocked


def test_a_token_is_accepted_once(db):
    shown = token(10)
    assert form(**{antispam.TOKEN_FIELD: shown}).is_valid()
    replay = form(**{antispam.TOKEN_FIELD: shown}, address="198.51.100.9")
    assert not replay.is_valid() and neutral(replay)
    assert replay.antispam_token != shown  # the page shown again carries a fresh token


def test_a_refused_submission_does_not_use_up_its_token(db):
    shown = token(10)
    assert not form(message="", **{antispam.TOKEN_FIELD: shown}).is_valid()
    assert form(**{antispam.TOKEN_FIELD: shown}).is_valid()


def test_a_token_for_the_other_form_is_refused(db):
    f = form(**{antispam.TOKEN_FIELD: token(10, scope="membership")})
    assert not f.is_valid() and neutral(f)


def test_after_a_mistake_the_page_keeps_the_valid_token_so_a_quick_fix_is_accepted(db):
    """A person who fixes one field and sends again within seconds is not taken for a bot."""
    shown = token(10)
    first = form(message="", **{antispam.TOKEN_FIELD: shown})
    assert not first.is_valid()
    assert first.antispam_token == shown
    assert form(**{antispam.TOKEN_FIELD: first.antispam_token}).is_valid()


def test_an_unbound_form_gets_a_fresh_token_each_time(db):
    f = MessageForm(request=request_from())
    assert f.antispam_token != f.antispam_token
    assert antispam.token_age(f.antispam_token, "test-form") < 5


@pytest.mark.parametrize(
    "first,second,same",
    [
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb::2", True),
        ("2001:db8:1:2::1", "2001:db8:1:3::1", False),
        ("::ffff:203.0.113.7", "203.0.113.7", True),
        ("203.0.113.7", "203.0.113.8", False),
    ],
)
def test_ipv6_clients_are_counted_by_their_64_prefix(first, second, same):
    assert (antispam.client_network(first) == antispam.client_network(second)) is same


@pytest.mark.parametrize("address", ["", "unknown"])
def test_clients_without_a_readable_address_share_one_limit_instead_of_an_error(db, address):
    """A misconfigured proxy may leave REMOTE_ADDR empty or odd: the form still works."""
    assert antispam.client_network(address) == address
    for _ in range(3):
        assert form(address=address).is_valid()
    assert rate_limited_form(form(address=address))


def test_one_ipv6_network_shares_one_limit(db):
    for n in range(3):
        assert form(address=f"2001:db8:1:2::{n + 1}").is_valid()
    assert rate_limited_form(form(address="2001:db8:1:2:ffff::9"))


def rate_limited_form(f):
    return not f.is_valid() and rate_limited(f)


def test_a_redis_outage_falls_back_to_the_database(db, settings, caplog):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    broken = mock.Mock()
    broken.pipeline.return_value.execute.side_effect = redis.ConnectionError("Error 111 connecting to 127.0.0.1:1")
    with mock.patch.object(antispam, "_redis", return_value=broken), caplog.at_level(logging.WARNING):
        assert antispam.hit("outage-test", 3600) == 1
        assert antispam.hit("outage-test", 3600) == 2
        assert form().is_valid()
    assert "ConnectionError" in caplog.text and "203.0.113.7" not in caplog.text


def test_invalid_submissions_do_not_use_up_the_limit(db):
    for _ in range(5):
        assert not form(message="").is_valid()
    assert form().is_valid()


def test_client_is_stored_as_a_hash_not_an_address(db, settings):
    settings.REDIS_URL = ""
    assert form().is_valid()
    from party_site.models import RateLimitCounter

    keys = list(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys and all("203.0.113.7" not in key for key in keys)


def test_proxy_count_takes_the_address_our_proxy_saw(settings):
    settings.ANTISPAM_PROXY_COUNT = 1
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert antispam.client_address(request) == "203.0.113.5"


def _hammer(key, hits, results):
    from django.db import connections

    try:
        for _ in range(hits):
            results.append(antispam.hit(key, 3600))
    finally:
        connections.close_all()


@pytest.mark.parametrize("backend", ["database", "redis"])
@pytest.mark.django_db(transaction=True)
def test_counter_is_exact_under_concurrent_writers(settings, backend):
    """20 connections at once, as gunicorn workers or several servers would be: every hit counted once."""
    if backend == "database":
        if connection.vendor != "postgresql":
            pytest.skip("concurrent connections need PostgreSQL (CI runs this with DATABASE_URL)")
        settings.REDIS_URL = ""
    elif not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (CI sets it)")
    key = f"concurrency:{time.time_ns()}"
    results = []
    threads = [threading.Thread(target=_hammer, args=(key, 5, results)) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 101))


# --- Which address is the client's behind our proxies.


def forwarded(header, remote="10.0.0.1"):
    return RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=header)


def test_one_proxy_and_a_single_forwarded_address_is_the_visitor(settings):
    """The usual case behind nginx: the header holds only the visitor's address."""
    settings.ANTISPAM_PROXY_COUNT = 1
    assert antispam.client_address(forwarded("203.0.113.5")) == "203.0.113.5"
    assert antispam.client_address(forwarded(" 203.0.113.5 ,")) == "203.0.113.5"


def test_visitors_behind_one_proxy_each_have_their_own_limit(db, settings):
    settings.ANTISPAM_PROXY_COUNT = 1
    for _ in range(3):
        assert MessageForm(form().data, request=forwarded("203.0.113.5")).is_valid()
    assert not MessageForm(form().data, request=forwarded("203.0.113.5")).is_valid()
    assert MessageForm(form().data, request=forwarded("198.51.100.9")).is_valid()


def test_a_header_shorter_than_our_proxy_chain_is_not_trusted(settings):
    settings.ANTISPAM_PROXY_COUNT = 2
    assert antispam.client_address(forwarded("203.0.113.5")) == "10.0.0.1"
    assert antispam.client_address(forwarded("")) == "10.0.0.1"
    assert antispam.client_address(forwarded("1.1.1.1, 203.0.113.5, 192.0.2.1")) == "203.0.113.5"


def test_without_proxies_the_forwarded_header_is_ignored(settings):
    """Anyone can send the header; with no proxy of ours in front it is the visitor's own claim."""
    settings.ANTISPAM_PROXY_COUNT = 0
    assert antispam.client_address(forwarded("203.0.113.5")) == "10.0.0.1"


# --- Counting: windows, clean-up, Redis.


def test_hits_in_one_window_add_up_and_the_next_window_starts_again(db, settings):
    settings.REDIS_URL = ""
    start = int(time.time()) // 60 * 60 - 600  # a window ten minutes ago
    assert [antispam.hit("window-test", 60, at=start + s) for s in (0, 30.5, 59.9)] == [1, 2, 3]
    assert antispam.hit("window-test", 60, at=start + 60) == 1
    assert antispam.hit("window-test", 60, at=start - 1) == 1


def test_a_new_client_clears_counter_rows_older_than_any_window(db, settings):
    from party_site.models import RateLimitCounter

    settings.REDIS_URL = ""
    now = 1_800_000_000
    retention = 3 * 86400  # a token's life and more: the longest window in use
    RateLimitCounter.objects.create(key="stale", window_start=now - retention - 1, count=5)
    RateLimitCounter.objects.create(key="kept", window_start=now - retention, count=5)
    with mock.patch.object(antispam.time, "time", return_value=now):
        assert antispam.hit("old-client", 3600) == 1
        RateLimitCounter.objects.create(key="stale-2", window_start=now - retention - 1, count=5)
        assert antispam.hit("old-client", 3600) == 2  # a known client does not clear again
    keys = set(RateLimitCounter.objects.values_list("key", flat=True))
    assert keys == {"kept", "old-client", "stale-2"}


def working_redis(count=1):
    client = mock.Mock()
    client.pipeline.return_value.execute.return_value = [count, True]
    return client


def test_redis_counts_each_window_under_its_own_key_that_expires(db, settings):
    from party_site.models import RateLimitCounter

    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    client = working_redis(count=7)
    with mock.patch.object(antispam, "_redis", return_value=client):
        assert antispam.hit("expiry-test", 3600, at=7300) == 7
    pipe = client.pipeline.return_value
    pipe.incr.assert_called_once_with("party:ratelimit:expiry-test:7200")
    pipe.expire.assert_called_once_with("party:ratelimit:expiry-test:7200", 3660)  # the window, a minute more
    assert not RateLimitCounter.objects.exists()  # nothing counted twice in the database


def test_real_redis_counters_expire(settings):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set (CI sets it)")
    antispam._redis.cache_clear()
    key = f"ttl:{time.time_ns()}"
    assert antispam.hit(key, 60) == 1
    window_start = int(time.time()) // 60 * 60
    assert 0 < antispam._redis().ttl(f"party:ratelimit:{key}:{window_start}") <= 120


# --- Limits per form, timing at the edges.


class OtherForm(MessageForm):
    antispam_scope = "other-form"


def test_each_form_has_its_own_limit(db):
    for _ in range(3):
        assert form().is_valid()
    assert not form().is_valid()
    other = OtherForm({**form().data, antispam.TOKEN_FIELD: token(10, scope="other-form")}, request=request_from())
    assert other.is_valid(), other.errors


def test_timing_edges_are_inclusive(db, settings):
    now = 1_800_000_000
    with mock.patch.object(antispam.time, "time", return_value=now):
        exactly_min = antispam.new_token("test-form", issued=now - settings.ANTISPAM_MIN_SECONDS)
        exactly_max = antispam.new_token("test-form", issued=now - settings.ANTISPAM_MAX_AGE)
        assert antispam.token_age(exactly_min, "test-form") == settings.ANTISPAM_MIN_SECONDS
        assert not MessageForm({"message": "x", antispam.TOKEN_FIELD: exactly_min}, request=request_from()).is_spam()
        assert antispam.token_issued(exactly_max, "test-form") == now - settings.ANTISPAM_MAX_AGE
        assert (
            antispam.token_issued(
                antispam.new_token("test-form", issued=now - settings.ANTISPAM_MAX_AGE - 1), "test-form"
            )
            is None
        )


def test_a_day_old_form_minus_a_minute_is_still_accepted(db, settings):
    f = form(**{antispam.TOKEN_FIELD: token(settings.ANTISPAM_MAX_AGE - 60)})
    assert f.is_valid(), f.errors


def test_a_stuck_redis_holds_a_visitor_for_a_second_at_most(settings):
    """The client the site uses gives up after a second, connecting or waiting for an answer,
    and hit() then counts in the database. Building the client does not connect."""
    settings.REDIS_URL = "redis://127.0.0.1:6399/0"
    antispam._redis.cache_clear()
    try:
        options = antispam._redis().connection_pool.connection_kwargs
        assert options["socket_connect_timeout"] == 1 and options["socket_timeout"] == 1
        assert antispam._redis() is antispam._redis()  # one client (and its connection pool) per process
    finally:
        antispam._redis.cache_clear()
