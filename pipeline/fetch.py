"""The one polite HTTP client: rate limit, timeouts, retries, robots.txt, size cap, cache.

Every network request the project makes goes through ``Fetcher.get``:

- a per-host minimum interval (``max_rate`` requests a second, or robots.txt's longer
  Crawl-delay; 0 = no limit, for a local mirror);
- timeouts, and tenacity retries with exponential backoff on timeouts, 429 and
  5xx only, honouring ``Retry-After`` (seconds or an HTTP date, capped);
- a User-Agent that names the project; robots.txt (``urllib.robotparser``),
  fetched once per host through the same client;
- a size cap on downloads (streamed; aborted past the cap);
- an optional ``ResponseCache``: ``Fetched.changed`` says whether the body's
  hash differs from the cached one, and ``refresh=False`` serves a cached copy
  with no network at all.

Failures are ``FetchError(url, problem, status)`` with a plain-language problem.
"""

from __future__ import annotations

import hashlib
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from minutes import __version__
from minutes.errors import FetchError
from minutes.pipeline.cache import ResponseCache

PROJECT_URL = "https://github.com/minutes-register/minutes-register"
USER_AGENT = f"minutes-register/{__version__} (+{PROJECT_URL})"
ROBOTS_AGENT = "minutes-register"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    """One response body and what the cache says about it."""

    url: str
    status: int
    content: bytes
    sha256: str
    media_type: str | None
    from_cache: bool = False  # served from the cache without a request
    changed: bool = True  # body differs from the cached one (or nothing was cached)
    previous_sha256: str | None = None  # the cached hash before this fetch

    @property
    def is_new(self) -> bool:
        """Nothing was cached for this URL before."""
        return self.previous_sha256 is None and not self.from_cache


class _Retryable(Exception):
    """A response or error worth another try (timeout, 429, 5xx)."""

    def __init__(self, problem: str, status: int | None, retry_after: float | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.retry_after = retry_after


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def media_type_of(content_type: str | None) -> str | None:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


class Fetcher:
    """A polite, cached HTTP GET client over one ``httpx.Client``."""

    def __init__(
        self,
        *,
        cache: ResponseCache | None = None,
        max_rate: float = 1.0,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        max_retry_after: float = 120.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        respect_robots: bool = True,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.cache = cache
        self.max_rate = max_rate
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self.requests = 0  # network requests made (including retries and robots.txt)
        self._client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            transport=transport,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._crawl_delay: dict[str, float] = {}  # host -> robots.txt Crawl-delay (s)
        self._lock = threading.Lock()

    # -- public API -------------------------------------------------------------

    def get(self, url: str, *, refresh: bool = True) -> Fetched:
        """GET ``url``; with ``refresh=False`` a cached copy is returned without a request."""
        previous = self.cache.lookup(url) if self.cache else None
        if not refresh and previous is not None and self.cache is not None:
            body = self.cache.body(previous.sha256)
            if body is not None:
                return Fetched(url, previous.status, body, previous.sha256,
                               previous.media_type, from_cache=True, changed=False,
                               previous_sha256=previous.sha256)
        self._check_robots(url)
        status, content, media_type = self._get_with_retries(url)
        sha = hashlib.sha256(content).hexdigest()
        if self.cache is not None:
            self.cache.store(url, content, sha, status, media_type)
        old = previous.sha256 if previous else None
        return Fetched(url, status, content, sha, media_type, from_cache=False,
                       changed=old != sha, previous_sha256=old)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this client fetch ``url``."""
        if not self.respect_robots:
            return True
        return self._robots_for(url).can_fetch(ROBOTS_AGENT, url)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        """Sleep so that requests to one host are at least 1/max_rate seconds apart."""
        if self.max_rate <= 0:
            return
        host = urlsplit(url).netloc.lower()
        interval = max(1.0 / self.max_rate, self._crawl_delay.get(host, 0.0))
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, now - interval) + interval
            self._last[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        parser = self._robots.get(origin)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            status, content, _ = self._get_with_retries(origin + "/robots.txt", robots=True)
        except FetchError:
            status, content = 404, b""  # unreachable robots.txt: treat as no rules
        if status in (401, 403):
            parser.disallow_all = True
        elif status >= 400:
            parser.allow_all = True
        else:
            parser.parse(content.decode("utf-8", "replace").splitlines())
        parser.modified()
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[parts.netloc.lower()] = min(float(delay), self.max_backoff)
        self._robots[origin] = parser
        return parser

    def _check_robots(self, url: str) -> None:
        if not self.allowed(url):
            raise FetchError(url, "robots.txt disallows fetching this address", None)

    # -- the request itself ------------------------------------------------------

    def _wait_seconds(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, self.max_retry_after)
        return min(self.backoff * (2 ** (state.attempt_number - 1)), self.max_backoff)

    def _get_with_retries(
        self, url: str, *, robots: bool = False
    ) -> tuple[int, bytes, str | None]:
        retrying = Retrying(
            retry=retry_if_exception(lambda e: isinstance(e, _Retryable)),
            stop=stop_after_attempt(self.retries + 1),
            wait=self._wait_seconds,
            reraise=True,
        )
        try:
            return retrying(self._get_once, url, robots)
        except _Retryable as exc:
            tries = self.retries + 1
            raise FetchError(url, f"{exc.problem} (gave up after {tries} tries)",
                             exc.status) from None

    def _get_once(self, url: str, robots: bool) -> tuple[int, bytes, str | None]:
        self._wait_turn(url)
        self.requests += 1
        try:
            with self._client.stream("GET", url) as response:
                status = response.status_code
                if status == 429 or status >= 500:
                    after = parse_retry_after(response.headers.get("Retry-After"))
                    what = "the server asked us to slow down" if status == 429 else \
                        "the server had an error"
                    raise _Retryable(f"{what} (HTTP {status})", status, after)
                if status >= 400 and not robots:
                    raise FetchError(url, _status_problem(status), status)
                content = self._read_capped(url, response)
                return status, content, media_type_of(response.headers.get("Content-Type"))
        except httpx.TimeoutException:
            raise _Retryable("the server did not answer in time", None, None) from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(url, _cut_off_problem(exc), None) from None
        except httpx.InvalidURL:
            raise FetchError(url, "is not a valid web address", None) from None
        except httpx.UnsupportedProtocol:
            raise FetchError(url, "is not an http:// or https:// address", None) from None
        except httpx.ConnectError:
            raise FetchError(url, "could not connect to the server", None) from None
        except httpx.TransportError as exc:
            raise FetchError(url, f"the connection failed ({type(exc).__name__})", None) from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"is larger than the {_mb(self.max_bytes)} download limit",
                             response.status_code)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"is larger than the {_mb(self.max_bytes)} download limit",
                                 response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)


def _status_problem(status: int) -> str:
    if status == 404:
        return "the page was not found (HTTP 404)"
    if status in (401, 403):
        return f"the server refused access (HTTP {status})"
    return f"the server refused the request (HTTP {status})"


def _cut_off_problem(exc: httpx.RemoteProtocolError) -> str:
    text = str(exc)
    if "received" in text and "expected" in text:
        detail = text.split(":", 1)[-1].strip()
        return f"the download was cut off before the end ({detail})"
    return "the download was cut off before the end"
