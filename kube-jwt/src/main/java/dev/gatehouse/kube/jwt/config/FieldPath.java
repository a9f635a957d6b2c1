package dev.gatehouse.kube.jwt.config;

/**
 * A field path as apimachinery's {@code field.Path} prints it: {@code jwt[0].issuer.url}.
 * {@link #none()} is Go's nil path, whose children start a path of their own (upstream validates a single
 * authenticator that way, giving paths such as {@code issuer.url}).
 */
public final class FieldPath {

    private static final FieldPath NONE = new FieldPath("");

    private final String rendered;

    private FieldPath(String rendered) {
        this.rendered = rendered;
    }

    public static FieldPath none() {
        return NONE;
    }

    public static FieldPath root(String name) {
        return new FieldPath(name);
    }

    public FieldPath child(String name) {
        return new FieldPath(rendered.isEmpty() ? name : rendered + "." + name);
    }

    public FieldPath index(int i) {
        return new FieldPath(rendered + "[" + i + "]");
    }

    @Override
    public String toString() {
        return rendered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.rendered.equals(rendered);
    }

    @Override
    public int hashCode() {
        return rendered.hashCode();
    }
}
