-- The fleet database (issue 15). Portable SQL: the same file runs on PostgreSQL and SQLite.
-- Events as the toasters sent them, one row per (device, run, seq): a repeat of an at-least-once
-- delivery hits the primary key and is dropped (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE fleet_event (
  device_id     VARCHAR(64)  NOT NULL,
  run_id        VARCHAR(64)  NOT NULL,
  seq           BIGINT       NOT NULL,
  event_type    VARCHAR(32)  NOT NULL,
  at            VARCHAR(40)  NOT NULL,
  received_at   VARCHAR(40)  NOT NULL,
  collected_by  VARCHAR(64)  NOT NULL,
  cycle_id      VARCHAR(64),
  model_version VARCHAR(80),
  predictor     VARCHAR(32),
  rating        VARCHAR(16),
  checker_disagreed INTEGER,
  payload       TEXT         NOT NULL,
  PRIMARY KEY (device_id, run_id, seq)
);
CREATE INDEX fleet_event_type ON fleet_event (event_type, device_id);

-- What each device last said about its models (model events from the offer handler).
CREATE TABLE fleet_device_model (
  device_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
  active_model  VARCHAR(80)  NOT NULL,
  candidate     VARCHAR(80),
  last_result   VARCHAR(400),
  reported_at   VARCHAR(40)  NOT NULL
);

-- Staged rollouts and every decision taken on them, with the figures it was taken on.
CREATE TABLE fleet_rollout (
  rollout_id    VARCHAR(80)  NOT NULL PRIMARY KEY,
  version       VARCHAR(80)  NOT NULL,
  baseline      VARCHAR(80)  NOT NULL,
  canary_share  DOUBLE PRECISION NOT NULL,
  started_at    VARCHAR(40)  NOT NULL,
  state         VARCHAR(16)  NOT NULL
);

CREATE TABLE fleet_rollout_decision (
  rollout_id    VARCHAR(80)  NOT NULL,
  decided_at    VARCHAR(40)  NOT NULL,
  decision      VARCHAR(16)  NOT NULL,
  reason        VARCHAR(1000) NOT NULL,
  figures       TEXT         NOT NULL,
  devices       TEXT         NOT NULL
);
