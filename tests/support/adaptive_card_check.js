// Checks Adaptive Cards with Microsoft's own library (npm "adaptivecards").
// stdin: a JSON object {name: card, ...}. stdout: a JSON object {name: [problem, ...], ...}.
// A problem is every event of parsing (unknown elements, actions, properties, bad values)
// and of validation (e.g. "Required inputs should have an error message", duplicate ids).
"use strict";

const AC = require("adaptivecards/dist/adaptivecards.js");

function problems(json) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const found = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    found.push(`parse: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    found.push(`validate: ${event.message}`);
  }
  return found;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cards = JSON.parse(input);
  const report = {};
  for (const [name, json] of Object.entries(cards)) {
    report[name] = problems(json);
  }
  process.stdout.write(JSON.stringify(report));
});
