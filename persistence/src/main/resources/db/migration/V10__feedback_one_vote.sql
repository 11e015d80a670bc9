-- One vote per person per answer: a second press changes the vote instead of adding one. The store
-- replaced votes before this version, so duplicates should not exist; any that do keep the newest.
delete from feedback f
where exists (
    select 1 from feedback g
    where g.message_id = f.message_id and g.user_id = f.user_id and g.id > f.id);
create unique index feedback_vote_uk on feedback (message_id, user_id);
