-- Body digests are keyed from now on (KeyedDigests): KEYID:HEX of an HMAC-SHA256, at most 32 + 1 + 64 characters.
-- Version 5 (KeyedBodyDigestsMigration, Java: it needs the digest key) keys the plain SHA-256 digests stored before.
-- The digest keys are registered as the data keys are (encryption_key), with a check value made with each.

ALTER TABLE delivery RENAME COLUMN body_sha256 TO body_digest;
ALTER TABLE delivery ALTER COLUMN body_digest SET DATA TYPE VARCHAR(97);
ALTER TABLE delivery RENAME CONSTRAINT delivery_body_sha256_unique TO delivery_body_digest_unique;

CREATE TABLE digest_key (
    id            VARCHAR(32)              NOT NULL PRIMARY KEY,
    check_value   VARCHAR(97)              NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
