-- TrackTik gives an employee one role, and an employee that had a role never goes back to none; SCIM
-- puts a user in any number of groups. tt_role_assignment keeps the memberships as the identity
-- provider sent them; these columns hold the one role the adapter's role policy chose among them.
-- No foreign key: an employee keeps its role by name when the last group granting it is deleted
-- (held_role_id then becomes NULL).
-- Existing employees hold the role of their earliest membership, TrackTik's default rule. Standard
-- SQL: runs on H2 and PostgreSQL.

ALTER TABLE tt_employee ADD COLUMN held_role_id BIGINT;
ALTER TABLE tt_employee ADD COLUMN held_role_name VARCHAR(255);

UPDATE tt_employee SET held_role_id = (SELECT a.role_id FROM tt_role_assignment a WHERE a.employee_id = tt_employee.id
                                        ORDER BY a.seq LIMIT 1)
 WHERE EXISTS (SELECT 1 FROM tt_role_assignment a WHERE a.employee_id = tt_employee.id);

UPDATE tt_employee SET held_role_name = (SELECT r.name FROM tt_role r WHERE r.id = tt_employee.held_role_id)
 WHERE held_role_id IS NOT NULL;

CREATE INDEX ix_employee_held_role ON tt_employee (held_role_id);
