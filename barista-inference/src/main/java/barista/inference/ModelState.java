package barista.inference;

/** Where a model version is in its life. Only {@code READY} versions take requests. */
public enum ModelState {
    /** Reading the file and creating the session. */
    LOADING,
    /** Running warm-up inputs; not yet serving. */
    WARMING,
    /** Serving. */
    READY,
    /** The load or warm-up failed; {@link ModelVersion#error()} says why. Never served. */
    FAILED,
    /** Unloaded or replaced: finishing the requests it had, then closing. */
    DRAINING
}
