package barista.inference;

import barista.access.Principal;
import barista.http.HttpError;
import barista.spi.AccessControl;
import barista.test.TestPrincipal;
import java.util.Set;

/**
 * The access control the inference tests run with: the real one (barista-auth) sits above this
 * module, so these tests name their caller in an {@code X-Test-User} header. {@code admin} holds
 * every permission; {@code caller-<model>} may call that one model; no header is anonymous.
 */
final class TestAccess implements AccessControl {
    static final TestAccess INSTANCE = new TestAccess();

    @Override
    public Principal authenticate(barista.Context ctx) {
        String who = ctx.header("X-Test-User");
        if (who == null) {
            return Principal.anonymous();
        }
        if (who.equals("admin")) {
            return new TestPrincipal("admin", Set.of(), Set.of("*"));
        }
        if (who.startsWith("caller-")) {
            return new TestPrincipal(who, Set.of(), Set.of("model:" + who.substring("caller-".length()) + ":call"));
        }
        throw new HttpError.Unauthorized("unknown test user");
    }
}
