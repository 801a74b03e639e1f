package org.example.inquiry.resolution.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A request to change a case, as the single writer of the inquiry receives it.
 *
 * @param type CLAIM, ASSIGN, REPLY, REQUEST_INFO, NOTE, PROPOSE_ACTION, APPROVE, REJECT, RESOLVE,
 *     REOPEN, LINK_CUSTOMER
 * @param customerId LINK_CUSTOMER: the customer master id
 */
public record CaseCommand(
    String commandId,
    String type,
    String actor,
    Set<String> roles,
    Instant at,
    String assignee,
    String text,
    String actionId,
    String actionType,
    BigDecimal amount,
    String currency,
    String invoiceReference,
    String reason,
    String resolutionCode,
    String rootCause,
    List<String> confirmedTypes,
    String customerId) {}
