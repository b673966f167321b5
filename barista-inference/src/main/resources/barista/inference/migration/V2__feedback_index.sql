-- "Has feedback" reads the few entries with a label, newest first, without scanning the rest.
CREATE INDEX barista_predictions_feedback ON barista_predictions (id) WHERE feedback IS NOT NULL;
