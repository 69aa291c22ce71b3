"""The programme dashboard: every figure on data built for it (see
`dashboard_data`), the CSV exports, who may see it, its charts, Arabic, and a
bounded number of queries."""

from __future__ import annotations

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from peerlearn.accounts.models import Role, RoleAssignment
from peerlearn.exchanges import charts, dashboard, queries
from peerlearn.exchanges.models import Exchange, Match, Need, Phase, Side
from tests.conftest import World, make_user
from tests.exchanges import dashboard_data
from tests.exchanges.dashboard_data import DashboardData

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def data(world: World) -> DashboardData:
    return dashboard_data.build(world)


@pytest.fixture
def figures(data: DashboardData) -> dashboard.Dashboard:
    with translation.override("en"):
        return dashboard.programme_dashboard(data.programme)


def url(data: DashboardData, **query: str) -> str:
    address = reverse("exchanges:dashboard", kwargs={"programme": data.programme.pk})
    if query:
        address += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return address


def client_for(data: DashboardData, role: str) -> Client:
    return data.world.client(role)


def read_csv(response: Any) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


# The figures ------------------------------------------------------------------


def test_open_needs_and_offers_by_thematic_area_and_topic(figures: dashboard.Dashboard) -> None:
    table = {row.code: (row.is_area, row.needs, row.offers, row.capacity) for row in figures.topics}
    assert table == {
        # A need or offer with two topics of one area counts once in the area.
        # Only needs still waiting for a peer are open (N6); matched ones are not.
        "environment": (True, 1, 2, 1),
        "environment.solid_waste": (False, 1, 2, 1),
        "environment.water_wastewater": (False, 1, 0, 0),
        "planning": (True, 0, 1, 0),
        "planning.gis": (False, 0, 1, 0),
    }
    # Areas in the taxonomy's order, each followed by its own topics.
    assert [a.code for a in figures.areas] == ["planning", "environment"]
    assert [t.code for t in figures.areas[1].topics] == [
        "environment.solid_waste",
        "environment.water_wastewater",
    ]
    total = figures.pool
    assert (total.needs, total.offers, total.capacity) == (1, 2, 1)


def test_remaining_capacity_never_goes_below_zero(data: DashboardData) -> None:
    # A fourth live match on O1 (capacity 3) overbooks it: it has 0 left, not -1.
    Match.objects.create(need=data.needs["n5"], offer=data.offers["o1"], status="approved")
    rows = {r.code: r.capacity for r in dashboard.programme_dashboard(data.programme).topics}
    assert rows["environment.solid_waste"] == 0
    assert dashboard.pool_totals(data.programme).capacity == 0


def test_matches_by_status(figures: dashboard.Dashboard) -> None:
    assert [(r.key, r.count) for r in figures.matches] == [
        ("approved", 1),
        ("published", 1),
        ("accepted", 1),
        ("declined", 2),
        ("withdrawn", 1),
    ]
    assert figures.matches_total == 6


def test_decline_reasons_are_listed_with_the_side_that_declined(
    figures: dashboard.Dashboard,
) -> None:
    reasons = {row["decline_reason"]: row["declined_by"] for row in figures.declines}
    assert reasons == {
        "Too busy this spring": str(Side.OFFERING.label),
        dashboard_data.HARMFUL_REASON: str(Side.SEEKING.label),
    }


def test_exchanges_by_phase_and_dormant(data: DashboardData, figures: dashboard.Dashboard) -> None:
    assert [(r.key, r.count, r.dormant) for r in figures.phases] == [
        ("courtship", 1, 1),
        ("inspiration", 1, 0),
        ("adoption", 1, 1),
        ("implementation", 1, 0),
        ("aftercare", 0, 0),
        ("closed", 1, 0),
    ]
    assert figures.exchanges_total == 5
    assert figures.dormant_total == 2
    assert [row["title"] for row in figures.dormant] == ["E2 quiet", "E4 asleep"]


