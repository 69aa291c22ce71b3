"""The programme dashboard: figures for coordinators who report to funders,
with charts drawn on the server and a CSV file for every table."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from peerlearn.directory.models import Programme
from peerlearn.exchanges import charts, dashboard
from peerlearn.exchanges.dashboard import Dashboard
from peerlearn.exchanges.models import Phase
from peerlearn.exchanges.rules import may
from peerlearn.exchanges.views.seek_offer import programme_or_404
from peerlearn.lists import csv_response

Rows = tuple[Sequence[str], Iterable[Sequence[Any]]]


def _decimal(value: float | None, places: int = 2) -> str:
    # CSV files are read by programs: a dot, whatever the reader's language.
    return "" if value is None else f"{value:.{places}f}"


def _timestamp(value: datetime.datetime | None) -> str:
    return "" if value is None else timezone.localtime(value).isoformat(timespec="minutes")


# CSV exports: one per table of the page ---------------------------------------


def export_topics(programme: Programme, now: datetime.datetime) -> Rows:
    header = [
        _("Thematic area"),
        _("Topic"),
        _("Code"),
        _("Open needs"),
        _("Offers in the pool"),
        _("Remaining capacity"),
    ]
    rows: list[list[Any]] = []
    for area in dashboard.topic_rows(programme):
        for row in (area, *area.topics):
            rows.append(
                [
                    area.label,
                    "" if row.is_area else row.label,
                    row.code,
                    row.needs,
                    row.offers,
                    row.capacity,
                ]
            )
    total = dashboard.pool_totals(programme)
    rows.append([_("All topics"), "", "", total.needs, total.offers, total.capacity])
    return header, rows


def export_matches(programme: Programme, now: datetime.datetime) -> Rows:
    header = [_("Status code"), _("Status"), _("Matches")]
    return header, [[r.key, r.label, r.count] for r in dashboard.match_rows(programme)]


def export_declines(programme: Programme, now: datetime.datetime) -> Rows:
    header = [
        _("Need"),
        _("Local government seeking"),
        _("Peer"),
        _("Local government offering"),
        _("Declined by"),
        _("Reason"),
        _("Answered"),
    ]
    rows = (
        [
            row["need__title"],
            row["need__local_government__name"],
            row["offer__person__name"],
            row["offer__local_government__name"] or "",
            dashboard.declined_by(row),
            row["decline_reason"],
            _timestamp(row["answered_at"]),
        ]
        for row in dashboard.declines(programme).iterator(chunk_size=2000)
    )
    return header, rows


def export_phases(programme: Programme, now: datetime.datetime) -> Rows:
    header = [_("Phase code"), _("Phase"), _("Exchanges"), _("Dormant")]
    return header, [
        [r.key, r.label, r.count, r.dormant] for r in dashboard.phase_rows(programme, now)
    ]


def export_dormant(programme: Programme, now: datetime.datetime) -> Rows:
    header = [_("Exchange"), _("Phase"), _("Last activity"), _("Days without activity")]
    labels = dict(Phase.choices)
    rows = (
        [
            row["title"],
            labels.get(row["phase"], row["phase"]),
            _timestamp(row["last_activity_at"]),
            (now - row["last_activity_at"]).days,
        ]
        for row in dashboard.dormant_exchanges(programme, now).iterator(chunk_size=2000)
    )
    return header, rows


def export_meetings(programme: Programme, now: datetime.datetime) -> Rows:
    header = [_("Month"), _("Meetings held"), _("Meetings held since the start")]
    return header, [
        [r.month.strftime("%Y-%m"), r.held, r.cumulative] for r in dashboard.month_rows(programme)
    ]


def export_countries(programme: Programme, now: datetime.datetime) -> Rows:
    header = [
        _("Country code"),
        _("Country"),
        _("Local governments seeking"),
        _("Local governments offering"),
        _("Local governments on both sides"),
        _("Local governments involved"),
    ]
    return header, [
        [r.code, r.name, r.seeking, r.offering, r.both, r.total]
        for r in dashboard.country_rows(programme)
    ]


def export_timing(programme: Programme, now: datetime.datetime) -> Rows:
    header = [_("Measure"), _("Median days"), _("Counted")]
    first = dashboard.need_to_first_meeting(programme)
    answers = dashboard.publication_to_answers(programme)
    return header, [
        [_("From the need to the first meeting held"), _decimal(first.days, 1), first.count],
        [_("From publication to both answers"), _decimal(answers.days, 1), answers.count],
    ]


def export_feedback(programme: Programme, now: datetime.datetime) -> Rows:
    header = [
        _("Side"),
        _("Responses"),
        _("Usefulness (average, 1–5)"),
        _("Relationship (average, 1–5)"),
        _("Organisation (average, 1–5)"),
        _("Would do it again (share)"),
    ]
    rows, total = dashboard.feedback_rows(programme)
    return header, [
        [
            r.label or _("All"),
            r.responses,
            _decimal(r.usefulness),
            _decimal(r.relationship),
            _decimal(r.organisation),
            _decimal(r.would_do_again),
        ]
        for r in (*rows, total)
    ]


EXPORTS: dict[str, Callable[[Programme, datetime.datetime], Rows]] = {
    "topics": export_topics,
    "matches": export_matches,
    "declines": export_declines,
    "phases": export_phases,
    "dormant": export_dormant,
    "meetings": export_meetings,
    "countries": export_countries,
    "timing": export_timing,
    "feedback": export_feedback,
}


# Charts -------------------------------------------------------------------------


def month_label(month: datetime.date) -> str:
    return date_format(month, "M Y")


def build_charts(figures: Dashboard) -> dict[str, SafeString]:
    rtl = translation.get_language_bidi()
    built: dict[str, SafeString] = {}
    if figures.exchanges_total:
        built["phases"] = charts.bar_chart(
            chart_id="chart-phases",
            title=_("Exchanges by phase"),
            labels=[r.label for r in figures.phases],
            series=[charts.Series(_("Exchanges"), [r.count for r in figures.phases])],
            rtl=rtl,
        )
    if figures.months:
        built["meetings"] = charts.column_chart(
            chart_id="chart-meetings",
            title=_("Meetings held per month"),
            labels=[month_label(r.month) for r in figures.months],
            values=[r.held for r in figures.months],
            summary=ngettext(
                "%(counter)s meeting held in all.",
                "%(counter)s meetings held in all.",
                figures.meetings_held,
            )
            % {"counter": charts.default_format(figures.meetings_held)},
            rtl=rtl,
        )
    if figures.areas:
        built["areas"] = charts.bar_chart(
            chart_id="chart-areas",
            title=_("Open needs and offers in the pool by thematic area"),
            labels=[a.label for a in figures.areas],
            series=[
                charts.Series(_("Open needs"), [a.needs for a in figures.areas]),
                charts.Series(_("Offers in the pool"), [a.offers for a in figures.areas]),
            ],
            rtl=rtl,
        )
    return built


# The page -----------------------------------------------------------------------


def _stream(programme: Programme, name: str, now: datetime.datetime) -> StreamingHttpResponse:
    export = EXPORTS.get(name)
    if export is None:
        raise Http404(_("There is no such table."))
    header, rows = export(programme, now)
    filename = f"{programme.slug or programme.pk}-{name}-{now:%Y-%m-%d}.csv"
    return csv_response(filename, header, rows)


class DashboardView(LoginRequiredMixin, View):
    template_name = "exchanges/dashboard.html"

    def get(self, request: HttpRequest, programme: int) -> HttpResponse | StreamingHttpResponse:
        prog = programme_or_404(programme)
        if not may(request.user, "exchanges.view_dashboard", prog):
            raise PermissionDenied
        now = timezone.now()
        if "export" in request.GET:
            return _stream(prog, request.GET["export"], now)
        figures = dashboard.programme_dashboard(prog, now)
        return render(
            request,
            self.template_name,
            {
                "programme": prog,
                "figures": figures,
                "charts": build_charts(figures),
                "list_limit": dashboard.LIST_LIMIT,
                "dormant_days": dashboard.DORMANT_AFTER_DAYS,
            },
        )
