-- The readings example's table (README, "Your own tables"): rows a device sends in batches.
CREATE TABLE readings (
    id ${id},
    sensor VARCHAR(100) NOT NULL,
    taken_at BIGINT NOT NULL,
    value DOUBLE PRECISION NOT NULL
);
CREATE INDEX readings_sensor ON readings (sensor, taken_at);