def test_dormant_agrees_with_the_exchange_pages(data: DashboardData) -> None:
    figures = dashboard.programme_dashboard(data.programme)
    flagged = {
        e.title
        for e in Exchange.objects.filter(programme=data.programme)
        if queries.is_dormant(e, figures.now, days=dashboard.DORMANT_AFTER_DAYS)
    }
    assert flagged == {row["title"] for row in figures.dormant}


def test_meetings_held_per_month_with_the_running_total(figures: dashboard.Dashboard) -> None:
    months = [(r.month, r.held, r.cumulative) for r in figures.months]
    assert months == [
        (datetime.date(2021, 12, 1), 1, 1),
        (datetime.date(2022, 1, 1), 0, 1),
        (datetime.date(2022, 2, 1), 0, 1),
        (datetime.date(2022, 3, 1), 0, 1),
        (datetime.date(2022, 4, 1), 0, 1),
        (datetime.date(2022, 5, 1), 0, 1),
        (datetime.date(2022, 6, 1), 2, 3),
        (datetime.date(2022, 7, 1), 0, 3),
        (datetime.date(2022, 8, 1), 1, 4),
    ]
    # Planned and cancelled meetings are not counted.
    assert figures.meetings_held == 4


def test_local_governments_and_countries_involved(figures: dashboard.Dashboard) -> None:
    by_country = {r.code: (r.seeking, r.offering, r.both, r.total) for r in figures.countries}
    assert by_country == {
        "PS": (2, 1, 1, 2),  # LG1 seeks; LG2 seeks and offers
        "NO": (1, 1, 1, 1),  # LG3 both
        "TR": (1, 1, 0, 2),  # LG4 seeks (an exchange), LG6 offers (a submitted offer)
        "FR": (1, 0, 0, 1),  # LG5 joined a need; LG7's need was never submitted
    }
    lgs, places = figures.involved, figures.involved_countries
    assert (lgs.seeking, lgs.offering, lgs.both, lgs.total) == (5, 3, 2, 6)
    assert (places.seeking, places.offering, places.both, places.total) == (4, 3, 3, 4)
    # The most involved first, then by name.
    assert [r.code for r in figures.countries] == ["PS", "TR", "FR", "NO"]


def test_median_days(figures: dashboard.Dashboard) -> None:
    # N1, submitted on 1 June 2022, first met on 15 June (a cancelled meeting
    # on 10 June does not count).
    assert figures.need_to_first_meeting == dashboard.Median(14.0, 1)
    # Answered 4 and 10 days after publication; a match declined by one side
    # before the other answered is left out.
    assert figures.publication_to_answers == dashboard.Median(7.0, 2)


def test_median_of_an_odd_count_and_a_need_never_submitted(data: DashboardData) -> None:
    n2, n3 = data.needs["n2"], data.needs["n3"]
    # N2 was never submitted: it counts from its creation.
    Need.objects.filter(pk=n2.pk).update(
        submitted_at=None,
        first_submitted_at=None,
        created_at=dashboard_data.N1_SUBMITTED - datetime.timedelta(days=30),
    )
    Need.objects.filter(pk=n3.pk).update(
        first_submitted_at=dashboard_data.N1_SUBMITTED - datetime.timedelta(days=100)
    )
    published = data.matches["published"]
    Match.objects.filter(pk=published.pk).update(
        status=Match.Status.ACCEPTED,
        need_answer=Match.Answer.ACCEPTED,
        offer_answer=Match.Answer.ACCEPTED,
        answered_at=dashboard_data.PUBLISHED + datetime.timedelta(days=1),
    )
    e2 = dashboard_data.exchange(
        data.programme, "From N2", Phase.COURTSHIP, datetime.timedelta(0), data.now, published
    )
    e3 = dashboard_data.exchange(
        data.programme,
        "From N3",
        Phase.COURTSHIP,
        datetime.timedelta(0),
        data.now,
        data.matches["approved"],
    )
    dashboard_data.meeting(e2, datetime.date(2022, 6, 15))
    dashboard_data.meeting(e3, datetime.date(2022, 6, 15))
    # 14 (N1), 44 (N2 from creation), 114 (N3): the middle one.
    assert dashboard.need_to_first_meeting(data.programme) == dashboard.Median(44.0, 3)
    # 1, 4 and 10 days: the middle one.
    assert dashboard.publication_to_answers(data.programme) == dashboard.Median(4.0, 3)


