"""The status follows from the dates, never stored: draft, in force, expiring soon (within the
reminder setting of the last day to give notice), expired, terminated; an agreement renewed
automatically runs on, term after term."""

import datetime

import pytest

from kennisstad.agreements.models import Agreement, AgreementStatus, Renewal

TODAY = datetime.date(2026, 12, 3)


def _agreement(**fields) -> Agreement:
    return Agreement(title_nl="Overeenkomst", kind="memorandum", **fields)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({}, AgreementStatus.DRAFT),
        ({"signed_on": datetime.date(2027, 1, 1)}, AgreementStatus.DRAFT),
        ({"signed_on": datetime.date(2020, 1, 1)}, AgreementStatus.IN_FORCE),
        (
            {"signed_on": datetime.date(2020, 1, 1), "expires_on": datetime.date(2027, 12, 1)},
            AgreementStatus.IN_FORCE,
        ),
        (
            {"signed_on": datetime.date(2020, 1, 1), "expires_on": datetime.date(2027, 2, 1)},
            AgreementStatus.EXPIRING,
        ),
        (
            # 60 days' notice: the reminder window starts 90 days before the notice deadline.
            {
                "signed_on": datetime.date(2020, 1, 1),
                "expires_on": datetime.date(2027, 4, 1),
                "notice_days": 60,
            },
            AgreementStatus.EXPIRING,
        ),
        (
            {"signed_on": datetime.date(2020, 1, 1), "expires_on": TODAY},
            AgreementStatus.EXPIRED,
        ),
        (
            {"signed_on": datetime.date(2020, 1, 1), "terminated_on": datetime.date(2026, 6, 1)},
            AgreementStatus.TERMINATED,
        ),
        (
            {"signed_on": datetime.date(2020, 1, 1), "terminated_on": datetime.date(2027, 6, 1)},
            AgreementStatus.IN_FORCE,
        ),
    ],
)
def test_status_on_a_day(fields, status, settings):
    settings.AGREEMENT_REMINDER_DAYS = 90
    assert _agreement(**fields).status_on(TODAY) == status


def test_automatic_renewal_runs_on_term_after_term():
    agreement = _agreement(
        signed_on=datetime.date(2018, 6, 1),
        term_years=3,
        expires_on=datetime.date(2021, 6, 1),
        renewal=Renewal.AUTOMATIC,
    )
    assert agreement.current_expiry(TODAY) == datetime.date(2027, 6, 1)
    assert agreement.status_on(TODAY, 90) == AgreementStatus.IN_FORCE
    assert agreement.status_on(TODAY, 200) == AgreementStatus.EXPIRING
    agreement.renewal = Renewal.BY_DECISION
    assert agreement.status_on(TODAY) == AgreementStatus.EXPIRED
