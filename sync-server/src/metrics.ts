// Prometheus metrics of the relay, served at GET /metrics. One registry per process: several relays
// started in one test process share it (the figures add up), which is harmless.
// The relay's logic increments publications / holds / rejections; the transport the rest.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'hearth_relay_process_' });

export const metrics = {
  connections: new Gauge({ name: 'hearth_relay_connections', help: 'Open WebSocket connections', registers: [registry] }),
  roomsLoaded: new Gauge({ name: 'hearth_relay_rooms_loaded', help: 'Rooms held in memory', registers: [registry] }),
  updatesIn: new Counter({
    name: 'hearth_relay_updates_in_total',
    help: 'Document updates received from clients, by outcome (stored, dropped-read-only, invalid)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  updatesOut: new Counter({ name: 'hearth_relay_updates_out_total', help: 'Document updates sent to clients', registers: [registry] }),
  bytesIn: new Counter({ name: 'hearth_relay_bytes_in_total', help: 'WebSocket payload bytes received', registers: [registry] }),
  bytesOut: new Counter({ name: 'hearth_relay_bytes_out_total', help: 'WebSocket payload bytes sent', registers: [registry] }),
  relayWrites: new Counter({ name: 'hearth_relay_writes_total', help: 'Relay-authored writes (DocHost.write)', registers: [registry] }),
  closes: new Counter({
    name: 'hearth_relay_closes_total',
    help: 'Connections closed by the relay, by close code',
    labelNames: ['code'] as const,
    registers: [registry],
  }),
  refusedConnections: new Counter({
    name: 'hearth_relay_refused_connections_total',
    help: 'WebSockets refused for a per-person or per-address connection cap, by reason (person, address)',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
  awarenessDropped: new Counter({
    name: 'hearth_relay_awareness_dropped_total',
    help: 'Awareness states dropped, by reason (person, size, clients, room-full, rate)',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
  publications: new Counter({ name: 'hearth_relay_publications_total', help: 'Outbox entries published', registers: [registry] }),
  holds: new Counter({ name: 'hearth_relay_holds_total', help: 'Outbox entries held by the policy', registers: [registry] }),
  rejections: new Counter({ name: 'hearth_relay_rejections_total', help: 'Outbox entries rejected', registers: [registry] }),
  storeFailures: new Counter({
    name: 'hearth_relay_store_failures_total',
    help: 'Appends to storage that failed, by status (full: SQLITE_FULL; failing: any other error)',
    labelNames: ['status'] as const,
    registers: [registry],
  }),
  storeSeconds: new Histogram({
    name: 'hearth_relay_store_seconds',
    help: 'Time to store one batch of updates durably',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  }),
  roomLoadSeconds: new Histogram({
    name: 'hearth_relay_room_load_seconds',
    help: 'Time to load a room from storage',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  }),
};
