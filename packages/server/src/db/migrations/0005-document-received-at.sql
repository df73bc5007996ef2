-- When the upload arrived, before extraction (created_at is when the extracted row was stored):
-- the timeline shows both steps.
alter table documents add column received_at timestamptz;
