/** The one Jackson configuration every module reads and writes JSON with. */
package barista.json;