def test_closing_feedback(figures: dashboard.Dashboard) -> None:
    rows = {
        r.side: (r.responses, r.usefulness, r.relationship, r.organisation, r.would_do_again)
        for r in figures.feedback
    }
    assert rows == {
        "seeking": (2, 4.0, 4.5, 3.5, 1.0),
        "offering": (1, 4.0, 4.0, 2.0, 0.0),
    }
    total = figures.feedback_total
    assert total.responses == 3
    assert total.usefulness == pytest.approx(4.0)
    assert total.relationship == pytest.approx(13 / 3)
    assert total.organisation == pytest.approx(3.0)
    assert total.would_do_again == pytest.approx(2 / 3)


def test_an_empty_programme(world: World) -> None:
    figures = dashboard.programme_dashboard(world.programme)
    assert figures.areas == [] and figures.countries == [] and figures.months == []
    assert figures.matches_total == figures.exchanges_total == figures.meetings_held == 0
    assert figures.need_to_first_meeting == dashboard.Median(None, 0)
    assert figures.feedback_total.responses == 0
    assert figures.feedback_total.usefulness is None
    response = world.client("coordinator").get(
        reverse("exchanges:dashboard", kwargs={"programme": world.programme.pk})
    )
    assert response.status_code == 200
    assert b"<svg" not in response.content


# Queries --------------------------------------------------------------------------


def _grow(data: DashboardData, copies: int) -> None:
    """More of everything: needs, offers, matches, exchanges, meetings, feedback."""
    world = data.world
    waste = data.offers["o1"].topics.first()
    assert waste is not None
    for i in range(copies):
        lg = dashboard_data.local_government(f"Grown {i}", f"grown-{i}", "DE")
        who = dashboard_data.person(f"Grown {i}", lg)
        item_need = dashboard_data.need(data.programme, lg, who, f"Grown {i}", [waste])
        item_offer = dashboard_data.offer(data.programme, world.people["expert"], [waste])
        item_match = dashboard_data.match(
            item_need,
            item_offer,
            Match.Status.ACCEPTED,
            need_answer=Match.Answer.ACCEPTED,
            offer_answer=Match.Answer.ACCEPTED,
            answered_after=datetime.timedelta(days=i + 1),
        )
        item = dashboard_data.exchange(
            data.programme,
            f"Grown {i}",
            Phase.ADOPTION,
            datetime.timedelta(days=i),
            data.now,
            item_match,
        )
        dashboard_data.participant(item, who, Side.SEEKING)
        dashboard_data.meeting(item, datetime.date(2023, 1 + i % 12, 1))
        dashboard_data.feedback(item, Side.SEEKING, 4, 4, 4, True)
        Match.objects.create(
            need=item_need,
            offer=data.offers["o2"],
            status=Match.Status.DECLINED,
            decline_reason=f"Reason {i}",
        )


def test_the_figures_take_a_fixed_number_of_queries(
    data: DashboardData, django_assert_max_num_queries: Any
) -> None:
    with CaptureQueriesContext(connection) as small:
        dashboard.programme_dashboard(data.programme)
    _grow(data, 15)
    with django_assert_max_num_queries(18), CaptureQueriesContext(connection) as large:
        figures = dashboard.programme_dashboard(data.programme)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert figures.meetings_held == 4 + 15


