create table book (id int primary key);
