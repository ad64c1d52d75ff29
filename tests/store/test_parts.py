"""The store is one database and its parts: no part imports another in a circle, and the raw
reads hand back rows with named fields."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

from pursuit.domain.clock import FixedClock
from pursuit.store import pipeline_reads, queries
from pursuit.store.repo import Store

STORE = Path(__file__).resolve().parents[2] / "src" / "pursuit" / "store"


def _imports() -> dict[str, set[str]]:
    """Each store module and the store modules it imports, at any depth in the file."""
    out: dict[str, set[str]] = {}
    for path in sorted(STORE.glob("*.py")):
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "pursuit.store":
                    found |= {a.name for a in node.names}
                elif node.module.startswith("pursuit.store."):
                    found.add(node.module.removeprefix("pursuit.store.").split(".")[0])
        out[path.stem] = found - {path.stem}
    return out


def test_no_store_module_imports_itself_back() -> None:
    graph = _imports()
    circles = []

    def walk(module: str, trail: tuple[str, ...]) -> None:
        for nxt in sorted(graph.get(module, ())):
            if nxt == trail[0]:
                circles.append(" -> ".join((*trail, nxt)))
            elif nxt not in trail:
                walk(nxt, (*trail, nxt))

    for module in graph:
        walk(module, (module,))
    assert circles == []


def test_every_part_works_on_the_one_database(store: Store) -> None:
    parts = [
        store.follow_ups,
        store.settings,
        store.applications,
        store.checklists,
        store.people,
        store.drafts,
        store.transfer,
        store.views,
    ]
    assert all(part._db is store.database for part in parts)
    assert store.people._applications is store.applications
    assert store.drafts._applications is store.applications


def test_a_write_through_one_part_is_seen_by_another(store: Store, clock: FixedClock) -> None:
    app = store.applications.add_application("Acme", "Engineer")
    store.people.add_interview(app, clock.now() + timedelta(days=2), kind="video")
    store.settings.set("thank_you_hours", "48")
    assert store.settings.rules().thank_you_hours == 48
    assert [r.company for r in store.views.applications()] == ["Acme"]
    assert store.views.detail(app).interviews[0].kind == "video"


def test_the_quick_reads_give_named_rows(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    app = store.applications.add_application("Acme", "Engineer")
    iv = store.people.add_interview(app, now + timedelta(hours=3), kind="phone", location="Zoom")
    store.applications.log_event(app, "heard", at=now - timedelta(days=30))
    with store.reader() as conn:
        [ready] = pipeline_reads.interviews_with_checklists(conn, now, now + timedelta(days=1))
        [(row, settled, total)] = queries.preparation(conn, now, now + timedelta(days=1))
        brief = queries.due_brief(conn, now + timedelta(days=40))
    assert (ready.id, ready.application_id, ready.kind, ready.location) == (
        iv,
        app,
        "phone",
        "Zoom",
    )
    assert ready.starts_at == now + timedelta(hours=3)
    assert ready.total > 0 and (settled, total) == (ready.settled, ready.total)
    assert row.interviewers == () and row.starts_at == ready.starts_at
    assert brief and all(b.company == "Acme" and b.application_id == app for b in brief)
