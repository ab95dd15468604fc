-- Authentic deliveries that fail validation are kept with the status REJECTED and the problem they were answered
-- (422). Their envelope may lack a valid type or time: both columns are NULL then, and only ever on REJECTED rows.
-- The problem names a field and a rule, never a value from the body, so it is stored in clear.

ALTER TABLE delivery ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE delivery ALTER COLUMN occurred_on DROP NOT NULL;
ALTER TABLE delivery ADD COLUMN problem_type VARCHAR(100);
ALTER TABLE delivery ADD COLUMN problem_field VARCHAR(255);
ALTER TABLE delivery ADD COLUMN problem_detail VARCHAR;

CREATE INDEX delivery_by_status ON delivery (status, received_at);
