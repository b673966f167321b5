/**
 * Users and how they sign in, behind the requirements routes declare ({@code
 * .requires(role("admin"))}, {@code .requires(permission("model:{name}:call"))}).
 *
 * <p>{@link barista.auth.Auth} is the entry point: {@link barista.auth.Users} with Argon2id
 * passwords, {@link barista.auth.Roles} granting permissions, {@link barista.auth.ApiKeys} and
 * {@link barista.auth.Tokens} (HS256 JWTs) for programs, {@link barista.auth.Sessions} with CSRF
 * tokens for browsers. Its access control answers from memory, so model routes on the event loop
 * can ask who is calling; the tables ({@code auth_*}) live in the app's
 * {@link barista.data.Database}, SQLite or PostgreSQL; each change also adds a row to a change
 * log, which the other nodes read within a fraction of a second so they agree. Routes under {@code /auth} offer login, logout, tokens and API keys as JSON.
 */
package barista.auth;
