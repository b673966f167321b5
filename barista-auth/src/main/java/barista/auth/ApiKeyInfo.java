package barista.auth;

import java.time.Instant;

/**
 * What may be shown about an API key after it was created: never its secret or hash.
 *
 * @param keyId      the public part, {@code bk_<keyId>_...}
 * @param username   whose key it is; requests made with it have that user's roles
 * @param name       what the owner called it
 * @param createdAt  when it was made
 * @param expiresAt  when it stops working, or null for never
 * @param lastUsedAt when it was last used: on this node to the moment, on others as written back
 *                   (in batches, about once a minute); or null
 * @param revokedAt  when it was revoked, or null
 */
public record ApiKeyInfo(String keyId, String username, String name, Instant createdAt, Instant expiresAt,
                         Instant lastUsedAt, Instant revokedAt) {
}
