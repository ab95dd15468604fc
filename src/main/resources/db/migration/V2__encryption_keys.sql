-- The keys that sealed this database's clinical text, each with a known text sealed under it (see KeyRegister).
-- Clinical columns (delivery.body, patient_report sections and content_json) hold KEYID:BASE64 values from now on.

CREATE TABLE encryption_key (
    id            VARCHAR(32)              NOT NULL PRIMARY KEY,
    check_value   VARCHAR                  NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
