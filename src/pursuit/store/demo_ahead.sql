PRAGMA application_id = 1347572564;
PRAGMA user_version = 4;
CREATE TABLE activity (
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
);
INSERT INTO "activity" VALUES(1,1,'heard','2025-12-27 15:00:00.000000',1,NULL,NULL,'Recruiter call booked');
INSERT INTO "activity" VALUES(2,1,'sent-thank-you','2026-01-02 16:00:00.000000',1,1,NULL,'');
INSERT INTO "activity" VALUES(3,2,'sent-thank-you','2026-01-06 13:00:00.000000',4,3,NULL,'');
INSERT INTO "activity" VALUES(4,3,'sent-thank-you','2026-01-01 15:00:00.000000',6,5,NULL,'');
INSERT INTO "activity" VALUES(5,4,'sent-thank-you','2025-12-15 18:00:00.000000',7,6,NULL,'');
INSERT INTO "activity" VALUES(6,4,'sent-check-in','2026-01-07 09:00:00.000000',7,NULL,NULL,'');
INSERT INTO "activity" VALUES(7,9,'sent-thank-you','2025-12-25 17:00:00.000000',NULL,8,NULL,'');
INSERT INTO "activity" VALUES(8,9,'offer','2026-01-13 11:00:00.000000',9,NULL,NULL,'Verbal offer, written to follow');
INSERT INTO "activity" VALUES(9,10,'sent-thank-you','2025-12-24 18:00:00.000000',NULL,9,NULL,'');
INSERT INTO "activity" VALUES(10,10,'rejected','2026-01-08 09:00:00.000000',10,NULL,NULL,'');
INSERT INTO "activity" VALUES(11,10,'sent-rejection-reply','2026-01-09 10:00:00.000000',10,NULL,NULL,'');
INSERT INTO "activity" VALUES(12,11,'accepted','2024-12-30 10:00:00.000000',NULL,NULL,NULL,'');
INSERT INTO "activity" VALUES(13,12,'withdrew','2025-12-17 10:00:00.000000',NULL,NULL,NULL,'Role moved to fully onsite');
INSERT INTO "activity" VALUES(14,13,'ghosted','2025-12-24 10:00:00.000000',NULL,NULL,NULL,'');
CREATE TABLE application (
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
    next_overdue_at VARCHAR, salary_currency VARCHAR NOT NULL DEFAULT '', description VARCHAR NOT NULL DEFAULT '', posted_on DATE, closes_on DATE, company_key VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (id)
);
INSERT INTO "application" VALUES(1,'Northwind Analytics','Senior Data Engineer','https://jobs.example.com/northwind/4411','Referral','Remote (EU)','tech',85000,100000,'interviewing','2025-12-21','Referred by Priya. Stack: Python, dbt, Snowflake.',0,'2025-12-21 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-13 14:00:00.000000','thank-you','Hannah Lee','2026-01-13 14:00:00.000000','2026-01-14 14:00:00.000000','2026-01-14 14:00:00.000001','EUR','Northwind Analytics helps retailers see what sells, where and why. Our data platform team owns the pipelines that turn a few billion events a day into the tables our analysts and customers query.

What you will do
- Design and run batch and streaming pipelines in Python and dbt
- Keep Snowflake fast and affordable as the data grows
- Share an on-call rotation with five other engineers

What we look for
- Five years or more building data systems
- Care for data quality: tests, checks, clear ownership
- Remote within EU time zones; two team weeks a year in Lisbon','2025-12-18','2026-01-23','northwind analytics');
INSERT INTO "application" VALUES(2,'Lumen Health','Platform Engineer','https://careers.example.org/lumen/platform','LinkedIn','Boston, MA','healthcare',120000,140000,'interviewing','2025-12-25','',0,'2025-12-25 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-06 13:00:00.000000','thank-you','Grace Kim','2026-01-15 13:00:00.000000','2026-01-16 13:00:00.000000','2026-01-16 13:00:00.000001','','',NULL,NULL,'lumen health');
INSERT INTO "application" VALUES(3,'Quarry & Co','Backend Developer','','Company site','Leeds','finance',60000,70000,'interviewing','2025-12-15','',0,'2025-12-15 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-01 15:00:00.000000','first-check-in',NULL,'2026-01-09 00:00:00.000000','2026-01-09 00:00:00.000000','2026-01-10 00:00:00.000000','','',NULL,NULL,'quarry and');
INSERT INTO "application" VALUES(4,'Harbor Schools','Data Analyst','','District jobs board','Portland, OR','education',NULL,NULL,'interviewing','2025-11-30','',0,'2025-11-30 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-07 09:00:00.000000','second-check-in',NULL,'2026-01-14 00:00:00.000000','2026-01-14 00:00:00.000000','2026-01-15 00:00:00.000000','','',NULL,NULL,'harbor schools');
INSERT INTO "application" VALUES(5,'Cobalt Systems','Site Reliability Engineer','https://cobalt.example.com/careers/sre','Hacker News','Remote','tech',NULL,NULL,'applied','2025-12-30','',0,'2025-12-30 10:00:00.000000','2025-12-30 10:00:00.000000',NULL,'application-check-in',NULL,'2026-01-13 00:00:00.000000','2026-01-13 00:00:00.000000','2026-01-14 00:00:00.000000','','',NULL,NULL,'cobalt systems');
INSERT INTO "application" VALUES(6,'Civic Digital Office','Software Engineer II','','USAJOBS','Washington, DC','government',98000,127000,'applied','2026-01-09','',0,'2026-01-09 10:00:00.000000','2026-01-09 10:00:00.000000',NULL,'application-check-in',NULL,'2026-01-23 00:00:00.000000','2026-01-23 00:00:00.000000','2026-01-24 00:00:00.000000','','',NULL,NULL,'civic digital office');
INSERT INTO "application" VALUES(7,'Fernleaf','Python Developer','','Wellfound','Berlin','tech',NULL,NULL,'applied','2026-01-11','',0,'2026-01-11 10:00:00.000000','2026-01-11 10:00:00.000000',NULL,'application-check-in',NULL,'2026-01-26 00:00:00.000000','2026-01-26 00:00:00.000000','2026-01-27 00:00:00.000000','','',NULL,NULL,'fernleaf');
INSERT INTO "application" VALUES(8,'Orbit Freight','Data Platform Lead','','Recruiter','Rotterdam','other',NULL,NULL,'screening','2026-01-05','',0,'2026-01-05 10:00:00.000000','2026-01-14 12:34:56.789012',NULL,'thank-you','Sam Okafor','2026-01-17 16:00:00.000000','2026-01-18 16:00:00.000000','2026-01-18 16:00:00.000001','','',NULL,NULL,'orbit freight');
INSERT INTO "application" VALUES(9,'Meridian Bank','Analytics Engineer','','LinkedIn','London','finance',75000,90000,'offer','2025-12-05','',0,'2025-12-05 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-13 11:00:00.000000','offer-answer',NULL,'2026-01-13 11:00:00.000000','2026-01-15 11:00:00.000000','2026-01-15 11:00:00.000001','','',NULL,NULL,'meridian bank');
INSERT INTO "application" VALUES(10,'Pinecrest Labs','ML Engineer','','Referral','Remote (US)','tech',NULL,NULL,'rejected','2025-12-10','',0,'2025-12-10 10:00:00.000000','2026-01-14 12:34:56.789012','2026-01-09 10:00:00.000000','feedback-request',NULL,'2026-01-12 00:00:00.000000','2026-01-12 00:00:00.000000','2026-01-13 00:00:00.000000','','',NULL,NULL,'pinecrest labs');
INSERT INTO "application" VALUES(11,'Acme Widgets','Junior Developer','','Career fair','Austin, TX','tech',NULL,NULL,'accepted','2024-12-10','',1,'2024-12-10 10:00:00.000000','2026-01-14 12:34:56.789012','2024-12-30 10:00:00.000000',NULL,NULL,NULL,NULL,NULL,'','',NULL,NULL,'acme widgets');
INSERT INTO "application" VALUES(12,'Granite Insurance','BI Developer','','Indeed','Hartford, CT','finance',NULL,NULL,'withdrawn','2025-11-25','',0,'2025-11-25 10:00:00.000000','2026-01-14 12:34:56.789012','2025-12-17 10:00:00.000000',NULL,NULL,NULL,NULL,NULL,'','',NULL,NULL,'granite insurance');
INSERT INTO "application" VALUES(13,'Vantage Retail','Data Engineer','','Indeed','Chicago, IL','other',NULL,NULL,'ghosted','2025-11-05','',0,'2025-11-05 10:00:00.000000','2026-01-14 12:34:56.789012','2025-12-24 10:00:00.000000',NULL,NULL,NULL,NULL,NULL,'','',NULL,NULL,'vantage retail');
INSERT INTO "application" VALUES(14,'Tidewater Energy','Senior Python Engineer','https://tidewater.example.net/jobs/811','Newsletter','Remote','other',NULL,NULL,'saved',NULL,'',0,'2026-01-13 10:00:00.000000','2026-01-13 10:00:00.000000',NULL,NULL,NULL,NULL,NULL,NULL,'','',NULL,NULL,'tidewater energy');
CREATE TABLE application_contact (
    application_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    PRIMARY KEY (application_id, contact_id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE
);
INSERT INTO "application_contact" VALUES(1,1,'interviewer');
INSERT INTO "application_contact" VALUES(1,2,'interviewer');
INSERT INTO "application_contact" VALUES(1,3,'interviewer');
INSERT INTO "application_contact" VALUES(2,4,'interviewer');
INSERT INTO "application_contact" VALUES(2,5,'interviewer');
INSERT INTO "application_contact" VALUES(3,6,'interviewer');
INSERT INTO "application_contact" VALUES(4,7,'interviewer');
INSERT INTO "application_contact" VALUES(8,8,'interviewer');
INSERT INTO "application_contact" VALUES(9,9,'interviewer');
INSERT INTO "application_contact" VALUES(10,10,'interviewer');
CREATE TABLE checklist_item (
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
);
INSERT INTO "checklist_item" VALUES(1,1,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(2,1,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(3,1,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(4,1,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(5,1,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(6,1,NULL,'The people','Look up Priya Raman','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(7,1,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(8,1,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(9,1,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(10,1,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(11,1,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(12,1,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(13,1,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(14,1,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(15,1,NULL,'Setting up','Find a quiet place','','before',14,'open','');
INSERT INTO "checklist_item" VALUES(16,1,NULL,'Setting up','Keep your notes at hand','Your examples and your questions.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(17,1,NULL,'Setting up','Charge your phone','','before',16,'open','');
INSERT INTO "checklist_item" VALUES(18,1,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',17,'open','');
INSERT INTO "checklist_item" VALUES(19,1,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(20,1,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(21,1,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(22,1,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(23,2,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(24,2,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(25,2,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(26,2,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(27,2,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(28,2,NULL,'The people','Look up Tomás Ortega','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(29,2,NULL,'The people','Look up Hannah Lee','Their role, how long they have been there, what they work on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(30,2,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(31,2,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',8,'open','');
INSERT INTO "checklist_item" VALUES(32,2,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',9,'open','');
INSERT INTO "checklist_item" VALUES(33,2,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(34,2,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(35,2,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(36,2,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',13,'open','');
INSERT INTO "checklist_item" VALUES(37,2,NULL,'Practice','Choose clothes that suit the company''s culture','','before',14,'open','');
INSERT INTO "checklist_item" VALUES(38,2,NULL,'Setting up','Test your connection','Wired if you can; close whatever eats bandwidth.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(39,2,NULL,'Setting up','Find a quiet room with a plain background','','before',16,'open','');
INSERT INTO "checklist_item" VALUES(40,2,NULL,'Setting up','Test the camera, microphone and the meeting app','Zoom, Teams or Meet: join a test call first.','before',17,'open','');
INSERT INTO "checklist_item" VALUES(41,2,NULL,'Setting up','Remember to look at the camera','Not at your own picture.','before',18,'open','');
INSERT INTO "checklist_item" VALUES(42,2,NULL,'The panel','Research each panelist','What each of them will want to hear about.','before',19,'open','');
INSERT INTO "checklist_item" VALUES(43,2,NULL,'The panel','Plan to address each person, not only the one asking','Make eye contact around the table (or the screen).','before',20,'open','');
INSERT INTO "checklist_item" VALUES(44,2,NULL,'The panel','Expect different kinds of questions','Technical, behavioural, about the business.','before',21,'open','');
INSERT INTO "checklist_item" VALUES(45,2,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',22,'done','');
INSERT INTO "checklist_item" VALUES(46,2,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',23,'done','');
INSERT INTO "checklist_item" VALUES(47,2,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',24,'done','');
INSERT INTO "checklist_item" VALUES(48,2,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',25,'open','');
INSERT INTO "checklist_item" VALUES(49,2,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',26,'open','');
INSERT INTO "checklist_item" VALUES(50,3,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(51,3,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(52,3,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(53,3,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(54,3,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(55,3,NULL,'The people','Look up Grace Kim','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(56,3,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(57,3,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(58,3,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(59,3,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(60,3,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(61,3,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(62,3,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(63,3,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(64,3,NULL,'Setting up','Test your connection','Wired if you can; close whatever eats bandwidth.','before',14,'open','');
INSERT INTO "checklist_item" VALUES(65,3,NULL,'Setting up','Find a quiet room with a plain background','','before',15,'open','');
INSERT INTO "checklist_item" VALUES(66,3,NULL,'Setting up','Test the camera, microphone and the meeting app','Zoom, Teams or Meet: join a test call first.','before',16,'open','');
INSERT INTO "checklist_item" VALUES(67,3,NULL,'Setting up','Remember to look at the camera','Not at your own picture.','before',17,'open','');
INSERT INTO "checklist_item" VALUES(68,3,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(69,3,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(70,3,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(71,3,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(72,3,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',22,'open','');
INSERT INTO "checklist_item" VALUES(73,4,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(74,4,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(75,4,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(76,4,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(77,4,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(78,4,NULL,'The people','Look up Grace Kim','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(79,4,NULL,'The people','Look up Omar Haddad','Their role, how long they have been there, what they work on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(80,4,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(81,4,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',8,'open','');
INSERT INTO "checklist_item" VALUES(82,4,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',9,'open','');
INSERT INTO "checklist_item" VALUES(83,4,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(84,4,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(85,4,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(86,4,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',13,'open','');
INSERT INTO "checklist_item" VALUES(87,4,NULL,'Practice','Choose clothes that suit the company''s culture','','before',14,'open','');
INSERT INTO "checklist_item" VALUES(88,4,NULL,'Getting there','Plan the route and the travel time','Check transport and where the entrance is.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(89,4,NULL,'Getting there','Arrive about 15 minutes early','Bring copies of your CV and something to write with.','before',16,'open','');
INSERT INTO "checklist_item" VALUES(90,4,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',17,'open','');
INSERT INTO "checklist_item" VALUES(91,4,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(92,4,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(93,4,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(94,4,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(95,5,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(96,5,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(97,5,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(98,5,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(99,5,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(100,5,NULL,'The people','Look up Ines Duarte','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(101,5,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(102,5,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(103,5,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(104,5,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(105,5,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(106,5,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(107,5,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(108,5,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(109,5,NULL,'The exercise','Find out what kind of exercise it is','Live coding, take-home, system design, a case study.','before',14,'open','');
INSERT INTO "checklist_item" VALUES(110,5,NULL,'The exercise','Practise that kind of exercise','Under time, thinking aloud.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(111,5,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',16,'open','');
INSERT INTO "checklist_item" VALUES(112,5,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',17,'open','');
INSERT INTO "checklist_item" VALUES(113,5,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(114,5,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(115,5,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(116,6,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(117,6,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(118,6,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(119,6,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(120,6,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(121,6,NULL,'The people','Look up Dana Whitfield','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(122,6,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(123,6,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(124,6,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(125,6,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(126,6,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(127,6,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(128,6,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(129,6,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(130,6,NULL,'Setting up','Test your connection','Wired if you can; close whatever eats bandwidth.','before',14,'open','');
INSERT INTO "checklist_item" VALUES(131,6,NULL,'Setting up','Find a quiet room with a plain background','','before',15,'open','');
INSERT INTO "checklist_item" VALUES(132,6,NULL,'Setting up','Test the camera, microphone and the meeting app','Zoom, Teams or Meet: join a test call first.','before',16,'open','');
INSERT INTO "checklist_item" VALUES(133,6,NULL,'Setting up','Remember to look at the camera','Not at your own picture.','before',17,'open','');
INSERT INTO "checklist_item" VALUES(134,6,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(135,6,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(136,6,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(137,6,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(138,6,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',22,'open','');
INSERT INTO "checklist_item" VALUES(139,7,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(140,7,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(141,7,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(142,7,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(143,7,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(144,7,NULL,'The people','Look up Sam Okafor','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(145,7,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(146,7,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(147,7,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(148,7,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(149,7,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(150,7,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(151,7,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(152,7,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(153,7,NULL,'Setting up','Find a quiet place','','before',14,'open','');
INSERT INTO "checklist_item" VALUES(154,7,NULL,'Setting up','Keep your notes at hand','Your examples and your questions.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(155,7,NULL,'Setting up','Charge your phone','','before',16,'open','');
INSERT INTO "checklist_item" VALUES(156,7,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',17,'open','');
INSERT INTO "checklist_item" VALUES(157,7,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(158,7,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(159,7,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(160,7,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(161,8,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(162,8,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(163,8,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(164,8,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(165,8,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(166,8,NULL,'The people','Look up Eleanor Wright','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(167,8,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(168,8,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(169,8,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(170,8,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(171,8,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(172,8,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(173,8,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(174,8,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(175,8,NULL,'Getting there','Plan the route and the travel time','Check transport and where the entrance is.','before',14,'open','');
INSERT INTO "checklist_item" VALUES(176,8,NULL,'Getting there','Arrive about 15 minutes early','Bring copies of your CV and something to write with.','before',15,'open','');
INSERT INTO "checklist_item" VALUES(177,8,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',16,'open','');
INSERT INTO "checklist_item" VALUES(178,8,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',17,'open','');
INSERT INTO "checklist_item" VALUES(179,8,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(180,8,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(181,8,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(182,9,NULL,'The company','Read the company''s website: mission, values, products','Note two or three things you genuinely like about how they work.','before',0,'open','');
INSERT INTO "checklist_item" VALUES(183,9,NULL,'The company','Catch up on recent news and their social media','A launch, a funding round, a reorganisation: something you can mention.','before',1,'open','');
INSERT INTO "checklist_item" VALUES(184,9,NULL,'The company','Get a feel for the culture','Employee posts, reviews, talks by people on the team.','before',2,'open','');
INSERT INTO "checklist_item" VALUES(185,9,NULL,'The role','Reread the job description','List the main responsibilities and the skills they ask for.','before',3,'open','');
INSERT INTO "checklist_item" VALUES(186,9,NULL,'The role','Match each required skill with an example of your own','Use the notes field: skill, situation, what you did, the result.','before',4,'open','');
INSERT INTO "checklist_item" VALUES(187,9,NULL,'The people','Look up Leo Brandt','Their role, how long they have been there, what they work on.','before',5,'open','');
INSERT INTO "checklist_item" VALUES(188,9,NULL,'The people','Understand how the team fits into the company','Who they serve, who they depend on.','before',6,'open','');
INSERT INTO "checklist_item" VALUES(189,9,NULL,'Your questions','Prepare questions about the team and how this role contributes','Write them in the notes so they are in front of you.','before',7,'open','');
INSERT INTO "checklist_item" VALUES(190,9,NULL,'Your questions','Ask about growth: progression, feedback, learning','','before',8,'open','');
INSERT INTO "checklist_item" VALUES(191,9,NULL,'Your questions','Ask about next steps and when to expect an answer','Whatever date they give, record it: it sets your first check-in.','before',9,'open','');
INSERT INTO "checklist_item" VALUES(192,9,NULL,'Practice','Practise common questions out loud','Tell me about yourself; why this role; a challenge you handled; a mistake you learned from.','before',10,'open','');
INSERT INTO "checklist_item" VALUES(193,9,NULL,'Practice','Do a mock interview if you can','A friend, a mentor, or a recording of yourself.','before',11,'open','');
INSERT INTO "checklist_item" VALUES(194,9,NULL,'Practice','Review your notes from earlier rounds','What they asked, what they cared about.','before',12,'open','');
INSERT INTO "checklist_item" VALUES(195,9,NULL,'Practice','Choose clothes that suit the company''s culture','','before',13,'open','');
INSERT INTO "checklist_item" VALUES(196,9,NULL,'Setting up','Test your connection','Wired if you can; close whatever eats bandwidth.','before',14,'open','');
INSERT INTO "checklist_item" VALUES(197,9,NULL,'Setting up','Find a quiet room with a plain background','','before',15,'open','');
INSERT INTO "checklist_item" VALUES(198,9,NULL,'Setting up','Test the camera, microphone and the meeting app','Zoom, Teams or Meet: join a test call first.','before',16,'open','');
INSERT INTO "checklist_item" VALUES(199,9,NULL,'Setting up','Remember to look at the camera','Not at your own picture.','before',17,'open','');
INSERT INTO "checklist_item" VALUES(200,9,NULL,'Debrief','Write down the questions they asked','In the interview''s debrief, while it is fresh.','after',18,'open','');
INSERT INTO "checklist_item" VALUES(201,9,NULL,'Debrief','Note the topics and one detail for your thank-you','A topic line that starts with a name (Ann: ...) goes into that person''s thank-you.','after',19,'open','');
INSERT INTO "checklist_item" VALUES(202,9,NULL,'Debrief','Record the timeline they gave','Put it in the decision date field.','after',20,'open','');
INSERT INTO "checklist_item" VALUES(203,9,NULL,'Debrief','Rate yourself and note what to improve','Confidence, clarity, rapport, company knowledge.','after',21,'open','');
INSERT INTO "checklist_item" VALUES(204,9,NULL,'Debrief','Send the thank-you notes','One per interviewer, within a day.','after',22,'open','');
CREATE TABLE checklist_template_item (
    id INTEGER NOT NULL,
    format VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    guidance VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    builtin BOOLEAN NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE contact (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    email VARCHAR NOT NULL,
    phone VARCHAR NOT NULL,
    linkedin VARCHAR NOT NULL,
    notes VARCHAR NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO "contact" VALUES(1,'Priya Raman','priya raman','','','','','');
INSERT INTO "contact" VALUES(2,'Tomás Ortega','tomás ortega','','','','','');
INSERT INTO "contact" VALUES(3,'Hannah Lee','hannah lee','','','','','');
INSERT INTO "contact" VALUES(4,'Grace Kim','grace kim','','','','','');
INSERT INTO "contact" VALUES(5,'Omar Haddad','omar haddad','','','','','');
INSERT INTO "contact" VALUES(6,'Ines Duarte','ines duarte','','','','','');
INSERT INTO "contact" VALUES(7,'Dana Whitfield','dana whitfield','','','','','');
INSERT INTO "contact" VALUES(8,'Sam Okafor','sam okafor','','','','','');
INSERT INTO "contact" VALUES(9,'Eleanor Wright','eleanor wright','','','','','');
INSERT INTO "contact" VALUES(10,'Leo Brandt','leo brandt','','','','','');
CREATE TABLE draft (
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
);
CREATE TABLE follow_up (
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
);
INSERT INTO "follow_up" VALUES(1,1,'thank-you','interview:2',3,'Hannah Lee',2,'2026-01-13 14:00:00.000000','2026-01-14 14:00:00.000000','2026-01-14 14:00:00.000001');
INSERT INTO "follow_up" VALUES(2,1,'thank-you','interview:2',2,'Tomás Ortega',2,'2026-01-13 14:00:00.000000','2026-01-14 14:00:00.000000','2026-01-14 14:00:00.000001');
INSERT INTO "follow_up" VALUES(3,1,'first-check-in','interview:2',NULL,NULL,NULL,'2026-01-21 00:00:00.000000','2026-01-21 00:00:00.000000','2026-01-22 00:00:00.000000');
INSERT INTO "follow_up" VALUES(4,2,'thank-you','interview:4',4,'Grace Kim',4,'2026-01-15 13:00:00.000000','2026-01-16 13:00:00.000000','2026-01-16 13:00:00.000001');
INSERT INTO "follow_up" VALUES(5,2,'thank-you','interview:4',5,'Omar Haddad',4,'2026-01-15 13:00:00.000000','2026-01-16 13:00:00.000000','2026-01-16 13:00:00.000001');
INSERT INTO "follow_up" VALUES(6,2,'first-check-in','interview:4',NULL,NULL,NULL,'2026-01-22 00:00:00.000000','2026-01-22 00:00:00.000000','2026-01-23 00:00:00.000000');
INSERT INTO "follow_up" VALUES(7,3,'first-check-in','interview:5',NULL,NULL,NULL,'2026-01-09 00:00:00.000000','2026-01-09 00:00:00.000000','2026-01-10 00:00:00.000000');
INSERT INTO "follow_up" VALUES(8,4,'second-check-in','event:6',NULL,NULL,NULL,'2026-01-14 00:00:00.000000','2026-01-14 00:00:00.000000','2026-01-15 00:00:00.000000');
INSERT INTO "follow_up" VALUES(9,5,'application-check-in','applied',NULL,NULL,NULL,'2026-01-13 00:00:00.000000','2026-01-13 00:00:00.000000','2026-01-14 00:00:00.000000');
INSERT INTO "follow_up" VALUES(10,6,'application-check-in','applied',NULL,NULL,NULL,'2026-01-23 00:00:00.000000','2026-01-23 00:00:00.000000','2026-01-24 00:00:00.000000');
INSERT INTO "follow_up" VALUES(11,7,'application-check-in','applied',NULL,NULL,NULL,'2026-01-26 00:00:00.000000','2026-01-26 00:00:00.000000','2026-01-27 00:00:00.000000');
INSERT INTO "follow_up" VALUES(12,8,'thank-you','interview:7',8,'Sam Okafor',7,'2026-01-17 16:00:00.000000','2026-01-18 16:00:00.000000','2026-01-18 16:00:00.000001');
INSERT INTO "follow_up" VALUES(13,8,'first-check-in','interview:7',NULL,NULL,NULL,'2026-01-26 00:00:00.000000','2026-01-26 00:00:00.000000','2026-01-27 00:00:00.000000');
INSERT INTO "follow_up" VALUES(14,9,'offer-answer','stage:17',NULL,NULL,NULL,'2026-01-13 11:00:00.000000','2026-01-15 11:00:00.000000','2026-01-15 11:00:00.000001');
INSERT INTO "follow_up" VALUES(15,10,'feedback-request','event:11',NULL,NULL,NULL,'2026-01-12 00:00:00.000000','2026-01-12 00:00:00.000000','2026-01-13 00:00:00.000000');
CREATE TABLE follow_up_dismissal (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    contact_id INTEGER,
    source VARCHAR NOT NULL,
    at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
);
CREATE TABLE interview (
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
    rating_knowledge INTEGER, link VARCHAR NOT NULL DEFAULT '', cancelled_at VARCHAR, invite_uid VARCHAR NOT NULL DEFAULT '', invite_recurrence VARCHAR NOT NULL DEFAULT '', invite_sequence INTEGER NOT NULL DEFAULT 0, invite_stamp VARCHAR,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
);
INSERT INTO "interview" VALUES(1,1,'Recruiter screen','phone','2026-01-02 11:00:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(2,1,'Panel','panel','2026-01-13 14:00:00.000000','UTC',60,'','2026-01-20','','Design a pipeline for late-arriving events; a conflict you resolved','how the team is moving its nightly batch jobs to streaming
on-call rotation and the data quality checks','','','',4,3,5,4,'https://meet.example.com/nw-panel',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(3,2,'Hiring manager','video','2026-01-06 09:30:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(4,2,'Onsite','onsite','2026-01-15 13:00:00.000000','UTC',60,'200 Harbor St, Boston',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(5,3,'Final technical','technical','2026-01-01 10:00:00.000000','UTC',60,'','2026-01-08','','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(6,4,'Panel interview','video','2025-12-15 15:00:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(7,8,'Recruiter call','phone','2026-01-17 16:00:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(8,9,'Final','onsite','2025-12-25 10:00:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
INSERT INTO "interview" VALUES(9,10,'','video','2025-12-24 14:00:00.000000','UTC',60,'',NULL,'','','','','','',NULL,NULL,NULL,NULL,'',NULL,'','',0,NULL);
CREATE TABLE interview_contact (
    interview_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (interview_id, contact_id),
    FOREIGN KEY(interview_id) REFERENCES interview (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE
);
INSERT INTO "interview_contact" VALUES(1,1);
INSERT INTO "interview_contact" VALUES(2,2);
INSERT INTO "interview_contact" VALUES(2,3);
INSERT INTO "interview_contact" VALUES(3,4);
INSERT INTO "interview_contact" VALUES(4,4);
INSERT INTO "interview_contact" VALUES(4,5);
INSERT INTO "interview_contact" VALUES(5,6);
INSERT INTO "interview_contact" VALUES(6,7);
INSERT INTO "interview_contact" VALUES(7,8);
INSERT INTO "interview_contact" VALUES(8,9);
INSERT INTO "interview_contact" VALUES(9,10);
CREATE TABLE message_template (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    builtin BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
);
CREATE TABLE schedule_zone (id INTEGER PRIMARY KEY CHECK (id = 1), zone TEXT NOT NULL);
INSERT INTO "schedule_zone" VALUES(1,'UTC 755b8e8ddb33c362');
CREATE TABLE setting (
    "key" VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    PRIMARY KEY ("key")
);
INSERT INTO "setting" VALUES('my_name','Alex Morgan');
INSERT INTO "setting" VALUES('my_email','alex.morgan@example.com');
INSERT INTO "setting" VALUES('my_phone','+1 555 0142');
INSERT INTO "setting" VALUES('my_linkedin','linkedin.com/in/alexmorgan');
CREATE TABLE stage_event (
    id INTEGER NOT NULL,
    application_id INTEGER NOT NULL,
    from_stage VARCHAR,
    to_stage VARCHAR NOT NULL,
    at VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(application_id) REFERENCES application (id) ON DELETE CASCADE
);
INSERT INTO "stage_event" VALUES(1,1,NULL,'applied','2025-12-21 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(2,1,'applied','screening','2026-01-02 11:00:00.000000','');
INSERT INTO "stage_event" VALUES(3,1,'screening','interviewing','2026-01-13 14:00:00.000000','');
INSERT INTO "stage_event" VALUES(4,2,NULL,'applied','2025-12-25 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(5,2,'applied','interviewing','2026-01-06 09:30:00.000000','');
INSERT INTO "stage_event" VALUES(6,3,NULL,'applied','2025-12-15 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(7,3,'applied','interviewing','2026-01-01 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(8,4,NULL,'applied','2025-11-30 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(9,4,'applied','interviewing','2025-12-15 15:00:00.000000','');
INSERT INTO "stage_event" VALUES(10,5,NULL,'applied','2025-12-30 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(11,6,NULL,'applied','2026-01-09 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(12,7,NULL,'applied','2026-01-11 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(13,8,NULL,'applied','2026-01-05 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(14,8,'applied','screening','2026-01-14 12:34:56.789012','');
INSERT INTO "stage_event" VALUES(15,9,NULL,'applied','2025-12-05 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(16,9,'applied','interviewing','2025-12-25 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(17,9,'interviewing','offer','2026-01-13 11:00:00.000000','Verbal offer, written to follow');
INSERT INTO "stage_event" VALUES(18,10,NULL,'applied','2025-12-10 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(19,10,'applied','interviewing','2025-12-24 14:00:00.000000','');
INSERT INTO "stage_event" VALUES(20,10,'interviewing','rejected','2026-01-08 09:00:00.000000','');
INSERT INTO "stage_event" VALUES(21,11,NULL,'applied','2024-12-10 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(22,11,'applied','accepted','2024-12-30 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(23,12,NULL,'applied','2025-11-25 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(24,12,'applied','withdrawn','2025-12-17 10:00:00.000000','Role moved to fully onsite');
INSERT INTO "stage_event" VALUES(25,13,NULL,'applied','2025-11-05 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(26,13,'applied','ghosted','2025-12-24 10:00:00.000000','');
INSERT INTO "stage_event" VALUES(27,14,NULL,'saved','2026-01-13 10:00:00.000000','');
CREATE INDEX ix_application_live_due ON application (archived, next_overdue_at);
CREATE INDEX ix_application_stage ON application (stage);
CREATE INDEX ix_application_company_role ON application (company, role);
CREATE INDEX ix_contact_name_key ON contact (name_key);
CREATE INDEX ix_checklist_template_item_format ON checklist_template_item (format);
CREATE INDEX ix_stage_event_application_id ON stage_event (application_id);
CREATE INDEX ix_application_contact_contact_id ON application_contact (contact_id);
CREATE INDEX ix_interview_application_id ON interview (application_id);
CREATE INDEX ix_interview_starts_at ON interview (starts_at);
CREATE INDEX ix_follow_up_dismissal_application_id ON follow_up_dismissal (application_id);
CREATE INDEX ix_follow_up_opens_at ON follow_up (opens_at);
CREATE INDEX ix_follow_up_application_id ON follow_up (application_id);
CREATE INDEX ix_follow_up_overdue_at ON follow_up (overdue_at);
CREATE INDEX ix_interview_contact_contact_id ON interview_contact (contact_id);
CREATE INDEX ix_activity_application_id ON activity (application_id);
CREATE INDEX ix_checklist_item_interview_id ON checklist_item (interview_id);
CREATE INDEX ix_checklist_item_application_id ON checklist_item (application_id);
CREATE INDEX ix_draft_application_id ON draft (application_id);
CREATE INDEX ix_application_live_next_due ON application (archived, next_due_at);
CREATE INDEX ix_application_live_stage ON application (archived, stage);
CREATE INDEX ix_follow_up_due_at ON follow_up (due_at);
CREATE INDEX ix_application_url ON application (url);
CREATE INDEX ix_application_company_key ON application (company_key);
CREATE INDEX ix_interview_invite ON interview (invite_uid, invite_recurrence);
