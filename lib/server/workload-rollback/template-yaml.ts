import "server-only";
import { stringify } from "yaml";

/** A pod template as YAML for the revision diff (keys in the object's order, as kubectl prints). */
export function templateYaml(template: unknown): string {
  return template === undefined ? "" : stringify(template, { lineWidth: 0 });
}
