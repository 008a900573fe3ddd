"""Which findings stop a build: one answer for `sidebyside build` and `sidebyside check`.

Errors always stop a build. A warning stops a strict build (`--strict`, as CI and
scripts/build run it) unless it is advice: governance reminders and translation
reminders (a translation behind its original: its page says so) (unless the plugin
option `strict_governance` is true) and writing advice from the jargon rules (unless
`jargon_warnings_fail` is true). `sidebyside check` uses the same answer, so a change
that would fail the build fails the check too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.checks.governance import GOVERNANCE_RULES
from sidebyside.checks.translations import TRANSLATION_REMINDERS
from sidebyside.findings import Finding, Severity

# Warnings about something the build has already made safe: worth a look, never a stop.
NOTES = frozenset({"picture-hidden-details"})


@dataclass(frozen=True)
class BuildPolicy:
    """The plugin options that decide which warnings are only advice."""

    strict_governance: bool = False
    jargon_warnings_fail: bool = False

    def is_advice(self, finding: Finding) -> bool:
        """A warning the build logs as information: it never stops a build."""
        if finding.severity is not Severity.WARNING:
            return finding.severity is Severity.SUGGESTION
        if finding.rule in GOVERNANCE_RULES or finding.rule in TRANSLATION_REMINDERS:
            return not self.strict_governance
        if finding.rule in NOTES:
            return True
        return finding.rule.startswith("jargon-") and not self.jargon_warnings_fail

    def stops_strict_build(self, finding: Finding) -> bool:
        """Does this finding stop `sidebyside build --strict`?"""
        return finding.severity is Severity.ERROR or (finding.severity is Severity.WARNING and not self.is_advice(finding))
