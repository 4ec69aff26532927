-- An embedding application's own first migration: it must not meet the TrackTik store's V1.
CREATE TABLE app_widget (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
