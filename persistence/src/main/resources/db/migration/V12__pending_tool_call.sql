-- A side-effecting tool call the model asked for, waiting for the asker's Run or Cancel click.
-- It holds what the model wrote (tool name, arguments), never a result or a token. decided_at and
-- decision stay null until a click (or an expiry) decides it; the update that sets them requires
-- them null, so of two clicks at once exactly one decides.
create table pending_tool_call (
    id                varchar(36)  primary key,
    conversation_key  varchar(255) not null,
    event_seq         bigint       not null,
    asker_id          varchar(128) not null,
    tool_name         varchar(64)  not null,
    arguments_json    text         not null,
    created_at        timestamp with time zone not null,
    decided_at        timestamp with time zone,
    decision          varchar(16)
);
create index pending_tool_call_created_idx on pending_tool_call (created_at);
