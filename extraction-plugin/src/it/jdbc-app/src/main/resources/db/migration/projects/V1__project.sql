create table project (id bigint auto_increment primary key, name varchar(100) not null);
