-- Regenerate: the answer a regenerated one replaced stays stored (its tokens count for usage and
-- quotas, its votes keep pointing at it) but leaves the history: superseded_by holds the event that
-- regenerated it. Null for every answer still in the history.
alter table chat_message add column superseded_by bigint;

-- Stop across replicas: a Stop that reaches a replica which is not writing the answer is recorded
-- on the event; the replica writing it reads the mark on its throttled updates (about once a
-- second) and stops as if the Stop had reached it.
alter table inbound_event add column stop_requested_at timestamp with time zone;
