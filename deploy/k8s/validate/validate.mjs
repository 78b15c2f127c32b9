// Validates every object of rendered Kubernetes manifests against the Kubernetes API schemas that the
// kubernetes-models package generates from the OpenAPI spec (types, required fields, formats, enums).
// Unknown fields are not caught (the generated schemas allow extra keys).
// Usage: kubectl kustomize ../overlays/production | node validate.mjs [name-for-messages]
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const label = process.argv[2] ?? "stdin";
const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
let failures = 0;

for (const obj of docs) {
  const where = `${label}: ${obj.kind}/${obj.metadata?.name}`;
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : [null, obj.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${obj.kind}`;
  try {
    const Model = (await import(module))[obj.kind];
    new Model(obj).validate();
  } catch (e) {
    failures++;
    console.error(`INVALID ${where}: ${e.message}`);
  }
}
console.log(`${label}: ${docs.length} objects, ${failures} invalid`);
if (docs.length === 0 || failures > 0) process.exit(1);