def test_the_page_takes_a_fixed_number_of_queries(
    data: DashboardData, django_assert_max_num_queries: Any
) -> None:
    client = client_for(data, "coordinator")
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(data)).status_code == 200
    _grow(data, 15)
    with django_assert_max_num_queries(25), CaptureQueriesContext(connection) as large:
        assert client.get(url(data)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


# CSV exports ------------------------------------------------------------------------


def export(data: DashboardData, table: str) -> list[list[str]]:
    response = client_for(data, "coordinator").get(url(data, export=table))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"-{table}-" in response["Content-Disposition"]
    return read_csv(response)


def test_export_topics(data: DashboardData) -> None:
    rows = export(data, "topics")
    assert rows[0] == [
        "Thematic area",
        "Topic",
        "Code",
        "Open needs",
        "Offers in the pool",
        "Remaining capacity",
    ]
    by_code = {row[2]: row[3:] for row in rows[1:]}
    assert by_code["environment"] == ["1", "2", "1"]
    assert by_code["environment.water_wastewater"] == ["1", "0", "0"]
    assert by_code["planning.gis"] == ["0", "1", "0"]
    assert rows[-1] == ["All topics", "", "", "1", "2", "1"]
    assert len(rows) == 1 + 5 + 1


def test_export_matches(data: DashboardData) -> None:
    assert export(data, "matches") == [
        ["Status code", "Status", "Matches"],
        ["approved", "approved, not yet published", "1"],
        ["published", "published, waiting for answers", "1"],
        ["accepted", "accepted by both sides", "1"],
        ["declined", "declined", "2"],
        ["withdrawn", "withdrawn by the coordinator", "1"],
    ]


def test_export_declines_protects_against_formulas(data: DashboardData) -> None:
    rows = export(data, "declines")
    assert rows[0][:6] == [
        "Need",
        "Local government seeking",
        "Peer",
        "Local government offering",
        "Declined by",
        "Reason",
    ]
    reasons = {row[5]: row[4] for row in rows[1:]}
    # A reason starting with "=" would run as a formula in a spreadsheet.
    assert reasons == {
        "Too busy this spring": "offering side",
        "'" + dashboard_data.HARMFUL_REASON: "seeking side",
    }


def test_export_phases_and_dormant(data: DashboardData) -> None:
    rows = export(data, "phases")
    assert rows[0] == ["Phase code", "Phase", "Exchanges", "Dormant"]
    assert [(r[0], r[2], r[3]) for r in rows[1:]] == [
        ("courtship", "1", "1"),
        ("inspiration", "1", "0"),
        ("adoption", "1", "1"),
        ("implementation", "1", "0"),
        ("aftercare", "0", "0"),
        ("closed", "1", "0"),
    ]
    dormant = export(data, "dormant")
    assert dormant[0] == ["Exchange", "Phase", "Last activity", "Days without activity"]
    assert [(r[0], r[1], r[3]) for r in dormant[1:]] == [
        ("E2 quiet", "courtship", "200"),
        ("E4 asleep", "adoption and adaptation", "121"),
    ]


def test_export_meetings(data: DashboardData) -> None:
    rows = export(data, "meetings")
    assert rows[0] == ["Month", "Meetings held", "Meetings held since the start"]
    assert rows[1] == ["2021-12", "1", "1"]
    assert rows[7] == ["2022-06", "2", "3"]
    assert rows[-1] == ["2022-08", "1", "4"]


def test_export_countries(data: DashboardData) -> None:
    rows = export(data, "countries")
    assert rows[0][:2] == ["Country code", "Country"]
    assert rows[1:] == [
        ["PS", countries.name("PS"), "2", "1", "1", "2"],
        ["TR", countries.name("TR"), "1", "1", "0", "2"],
        ["FR", "France", "1", "0", "0", "1"],
        ["NO", "Norway", "1", "1", "1", "1"],
    ]


def test_export_timing_and_feedback(data: DashboardData) -> None:
    assert export(data, "timing") == [
        ["Measure", "Median days", "Counted"],
        ["From the need to the first meeting held", "14.0", "1"],
        ["From publication to both answers", "7.0", "2"],
    ]
    rows = export(data, "feedback")
    assert rows[0][:2] == ["Side", "Responses"]
    assert rows[1:] == [
        ["seeking side", "2", "4.00", "4.50", "3.50", "1.00"],
        ["offering side", "1", "4.00", "4.00", "2.00", "0.00"],
        ["All", "3", "4.00", "4.33", "3.00", "0.67"],
    ]


def test_an_unknown_export_is_not_found(data: DashboardData) -> None:
    response = client_for(data, "coordinator").get(url(data, export="passwords"))
    assert response.status_code == 404


# Who may see it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),
        ("admin", 200),
        ("member", 403),
        ("focal_point", 403),
        ("other_focal_point", 403),
    ],
)
def test_who_may_see_the_dashboard(data: DashboardData, role: str, status: int) -> None:
    assert client_for(data, role).get(url(data)).status_code == status
    assert client_for(data, role).get(url(data, export="topics")).status_code == status


