/**
 * The admin web UI at {@code /admin}, "like Django's admin, for the AI backend": sign-in; users,
 * roles and API keys (through {@code barista-auth}); models and their versions (load, serve,
 * unload, through the model registry); the prediction log with filters, keyset paging and CSV
 * export; and live request and latency figures sampled from the metrics registry.
 *
 * <p>Pages are written on the server with {@link barista.admin.html.Page}, which escapes all
 * text; the only scripts are {@code /admin/static/admin.js} and uPlot from its webjar, and
 * the styles are Pico CSS (classless). {@link barista.admin.AdminExtension} installs
 * it on every app with this module on its class path, unless {@code barista.admin.enabled=false}.
 *
 * <p>Reading order: {@code AdminExtension} → {@code Admin} (what gets installed) → {@code Guard}
 * (sign-in and permission checks) → {@code Layout} (the frame and headers) → one {@code *Pages}
 * class per area.
 */
package barista.admin;
