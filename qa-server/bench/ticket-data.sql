-- The ticket list benchmark's data (docs/tickets.md, "Benchmark"): :n tickets over the year before now, on the
-- server's own tables (migrated by Flyway at its start). Run with psql -v n=100000 -f ticket-data.sql.
-- Half the visitors come back once; a third of the tickets are unassigned, most are closed, a few hundred are
-- overdue; phones repeat a little, as real customers' do. Everything it adds has ids starting with "bench".
\set ON_ERROR_STOP on
begin;
delete from ticket_repeats where ticket_id in (select id from tickets where conversation_id like 'bench-%');
delete from ticket_events where ticket_id in (select id from tickets where conversation_id like 'bench-%');
delete from tickets where conversation_id like 'bench-%';
delete from conversations where id like 'bench-%';
delete from visitors where id like 'bench-%';

insert into visitors (id, token_hash, created_at)
select 'bench-v' || g, md5('bench-v' || g) || md5('bench-w' || g), now() - interval '366 days'
from generate_series(1, greatest(1, :n / 2)) g;

insert into conversations (id, visitor_id, channel, status, last_seq, created_at)
select 'bench-c' || g, 'bench-v' || (1 + g % greatest(1, :n / 2)), case when g % 10 = 0 then 'wechat' else 'web' end,
       'closed', 0, now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'
from generate_series(1, :n) g;

insert into tickets (id, intent, slots, conversation_id, note, created_at, kind, status, active, priority, owner, due_at,
                     channel, visitor_id, phone, subject, repeated, updated_at, resolved_at, resolution_category,
                     resolution_note)
select 'T' || to_char(c.created_at, 'YYYYMMDD') || '-' || upper(lpad(to_hex(g), 6, '0')),
       k.intent, '{"phone":"' || p.phone || '"}', c.id, '', c.created_at, k.kind, s.status,
       s.status in ('open', 'in_progress', 'callback'),
       case when k.kind = 'complaint' then 2 when g % 20 = 0 then 1 else 0 end,
       case when g % 3 = 0 then null else 'agent' || (g % 40) end,
       c.created_at + k.limit_hours * interval '1 hour', c.channel, c.visitor_id, p.phone, '', g % 17 = 0,
       c.created_at, case when s.status in ('resolved', 'closed') then c.created_at + interval '3 hours' end,
       case when s.status in ('resolved', 'closed') then '已修复' end,
       case when s.status in ('resolved', 'closed') then '已处理' end
from generate_series(1, :n) g
join conversations c on c.id = 'bench-c' || g
cross join lateral (select '13' || lpad(((g * 7919) % 900000000 + 100000000)::text, 9, '0') as phone) p
cross join lateral (select case g % 6 when 0 then 'fault_report' when 1 then 'card_loss' when 2 then 'complaint'
                                      when 3 then 'leave_message' when 4 then 'callback_request' else 'form' end as kind,
                           case g % 6 when 0 then 'fault_report' when 1 then 'card_loss' when 2 then 'leave_message'
                                      when 3 then 'leave_message' when 4 then 'callback_request' else 'bill_query' end as intent,
                           case g % 6 when 2 then 2 when 1 then 1 when 0 then 4 when 4 then 4 else 24 end as limit_hours) k
cross join lateral (select case when g % 365 < 3 then (array['open', 'in_progress', 'callback'])[1 + g % 3]
                                when g % 50 = 0 then 'in_progress'
                                when g % 5 = 0 then 'resolved' else 'closed' end as status) s;

insert into ticket_events (ticket_id, seq, at, actor, kind, status)
select id, 1, created_at, 'system', 'created', 'open' from tickets where conversation_id like 'bench-%';
commit;
vacuum analyze tickets;
analyze ticket_events;
select count(*) as tickets, count(*) filter (where status in ('open', 'in_progress', 'callback')) as active,
       count(*) filter (where owner is null) as unassigned from tickets where conversation_id like 'bench-%';
