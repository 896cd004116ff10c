-- An agent's console gives each reply an id of its own, as the customer's client gives each message one, so that a
-- reply sent again (after a dropped connection) is stored once. Customers and consoles pick their ids apart from
-- each other, so an id is unique per conversation and sender. Sender last: the customer's look-up by conversation
-- and id still reads the index from its start.
alter table messages drop constraint messages_client_id_once;
alter table messages add constraint messages_client_id_once unique (conversation_id, client_id, sender);
