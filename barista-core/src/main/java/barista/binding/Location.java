package barista.binding;

/** Where in a request a value comes from; also the first element of a 422 error's location. */
public enum Location {
    PATH("path"), QUERY("query"), HEADER("header"), COOKIE("cookie"), BODY("body");

    private final String wire;

    Location(String wire) {
        this.wire = wire;
    }

    /** The name used in error locations and in OpenAPI's {@code in}. */
    public String wire() {
        return wire;
    }
}
