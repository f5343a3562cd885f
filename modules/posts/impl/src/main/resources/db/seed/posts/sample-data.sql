-- The tutorial's sample posts (Apache-2.0 sample data) in data order, which ids keep; loaded only into
-- an empty, non-production schema.
insert into posts.posts (id, thread_id, text, user_id) values
    (1, 1, 'Has anyone checked on the lich recently?', 4),
    (2, 1, 'I''ll stop by and see how he''s doing tomorrow!', 2),
    (3, 2, 'Come party with the candy people tomorrow!', 3),
    (4, 2, 'Mathematical!', 2),
    (5, 2, 'I''ll bring my guitar', 1),
    (6, 3, 'I need a new guitar to play the most savory licks in Ooo', 1);
alter table posts.posts alter column id restart with 7;
