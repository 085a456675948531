"""Maps of partners and deployments: inline SVG drawn from the knowledge base at build time.

What a map counts is `counting`; the rectangles of the world it shows, `views`; the outlines
a view draws, `outlines`; where its names and marks go, `layout` (names kept clear of each
other by `labels`); the maps a page asks for, `figures`. The SVG itself is written by the
templates in templates/pictures/ (an autoescaping environment); where things are comes from
`atlas` (outlines projected once per process; each view's paths built once per process).

Counting. A country *appears* in a record when the record names the country entity itself
in a role other than `mentioned` (parties, hosts, host country, participants…): its entity
roles, as on the entity page's "Tham gia" list. People and organisations of a country do not
count for it. A country's shade is its number of such records; its marks say how many are
agreements (thỏa thuận, văn kiện), events (sự kiện: exchanges, visits, meetings) and missions
(phái bộ: deployments and support). Viet Nam, in every record, is drawn as home, not shaded.

Deployments. The places where Viet Nam's forces or personnel serve, served or are to serve in
a mission (peacekeeping, training, rescue and relief) are the `place` (an area such as Abyei)
or else the `host_country` of every mission record; a place's pin says whether some mission
there took place or is under way, or all are planned, and the legend names only the pins drawn.
"""

from .counting import KINDS, SHADES, CountryCount, Deployment, country_counts, deployment_legend, deployments
from .figures import THEMES_WITH_MAP, locator_map, map_for_theme, map_globals, map_panels, partner_map
from .views import View

__all__ = [
    "KINDS",
    "SHADES",
    "THEMES_WITH_MAP",
    "CountryCount",
    "Deployment",
    "View",
    "country_counts",
    "deployment_legend",
    "deployments",
    "locator_map",
    "map_for_theme",
    "map_globals",
    "map_panels",
    "partner_map",
]
