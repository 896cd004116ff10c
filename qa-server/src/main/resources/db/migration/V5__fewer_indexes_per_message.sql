-- Every stored message paid for this index, but only a resent message ever looks a reply up, and it can use the
-- primary key instead: a reply is numbered after the message it answers (ChatStore.hasReplyTo).
drop index messages_by_reply_to;
