"""Governance checks: review dates, who co-produced each module, and consent for stories.

Some of these findings are reminders for the course team rather than mistakes in a
change (a review falling due, a page with no patient or carer involvement yet). Their
rules are listed in GOVERNANCE_RULES: `sidebyside check` always shows them, and the
MkDocs plugin logs them as information unless `strict_governance: true` is set, so a
strict build is not blocked by a date on the calendar.
"""

from __future__ import annotations

import datetime as dt

from sidebyside.checks import CheckContext
from sidebyside.content.contacts import CONTACT_RULES
from sidebyside.content.model import OUTPUTS, Course
from sidebyside.findings import Finding, Severity, error, warning
from sidebyside.render.dates import long_date

REVIEW_WARNING_DAYS = 90
CONSENT_WARNING_DAYS = 90
MAX_REVIEW_YEARS = 3

# Reminders that do not fail a strict build unless the plugin option `strict_governance` is true.
GOVERNANCE_RULES = frozenset(
    {
        "review-due-soon",
        "co-production-missing",
        "co-production-no-patient-voice",
        "consent-expiring-soon",
        "easy-read-out-of-date",
    }
    | CONTACT_RULES
)

OUTPUT_NAMES = {"web": "the website", "print": "printed handouts", "session": "session materials", "offline": "the offline copy"}


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_dates(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    today = context.today
    for m in course.modules:
        line = m.lines.get("next_review", 1)
        latest = _years_later(m.last_reviewed, MAX_REVIEW_YEARS)
        if m.next_review < m.last_reviewed:
            findings.append(
                error(
                    m.rel,
                    line,
                    "review-date-order",
                    f"`next_review` ({m.next_review.isoformat()}) is before `last_reviewed` ({m.last_reviewed.isoformat()}).",
                    "Check the two dates: the next review comes after the last one.",
                )
            )
        elif m.next_review > latest:
            findings.append(
                error(
                    m.rel,
                    line,
                    "review-gap",
                    f"`next_review` is more than {MAX_REVIEW_YEARS} years after `last_reviewed` ({m.last_reviewed.isoformat()}).",
                    f"Set `next_review` to {latest.isoformat()} or earlier.",
                    "Health information changes. Every page is checked again at least every three years.",
                )
            )
        if m.next_review < today:
            findings.append(
                error(
                    m.rel,
                    line,
                    "review-overdue",
                    f"This module was due for review on {long_date(m.next_review)}, and that date has passed.",
                    "Ask the module's owner to check the page is still right, then update `last_reviewed` and `next_review`.",
                    "Out-of-date health information can mislead the people who rely on it.",
                )
            )
        elif (m.next_review - today).days <= REVIEW_WARNING_DAYS:
            findings.append(
                warning(
                    m.rel,
                    line,
                    "review-due-soon",
                    f"This module is due for review on {long_date(m.next_review)}, in {(m.next_review - today).days} days.",
                    "Plan the review with the module's owner and co-producers.",
                )
            )
    return findings


def co_production(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for m in course.modules:
        line = m.lines.get("co_produced_with", 1)
        if not m.co_produced_with:
            findings.append(
                warning(
                    m.rel,
                    line,
                    "co-production-missing",
                    "This module does not say who co-produced it.",
                    "List the people under `co_produced_with`, each with a `role` and how they want to be named (`display`).",
                    "Readers and the trust need to know the page was made with patients and carers. The page says so honestly until then.",
                )
            )
        elif not m.has_patient_voice:
            findings.append(
                warning(
                    m.rel,
                    line,
                    "co-production-no-patient-voice",
                    "No patient partner or carer is listed as co-producing this module.",
                    "Review the page with a patient partner or carer and add them under `co_produced_with`.",
                    "The page tells readers it has not yet been reviewed with patient partners or carers.",
                )
            )
    return findings


def consent(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    today = context.today
    for story in course.stories:
        if story.illustrative:
            continue
        line = story.lines.get("consent", story.lines.get("kind", 1))
        problems = {o: story.consent_problem(o, today) for o in OUTPUTS}
        left_out = [o for o, why in problems.items() if why]
        if "web" in left_out:  # the offline copy is a copy of the website: saying so twice helps no one
            left_out.remove("offline")
        if not left_out:
            expires = story.consent.expires if story.consent else today
            if (expires - today).days <= CONSENT_WARNING_DAYS:
                findings.append(
                    warning(
                        story.rel,
                        story.lines.get("consent", 1),
                        "consent-expiring-soon",
                        f"Consent for this story runs out on {long_date(expires)}. After that it will be left out everywhere.",
                        "Ask the course team to renew the consent with the teller, or plan to remove the story.",
                    )
                )
            continue
        names = [OUTPUT_NAMES[o] for o in left_out]
        where = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        only_scope = (
            story.consent is not None
            and bool(story.consent.scope)
            and all(why.startswith("consent does not cover") for why in problems.values() if why)
        )
        reasons = "; ".join(dict.fromkeys(problems[o] for o in left_out))
        message = f"The story `{story.slug}` is left out of {where} because {reasons}."
        if only_scope:
            # The consent record says so: nothing to fix, but say what happened.
            findings.append(
                Finding(
                    story.rel,
                    line,
                    1,
                    "consent-scope",
                    Severity.SUGGESTION,
                    message,
                    "Nothing to do unless the teller agrees to more: then add it to `scope`.",
                )
            )
            continue
        if story.consent is None:
            fix = (
                "Add a `consent` record (recorded, ref, scope, expires), "
                "or set `kind: illustrative` if the story was written for the course."
            )
        elif story.consent.withdrawn:
            fix = "Delete this story: the teller has taken back their consent."
        elif story.consent.recorded > today:
            fix = "Check `recorded`: it is the date consent was given, so it cannot be in the future."
        elif not story.consent.scope:
            fix = "Add what the teller agreed to under `scope`: web, print and/or session."
        else:
            fix = "Renew the consent with the teller and update `expires`, or delete the story."
        findings.append(
            warning(
                story.rel,
                line,
                "consent-left-out",
                message + " Links to it from other pages are removed too.",
                fix,
                "A real person's story is only shared in the ways they agreed to.",
            )
        )
    return findings
