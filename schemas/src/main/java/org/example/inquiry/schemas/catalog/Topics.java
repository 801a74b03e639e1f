package org.example.inquiry.schemas.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.example.inquiry.schemas.AttachmentContent;
import org.example.inquiry.schemas.ClassifierRetrained;
import org.example.inquiry.schemas.ContractTerms;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.CustomerFinancialProfile;
import org.example.inquiry.schemas.FinanceAcknowledgement;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryClassified;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryRated;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquirySubmitted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.LabelledExample;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.RequestRefused;
import org.example.inquiry.schemas.RerouteRequested;

/**
 * The one catalogue of every topic: name, partitions, key, value and owning service. Immutable;
 * services build their {@code NewTopic} declarations and serdes from it.
 */
public final class Topics {

  /** Suffix of dead-letter topics, the spring-kafka default since 3.3. */
  public static final String DLT_SUFFIX = "-dlt";

  /** Default partition count of the inquiry event topics. */
  public static final int INQUIRY_PARTITIONS = 6;

  public static final String INTAKE = "intake-service";
  public static final String CLASSIFIER = "classifier-service";
  public static final String ROUTER = "router-service";
  public static final String RESOLUTION = "resolution-service";
  public static final String METRICS = "metrics-service";

  /**
   * The topic names as compile-time constants, for annotations ({@code @KafkaListener(topics =
   * Topics.Names.INQUIRIES_CLASSIFIED)}); the specs below take their names from here.
   */
  public static final class Names {
    public static final String INQUIRIES_RECEIVED = "inquiries-received";
    public static final String INQUIRIES_CLASSIFIED = "inquiries-classified";
    public static final String INQUIRIES_ROUTED = "inquiries-routed";
    public static final String INQUIRIES_APPROVED = "inquiries-approved";
    public static final String INQUIRIES_RESOLVED = "inquiries-resolved";
    public static final String INQUIRIES_SUBMITTED = "inquiries-submitted";
    public static final String INQUIRIES_FOLLOWED_UP = "inquiries-followed-up";
    public static final String INQUIRIES_RATED = "inquiries-rated";
    public static final String INQUIRY_COMMANDS = "inquiry-commands";
    public static final String INQUIRIES_WORKED = "inquiries-worked";
    public static final String REQUESTS_REFUSED = "requests-refused";
    public static final String OPEN_ITEMS = "open-items";
    public static final String CUSTOMERS = "customers";
    public static final String CLASSIFIER_LABELLED_EXAMPLES = "classifier-labelled-examples";
    public static final String CLASSIFIER_MODELS = "classifier-models";
    public static final String ROUTER_OPEN_LOAD = "router-open-load";
    public static final String FINANCIAL_EFFECTS_APPROVED = "financial-effects-approved";
    public static final String FINANCE_ACKNOWLEDGEMENTS = "finance-acknowledgements";
    public static final String CUSTOMER_FINANCIAL_PROFILES = "customer-financial-profiles";
    public static final String CONTRACT_TERMS = "contract-terms";
    public static final String OUTBOUND_MESSAGES = "outbound-messages";
    public static final String MESSAGE_DELIVERIES = "message-deliveries";
    public static final String REROUTES_REQUESTED = "reroutes-requested";
    public static final String ATTACHMENT_CONTENTS = "attachment-contents";

    private Names() {}
  }

  private static final Duration DLT_RETENTION = Duration.ofDays(28);

  public static final TopicSpec INQUIRIES_RECEIVED =
      event(Names.INQUIRIES_RECEIVED, InquiryReceived.class, INTAKE);
  public static final TopicSpec INQUIRIES_CLASSIFIED =
      event(Names.INQUIRIES_CLASSIFIED, InquiryClassified.class, CLASSIFIER);
  public static final TopicSpec INQUIRIES_ROUTED =
      event(Names.INQUIRIES_ROUTED, InquiryRouted.class, ROUTER);
  public static final TopicSpec INQUIRIES_APPROVED =
      event(Names.INQUIRIES_APPROVED, InquiryApproved.class, RESOLUTION);
  public static final TopicSpec INQUIRIES_RESOLVED =
      event(Names.INQUIRIES_RESOLVED, InquiryResolved.class, RESOLUTION);

