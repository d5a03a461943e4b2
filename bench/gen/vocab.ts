// Word lists for the generator: entity names per kind, prose slots and page
// headings. Lists are space-separated strings split once, e.g. `words('a b')`
// → ['a', 'b']; a `_` inside an item stands for a space (`load_balancing`).

const words = (list: string): readonly string[] =>
  list.trim().split(/\s+/).map((word) => word.replace(/_/g, ' '));

/** systems: `kube-proxy`, `aurora-edge-gateway`. */
export const SYSTEM_PREFIX = words(`
  kube core flux aurora raft ember nimbus delta orbit pulse vector quartz helix
  cobalt onyx lumen atlas borealis cinder drift echo falcon garnet harbor ion
  juniper kestrel lattice meridian nova opal prism quill radiant sable tundra
  umbra vesper willow xenon yarrow zephyr argon basalt cedar dune fjord glacier
  hydra iris jetty krypton lotus magma nectar obsidian pylon quasar ridge spire
  talon velvet warden zircon beacon canopy dynamo ether forge granite halo
`);
export const SYSTEM_MID = words(`
  edge cloud data graph flow sync log search stream batch vector object block
  feature model query event metric trace config secret job
`);
export const SYSTEM_SUFFIX = words(`
  proxy dns scheduler gateway store queue mesh operator agent cache db index
  router controller runtime ledger bus vault registry balancer planner compiler
  engine lake catalog monitor tracer broker shard autoscaler sidecar orchestrator
  collector replicator allocator indexer
`);

/** concepts: `tail-latency`, `gpu-adaptive-batching`. */
export const CONCEPT_DOMAIN = words(`
  distributed gpu network storage kernel database serverless edge mobile
  streaming inference training cache security observability
`);
export const CONCEPT_MODIFIER = words(`
  layer-7 layer-4 tail eventual strong causal adaptive hierarchical incremental
  speculative optimistic pessimistic lock-free consistent weighted probabilistic
  deterministic elastic hot cold sticky zero-copy write-ahead read-your-writes
  bounded multi-tenant cross-region vectorized columnar
`);
export const CONCEPT_NOUN = words(`
  load-balancing latency consistency replication sharding caching scheduling
  compaction batching quorum backpressure admission-control rate-limiting
  hashing partitioning failover isolation snapshotting garbage-collection
  leader-election checkpointing prefetching tiering deduplication throttling
  fencing gossip consensus indexing
`);

/** patterns: `proxyless-service-mesh`, `partial-restart-fault-recovery`. */
export const PATTERN_QUALIFIER = words(`
  proxyless partial multi-cluster sidecar leader-based blue-green canary
  circuit-breaking shadow two-phase fan-out scatter-gather outbox saga strangler
  cell-based active-active read-through write-behind request-hedging bulkhead
  queue-based event-sourced tenant-aware shuffle-sharded
`);
export const PATTERN_OBJECT = words(`
  service restart write read cache shard job request deploy config schema index
  traffic session token lease snapshot
`);
export const PATTERN_ACTION = words(`
  mesh recovery fanout hedging fencing migration throttling batching rollout
  routing replay compaction warmup draining isolation handoff rebalancing
`);

/** companies: `datafluxlabs`, `zentora`. */
export const COMPANY_HEAD = words(`
  dat zen flu ora vix kor lum tex nim bri cal dro eve fig gra hal iso jun kal
  mir nor oct pax qua rho sol tal umi ver wex xyl yon zor arc bel cyr dal
`);
export const COMPANY_TAIL = words(`
  abricks tora flux ly ma nova sio pulse grid wave stack loom forge base scale
  mint tide rise vantage line
`);
export const COMPANY_SUFFIX = words(`labs ai cloud io systems works hq`);

/** people: `maria-okafor`. */
export const FIRST_NAMES = words(`
  maria james wei aisha lucas sofia omar elena kenji priya noah fatima diego
  hannah arjun chloe mateo yuki samuel leila ivan nadia tomas grace ravi ingrid
  kwame lena pablo mei oscar zara felix anya hugo rosa emeka clara dmitri ines
`);
export const LAST_NAMES = words(`
  okafor chen garcia patel muller rossi kim novak silva tanaka ahmed johansson
  dubois kowalski nguyen schmidt moreau haddad fernandes lindqvist mensah
  ivanova brennan castillo takahashi osei bauer petrov romano sato
`);

/** Names of slugs a dangling link can point at: `systems/envoy-legacy-bridge`. */
export const GHOST_WORDS = words(`
  legacy bridge shim v2 next experimental internal classic archive draft old
  prototype fork beta
`);

export const PUBLICATIONS = words(`
  InfoQ The_New_Stack ACM_Queue High_Scalability Personal_blog LWN
  Engineering_Weekly Systems_Digest SRE_Notes Data_Council
`);

/** Noun phrases for prose: "the control plane". */
export const TECH_PHRASES = words(`
  the_control_plane the_ingestion_pipeline every_shard the_request_path
  the_write-ahead_log the_feature_store cross-region_replication the_batch_tier
  the_legacy_balancer a_sidecar_proxy the_metadata_service the_job_queue
  the_storage_layer the_query_planner the_deploy_pipeline the_service_registry
  the_edge_fleet the_training_cluster the_cache_tier the_on-call_rotation
  the_observability_stack the_connection_pool the_rollout_controller
`);
export const METRICS = words(`
  p99_latency tail_latency cost_per_query error_rate throughput time_to_recovery
  memory_footprint cold-start_time deploy_frequency GPU_utilisation queue_depth
  CPU_headroom cache_hit_rate storage_cost
`);
export const UNITS = words(`
  services clusters requests_per_second nodes tenants pods partitions jobs
  queries regions shards GPUs connections pipelines
`);
export const ADJECTIVES = words(`
  stateless long-lived multi-tenant latency-sensitive bursty write-heavy
  read-mostly stateful batch-oriented interactive memory-bound GPU-hungry
`);
export const VERBS = words(`
  rewrote replaced sharded migrated instrumented benchmarked retired redesigned
  split consolidated hardened rebuilt
`);
export const DURATIONS = words(`
  in_under_12_months over_two_quarters within_a_week during_the_2024_peak
  in_three_phases over_eighteen_months before_the_holiday_freeze in_a_single_sprint
`);
export const TOPICS = words(`
  intelligent_load_balancing multi-region_failover zero-downtime_migrations
  GPU_scheduling incident_response cost_attribution schema_evolution
  vector_search feature_flags change_data_capture tail-latency_reduction
  fleet-wide_upgrades capacity_planning secrets_rotation query_acceleration
`);

export const SOURCE_HEADINGS = words(`
  Background The_problem Architecture How_it_works Results Lessons_learned
  Trade-offs What's_next Operational_notes Migration Failure_modes Benchmarks
  Design_goals Rollout Alternatives_considered Cost
`);
export const ENTITY_HEADINGS = words(`
  How_it_works Trade-offs Operational_notes Design History Failure_modes
  Related_work Deployment Limitations
`);
export const TAGS = words(`
  networking storage ml databases reliability security observability cost
  kubernetes streaming infra frontend
`);
