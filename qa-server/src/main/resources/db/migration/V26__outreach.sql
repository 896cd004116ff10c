-- Proactive care (io.kefu.server.outreach): the operator's customers as the signed visitor profile names them,
-- message templates as versioned content, and every message sent, with its delivery.

-- A visitor whose page signed a profile with {"customer": "..."}; one customer may use several browsers.
create table customer_visitors (
    customer_id varchar(64)              not null,
    visitor_id  varchar(36)              not null references visitors (id),
    linked_at   timestamp with time zone not null,
    primary key (customer_id, visitor_id)
);
create index customer_visitors_by_visitor on customer_visitors (visitor_id);

-- Each edit is a new version; a message keeps the version it was written from.
create table outreach_templates (
    id         varchar(64)              not null,
    version    integer                  not null,
    title      varchar(100)             not null,
    -- the text, with {{variable}} placeholders
    body       varchar(2000)            not null,
    -- JSON array of quick buttons; each sends its text, which the bot answers (e.g. starts a form)
    buttons    varchar(2000)            not null,
    created_by varchar(64)              not null,
    created_at timestamp with time zone not null,
    primary key (id, version)
);

create table outreach_messages (
    id               varchar(36)              primary key,
    customer_id      varchar(64)              not null,
    template_id      varchar(64)              not null,
    template_version integer                  not null,
    body             varchar(2000)            not null,
    buttons          varchar(2000)            not null,
    status           varchar(16)              not null,  -- pending, delivered
    -- not shown before this moment (the end of quiet hours)
    not_before       timestamp with time zone not null,
    -- the service's day it was accepted on, for the per-customer daily limit
    service_day      date                     not null,
    requested_by     varchar(64)              not null,
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    conversation_id  varchar(36),
    seq              bigint
);
create index outreach_by_customer_day on outreach_messages (customer_id, service_day);
create index outreach_by_status on outreach_messages (status, not_before);

insert into outreach_templates (id, version, title, body, buttons, created_by, created_at) values
('data_low', 1, '流量即将用完', '尊敬的客户，您本月套餐流量已使用 {{used}}，剩余 {{left}}。如需继续上网，可订购流量加油包。',
 '["怎么购买流量加油包","查询剩余流量"]', 'migration', current_timestamp),
('bill_due', 1, '账单即将到期', '尊敬的客户，您本月话费账单 {{amount}} 元将于 {{due}} 到期，请及时缴费，以免影响使用。',
 '["怎么交话费","查询话费余额"]', 'migration', current_timestamp),
('card_expiry', 1, '银行卡即将到期', '尊敬的客户，您尾号 {{last4}} 的银行卡将于 {{month}} 到期，请及时办理换卡。',
 '["银行卡到期了怎么办"]', 'migration', current_timestamp);