  /**
   * Written by channel adapters; intake declares it because intake owns the contract and is its
   * only reader. Keyed by the adapter's submission id.
   */
  public static final TopicSpec INQUIRIES_SUBMITTED =
      new TopicSpec(
          Names.INQUIRIES_SUBMITTED,
          INQUIRY_PARTITIONS,
          "submissionId",
          InquirySubmitted.class,
          INTAKE,
          false,
          TopicSpec.KEEP_FOREVER);

  /**
   * Posting-ready financial effects, one per approved action, published once at its final approval;
   * keyed by customer id so one customer's postings (ledger, credit limit) stay in order.
   * Downstream finance systems post from here and de-duplicate on {@code effectId}.
   */
  public static final TopicSpec FINANCIAL_EFFECTS_APPROVED =
      new TopicSpec(
          Names.FINANCIAL_EFFECTS_APPROVED,
          INQUIRY_PARTITIONS,
          "customerId",
          FinancialEffectApproved.class,
          RESOLUTION,
          false,
          TopicSpec.KEEP_FOREVER);

  /**
   * Finance systems' answers to the approved effects (posted or rejected). Written by the finance
   * systems; resolution declares it because it owns the contract and folds each answer into its
   * case, so it is keyed by inquiry id, co-partitioned with the case's other inputs.
   */
  public static final TopicSpec FINANCE_ACKNOWLEDGEMENTS =
      event(Names.FINANCE_ACKNOWLEDGEMENTS, FinanceAcknowledgement.class, RESOLUTION);

  /**
   * Messages to customers (replies, requests for information, automatic answers), written by
   * resolution's case processor; channel adapters deliver their channel's, intake's email sender
   * the email ones.
   */
  public static final TopicSpec OUTBOUND_MESSAGES =
      event(Names.OUTBOUND_MESSAGES, OutboundMessage.class, RESOLUTION);

  /**
   * What became of each outbound message (sent, or failed after retries), written by the senders
   * (intake declares it, its email sender writes it) and folded into the case; co-partitioned with
   * the case's other inputs.
   */
  public static final TopicSpec MESSAGE_DELIVERIES =
      event(Names.MESSAGE_DELIVERIES, MessageDelivery.class, INTAKE);

  /**
   * Requests to route an open inquiry to other teams, written by resolution's case processor when
   * it accepts one; the router answers on inquiries-routed.
   */
  public static final TopicSpec REROUTES_REQUESTED =
      event(Names.REROUTES_REQUESTED, RerouteRequested.class, RESOLUTION);

  public static final TopicSpec INQUIRIES_FOLLOWED_UP =
      event(Names.INQUIRIES_FOLLOWED_UP, InquiryFollowedUp.class, INTAKE);
  public static final TopicSpec INQUIRIES_RATED =
      event(Names.INQUIRIES_RATED, InquiryRated.class, INTAKE);

  /** Commands to resolution's case processor; internal to resolution-service. */
  public static final TopicSpec INQUIRY_COMMANDS =
      new TopicSpec(
          Names.INQUIRY_COMMANDS,
          INQUIRY_PARTITIONS,
          "inquiryId",
          InquiryCommand.class,
          RESOLUTION,
          false,
          TopicSpec.KEEP_FOREVER);

  public static final TopicSpec INQUIRIES_WORKED =
      event(Names.INQUIRIES_WORKED, InquiryWorked.class, RESOLUTION);

  /**
   * Requests on a case that security refused (401/403), for audit; co-partitioned with the commands
   * so the case processor puts each on its case's timeline.
   */
  public static final TopicSpec REQUESTS_REFUSED =
      event(Names.REQUESTS_REFUSED, RequestRefused.class, RESOLUTION);

