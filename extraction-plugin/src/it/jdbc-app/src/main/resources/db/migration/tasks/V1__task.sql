create table task (id bigint auto_increment primary key, project_id bigint not null, title varchar(100) not null, status varchar(20) not null);
