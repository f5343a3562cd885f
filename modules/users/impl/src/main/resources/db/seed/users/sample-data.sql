-- The tutorial's sample users (Apache-2.0 sample data), loaded only into an empty, non-production schema.
-- username_key: the username folded to lower case (V5), here the username itself.
insert into users.users (id, username, username_key, name, bio) values
    (1, 'marceline', 'marceline', 'Marceline Abadeer', '1000 year old vampire queen, musician'),
    (2, 'finn', 'finn', 'Finn ''the Human'' Mertens', 'Adventurer and hero, last human, defender of good'),
    (3, 'pb', 'pb', 'Bonnibel Bubblegum', 'Scientist, bearer of candy power, ruler of the candy kingdom'),
    (4, 'jake', 'jake', 'Jake the Dog', 'Former criminal, now magical dog adventurer, and father');
alter table users.users alter column id restart with 5;
-- Their passwords (sample data only; the README names them): vampire-queen-1000, adventure-time-hero,
-- candy-kingdom-science and magic-dog-father, as bcrypt hashes.
insert into users.credentials (user_id, password_hash) values
    (1, '{bcrypt}$2a$10$VoyYIPU2VP.aHwBG4erqgOV3MgjlhYRPWV0gN8OJ/kiVlLSLADooK'),
    (2, '{bcrypt}$2a$10$6HeCgao6eGfXRF0UonYbH.nMBU.OBEeHl39Jm2f4rcB90ArsxpwEa'),
    (3, '{bcrypt}$2a$10$foqy6t1Rv8MAWLmXNCjVyeIaoSyQqF7ekixvpHhfmxDZhUyEJMSPm'),
    (4, '{bcrypt}$2a$10$uUI.aKDsuftH8lOoQEjaoOytNfdVfG6qqo7DS28iS.S8wD20WNv8S');
