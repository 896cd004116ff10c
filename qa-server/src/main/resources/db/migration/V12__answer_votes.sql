-- The customer's 有帮助 / 没帮助 on a bot answer: one vote per answer, kept beside the answer's decision (the bot
-- message's decision_question, matched_id and score), for the content team's unanswered list and the analytics.
create table answer_votes (
    conversation_id varchar(36)              not null,
    seq             bigint                   not null,
    helpful         boolean                  not null,
    created_at      timestamp with time zone not null,
    primary key (conversation_id, seq),
    foreign key (conversation_id, seq) references messages (conversation_id, seq)
);
create index answer_votes_by_time on answer_votes (created_at);

-- Clusters of unanswered questions the content team dismissed: by the cluster's key (its words), until then.
create table content_dismissed (
    cluster_key  varchar(500)             primary key,
    dismissed_by varchar(64)              not null,
    dismissed_at timestamp with time zone not null
);
