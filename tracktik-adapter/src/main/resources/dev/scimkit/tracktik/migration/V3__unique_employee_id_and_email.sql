-- TrackTik keeps an employee's Employee ID (customId) and email unique in a portal. Like userName,
-- uniqueness holds without regard to case and among live employees only: a key column holds the
-- lower-cased value and is NULL for an archived employee (and for an empty value), so a user
-- re-created after a SCIM DELETE may take them again.
-- Existing rows get a key only where no earlier live row of the tenant holds the same value, so the
-- unique indexes can be created on a database that already has duplicates; those keep working and a
-- new duplicate is refused. Standard SQL: runs on H2 and PostgreSQL.

ALTER TABLE tt_employee ADD COLUMN custom_id_key VARCHAR(64);
ALTER TABLE tt_employee ADD COLUMN email_key VARCHAR(254);

UPDATE tt_employee SET custom_id_key = LOWER(custom_id)
 WHERE archived_at IS NULL AND custom_id IS NOT NULL AND custom_id <> ''
   AND NOT EXISTS (SELECT 1 FROM tt_employee o WHERE o.tenant = tt_employee.tenant AND o.archived_at IS NULL
                   AND LOWER(o.custom_id) = LOWER(tt_employee.custom_id) AND o.id < tt_employee.id);

UPDATE tt_employee SET email_key = LOWER(email)
 WHERE archived_at IS NULL AND email IS NOT NULL AND email <> ''
   AND NOT EXISTS (SELECT 1 FROM tt_employee o WHERE o.tenant = tt_employee.tenant AND o.archived_at IS NULL
                   AND LOWER(o.email) = LOWER(tt_employee.email) AND o.id < tt_employee.id);

CREATE UNIQUE INDEX uq_employee_custom_id ON tt_employee (tenant, custom_id_key);
CREATE UNIQUE INDEX uq_employee_email ON tt_employee (tenant, email_key);
