package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Go JSON shape of every protobuf field, read from {@code go-json-fields.tsv}.
 *
 * <p>Protobuf descriptors cannot tell a Go pointer from a value, an {@code omitempty} field from a required one,
 * or an inlined struct from a nested one, yet all three decide what JSON a client would have sent. The table is
 * a data file of facts read off the Go API types at v0.32.4 (field JSON names, pointer/omitempty/inline
 * flags); fields it does not know (none for the
 * bundled descriptors, which {@code GoJsonFieldsTest} checks) fall back to "emit when on the wire, drop zero
 * scalars".
 */
final class GoJsonFields {

    static final String RESOURCE = "go-json-fields.tsv";

    private final Map<String, GoField> fields;
    private final Set<String> listWrappers;

    private GoJsonFields(Map<String, GoField> fields, Set<String> listWrappers) {
        this.fields = Map.copyOf(fields);
        this.listWrappers = Set.copyOf(listWrappers);
    }

    static GoJsonFields load() {
        try (InputStream in = GoJsonFields.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoJsonFields parse(BufferedReader reader) throws IOException {
        Map<String, GoField> fields = new HashMap<>();
        Set<String> listWrappers = new HashSet<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns[0].equals("@list")) {
                listWrappers.add(columns[1]);
                continue;
            }
            if (columns.length != 5) {
                throw new IllegalStateException(RESOURCE + ": malformed line: " + line);
            }
            Set<GoField.Flag> flags = EnumSet.noneOf(GoField.Flag.class);
            for (String flag : columns[4].split(",")) {
                if (!flag.isEmpty()) {
                    flags.add(GoField.Flag.valueOf(flag.toUpperCase(Locale.ROOT)));
                }
            }
            fields.put(key(columns[0], Integer.parseInt(columns[1])), new GoField(columns[2], columns[3], flags));
        }
        return new GoJsonFields(fields, listWrappers);
    }

    private static String key(String messageName, int fieldNumber) {
        return messageName + "#" + fieldNumber;
    }

    /** The Go shape of {@code field}, or a conservative guess when the table lacks it. */
    GoField field(FieldDescriptor field) {
        GoField known = fields.get(key(field.getContainingType().getFullName(), field.getNumber()));
        return known != null ? known : fallback(field);
    }

    boolean knows(FieldDescriptor field) {
        return fields.containsKey(key(field.getContainingType().getFullName(), field.getNumber()));
    }

    /** Whether {@code message} wraps a Go named slice ({@code ExtraValue}, {@code Verbs}) and renders as an array. */
    boolean isListWrapper(Descriptor message) {
        return listWrappers.contains(message.getFullName());
    }

    private static GoField fallback(FieldDescriptor field) {
        String goName = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Set<GoField.Flag> flags = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                ? EnumSet.of(GoField.Flag.POINTER)
                : EnumSet.of(GoField.Flag.OMITEMPTY);
        return new GoField(goName, field.getName(), flags);
    }
}
