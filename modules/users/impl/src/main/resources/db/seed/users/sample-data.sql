-- The tutorial's sample users (Apache-2.0 sample data), loaded only into an empty, non-production schema.
insert into users.users (id, username, name, bio) values
    (1, 'marceline', 'Marceline Abadeer', '1000 year old vampire queen, musician'),
    (2, 'finn', 'Finn ''the Human'' Mertens', 'Adventurer and hero, last human, defender of good'),
    (3, 'pb', 'Bonnibel Bubblegum', 'Scientist, bearer of candy power, ruler of the candy kingdom'),
    (4, 'jake', 'Jake the Dog', 'Former criminal, now magical dog adventurer, and father');
alter table users.users alter column id restart with 5;
