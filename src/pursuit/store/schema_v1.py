"""Schema 1 as it was released: the statements that made every first pursuit database.

Frozen here, not made from the models in tables.py, so that a column added to a model later
reaches old and new files alike through its own migration step. Never edit: add a step to
`db.MIGRATIONS` instead.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final = (
    """CREATE TABLE application (
    id INTEGER NOT NULL,
    company VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    sector VARCHAR NOT NULL,
    salary_min INTEGER,
    salary_max INTEGER,
    stage VARCHAR NOT NULL,
    applied_on DATE,
    notes VARCHAR NOT NULL,
    archived BOOLEAN NOT NULL,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    last_contact_at VARCHAR,
    next_action VARCHAR,
    next_contact VARCHAR,
    next_opens_at VARCHAR,
    next_due_at VARCHAR,
    next_overdue_at VARCHAR,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_application_live_due ON application (archived, next_overdue_at)",
    "CREATE INDEX ix_application_stage ON application (stage)",
    "CREATE INDEX ix_application_company_role ON application (company, role)",
    """CREATE TABLE contact (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    email VARCHAR NOT NULL,
    phone VARCHAR NOT NULL,
    linkedin VARCHAR NOT NULL,
    notes VARCHAR NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_contact_name_key ON contact (name_key)",
    """CREATE TABLE checklist_template_item (
    id INTEGER NOT NULL,
    format VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    guidance VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    builtin BOOLEAN NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_checklist_template_item_format ON checklist_template_item (format)",
    """CREATE TABLE message_template (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    builtin BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
)""",
    """CREATE TABLE setting (
    "key" VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    PRIMARY KEY ("key")
)""",
    """CREATE TABLE stage_event (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    from_stage VARCHAR,
    to_stage VARCHAR NOT NULL,
    at VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_stage_event_application_id ON stage_event (application_id)",
    """CREATE TABLE application_contact (
    application_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    PRIMARY KEY (application_id, contact_id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_application_contact_contact_id ON application_contact (contact_id)",
    """CREATE TABLE interview (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    round_name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    starts_at VARCHAR NOT NULL,
    timezone VARCHAR NOT NULL,
    duration_minutes INTEGER NOT NULL,
    location VARCHAR NOT NULL,
    decision_by DATE,
    notes VARCHAR NOT NULL,
    debrief_questions VARCHAR NOT NULL,
    debrief_topics VARCHAR NOT NULL,
    debrief_asked VARCHAR NOT NULL,
    debrief_demeanour VARCHAR NOT NULL,
    debrief_improve VARCHAR NOT NULL,
    rating_confidence INTEGER,
    rating_clarity INTEGER,
    rating_rapport INTEGER,
    rating_knowledge INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_interview_application_id ON interview (application_id)",
    "CREATE INDEX ix_interview_starts_at ON interview (starts_at)",
    """CREATE TABLE follow_up_dismissal (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    contact_id INTEGER,
    source VARCHAR NOT NULL,
    at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_follow_up_dismissal_application_id ON follow_up_dismissal (application_id)",
    """CREATE TABLE follow_up (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    contact_id INTEGER,
    contact_name VARCHAR,
    interview_id INTEGER,
    opens_at VARCHAR NOT NULL,
    due_at VARCHAR NOT NULL,
    overdue_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_follow_up_opens_at ON follow_up (opens_at)",
    "CREATE INDEX ix_follow_up_application_id ON follow_up (application_id)",
    "CREATE INDEX ix_follow_up_overdue_at ON follow_up (overdue_at)",
    """CREATE TABLE interview_contact (
    interview_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (interview_id, contact_id),
    FOREIGN KEY(interview_id) REFERENCES interview (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_interview_contact_contact_id ON interview_contact (contact_id)",
    """CREATE TABLE activity (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    at VARCHAR NOT NULL,
    contact_id INTEGER,
    interview_id INTEGER,
    decision_by DATE,
    note VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE SET NULL,
    FOREIGN KEY(interview_id) REFERENCES interview (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_activity_application_id ON activity (application_id)",
    """CREATE TABLE checklist_item (
    id INTEGER NOT NULL,
    interview_id INTEGER,
    application_id INTEGER,
    section VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    guidance VARCHAR NOT NULL,
    phase VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    state VARCHAR NOT NULL,
    notes VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(interview_id) REFERENCES interview (id) ON DELETE CASCADE,
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_checklist_item_interview_id ON checklist_item (interview_id)",
    "CREATE INDEX ix_checklist_item_application_id ON checklist_item (application_id)",
    """CREATE TABLE draft (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    interview_id INTEGER,
    contact_id INTEGER,
    template VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    sent_at VARCHAR,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE,
    FOREIGN KEY(interview_id) REFERENCES interview (id) ON DELETE SET NULL,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_draft_application_id ON draft (application_id)",
)
