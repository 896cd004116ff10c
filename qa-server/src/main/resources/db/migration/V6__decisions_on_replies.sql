-- The bot's decision moves onto the first message of its reply: a separate decision table keyed by conversation cost
-- an index entry on a random page for every message, which an embedded database rewrites every second (measured:
-- a third of the chat server's CPU at 1,000 messages/s). Answering a question once is now guarded under the
-- conversation's row lock (see ChatService), not by the decision table's key.
alter table messages add column decision_kind varchar(16);
-- the question decided on, with mobile, ID and card numbers masked (the customer's own message keeps what was typed)
alter table messages add column decision_question varchar(2000);
alter table messages add column matched_id varchar(128);
alter table messages add column score double precision;
alter table messages add column stage varchar(200);
alter table messages add column micros bigint;

-- every decision was stored with its reply, in one transaction: it goes onto the reply's first message (one lookup
-- of the decision per bot message, all six columns at once)
update messages set (decision_kind, decision_question, matched_id, score, stage, micros) =
    (select d.kind, d.question, d.matched_id, d.score, d.stage, d.micros from bot_decisions d
     where d.conversation_id = messages.conversation_id and d.seq = messages.reply_to)
where sender = 'bot'
  and reply_to is not null
  and seq = (select min(r.seq) from messages r
             where r.conversation_id = messages.conversation_id and r.reply_to = messages.reply_to and r.sender = 'bot')
  and exists (select 1 from bot_decisions d
              where d.conversation_id = messages.conversation_id and d.seq = messages.reply_to);

drop table bot_decisions;
