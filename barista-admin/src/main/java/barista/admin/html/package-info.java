/**
 * Writing HTML safely: {@link barista.admin.html.Page} escapes every text and attribute value,
 * balances tags, puts the CSRF field in every POST form, and cannot write inline script or
 * style, so the admin's pages run under a strict Content-Security-Policy.
 */
package barista.admin.html;
