package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code printRoleBinding} / {@code printClusterRoleBinding}: NAME ROLE AGE USERS GROUPS
 * SERVICEACCOUNTS. ROLE is {@code Kind/name}; service accounts print as {@code namespace/name}; subjects of
 * other kinds are not shown.
 */
final class BindingPrinter implements RowPrinter {

    @Override
    public List<Object> cells(JsonNode binding, Instant now) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> serviceAccounts = new ArrayList<>();
        for (JsonNode subject : Json.array(binding, "/subjects")) {
            String name = Json.text(subject, "/name");
            switch (Json.text(subject, "/kind")) {
                case "ServiceAccount" -> serviceAccounts.add(Json.text(subject, "/namespace") + "/" + name);
                case "User" -> users.add(name);
                case "Group" -> groups.add(name);
                default -> {
                    // upstream collects these as "others" and does not print them
                }
            }
        }
        String role = Json.text(binding, "/roleRef/kind") + "/" + Json.text(binding, "/roleRef/name");
        return List.of(RowPrinter.name(binding), role, RowPrinter.age(binding, now), String.join(", ", users),
                String.join(", ", groups), String.join(", ", serviceAccounts));
    }
}
