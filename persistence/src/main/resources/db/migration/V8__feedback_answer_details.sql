-- Each vote names what it rated: the answer's model, the version of the system prompt the answer
-- was made with (a short hash of the prompt text, stored on the answer too) and the id of the
-- event the answer replied to. Null for votes and answers stored before this version.
alter table chat_message add column system_prompt_version varchar(64);
alter table feedback add column model varchar(128);
alter table feedback add column system_prompt_version varchar(64);
alter table feedback add column event_id varchar(255);
create index feedback_created_idx on feedback (created_at);
