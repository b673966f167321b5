package barista.inference.log;

/**
 * The log writer's counters since the app started.
 *
 * @param entries  predictions committed
 * @param commits  transactions that committed them; {@code entries / commits} is how many
 *                 requests shared each disk flush
 * @param failed   predictions answered 503 because their entry could not be committed
 * @param backlog  entries waiting now
 */
public record LogStats(long entries, long commits, long failed, int backlog) {
}
