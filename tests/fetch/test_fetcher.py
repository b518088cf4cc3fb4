"""The polite client against a real local server: retries, faults, robots, cache."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from minutes.errors import FetchError
from minutes.pipeline.fetch import USER_AGENT, parse_retry_after
from tests.fetch.server import Reply


def test_user_agent_names_the_project(server, make_fetcher):
    server.add("page", Reply(b"hello"))
    got = make_fetcher().get(server.url("page"))
    assert got.content == b"hello" and got.status == 200
    assert server.user_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("minutes-register/")


def test_429_waits_for_retry_after_then_succeeds(server, make_fetcher):
    server.add("busy", lambda n: Reply(b"slow down", status=429, headers={"Retry-After": "1"})
               if n == 1 else Reply(b"ok now"))
    start = time.monotonic()
    got = make_fetcher().get(server.url("busy"))
    assert got.content == b"ok now"
    assert time.monotonic() - start >= 0.9  # honoured Retry-After, not the 0.01 s backoff
    assert server.count("busy") == 2


def test_retry_after_is_capped(server, make_fetcher):
    server.add("busy", lambda n: Reply(b"", status=429, headers={"Retry-After": "3600"})
               if n == 1 else Reply(b"done"))
    start = time.monotonic()
    assert make_fetcher(max_retry_after=0.1).get(server.url("busy")).content == b"done"
    assert time.monotonic() - start < 2


def test_500_then_success(server, make_fetcher):
    server.add("flaky", lambda n: Reply(b"oops", status=500) if n == 1 else Reply(b"fine"))
    assert make_fetcher().get(server.url("flaky")).content == b"fine"
    assert server.count("flaky") == 2


def test_persistent_5xx_gives_up_with_a_plain_error(server, make_fetcher):
    server.add("down", Reply(b"", status=503))
    with pytest.raises(FetchError) as info:
        make_fetcher(retries=2).get(server.url("down"))
    assert info.value.status == 503
    assert "server had an error" in str(info.value) and "gave up after 3 tries" in str(info.value)
    assert "\n" not in str(info.value) and server.url("down") in str(info.value)
    assert server.count("down") == 3


def test_404_is_not_retried(server, make_fetcher):
    with pytest.raises(FetchError, match="not found") as info:
        make_fetcher().get(server.url("missing"))
    assert info.value.status == 404
    assert server.count("missing") == 1


def test_timeout_is_retried(server, make_fetcher):
    server.add("slow", lambda n: Reply(b"late", delay=1.0) if n == 1 else Reply(b"prompt"))
    assert make_fetcher(timeout=0.2).get(server.url("slow")).content == b"prompt"
    assert server.count("slow") == 2


def test_timeout_every_time_fails(server, make_fetcher):
    server.add("stuck", Reply(b"never", delay=0.6))
    with pytest.raises(FetchError, match="did not answer in time"):
        make_fetcher(timeout=0.2, retries=1).get(server.url("stuck"))
    assert server.count("stuck") == 2


def test_truncated_download_is_an_error_not_a_retry(server, make_fetcher):
    server.add("cut.pdf", Reply(b"%PDF-1.4 half a file", content_type="application/pdf",
                                declared_length=5000))
    with pytest.raises(FetchError, match="cut off"):
        make_fetcher().get(server.url("cut.pdf"))
    assert server.count("cut.pdf") == 1


def test_size_cap(server, make_fetcher):
    server.add("big", Reply(b"x" * 5000))
    with pytest.raises(FetchError, match="download limit"):
        make_fetcher(max_bytes=1000).get(server.url("big"))
    assert make_fetcher(max_bytes=10_000).get(server.url("big")).content == b"x" * 5000


def test_robots_txt_disallowing_a_path(server, make_fetcher):
    server.add("robots.txt", Reply(b"User-agent: *\nDisallow: /private/\n",
                                   content_type="text/plain"))
    server.add("private/report.pdf", Reply(b"secret"))
    server.add("public/report.pdf", Reply(b"open"))
    fetcher = make_fetcher()
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher.get(server.url("private/report.pdf"))
    assert server.count("private/report.pdf") == 0
    assert fetcher.get(server.url("public/report.pdf")).content == b"open"
    assert server.count("robots.txt") == 1  # read once per host
    assert fetcher.allowed(server.url("public/x")) and not fetcher.allowed(
        server.url("private/x"))


def test_robots_can_be_switched_off_for_a_local_mirror(server, make_fetcher):
    server.add("robots.txt", Reply(b"User-agent: *\nDisallow: /\n", content_type="text/plain"))
    server.add("page", Reply(b"mirror"))
    assert make_fetcher(respect_robots=False).get(server.url("page")).content == b"mirror"


def test_rate_limit_spaces_requests_per_host(server, make_fetcher):
    server.add("a", Reply(b"a"))
    fetcher = make_fetcher(max_rate=10, cached=False)
    start = time.monotonic()
    for _ in range(4):
        fetcher.get(server.url("a"))
    # robots.txt and four requests, each >= 0.1 s after the one before
    assert time.monotonic() - start >= 0.39
    other = make_fetcher(max_rate=0, cached=False)
    start = time.monotonic()
    for _ in range(4):
        other.get(server.url("a"))
    assert time.monotonic() - start < 0.3  # 0 = no limit


def test_cache_reports_unchanged_and_changed(server, make_fetcher):
    server.add("doc", lambda n: Reply(b"version one" if n < 3 else b"version two"))
    fetcher = make_fetcher()
    first = fetcher.get(server.url("doc"))
    assert first.changed and first.is_new and not first.from_cache
    second = fetcher.get(server.url("doc"))
    assert not second.changed and second.previous_sha256 == first.sha256
    third = fetcher.get(server.url("doc"))
    assert third.changed and third.content == b"version two" and not third.is_new


def test_cached_copy_needs_no_request(server, make_fetcher):
    server.add("doc", Reply(b"stable"))
    make_fetcher().get(server.url("doc"))
    before = server.total_hits
    again = make_fetcher().get(server.url("doc"), refresh=False)  # a new process, same cache
    assert again.from_cache and again.content == b"stable" and not again.changed
    assert server.total_hits == before


def test_bad_address(make_fetcher):
    with pytest.raises(FetchError, match="http"):
        make_fetcher().get("ftp://example.invalid/file")


def test_connection_refused(make_fetcher):
    with pytest.raises(FetchError, match="could not connect"):
        make_fetcher().get("http://127.0.0.1:9/nothing")


def test_parse_retry_after():
    now = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True),
                             now=now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_unusable_cache_folder_is_a_one_line_error(tmp_path):
    from minutes.pipeline.cache import CacheError, ResponseCache

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(CacheError, match="cannot use as a cache folder") as info:
        ResponseCache(blocker)
    assert "\n" not in str(info.value) and str(blocker) in str(info.value)


def test_cache_dir_from_the_environment(tmp_path, monkeypatch):
    from minutes.pipeline.cache import ResponseCache, default_cache_dir

    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path / "env-cache"))
    assert default_cache_dir() == tmp_path / "env-cache"
    cache = ResponseCache()
    cache.store("http://x/a", b"body", "ab" * 32, 200, "text/plain")
    assert (tmp_path / "env-cache" / "index.sqlite3").exists()
    assert cache.get("http://x/a")[1] == b"body"


def test_robots_crawl_delay_slows_us_down(server, make_fetcher):
    server.add("robots.txt", Reply(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"))
    server.add("a", Reply(b"a"))
    fetcher = make_fetcher(max_rate=100, max_backoff=5)
    fetcher.get(server.url("a"))
    start = time.monotonic()
    fetcher.get(server.url("a"))
    assert time.monotonic() - start >= 0.9
