CREATE TABLE billing_invoice (
    id ${id},
    cents BIGINT NOT NULL
);
