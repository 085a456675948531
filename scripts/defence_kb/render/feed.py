"""The Atom feed of recent changes, through an XML template."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..field_labels import FIELD_LABELS
from ..history import History
from ..model import KnowledgeBase, RecordEntry
from .markup import markup_environment
from .paths import FEED_FILE, RECENT_IN_FEED
from .settings import SiteSettings


@dataclass(frozen=True)
class Change:
    """A record added or changed: when (UTC), when first added, and whether this change
    is the addition (None when unknown, without history)."""

    entry: RecordEntry
    when: dt.datetime
    first: dt.datetime
    added: bool | None
    fields: tuple[str, ...] = ()  # the fields this change touched, when known

    @property
    def what(self) -> str:
        """What changed, as the page and the feed say it: “Thêm mới”, “Sửa: Tóm tắt; Bằng
        chứng (trích nguyên văn)”, or “Cập nhật” when the history cannot tell."""
        if self.added:
            return "Thêm mới"
        if self.fields:
            return "Sửa: " + "; ".join(FIELD_LABELS.get(name, name) for name in self.fields)
        return "Cập nhật"


def recent_changes(kb: KnowledgeBase, history: History) -> list[Change]:
    """Records by the date their file last changed, newest first."""
    changes = []
    for entry in kb.records.values():
        dates = history.of(entry.path)
        if dates:
            added = dates.added == dates.changed if history.from_git else None
            changes.append(Change(entry, dates.changed, dates.added, added, dates.fields))
    return sorted(changes, key=lambda change: (change.when, change.entry.record.id), reverse=True)


def render_feed(kb: KnowledgeBase, history: History, settings: SiteSettings | None = None) -> str:
    """The Atom feed of recent changes; XML-escaped by the template environment."""
    site = settings or SiteSettings()
    changes = recent_changes(kb, history)[:RECENT_IN_FEED]
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

    def stamp(when: dt.datetime) -> str:
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    items = [
        {
            "entry": change.entry,
            "url": site.absolute_url(change.entry),
            "added": change.added,
            "what": change.what,
            "updated": stamp(change.when),
            "published": stamp(change.first),
        }
        for change in changes
    ]
    return (
        markup_environment()
        .get_template("feed.xml.j2")
        .render(
            site_name=site.site_name,
            site_url=site.absolute_url(""),
            feed_url=site.absolute_url("") + FEED_FILE,
            updated=stamp(changes[0].when if changes else epoch),
            changes=items,
        )
    )
