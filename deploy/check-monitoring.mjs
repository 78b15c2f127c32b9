// Checks deploy/grafana/*.json and deploy/prometheus/alerts.yml: they parse, and every metric they use is one a
// service registers in its code (Micrometer names, Prometheus-style), a Spring Boot standard metric, or a Kafka
// exporter metric. This is a static check; it does not scrape a running service.
// Run: node deploy/check-monitoring.mjs   (needs deploy/k8s/validate's node_modules for the YAML parser)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const { parse } = createRequire(join(here, "k8s/validate/package.json"))("yaml");

const registered = new Set(["http_server_requests_seconds_count", "http_server_requests_seconds_sum",
  "http_server_requests_seconds_max"]);
const external = new Set(["kafka_consumergroup_lag", "kafka_topic_partition_current_offset"]);
const builder = /(Counter|Timer|Gauge|MultiGauge)\.builder\("([a-z0-9.]+)"([^;]*)/gs;
for (const file of javaFiles(root)) {
  for (const m of readFileSync(file, "utf8").matchAll(builder)) {
    const name = m[2].replaceAll(".", "_");
    if (m[1] === "Counter") registered.add(`${name}_total`);
    else if (m[1] === "Timer") ["count", "sum", "max", "bucket"].forEach((s) => registered.add(`${name}_seconds_${s}`));
    else {
      const unit = m[3].match(/baseUnit\("(\w+)"\)/);
      registered.add(unit ? `${name}_${unit[1]}` : name);
    }
  }
  // Counters built by a helper: counter("portal.events.consumed", ...)
  for (const m of readFileSync(file, "utf8").matchAll(/\bcounter\("([a-z0-9.]+)"/g)) registered.add(`${m[1].replaceAll(".", "_")}_total`);
}
const exprs = [];
for (const f of readdirSync(join(here, "grafana"))) {
  const dash = JSON.parse(readFileSync(join(here, "grafana", f), "utf8"));
  dash.panels.forEach((p) => p.targets.forEach((t) => exprs.push([`grafana/${f}: ${p.title}`, t.expr])));
}
for (const g of parse(readFileSync(join(here, "prometheus/alerts.yml"), "utf8")).groups)
  g.rules.forEach((r) => exprs.push([`alerts.yml: ${r.alert}`, r.expr]));
const words = new Set(["sum", "rate", "max", "min", "and", "or", "increase", "delta", "histogram_quantile"]);
let unknown = 0;
for (const [where, expr] of exprs) {
  // Without label matchers, "by (...)" label lists and range selectors, only metric and function names remain.
  const stripped = expr.replace(/\{[^}]*\}/g, "").replace(/\b(by|without)\s*\([^)]*\)/g, "").replace(/\[[^\]]*\]/g, "");
  for (const name of stripped.match(/[a-z_][a-z0-9_]*/g) ?? []) {
    if (words.has(name) || registered.has(name) || external.has(name)) continue;
    {
      console.error(`UNKNOWN METRIC ${name} in ${where}`);
      unknown++;
    }
  }
}
console.log(`monitoring: ${exprs.length} expressions, ${unknown} unknown metrics`);
process.exit(unknown ? 1 : 0);

function* javaFiles(dir) {
  for (const e of readdirSync(dir)) {
    if (["node_modules", "target", ".git", "portal-web", "test"].includes(e)) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* javaFiles(p);
    else if (p.endsWith(".java")) yield p;
  }
}
