-- The tutorial's sample threads (Apache-2.0 sample data), loaded only into an empty, non-production schema.
insert into threads.threads (id, title, created_by) values
    (1, 'What''s up with the Lich?', 4),
    (2, 'Party at the candy kingdom tomorrow', 3),
    (3, 'In search of a new guitar', 1);
alter table threads.threads alter column id restart with 4;
