"""The indicator page's Sources section: per year every document's value side by side, the
official one marked and a difference flagged; a team member marks the official value with a
reason (logged), readers may not; a later recount shows beside the official figure; the page
costs the same few queries however many years and documents there are."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.core.tests.events import listen, logged
from kennisstad.indicators import selectors
from kennisstad.indicators.models import AuthoritativeValue, Origin
from kennisstad.indicators.tests.disagreeing import (
    D,
    adopted_document,
    disagreeing_2016,
    imported,
    recount,
)
from kennisstad.indicators.tests.factories import RealisationFactory, TargetFactory

pytestmark = pytest.mark.django_db


def page(client, indicator):
    response = client.get(reverse("indicators:indicator-detail", args=[indicator.pk]))
    assert response.status_code == 200
    return response.content.decode()


def year_section(html: str, year: int) -> str:
    match = re.search(rf'<section aria-labelledby="sources-{year}".*?</section>', html, re.S)
    assert match, f"no sources section for {year}"
    return match.group(0)


def rows(section: str) -> list[list[str]]:
    """Each body row's cells as text (tags dropped, spaces collapsed)."""
    body = section.split('<tbody class="utrecht-table__body">', 1)[1]
    result = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        result.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
    return result


def test_two_documents_that_disagree_are_shown_side_by_side(client_for, reader):
    indicator, *_values = disagreeing_2016()
    official = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    section = year_section(page(client_for(reader), indicator), 2016)
    shown = {row[1]: row for row in rows(section)}  # by source; a reader sees no radio column
    assert set(shown) == {"Begroting 2018", "Jaarstukken 2017"}
    assert shown["Begroting 2018"][3] == "2" and shown["Jaarstukken 2017"][3].startswith("8")
    marked = [source for source, row in shown.items() if row[-1] in ("official", "officieel")]
    assert marked == [str(official.realisation.source_document)]
    assert "ks-changed-since" in section  # the difference is flagged
    assert 'name="record"' not in section  # readers get no form


def test_marking_the_official_value_with_a_reason_is_logged_and_shown(
    client_for, team_member, caplog, django_capture_on_commit_callbacks
):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    listen(caplog)
    web = client_for(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            reverse("indicators:official-choose", args=[indicator.pk]),
            {
                "year": 2016,
                "record": f"realisation:{in_jaarverslag.pk}",
                "reason": "Het jaarverslag telt de afgeronde projecten",
            },
        )
    assert response.status_code == 302
    [event] = logged(caplog, "indicator.authoritative_chosen")
    assert (event["indicator"], event["year"], event["record"]) == (
        indicator.pk,
        2016,
        in_jaarverslag.pk,
    )
    section = year_section(page(web, indicator), 2016)
    assert "Het jaarverslag telt de afgeronde projecten" in section
    shown = {row[2]: row for row in rows(section)}
    assert shown["Jaarstukken 2017"][-1] in ("official", "officieel")
    figure = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    assert (figure.realisation, figure.basis) == (in_jaarverslag, "chosen")


def test_without_a_reason_the_choice_is_refused_in_the_form(client_for, team_member):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    response = client_for(team_member).post(
        reverse("indicators:official-choose", args=[indicator.pk]),
        {"year": 2016, "record": f"realisation:{in_jaarverslag.pk}", "reason": "  "},
    )
    assert response.status_code == 200
    section = year_section(response.content.decode(), 2016)
    assert "utrecht-form-field-error-message" in section
    chosen = f"realisation:{in_jaarverslag.pk}"
    assert f'value="{chosen}" id="official-{chosen.replace(":", "")}" checked' in section
    assert not AuthoritativeValue.objects.exists()


def test_readers_may_not_choose_or_withdraw(client_for, reader):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    web = client_for(reader)
    chosen = web.post(
        reverse("indicators:official-choose", args=[indicator.pk]),
        {"year": 2016, "record": f"realisation:{in_jaarverslag.pk}", "reason": "Omdat"},
    )
    withdrawn = web.post(
        reverse("indicators:official-withdraw", args=[indicator.pk]),
        {"year": 2016, "kind": "realisation"},
    )
    assert (chosen.status_code, withdrawn.status_code) == (403, 403)
    assert not AuthoritativeValue.objects.exists()


def test_withdrawing_lets_the_rule_decide_again(client_for, team_member):
    indicator, in_begroting, in_jaarverslag = disagreeing_2016()
    rule = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    other = in_begroting if rule.realisation == in_jaarverslag else in_jaarverslag
    web = client_for(team_member)
    web.post(
        reverse("indicators:official-choose", args=[indicator.pk]),
        {"year": 2016, "record": f"realisation:{other.pk}", "reason": "Gecorrigeerd"},
    )
    response = web.post(
        reverse("indicators:official-withdraw", args=[indicator.pk]),
        {"year": 2016, "kind": "realisation"},
    )
    assert response.status_code == 302
    assert not AuthoritativeValue.objects.exists()
    again = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    assert again.realisation == rule.realisation


def test_the_official_figure_survives_a_recount_which_shows_beside_it(client_for, team_member):
    indicator, *_values = disagreeing_2016()
    official = selectors.official_realisations([indicator.pk], [2016])[(indicator.pk, 2016)]
    recount(indicator, 11)
    html = page(client_for(team_member), indicator)
    trend = html.split('id="trend-heading"', 1)[1].split("</table>", 1)[0]
    [row_2016] = [row for row in rows(trend) if row[0] == "2016"]
    assert row_2016[1].startswith(official_text := str(int(official.realisation.value)))
    assert re.search(r"\((?:recounted on|herberekend op) 1 (?:Mar|mrt)\.? 2020: 11\)", row_2016[1])
    assert official_text != "11"
    section = year_section(html, 2016)
    assert re.search(r"(?:Recounted on|Herberekend op) 1 (?:Mar|mrt)\.? 2020: 11", section)


def _more_years_and_documents(indicator):
    for year in range(2010, 2016):
        document = adopted_document("jaarstukken", year + 1)
        RealisationFactory(
            indicator=indicator,
            year=year,
            value=Decimal(year - 2000),
            origin=Origin.IMPORTED,
            measured_on=D(year + 1, 4, 1),
            source_document=document,
        )
        RealisationFactory(indicator=indicator, year=year, value=1, measured_on=D(2020, 1, 1))
        TargetFactory(indicator=indicator, year=year, set_in=document)
    imported(indicator, adopted_document("begroting", 2019), 5, D(2018, 9, 1))


def test_the_page_costs_a_bounded_number_of_queries(
    client_for, team_member, django_assert_max_num_queries
):
    indicator, _in_begroting, in_jaarverslag = disagreeing_2016()
    web = client_for(team_member)
    web.post(
        reverse("indicators:official-choose", args=[indicator.pk]),
        {"year": 2016, "record": f"realisation:{in_jaarverslag.pk}", "reason": "Omdat"},
    )
    page(web, indicator)  # the session and the user are read once either way
    with django_assert_max_num_queries(12) as few:
        page(web, indicator)
    _more_years_and_documents(indicator)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(web, indicator)
