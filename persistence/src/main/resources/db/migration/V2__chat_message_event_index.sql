-- Answers are read and updated by the event that asked for them: the stored answer a retried event
-- delivers again, the platform message id recorded after delivery, the user turn a refusal drops.
-- Without this index each of those scanned the whole table, so every answer cost more the longer
-- Cria ran (docs/benchmarks.md).
create index chat_message_event_idx on chat_message (event_seq, role);
