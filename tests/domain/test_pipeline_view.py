"""The pipeline's order and filters over light entries (what 100,000 rows rely on)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from pursuit.domain.moments import to_db
from pursuit.domain.pipeline import Entry, PipelineView, Query, searchable

NOW = datetime(2026, 11, 18, 10, tzinfo=UTC)


def entry(i: int, company: str, stage: str = "applied", due: str | None = None) -> Entry:
    return Entry(
        i, company, "Engineer", stage, due_at=due, haystack=searchable(f"{company}\nengineer")
    )


def test_entry_state_compares_the_stored_text() -> None:
    e = Entry(
        1,
        "Acme",
        "Dev",
        "applied",
        next_action="application-check-in",
        opens_at=to_db(NOW.replace(day=17)),
        due_at=to_db(NOW.replace(day=18)),
        overdue_at=to_db(NOW.replace(day=19)),
    )
    assert e.state(to_db(NOW.replace(day=16))) == "later"
    assert e.state(to_db(NOW)) == "due"
    assert e.state(to_db(NOW.replace(day=20))) == "overdue"
    assert Entry(2, "B", "Dev", "saved").state(to_db(NOW)) == ""


def test_sorted_views_and_reverse() -> None:
    view = PipelineView(
        [
            entry(1, "beta", due="2026-11-20 09:00:00.000000"),
            entry(2, "Alpha", "offer"),
            entry(3, "gamma", "saved", due="2026-11-19 09:00:00.000000"),
        ]
    )
    assert [e.id for e in view.select(Query(column="company"))] == [2, 1, 3]
    assert [e.id for e in view.select(Query(column="company", reverse=True))] == [3, 1, 2]
    # Nothing pending sorts last; then by stage order of the search.
    assert [e.id for e in view.select(Query(column="due"))] == [3, 1, 2]
    assert [e.id for e in view.select(Query(column="stage"))] == [3, 1, 2]


def test_typing_narrows_and_deleting_widens_again() -> None:
    view = PipelineView([entry(i, f"Northwind {i}" if i % 3 else f"Lumen {i}") for i in range(30)])
    assert len(view.select(Query(text="north"))) == 20
    assert [e.id for e in view.select(Query(text="northwind 2"))] == [2, 20, 22, 23, 25, 26, 28, 29]
    assert len(view.select(Query(text="north"))) == 20  # backspace: from the full list again
    assert len(view.select(Query(text="lumen", stage="offer"))) == 0


@given(
    companies=st.lists(st.text(alphabet="abcAB é", min_size=1, max_size=6), max_size=40),
    typed=st.text(alphabet="abAé ", max_size=4),
    column=st.sampled_from(["company", "role", "stage", "next", "due", "contact"]),
    reverse=st.booleans(),
)
def test_narrowing_gives_what_a_fresh_filter_gives(
    companies: list[str], typed: str, column: str, reverse: bool
) -> None:
    entries = [entry(i, c) for i, c in enumerate(companies)]
    view = PipelineView(entries)
    # Letter by letter, as typed into the filter box.
    for n in range(len(typed) + 1):
        narrowed = view.select(Query(column, reverse, None, typed[:n]))
    fresh = PipelineView(entries).select(Query(column, reverse, None, typed))
    assert [e.id for e in narrowed] == [e.id for e in fresh]
    assert all(searchable(typed) in e.haystack for e in fresh)


def test_filtered_rows_are_a_sequence_that_finds_its_entries() -> None:
    import gc
    from array import array

    view = PipelineView([entry(i, f"Northwind {i}" if i % 3 else f"Lumen {i}") for i in range(30)])
    rows = view.select(Query(column="company", text="lumen"))
    assert [e.company for e in rows] == [f"Lumen {i}" for i in (0, 12, 15, 18, 21, 24, 27, 3, 6, 9)]
    assert rows[-1].company == "Lumen 9" and [e.id for e in rows[1:3]] == [12, 15]
    assert rows.index(view.by_id[21]) == 4
    try:
        rows.index(view.by_id[1])  # a Northwind: not among them
    except ValueError:
        pass
    else:
        raise AssertionError("found a row that the filter left out")
    # Positions, not a list of entries: nothing for the garbage collector to walk.
    assert gc.get_referents(rows._positions) == [array]  # type: ignore[attr-defined]


def test_the_filter_text_ignores_case_and_accents() -> None:
    assert searchable("Büro") == searchable("BURO") == "buro"
    assert searchable("Crème Brûlée") == "creme brulee"
    assert searchable("Straße") == "strasse"


def test_an_80_column_table_gives_the_last_contact_column_to_the_company() -> None:
    from pursuit.tui.pipeline_cells import column_widths

    # 118 cells (120 columns less the border): as before, every column.
    assert column_widths(118) == {
        "company": 20,
        "role": 20,
        "stage": 12,
        "next": 27,
        "due": 13,
        "contact": 13,
    }
    narrow = column_widths(78)
    assert narrow["contact"] == 0
    assert narrow["company"] >= 17 and narrow["company"] > narrow["role"]
    shown = [w for w in narrow.values() if w]
    assert sum(shown) + 2 * len(shown) <= 78
