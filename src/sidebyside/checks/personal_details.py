"""Personal details in pages: NHS numbers, phone numbers, email addresses, postcodes,
dates of birth and hospital numbers are errors unless the page's front matter allows
that kind of detail with `allow_details: [...]`.

The patterns look for the shapes these details take in the UK. An NHS number is only
reported when its check digit is right (modulus 11), so ordinary ten-digit figures pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from sidebyside.checks import CheckContext
from sidebyside.checks.pages import pages, prose_lines
from sidebyside.content.model import Course
from sidebyside.findings import Finding, error
from sidebyside.publish.text import normalise

NHS_NUMBER = re.compile(r"(?<![\d\w])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d\w])")
PHONE = re.compile(r"(?<![\w+])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)\d{2,4}\)?(?:[ -]?\d){5,8}(?![\d\w])")
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w])")
POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b")
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
A_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
DATE_OF_BIRTH = re.compile(
    rf"(?i)\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+on)?|birthday)\b\W{{0,4}}(?:is\s+|was\s+|on\s+|in\s+)?{A_DATE}"
)
HOSPITAL_NUMBER = re.compile(
    r"(?i)\b(?:MRN|hospital\s+(?:number|no\.?)|patient\s+(?:number|no\.?|id)|unit\s+number|case\s+number)\s*[:#.-]?\s*[A-Z]{0,3}\d{5,10}\b"
)

# Every pattern above needs a digit, except an email address, which needs "@": a line
# with neither cannot hold a personal detail, so it is not searched.
MAY_HOLD_DETAILS = re.compile(r"[\d@&\uff10-\uff19\uff20]")

NAMES = {
    "nhs-number": "an NHS number",
    "phone": "a phone number",
    "email": "an email address",
    "postcode": "a postcode",
    "date-of-birth": "a date of birth",
    "hospital-number": "a hospital number",
}


def nhs_number_valid(digits: str) -> bool:
    """True when ten digits pass the NHS number modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44"):
        digits = "0" + digits[2:].lstrip("0")
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "123578"


ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def find_details(text: str) -> Iterator[tuple[str, int, str]]:
    """(kind, column, matched text) for each personal detail in a line of text.

    The text is normalised first (entities, NFKC, invisible characters, odd spaces), so
    `07700&nbsp;900123` and full-width digits are found like any other number. Phone
    numbers are also found with libphonenumber, which knows 0044, dotted and other forms.
    """
    text = normalise(text)
    found_phones: set[str] = set()
    for m in EMAIL.finditer(text):
        yield "email", m.start() + 1, m.group(0)
    for m in NHS_NUMBER.finditer(text):
        if nhs_number_valid("".join(m.groups())):
            yield "nhs-number", m.start() + 1, m.group(0)
    for m in PHONE.finditer(text):
        if _phone_ok(m.group(0)) and not nhs_number_valid(re.sub(r"\D", "", m.group(0))):
            found_phones.add(re.sub(r"\D", "", m.group(0))[-9:])
            yield "phone", m.start() + 1, m.group(0)
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        digits = re.sub(r"\D", "", match.raw_string)
        if digits[-9:] not in found_phones and not nhs_number_valid(digits) and _uk_number(match.number):
            yield "phone", match.start + 1, match.raw_string
    for m in POSTCODE.finditer(text.translate(ASCII_UPPER)):
        yield "postcode", m.start() + 1, m.group(0)
    for m in DATE_OF_BIRTH.finditer(text):
        yield "date-of-birth", m.start() + 1, m.group(0)
    for m in HOSPITAL_NUMBER.finditer(text):
        yield "hospital-number", m.start() + 1, m.group(0)


def _uk_number(number: phonenumbers.PhoneNumber) -> bool:
    """A UK number long enough to reach a person (not 111 or 999, which are services)."""
    return number.country_code == 44 and len(str(number.national_number)) >= 9


def _finding(rel: str, line: int, column: int, kind: str, found: str, page_kind: str) -> Finding:
    shown = found if len(found) <= 6 else found[:3] + "…"
    return error(
        rel,
        line,
        f"personal-{kind}",
        f"This looks like {NAMES[kind]} ({shown}). Personal details must not be published.",
        f"Remove it or replace it with a made-up example. If the person agreed to share it, add `allow_details: [{kind}]` "
        f"to the {page_kind}'s front matter.",
        "Details like these can identify a real person, and once published they cannot be taken back.",
        column,
    )


def personal_details(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for page in pages(course):
        if page.kind == "doc":
            continue
        allowed = set(page.allow_details)
        lines = [(line, text) for text, line in page.fields.values()]
        lines += list(prose_lines(page.body, page.body_line))
        for line, text in lines:
            if not MAY_HOLD_DETAILS.search(text):
                continue
            for kind, column, found in find_details(text):
                if kind not in allowed:
                    findings.append(_finding(page.rel, line, column, kind, found, page.kind))
    return findings