  /** Receivables ledger extract (compacted, keyed by document number), loaded by resolution. */
  public static final TopicSpec OPEN_ITEMS =
      new TopicSpec(Names.OPEN_ITEMS, 3, "documentNumber", OpenItem.class, RESOLUTION, true, null);

  public static final TopicSpec CUSTOMERS =
      new TopicSpec(Names.CUSTOMERS, 3, "customerId", Customer.class, INTAKE, true, null);

  /**
   * The content of files customers attached, where the channel delivered it (email), in parts of at
   * most 256 KiB: written by intake in the transaction of the inquiry or follow-up that lists the
   * file, read by resolution as a global store and served to the people who may see the case.
   * Content-addressed and compacted (key {@code <sha256>:<part>}): a file attached twice is kept
   * once, and kept as long as the topic is.
   */
  public static final TopicSpec ATTACHMENT_CONTENTS =
      new TopicSpec(
          Names.ATTACHMENT_CONTENTS,
          INQUIRY_PARTITIONS,
          "sha256:part",
          AttachmentContent.class,
          INTAKE,
          true,
          null);

  /**
   * Each customer's financial profile (open receivables with due dates and promises, payment
   * history, value of approved effects), compacted, keyed by customer id: derived by the router's
   * Kafka Streams from {@code open-items} and {@code financial-effects-approved}, read as a global
   * table by the router (priority) and resolution (the case's customer finances).
   */
  public static final TopicSpec CUSTOMER_FINANCIAL_PROFILES =
      new TopicSpec(
          Names.CUSTOMER_FINANCIAL_PROFILES,
          3,
          "customerId",
          CustomerFinancialProfile.class,
          ROUTER,
          true,
          null);

  /**
   * Contract terms per customer (payment terms, letters of credit), compacted, keyed by customer
   * id; loaded by resolution's import like the ledger and shown to agents on the case.
   */
  public static final TopicSpec CONTRACT_TERMS =
      new TopicSpec(
          Names.CONTRACT_TERMS, 3, "customerId", ContractTerms.class, RESOLUTION, true, null);

  /**
   * The classifier's labelled history: each resolved inquiry's text with the types its agent
   * confirmed (compacted, keyed by inquiry id, so a re-resolution replaces the example).
   */
  public static final TopicSpec CLASSIFIER_LABELLED_EXAMPLES =
      new TopicSpec(
          Names.CLASSIFIER_LABELLED_EXAMPLES,
          INQUIRY_PARTITIONS,
          "inquiryId",
          LabelledExample.class,
          CLASSIFIER,
          true,
          null);

  /**
   * Every retraining decision, promoted or rejected, in order (one partition). Compacted with a
   * unique key per decision, so no decision is ever removed or expires.
   */
  public static final TopicSpec CLASSIFIER_MODELS =
      new TopicSpec(
          Names.CLASSIFIER_MODELS, 1, "eventId", ClassifierRetrained.class, CLASSIFIER, true, null);

  /**
   * The router's open inquiries per assigned agent (compacted, key agentId, value a 4-byte
   * big-endian count), written by the router's Kafka Streams open-load aggregate and read back by
   * every router instance as a global table. Shared private state, not an event: no schema, no dead
   * letters, rebuilt from {@code inquiries-routed} and {@code inquiries-resolved}.
   */
  public static final TopicSpec ROUTER_OPEN_LOAD =
      new TopicSpec(Names.ROUTER_OPEN_LOAD, 1, "agentId", null, ROUTER, true, null);

  /**
   * An inquiry's life on the log, in order: what the KPIs count, and what a run's accounting checks
   * (every accepted inquiry once on each of these it reaches).
   */
  public static final List<TopicSpec> INQUIRY_LIFECYCLE =
      List.of(
          INQUIRIES_RECEIVED,
          INQUIRIES_CLASSIFIED,
          INQUIRIES_ROUTED,
          INQUIRIES_WORKED,
          INQUIRIES_APPROVED,
          INQUIRIES_RESOLVED,
          INQUIRIES_FOLLOWED_UP,
          INQUIRIES_RATED);

