-- Human agents: staff accounts, agent presence, the hand-off state of each conversation, notes and the audit log.
-- Plain SQL that H2 (the embedded default) and PostgreSQL (production) both run unchanged.

create table staff (
    username      varchar(64)              primary key,
    display_name  varchar(64)              not null,
    -- BCrypt; never a plain password
    password_hash varchar(100)             not null,
    -- comma-separated: AGENT, SUPERVISOR, EDITOR, ADMIN
    roles         varchar(200)             not null,
    -- the most conversations routed to the agent at once
    capacity      integer                  not null,
    -- comma-separated skill groups, e.g. bank,telecom
    skills        varchar(500)             not null,
    enabled       boolean                  not null,
    created_at    timestamp with time zone not null
);

-- Shared by every node: whether an agent can take conversations, and whom routing served last.
create table agent_presence (
    username         varchar(64)              primary key references staff (username),
    status           varchar(16)              not null,  -- online, busy, away, offline
    -- open console sockets over all nodes; 0 since disconnected_at
    sockets          integer                  not null,
    disconnected_at  timestamp with time zone,
    last_assigned_at timestamp with time zone,
    updated_at       timestamp with time zone not null
);

-- Who answers: bot, waiting (queued for an agent) or agent.
alter table conversations add column handoff varchar(16) default 'bot' not null;
-- the agent serving it (kept after it ends, for the record)
alter table conversations add column agent varchar(64);
-- higher first: 3 handed back by a disconnected agent or transferred, 2 complaint or VIP, 0 anyone else
alter table conversations add column priority integer default 0 not null;
alter table conversations add column handoff_reason varchar(32);
alter table conversations add column skill_group varchar(64);
alter table conversations add column queued_at timestamp with time zone;
alter table conversations add column assigned_at timestamp with time zone;
alter table conversations add column vip boolean default false not null;
alter table conversations add column close_tag varchar(64);
create index conversations_by_handoff on conversations (handoff, priority, queued_at);
create index conversations_by_agent on conversations (agent, handoff);

-- The agent who wrote an agent message.
alter table messages add column agent varchar(64);

create table conversation_notes (
    conversation_id varchar(36)              not null references conversations (id),
    author          varchar(64)              not null,
    body            varchar(2000)            not null,
    created_at      timestamp with time zone not null
);
create index notes_by_conversation on conversation_notes (conversation_id);

create table audit_log (
    at      timestamp with time zone not null,
    actor   varchar(64)              not null,
    action  varchar(32)              not null,  -- sign_in, sign_in_failed, sign_out, assign, pick, takeover, ...
    target  varchar(64),
    detail  varchar(500),
    address varchar(64)
);
create index audit_by_time on audit_log (at);

-- One row: every assignment locks it, so a conversation goes to one agent only, however many nodes dispatch.
create table handoff_lock (
    id integer primary key
);
insert into handoff_lock (id) values (1);
