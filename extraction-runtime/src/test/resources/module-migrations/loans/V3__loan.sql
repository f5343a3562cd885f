create table loan (id int primary key, book int);
