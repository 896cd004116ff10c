-- The ticket desk (docs/tickets.md): every ticket gets a kind, a priority, a status, an owner, a due time, the
-- customer it came from (visitor, channel, phone for search and repeats), its resolution and the customer's rating.
-- Plain SQL that H2 (the embedded default) and PostgreSQL (production) both run unchanged; V21 fills the new
-- columns of the tickets created before this change.

-- fault_report, card_loss, complaint, leave_message, callback_request, form (any other form's action)
alter table tickets add column kind varchar(32) default 'form' not null;
-- open (待处理), in_progress (处理中), callback (待回访), resolved (已解决), closed (已关闭)
alter table tickets add column status varchar(16) default 'open' not null;
-- status is open, in_progress or callback: still to be worked on. Kept with the status so that the desk's default
-- list (the unfinished tickets, most urgent first) reads its page straight off one index, however many closed
-- tickets there are: a status IN (...) filter cannot use an index's order on either database.
alter table tickets add column active boolean default true not null;
-- higher first: 2 complaint, 1 VIP customer, 0 anyone else
alter table tickets add column priority integer default 0 not null;
-- the staff member working it (user name); null: unassigned
alter table tickets add column owner varchar(64);
alter table tickets add column due_at timestamp with time zone;
alter table tickets add column channel varchar(16) default 'web' not null;
alter table tickets add column visitor_id varchar(36);
-- the mobile number among the slots, unmasked (staff search by it; repeats are found by it)
alter table tickets add column phone varchar(20);
-- what a repeat is compared on besides the kind: a fault's device (宽带, 光猫...), empty when unknown
alter table tickets add column subject varchar(100);
alter table tickets add column repeated boolean default false not null;
alter table tickets add column callback_at timestamp with time zone;
alter table tickets add column resolved_at timestamp with time zone;
alter table tickets add column resolution_category varchar(64);
alter table tickets add column resolution_note varchar(2000);
-- 1-5, the customer's satisfaction with the resolution
alter table tickets add column rating smallint;
alter table tickets add column rated_at timestamp with time zone;
-- when the customer was told the outcome and asked for a rating, and in which conversation
alter table tickets add column notified_at timestamp with time zone;
alter table tickets add column survey_conversation_id varchar(36);
alter table tickets add column updated_at timestamp with time zone;

-- The desk's list: by status, owner and due time, newest first; search by phone; repeats by customer.
create index tickets_by_status_due on tickets (status, due_at);
-- the list's order (complaints and VIPs first, then the earliest due): a page is read off the index, not sorted;
-- the unfinished tickets in that order have an index of their own (see active)
create index tickets_by_desk_order on tickets (priority desc, due_at, id);
create index tickets_active_by_desk_order on tickets (active, priority desc, due_at, id);
create index tickets_by_owner on tickets (owner, status);
create index tickets_by_created on tickets (created_at);
create index tickets_by_phone on tickets (phone, kind, created_at);
create index tickets_by_visitor on tickets (visitor_id, created_at);
create index tickets_by_survey on tickets (survey_conversation_id);

-- Every change of a ticket, in order: the history; the comments are its events of kind 'comment'.
create table ticket_events (
    ticket_id   varchar(40)              not null references tickets (id),
    seq         integer                  not null,
    at          timestamp with time zone not null,
    -- a staff user name, or 'system' / 'customer'
    actor       varchar(64)              not null,
    -- created, claimed, assigned, status, comment, callback, resolved, reopened, closed, repeat, notified, rated
    kind        varchar(16)              not null,
    -- the status after the event, when it changed
    status      varchar(16),
    owner       varchar(64),
    -- a comment, a callback's or resolution's note, the resolution's category
    body        varchar(2000),
    category    varchar(64),
    -- for a callback: reached or not, and when to try again
    reached     boolean,
    retry_at    timestamp with time zone,
    primary key (ticket_id, seq)
);

-- A repeat and each earlier ticket of the same customer on the same subject within the window.
create table ticket_repeats (
    ticket_id   varchar(40) not null references tickets (id),
    earlier_id  varchar(40) not null references tickets (id),
    primary key (ticket_id, earlier_id)
);
create index ticket_repeats_by_earlier on ticket_repeats (earlier_id);
