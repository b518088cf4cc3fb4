"""A small FastAPI app over the Register: nothing here but request parsing and templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from minutes.errors import MinutesError, StoreError
from minutes.pipeline import export
from minutes.pipeline.tracing import mark_quote

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
FILTERS = ("status", "kind", "owner", "committee", "overdue", "due_before")


def _filters(status: str | None, kind: str | None, owner: str | None, committee: str | None,
             overdue: bool, due_before: str | None) -> dict[str, Any]:
    """Query parameters to Register.entries keywords; blanks mean no filter."""
    try:
        before = date.fromisoformat(due_before) if due_before else None
    except ValueError:
        raise StoreError(f"due before {due_before!r} is not a date (YYYY-MM-DD)") from None
    return {"status": status or None, "kind": kind or None, "owner": owner or None,
            "committee": committee or None, "overdue": overdue, "due_before": before,
            "today": date.today()}


def create_app(register: Any) -> FastAPI:
    """The web app over an open ``Register``."""
    app = FastAPI(title="minutes-register", docs_url=None, redoc_url=None)

    @app.exception_handler(MinutesError)
    def _minutes_error(request: Request, exc: MinutesError) -> Response:
        code = 404 if "no entry" in str(exc) else 400
        return TEMPLATES.TemplateResponse(request, "error.html", {"message": str(exc)},
                                          status_code=code)

    def entries(**kw: Any) -> list[dict[str, Any]]:
        return [v.to_json() for v in register.entries(**_filters(**kw))]

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, status: str | None = None, kind: str | None = None,
              owner: str | None = None, committee: str | None = None,
              overdue: bool = False, due_before: str | None = None) -> Response:
        rows = entries(status=status, kind=kind, owner=owner, committee=committee,
                       overdue=overdue, due_before=due_before)
        query = str(request.url.query)
        return TEMPLATES.TemplateResponse(request, "register.html", {
            "rows": rows, "query": query, "today": date.today().isoformat(),
            "f": {"status": status or "", "kind": kind or "", "owner": owner or "",
                  "committee": committee or "", "overdue": overdue,
                  "due_before": due_before or ""},
        })

    @app.get("/export.csv")
    def export_csv(status: str | None = None, kind: str | None = None, owner: str | None = None,
                   committee: str | None = None, overdue: bool = False,
                   due_before: str | None = None) -> Response:
        rows = entries(status=status, kind=kind, owner=owner, committee=committee,
                       overdue=overdue, due_before=due_before)
        return Response(export.to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="register.csv"'})

    @app.get("/export.json")
    def export_json(status: str | None = None, kind: str | None = None,
                    owner: str | None = None, committee: str | None = None,
                    overdue: bool = False, due_before: str | None = None) -> Response:
        rows = entries(status=status, kind=kind, owner=owner, committee=committee,
                       overdue=overdue, due_before=due_before)
        return PlainTextResponse(export.to_jsonl(rows), media_type="application/x-ndjson")

    @app.get("/entry/{ref}", response_class=HTMLResponse)
    def entry(request: Request, ref: str) -> Response:
        view = register.trace(ref)
        sources = [{"s": s, "marked": mark_quote(s.paragraph or s.quote, s.quote).split("»", 1)}
                   for s in view.sources]
        for item in sources:
            before, rest = (item["marked"] + [""])[:2]
            quote, _, after = rest.partition("«")
            item.update(before=before, quote=quote, after=after,
                        link=item["s"].source if "://" in item["s"].source else None)
        return TEMPLATES.TemplateResponse(request, "entry.html", {
            "e": view.entry, "sources": sources, "history": view.history})

    @app.post("/entry/{ref}/status")
    def set_status(ref: str, status: str = Form(...), note: str = Form(""),
                   by: str = Form("")) -> Response:
        register.set_status(ref, status, note=note or None, by=by.strip() or "web")
        return RedirectResponse(f"/entry/{ref}", status_code=303)

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz() -> str:
        return "ok"

    return app
