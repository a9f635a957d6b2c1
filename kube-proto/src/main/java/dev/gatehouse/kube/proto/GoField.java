package dev.gatehouse.kube.proto;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the Go struct field behind one protobuf field is written by Go's {@code encoding/json}.
 *
 * @param goName   the Go field name, which gogo-generated decoders print in wire-type errors
 * @param jsonName the JSON member name (empty for inlined fields)
 * @param flags    what the Go declaration says about the field
 */
record GoField(String goName, String jsonName, Set<Flag> flags) {

    enum Flag {
        /** A pointer: present in JSON exactly when present on the wire, zero values included. */
        POINTER,
        /** {@code omitempty}: zero scalars and empty collections are left out (structs never are). */
        OMITEMPTY,
        /** Embedded with {@code json:",inline"}: its members are written into the enclosing object. */
        INLINE,
        /** {@code json:"-"}: never written. */
        HIDDEN,
        /** A Go slice or map, possibly behind a named type whose protobuf form is a wrapper message. */
        LIST
    }

    GoField {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    boolean is(Flag flag) {
        return flags.contains(flag);
    }
}
