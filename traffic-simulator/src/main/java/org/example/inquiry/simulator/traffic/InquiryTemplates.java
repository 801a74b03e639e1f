package org.example.inquiry.simulator.traffic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wording of simulated inquiries: several subjects and bodies per type, with {@code {placeholders}}
 * the generator fills from the customer, the ledger and the amounts it chose. Wording follows what
 * finance teams actually receive (and what the classifier's corpus holds), so types are realistic
 * to classify.
 */
final class InquiryTemplates {

  /** Subjects and core paragraphs of one type. */
  record Wording(List<String> subjects, List<String> bodies) {}

  static final List<String> GREETINGS =
      List.of(
          "Hello,",
          "Dear finance team,",
          "Dear Accounts Receivable,",
          "Hi,",
          "Good morning,",
          "Dear Sir or Madam,",
          "Hello team,");

  static final List<String> EXTRAS =
      List.of(
          "",
          "",
          "Our controller has asked me to get this settled before the month-end close.",
          "I have attached the relevant documents for your reference.",
          "If it is easier to discuss by phone, I am available most mornings.",
          "Thank you for your help so far.",
          "Please reply to this address; I am covering for a colleague this week.");

  static final List<String> CLOSINGS =
      List.of("Kind regards,", "Best regards,", "Thanks,", "Regards,", "Many thanks,", "Cheers,");

  static final Map<InquiryType, Wording> WORDING = new EnumMap<>(InquiryType.class);

  static {
    WORDING.put(
        InquiryType.INVOICE_COPY,
        new Wording(
            List.of(
                "Copy of invoice {inv}",
                "Request: duplicate invoice {inv}",
                "Invoice {inv} - PDF copy needed",
                "Please resend invoice {inv}"),
            List.of(
                "Could you please send us a copy of invoice {inv} dated {issued}? Our accounts"
                    + " payable team cannot find the PDF in their system.",
                "We need a duplicate of invoice {inv} for our auditors. Please resend the invoice"
                    + " copy to this address.",
                "Our AP department never received invoice {inv} ({invAmount}). Could you resend a"
                    + " copy of the invoice, please?",
                "Please send another copy of invoice {inv}; the one we received was unreadable.")));
    WORDING.put(
        InquiryType.PAYMENT_STATUS,
        new Wording(
            List.of(
                "Payment status of invoice {inv}",
                "Has our payment for {inv} been received?",
                "Status of invoice {inv}",
                "Payment confirmation for {inv}"),
            List.of(
                "Could you confirm whether our payment for invoice {inv} ({invAmount}) has been"
                    + " received and applied? Please let us know the current payment status.",
                "We paid invoice {inv} last week by bank transfer. Can you confirm receipt of the"
                    + " payment and that the invoice is settled?",
                "Please tell us the payment status of invoice {inv}, due {due}. Our records show it"
                    + " as paid but we received a reminder.",
                "What is the open amount on invoice {inv}? We need to know if our remittance was"
                    + " allocated correctly.")));
    WORDING.put(
        InquiryType.BILLING_DISCREPANCY,
        new Wording(
            List.of(
                "Incorrect amount on invoice {inv}",
                "Billing discrepancy - {inv}",
                "Invoice {inv} does not match our purchase order",
                "Price difference on {inv}"),
            List.of(
                "Invoice {inv} bills {invAmount}, but the agreed price on order {order} was lower."
                    + " The difference is {amt}. Please correct the invoice or issue a credit"
                    + " note for the difference.",
                "We were overcharged on invoice {inv}: the unit price does not match our contract"
                    + " and the total is {amt} too high. Kindly review the billing and send a"
                    + " corrected invoice.",
                "The quantity invoiced on {inv} is higher than what was delivered. We calculate an"
                    + " overbilling of {amt}. Please adjust the invoice.",
                "Invoice {inv} includes a surcharge of {amt} that was never agreed. Please remove"
                    + " it and reissue the invoice.")));
    WORDING.put(
        InquiryType.DISPUTE,
        new Wording(
            List.of(
                "Dispute of invoice {inv}",
                "We dispute {inv} - goods damaged",
                "Formal dispute: invoice {inv}",
                "Payment withheld on {inv} - quality complaint"),
            List.of(
                "We formally dispute invoice {inv}. The goods arrived damaged and were rejected at"
                    + " receipt. We are withholding payment of {amt} until this is resolved.",
                "We never ordered part of the items billed on invoice {inv} and dispute {amt}."
                    + " Please confirm that no reminders or interest will be charged on the"
                    + " disputed amount.",
                "The delivery for invoice {inv} failed our quality inspection. We dispute the"
                    + " amount of {amt} and request a credit note. The inspection report is"
                    + " attached.",
                "Please put invoice {inv} on hold: we dispute {amt} because the service was not"
                    + " performed as agreed.")));
    WORDING.put(
        InquiryType.REFUND,
        new Wording(
            List.of(
                "Refund request - overpayment on {inv}",
                "Where is our refund?",
                "Refund of credit balance",
                "Duplicate payment of {inv} - please refund"),
            List.of(
                "We paid invoice {inv} twice by mistake. Please refund the overpayment of {amt}"
                    + " to our bank account on file.",
                "There is a credit balance of {amt} on our account after the returned goods for"
                    + " invoice {inv}. We would rather not have it offset; please refund it.",
                "Kindly refund {amt} that we overpaid on invoice {inv}. Please confirm the expected"
                    + " date of the refund.",
                "The credit note for invoice {inv} has still not been paid out. We are waiting for"
                    + " a refund of {amt}.")));
    WORDING.put(
        InquiryType.PAYMENT_TERMS,
        new Wording(
            List.of(
                "Request to extend payment terms",
                "Payment terms - net {days} instead of net 30",
                "Change of payment terms for our account",
                "Early payment discount and terms"),
            List.of(
                "We would like to extend our payment terms from net 30 to net {days} days, starting"
                    + " with our next orders. Our volume with you has grown considerably this"
                    + " year.",
                "Could we agree payment terms of net {days} on future invoices? Our customers pay"
                    + " us later than expected this season.",
                "Our group treasury now pays suppliers on a {days}-day cycle. Please align our"
                    + " payment terms accordingly.",
                "Is an early payment discount possible if we pay within 10 days? Otherwise we ask"
                    + " for net {days} payment terms.")));
    WORDING.put(
        InquiryType.CREDIT_LIMIT,
        new Wording(
            List.of(
                "Request to increase our credit limit",
                "Credit limit increase to {amt}",
                "Credit limit review",
                "Orders on hold - credit limit reached"),
            List.of(
                "With the new season starting we would like to raise our credit limit from {limit}"
                    + " to {amt}. Our audited financial statements are attached.",
                "Our orders are on hold because we reached our credit limit of {limit}. Please"
                    + " increase the credit limit to {amt} so that the deliveries can go out.",
                "We request a credit limit review: our expected purchases next quarter need a limit"
                    + " of about {amt}. A parent company guarantee is available.",
                "Please increase our credit line to {amt}. Our payment history with you has been"
                    + " excellent.")));
    WORDING.put(
        InquiryType.LOGISTICS_BILLING,
        new Wording(
            List.of(
                "Delayed delivery of order {order} - invoice must be adjusted",
                "Freight charges on invoice {inv}",
                "Partial shipment but full invoice {inv}",
                "Delivery date and billing for order {order}"),
            List.of(
                "Our order {order} was delivered {weeks} weeks late, but invoice {inv} was issued"
                    + " for the original delivery date. Please revise the delivery date and adjust"
                    + " the billing, including the freight charge of {amt}.",
                "Invoice {inv} bills express freight of {amt}, but the shipment of order {order}"
                    + " went by standard delivery. Please correct the logistics charges.",
                "Only part of order {order} was shipped, yet invoice {inv} covers the full"
                    + " quantity. Please rebill the delivered quantity only; the difference is"
                    + " {amt}.",
                "The carrier lost one pallet of order {order}. Invoice {inv} should be adjusted by"
                    + " {amt} until the replacement is delivered.")));
    WORDING.put(
        InquiryType.LETTER_OF_CREDIT,
        new Wording(
            List.of(
                "Letter of credit {lc} - presentation",
                "Documents under LC {lc}",
                "Amendment of letter of credit {lc}",
                "Discrepancy in LC {lc} documents"),
            List.of(
                "Order {order} (invoice {inv}, {invAmount}) is paid under letter of credit {lc}. Are partial"
                    + " shipments allowed under the LC? The latest presentation date is close.",
                "Our bank reports a discrepancy in the documents presented under letter of credit"
                    + " {lc} for invoice {inv}. Please advise how to proceed with the"
                    + " presentation.",
                "We need an amendment of letter of credit {lc}: the shipment date must move by"
                    + " {weeks} weeks. The LC amount is {invAmount} (invoice {inv}).",
                "Please confirm that the commercial invoice {inv} matches the terms of LC {lc}"
                    + " before we present the documents to the issuing bank.")));
    WORDING.put(
        InquiryType.KYC_MASTER_DATA,
        new Wording(
            List.of(
                "Change of company address",
                "Update of our bank details",
                "New authorised signatory",
                "KYC documents for renewal"),
            List.of(
                "Please update our company address in your customer master: we moved our head"
                    + " office on the first of the month. The new registration extract is"
                    + " attached.",
                "Please update the bank account on file for our refunds. The confirmation letter"
                    + " from our bank is attached; please call our treasurer to verify.",
                "Our managing director has changed. Please record the new authorised signatory and"
                    + " let us know which KYC documents you need.",
                "Your KYC renewal request reached us. Attached are the ownership structure and the"
                    + " ID documents of the beneficial owners.")));
    WORDING.put(
        InquiryType.DEBT_RESTRUCTURING,
        new Wording(
            List.of(
                "Payment plan for overdue invoices",
                "Request for instalments",
                "Restructuring of our outstanding balance",
                "Overdue invoices {inv} - proposal"),
            List.of(
                "Our account is overdue on invoice {inv}. Could we agree a payment plan of {months}"
                    + " monthly instalments for the open {amt}?",
                "Due to a temporary cash shortfall we cannot settle {amt} (invoice {inv} and"
                    + " others) at once. We propose to pay in {months} instalments, starting next"
                    + " month.",
                "We would like to restructure our outstanding balance of {amt} (invoice {inv}"
                    + " and others) into a payment plan over {months} months.",
                "Please stop the dunning on invoice {inv}: we propose a repayment schedule of"
                    + " {months} monthly instalments for the overdue {amt}.")));
    WORDING.put(
        InquiryType.TREASURY_FX,
        new Wording(
            List.of(
                "Exchange rate applied to our payment",
                "FX difference on remittance",
                "Currency conversion question",
                "Remittance in {cur}"),
            List.of(
                "Our payment of {amt} was converted at an exchange rate we do not recognise. Which"
                    + " FX rate did you apply and on which value date?",
                "We want to pay future invoices in {cur}. Can you quote a fixed exchange rate for"
                    + " our remittances of about {amt} per month?",
                "The remittance of {amt} arrived with a bank charge and an FX difference. Please"
                    + " tell us how the currency conversion was booked.",
                "Can we hedge the exchange rate for our open orders worth {amt}? Our treasury"
                    + " would like to discuss forward contracts.")));
    WORDING.put(
        InquiryType.GENERAL,
        new Wording(
            List.of(
                "Statement of account",
                "Question about your finance contacts",
                "Year-end balance confirmation",
                "General question"),
            List.of(
                "Could you please send a statement of account as of the end of last month? Thank"
                    + " you.",
                "Who is our contact person in your finance department now? Our previous contact"
                    + " seems to have left.",
                "Our auditors need a balance confirmation as of year end. Please send it to this"
                    + " address.",
                "Please let us know your office hours over the holidays and whom to contact for"
                    + " urgent questions.")));
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9]+)\\}");

  private InquiryTemplates() {}

  static Wording wording(InquiryType type) {
    return WORDING.get(type);
  }

  /** Replaces every {@code {name}}; a placeholder without a value fails loudly. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for {" + m.group(1) + "} in: " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
