package org.example.inquiry.intake.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.example.inquiry.platform.validation.MoneyInput;
import org.example.inquiry.platform.validation.ValidMoney;

/**
 * An inquiry as a portal or API client submits it ({@code POST /api/v1/inquiries}).
 *
 * @param customerId the customer master id, when the sender knows it
 * @param contact who is asking
 * @param subject one line
 * @param body the question itself, plain text
 * @param channel PORTAL, API, ...; defaults to API
 * @param references invoice, order, letter-of-credit or contract numbers
 * @param amount the amount the inquiry is about, when there is one
 * @param attachments metadata of attached files
 */
public record SubmitInquiryRequest(
    @Size(max = 64) String customerId,
    @NotNull @Valid ContactDto contact,
    @NotBlank @Size(max = 500) String subject,
    @NotNull @Size(max = 100_000) String body,
    @Pattern(
            regexp = "PORTAL|API|EMAIL|ADAPTER|PHONE|CHAT|OTHER",
            message = "must be one of PORTAL, API, EMAIL, ADAPTER, PHONE, CHAT, OTHER")
        String channel,
    @Size(max = 50) List<@NotNull @Valid ReferenceDto> references,
    @Valid AmountDto amount,
    @Size(max = 20) List<@NotNull @Valid AttachmentDto> attachments) {

  /** Metadata of an attached file; the content lives in the document store. */
  public record AttachmentDto(
      @NotBlank @Size(max = 255) String fileName,
      @NotBlank @Size(max = 127) String contentType,
      @PositiveOrZero long sizeBytes,
      @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lower-case hex SHA-256")
          String sha256) {}

  /** The person asking. */
  public record ContactDto(
      @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {}

  /** A document number the customer quotes. */
  public record ReferenceDto(
      @NotBlank
          @Pattern(
              regexp = "INVOICE|ORDER|LETTER_OF_CREDIT|CONTRACT|PAYMENT|CREDIT_NOTE|OTHER",
              message =
                  "must be one of INVOICE, ORDER, LETTER_OF_CREDIT, CONTRACT, PAYMENT, CREDIT_NOTE, OTHER")
          String kind,
      @NotBlank @Size(max = 64) String value) {}

  /** An exact amount in an ISO 4217 currency. */
  @ValidMoney
  public record AmountDto(
      @NotNull
          @DecimalMin(value = "0", message = "must not be negative")
          @Digits(integer = 15, fraction = 4)
          BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD")
          String currency)
      implements MoneyInput {}
}
