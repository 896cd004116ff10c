-- A year of service history for the analytics benchmark (docs/benchmarks.md, "Service analytics"), PostgreSQL only:
-- :n conversations spread evenly over the 365 days before now, ten messages each (five from the customer, five
-- answers: the bot's, or an agent's after a hand-off), one visitor for every three conversations, 10% on a second
-- channel, 20% handed to an agent (reasons in turn), 30% rated. Ids start with "gen-": run it again and it adds
-- nothing. Usage: psql -v n=1000000 -f analytics-bench/generate.sql  (after the server created the tables)
\set ON_ERROR_STOP on
select :n as conversations \gset
begin;
insert into visitors (id, token_hash, created_at)
select 'gen-v' || g, md5('gen-v' || g) || md5('gen-t' || g), now() - interval '366 days'
from generate_series(1, greatest(1, :conversations / 3)) g
on conflict do nothing;

insert into conversations (id, visitor_id, channel, status, last_seq, created_at, closed_at, handoff, agent,
                           priority, handoff_reason, queued_at, assigned_at, vip)
select 'gen-c' || g,
       'gen-v' || (1 + (g::bigint * 7919) % greatest(1, :conversations / 3)),
       case when g % 10 = 0 then 'wechat' else 'web' end,
       'closed', 10, s, s + interval '6 minutes',
       case when g % 5 = 0 then 'agent' else 'bot' end,
       case when g % 5 = 0 then 'agent' || (g % 40) end,
       0,
       case when g % 5 = 0 then (array['human', 'complaint', 'no_answer', 'form_failed'])[1 + (g / 5) % 4] end,
       case when g % 5 = 0 then s + interval '40 seconds' end,
       case when g % 5 = 0 then s + interval '40 seconds' + (g % 300) * interval '1 second' end,
       g % 50 = 0
from (select g, now() - interval '365 days' + (g::double precision / :conversations) * interval '365 days' as s
      from generate_series(1, :conversations) g) starts
on conflict do nothing;

insert into messages (conversation_id, seq, sender, kind, client_id, reply_to, body, created_at, agent,
                      decision_kind, decision_question, matched_id, score, stage, micros)
select c.id, m,
       case when m % 2 = 1 then 'customer' when c.agent is not null and m > 2 then 'agent' else 'bot' end,
       case when m % 2 = 1 or (c.agent is not null and m > 2) then 'text'
            when c.agent is not null then 'handoff'
            when (m + length(c.id)) % 7 = 0 then 'none' else 'answer' end,
       case when m % 2 = 1 then 'gen-' || m end,
       case when m % 2 = 0 then m - 1 end,
       case when m % 2 = 1 then '问题 ' || m else '回答 ' || m end,
       c.created_at + m * interval '20 seconds',
       case when c.agent is not null and m > 2 and m % 2 = 0 then c.agent end,
       case when m % 2 = 0 and not (c.agent is not null and m > 2)
            then case when c.agent is not null then 'handoff'
                      when (m + length(c.id)) % 7 = 0 then 'none' else 'answer' end end,
       case when m % 2 = 0 and not (c.agent is not null and m > 2) then '问题' || (length(c.id) * m) % 997 end,
       case when m % 2 = 0 and c.agent is null and (m + length(c.id)) % 7 <> 0
            then 'tel-billing-' || lpad(((length(c.id) * m) % 40 + 1)::text, 3, '0') end,
       case when m % 2 = 0 then 0.8 end,
       case when m % 2 = 0 then 'faq' end,
       case when m % 2 = 0 then 900 end
from conversations c cross join generate_series(1, 10) m
where c.id like 'gen-c%' and not exists (select 1 from messages x where x.conversation_id = c.id);

insert into ratings (conversation_id, stars, created_at)
select id, 1 + (length(id) * 31 + ascii(right(id, 1))) % 5, closed_at from conversations
where id like 'gen-c%' and ascii(right(id, 1)) % 10 < 3
on conflict do nothing;
commit;
analyze visitors;
analyze conversations;
analyze messages;
analyze ratings;
select count(*) as conversations from conversations;
select count(*) as messages from messages;
