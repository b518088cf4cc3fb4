"""Remote ingest: ModernGov meetings (pasted addresses or a committee's date range) into
the register, incrementally.

For each meeting: fetch its GetMeeting XML (or its page), ingest it as a document,
then follow each agenda item's linked documents and ingest them under the same
meeting and item. Restricted items and documents are recorded as restricted and
never downloaded or extracted. "By the next meeting" resolves to the committee's
next meeting in its GetMeetings calendar.

What a re-run fetches (ModernGov sends no ETag; content hashes say what changed):

- the meeting lists (GetMeetings), always;
- each meeting's own page, unless the meeting is *settled*: its page carried
  minutes when last fetched and that fetch came after the committee's next
  meeting, where those minutes were approved as the final record;
- a meeting's documents only when its page changed (else the cached copies).

Whatever the register already holds with the same hash is not re-extracted.
``recheck`` fetches everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import FetchError, MinutesError, ReadError
from minutes.pipeline.fetch import Fetcher
from minutes.pipeline.ingest import (
    BatchReport,
    DocContext,
    DocOutcome,
    apply_context,
    ingest_bytes,
    sha256_of,
)
from minutes.pipeline.moderngov import (
    MeetingPage,
    MeetingRef,
    ModernGovSite,
    parse_address,
    site_base,
)
from minutes.records import Document

if TYPE_CHECKING:
    from minutes.models.store import Register

#: progress(kind, label, index, total): kind is "meeting" or "document"
Progress = Callable[[str, str, int, int], None]
#: How far past the last meeting to look for "the next meeting"
CALENDAR_AHEAD = timedelta(days=400)


@dataclass
class RemoteReport:
    """What a remote ingest did, for the clerk's closing summary."""

    batch: BatchReport = field(default_factory=BatchReport)
    meetings: int = 0
    settled: int = 0  # meetings taken from the cache: minutes approved since last fetched
    notices: list[str] = field(default_factory=list)

    def add(self, outcome: DocOutcome) -> None:
        self.batch.add(outcome)

    def count(self, status: str) -> int:
        return self.batch.count(status)  # type: ignore[arg-type]

    @property
    def failures(self) -> list[DocOutcome]:
        return self.batch.failures

    @property
    def entries_added(self) -> int:
        return self.batch.entries_added

    def summary_lines(self, max_failures: int = 20) -> list[str]:
        """The closing summary: notices, counts, then what failed in plain words."""
        lines = list(dict.fromkeys(self.notices))
        docs = len(self.batch.outcomes)
        restricted = self.count("restricted")
        lines.append(
            f"{self.meetings} meeting{'s' if self.meetings != 1 else ''}; "
            f"{docs} document{'s' if docs != 1 else ''}: {self.count('new')} new, "
            f"{self.count('changed')} changed, {self.count('unchanged')} unchanged, "
            + (f"{restricted} restricted (not extracted), " if restricted else "")
            + f"{self.count('failed')} failed; {self.entries_added} "
            f"entr{'ies' if self.entries_added != 1 else 'y'} new")
        if self.settled:
            lines.append(f"({self.settled} settled meeting{'s' if self.settled != 1 else ''} "
                         "with approved minutes not downloaded again; --recheck does)")
        failed = self.failures
        if failed:
            n = len(failed)
            lines.append(f"{n} document{'s' if n != 1 else ''} could not be downloaded or read:")
            lines.extend(f"  {o.message or o.source}" for o in failed[:max_failures])
            if n > max_failures:
                lines.append(f"  ... and {n - max_failures} more")
        return lines


