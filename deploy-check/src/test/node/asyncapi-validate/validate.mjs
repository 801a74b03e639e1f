// Parses an AsyncAPI document with the official parser (Avro payloads through the official Avro
// schema parser, relative $refs resolved from the document's location) and exits 1 when the parser
// reports any error. Driven by AsyncApiDocumentTest: prints the diagnostics on stderr and, when the
// document is valid, one JSON line on stdout naming each message's channel, payload fields and
// headers.
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const ERROR = 0; // DiagnosticSeverity.Error
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await fromFile(parser, file).parse();

for (const d of diagnostics) {
  const at = d.path && d.path.length ? d.path.join('.') : '(document)';
  console.error(`${SEVERITIES[d.severity] ?? d.severity} ${d.code}: ${d.message} at ${at}`);
}
const errors = diagnostics.filter((d) => d.severity === ERROR);
if (errors.length > 0 || !document) {
  console.error(`${errors.length} error(s) in ${file}`);
  process.exit(1);
}

const messages = [];
for (const channel of document.channels()) {
  for (const message of channel.messages()) {
    const payload = message.payload();
    const headers = message.headers();
    messages.push({
      channel: channel.address(),
      schemaFormat: message.schemaFormat(),
      fields: payload && payload.properties() ? Object.keys(payload.properties()) : [],
      headers: headers && headers.properties() ? Object.keys(headers.properties()) : [],
    });
  }
}
console.log(JSON.stringify({ messages }));
