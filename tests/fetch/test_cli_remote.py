"""``minutes ingest`` over HTTP: the clerk's view (progress, summary, exit status)."""

from __future__ import annotations

from click.testing import CliRunner

from minutes.cli import cli
from tests.fetch.server import Reply
from tests.fetch.site_fixture import COMMITTEE_ID, northwold
from tests.fetch.sitegen import serve_site


def run_ingest(tmp_path, *args):
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "reg.db"),
                                      "--cache-dir", str(tmp_path / "cache"),
                                      "--max-rate", "0", *args])
    return result


def test_committee_crawl_summary_and_rerun(server, tmp_path):
    serve_site(server, northwold())
    args = ["--site", server.base, "--committee", str(COMMITTEE_ID),
            "--since", "2024-01-01", "--until", "2024-06-30"]
    first = run_ingest(tmp_path, *args)
    assert first.exit_code == 0, first.output
    assert "2 meetings; 5 documents: 4 new, 0 changed, 0 unchanged, 1 restricted" in first.output
    assert "Meeting 1/2: meeting 3001 (2024-01-16)" in first.stderr
    again = run_ingest(tmp_path, *args)
    assert again.exit_code == 0
    assert "0 new, 0 changed, 5 unchanged" in again.output and "; 0 entries new" in again.output


def test_failures_give_exit_status_1_after_the_rest(server, tmp_path):
    serve_site(server, northwold())
    server.add("mgConvert2PDF.aspx?ID=7010", Reply(b"", status=404))
    meetings = tmp_path / "meetings.txt"
    meetings.write_text(f"# this week\n{server.url('ieListDocuments.aspx?CId=201&MId=3001')}\n"
                        f"\n{server.url('ieListDocuments.aspx?CId=201&MId=3002')}\n")
    result = run_ingest(tmp_path, "--from-file", str(meetings))
    assert result.exit_code == 1
    assert "2 meetings; 5 documents: 3 new" in result.output
    assert "1 document could not be downloaded or read:" in result.output
    assert "mgConvert2PDF.aspx?ID=7010: the page was not found (HTTP 404)" in result.output
    assert "Traceback" not in result.output


def test_pasted_address_with_service_off(server, tmp_path):
    serve_site(server, northwold(), service=False)
    result = run_ingest(tmp_path, server.url("ieListDocuments.aspx?CId=201&MId=3002"))
    assert result.exit_code == 0, result.output
    assert "web service is switched off; used its web pages instead" in result.output


def test_bad_options_are_usage_errors(tmp_path):
    assert run_ingest(tmp_path, "--site", "https://x.example").exit_code == 2
    assert run_ingest(tmp_path).exit_code == 2
    missing = run_ingest(tmp_path, "--from-file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.output