class _Run:
    """One ingest_remote call: sites by base address, the report, the progress hook."""

    def __init__(self, register: Register, fetcher: Fetcher, progress: Progress | None,
                 recheck: bool, today: date, settle: bool = True) -> None:
        self.register = register
        self.fetcher = fetcher
        self.progress = progress or (lambda *_args: None)
        self.recheck = recheck
        self.settle = settle and not recheck
        self.today = today
        self.report = RemoteReport()
        self.sites: dict[str, ModernGovSite] = {}
        self.known = known_hashes(register)  # source -> sha256 the register holds

    def site(self, base: str) -> ModernGovSite:
        base = site_base(base)  # ".../mgListCommittees.aspx" or ".../" -> the site folder
        if base not in self.sites:
            self.sites[base] = ModernGovSite(base, self.fetcher)
        return self.sites[base]

    def fail(self, source: str, exc: MinutesError) -> None:
        self.report.add(DocOutcome(source, "failed", message=str(exc)))

    def ingest(self, data: bytes, sha: str, source: str, context: DocContext) -> None:
        """Ingest one body unless the register already holds exactly it."""
        if self.known.get(source) == sha:
            self.report.add(DocOutcome(source, "unchanged"))
            return
        outcome = ingest_bytes(self.register, data, source, meeting_date=context.meeting_date,
                               context=context)
        if outcome.status != "failed":
            self.known[source] = sha
        self.report.add(outcome)

    # -- meetings ----------------------------------------------------------------

    def meeting(self, site: ModernGovSite, ref: MeetingRef,
                calendar: list[MeetingRef] | None, index: int, total: int) -> None:
        label = f"meeting {ref.meeting_id}" + (f" ({ref.day.isoformat()})" if ref.day else "")
        self.progress("meeting", label, index, total)
        settled = self.settled(site, ref, calendar) if self.settle else None
        if settled is not None:
            page, calendar = settled
            self.report.settled += 1
        else:
            try:
                page = site.meeting(ref, reuse=not self.recheck)
            except MinutesError as exc:
                self.fail(site.meeting_page_url(ref), exc)
                return
        self.report.meetings += 1
        if calendar is None:
            calendar = self.calendar_after(site, page.ref)
        context = DocContext(
            url=page.fetched.url, meeting_date=page.ref.day,
            committee=page.committee or site.committee_title(ref.committee_id),
            moderngov_meeting_id=ref.meeting_id, site=site.base,
            next_meeting_date=next_meeting(calendar, page.ref.day))
        self.ingest(page.fetched.content, page.fetched.sha256, page.fetched.url, context)
        self.documents(page, context)

    def settled(self, site: ModernGovSite, ref: MeetingRef, calendar: list[MeetingRef] | None
                ) -> tuple[MeetingPage, list[MeetingRef]] | None:
        """The cached page of a settled meeting, with its calendar; None to fetch it.

        Settled: its page carried minutes when last fetched, and that fetch was after the
        committee's next meeting, where minutes are approved as the final record. The
        register already holds that page (same hash).
        """
        cached = site.cached_meeting(ref)
        if cached is None:
            return None
        page, checked_at = cached
        if not page.has_minutes or self.known.get(page.fetched.url) != page.fetched.sha256:
            return None
        if calendar is None:
            calendar = self.calendar_after(site, page.ref)
        following = next_meeting(calendar, page.ref.day)
        checked = min(date.fromtimestamp(checked_at), self.today)
        if following is None or following >= checked:
            return None
        return page, calendar

    def calendar_after(self, site: ModernGovSite, ref: MeetingRef) -> list[MeetingRef]:
        """The committee's meetings after ``ref`` (for "the next meeting"), if knowable."""
        if not ref.committee_id or ref.day is None:
            return []
        try:
            return site.meetings(ref.committee_id, ref.day, ref.day + CALENDAR_AHEAD)
        except MinutesError:
            return []

    def documents(self, page: MeetingPage, context: DocContext) -> None:
        refresh = self.recheck or page.fetched.changed
        cache = self.fetcher.cache
        total = len(page.links)
        for i, link in enumerate(page.links, start=1):
            self.progress("document", link.title or link.url, i, total)
            ctx = replace(context, url=link.url, item=link.item,
                          restricted=link.restricted or (link.item in page.restricted_items))
            if ctx.restricted:
                if self.known.get(link.url) == restricted_sha(link.url):
                    self.report.add(DocOutcome(link.url, "unchanged"))
                else:
                    self.report.add(record_restricted(self.register, link.url, link.title, ctx))
                continue
            cached = cache.lookup(link.url) if cache is not None and not refresh else None
            if cached is not None and self.known.get(link.url) == cached.sha256:
                self.report.add(DocOutcome(link.url, "unchanged"))  # no request, no reading
                continue
            try:
                got = self.fetcher.get(link.url, refresh=refresh)
            except MinutesError as exc:
                self.fail(link.url, exc)
                continue
            self.ingest(got.content, got.sha256, link.url, ctx)

    # -- what was asked for ------------------------------------------------------

    def committee(self, base: str, committee_id: str, since: date, until: date | None) -> None:
        site = self.site(base)
        last = until or self.today
        if not committee_id.isdigit():  # a name: look its id up in GetCommittees
            try:
                committee_id = committee_by_name(site, committee_id)
            except MinutesError as exc:
                self.fail(f"{site.base} committee {committee_id!r}", exc)
                return
        try:
            calendar = site.meetings(committee_id, since, max(last, self.today) + CALENDAR_AHEAD)
        except MinutesError as exc:
            self.fail(f"{site.base} committee {committee_id}", exc)
            return
        chosen = [m for m in calendar if m.day is not None and since <= m.day <= last
                  and m.day <= self.today and not m.cancelled]
        for i, ref in enumerate(chosen, start=1):
            self.meeting(site, ref, calendar, i, len(chosen))

    def address(self, url: str, index: int, total: int) -> None:
        pasted = parse_address(url)
        if pasted is None:
            self.standalone(url, index, total)
            return
        site = self.site(pasted.base)
        if pasted.meeting_id:
            ref = MeetingRef(pasted.meeting_id, pasted.committee_id)
        else:
            try:
                named = site.meeting_named_by(pasted.page or url)
            except MinutesError as exc:
                self.fail(url, exc)
                return
            if named is None:  # e.g. an officer decision: the page itself is the document
                self.standalone(url, index, total, refresh=False)
                return
            ref = named
        self.meeting(site, ref, None, index, total)

    def standalone(self, url: str, index: int, total: int, *, refresh: bool = True) -> None:
        """A document address that is not a meeting (a PDF, a decision page)."""
        self.progress("document", url, index, total)
        try:
            got = self.fetcher.get(url, refresh=refresh)
        except MinutesError as exc:
            self.fail(url, exc)
            return
        self.ingest(got.content, got.sha256, url, DocContext(url=url, site=site_base(url)))


