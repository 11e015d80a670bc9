-- Flagged categories that an operator lets through (CRIA_MODERATION_ALLOW), next to the model that
-- decided and the categories it flagged, so that the audit shows why a flagged message was answered.
alter table moderation_decision add column allowed_categories varchar(1000);
