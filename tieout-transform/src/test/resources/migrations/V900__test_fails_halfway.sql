-- Test only (not in Migrations.FILES): its first statement succeeds, its second fails.
CREATE TABLE ops.half_done (a INTEGER);
INSERT INTO ops.no_such_table VALUES (1);
