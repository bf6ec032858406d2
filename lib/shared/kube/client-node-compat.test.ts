// The column functions take our structural types; client-node's models (timestamps as Date)
// must stay assignable to them, and give the same strings as wire JSON (timestamps as text).
import type {
  CoreV1Event,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1Service,
  V1StatefulSet,
} from "@kubernetes/client-node";
// Not re-exported from the package root in 2.0.1; the package has no "exports" map.
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, listFixtures, loadFixture } from "./__fixtures__/load-fixture";
import { nodeRow } from "./node-columns";
import { podRow } from "./pod-columns";
import type {
  CronJobLike,
  DaemonSetLike,
  DeploymentLike,
  EventLike,
  JobLike,
  NodeLike,
  PodLike,
  ReplicaSetLike,
  ServiceLike,
  StatefulSetLike,
} from "./types";

// Compile-time: each assignment fails `tsc` if the shapes drift apart.
export type Assignable = [
  V1Pod extends PodLike ? true : never,
  V1Node extends NodeLike ? true : never,
  V1Deployment extends DeploymentLike ? true : never,
  V1ReplicaSet extends ReplicaSetLike ? true : never,
  V1DaemonSet extends DaemonSetLike ? true : never,
  V1StatefulSet extends StatefulSetLike ? true : never,
  V1Job extends JobLike ? true : never,
  V1CronJob extends CronJobLike ? true : never,
  V1Service extends ServiceLike ? true : never,
  CoreV1Event extends EventLike ? true : never,
];

describe("client-node models", () => {
  it("print the same pod rows as wire JSON", () => {
    for (const name of listFixtures("pods")) {
      const json = loadFixture<PodLike>(`pods/${name}.json`);
      const model = ObjectSerializer.deserialize(json, "V1Pod") as V1Pod;
      expect(model.metadata?.creationTimestamp).toBeInstanceOf(Date);
      expect(podRow(model, FIXTURE_NOW)).toEqual(podRow(json, FIXTURE_NOW));
    }
  });

  it("print the same node rows as wire JSON", () => {
    for (const name of listFixtures("nodes")) {
      const json = loadFixture<NodeLike>(`nodes/${name}.json`);
      const model = ObjectSerializer.deserialize(json, "V1Node") as V1Node;
      expect(nodeRow(model, FIXTURE_NOW)).toEqual(nodeRow(json, FIXTURE_NOW));
    }
  });
});
