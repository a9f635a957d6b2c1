package dev.gatehouse.kube.audit;

import java.util.List;

/**
 * An audit policy kube-apiserver would refuse to start with. {@link #getMessage()} is upstream's error text from
 * {@code LoadPolicyFromBytes} (without the {@code : from file <path>} suffix {@code LoadPolicyFromFile} adds), e.g.
 * {@code rules[0].level: Unsupported value: "Everything": supported values: "None", "Metadata", "Request",
 * "RequestResponse"}. {@link #fieldErrors()} lists the validation errors behind it; it is empty for decoding
 * failures and for a policy without rules.
 */
public class InvalidAuditPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyFieldError> fieldErrors;

    public InvalidAuditPolicyException(String message) {
        this(message, List.of());
    }

    public InvalidAuditPolicyException(String message, List<PolicyFieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<PolicyFieldError> fieldErrors() {
        return fieldErrors;
    }
}