def test_a_coordinator_of_another_association_may_not(data: DashboardData) -> None:
    other = make_user("coordinator-b@test.example")
    RoleAssignment.objects.create(
        user=other, role=Role.COORDINATOR, association=data.world.association_b
    )
    client = Client()
    client.force_login(other)
    assert client.get(url(data)).status_code == 403
    assert client.get(url(data, export="declines")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(data: DashboardData) -> None:
    address = url(data, export="topics")
    response = Client().get(address)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_missing_programme_is_not_found(data: DashboardData) -> None:
    address = reverse("exchanges:dashboard", kwargs={"programme": 999999})
    assert client_for(data, "admin").get(address).status_code == 404


# The page ------------------------------------------------------------------------------


def page(data: DashboardData, **headers: Any) -> str:
    response = client_for(data, "coordinator").get(url(data), **headers)
    assert response.status_code == 200
    return response.content.decode()


def parse_svg(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # noqa: S314 - markup this code base made, no entities


def svgs(html: str) -> dict[str, ET.Element]:
    found = {}
    for markup in re.findall(r"<svg\b.*?</svg>", html, flags=re.S):
        element = parse_svg(markup)
        found[element.attrib["id"]] = element
    return found


def test_the_page_shows_the_figures_with_charts_and_tables(data: DashboardData) -> None:
    html = page(data, HTTP_ACCEPT_LANGUAGE="en")
    charts_on_page = svgs(html)
    assert set(charts_on_page) == {"chart-phases", "chart-meetings", "chart-areas"}
    for chart_id, svg in charts_on_page.items():
        assert svg.attrib["role"] == "img"
        assert svg.attrib["aria-label"]
        assert svg.find(f"{SVG}title") is not None
        desc = svg.find(f"{SVG}desc")
        assert desc is not None and desc.text
        assert svg.attrib["aria-describedby"] == f"{chart_id}-desc"
        assert svg.attrib["direction"] == "ltr"
    assert charts_on_page["chart-phases"].attrib["aria-label"] == "Exchanges by phase"
    # No JavaScript, nothing fetched from elsewhere.
    assert "<script" not in html
    # Every table has a caption and header cells with a scope.
    assert html.count("<table") == html.count("<caption>")
    assert "<th>" not in html
    for table in ("topics", "matches", "declines", "phases", "dormant", "meetings"):
        assert f"?export={table}" in html
    assert "Too busy this spring" in html
    assert "E2 quiet" in html


def test_the_meetings_chart_has_a_column_per_month(data: DashboardData) -> None:
    chart = svgs(page(data))["chart-meetings"]
    columns = chart.findall(f"{SVG}rect")
    assert len(columns) == 9
    tips = [c.findtext(f"{SVG}title") for c in columns]
    assert tips[0] == "Dec 2021: 1" and tips[-1] == "Aug 2022: 1"


def test_arabic_pages_are_right_to_left_with_mirrored_charts(data: DashboardData) -> None:
    html = page(data, HTTP_ACCEPT_LANGUAGE="ar")
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    found = svgs(html)
    assert {svg.attrib["direction"] for svg in found.values()} == {"rtl"}
    # The labels are text, in logical order, for the browser to shape.
    texts = [t.text or "" for t in found["chart-areas"].iter(f"{SVG}text")]
    assert "البيئة والخدمات البلدية" in texts
    # Mirrored: the category labels stand on the right of the bars.
    phases = found["chart-phases"]
    width = float(phases.attrib["width"])
    label = next(t for t in phases.iter(f"{SVG}text") if t.attrib["text-anchor"] == "end")
    assert float(label.attrib["x"]) > width / 2


def test_the_language_cookie_chooses_arabic_too(data: DashboardData) -> None:
    client = client_for(data, "coordinator")
    client.cookies["django_language"] = "ar"
    html = client.get(url(data)).content.decode()
    assert 'dir="rtl"' in html


def test_numbers_follow_the_reader_language(data: DashboardData) -> None:
    html = page(data, HTTP_ACCEPT_LANGUAGE="fr")
    # The average relationship rating, 13/3, with a decimal comma.
    assert ">4,3<" in html
    assert ">4.3<" not in html


# The chart module ------------------------------------------------------------------------


def test_nice_ticks() -> None:
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(3) == [0, 1, 2, 3]
    assert charts.nice_ticks(12) == [0, 5, 10, 15]
    assert charts.nice_ticks(1234) == [0, 500, 1000, 1500]


def test_shorten() -> None:
    assert charts.shorten("short", 200) == "short"
    cut = charts.shorten("a very long label that does not fit", 60)
    assert cut.endswith("…") and len(cut) < 20


def test_chart_text_is_escaped_and_well_formed() -> None:
    markup = charts.bar_chart(
        chart_id="x",
        title='<script>alert("t")</script>',
        labels=["<b>bold</b> & co"],
        series=[charts.Series("n", [2])],
    )
    assert "<script" not in markup and "<b>" not in markup
    svg = parse_svg(markup)
    assert svg.attrib["aria-label"] == '<script>alert("t")</script>'
    assert "<b>bold</b> & co" in [t.text for t in svg.iter(f"{SVG}text")]


def test_charts_mirror_right_to_left() -> None:
    def bar(rtl: bool) -> ET.Element:
        markup = charts.bar_chart(
            chart_id="m", title="t", labels=["one"], series=[charts.Series("n", [4])], rtl=rtl
        )
        return next(r for r in parse_svg(markup).iter(f"{SVG}rect"))

    left, right = bar(False), bar(True)
    width = 720.0
    assert float(right.attrib["x"]) == pytest.approx(
        width - float(left.attrib["x"]) - float(left.attrib["width"]), abs=0.11
    )


def test_two_series_get_a_legend_and_distinct_fills() -> None:
    markup = charts.bar_chart(
        chart_id="two",
        title="t",
        labels=["a", "b"],
        series=[charts.Series("Needs", [1, 2]), charts.Series("Offers", [3, 0])],
    )
    svg = parse_svg(markup)
    fills = {r.attrib["fill"] for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None}
    assert fills == {charts.SOLID, "url(#two-hatch)"}
    assert {"Needs", "Offers"} <= {t.text for t in svg.iter(f"{SVG}text")}
    with pytest.raises(ValueError):
        charts.bar_chart(chart_id="bad", title="t", labels=["a"], series=[charts.Series("n", [])])


def test_long_runs_of_months_label_every_few_columns() -> None:
    labels = [f"M{i:02d} 2020" for i in range(48)]
    markup = charts.column_chart(chart_id="c", title="t", labels=labels, values=[1] * 48)
    texts = [t.text for t in parse_svg(markup).iter(f"{SVG}text")]
    shown = [t for t in texts if t and t.startswith("M")]
    assert "M00 2020" in shown and 2 < len(shown) < 48
