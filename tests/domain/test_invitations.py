"""Reading invitations shaped like the real ones: Google, Outlook/Teams, the ATS schedulers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.domain.invitation_words import guess_kind, street_address
from pursuit.domain.invitations import (
    Invitation,
    InvitationUnreadable,
    Person,
    people_interviewing,
    read_invitations,
    recruiter,
    you_unknown,
)
from pursuit.store.invitation_files import read_invitation_file

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"
ME = "alex.morgan@gmail.com"


def read(name: str) -> list[Invitation]:
    return read_invitation_file(str(FIXTURES / name))


def one(name: str) -> Invitation:
    (inv,) = read(name)
    return inv


@pytest.fixture
def in_berlin() -> Iterator[None]:
    before = os.environ["TZ"]
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = before
        time.tzset()


def test_google_calendar_with_meet() -> None:
    inv = one("google-meet.ics")
    assert inv.uid == "6f1c2e9a0b7d4c3e@google.com" and inv.recurrence_id == ""
    assert (inv.sequence, inv.stamp) == (0, datetime(2026, 11, 17, 18, 0, tzinfo=UTC))
    # 10:00 in Los Angeles in November (PST, UTC-8).
    assert inv.starts_at == datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    assert (inv.duration_minutes, inv.timezone, inv.all_day) == (60, "America/Los_Angeles", False)
    assert inv.organiser == Person("Dana Reyes", "dana.reyes@northwind.com")
    # The organiser is not repeated among the attendees; addresses are lower case.
    assert inv.attendees == (
        Person("Priya Shah", "priya.shah@northwind.com"),
        Person("Alex Morgan", ME),
    )
    assert inv.link == "https://meet.google.com/xkq-bnwd-pte"
    assert (inv.location, inv.kind, inv.cancelled) == ("", "video", False)
    assert "Join by phone" in inv.description and "\\n" not in inv.description


def test_outlook_with_a_windows_zone_teams_and_a_room() -> None:
    inv = one("outlook-teams.ics")
    # "Pacific Standard Time" is Los Angeles: 13:00 there is 21:00 UTC in November.
    assert inv.starts_at == datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    assert inv.timezone == "America/Los_Angeles"
    assert inv.link.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTQ1")
    # The room is a resource, not a person; a name that is only the address becomes a name.
    assert [p.name for p in inv.attendees] == ["Lee Wong", "Alex Morgan"]
    assert inv.location == ""  # "Microsoft Teams Meeting; Conf Room Rainier (8)" is no address
    assert inv.kind == "technical"  # a system design round


def test_a_scheduling_tool_is_nobody_and_its_zoom_link_in_location_is_the_link() -> None:
    inv = one("greenhouse-zoom.ics")
    assert inv.organiser is None  # "Greenhouse" <no-reply@greenhouse.io>
    assert inv.link == "https://contoso.zoom.us/j/93812345678?pwd=Q2xWcUtPbz09"
    assert (inv.starts_at, inv.duration_minutes) == (datetime(2026, 11, 25, 17, tzinfo=UTC), 45)
    # "Taylor Kim via Lever" <no-reply@hire.lever.co> is Taylor Kim, with no address.
    assert one("all-day.ics").organiser == Person("Taylor Kim", "")


def test_a_phone_screen_and_its_organiser_as_the_interviewer() -> None:
    inv = one("calendly-phone-screen.ics")
    assert (inv.kind, inv.link, inv.location) == ("phone", "", "")  # a number is no address
    assert people_interviewing(inv, ME, "Alex Morgan") == (
        Person("Riley Chen", "riley.chen@globex.com"),
    )
    assert recruiter(inv, ME, "") == Person("Riley Chen", "riley.chen@globex.com")


def test_an_onsite_with_its_street_address() -> None:
    inv = one("onsite-address.ics")
    assert inv.location == "Initech HQ, 4120 Freidrich Lane, Suite 200, Austin, TX 78744"
    assert (inv.kind, inv.link) == ("onsite", "")
    # 09:30 in Chicago (CST, UTC-6), three hours.
    assert (inv.starts_at, inv.duration_minutes) == (datetime(2026, 12, 1, 15, 30, tzinfo=UTC), 180)
    assert [p.name for p in people_interviewing(inv, ME, "")] == ["Casey Park", "Bill Lumbergh"]


def test_an_all_day_invitation_is_09_00_where_you_are(in_berlin: None) -> None:
    inv = one("all-day.ics")
    assert inv.all_day
    assert inv.starts_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 09:00 in Berlin (UTC+1)
    assert (inv.duration_minutes, inv.timezone) == (60, "")


def test_a_floating_time_is_read_where_you_are(in_berlin: None) -> None:
    inv = one("floating.ics")
    assert inv.starts_at == datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    assert (inv.duration_minutes, inv.timezone, inv.link) == (
        45,
        "",
        "https://whereby.com/hooli-interviews",
    )


def test_duration_instead_of_an_end() -> None:
    inv = one("duration-london.ics")
    assert (inv.starts_at, inv.duration_minutes) == (datetime(2026, 11, 27, 9, 30, tzinfo=UTC), 45)
    assert (inv.kind, inv.link) == ("technical", "https://oxbridge.webex.com/meet/harriet")


def test_across_the_change_of_the_clocks_the_zone_rules_of_that_day_apply() -> None:
    # The invitation was sent in winter; on 16 March 2027 Los Angeles is on summer time.
    inv = one("outlook-after-dst.ics")
    assert inv.starts_at == datetime(2027, 3, 16, 17, 0, tzinfo=UTC)  # 10:00 PDT, UTC-7


def test_cancellations_by_method_and_by_status() -> None:
    cancel = one("google-meet-cancel.ics")
    assert cancel.cancelled and cancel.sequence == 2
    status = one("greenhouse-zoom-cancelled.ics")  # METHOD:PUBLISH, STATUS:CANCELLED
    assert status.cancelled and status.uid == one("greenhouse-zoom.ics").uid


def test_an_email_carrying_the_event_inline_and_attached_is_one_event() -> None:
    (inv,) = read("outlook-inline-and-attached.eml")
    # The same event, and whom the e-mail came to: you.
    assert inv.recipients == {"alex.morgan@gmail.com"}
    assert replace(inv, recipients=frozenset()) == one("outlook-teams.ics")
    (attached,) = read("greenhouse-attachment-only.eml")
    assert replace(attached, recipients=frozenset()) == one("greenhouse-zoom.ics")


def test_a_recurring_series_and_a_moved_instance_are_two_events() -> None:
    series, moved = read("recurring-instance.ics")
    assert series.uid == moved.uid
    assert (series.recurrence_id, moved.recurrence_id) == ("", "20261208T140000Z")
    assert moved.starts_at == datetime(2026, 12, 8, 16, 0, tzinfo=UTC)


def test_of_two_copies_in_one_input_the_newer_is_kept() -> None:
    older = (FIXTURES / "google-meet.ics").read_bytes()
    newer = (FIXTURES / "google-meet-moved.ics").read_bytes()
    for data in (older + newer, newer + older):
        (inv,) = read_invitations(
            data.replace(b"END:VCALENDAR\nBEGIN", b"END:VCALENDAR\nBEGIN"), "x"
        )
        assert inv.sequence == 1 and inv.starts_at == datetime(2026, 12, 8, 22, tzinfo=UTC)


def test_text_from_outside_is_cleaned_before_it_is_kept() -> None:
    data = (
        (FIXTURES / "floating.ics")
        .read_bytes()
        .replace(
            b"SUMMARY:Hooli video interview",
            b"SUMMARY:Hooli \x1b[31mvideo\xe2\x80\xae interview\x07",
        )
        .replace(b"CN=Jared Dunn", b"CN=Jared\xe2\x80\xae  Dunn\xc2\x9b")
    )
    (inv,) = read_invitations(data, "x.ics")
    assert inv.summary == "Hooli [31mvideo interview"
    assert [p.name for p in inv.attendees][1] == "Jared Dunn"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"hello, this is just a note", "neither a calendar (.ics) nor an e-mail"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "holds no event"),
        (b"From: a@b.com\nSubject: hi\n\nno invitation here\n", "no invitation in it"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:20261201T100000Z\nEND:VEVENT\n"
            b"END:VCALENDAR\n",
            "has no UID",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART;TZID=Mars Time:20261201T100000\n"
            b"END:VEVENT\nEND:VCALENDAR\n",
            "'Mars Time', which pursuit does not know",
        ),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n", "no start time"),
    ],
)
def test_what_is_no_invitation_says_why(data: bytes, words: str) -> None:
    with pytest.raises(InvitationUnreadable) as info:
        read_invitations(data, "x")
    assert words in str(info.value)


def test_files_that_cannot_be_read_are_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pursuit.store import files

    with pytest.raises(InvitationUnreadable, match="does not exist"):
        read_invitation_file(str(tmp_path / "gone.ics"))
    with pytest.raises(InvitationUnreadable, match="is a folder, not a file"):
        read_invitation_file(str(tmp_path))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InvitationUnreadable, match="is a named pipe, not a file"):
        read_invitation_file(str(fifo))  # refused at once, never waiting for a writer
    big = tmp_path / "big.ics"
    big.write_bytes(b"BEGIN:VCALENDAR\n" + b" " * (5 * 1024 * 1024))
    with pytest.raises(InvitationUnreadable, match="larger than 5 MB"):
        read_invitation_file(str(big))
    held = tmp_path / "pursuit.db"
    held.write_bytes(b"SQLite format 3\x00")
    monkeypatch.setattr(files, "DATABASES_IN_USE", set())
    files.remember_database(held)  # as opening it does
    with pytest.raises(InvitationUnreadable, match="is the pursuit database"):
        read_invitation_file(str(held))
    # SQLite's files beside it too, made after it was opened.
    Path(f"{held}-wal").write_bytes(b"")
    with pytest.raises(InvitationUnreadable, match="is the pursuit database"):
        read_invitation_file(f"{held}-wal")


@pytest.mark.parametrize(
    ("summary", "description", "link", "address", "kind"),
    [
        ("Panel interview", "", "https://zoom.us/j/1", "", "panel"),
        ("Live coding with Sam", "", "https://zoom.us/j/1", "", "technical"),
        ("Phone screen", "", "", "", "phone"),
        ("Intro chat", "We will call you at the number you gave", "", "", "phone"),
        # A video call's "join by phone" section is no phone interview.
        (
            "Intro chat",
            "Join by phone: +1 555 0100. We'll call you if the link fails",
            "https://meet.google.com/a",
            "",
            "video",
        ),
        ("Intro chat", "", "", "1 Main Street, Springfield", "onsite"),
        ("Intro chat", "", "", "", "video"),
    ],
)
def test_the_kind_is_guessed_from_the_words(
    summary: str, description: str, link: str, address: str, kind: str
) -> None:
    assert guess_kind(summary, description, link, address) == kind


def test_a_street_address_is_told_from_the_rest() -> None:
    assert street_address("Initech, 4120 Freidrich Lane, Austin") != ""
    assert street_address("221B Baker Street") == "221B Baker Street"
    for not_one in ("Microsoft Teams Meeting", "Zoom", "Conf Room Rainier (8)", "+1 415 555 0100"):
        assert street_address(not_one) == "", not_one


def test_you_are_no_interviewer_by_your_address_or_by_your_name_alone() -> None:
    inv = one("onsite-address.ics")
    assert "Alex Morgan" not in [p.name for p in people_interviewing(inv, ME, "")]
    # Without your address, your name finds you.
    assert "Alex Morgan" not in [p.name for p in people_interviewing(inv, "", "alex  morgan")]
    assert "Alex Morgan" in [p.name for p in people_interviewing(inv, "", "")]
    # An organiser who is you is no recruiter, by address or (without one) by name.
    alone = one("calendly-phone-screen.ics")
    assert recruiter(alone, "riley.chen@globex.com", "") is None
    assert recruiter(alone, "", "Riley Chen") is None
    assert recruiter(alone, ME, "") == Person("Riley Chen", "riley.chen@globex.com")


def _event(start: str, end: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x5", start]
    lines += [end] if end else []
    lines += ["SUMMARY:Bean Co chat", "END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


@pytest.mark.parametrize(
    ("start", "end", "day"),
    [
        ("DTSTART:99991231T235959Z", "DTEND:99991231T235959Z", "9999-12-31"),
        ("DTSTART:00010101T000000Z", "", "0001-01-01"),
        # A wall time in a zone, shifted past the last instant a datetime holds.
        ("DTSTART;TZID=Pacific/Auckland:00010101T000000", "", "0001-01-01"),
        ("DTSTART;TZID=America/New_York:99991231T235959", "", "9999-12-31"),
        ("DTSTART;VALUE=DATE:99991231", "", "9999-12-31"),
        ("DTSTART:19000101T090000Z", "", "1900-01-01"),
    ],
)
def test_a_start_out_of_any_calendar_is_a_named_refusal(start: str, end: str, day: str) -> None:
    with pytest.raises(InvitationUnreadable) as refused:
        read_invitations(_event(start, end), "far.ics")
    assert str(refused.value) == (
        f"the event 'Bean Co chat' in far.ics: its start time ({day}) is out of any calendar "
        "pursuit can keep (the years 1970 to 2999)"
    )


def test_any_other_time_out_of_any_calendar_is_a_named_refusal() -> None:
    # A moved instance's RECURRENCE-ID, read as an instant, falls before year 1.
    data = _event("DTSTART:20261208T140000Z").replace(
        b"UID:x5", b"UID:x5\r\nRECURRENCE-ID;TZID=Pacific/Auckland:00010101T000000"
    )
    with pytest.raises(InvitationUnreadable) as refused:
        read_invitations(data, "far.ics")
    assert str(refused.value) == (
        "the event 'Bean Co chat' in far.ics has a time out of any calendar pursuit can keep"
    )


def test_the_last_day_pursuit_keeps_is_read() -> None:
    (inv,) = read_invitations(_event("DTSTART:29991231T100000Z"), "far.ics")
    assert inv.starts_at == datetime(2999, 12, 31, 10, tzinfo=UTC)


def test_an_email_is_delivered_to_you_never_an_interviewer() -> None:
    data = (FIXTURES / "outlook-inline-and-attached.eml").read_bytes()
    (inv,) = read_invitations(data, "x.eml")
    # No my_email, no my_name: the address the e-mail came to is yours.
    assert [p.name for p in people_interviewing(inv, "", "")] == ["Lee Wong"]
    assert not you_unknown(inv, "", "")
    # Delivered-To wins over a To: naming everyone invited (as Outlook's requests do).
    to_all = data.replace(
        b"To: alex.morgan@gmail.com",
        b"Delivered-To: alex.morgan@gmail.com\r\nTo: Lee.Wong@fabrikam.com, alex.morgan@gmail.com",
    )
    (inv,) = read_invitations(to_all, "x.eml")
    assert inv.recipients == {"alex.morgan@gmail.com"}
    # A To: of several, and nothing else: nobody there is known to be you.
    several = data.replace(
        b"To: alex.morgan@gmail.com", b"To: Lee.Wong@fabrikam.com, alex.morgan@gmail.com"
    )
    (inv,) = read_invitations(several, "x.eml")
    assert inv.recipients == frozenset() and you_unknown(inv, "", "")
    # A bare calendar names nobody: without my_email, you are taken for an interviewer.
    ics = one("outlook-teams.ics")
    assert you_unknown(ics, "", "") and not you_unknown(ics, ME, "")
    assert [p.name for p in people_interviewing(ics, "", "")] == ["Lee Wong", "Alex Morgan"]


@pytest.mark.parametrize(
    "name", ["greenhouse-attachment-only.eml", "outlook-inline-and-attached.eml", "google-meet.ics"]
)
def test_text_pasted_into_a_terminal_reads_as_the_file_does(name: str) -> None:
    lf = (FIXTURES / name).read_bytes().replace(b"\r\n", b"\n")
    crlf = lf.replace(b"\n", b"\r\n")
    (inv,) = read_invitations(crlf, "x")
    assert read_invitations(lf, "x") == [inv]
    # Each LF pasted becomes a CR: CRLF becomes CR CR, a lone LF a lone CR.
    for pasted in (crlf.replace(b"\n", b"\r"), lf.replace(b"\n", b"\r")):
        assert b"\n" not in pasted
        assert read_invitations(pasted, "the pasted text") == [inv]
