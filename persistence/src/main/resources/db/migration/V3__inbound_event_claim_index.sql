-- Claiming walks the open events of the platforms this replica serves. Without an index that starts
-- with the status, H2 chose the (platform, event_id) key and read every event ever received, the
-- finished ones included, on each claim (docs/benchmarks.md).
create index inbound_event_claim_idx on inbound_event (status, platform, id);
