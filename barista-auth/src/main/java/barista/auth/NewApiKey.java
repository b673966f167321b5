package barista.auth;

/**
 * A key just made by {@link ApiKeys#create}: the only time its secret exists outside the caller.
 *
 * @param info about the key
 * @param key  the whole key to present, {@code bk_<keyId>_<secret>}; only a hash of the secret is kept
 */
public record NewApiKey(ApiKeyInfo info, String key) {
    /** Never prints the key. */
    @Override
    public String toString() {
        return "NewApiKey[info=" + info + ", key=***]";
    }
}
