// V8 flags of the app's server process (scripts/start.ts) and of the benchmarks that run its code.
// The call ingest and the rating run allocate short-lived strings and objects for every AMI event
// and every call; with V8's default 16 MB young generation they are scavenged (and too often
// promoted) dozens of times a second. 64 MB semi-spaces took a million-call rating run's CPU in
// this process from 18.4 s to 13.5 s (bench/rating.ts). package.json's bench scripts pass the same.
export const APP_NODE_FLAGS = "--max-semi-space-size=64";
