-- The durable prediction log: one row per logged prediction. Runs on SQLite and PostgreSQL;
-- ${id} is each database's auto-increment primary key. Times are epoch milliseconds.
CREATE TABLE barista_predictions (
    id ${id},
    request_id VARCHAR(200) NOT NULL,
    model VARCHAR(200) NOT NULL,
    version VARCHAR(100) NOT NULL,
    principal VARCHAR(300) NOT NULL,
    created_at BIGINT NOT NULL,
    latency_micros BIGINT NOT NULL,
    input TEXT NOT NULL,
    output TEXT NOT NULL,
    feedback TEXT,
    feedback_at BIGINT,
    feedback_by VARCHAR(300)
);
-- Every index is paid for by every prediction, so there are two: request ids (feedback and
-- lookups) and model (the admin's main filter). Pages read newest first by id (keyset paging);
-- filters on caller or time read newest first until a page is full.
CREATE INDEX barista_predictions_request ON barista_predictions (request_id);
CREATE INDEX barista_predictions_model ON barista_predictions (model, id);
