create table settings (id int primary key);
