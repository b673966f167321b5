/**
 * Turning a request into typed Java values. Each route's input types are analysed once, at
 * start-up, into a {@link barista.binding.ParamsModel} (path, query, header and cookie values
 * into a record) and a {@link barista.binding.BodyModel} (the JSON body into any Jackson type);
 * per request they only convert and validate, collecting every error rather than the first.
 */
package barista.binding;