  /** Topics a service keeps its own derived state in (no Avro values, no dead letters). */
  private static final List<TopicSpec> STATE_TOPICS = List.of(ROUTER_OPEN_LOAD);

  private static final List<TopicSpec> DATA_TOPICS =
      List.of(
          INQUIRIES_RECEIVED,
          INQUIRIES_CLASSIFIED,
          INQUIRIES_ROUTED,
          INQUIRIES_APPROVED,
          INQUIRIES_RESOLVED,
          INQUIRIES_SUBMITTED,
          INQUIRIES_FOLLOWED_UP,
          INQUIRIES_RATED,
          INQUIRY_COMMANDS,
          INQUIRIES_WORKED,
          REQUESTS_REFUSED,
          OPEN_ITEMS,
          CUSTOMERS,
          CLASSIFIER_LABELLED_EXAMPLES,
          CLASSIFIER_MODELS,
          FINANCIAL_EFFECTS_APPROVED,
          FINANCE_ACKNOWLEDGEMENTS,
          CUSTOMER_FINANCIAL_PROFILES,
          CONTRACT_TERMS,
          OUTBOUND_MESSAGES,
          MESSAGE_DELIVERIES,
          REROUTES_REQUESTED,
          ATTACHMENT_CONTENTS);

  private static final Map<String, TopicSpec> BY_NAME;

  static {
    List<TopicSpec> all = new ArrayList<>(DATA_TOPICS);
    for (TopicSpec data : DATA_TOPICS) {
      all.add(deadLetterSpec(data));
    }
    all.addAll(STATE_TOPICS);
    BY_NAME =
        Collections.unmodifiableMap(
            all.stream()
                .collect(
                    Collectors.toMap(
                        TopicSpec::name,
                        Function.identity(),
                        (a, b) -> {
                          throw new IllegalStateException("duplicate topic " + a.name());
                        },
                        LinkedHashMap::new)));
  }

  private Topics() {}

  private static TopicSpec event(String name, Class<? extends SpecificRecord> type, String owner) {
    // The event log is the system of record: KPIs, case views and audit are rebuilt by replaying
    // it, so inquiry events never expire.
    return new TopicSpec(
        name, INQUIRY_PARTITIONS, "inquiryId", type, owner, false, TopicSpec.KEEP_FOREVER);
  }

  private static TopicSpec deadLetterSpec(TopicSpec source) {
    // The consumer that fails a record publishes its dead letter, so every consumer group of the
    // source topic may write here; the DLT keeps the source's partitioning.
    return new TopicSpec(
        source.name() + DLT_SUFFIX,
        source.partitions(),
        source.keyType(),
        null,
        "consumers of " + source.name(),
        false,
        DLT_RETENTION);
  }

  /** Every topic, data topics first, then their dead-letter topics, then state topics. */
  public static List<TopicSpec> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** The topics carrying Avro values (no dead letters). */
  public static List<TopicSpec> dataTopics() {
    return DATA_TOPICS;
  }

  /** The data topics the given service writes (each has a dead-letter topic). */
  public static List<TopicSpec> ownedBy(String service) {
    return DATA_TOPICS.stream().filter(t -> t.owner().equals(service)).toList();
  }

  /** The state topics the given service writes (no dead-letter topics). */
  public static List<TopicSpec> stateOwnedBy(String service) {
    return STATE_TOPICS.stream().filter(t -> t.owner().equals(service)).toList();
  }

  public static Optional<TopicSpec> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The dead-letter topic of a data topic. */
  public static TopicSpec deadLetterOf(TopicSpec source) {
    return byName(source.name() + DLT_SUFFIX)
        .orElseThrow(() -> new IllegalArgumentException("no dead-letter topic for " + source));
  }

  /** The dead-letter topic name for a topic name. */
  public static String deadLetterName(String topic) {
    return topic + DLT_SUFFIX;
  }
}