def committee_by_name(site: ModernGovSite, name: str) -> str:
    """The id of the committee called ``name`` (case-insensitive; a unique part will do)."""
    committees = site.committees()
    wanted = " ".join(name.lower().split())
    exact = [c for c in committees if (c.title or "").lower() == wanted]
    partial = [c for c in committees if wanted in (c.title or "").lower()]
    found = exact or partial
    if len(found) == 1:
        return found[0].committee_id
    if not committees:
        problem = "its committees cannot be listed: give the committee's number (CId)"
    elif not found:
        problem = f"has no committee called {name!r}"
    else:
        names = ", ".join(f"{c.title} ({c.committee_id})" for c in found[:5])
        problem = f"has several committees matching {name!r}: {names}"
    raise FetchError(site.base, problem)


def next_meeting(calendar: list[MeetingRef], day: date | None) -> date | None:
    """The first meeting after ``day`` that is not cancelled."""
    if day is None:
        return None
    later = sorted(m.day for m in calendar if m.day and m.day > day and not m.cancelled)
    return later[0] if later else None


def known_hashes(register: Register) -> dict[str, str]:
    """Every source the register holds with its content hash, in one query.

    A re-run compares against this instead of asking the register once per document.
    """
    try:
        return register.document_hashes()
    except MinutesError:
        return {}  # ingest_bytes still checks each document itself


def restricted_sha(url: str) -> str:
    """The stand-in hash a restricted (never downloaded) document is recorded with."""
    return sha256_of(b"restricted\n" + url.encode())


def record_restricted(register: Register, url: str, title: str | None,
                      context: DocContext) -> DocOutcome:
    """Record a restricted document (not downloaded, not extracted) under its meeting."""
    sha = restricted_sha(url)
    try:
        if register.is_unchanged(url, sha):
            return DocOutcome(url, "unchanged")
        doc = apply_context(Document(source=url, format="restricted", text="", sha256=sha,
                                     title=title), context)
        register.save_document(doc, [], restricted=True)
    except MinutesError as exc:
        return DocOutcome(url, "failed", message=str(exc))
    return DocOutcome(url, "restricted")


def ingest_remote(register: Register, *, fetcher: Fetcher, urls: Iterable[str] = (),
                  site: str | None = None, committee: str | None = None,
                  since: date | None = None, until: date | None = None,
                  progress: Progress | None = None, recheck: bool = False,
                  settle: bool = True, today: date | None = None) -> RemoteReport:
    """Ingest pasted addresses and/or a committee's meetings ``since``..``until``.

    ``recheck`` downloads everything again; ``settle=False`` only re-fetches settled
    meetings' pages (their documents still come from the cache when the page is unchanged).
    """
    run = _Run(register, fetcher, progress, recheck, today or date.today(), settle)
    addresses = [u.strip() for u in urls if u.strip()]
    for i, url in enumerate(addresses, start=1):
        run.address(url, i, len(addresses))
    if site and committee:
        run.committee(site, str(committee), since or run.today - timedelta(days=365), until)
    for s in run.sites.values():
        run.report.notices.extend(s.notices)
    return run.report


def read_address_file(path: str) -> list[str]:
    """Addresses from a file, one a line; blank lines and ``#`` comments skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ReadError(path, f"cannot read the list of addresses ({exc.strerror or exc})"
                        ) from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
