-- The application's own first migration, in Boot's default location: scimkit's live elsewhere.
CREATE TABLE sample_note (
    id   BIGINT PRIMARY KEY,
    text VARCHAR(200) NOT NULL
);
