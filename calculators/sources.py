"""The evidence the calculators cite, keyed like the anchors on the References page."""

from __future__ import annotations

from dataclasses import dataclass

from .html import esc, site_link

REFERENCES_PAGE = "about/references/"


@dataclass(frozen=True)
class Source:
    key: str
    short: str
    grade: str
    """"guideline", "consensus", "research", "public health", "one source" or
    "practitioner": how much weight it carries. A practitioner source (a trainer,
    a teacher, a clinic's blog) backs practical tips only, never a health claim alone."""

    @property
    def practitioner(self) -> bool:
        return self.grade == "practitioner"


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source("goom-2019", "UK return-to-running guideline (Goom et al., 2019)", "guideline"),
        Source("donnelly-2020", "BJSM infographic (Donnelly et al., 2020)", "guideline"),
        Source("christopher-2024", "International consensus (Christopher et al., 2024)", "consensus"),
        Source("deering-2024", "International consensus (Deering et al., 2024)", "consensus"),
        Source("davenport-2025", "Postpartum activity guidance (Davenport et al., 2025)", "consensus"),
        Source("moore-2021", "Survey of 881 runners (Moore et al., 2021)", "research"),
        Source("nielsen-2014-ijspt", "Nielsen et al., 2014", "research"),
        Source("cmo-2019", "UK Chief Medical Officers (2019)", "guideline"),
        Source("acog-2020", "ACOG Committee Opinion 804 (2020)", "guideline"),
        Source("nice-ng210", "NICE guideline NG210 on pelvic floor dysfunction (2021)", "guideline"),
        Source("nice-qs77", "NICE quality standard QS77 on urinary incontinence", "guideline"),
        Source("seed-jawad", "Laura Jawad, personal trainer (a practitioner's view)", "practitioner"),
        Source("seed-yoga-teacher", "A postpartum yoga teacher (a practitioner's view)", "practitioner"),
        Source("seed-movement-duets", "Movement Duets (a practitioner's view)", "practitioner"),
        # A public running programme, cited for its warm-up and cool-down walks.
        Source("nhs-c25k", "NHS Couch to 5K (a public running programme)", "public health"),
        Source("how-we-label-evidence", "One secondary source (how we label evidence)", "one source"),
    )
}


def cite(keys: tuple[str, ...], site_root: str) -> str:
    """Render a compact list of source links for a result item."""
    links = [
        f'<a href="{site_link(site_root, REFERENCES_PAGE)}#{esc(k)}">{esc(SOURCES[k].short)}</a>'
        for k in keys
    ]
    return "; ".join(links)
