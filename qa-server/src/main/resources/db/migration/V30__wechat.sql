-- WeChat channels (Official Account "mp", WeCom customer service "kf"): who the followers are, which conversation
-- each is in, which of WeChat's deliveries were processed, and the access token every node shares.
-- Plain SQL that H2 (the embedded default) and PostgreSQL (production) both run unchanged.

-- One row per WeChat user of a channel: their current conversation and what a reply of a bare number means.
create table wechat_followers (
    channel          varchar(8)               not null,  -- mp, kf
    open_id          varchar(128)             not null,
    visitor_id       varchar(36)              references visitors (id),
    conversation_id  varchar(36)              references conversations (id),
    -- where the follower came from: the parameter of the QR code scanned (SCAN, subscribe with qrscene_)
    entry            varchar(128),
    -- JSON: the numbered choices of the last message sent ("1" chooses the first); the rating after a close
    choices          varchar(4000),
    updated_at       timestamp with time zone not null,
    primary key (channel, open_id)
);

-- Which follower a conversation belongs to, so that what agents and the bot say reaches them.
create table wechat_conversations (
    conversation_id  varchar(36)              primary key references conversations (id),
    channel          varchar(8)               not null,
    open_id          varchar(128)             not null,
    -- WeCom: the customer-service account (open_kfid) the customer wrote to
    account          varchar(128)
);

-- Every delivery WeChat made, by its MsgId (or FromUserName+CreateTime for events): WeChat retries a request it got
-- no answer to within 5 s, and each is processed once, whichever node it reaches. Kept for a day.
create table wechat_deliveries (
    channel          varchar(8)               not null,
    delivery_key     varchar(200)             not null,
    received_at      timestamp with time zone not null,
    -- the passive reply sent in the HTTP response, sent again to a retry whose first response was lost
    passive_reply    varchar(8000),
    primary key (channel, delivery_key)
);
create index wechat_deliveries_by_age on wechat_deliveries (received_at);

-- The access token of each app, fetched by one node for all: the row is locked while it is fetched.
create table wechat_access_tokens (
    app_id           varchar(128)             primary key,
    token            varchar(1024),
    expires_at       timestamp with time zone,
    fetched_at       timestamp with time zone
);

-- WeCom customer service: where sync_msg continues, per customer-service account.
create table wechat_kf_cursors (
    account          varchar(128)             primary key,
    next_cursor      varchar(256)             not null,
    updated_at       timestamp with time zone not null
);
