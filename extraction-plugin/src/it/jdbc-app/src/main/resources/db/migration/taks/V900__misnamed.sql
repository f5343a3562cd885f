-- Misnamed on purpose (module tasks): no process runs it, and the plugin warns of the folder.
select 1;
