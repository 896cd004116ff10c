-- The bot's memory of a conversation (an open form, the last topic), as JSON, so any node can continue it.
alter table conversations add column dialogue_state varchar(8000);

-- Requests recorded for agents: completed forms, failed webhooks, messages left outside service hours.
create table tickets (
    id              varchar(40)              primary key,
    intent          varchar(64)              not null,
    -- slot name -> value as JSON, unmasked: the agent needs the real number to act on it
    slots           varchar(4000)            not null,
    conversation_id varchar(36)              references conversations (id),
    note            varchar(500)             not null,
    created_at      timestamp with time zone not null
);
create index tickets_by_conversation on tickets (conversation_id);

-- The deciding rule can name the intent template that matched.
alter table bot_decisions alter column stage set data type varchar(200);
