// Decodes the platform's events with a third-party Confluent-format client and publishes one event
// encoded by that client. Driven by ConfluentClientInteropIT; prints one JSON document on stdout.
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const { BOOTSTRAP, REGISTRY_URL, IN_TOPIC, OUT_TOPIC, EXPECTED, SUBJECT } = process.env;
const expected = Number(EXPECTED);
const registry = new SchemaRegistry({ host: REGISTRY_URL });
const kafka = new Kafka({ clientId: 'confluent-interop', brokers: [BOOTSTRAP], logLevel: logLevel.ERROR });

function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms));
}

async function consumeAndDecode() {
  const consumer = kafka.consumer({ groupId: `confluent-interop-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topic: IN_TOPIC, fromBeginning: true });
  const decoded = [];
  const done = new Promise((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ message }) => {
          const value = await registry.decode(message.value);
          decoded.push({
            key: message.key.toString(),
            schemaId: message.value.readInt32BE(1),
            value,
          });
          if (decoded.length >= expected) resolve();
        },
      })
      .catch(reject);
  });
  await Promise.race([done, timeout(60000, `reading ${expected} records from ${IN_TOPIC}`)]);
  await consumer.disconnect();
  return decoded;
}

/** Avro decimal bytes: big-endian two's complement of the unscaled value. */
function decimalBytes(unscaled) {
  let hex = BigInt(unscaled).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

async function produceOne() {
  const id = await registry.getLatestSchemaId(SUBJECT);
  const event = {
    eventId: 'node-event-1',
    inquiryId: 'node-inquiry-1',
    occurredAt: Date.parse('2026-11-25T09:30:00Z'),
    channel: 'ADAPTER',
    channelMessageId: 'crm-msg-77',
    idempotencyKey: 'crm-msg-77',
    submittedBy: 'crm-adapter',
    customerId: 'C-1001',
    linkage: 'BY_ID',
    contact: { name: 'Node Client', email: 'node@acme.example' },
    subject: 'Published by kafkajs',
    body: 'Invoice INV-9 shows 1,234.50 EUR but we agreed 1,000.00 EUR.',
    references: [{ kind: 'INVOICE', value: 'INV-9' }],
    // 1234.5000 EUR at scale 4
    amount: { amount: decimalBytes(12345000n), currency: 'EUR' },
    attachments: [],
    kycStatus: 'VERIFIED',
    kycExpiresOn: null,
    senderIsRegisteredContact: 'PASSED',
    referencesBelongToCustomer: 'UNKNOWN',
    segment: null,
    region: null,
  };
  const value = await registry.encode(id, event);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic: OUT_TOPIC, messages: [{ key: event.inquiryId, value }] });
  await producer.disconnect();
  return { schemaId: id, inquiryId: event.inquiryId };
}

try {
  const decoded = await consumeAndDecode();
  const produced = await produceOne();
  process.stdout.write(JSON.stringify({ decoded, produced }) + '\n');
  process.exit(0);
} catch (e) {
  process.stderr.write(`interop failed: ${e.stack || e}\n`);
  process.exit(1);
}
