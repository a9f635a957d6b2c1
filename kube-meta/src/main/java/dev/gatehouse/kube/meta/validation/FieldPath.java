package dev.gatehouse.kube.meta.validation;

import java.util.Objects;

/**
 * An immutable path to a field, rendered like upstream {@code field.Path.String()}:
 * {@code metadata.labels}, {@code spec.containers[0].name}, {@code values[1][app]}.
 *
 * <p>Index and map-key subscripts render the same way ({@code [x]}); upstream does not quote keys.
 */
public final class FieldPath {
    private final FieldPath parent;
    private final String name;      // null when this element is a subscript
    private final String subscript; // null when this element is a named field

    private FieldPath(FieldPath parent, String name, String subscript) {
        this.parent = parent;
        this.name = name;
        this.subscript = subscript;
    }

    /** A root path of one or more dotted names, e.g. {@code root("metadata", "name")}. */
    public static FieldPath root(String name, String... more) {
        FieldPath path = new FieldPath(null, Objects.requireNonNull(name), null);
        for (String n : more) {
            path = path.child(n);
        }
        return path;
    }

    /**
     * A child of {@code parent}, or a new root when {@code parent} is null. Mirrors Go, where
     * {@code (*Path)(nil).Child("values")} renders as {@code values}.
     */
    public static FieldPath childOf(FieldPath parent, String name) {
        return parent == null ? root(name) : parent.child(name);
    }

    /**
     * How upstream renders a nil {@code *field.Path}; label selector parsing reports key errors against it
     * ({@code unable to parse requirement: <nil>: Invalid value: ...}).
     */
    public static String render(FieldPath pathOrNull) {
        return pathOrNull == null ? "<nil>" : pathOrNull.toString();
    }

    public FieldPath child(String childName) {
        return new FieldPath(this, Objects.requireNonNull(childName), null);
    }

    public FieldPath index(int i) {
        return new FieldPath(this, null, Integer.toString(i));
    }

    public FieldPath key(String key) {
        return new FieldPath(this, null, Objects.requireNonNull(key));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb) {
        if (parent != null) {
            parent.appendTo(sb);
        }
        if (name != null && !name.isEmpty()) {
            if (parent != null) {
                sb.append('.');
            }
            sb.append(name);
        } else {
            sb.append('[').append(subscript == null ? "" : subscript).append(']');
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && other.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
