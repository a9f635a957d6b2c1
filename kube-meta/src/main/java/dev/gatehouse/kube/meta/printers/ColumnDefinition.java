package dev.gatehouse.kube.meta.printers;

import java.util.Objects;

/**
 * One {@code meta.k8s.io/v1} {@code TableColumnDefinition}. All five fields are always serialized by upstream
 * ({@code "format":""}, {@code "priority":0} included). Priority 1 columns are shown by kubectl only with
 * {@code -o wide}.
 *
 * @param type   an OpenAPI type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code date}
 * @param format an OpenAPI format hint; {@code name} marks the object name column
 */
public record ColumnDefinition(String name, String type, String format, String description, int priority) {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        format = format == null ? "" : format;
        description = description == null ? "" : description;
    }
}
