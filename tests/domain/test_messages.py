"""Message templates: filled where pursuit knows, marked where it does not, never injected."""

from __future__ import annotations

import dataclasses
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain import messages as msg
from pursuit.domain.safe_text import for_terminal

FULL = msg.DraftContext(
    company="Northwind Analytics",
    role="Data Engineer",
    contact="Hannah Lee",
    interview_date=date(2026, 12, 1),
    decision_date=date(2026, 12, 8),
    applied_date=date(2026, 11, 2),
    today=date(2026, 12, 2),
    detail="the streaming migration",
    my_name="Alex Morgan",
    my_email="alex@example.com",
    my_phone="+1 555 0142",
    my_linkedin="linkedin.com/in/alex",
)


def test_every_builtin_fills_completely_when_the_facts_are_there() -> None:
    for template in msg.BUILTIN:
        rendered = msg.render(template, FULL)
        assert rendered.markers == [], template.name
        assert "{" not in rendered.as_text(), template.name
        assert (
            "Northwind Analytics" in rendered.as_text() or "Data Engineer" in rendered.as_text()
        ), template.name


def test_missing_facts_become_visible_markers() -> None:
    rendered = msg.render(msg.BUILTIN_BY_NAME["thank-you"], msg.DraftContext(company="Acme"))
    assert "[specific detail]" in rendered.body
    assert "[their first name]" in rendered.body
    assert rendered.subject == "Thank you - [role] interview at Acme"
    assert "Acme" in rendered.body
    warnings = msg.warnings_before_copy(rendered.as_text(), msg.BUILTIN_BY_NAME["thank-you"])
    assert any("unfilled" in w for w in warnings)
    assert any("specific detail" in w for w in warnings)


def test_the_thank_you_reads_right() -> None:
    rendered = msg.render(msg.BUILTIN_BY_NAME["thank-you"], FULL)
    assert rendered.subject == "Thank you - Data Engineer interview at Northwind Analytics"
    assert rendered.body.startswith("Hi Hannah,")
    assert "on Tuesday, December 1 about the Data Engineer role" in rendered.body
    assert "the streaming migration" in rendered.body
    assert rendered.body.endswith(
        "Alex Morgan\nalex@example.com · +1 555 0142\nlinkedin.com/in/alex"
    )


def test_notes_and_scripts_have_no_subject() -> None:
    for name in ("thank-you-note", "thank-you-linkedin", "phone-check-in"):
        assert msg.BUILTIN_BY_NAME[name].subject == ""
    assert msg.render(msg.BUILTIN_BY_NAME["thank-you-note"], FULL).as_text().startswith("Dear")


def test_every_follow_up_action_has_a_template_but_move_on() -> None:
    from pursuit.domain.followups import ACTION_KINDS

    assert set(msg.FOR_ACTION) == set(ACTION_KINDS) - {"move-on"}
    assert all(v in msg.BUILTIN_BY_NAME for v in msg.FOR_ACTION.values())


def test_user_text_in_braces_is_left_alone() -> None:
    assert (
        msg.fill("Price {not_a_slot} {company}", FULL) == "Price {not_a_slot} Northwind Analytics"
    )


hostile = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
    | st.sampled_from(
        [
            "{",
            "}",
            "[",
            "]",
            "{company}",
            "[your name]",
            "\n",
            "'",
            '"',
            "\\",
            "%s",
            "{0}",
            "{detail}",
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(contact=hostile, company=hostile, detail=hostile, me=hostile, role=hostile)
def test_any_value_is_inserted_as_it_is(
    contact: str, company: str, detail: str, me: str, role: str
) -> None:
    context = msg.DraftContext(
        company=company, role=role, contact=contact, detail=detail, my_name=me
    )
    for template in msg.BUILTIN:
        rendered = msg.render(template, context)  # never raises
        text = rendered.as_text()
        # As it is, but for control characters, which show as pictures (see safe_text).
        if detail.strip() and template.wants_detail:
            assert for_terminal(detail.strip(), multiline=True) in text
        if company.strip() and "{company}" in template.body:
            assert for_terminal(company.strip(), multiline=True) in text
        # Every slot of the template was used up; slot syntax left in the text came from a
        # value, inserted as it was rather than filled in.
        values = contact + company + detail + me + role
        for slot in ("{company}", "{detail}", "{role}", "{contact_first}", "{my_name}"):
            if slot in text:
                assert slot in values


def test_a_misspelt_slot_counts_as_unfilled_and_is_named() -> None:
    template = msg.Template("mine", "Mine", "Hello", "Dear {contact_first} at {compnay},", "")
    rendered = msg.render(template, FULL)
    assert "{compnay}" in rendered.body and rendered.markers == ["{compnay}"]
    assert msg.unknown_slots(template.body) == ["{compnay}"]
    assert "1 unfilled: {compnay}" in msg.warnings_before_copy(rendered.as_text(), template)


def test_the_first_check_in_names_the_decision_date_they_gave_and_reads_well_without() -> None:
    check_in = msg.BUILTIN_BY_NAME["first-check-in"]
    body = msg.render(check_in, FULL).body
    assert "decide by Tuesday, December 8" in body
    without = msg.render(check_in, dataclasses.replace(FULL, decision_date=None))
    assert "decide by" not in without.body and without.markers == []


def test_the_application_check_in_names_the_day_you_applied() -> None:
    body = msg.render(msg.BUILTIN_BY_NAME["application-check-in"], FULL).body
    assert "Monday, November 2" in body and "couple of weeks" not in body


def test_asking_for_time_on_an_offer_names_the_day_two_days_on() -> None:
    text = msg.render(msg.BUILTIN_BY_NAME["offer-time"], FULL).as_text()
    assert "by Friday, December 4?" in text
    unknown = dataclasses.replace(FULL, today=None)
    assert msg.render(msg.BUILTIN_BY_NAME["offer-time"], unknown).markers == [
        "[the day you will answer]"
    ]
