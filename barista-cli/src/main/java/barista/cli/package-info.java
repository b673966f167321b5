/**
 * The {@code barista} command line ({@link barista.cli.BaristaCli}): {@code migrate} brings the
 * database's tables up to date, {@code createuser} makes a user such as the first admin. It reads
 * the same configuration an app does, so it works on the app's database.
 */
package barista.cli;
