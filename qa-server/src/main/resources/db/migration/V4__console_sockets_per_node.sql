-- Agent console sockets counted per node, with the node's last sign of life: when a node dies, its rows go stale and
-- its agents stop looking connected (their conversations go back to the queue after the grace period).
create table console_sockets (
    node     varchar(36)              not null,
    username varchar(64)              not null references staff (username),
    sockets  integer                  not null,
    seen_at  timestamp with time zone not null,
    primary key (node, username)
);
alter table agent_presence drop column sockets;
