-- Customer chat: visitors, their conversations, every message with who said it, the bot's decisions and ratings.
-- Plain SQL that H2 (the embedded default) and PostgreSQL (production) both run unchanged.

create table visitors (
    id          varchar(36)              primary key,
    -- SHA-256 of the visitor's secret token (hex); the token itself is only ever known to the visitor's browser
    token_hash  varchar(64)              not null unique,
    created_at  timestamp with time zone not null
);

create table conversations (
    id          varchar(36)              primary key,
    visitor_id  varchar(36)              not null references visitors (id),
    channel     varchar(16)              not null,
    status      varchar(16)              not null,  -- open, closed
    -- the sequence number of the latest message; the next message gets last_seq + 1
    last_seq    bigint                   not null,
    created_at  timestamp with time zone not null,
    closed_at   timestamp with time zone
);
create index conversations_by_visitor on conversations (visitor_id);

create table messages (
    conversation_id varchar(36)              not null references conversations (id),
    seq             bigint                   not null,
    sender          varchar(16)              not null,  -- customer, bot, agent, system
    kind            varchar(16)              not null,  -- text, answer, clarify, none, handoff, form, closed
    -- the id the customer's client gave its message: a resent message is recognised and never stored twice
    client_id       varchar(64),
    -- for a reply: the seq of the customer message it answers
    reply_to        bigint,
    body            varchar(20000)           not null,
    -- JSON: suggestions and quick replies shown with the message
    extra           varchar(20000),
    created_at      timestamp with time zone not null,
    primary key (conversation_id, seq),
    constraint messages_client_id_once unique (conversation_id, client_id)
);
create index messages_by_reply_to on messages (conversation_id, reply_to);

create table bot_decisions (
    conversation_id varchar(36)              not null,
    -- the customer message the bot decided on
    seq             bigint                   not null,
    -- the question with mobile, ID and card numbers masked (the transcript keeps what the customer typed)
    question        varchar(2000)            not null,
    kind            varchar(16)              not null,  -- answer, clarify, none, handoff, ...
    matched_id      varchar(128),
    score           double precision         not null,
    stage           varchar(64),
    micros          bigint                   not null,
    created_at      timestamp with time zone not null,
    primary key (conversation_id, seq),
    foreign key (conversation_id, seq) references messages (conversation_id, seq)
);

create table ratings (
    conversation_id varchar(36)              primary key references conversations (id),
    stars           smallint                 not null check (stars between 1 and 5),
    remark          varchar(1000),
    created_at      timestamp with time zone not null
);
