-- StatefulSets and DaemonSets in the fleet snapshot (reported by agents of control protocol 4;
-- NULL for clusters collected otherwise), and the time since which the agent reports its watch
-- caches not current (the numbers are then last-known and shown stale at once).
ALTER TABLE "fleet_snapshots"
  ADD COLUMN "statefulSetsTotal" INTEGER,
  ADD COLUMN "statefulSetsUnavailable" INTEGER,
  ADD COLUMN "daemonSetsTotal" INTEGER,
  ADD COLUMN "daemonSetsUnavailable" INTEGER,
  ADD COLUMN "notCurrentSince" TIMESTAMP(3);
