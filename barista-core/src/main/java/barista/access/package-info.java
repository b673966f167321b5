/**
 * Who is asking and what they may do, as the rest of Barista sees it: a {@link
 * barista.access.Principal} for each request and the {@link barista.access.Requirement}s a route
 * declares ({@code app.get(...).requires(role("admin"))}).
 *
 * <p>Core only checks; it neither stores users nor reads credentials. That is the job of an
 * {@link barista.spi.AccessControl} (the {@code barista-auth} module), so the model server,
 * the admin and user routes declare what they need without depending on how users sign in.
 */
package barista.access;
