-- Logged-in browsers of the web playground and admin console. Only the SHA-256 of the cookie is
-- kept: a copy of this table does not let anyone in. The retention job deletes expired rows.
create table web_session (
    id_hash     varchar(64)  primary key,
    csrf        varchar(64)  not null,
    user_id     varchar(320) not null,
    admin       boolean      not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index web_session_expires_idx on web_session (expires_at);
