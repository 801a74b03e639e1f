package org.example.inquiry.resolution.cases.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.example.inquiry.platform.streams.JsonSerde;
import org.example.inquiry.resolution.cases.AutoAnswer;
import org.example.inquiry.resolution.cases.CaseEvent;
import org.example.inquiry.resolution.cases.CaseWatch;
import org.example.inquiry.resolution.cases.CaseWorkflow;
import org.example.inquiry.resolution.cases.CustomerFacts;
import org.example.inquiry.resolution.cases.InquiryCase;
import org.example.inquiry.resolution.cases.Step;
import org.example.inquiry.schemas.Customer;
import org.example.inquiry.schemas.FinanceAcknowledgement;
import org.example.inquiry.schemas.FinancialEffectApproved;
import org.example.inquiry.schemas.InquiryApproved;
import org.example.inquiry.schemas.InquiryCommand;
import org.example.inquiry.schemas.InquiryFollowedUp;
import org.example.inquiry.schemas.InquiryReceived;
import org.example.inquiry.schemas.InquiryResolved;
import org.example.inquiry.schemas.InquiryRouted;
import org.example.inquiry.schemas.InquiryWorked;
import org.example.inquiry.schemas.MessageDelivery;
import org.example.inquiry.schemas.OpenItem;
import org.example.inquiry.schemas.OutboundMessage;
import org.example.inquiry.schemas.RequestRefused;
import org.example.inquiry.schemas.RerouteRequested;
import org.example.inquiry.schemas.catalog.TopicSpec;
import org.example.inquiry.schemas.catalog.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of every case: received and routed inquiries, customer follow-ups, agents'
 * commands, finance systems' acknowledgements and senders' delivery reports, all keyed by inquiry
 * id on co-partitioned topics, go through one processor that owns the {@value #CASES_STORE} store
 * for its partitions. It checks each command against the current case and emits the resulting
 * events, exactly once with the store update. A wall-clock punctuator raises SLA warnings and
 * breaches, overdue postings and the ledger watch; it reads only the cases that are due, from an
 * index kept with every change of a case ({@value #WATCH_STORE}, {@value #DUE_STORE}). Built from a
 * plain method so TopologyTestDriver tests need no Spring.
 */
public final class CaseTopology {

  private static final Logger LOG = LoggerFactory.getLogger(CaseTopology.class);

  public static final String CASES_STORE = "cases";

  /** Customers' inquiries that came before their routing, until the case opens. */
  public static final String OPENINGS_STORE = "case-openings";

  /** Per case that has a clock running or invoices watched: its {@link CaseWatch}. */
  public static final String WATCH_STORE = "case-watch";

  /**
   * The index of {@value #WATCH_STORE}: {@code T<wake-up, epoch ms, 13 digits>:<inquiry id>} for
   * cases with a clock, {@code L:<inquiry id>} for cases whose invoices the ledger watch looks up,
   * and {@code I:<length>:<document number>:<inquiry id>} for each invoice it watches; the value is
   * the inquiry id; and {@value #INDEX_VERSION_KEY}: the index version it was built under. A task
   * whose index was built under another version (other code or settings, see {@link
   * CaseIndexVersion}), or under none, indexes all its cases again after it starts, in slices
   * ({@link Indexing}); it keeps the index with every change. A restart of the same version reads
   * no case.
   */
  public static final String DUE_STORE = "case-due";

  /** The key of {@value #DUE_STORE} that holds the version its index was built under. */
  static final String INDEX_VERSION_KEY = "V:index-version";

  /**
   * How a task indexes its cases again: under which version (null: at every start), and in slices
   * of at most {@code slice} of work or {@code maxCases} cases, one every {@code every}. Between
   * rounds of slices (one per task of the stream thread) the thread processes records and commits,
   * so a re-index never holds a transaction open for more than a round (a transaction longer than
   * the producer's {@code transaction.timeout.ms} is aborted by the broker and the task fenced).
   */
  public record Indexing(String version, Duration every, Duration slice, int maxCases) {

    /** Slices of 100 ms, or 5,000 cases, every 200 ms. */
    public static Indexing of(String version) {
      return new Indexing(version, Duration.ofMillis(200), Duration.ofMillis(100), 5_000);
    }
  }

  public static final String LEDGER_STORE = "open-items";
  public static final String CUSTOMERS_STORE = "customer-master";
  public static final String PROFILES_STORE = "customer-financial-profiles";
  public static final String CONTRACTS_STORE = "contract-terms";

  /** The content of attached files, in parts keyed {@code <sha256>:<part>}; on every instance. */
  public static final String ATTACHMENTS_STORE = "attachment-contents";

  private CaseTopology() {}

  /**
   * Adds the case processor, its stores and the global stores to {@code builder}; {@code
   * ledgerChanges}: what the ledger loader tells the ledger watch, one per topology (tests give a
   * small capacity).
   */
  public static void build(
      StreamsBuilder builder,
      Serde<SpecificRecord> avro,
      CaseWorkflow workflow,
      Clock clock,
      Duration slaCheckInterval,
      String policyVersion,
      Indexing indexing,
      LedgerChanges ledgerChanges) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CASES_STORE), Serdes.String(), CaseJson.serde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(OPENINGS_STORE),
            Serdes.String(),
            CaseJson.messageSerde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(WATCH_STORE),
            Serdes.String(),
            new JsonSerde<>(CaseWatch.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DUE_STORE), Serdes.String(), Serdes.String()));
    latest(builder, avro, LEDGER_STORE, Topics.OPEN_ITEMS, ledgerChanges::changed);
    latest(builder, avro, CUSTOMERS_STORE, Topics.CUSTOMERS);
    // Shown to agents on the case: the customer's payment behaviour and contract terms.
    latest(builder, avro, PROFILES_STORE, Topics.CUSTOMER_FINANCIAL_PROFILES);
    latest(builder, avro, CONTRACTS_STORE, Topics.CONTRACT_TERMS);
    // Served to whoever may see a case that lists the file, by whichever instance is asked.
    latest(builder, avro, ATTACHMENTS_STORE, Topics.ATTACHMENT_CONTENTS);
    var outputs =
        builder.stream(
                List.of(
                    Topics.INQUIRIES_RECEIVED.name(),
                    Topics.INQUIRIES_ROUTED.name(),
                    Topics.INQUIRIES_FOLLOWED_UP.name(),
                    Topics.INQUIRY_COMMANDS.name(),
                    Topics.REQUESTS_REFUSED.name(),
                    Topics.FINANCE_ACKNOWLEDGEMENTS.name(),
                    Topics.MESSAGE_DELIVERIES.name()),
                Consumed.with(Serdes.String(), avro))
            .process(
                () ->
                    new CaseProcessor(
                        workflow, clock, slaCheckInterval, policyVersion, indexing, ledgerChanges),
                CASES_STORE,
                OPENINGS_STORE,
                WATCH_STORE,
                DUE_STORE);
    Produced<String, SpecificRecord> produced = Produced.with(Serdes.String(), avro);
    outputs
        .filter((k, v) -> v instanceof InquiryWorked)
        .to(Topics.INQUIRIES_WORKED.name(), produced);
    outputs
        .filter((k, v) -> v instanceof InquiryApproved)
        .to(Topics.INQUIRIES_APPROVED.name(), produced);
    outputs
        .filter((k, v) -> v instanceof InquiryResolved)
        .to(Topics.INQUIRIES_RESOLVED.name(), produced);
    outputs
        .filter((k, v) -> v instanceof OutboundMessage)
        .to(Topics.OUTBOUND_MESSAGES.name(), produced);
    outputs
        .filter((k, v) -> v instanceof RerouteRequested)
        .to(Topics.REROUTES_REQUESTED.name(), produced);
    // Keyed by customer: one customer's postings reach finance in the order they were approved.
    outputs
        .filter((k, v) -> v instanceof FinancialEffectApproved)
        .selectKey((k, v) -> ((FinancialEffectApproved) v).getCustomerId())
        .to(Topics.FINANCIAL_EFFECTS_APPROVED.name(), produced);
  }

  /** A global store of the latest record per key of the compacted topic ({@link LatestLoader}). */
  private static void latest(
      StreamsBuilder builder, Serde<SpecificRecord> avro, String store, TopicSpec topic) {
    latest(builder, avro, store, topic, key -> {});
  }

  /** {@link #latest}, telling {@code changed} each key it stores or deletes. */
  private static void latest(
      StreamsBuilder builder,
      Serde<SpecificRecord> avro,
      String store,
      TopicSpec topic,
      Consumer<String> changed) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), avro)
            .withLoggingDisabled(),
        topic.name(),
        Consumed.with(Serdes.String(), avro),
        () -> new LatestLoader(store, changed));
  }

  /**
   * Keeps the latest record per key of a compacted topic (ledger documents, customers, profiles,
   * contract terms, attachment parts) in a global store; a tombstone deletes. Tells {@code changed}
   * each key after the store has it (the ledger watch reads the ledger's, {@link LedgerChanges}).
   */
  static final class LatestLoader implements Processor<String, SpecificRecord, Void, Void> {
    private final String storeName;
    private final Consumer<String> changed;
    private KeyValueStore<String, SpecificRecord> store;

    LatestLoader(String storeName, Consumer<String> changed) {
      this.storeName = storeName;
      this.changed = changed;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
      changed.accept(record.key());
    }
  }

  static final class CaseProcessor
      implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final CaseWorkflow workflow;
    private final Clock clock;
    private final Duration slaCheckInterval;
    private final String policyVersion;
    private final Indexing indexing;
    private final LedgerChanges ledgerChanges;
    private Cancellable indexSlices; // scheduled until this task's cases are indexed
    private boolean versionChecked; // the stored version was compared with this one's
    private boolean indexCurrent; // the index is this version's: no slices to run
    private String versionBefore; // the version the index had, when it is not current
    private String indexedUpTo; // the last case a re-index in progress has indexed
    private int indexedCount;
    private long indexStarted;
    private boolean watchesRead; // the ledger watch has read every watching case since the start
    private long ledgerCursor; // the ledger changes the watch has read up to
    private final Set<String> rewatched = new LinkedHashSet<>(); // watch set since the last check
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, InquiryCase> cases;
    private KeyValueStore<String, InquiryCase.Message> openings;
    private KeyValueStore<String, CaseWatch> watches;
    private KeyValueStore<String, String> due;
    private KeyValueStore<String, SpecificRecord> ledger;
    private KeyValueStore<String, SpecificRecord> customers;

    CaseProcessor(
        CaseWorkflow workflow,
        Clock clock,
        Duration slaCheckInterval,
        String policyVersion,
        Indexing indexing,
        LedgerChanges ledgerChanges) {
      this.workflow = workflow;
      this.clock = clock;
      this.slaCheckInterval = slaCheckInterval;
      this.policyVersion = policyVersion;
      this.indexing = indexing;
      this.ledgerChanges = ledgerChanges;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
      this.context = context;
      this.cases = context.getStateStore(CASES_STORE);
      this.openings = context.getStateStore(OPENINGS_STORE);
      this.watches = context.getStateStore(WATCH_STORE);
      this.due = context.getStateStore(DUE_STORE);
      this.ledger = context.getStateStore(LEDGER_STORE);
      this.customers = context.getStateStore(CUSTOMERS_STORE);
      context.schedule(slaCheckInterval, PunctuationType.WALL_CLOCK_TIME, now -> checkSla());
      // (again, when the task is revived after its stores were rolled back to the last commit)
      versionChecked = false;
      indexCurrent = false;
      indexedUpTo = null;
      indexedCount = 0;
      watchesRead = false;
      rewatched.clear();
      indexSlices =
          context.schedule(indexing.every(), PunctuationType.WALL_CLOCK_TIME, now -> indexSlice());
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
      String inquiryId = record.key();
      if (inquiryId == null || record.value() == null) {
        return;
      }
      InquiryCase current = cases.get(inquiryId);
      SpecificRecord value = record.value();
      Step step = null;
      // Each event carries the time of its fact, the same instant the case view shows, so KPIs
      // computed from the events agree with the case to the millisecond.
      Instant factTime = now();
      if (value instanceof InquiryReceived received) {
        InquiryCase.Message inquiry = CaseMapper.inquiry(received);
        if (current == null) {
          openings.put(inquiryId, inquiry);
          return;
        }
        factTime = received.getOccurredAt();
        step = workflow.received(current, inquiry);
      } else if (value instanceof InquiryRouted routed) {
        factTime = routed.getOccurredAt();
        step = workflow.routed(current, CaseMapper.fromRouted(routed), routed.getOccurredAt());
        if (current == null) {
          step = workflow.opened(step, openings.get(inquiryId));
          openings.delete(inquiryId);
          AutoAnswer.Decision decision = AutoAnswer.decide(step.next(), this::ledgerItem);
          if (decision instanceof AutoAnswer.Answer answer) {
            apply(inquiryId, step, record.timestamp(), factTime);
            factTime = now();
            step = workflow.autoAnswered(step.next(), answer.text(), factTime);
          } else if (decision instanceof AutoAnswer.Withheld withheld) {
            apply(inquiryId, step, record.timestamp(), factTime);
            step = workflow.autoAnswerWithheld(step.next(), withheld.reason(), factTime);
          }
        }
      } else if (value instanceof InquiryFollowedUp followUp && current != null) {
        factTime = followUp.getOccurredAt();
        step = workflow.followedUp(current, CaseMapper.followUp(followUp));
      } else if (value instanceof MessageDelivery delivery) {
        factTime = delivery.getOccurredAt();
        step = workflow.delivered(current, CaseMapper.delivery(delivery));
      } else if (value instanceof RequestRefused refused) {
        factTime = refused.getOccurredAt();
        step =
            workflow.requestRefused(
                current,
                refused.getStatus(),
                refused.getActor(),
                refused.getMethod() + " " + refused.getPath(),
                refused.getReason(),
                factTime);
      } else if (value instanceof FinanceAcknowledgement ack) {
        factTime = ack.getOccurredAt();
        step = workflow.acknowledged(current, CaseMapper.acknowledgement(ack));
      } else if (value instanceof InquiryCommand command) {
        factTime = command.getIssuedAt();
        step =
            workflow.handle(
                current, CaseMapper.fromCommand(command), this::customer, this::documentOwner);
      }
      apply(inquiryId, step, record.timestamp(), factTime);
    }

    /** Event times are milliseconds on the wire; the case keeps the same precision. */
    private Instant now() {
      return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private CustomerFacts customer(String customerId) {
      SpecificRecord value = customerId == null ? null : customers.get(customerId);
      return value instanceof Customer c ? CaseMapper.customerFacts(c) : null;
    }

    /** The customer a ledger document (any type) belongs to, or null when the ledger lacks it. */
    private String documentOwner(String documentNumber) {
      SpecificRecord value = ledger.get(documentNumber);
      return value instanceof OpenItem item ? item.getCustomerId() : null;
    }

    private AutoAnswer.LedgerItem ledgerItem(String documentNumber) {
      SpecificRecord value = ledger.get(documentNumber);
      return value instanceof OpenItem item ? CaseMapper.ledgerItem(item) : null;
    }

    private void apply(String inquiryId, Step step, long timestamp, Instant at) {
      if (step == null || step.next() == null) {
        return;
      }
      cases.put(inquiryId, step.next());
      index(inquiryId, step.next());
      for (CaseEvent event : step.events()) {
        context.forward(
            new Record<>(
                inquiryId, CaseMapper.toAvro(inquiryId, event, at, policyVersion), timestamp));
      }
    }

    /**
     * Raises what is due: reads the cases whose wake-up time has passed and those whose watched
     * invoices are all cleared in the ledger, and runs the clocks on each ({@link
     * CaseWorkflow#slaTick}, the one definition of what is due); never every case. While the task
     * indexes its cases again ({@link #indexSlice}), a case not reached yet is found by the entry
     * an earlier version gave it, and as soon as the re-index reaches it.
     */
    private void checkSla() {
      Instant now = now();
      Set<String> candidates = new LinkedHashSet<>();
      try (KeyValueIterator<String, String> it = due.range("T", timeKey(now, "\uffff"))) {
        it.forEachRemaining(kv -> candidates.add(kv.value));
      }
      for (String inquiryId : ledgerWatchers()) {
        CaseWatch watch = watches.get(inquiryId);
        if (watch != null && workflow.ledgerCleared(watch, this::ledgerItem)) {
          candidates.add(inquiryId);
        }
      }
      for (String inquiryId : candidates) {
        InquiryCase current = cases.get(inquiryId);
        Step step = current == null ? null : workflow.slaTick(current, now, this::ledgerItem);
        if (step != null && !step.events().isEmpty()) {
          apply(inquiryId, step, now.toEpochMilli(), now);
        } else {
          index(inquiryId, current);
        }
      }
    }

    /**
     * The cases whose ledger watch may fire now: every case that watches invoices at the first
     * check after the task starts (and while its index is being built again, or when more ledger
     * documents changed than {@link LedgerChanges} holds); afterwards only those whose watch was
     * set since the last check and those watching a document the ledger changed since then ({@value
     * #INVOICE_PREFIX} entries). Whether a watch fires depends on the watch and those documents
     * alone ({@link CaseWorkflow#ledgerCleared}), so nothing else can make one fire.
     */
    private Set<String> ledgerWatchers() {
      Set<String> watchers = new LinkedHashSet<>(rewatched);
      rewatched.clear();
      LedgerChanges.Since changed = watchesRead ? ledgerChanges.since(ledgerCursor) : null;
      if (changed == null || changed.overflowed() || !indexCurrent) {
        // marked before reading: a document that changes while the cases are read is read again
        ledgerCursor = ledgerChanges.mark();
        try (KeyValueIterator<String, String> it = due.range(LEDGER_PREFIX, "L;")) {
          it.forEachRemaining(kv -> watchers.add(kv.value));
        }
        watchesRead = true;
        return watchers;
      }
      ledgerCursor = changed.cursor();
      for (String document : changed.documents()) {
        try (KeyValueIterator<String, String> it =
            due.prefixScan(invoicePrefix(document), new StringSerializer())) {
          it.forEachRemaining(kv -> watchers.add(kv.value));
        }
      }
      return watchers;
    }

    /**
     * One slice of indexing every case of the task as this version computes its watch, when the
     * task's index was built under another version (or none): from the case after the last one
     * indexed, until the slice's time or case count is used up. Cases changed meanwhile are indexed
     * as they change, wherever they are. When the last case is indexed, the version is stored and
     * the slices stop; a restart of the same version reads no case.
     */
    private void indexSlice() {
      checkVersion();
      if (indexCurrent) {
        indexSlices.cancel();
        return;
      }
      if (indexedUpTo == null && indexedCount == 0) {
        indexStarted = System.nanoTime();
        LOG.info(
            "Task {}: indexing its cases under index version {} (was {})",
            context.taskId(),
            indexing.version(),
            versionBefore);
      }
      long deadline = System.nanoTime() + indexing.slice().toNanos();
      int inSlice = 0;
      try (KeyValueIterator<String, InquiryCase> next =
          indexedUpTo == null ? cases.all() : cases.range(indexedUpTo, null)) {
        while (next.hasNext()) {
          KeyValue<String, InquiryCase> entry = next.next();
          if (entry.key.equals(indexedUpTo)) {
            continue; // indexed by the slice before
          }
          index(entry.key, entry.value, true);
          indexedUpTo = entry.key;
          indexedCount++;
          if (++inSlice >= indexing.maxCases() || System.nanoTime() >= deadline) {
            return;
          }
        }
      }
      if (indexing.version() != null) {
        due.put(INDEX_VERSION_KEY, indexing.version());
      }
      indexCurrent = true;
      indexSlices.cancel();
      LOG.info(
          "Task {}: indexed its {} cases in {} ms",
          context.taskId(),
          indexedCount,
          (System.nanoTime() - indexStarted) / 1_000_000);
    }

    /**
     * Compares the stored index version with this one's, once per start of the task, before its
     * first index write. When they differ, the stored version is deleted in the same transaction as
     * that write: an index this version has begun to change is no other version's, so whichever
     * version gets the task next (this one after a restart, or another during a rolling upgrade)
     * indexes again.
     */
    private void checkVersion() {
      if (versionChecked) {
        return;
      }
      versionChecked = true;
      String stored = due.get(INDEX_VERSION_KEY);
      if (indexing.version() != null && indexing.version().equals(stored)) {
        indexCurrent = true;
        return;
      }
      versionBefore = stored;
      if (stored != null) {
        due.delete(INDEX_VERSION_KEY);
      }
    }

    /** Keeps the case's watch and its index entries as the case now is. */
    private void index(String inquiryId, InquiryCase current) {
      index(inquiryId, current, false);
    }

    /**
     * {@link #index(String, InquiryCase)}; {@code again}: writes the index entries even when the
     * watch is unchanged (a re-index: an earlier version may have kept other entries).
     */
    private void index(String inquiryId, InquiryCase current, boolean again) {
      checkVersion();
      CaseWatch next = workflow.watch(current);
      CaseWatch before = watches.get(inquiryId);
      boolean changed = !next.equals(before);
      if ((!changed && !again) || (before == null && next.isIdle())) {
        return;
      }
      if (before != null) {
        if (before.wakeAt() != null) {
          due.delete(timeKey(before.wakeAt(), inquiryId));
        }
        if (!before.invoices().isEmpty()) {
          due.delete(LEDGER_PREFIX + inquiryId);
          before.invoices().forEach(invoice -> due.delete(invoiceKey(invoice, inquiryId)));
        }
      }
      if (next.isIdle()) {
        watches.delete(inquiryId);
        return;
      }
      watches.put(inquiryId, next);
      if (next.wakeAt() != null) {
        due.put(timeKey(next.wakeAt(), inquiryId), inquiryId);
      }
      if (!next.invoices().isEmpty()) {
        due.put(LEDGER_PREFIX + inquiryId, inquiryId);
        next.invoices().forEach(invoice -> due.put(invoiceKey(invoice, inquiryId), inquiryId));
        if (changed) {
          rewatched.add(inquiryId);
        }
      }
    }
  }

  private static final String LEDGER_PREFIX = "L:";

  /**
   * {@code I:<length of the document number>:<document number>:<inquiry id>}: a case that watches
   * the document. The length makes the key unambiguous whatever the number holds, and no number's
   * prefix a longer number's ({@code INV-2} against {@code INV-21}).
   */
  static final String INVOICE_PREFIX = "I:";

  static String invoicePrefix(String documentNumber) {
    return INVOICE_PREFIX + documentNumber.length() + ':' + documentNumber + ':';
  }

  static String invoiceKey(String documentNumber, String inquiryId) {
    return invoicePrefix(documentNumber) + inquiryId;
  }

  /**
   * {@code T<epoch ms, 13 digits>:<id>}: sorted by time as strings from 1970 to 2286 (a later time
   * has 14 digits and is read at every check, never missed; nothing is due that late).
   */
  static String timeKey(Instant at, String inquiryId) {
    long millis;
    try {
      millis = Math.max(0, at.toEpochMilli());
    } catch (ArithmeticException e) { // beyond what a long holds in milliseconds
      millis = at.isBefore(Instant.EPOCH) ? 0 : Long.MAX_VALUE;
    }
    return String.format(Locale.ROOT, "T%013d:%s", millis, inquiryId);
  }
}
