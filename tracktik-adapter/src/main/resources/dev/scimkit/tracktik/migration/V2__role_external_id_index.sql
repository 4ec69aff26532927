-- Lookups by externalId (SCIM `externalId eq "…"`, which identity providers use to find the group
-- they provisioned) read tt_role through an index, as tt_employee already does with
-- ix_employee_external_id from V1. A new script rather than an edit of V1: V1 may already have been
-- applied to existing databases, and Flyway refuses a changed checksum.
-- Standard SQL: runs on H2 and PostgreSQL.

CREATE INDEX ix_role_external_id ON tt_role (tenant, external_id);
