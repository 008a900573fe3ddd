"""The publish gate: what leaves a build is checked as it will be published, not as it
was spelt in the Markdown. Every page's content and every handout's HTML passes an
allowlist sanitiser (nh3) and a personal-details scan of its final text; anything the
gate would have to change stops the build with the page named. The source checks give
the friendly file-and-line messages; the gate is what makes the output safe.
"""

from sidebyside.publish.check import gate, gate_page
from sidebyside.publish.gate import GateProblem, Removal, check_html, sanitise
from sidebyside.publish.text import final_text, normalise

__all__ = ["GateProblem", "Removal", "check_html", "final_text", "gate", "gate_page", "normalise", "sanitise"]
