-- Retention and reset delete moderation decisions by the event they judged and by age.
create index moderation_decision_event_idx on moderation_decision (event_seq);
create index moderation_decision_created_idx on moderation_decision (created_at);
