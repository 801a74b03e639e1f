package org.example.inquiry.intake.registration;

import java.util.List;
import org.example.inquiry.schemas.Attachment;
import org.example.inquiry.schemas.Channel;
import org.example.inquiry.schemas.Money;
import org.example.inquiry.schemas.Reference;

/**
 * An inquiry as any channel hands it to intake, already parsed and validated for its format. The
 * Avro value types (Money, Reference, Attachment) are used as they are: mapping them would be
 * noise.
 *
 * @param channel where it came in
 * @param submittedBy authenticated principal or adapter name
 * @param idempotencyKey the channel's message id or the client's Idempotency-Key; null for none
 * @param channelMessageId the channel's own message id, when it has one
 * @param statedCustomerId the customer id the sender gave, if any
 * @param contactName sender name
 * @param contactEmail sender address
 * @param subject subject line
 * @param body plain text
 * @param references quoted documents
 * @param amount the amount at stake, if stated
 * @param attachments attachment metadata
 */
public record Submission(
    Channel channel,
    String submittedBy,
    String idempotencyKey,
    String channelMessageId,
    String statedCustomerId,
    String contactName,
    String contactEmail,
    String subject,
    String body,
    List<Reference> references,
    Money amount,
    List<Attachment> attachments) {}
