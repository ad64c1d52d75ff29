"""The rules that keep a draft personal and current: details per person, signing, relevance."""

from __future__ import annotations

from pursuit.domain.drafts import detail_for, resign, still_wanted

PANEL = ["Ann Lee", "Tomás Ortega"]


def test_a_line_naming_the_person_is_theirs_with_the_label_taken_off() -> None:
    topics = "streaming\nTomas: the on-call rota\nthe data checks (Ann)"
    assert detail_for("Tomás Ortega", PANEL, topics=topics) == "the on-call rota"  # accents aside
    assert detail_for("Ann Lee", PANEL, topics=topics) == "the data checks"
    # "Anna" is not Ann: a name counts only as a whole word.
    assert (
        detail_for("Ann Lee", PANEL, topics="Anna's dashboards\nstreaming") == "Anna's dashboards"
    )


def test_without_a_mention_the_topics_are_shared_out_and_notes_come_first() -> None:
    topics = "- streaming\n- the data checks"
    assert detail_for("Ann Lee", PANEL, topics=topics) == "streaming"
    assert detail_for("Tomás Ortega", PANEL, topics=topics) == "the data checks"
    assert detail_for("Tomás Ortega", PANEL, topics=topics, notes="\nleads the platform team") == (
        "leads the platform team"
    )
    assert detail_for("Ann Lee", PANEL, topics="") == ""


def test_resigning_swaps_the_old_details_and_fills_their_markers_once() -> None:
    before = {"my_name": "Alex", "my_email": "a@example.com"}
    after = {"my_name": "Alex Morgan", "my_email": "a@example.com", "my_phone": "555"}
    text = "Hi Ann, this is Alex.\n\nBest,\nAlex\na@example.com"
    assert resign(text, before, after) == (
        "Hi Ann, this is Alex Morgan.\n\nBest,\nAlex Morgan\na@example.com · 555"
    )
    assert resign("Thanks - [your name]\n[your signature]", {}, {"my_name": "Bo"}) == (
        "Thanks - Bo\nBo"
    )
    assert resign(text, before, before) == text


def test_what_each_message_is_for_decides_when_it_is_no_longer_needed() -> None:
    assert still_wanted("sent-thank-you", "interviewing")
    assert not still_wanted("sent-thank-you", "rejected")
    assert not still_wanted("sent-check-in", "ghosted")
    assert still_wanted("sent-rejection-reply", "rejected")
    assert not still_wanted("answered-offer", "rejected")
    assert still_wanted("answered-offer", "offer")
    assert not still_wanted("sent-thank-you", "interviewing", archived=True)
    assert still_wanted("", "rejected")  # a message of the user's own: pursuit cannot tell
