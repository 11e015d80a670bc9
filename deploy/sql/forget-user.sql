-- Deletes everything Cria stores about one user of one platform: their messages, the answers
-- given to them, the events that carried their messages, the moderation decisions about those,
-- the images and file texts they posted, and their name on settings they changed. Runs unchanged on PostgreSQL (psql fills in the two
-- variables); docs/operations.md explains it. For example:
--
--   psql "postgresql://USER@HOST/DB" -v platform=slack -v user_id=U0123ABCD \
--     -v ON_ERROR_STOP=1 -f deploy/sql/forget-user.sql
--
-- platform is slack, discord or web; user_id is the platform's user id (Slack U..., a Discord
-- snowflake, the e-mail a web user signed in with; their web logins end too). Answers already posted in Slack or Discord stay there: delete them in the app.
BEGIN;

DELETE FROM moderation_decision
WHERE event_seq IN (
    SELECT e.id FROM inbound_event e
    WHERE e.platform = :'platform' AND e.author_id = :'user_id')
   OR event_seq IN (
    SELECT m.event_seq FROM chat_message m
    WHERE (m.author_id = :'user_id' OR m.requested_by = :'user_id')
      AND m.conversation_key LIKE :'platform' || ':%');

DELETE FROM turn_attachment
WHERE event_seq IN (
    SELECT e.id FROM inbound_event e
    WHERE e.platform = :'platform' AND e.author_id = :'user_id')
   OR event_seq IN (
    SELECT m.event_seq FROM chat_message m
    WHERE m.author_id = :'user_id'
      AND m.conversation_key LIKE :'platform' || ':%');

DELETE FROM chat_message
WHERE (author_id = :'user_id' OR requested_by = :'user_id')
  AND conversation_key LIKE :'platform' || ':%';

DELETE FROM inbound_event
WHERE platform = :'platform' AND author_id = :'user_id';

UPDATE conversation_settings SET updated_by = NULL
WHERE updated_by = :'user_id' AND conversation_key LIKE :'platform' || ':%';

DELETE FROM web_session
WHERE :'platform' = 'web' AND user_id = :'user_id';

COMMIT;
