/**
 * The durable prediction log: every prediction a model makes (model, version, input, output,
 * latency, caller, time, request id) stored in the app's database before its response is sent,
 * with feedback (the true label) attached later by request id.
 *
 * <p>Writes are group-committed: one writer thread takes every entry waiting and commits them
 * in one transaction, so a thousand concurrent predictions cost one disk flush, not a thousand.
 * A prediction whose entry can't be committed (the database is gone, the log is too far behind)
 * fails with 503 rather than being answered unlogged.
 */
package barista.inference.log;
