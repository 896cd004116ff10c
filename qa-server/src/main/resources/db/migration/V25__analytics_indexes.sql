-- Service analytics (io.kefu.server.analytics) select conversations by the day they started and reach their messages
-- through the messages' primary key: this index serves every report; messages get none (each would cost the chat's
-- hot path an index entry per message, see V5).
create index conversations_by_start on conversations (created_at);
